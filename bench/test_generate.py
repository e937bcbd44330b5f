#!/usr/bin/env python3
"""Tests for bench/generate and bench/score (standard library unittest; about 5 s).

Run: python3 bench/test_generate.py [-v]
"""
import importlib.machinery
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
GENERATE = os.path.join(HERE, "generate")
SCORE = os.path.join(HERE, "score")
SEED = os.environ.get("BENCH_TEST_SEED", "7")  # the features must show whatever the seed


def load_module(name, path):
    loader = importlib.machinery.SourceFileLoader(name, path)
    spec = importlib.util.spec_from_loader(name, loader)
    mod = importlib.util.module_from_spec(spec)
    loader.exec_module(mod)
    return mod


gen = load_module("bench_generate", GENERATE)


def run_generate(out, *args):
    r = subprocess.run([sys.executable, GENERATE, "--quiet", "--out", out, *args], capture_output=True, text=True)
    if r.returncode != 0:
        raise AssertionError(f"generate failed ({r.returncode}): {r.stderr}")
    return r


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def read_bytes(path):
    with open(path, "rb") as f:
        return f.read()


class Corpus:
    """A generated corpus, loaded."""

    def __init__(self, out):
        self.out = out
        with open(os.path.join(out, "manifest.json"), encoding="utf-8") as f:
            self.manifest = json.load(f)
        self.truth = read_jsonl(os.path.join(out, "truth.jsonl"))
        self.incidents = {i["incident"]: i for i in read_jsonl(os.path.join(out, "incidents.jsonl"))}
        self.articles = {}
        if os.path.exists(os.path.join(out, "articles.jsonl")):
            for a in read_jsonl(os.path.join(out, "articles.jsonl")):
                self.articles[a["id"]] = a


class GeneratedCorpusTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="reckon-bench-test-")
        cls.dir_a = os.path.join(cls.tmp, "a")
        run_generate(cls.dir_a, "--articles", "1500", "--seed", SEED)
        cls.c = Corpus(cls.dir_a)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp)

    # -- determinism ----------------------------------------------------------------------
    def test_same_seed_same_bytes(self):
        other = os.path.join(self.tmp, "again")
        run_generate(other, "--articles", "1500", "--seed", SEED)
        for name in ("articles.jsonl", "truth.jsonl", "incidents.jsonl", "manifest.json"):
            self.assertEqual(read_bytes(os.path.join(self.dir_a, name)), read_bytes(os.path.join(other, name)), name)

    def test_other_seed_other_corpus(self):
        other = os.path.join(self.tmp, "seed8")
        run_generate(other, "--articles", "200", "--seed", "8")
        mine = read_bytes(os.path.join(self.dir_a, "articles.jsonl")).splitlines()[:200]
        theirs = read_bytes(os.path.join(other, "articles.jsonl")).splitlines()
        self.assertEqual(len(theirs), 200)
        self.assertNotEqual(mine, theirs)

    def test_prefix_stability_is_not_assumed_but_counts_are_exact(self):
        for n in (1, 7, 333):
            out = os.path.join(self.tmp, f"n{n}")
            run_generate(out, "--articles", str(n), "--seed", "3")
            c = Corpus(out)
            self.assertEqual(len(c.articles), n)
            self.assertEqual(len(c.truth), n)
            self.assertEqual(c.manifest["counts"]["articles"], n)

    # -- counts and consistency ------------------------------------------------------------
    def test_counts(self):
        c = self.c
        self.assertEqual(len(c.articles), 1500)
        self.assertEqual([t["article"] for t in c.truth], list(c.articles))
        self.assertEqual(len(set(c.articles)), 1500)
        m = c.manifest["counts"]
        self.assertEqual(m["incidents"], len(c.incidents))
        self.assertEqual(m["claims"], sum(len(t["claims"]) for t in c.truth))
        per_incident = Counter(t["incident"] for t in c.truth if t["incident"])
        for iid, inc in c.incidents.items():
            self.assertEqual(inc["articles"], per_incident[iid], iid)
        self.assertGreater(m["articles_without_incident"], 0)
        self.assertGreater(len(c.incidents), 1500 / 8)

    def test_articles_are_chronological_and_well_formed(self):
        dates = [a["date"] for a in self.c.articles.values()]
        self.assertEqual(dates, sorted(dates))
        for a in self.c.articles.values():
            self.assertRegex(a["date"], r"^\d{4}-\d{2}-\d{2}$")
            self.assertTrue(a["text"].startswith(a["title"]), a["id"])
            self.assertIn(a["outlet"], gen.ALL_OUTLETS)
            self.assertGreater(len(a["text"]), 300)

    def test_claims_are_consistent(self):
        c = self.c
        for t in c.truth:
            art = c.articles[t["article"]]
            self.assertEqual(t["date"], art["date"])
            for i, cl in enumerate(t["claims"]):
                where = f"{t['article']} claim {i}: {cl}"
                self.assertIn(cl["text"], art["text"], where)
                self.assertIn(cl["outcome"], ("killed", "injured"), where)
                self.assertIn(cl["category"], ("people", "civilians", "children", "women", "fighters"), where)
                q, lo, hi = cl["qualifier"], cl["low"], cl["high"]
                if cl.get("vague"):
                    self.assertEqual((lo, hi, q), (None, None, None), where)
                elif q is None or q == "nearly":
                    self.assertEqual(lo, hi, where)
                elif q in ("at least", "more than"):
                    self.assertIsNone(hi, where)
                elif q == "up to":
                    self.assertEqual(lo, 0, where)
                    self.assertGreater(hi, 0, where)
                else:
                    self.fail(f"unknown qualifier {where}")
                if q == "more than":
                    m = re.search(r"more than ([\d,]+|[a-z]+)", cl["text"], re.I)
                    w = m.group(1).lower()
                    v = gen.NUMBER_WORDS.index(w) if w in gen.NUMBER_WORDS else int(w.replace(",", ""))
                    self.assertEqual(v + 1, lo, where)
                if cl["kind"] == "incident":
                    inc = c.incidents[cl["incident"]]
                    self.assertEqual(cl["event_date"], inc["date"], where)
                    self.assertLessEqual(inc["date"], t["date"], where)
                else:
                    self.assertEqual(cl["kind"], "cumulative", where)
                    self.assertIsNone(cl["incident"], where)
                    self.assertIn("scope", cl, where)
                if "parent" in cl:
                    p = t["claims"][cl["parent"]]
                    self.assertEqual(p["incident"], cl["incident"], where)
                    self.assertLess(cl["parent"], i, where)
            # each claim has its own place in the text: no two claims share one occurrence
            used = []
            for cl in sorted(t["claims"], key=lambda c: -len(c["text"])):
                pos = art["text"].find(cl["text"])
                while pos >= 0 and any(pos < e and pos + len(cl["text"]) > b for b, e in used):
                    pos = art["text"].find(cl["text"], pos + 1)
                self.assertGreaterEqual(pos, 0, f"{t['article']}: no free occurrence of {cl['text']!r}")
                used.append((pos, pos + len(cl["text"])))
            # the truth keys are unambiguous inside one article
            labels = defaultdict(set)
            for cl in t["claims"]:
                labels[(cl["outcome"], cl["category"], cl["low"])].add(cl["incident"])
            self.assertTrue(all(len(v) == 1 for v in labels.values()), t["article"])

    def test_tolls_are_consistent(self):
        for iid, inc in self.c.incidents.items():
            k = inc["toll"]["killed"]
            self.assertGreaterEqual(k["people"], 2, iid)
            self.assertEqual(k["people"], k.get("civilians", 0) + k.get("fighters", 0), iid)
            self.assertLessEqual(k.get("children", 0), k.get("civilians", 0), iid)
            self.assertLessEqual(k.get("women", 0), k.get("civilians", 0), iid)

    # -- the features the benchmark relies on ------------------------------------------------
    def test_qualifiers_and_sources(self):
        claims = [cl for t in self.c.truth for cl in t["claims"]]
        quals = Counter(cl["qualifier"] for cl in claims)
        for q in (None, "at least", "more than", "nearly", "up to"):
            self.assertGreater(quals[q], 10, q)
        self.assertGreater(sum(1 for cl in claims if cl.get("vague") == "dozens"), 2)
        sources = Counter(cl["source"] for cl in claims)
        for s in ("SOHR", "SANA", "Syrian state TV", "CJTF-OIR"):
            self.assertGreater(sources[s], 5, s)
        self.assertGreater(sum(1 for cl in claims if cl.get("relay")), 20)
        texts = " ".join(a["text"] for a in self.c.articles.values())
        for phrase in ("the Syrian Observatory for Human Rights said", "according to", "state TV", "reported",
                       " told AFP", "including"):
            self.assertIn(phrase.lower(), texts.lower(), phrase)
        self.assertGreater(sum(1 for cl in claims if cl["category"] == "fighters" and cl.get("side")), 20)
        self.assertGreater(sum(1 for cl in claims if cl["outcome"] == "injured"), 20)

    def test_breakdowns_revisions_and_conflicts(self):
        claims_by_inc = defaultdict(list)
        for t in self.c.truth:
            for cl in t["claims"]:
                if cl["kind"] == "incident":
                    claims_by_inc[cl["incident"]].append((t["date"], cl))
        breakdowns = sum(1 for t in self.c.truth for cl in t["claims"] if "parent" in cl)
        self.assertGreater(breakdowns, 30)
        self.assertGreater(sum(1 for t in self.c.truth for cl in t["claims"] if cl.get("inherited")), 5)
        rising = conflicts = 0
        for iid, cls in claims_by_inc.items():
            sohr = sorted((d, cl["low"]) for d, cl in cls
                          if cl["source"] == "SOHR" and cl["category"] == "people" and cl["qualifier"] is None
                          and cl["low"] is not None)
            if len(sohr) >= 2 and sohr[0][0] < sohr[-1][0] and sohr[0][1] < sohr[-1][1]:
                rising += 1
            exact = defaultdict(set)
            for _, cl in cls:
                if cl["qualifier"] is None and not cl.get("optional") and cl["outcome"] == "killed":
                    exact[cl["category"]].add((cl["source"], cl["low"]))
            if any(len({v for _, v in s}) > 1 and len({src for src, _ in s}) > 1 for s in exact.values()):
                conflicts += 1
        self.assertGreater(rising, 5)
        self.assertGreater(conflicts, 20)

    def test_backreferences_point_to_earlier_incidents(self):
        n = 0
        for t in self.c.truth:
            for cl in t["claims"]:
                if cl["kind"] == "incident" and t["incident"] and cl["incident"] != t["incident"]:
                    n += 1
                    self.assertLess(self.c.incidents[cl["incident"]]["date"], self.c.incidents[t["incident"]]["date"])
        self.assertGreater(n, 20)

    def test_transliterations(self):
        govs, places = gen.load_places(os.path.join(REPO, "rules", "places.yaml"))
        variants = {p[0]: p[3] for p in places}
        by_inc = defaultdict(list)
        for t in self.c.truth:
            if t["incident"]:
                by_inc[t["incident"]].append(self.c.articles[t["article"]]["text"])
        varied = 0
        for iid, texts in by_inc.items():
            name = self.c.incidents[iid]["place"]
            spellings = [name.removesuffix(" city")] + variants.get(name, [])
            used = {s for s in spellings for tx in texts if re.search(r"\b" + re.escape(gen.fakes(s)) + r"\b", tx)}
            if len(used) >= 2:
                varied += 1
        self.assertGreater(varied, 30)
        texts = " ".join(a["text"] for a in self.c.articles.values())
        self.assertIn("Deir Ezzor", texts)
        self.assertIn("Deir ez-Zor", texts)

    def test_wire_copy_is_shared_verbatim(self):
        by_inc = defaultdict(list)
        for t in self.c.truth:
            if t["incident"]:
                by_inc[t["incident"]].append(self.c.articles[t["article"]])
        shared = 0
        for arts in by_inc.values():
            paras = Counter()
            for a in arts:
                for p in set(a["text"].split("\n\n")[1:]):
                    if len(p) > 150:
                        paras[p] += 1
            if any(n >= 2 for n in paras.values()):
                shared += 1
        self.assertGreater(shared, 20)
        copies = [t for t in self.c.truth if "wire-copy" in t["features"]]
        self.assertTrue(copies)
        self.assertTrue(all(self.c.articles[t["article"]]["outlet"] not in gen.WIRES for t in copies))

    def test_cumulative_and_noise_numbers(self):
        cum = [cl for t in self.c.truth for cl in t["claims"] if cl["kind"] == "cumulative"]
        self.assertGreater(len(cum), 100)
        self.assertTrue(any(cl["low"] > 100000 for cl in cum))
        texts = " ".join(a["text"] for a in self.c.articles.values())
        for pattern in (r"aged \d+", r"\d+ Syrian pounds", r"\d[\d,]* IS militants remain", r"evacuated",
                        r"\b20[01]\d\b", r"at least \d+ strikes"):
            self.assertRegex(texts, pattern)
        feats = self.c.manifest["features"]
        for f in ("noise-age", "noise-price", "noise-remain", "noise-evacuated", "cumulative", "wire-copy",
                  "conflict", "revision", "breakdown", "backref", "relay"):
            self.assertGreater(feats.get(f, 0), 0, f)

    def test_fakes_style(self):
        fa = [a for a in self.c.articles.values() if a["outlet"] in gen.FAKES_STYLE]
        self.assertGreater(len(fa), 50)
        for a in fa:
            self.assertNotIn(",", a["text"], a["id"])
            self.assertNotIn("'", a["text"], a["id"])
            self.assertNotIn("\u2019", a["text"], a["id"])
            self.assertNotIn("\n\n", a["text"].split("\n\n", 1)[1], a["id"])
        plain = [a for a in self.c.articles.values() if a["outlet"] not in gen.FAKES_STYLE]
        self.assertTrue(any("," in a["text"] for a in plain))
        self.assertTrue(any(re.search(r"\d,\d{3}", a["text"]) for a in plain))
        self.assertTrue(any(re.search(r"\b\d{4,}\b", a["text"]) and "more than" in a["text"] for a in fa))

    # -- the text format -----------------------------------------------------------------------
    def test_text_format(self):
        out = os.path.join(self.tmp, "text")
        run_generate(out, "--articles", "1500", "--seed", SEED, "--format", "text")
        truth = read_jsonl(os.path.join(out, "truth.jsonl"))
        shards = sorted(os.listdir(os.path.join(out, "articles")))
        self.assertEqual(shards, ["0000", "0001"])
        sizes = [len(os.listdir(os.path.join(out, "articles", s))) for s in shards]
        self.assertEqual(sizes, [1000, 500])
        self.assertFalse([f for f in os.listdir(os.path.join(out)) if f.endswith(".txt")])
        for t, tj in zip(truth, self.c.truth):
            self.assertEqual(t["article"], f"{int(tj['article'][1:]) // 1000:04d}/{tj['article']}")
            self.assertEqual(t["claims"], tj["claims"])
            with open(os.path.join(out, "articles", t["article"] + ".txt"), encoding="utf-8") as f:
                first, rest = f.read().split("\n", 1)
            self.assertEqual(first, f" date {t['date']}")
            self.assertEqual(rest, self.c.articles[tj["article"]]["text"] + "\n")

    def test_builtin_places_and_refusals(self):
        out = os.path.join(self.tmp, "builtin")
        run_generate(out, "--articles", "300", "--seed", "1", "--builtin")
        c = Corpus(out)
        names = {p[0] for p in gen.BUILTIN_PLACES}
        self.assertTrue(c.incidents)
        self.assertTrue(all(i["place"] in names for i in c.incidents.values()))
        self.assertEqual(c.manifest["places"], "built-in")
        r = subprocess.run([sys.executable, GENERATE, "--articles", "10", "--out", out], capture_output=True, text=True)
        self.assertEqual(r.returncode, 2)
        self.assertIn("exists; pass --force", r.stderr)
        r = subprocess.run([sys.executable, GENERATE, "--articles", "0", "--out", out + "x"], capture_output=True,
                           text=True)
        self.assertEqual(r.returncode, 2)
        self.assertFalse(os.path.exists(out + "x"))
        run_generate(out, "--articles", "5", "--force")
        self.assertEqual(len(Corpus(out).truth), 5)

    # -- scoring ---------------------------------------------------------------------------------
    def audit_from(self, group_key, best=lambda inc: inc["toll"]["killed"]["people"]):
        """An audit JSON whose incidents are the truth claims grouped by group_key(article, claim)."""
        groups = defaultdict(list)
        for t in self.c.truth:
            for cl in t["claims"]:
                if cl["kind"] != "incident":
                    continue
                groups[group_key(t, cl)].append({"article": t["article"], "span": [0, 1], "outcome": cl["outcome"],
                                                 "category": cl["category"], "low": cl["low"], "high": cl["high"]})
        incs = []
        for k, claims in sorted(groups.items()):
            iid = k if isinstance(k, str) else k[0]
            incs.append({"id": str(k), "claims": claims[::-1],
                         "reconciled": [{"outcome": "killed", "category": "people", "low": None,
                                         "best": best(self.c.incidents[iid]), "high": None}]})
        return {"incidents": incs}

    def run_score(self, audit):
        path = os.path.join(self.tmp, "audit.json")
        with open(path, "w") as f:
            json.dump(audit, f)
        r = subprocess.run([sys.executable, SCORE, self.dir_a, path, "--json"], capture_output=True, text=True)
        self.assertEqual(r.returncode, 0, r.stderr)
        return json.loads(r.stdout)

    def test_score_perfect_audit(self):
        s = self.run_score(self.audit_from(lambda t, cl: cl["incident"]))
        self.assertEqual(s["precision"], 1.0)
        self.assertEqual(s["recall"], 1.0)
        self.assertEqual(s["recall_end_to_end"], 1.0)
        self.assertEqual(s["reconciliation"]["median_abs_error"], 0)
        self.assertEqual(s["unmatched_extracted_claims"], 0)
        self.assertEqual(s["reconciliation"]["incidents_scored"], len(self.c.incidents))

    def test_score_split_and_merged_audits(self):
        # every article its own incident: no pair predicted, recall 0
        s = self.run_score(self.audit_from(lambda t, cl: (cl["incident"], t["article"])))
        self.assertEqual(s["pairs"]["predicted"], 0)
        self.assertEqual(s["recall"], 0.0)
        self.assertIsNone(s["precision"])
        # incidents merged by governorate: recall stays 1, precision drops below 1
        gov = {i: inc["governorate"] for i, inc in self.c.incidents.items()}
        first = {}
        for i in sorted(self.c.incidents):
            first.setdefault(gov[i], i)
        s = self.run_score(self.audit_from(lambda t, cl: first[gov[cl["incident"]]]))
        self.assertEqual(s["recall"], 1.0)
        self.assertLess(s["precision"], 0.5)
        self.assertGreater(s["precision"], 0.0)

    def test_score_reconciliation_error(self):
        s = self.run_score(self.audit_from(lambda t, cl: cl["incident"],
                                           best=lambda inc: inc["toll"]["killed"]["people"] + 3))
        self.assertEqual(s["reconciliation"]["median_abs_error"], 3)
        self.assertEqual(s["reconciliation"]["mean_abs_error"], 3.0)

    def test_score_rejects_bad_input(self):
        path = os.path.join(self.tmp, "bad.json")
        with open(path, "w") as f:
            f.write("[1, 2]")
        r = subprocess.run([sys.executable, SCORE, self.dir_a, path], capture_output=True, text=True)
        self.assertEqual(r.returncode, 2)
        self.assertIn("bench/score: error:", r.stderr)


