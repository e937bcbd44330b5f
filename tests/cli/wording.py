#!/usr/bin/env python3
"""The audit reads like an analyst's note (issue 19): runs `reckon audit` (text and
Markdown) and `reckon report` (Markdown and HTML) on a corpus and fails on any wording
a reader should never see: interval notation, internal keys, "1 claims", "one people",
an empty source. With --golden NAME it also compares the text and Markdown audits with
tests/golden/audit/NAME.txt and NAME.md (UPDATE_GOLDEN=1 writes .unapproved files).

usage: wording.py RECKON PROJECT_DIR CORPUS [--golden NAME] [--slice N]
  --slice N: audit only the first N records of a CSV corpus (a FA-KES slice)."""
import csv, os, re, subprocess, sys, tempfile

FORBIDDEN = [
    (r"\[[0-9,]+, *(inf|[0-9,]+)[\])]", "interval notation"),
    (r"\binf\b|\bunbounded\b|\?\+", "interval notation"),
    (r"\bsource:[A-Za-z]", "an internal key (source:)"),
    (r"\barticle:[0-9A-Za-z_]", "an internal key (article:)"),
    (r"(?<![\d,.-])1 (claims|articles|incidents|findings|files|people|civilians|children|self-contradictions)\b", "a plural after 1"),
    (r"(?<![-\w])one (people|civilians|children|fighters)\b", "a plural after one"),
    (r"\b(dozens|hundreds|scores|tens|thousands) (people|civilians|children|fighters)\b", "a vague word without 'of'"),
    (r" \(-\)| \(\)|^  , |\| - \||^\s*(&middot;|·) ", "an empty source"),
]

def run(reckon, args, cwd):
    r = subprocess.run([reckon] + args, capture_output=True, text=True, cwd=cwd)
    if r.returncode not in (0, 1):
        sys.exit("reckon %s: exit %d\n%s" % (" ".join(args), r.returncode, r.stderr[-2000:]))
    return r.stdout

def check(name, text, problems):
    for line_no, line in enumerate(text.splitlines(), 1):
        for pattern, what in FORBIDDEN:
            if re.search(pattern, line):
                problems.append("%s:%d: %s: %s" % (name, line_no, what, line.strip()[:160]))

def main():
    reckon, project, corpus = sys.argv[1], sys.argv[2], sys.argv[3]
    golden = sys.argv[sys.argv.index("--golden") + 1] if "--golden" in sys.argv else None
    tmp = tempfile.mkdtemp(prefix="reckon-wording-")
    if "--slice" in sys.argv:
        n = int(sys.argv[sys.argv.index("--slice") + 1])
        if not os.path.exists(corpus):
            print("skipped: %s is absent" % corpus); return 77
        with open(corpus, newline="", encoding="utf-8", errors="replace") as f:
            rows = list(csv.reader(f))
        sliced = os.path.join(tmp, "slice.csv")
        with open(sliced, "w", newline="", encoding="utf-8") as f:
            csv.writer(f).writerows(rows[: n + 1])
        corpus = sliced
    problems = []
    outputs = {}
    for fmt in ("text", "md"):
        outputs[fmt] = run(reckon, ["audit", corpus, "--format", fmt], project)
        check("audit." + fmt, outputs[fmt], problems)
    for fmt in ("md", "html"):
        out = os.path.join(tmp, fmt)
        run(reckon, ["report", corpus, "--all", "--format", fmt, "-o", out], project)
        for name in sorted(os.listdir(out)):
            text = open(os.path.join(out, name), encoding="utf-8").read()
            if fmt == "html":  # the words a reader sees, not the markup or the script
                text = re.sub(r"<script.*?</script>|<style.*?</style>", "", text, flags=re.S)
                text = re.sub(r"</?(div|td|th|li|p|h[1-6]|tr|article|section|blockquote|br|text)\b[^>]*>", "\n", text)
                text = re.sub(r"<[^>]+>", "", text)
            check("report/" + name, text, problems)
    if golden:
        for fmt, ext in (("text", "txt"), ("md", "md")):
            path = os.path.join(project, "tests", "golden", "audit", golden + "." + ext)
            expected = open(path, encoding="utf-8").read() if os.path.exists(path) else None
            if outputs[fmt] != expected:
                if os.environ.get("UPDATE_GOLDEN"):
                    open(path + ".unapproved", "w", encoding="utf-8").write(outputs[fmt])
                problems.append("%s differs from the audit (UPDATE_GOLDEN=1 writes %s.unapproved)" % (path, path))
    for p in problems[:40]:
        print(p)
    if problems:
        print("%d problems" % len(problems)); return 1
    print("ok")
    return 0

sys.exit(main())
