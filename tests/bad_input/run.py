#!/usr/bin/env python3
"""Runs one bad-input case: tests/bad_input/CASE/case.txt says the command, the exit
code and a regular expression the diagnostics must match. Inputs are the files beside
it, or generated on the fly (big or deep inputs are not committed).

case.txt lines:
  command: extract {input} --format jsonl      ({input} = the input path, {dir} = the case folder)
  input: NAME                                 a file or folder in the case folder, or
  generate: KIND SIZE                         one of the generators below, written to a temp dir
  exit: 1
  stderr: REGEX                               (may repeat; all must match)
  timeout: 60

usage: run.py RECKON CASE_DIR
"""
import os, re, subprocess, sys, tempfile, time

def generate(kind, size, out):
    n = int(size)
    if kind == "long-line":          # one line of n bytes, no full stop, numbers in it
        chunk = b"at least 14 civilians were killed and 2,000 more fled the shelling "
        data = (chunk * (n // len(chunk) + 1))[:n]
        open(out, "wb").write(b" date 2018-01-01 " + data + b"\n")
    elif kind == "digits":            # an article of only digits
        open(out, "wb").write(b" date 2018-01-01 " + b"7" * n + b"\n")
    elif kind == "number-words":      # repeated number words
        words = b"twenty-two thousand and five hundred and six "
        open(out, "wb").write(b" date 2018-01-01 " + (words * (n // len(words) + 1))[:n] + b"\n")
    elif kind == "deep-rules":        # an expression nested n deep
        open(out, "w").write("trust deep = " + "(" * n + "1" + ")" * n + "\n")
    else:
        raise SystemExit("unknown generator " + kind)

def main():
    reckon, case_dir = sys.argv[1], sys.argv[2]
    spec = {"stderr": []}
    for line in open(os.path.join(case_dir, "case.txt"), encoding="utf-8"):
        if not line.strip() or line.startswith("#"):
            continue
        key, _, value = line.partition(":")
        key, value = key.strip(), value.strip()
        if key == "stderr":
            spec["stderr"].append(value)
        else:
            spec[key] = value
    tmp = tempfile.mkdtemp(prefix="reckon-bad-")
    if "generate" in spec:
        kind, size, name = spec["generate"].split()
        path = os.path.join(tmp, name)
        generate(kind, size, path)
    else:
        path = os.path.join(case_dir, spec["input"])
    command = spec["command"].replace("{input}", path).replace("{dir}", case_dir).replace("{tmp}", tmp).split()
    started = time.time()
    try:
        r = subprocess.run([reckon] + command, capture_output=True, timeout=float(spec.get("timeout", 60)))
    except subprocess.TimeoutExpired:
        print("FAIL: took longer than %s s" % spec.get("timeout", 60)); return 1
    took = time.time() - started
    err = r.stderr.decode("utf-8", "replace")
    problems = []
    if r.returncode != int(spec["exit"]):
        problems.append("exit %d, expected %s" % (r.returncode, spec["exit"]))
    if r.returncode < 0 or r.returncode in (70, 134, 139):
        problems.append("crashed or internal error")
    for pattern in spec["stderr"]:
        if not re.search(pattern, err, re.M):
            problems.append("stderr does not match /%s/" % pattern)
    if problems:
        print("FAIL: " + "; ".join(problems))
        print("command: reckon " + " ".join(command))
        print("stderr:\n" + err[:3000])
        return 1
    print("ok (%.2f s)" % took)
    return 0

sys.exit(main())
