#!/usr/bin/env python3
"""`reckon fmt` on every shipped ruleset (rules/) and every test ruleset under
tests/data and tests/golden: copies each folder to a temporary one, formats the copy in
place (-i) and checks that
  - formatting is idempotent: `fmt --check` passes on the result, `fmt` prints it unchanged;
  - only blanks moved: the text without blanks is the same, comments included;
  - the file cuts into the same statements (a statement starts at column 1);
  - the ruleset means the same: `reckon check` reports the same messages on the same
    lines, and `reckon test` (for rulesets with tests) gives the same result.
A file that does not parse (the syntax-error fixtures) must be refused with exit 65 and
left as it was. The shipped rulesets (rules/ and examples/) must be formatted already:
`fmt --check` passes on each as it is in the tree.

usage: fmt.py RECKON PROJECT_DIR"""
import os, re, shutil, subprocess, sys, tempfile

def run(args, cwd=None):
    return subprocess.run(args, capture_output=True, text=True, cwd=cwd, errors="replace")

def no_blanks(text):
    return re.sub(r"\s+", "", text)

def statements(text):
    """The file cut as the parser cuts it (a statement starts at column 1), each piece
    without blanks: the same list means the same statements."""
    pieces = []
    for line in text.split("\n"):
        if line and not line[0].isspace() and line[0] != "#":
            pieces.append("")
        if pieces:
            pieces[-1] += no_blanks(line)
    return pieces

def check_messages(reckon, path):
    """`reckon check` as (line, message) pairs: columns move when blanks do."""
    r = run([reckon, "check", path])
    out = []
    for line in r.stderr.splitlines() + r.stdout.splitlines():
        m = re.match(r"^[^:]+:(\d+):\d+: (error|warning|note): (.*)$", line)
        if m:
            out.append((m.group(1), m.group(2), re.sub(r"[^\s']*/([\w.-]+\.(rules|yaml))", r"\1", m.group(3))))
    return r.returncode, out

def main():
    reckon, project = sys.argv[1], sys.argv[2]
    folders = ["rules"] + [os.path.relpath(d, project) for base in ("tests/data", "tests/golden")
                           for d, _, files in os.walk(os.path.join(project, base)) if any(f.endswith(".rules") for f in files)]
    tmp = tempfile.mkdtemp(prefix="reckon-fmt-")
    problems, formatted, refused, changed = [], 0, 0, 0
    shipped = sorted(os.path.join(d, f) for base in ("rules", "examples") for d, _, files in os.walk(os.path.join(project, base))
                     for f in files if f.endswith(".rules"))
    for path in shipped:
        r = run([reckon, "fmt", "--check", path])
        if r.returncode != 0:
            problems.append("%s: a shipped ruleset not formatted (exit %d): %s" % (os.path.relpath(path, project), r.returncode, (r.stdout + r.stderr).strip()))
    for folder in sorted(set(folders)):
        copy = os.path.join(tmp, folder)
        shutil.copytree(os.path.join(project, folder), copy, dirs_exist_ok=True)
        for name in sorted(os.listdir(copy)):
            if not name.endswith(".rules"):
                continue
            original_path = os.path.join(project, folder, name)
            path = os.path.join(copy, name)
            with open(original_path, "rb") as f:
                original = f.read().decode("utf-8", "replace")
            r = run([reckon, "fmt", "-i", path])
            if r.returncode == 65:
                refused += 1
                with open(path, "rb") as f:
                    if f.read().decode("utf-8", "replace") != original:
                        problems.append("%s/%s: refused but changed" % (folder, name))
                if "left as it is: fix its syntax first" not in r.stderr:
                    problems.append("%s/%s: refused without saying why: %s" % (folder, name, r.stderr[-300:]))
                continue
            if r.returncode != 0:
                problems.append("%s/%s: fmt -i exit %d: %s" % (folder, name, r.returncode, r.stderr[-300:]))
                continue
            formatted += 1
            with open(path) as f:
                result = f.read()
            changed += result != original
            if run([reckon, "fmt", "--check", path]).returncode != 0:
                problems.append("%s/%s: --check fails on the formatted file" % (folder, name))
            again = run([reckon, "fmt", path])
            if again.stdout != result:
                problems.append("%s/%s: not idempotent" % (folder, name))
            if no_blanks(result) != no_blanks(original):
                problems.append("%s/%s: more than blanks changed" % (folder, name))
            if statements(result) != statements(original):
                problems.append("%s/%s: the file cuts into other statements" % (folder, name))
            if check_messages(reckon, path) != check_messages(reckon, original_path):
                problems.append("%s/%s: reckon check says something else after formatting" % (folder, name))
            if re.search(r"^test ", original, re.M):
                before = run([reckon, "test", original_path])
                after = run([reckon, "test", path])
                if before.returncode != after.returncode or before.stdout.replace(os.path.join(project, folder), "") != after.stdout.replace(copy, ""):
                    problems.append("%s/%s: reckon test gives another result after formatting" % (folder, name))
    shutil.rmtree(tmp)
    for p in problems:
        print("FAIL: " + p)
    print("reckon fmt: %d rules files formatted (%d changed), %d refused for their syntax errors; %d shipped rulesets checked"
          % (formatted, changed, refused, len(shipped)))
    if len(shipped) < 3:  # default, conservative, range (scored.rules folded into default in session 6)
        print("FAIL: too few shipped rulesets found (%d)" % len(shipped))
        return 1
    if formatted < 10:
        print("FAIL: too few rules files found (%d)" % formatted)
        return 1
    return 1 if problems else 0

if __name__ == "__main__":
    sys.exit(main())