class AuditReaderTest(unittest.TestCase):
    def test_streams_like_json_load(self):
        import io
        score = load_module("bench_score", SCORE)
        doc = {"copies": [{"a": 1}, {"b": [2, 3]}], "cumulative": [], "summary": {"incidents": 2, "x": 1.5e3},
               "incidents": [{"id": "I1", "claims": [{"article": "a\u00e9\"\\", "low": 12345678901, "high": None}],
                              "reconciled": []},
                             {"id": "I2", "claims": [], "reconciled": [{"best": 7, "ok": True, "no": False}]}],
               "reckon": {"version": "0.1"}, "n": 1234567}
        text = json.dumps(doc, indent=1, ensure_ascii=False)
        for chunk in (1, 2, 3, 7, 64, 1 << 20):
            got = list(score.read_incidents(io.StringIO(text)))
            self.assertEqual(got, doc["incidents"], chunk)
            r = score.AuditReader(io.StringIO(text), chunk=chunk)
            members = {k: (list(v) if hasattr(v, "__next__") else v) for k, v in r.members()}
            self.assertEqual(members, doc, chunk)
        with self.assertRaises(ValueError):
            list(score.read_incidents(io.StringIO('{"summary": {}}')))
        with self.assertRaises(ValueError):
            list(score.read_incidents(io.StringIO('{"incidents": [{"id": 1} {"id": 2}]}')))


