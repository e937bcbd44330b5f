// Screenshots of reckon's HTML reports for docs/reports.md, taken in Debian's
// Chromium through playwright-core. scripts/report-screenshots runs it.
//
// usage: node screenshots.mjs OUT_PNG URL [WIDTH HEIGHT [SELECTOR]]
//   SELECTOR: an element to shoot instead of the top of the page
import { chromium } from 'playwright-core';

const [out, url, width = '1100', height = '900', selector] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.RECKON_CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking'],
});
const page = await browser.newPage({ viewport: { width: Number(width), height: Number(height) } });
await page.goto(url);
if (selector) await page.locator(selector).first().screenshot({ path: out });
else await page.screenshot({ path: out });
await browser.close();
