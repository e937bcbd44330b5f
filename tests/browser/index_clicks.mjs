// Clicks through reckon's HTML index in Debian's Chromium, driven by playwright-core
// (no browser of its own is downloaded): the search narrows rows, a column header
// sorts, each filter and the date range narrow rows, the map and the timeline are
// drawn and follow the filters, and a point of the map opens its incident's page.
// One browser for the whole file. Expected values come from the page's own cells,
// never from a list of answers.
//
// usage: node index_clicks.mjs REPORTS_DIR   (REPORTS_DIR holds index.html)
import { chromium } from 'playwright-core';
import path from 'node:path';

const dir = path.resolve(process.argv[2] || '.');
const executablePath = process.env.RECKON_CHROMIUM || '/usr/bin/chromium';
const failures = [];
let passed = 0;
const check = (ok, what) => {
  if (ok) { passed++; console.log(`ok: ${what}`); } else { failures.push(what); console.log(`FAIL: ${what}`); }
};

const browser = await chromium.launch({
  executablePath,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
         '--disable-component-update', '--disable-sync'],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
const errors = [];
page.on('pageerror', e => errors.push(String(e)));
page.on('request', r => { if (!r.url().startsWith('file:')) errors.push(`network request: ${r.url()}`); });
await page.goto(`file://${dir}/index.html`);

// The visible rows, each as its cells' text and the sort keys the cells carry.
const visible = () => page.$$eval('#incidents tbody tr', rows => rows.filter(r => !r.hidden && r.offsetParent !== null).map(r => ({
  id: r.dataset.id,
  cells: [...r.cells].map(c => c.textContent.trim()),
  keys: [...r.cells].map(c => c.dataset.v),
  places: r.dataset.places, sources: r.dataset.sources, kinds: r.dataset.kinds, severity: r.dataset.severity,
})));
const column = async name => (await page.$$eval('#incidents thead th', ths => ths.map(t => t.textContent.trim()))).indexOf(name);
const shownPoints = sel => page.$$eval(`${sel} [data-incident]`, es => es.filter(e => getComputedStyle(e).display !== 'none').map(e => e.dataset.incident));
const reset = () => page.click('#reset');

const all = await visible();
const total = all.length;
check(total >= 3, `the index lists the incidents (${total})`);
check((await page.textContent('#shown')) === `${total} of ${total} incidents shown`, 'the count says every incident is shown');

// Search: a place written in one row only.
const placeCol = await column('places');
const word = all.map(r => r.cells[placeCol]).find(p => p && all.filter(r => r.cells[placeCol] === p).length < total);
await page.fill('#q', word);
let rows = await visible();
check(rows.length > 0 && rows.length < total, `search '${word}' narrows ${total} rows to ${rows.length}`);
check(rows.every(r => r.cells.join(' ').toLowerCase().includes(word.toLowerCase()) || r.places.toLowerCase().includes(word.toLowerCase())),
      `every row left by the search names '${word}'`);
check((await page.textContent('#shown')) === `${rows.length} of ${total} incidents shown`, 'the count follows the search');
const points = await shownPoints('#map');
check(points.every(id => rows.some(r => r.id === id)), 'the map shows only the points of the rows left');
check((await shownPoints('#timeline')).every(id => rows.some(r => r.id === id)), 'the timeline shows only the dots of the rows left');
await reset();
check((await visible()).length === total, 'show all brings every row back');

// Sorting by a click on a column's name: killed ascending, then descending; the dates.
const killedCol = await column('killed');
await page.click('#incidents thead th:nth-child(' + (killedCol + 1) + ') button');
let keys = (await visible()).map(r => r.keys[killedCol]).filter(k => k !== '').map(Number);
check(keys.length > 1 && keys.every((k, i) => i === 0 || keys[i - 1] <= k), `a click on 'killed' sorts it ascending (${keys.join(' ')})`);
check((await page.getAttribute(`#incidents thead th:nth-child(${killedCol + 1})`, 'aria-sort')) === 'ascending', 'the header says ascending');
await page.click('#incidents thead th:nth-child(' + (killedCol + 1) + ') button');
keys = (await visible()).map(r => r.keys[killedCol]).filter(k => k !== '').map(Number);
check(keys.every((k, i) => i === 0 || keys[i - 1] >= k), 'a second click sorts it descending');
const emptyLast = (await visible()).map(r => r.keys[killedCol]);
check(emptyLast.indexOf('') === -1 || emptyLast.slice(emptyLast.indexOf('')).every(k => k === ''), 'rows without a toll come last');
const datesCol = await column('dates');
await page.click('#incidents thead th:nth-child(' + (datesCol + 1) + ') button');
const days = (await visible()).map(r => r.keys[datesCol]).filter(Boolean);
check(days.every((d, i) => i === 0 || days[i - 1] <= d), 'a click on \'dates\' sorts them from the earliest');

// Each filter narrows the rows, and each row left agrees with the choice.
const divisionCol = await column('division'), gradeCol = await column('grade'), findingsCol = await column('findings');
const sourcesCol = await column('sources');
const filters = [
  ['#f-place', (r, v) => r.places.split('|').includes(v)],
  ['#f-source', (r, v) => r.cells[sourcesCol].toLowerCase().split(', ').includes(v.toLowerCase())],
  ['#f-grade', (r, v) => r.cells[gradeCol] === v],
  ['#f-kind', (r, v) => r.cells[findingsCol].split(', ').includes(v)],
  ['#f-sev', (r, v) => r.severity === v],
];
for (const [select, agrees] of filters) {
  const values = await page.$$eval(`${select} option`, os => os.map(o => o.value).filter(Boolean));
  let narrowed = false;
  for (const v of values) {
    await page.selectOption(select, v);
    rows = await visible();
    if (rows.length === 0 || rows.length === total) continue;
    narrowed = true;
    check(rows.every(r => agrees(r, v)), `${select} '${v}' leaves ${rows.length} of ${total} rows, each of them agreeing`);
    break;
  }
  check(narrowed, `${select} has a choice that narrows the rows`);
  await reset();
}
// A division chosen in the place filter keeps the incidents of its places too.
const division = all.map(r => r.cells[divisionCol]).find(Boolean);
await page.selectOption('#f-place', division);
rows = await visible();
check(rows.length > 0 && rows.every(r => r.cells[divisionCol] === division || r.places.split('|').includes(division)),
      `place '${division}' (a division) keeps its places' incidents`);
await reset();

// The date range: the month of the most recent incident.
const latest = all.map(r => r.keys[datesCol]).filter(Boolean).sort().pop();
const month = latest.slice(0, 7);
await page.fill('#f-from', `${month}-01`);
const lastDay = new Date(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0).getDate();
await page.fill('#f-to', `${month}-${lastDay}`);
rows = await visible();
check(rows.length > 0 && rows.length < total, `the date range ${month}-01..${month}-${lastDay} leaves ${rows.length} of ${total} rows`);
check(rows.every(r => r.cells[datesCol].startsWith(month)), `every row left is dated in ${month}`);
await page.fill('#f-to', '');
await page.fill('#f-from', '2999-01-01');
check((await visible()).length === 0, 'a range after every incident leaves none');
await reset();

// The map and the timeline are drawn, with the outline when the build had one.
const mapBox = await page.$eval('#map', e => { const b = e.getBoundingClientRect(); return [b.width, b.height]; }).catch(() => [0, 0]);
check(mapBox[0] > 200 && mapBox[1] > 100, `the map is drawn (${mapBox.map(Math.round).join('x')} px)`);
const mapPoints = await shownPoints('#map');
check(mapPoints.length > 0, `the map has ${mapPoints.length} points`);
check((await page.$$eval('#map .graticule line', ls => ls.length)) > 2, 'the map has a longitude/latitude grid');
const outline = await page.$eval('#map .outline', e => e.getAttribute('d').length).catch(() => 0);
console.log(outline > 0 ? `note: the map has an outline (${outline} characters of path)` : 'note: the map has no outline (world-atlas absent)');
const lanes = await page.$$eval('#timeline > text title', ts => ts.map(t => t.textContent));
check(lanes.length > 0 && (await shownPoints('#timeline')).length > 0, `the timeline has lanes (${lanes.join(', ')}) and dots`);
check(await page.$eval('#timeline', svg => [...svg.querySelectorAll('text')].every(t => {
  const b = t.getBBox(); const v = svg.viewBox.baseVal; return b.x >= v.x - 1 && b.x + b.width <= v.x + v.width + 1;
})), 'no label of the timeline is clipped');

// A real click on a point of the map opens its incident.
const first = mapPoints[mapPoints.length - 1];  // drawn last: on top of any it overlaps
await page.click(`#map [data-incident="${first}"] circle`, { timeout: 5000 });
await page.waitForLoadState();
check(page.url().endsWith(`/${first}.html`), `a click on the map's point opens ${first}.html`);
check((await page.textContent('h1')).includes(first), 'the incident page names the incident');

check(errors.length === 0, `no script error and no network request (${errors.join('; ')})`);
await browser.close();
console.log(`${passed} passed, ${failures.length} failed`);
process.exit(failures.length ? 1 : 0);
