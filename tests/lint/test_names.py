#!/usr/bin/env python3
"""Refuses Catch2 test names that CTest cannot run.

catch_discover_tests turns every TEST_CASE name into a CTest name, and CTest reads a ';'
in it as a list separator: the test becomes two CTest tests whose filters match no Catch2
test, and the case itself never runs. That happened twice (the last in test_scored.cpp,
session 9). A name with a ';' fails here, with file:line.

usage: test_names.py FILE.cpp...   exit 0 when every name can be run, 1 otherwise
"""
import re
import sys

# TEST_CASE("name" ...) and TEST_CASE("part " "part", ...): adjacent literals are joined.
TEST_CASE = re.compile(r'\b(?:TEST_CASE|SCENARIO|TEMPLATE_TEST_CASE)\s*\(\s*((?:"(?:[^"\\]|\\.)*"\s*)+)')
LITERAL = re.compile(r'"((?:[^"\\]|\\.)*)"')

bad = 0
names = 0
for path in sys.argv[1:]:
    text = open(path, encoding="utf-8").read()
    for m in TEST_CASE.finditer(text):
        name = "".join(LITERAL.findall(m.group(1)))
        names += 1
        line = text.count("\n", 0, m.start()) + 1
        if ";" in name:
            print(f"{path}:{line}: error: test name '{name}' holds ';', where CTest splits it in two; reword it")
            bad += 1
print(f"test names: {names} read, {bad} refused")
sys.exit(1 if bad else 0)