class YamlReaderTest(unittest.TestCase):
    def test_reads_the_gazetteer_and_registry_like_pyyaml(self):
        try:
            import yaml
        except ImportError:
            self.skipTest("PyYAML is not installed")
        for name in ("places.yaml", "sources.yaml"):
            path = os.path.join(REPO, "rules", name)
            if not os.path.exists(path):
                self.skipTest(f"rules/{name} is absent")
            with open(path, encoding="utf-8") as f:
                self.assertEqual(gen.read_yaml_subset(path), yaml.safe_load(f), name)

    def test_small_document(self):
        with tempfile.NamedTemporaryFile("w", suffix=".yaml", delete=False) as f:
            f.write("# comment\nsources:\n  - name: SOHR\n    aliases: [a, \"b, c\", the Coalition's office,\n"
                    "      'd']\n    kind: monitor\nplaces:\n  - {name: \"Al-Buqa'an\", variants: [X, Y], type: village}\n")
        try:
            doc = gen.read_yaml_subset(f.name)
        finally:
            os.unlink(f.name)
        self.assertEqual(doc, {"sources": [{"name": "SOHR", "aliases": ["a", "b, c", "the Coalition's office", "d"],
                                            "kind": "monitor"}],
                               "places": [{"name": "Al-Buqa'an", "variants": ["X", "Y"], "type": "village"}]})


if __name__ == "__main__":
    unittest.main()
