"""Benchmark: list screening and pairwise name matching, against named baselines, in one run.

    .venv/bin/python bench/screening.py [--quick]

A. List screening against the full 2026 CSL with aliases, as earmark indexes it.
   * earmark: Screener() and index build time (cold, in this process, earmark's on-disk index
     cache off; its build-and-store and load times are given too), peak RSS before and
     after (``resource.getrusage``), and per query (each ``screen()`` call timed with
     ``time.perf_counter`` after one warm-up): p50 / p99 latency, recall (the expected entry is
     among the matches at DEFAULT_THRESHOLD) and false-positive rate (a negative query with any
     match at or above the threshold). Queries are screened by name only (no country or type),
     as the baseline sees them. Leave-one-out alias rows (``exclude`` set) are skipped: their
     alias is itself listed, so searching for it would measure nothing.
   * baseline "rapidfuzz brute force": ``process.extract(query, names, scorer=fuzz.WRatio,
     processor=default_process, limit=10)`` over every name and alias of the same entries. Its
     cutoff is the one of 80/85/88/90/92/95 whose false-positive rate on the negatives is
     closest to earmark's. It takes ~0.1 s a query, so it runs on a seeded subsample (300
     positives + 300 negatives; --quick 60 + 60), and earmark's numbers are given on the same
     subsample as well as on the full sets.
   * peer sets never tuned on (tests/data/peer/yente): UN persons whose 2026 CSL name is known
     (found when a match is one of those CSL entries) and 5,000 synthetic people (negatives).
   * batch throughput: the real CLI, ``earmark screen-batch IN.csv --out OUT.jsonl``, on 10,000
     names (--quick 2,000), timed end to end as a subprocess, start-up included (earmark's
     index cache primed, as after any first run; start-up alone with and without it).
B. Pairwise name matching on nomenklatura's name_bench_cases.csv: earmark ``Screener().match``
   vs rapidfuzz ``fuzz.WRatio`` / 100 vs nomenklatura logic-v2 (in its own venv, /tmp/nkvenv,
   run in a subprocess; skipped with the reason printed when it cannot be had). Time per pair
   and precision / recall / F1 at each one's best threshold (0.50..0.99).
C. A table with ratios, and the results as JSON in bench/results/screening.json.

Every sample is seeded (SEED). Budget: under 10 minutes on 2 cores (under 2 with --quick).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz, process, utils

from earmark.errors import BadInput
from earmark.screening.screen import DEFAULT_THRESHOLD, Screener

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "tests" / "data"
RESULTS = REPO / "bench" / "results" / "screening.json"
EARMARK_CLI = Path(sys.executable).with_name("earmark")
SEED = 20261121
RF_CUTOFFS = (80, 85, 88, 90, 92, 95)
RF_LIMIT = 10
PAIR_THRESHOLDS = [round(0.50 + i / 100, 2) for i in range(50)]  # 0.50 .. 0.99
NK_VENV = Path("/tmp/nkvenv")
NK_PYTHON = NK_VENV / "bin" / "python"
NK_THRESHOLD = 0.7  # the default of nomenklatura's own name_bench and of yente
EXAMPLES = 15
SCHEMA_TYPE = {"Person": "individual", "Vessel": "vessel"}  # the rest are entities

# Runs in /tmp/nkvenv: LogicV2 over the pairs of a CSV (name1, name2, schema); prints JSON.
NK_SCRIPT = r"""
import csv, json, sys, time
from importlib.metadata import version

from followthemoney import model

try:
    from nomenklatura.matching import get_algorithm
    algorithm = get_algorithm("logic-v2")
    api = "nomenklatura.matching.get_algorithm('logic-v2')"
except ImportError:
    algorithm = None
if algorithm is None:
    from nomenklatura.matching import LogicV2 as algorithm
    api = "nomenklatura.matching.LogicV2"
try:
    config = algorithm.default_config()
    api += ".compare(query, result, default_config())"
except AttributeError:
    from nomenklatura.matching.types import ScoringConfig
    config = ScoringConfig.defaults()
    api += ".compare(query, result, ScoringConfig.defaults())"
try:
    from followthemoney import ValueEntity

    def entity(schema, eid, name):
        e = ValueEntity(model.get(schema), {"id": eid})
        e.add("name", name)
        return e
    api += " on followthemoney.ValueEntity"
except ImportError:
    def entity(schema, eid, name):
        e = model.make_entity(schema)
        e.id = eid
        e.add("name", name)
        return e
    api += " on model.make_entity"

with open(sys.argv[1], newline="", encoding="utf-8") as fh:
    rows = list(csv.DictReader(fh))
pairs = [
    (entity(r["schema"], f"q{i}", r["name1"]), entity(r["schema"], f"r{i}", r["name2"]))
    for i, r in enumerate(rows)
]
warm = (entity("Person", "wq", "Jonathan Smithers"), entity("Person", "wr", "Jon Smithers"))
algorithm.compare(warm[0], warm[1], config)  # loads its reference data
t = time.perf_counter()
scores = [float(algorithm.compare(q, r, config).score) for q, r in pairs]
seconds = time.perf_counter() - t
print(json.dumps({
    "version": version("nomenklatura"),
    "followthemoney": version("followthemoney"),
    "rigour": version("rigour"),
    "api": api,
    "seconds": seconds,
    "scores": scores,
}))
"""


# -- data ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Query:
    set: str  # dev, holdout, negatives, un_persons, yente_people
    kind: str
    query: str
    expected: frozenset[str] = frozenset()  # entry ids (screening) or CSL names (UN persons)
    expected_name: str = ""

    @property
    def positive(self) -> bool:
        return bool(self.expected)


@dataclass(frozen=True, slots=True)
class Hit:
    entry_id: str
    entry_name: str
    matched_name: str
    score: float


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def load_queries() -> tuple[dict[str, list[Query]], int]:
    """Every query set; and how many leave-one-out alias rows were skipped."""
    sets: dict[str, list[Query]] = {}
    skipped = 0
    for name in ("dev", "holdout"):
        rows = read_csv(DATA / "screening" / f"positives_{name}.csv")
        skipped += sum(1 for r in rows if r["exclude"])
        sets[name] = [
            Query(name, r["kind"], r["query"], frozenset({r["expected_id"]}), r["expected_name"])
            for r in rows
            if not r["exclude"]
        ]
    sets["negatives"] = [
        Query("negatives", r["kind"], r["query"])
        for r in read_csv(DATA / "screening" / "negatives.csv")
    ]
    sets["un_persons"] = [
        Query(
            "un_persons",
            "un_person",
            r["untreated"],
            frozenset(n.strip() for n in r["expected_names"].split(" || ")),
            r["expected_names"],
        )
        for r in read_csv(DATA / "peer" / "yente" / "un_expected_csl_names.csv")
        if r["expected_names"].strip()
    ]
    sets["yente_people"] = [
        Query("yente_people", "synthetic_person", r["full_name"])
        for r in read_csv(DATA / "peer" / "yente" / "negatives_global_sample5000.csv")
        if r["full_name"].strip()
    ]
    return sets, skipped


def found(q: Query, hits: Sequence[Hit], cutoff: float) -> bool:
    """The expected entry is among the hits at or above the cutoff."""
    key = "entry_name" if q.set == "un_persons" else "entry_id"
    return any(getattr(h, key) in q.expected for h in hits if h.score >= cutoff)


def flagged(hits: Sequence[Hit], cutoff: float) -> bool:
    return any(h.score >= cutoff for h in hits)


def rate(flags: Sequence[bool]) -> float:
    return sum(flags) / len(flags) if flags else 0.0


def percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100)."""
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(q / 100 * len(ordered) + 0.5)))
    return ordered[rank - 1]


def timed_index() -> float:
    """Seconds for a new Screener's current_index() (earmark's disk cache as configured)."""
    t = time.perf_counter()
    Screener().current_index()
    return time.perf_counter() - t


def git_state() -> dict[str, Any]:
    """The commit measured, and how many files differ from it (the tree may be in flux)."""

    def git(*args: str) -> str:
        proc = subprocess.run(["git", *args], cwd=REPO, capture_output=True, text=True)
        return proc.stdout.strip() if proc.returncode == 0 else ""

    changed = [line for line in git("status", "--porcelain").splitlines() if line]
    diff = hashlib.sha256(git("diff", "HEAD", "--", "src", "tests/data").encode()).hexdigest()
    return {
        "commit": git("rev-parse", "--short", "HEAD") or None,
        "changed_files": len(changed),
        "diff_sha256": diff[:12],  # of uncommitted changes to src and tests/data
    }


def maxrss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


# -- A. list screening -----------------------------------------------------------------------


@dataclass
class Run:
    """Per-query results of one system: hits (best first) and latency in seconds."""

    hits: dict[Query, list[Hit]]
    seconds: dict[Query, float]


def run_earmark(screener: Screener, queries: Sequence[Query]) -> Run:
    index = screener.current_index()
    screener.screen("Warm Up Trading Company Limited")
    run = Run({}, {})
    for q in dict.fromkeys(queries):  # a row repeated in a set is screened once
        t = time.perf_counter()
        result = screener.screen(q.query)
        run.seconds[q] = time.perf_counter() - t
        run.hits[q] = [
            Hit(m.entry.id, m.entry.name, m.matched_name, m.score) for m in result.matches
        ]
    assert index is screener.current_index()
    return run


def run_rapidfuzz(screener: Screener, queries: Sequence[Query]) -> Run:
    index = screener.current_index()
    names = [r.name for r in index.records]
    entries = [index.entries[r.entry] for r in index.records]

    def extract(text: str) -> list[tuple[str, float, int]]:
        return process.extract(
            text, names, scorer=fuzz.WRatio, processor=utils.default_process, limit=RF_LIMIT
        )

    extract("Warm Up Trading Company Limited")
    run = Run({}, {})
    for q in dict.fromkeys(queries):
        t = time.perf_counter()
        out = extract(q.query)
        run.seconds[q] = time.perf_counter() - t
        run.hits[q] = [
            Hit(entries[i].id, entries[i].name, name, score / 100) for name, score, i in out
        ]
    return run


def quality(run: Run, queries: Sequence[Query], cutoff: float) -> dict[str, Any]:
    pos = [q for q in queries if q.positive]
    neg = [q for q in queries if not q.positive]
    out: dict[str, Any] = {"n_positive": len(pos), "n_negative": len(neg)}
    if pos:
        out["recall"] = rate([found(q, run.hits[q], cutoff) for q in pos])
    if neg:
        out["fp_rate"] = rate([flagged(run.hits[q], cutoff) for q in neg])
    return out


def latency(run: Run, queries: Sequence[Query]) -> dict[str, float]:
    ms = [run.seconds[q] * 1000 for q in dict.fromkeys(queries)]
    return {
        "n": len(ms),
        "p50_ms": statistics.median(ms),
        "p99_ms": percentile(ms, 99),
        "mean_ms": statistics.fmean(ms),
    }


def by_kind(run: Run, queries: Sequence[Query], cutoff: float) -> dict[str, dict[str, Any]]:
    groups: dict[str, list[Query]] = defaultdict(list)
    for q in queries:
        groups[q.kind].append(q)
    return {k: quality(run, v, cutoff) for k, v in sorted(groups.items())}


def subsample(sets: dict[str, list[Query]], n_pos: int, n_neg: int) -> dict[str, list[Query]]:
    """Seeded samples: the screening positives (dev + holdout) and negatives; the peer sets."""
    rng = random.Random(SEED)
    positives = sets["dev"] + sets["holdout"]
    peer = max(n_pos // 2, 1), max(n_neg // 2, 1)
    return {
        "positives": rng.sample(positives, min(n_pos, len(positives))),
        "negatives": rng.sample(sets["negatives"], min(n_neg, len(sets["negatives"]))),
        "un_persons": rng.sample(sets["un_persons"], min(peer[0], len(sets["un_persons"]))),
        "yente_people": rng.sample(sets["yente_people"], min(peer[1], len(sets["yente_people"]))),
    }


def choose_cutoff(run: Run, negatives: Sequence[Query], target_fp: float) -> int:
    """The rapidfuzz cutoff whose FP rate on the negatives is closest to earmark's; on a tie,
    the lower cutoff (the one with more recall)."""
    fps = {c: rate([flagged(run.hits[q], c / 100) for q in negatives]) for c in RF_CUTOFFS}
    return min(RF_CUTOFFS, key=lambda c: (abs(fps[c] - target_fp), c))


def earmark_misses(screener: Screener, run: Run, queries: Sequence[Query]) -> list[dict[str, Any]]:
    """Positives earmark did not find: what it returned instead, and the expected entry's score
    (screened again at a low threshold, outside the timed runs)."""
    out = []
    for q in queries:
        if not q.positive or found(q, run.hits[q], DEFAULT_THRESHOLD):
            continue
        low = screener.screen(q.query, threshold=0.3, limit=200)
        key = "name" if q.set == "un_persons" else "id"
        expected = [m.score for m in low.matches if getattr(m.entry, key) in q.expected]
        top = run.hits[q][0] if run.hits[q] else None
        out.append(
            {
                "set": q.set,
                "kind": q.kind,
                "query": q.query,
                "expected": q.expected_name,
                "expected_score": max(expected) if expected else None,
                "pruned": bool(expected) and max(expected) >= DEFAULT_THRESHOLD,
                "top_match": f"{top.entry_name} [{top.matched_name}]" if top else None,
                "top_score": top.score if top else None,
            }
        )
    return out


def false_positives(run: Run, queries: Sequence[Query]) -> list[dict[str, Any]]:
    out = []
    for q in queries:
        if q.positive or not flagged(run.hits[q], DEFAULT_THRESHOLD):
            continue
        top = run.hits[q][0]
        out.append(
            {
                "set": q.set,
                "kind": q.kind,
                "query": q.query,
                "matched": f"{top.entry_name} [{top.matched_name}]",
                "entry_id": top.entry_id,
                "score": top.score,
                "hits": sum(1 for h in run.hits[q] if h.score >= DEFAULT_THRESHOLD),
            }
        )
    return sorted(out, key=lambda x: -x["score"])


def round_robin(items: list[dict[str, Any]], key: str, n: int) -> list[dict[str, Any]]:
    """Up to n items, taking one of each value of ``key`` in turn (variety over order)."""
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for item in items:
        groups[item[key]].append(item)
    out: list[dict[str, Any]] = []
    while len(out) < n and any(groups.values()):
        for k in sorted(groups):
            if groups[k] and len(out) < n:
                out.append(groups[k].pop(0))
    return out


def batch_throughput(queries: Sequence[Query], n: int, run: Run) -> dict[str, Any]:
    """The real CLI on n names (the query list repeated), end to end, one subprocess; and the
    same on one name, for its start-up alone."""
    names = [queries[i % len(queries)].query for i in range(n)]
    expected_with_matches = sum(
        1 for i in range(n) if flagged(run.hits[queries[i % len(queries)]], DEFAULT_THRESHOLD)
    )

    def once(
        rows: list[str], tmp: Path, record: bool = False, **env: str
    ) -> tuple[float, float, Path]:
        src, out = tmp / "in.csv", tmp / "out.jsonl"
        with src.open("w", newline="", encoding="utf-8") as fh:
            writer = csv.writer(fh)
            writer.writerow(["id", "name"])
            writer.writerows([f"q{i}", name] for i, name in enumerate(rows))
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t = time.perf_counter()
        # Screening alone (--no-record), as the issue-3 target is stated; with ``record``, the
        # default: each screening kept in a store of the run's own, hits raised for review.
        flags = [] if record else ["--no-record"]
        store = {"EARMARK_DATABASE_URL": f"sqlite:///{tmp / 'store.db'}"}
        subprocess.run(
            [str(EARMARK_CLI), "screen-batch", str(src), "--out", str(out), *flags],
            check=True,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            timeout=600,
            env={**os.environ, **store, **env},
        )
        wall = time.perf_counter() - t
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        return wall, cpu, out

    starts = []
    for _ in range(2):  # start-up alone: the same command on one name, best of two
        with tempfile.TemporaryDirectory(prefix="earmark-bench-") as one:
            starts.append(once(names[:1], Path(one))[0])
    start_wall = min(starts)
    with tempfile.TemporaryDirectory(prefix="earmark-bench-") as one:
        cold_start = once(names[:1], Path(one), EARMARK_NO_CACHE="1")[0]
    with tempfile.TemporaryDirectory(prefix="earmark-bench-") as tmp:
        wall, cpu, out = once(names, Path(tmp))
        lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    with tempfile.TemporaryDirectory(prefix="earmark-bench-") as tmp:
        recorded_wall = once(names, Path(tmp), record=True)[0]
    with_matches = sum(1 for r in lines if r.get("matches"))
    errors = sum(1 for r in lines if r.get("error"))
    cores = cpu / wall
    screening = wall - start_wall
    # Only meaningful when screening took a fair share of the run (not start-up noise).
    after = (n - 1) / screening if screening > 0.2 * wall else None
    return {
        "names": n,
        "seconds": wall,
        "cpu_seconds": cpu,
        "cores_used": cores,
        "names_per_second": n / wall,
        "names_per_second_per_core": n / wall / max(1.0, cores),
        "startup_seconds": start_wall,
        "startup_seconds_no_index_cache": cold_start,
        "names_per_second_after_startup": after,
        "seconds_recorded": recorded_wall,
        "names_per_second_recorded": n / recorded_wall,
        "output_rows": len(lines),
        "errors": errors,
        "rows_with_matches": with_matches,
        "rows_with_matches_in_process": expected_with_matches,
    }


# -- B. pairs --------------------------------------------------------------------------------


def prf(scores: Sequence[float], labels: Sequence[bool], t: float) -> dict[str, float]:
    tp = sum(1 for s, y in zip(scores, labels, strict=True) if s >= t and y)
    fp = sum(1 for s, y in zip(scores, labels, strict=True) if s >= t and not y)
    fn = sum(1 for s, y in zip(scores, labels, strict=True) if s < t and y)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"threshold": t, "precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0}


def best_threshold(scores: Sequence[float], labels: Sequence[bool]) -> dict[str, float]:
    return max((prf(scores, labels, t) for t in PAIR_THRESHOLDS), key=lambda m: m["f1"])


def timed_scores(
    pairs: Sequence[dict[str, str]], score: Callable[[dict[str, str]], float]
) -> tuple[list[float], float]:
    """Scores of every pair, and the mean time per pair in µs (one pass, after a warm-up)."""
    score({"name1": "Jonathan Smithers", "name2": "Jon Smithers", "schema": "Person"})
    t = time.perf_counter()
    out = [score(p) for p in pairs]
    return out, (time.perf_counter() - t) / len(pairs) * 1e6


def earmark_pair(screener: Screener) -> Callable[[dict[str, str]], float]:
    def score(p: dict[str, str]) -> float:
        try:
            kind = SCHEMA_TYPE.get(p["schema"], "entity")
            return screener.match(p["name1"], p["name2"], kind).score
        except BadInput:
            return 0.0

    return score


def rapidfuzz_pair(p: dict[str, str]) -> float:
    return fuzz.WRatio(p["name1"], p["name2"], processor=utils.default_process) / 100


def nomenklatura_scores(pairs_csv: Path, install: bool) -> tuple[dict[str, Any] | None, str]:
    """LogicV2 scores from /tmp/nkvenv (installed there if missing and ``install``)."""

    def importable() -> bool:
        if not NK_PYTHON.exists():
            return False
        check = [str(NK_PYTHON), "-c", "import nomenklatura.matching"]
        return subprocess.run(check, capture_output=True, timeout=120).returncode == 0

    try:
        if not importable():
            if not install:
                return None, f"not installed in {NK_VENV}; --quick does not install it (~80 s)"
            print(f"  installing nomenklatura into {NK_VENV} (a separate venv) ...", flush=True)
            if not NK_PYTHON.exists():
                subprocess.run(
                    [sys.executable, "-m", "venv", str(NK_VENV)],
                    check=True,
                    capture_output=True,
                    timeout=120,
                )
            pip = subprocess.run(
                [str(NK_PYTHON), "-m", "pip", "install", "-q", "nomenklatura"],
                capture_output=True,
                text=True,
                timeout=420,
            )
            if pip.returncode != 0 or not importable():
                tail = (pip.stderr or pip.stdout).strip().splitlines()[-3:]
                return None, "pip install nomenklatura failed: " + " | ".join(tail)
        with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as fh:
            fh.write(NK_SCRIPT)
            script = fh.name
        try:
            proc = subprocess.run(
                [str(NK_PYTHON), script, str(pairs_csv)],
                capture_output=True,
                text=True,
                timeout=300,
            )
        finally:
            os.unlink(script)
        if proc.returncode != 0:
            tail = proc.stderr.strip().splitlines()[-3:]
            return None, "logic-v2 script failed: " + " | ".join(tail)
        return json.loads(proc.stdout.strip().splitlines()[-1]), "ok"
    except (OSError, subprocess.SubprocessError, json.JSONDecodeError) as exc:
        return None, f"{type(exc).__name__}: {exc}"


def pair_benchmark(screener: Screener, install_nk: bool) -> dict[str, Any]:
    path = DATA / "peer" / "nomenklatura" / "name_bench_cases.csv"
    pairs = read_csv(path)
    labels = [p["is_match"].strip().lower() == "true" for p in pairs]
    out: dict[str, Any] = {"pairs": len(pairs), "matches": sum(labels), "systems": {}}

    def add(name: str, scores: list[float], us: float, at: float | None) -> None:
        entry: dict[str, Any] = {"us_per_pair": us, "best": best_threshold(scores, labels)}
        if at is not None:
            entry["at_default"] = prf(scores, labels, at)
        out["systems"][name] = entry

    scores, us = timed_scores(pairs, earmark_pair(screener))
    add("earmark", scores, us, DEFAULT_THRESHOLD)
    earmark_scores = scores
    scores, us = timed_scores(pairs, rapidfuzz_pair)
    add("rapidfuzz WRatio", scores, us, None)

    nk, why = nomenklatura_scores(path, install_nk)
    out["nomenklatura_status"] = why
    if nk is not None:
        add("nomenklatura logic-v2", nk["scores"], nk["seconds"] / len(pairs) * 1e6, NK_THRESHOLD)
        out["nomenklatura"] = {k: nk[k] for k in ("version", "followthemoney", "rigour", "api")}
        frozen = read_csv(DATA / "peer" / "nomenklatura" / "name_bench_logicv2-frozen.csv")
        ref = {(r["schema"], r["name1"], r["name2"]): float(r["score"]) for r in frozen}
        keys = [(p["schema"], p["name1"], p["name2"]) for p in pairs]
        same = [
            abs(ref[k] - s) <= 0.001 for k, s in zip(keys, nk["scores"], strict=True) if k in ref
        ]
        out["nomenklatura"]["agrees_with_frozen_run"] = f"{sum(same)}/{len(same)} within 0.001"
        both = [(ref[k], y) for k, y in zip(keys, labels, strict=True) if k in ref]
        out["nomenklatura"]["frozen_run_best"] = best_threshold(
            [x for x, _ in both], [y for _, y in both]
        )
    out["earmark_errors"] = pair_errors(pairs, labels, earmark_scores)
    return out


def pair_errors(
    pairs: Sequence[dict[str, str]], labels: Sequence[bool], scores: Sequence[float]
) -> dict[str, Any]:
    """earmark's worst wrong calls at DEFAULT_THRESHOLD."""
    rows: list[dict[str, Any]] = [
        {"schema": p["schema"], "name1": p["name1"], "name2": p["name2"], "score": round(s, 3)}
        for p, s in zip(pairs, scores, strict=True)
    ]
    fps = [
        r for r, y in zip(rows, labels, strict=True) if not y and r["score"] >= DEFAULT_THRESHOLD
    ]
    fns = [r for r, y in zip(rows, labels, strict=True) if y and r["score"] < DEFAULT_THRESHOLD]
    return {
        "false_positives": sorted(fps, key=lambda r: -r["score"])[:EXAMPLES],
        "misses": sorted(fns, key=lambda r: r["score"])[:EXAMPLES],
        "n_false_positives": len(fps),
        "n_misses": len(fns),
    }


# -- C. report -------------------------------------------------------------------------------


def pct(x: float | None) -> str:
    return "-" if x is None else f"{100 * x:.1f}%"


def ratio(slow: float, fast: float) -> str:
    return f"{slow / fast:,.0f}x faster" if fast > 0 else "-"


def speed(ours: float, theirs: float) -> str:
    """earmark's time ``ours`` against ``theirs``, as N x faster or slower."""
    if ours <= 0 or theirs <= 0:
        return "-"
    if ours <= theirs:
        return f"{theirs / ours:,.1f}x faster"
    return f"{ours / theirs:,.1f}x slower"


def print_table(title: str, header: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    print(f"\n{title}")
    line = "  ".join("-" * w for w in widths)
    print(line)
    print(
        "  ".join(
            str(h).ljust(w) if i == 0 else str(h).rjust(w)
            for i, (h, w) in enumerate(zip(header, widths, strict=True))
        )
    )
    print(line)
    for r in rows:
        print(
            "  ".join(
                str(c).ljust(w) if i == 0 else str(c).rjust(w)
                for i, (c, w) in enumerate(zip(r, widths, strict=True))
            )
        )
    print(line)


def report(res: dict[str, Any]) -> None:
    a = res["screening"]
    b = res["pairs"]
    print(
        f"\nearmark {res['data_version']} at {res['git']['commit']} "
        f"({res['git']['changed_files']} files changed); threshold {DEFAULT_THRESHOLD}; seed {SEED}"
        f"{' (--quick)' if res['quick'] else ''}"
    )
    print(
        f"index: {a['index']['entries']:,} entries, {a['index']['names']:,} names and aliases; "
        f"Screener() {a['index']['regdata_load_s']:.2f} s (manifest only), current_index() "
        f"{a['index']['build_s']:.2f} s (cold: reads the CSL snapshot, builds, disk cache off); "
        f"peak RSS {a['index']['rss_before_mib']:.0f} -> "
        f"{a['index']['rss_after_mib']:.0f} MiB (+{a['index']['rss_delta_mib']:.0f}); "
        f"with the disk cache: build and store {a['index']['build_and_store_in_disk_cache_s']:.2f}"
        f" s, load {a['index']['load_from_disk_cache_s']:.2f} s"
    )
    print(f"skipped {a['skipped_leave_one_out']} leave-one-out alias rows (exclude set)")

    full = a["earmark_full"]
    rows = [
        ["positives dev", full["dev"]["n_positive"], pct(full["dev"]["recall"]), "", ""],
        [
            "positives holdout",
            full["holdout"]["n_positive"],
            pct(full["holdout"]["recall"]),
            "",
            "",
        ],
        ["negatives", full["negatives"]["n_negative"], "", pct(full["negatives"]["fp_rate"]), ""],
        [
            "UN persons (peer)",
            full["un_persons"]["n_positive"],
            pct(full["un_persons"]["recall"]),
            "",
            "",
        ],
        [
            "yente people (peer)",
            full["yente_people"]["n_negative"],
            "",
            pct(full["yente_people"]["fp_rate"]),
            "",
        ],
        [
            "all queries latency",
            full["latency"]["n"],
            "",
            "",
            f"{full['latency']['p50_ms']:.2f} / {full['latency']['p99_ms']:.2f}",
        ],
    ]
    print_table(
        "A1. earmark on the full sets (name only, default threshold)",
        ["set", "n", "recall", "FP rate", "p50 / p99 ms"],
        rows,
    )

    kinds = full["by_kind"]
    print(
        "recall by kind: "
        + ", ".join(
            f"{k} {pct(v['recall'])} ({v['n_positive']})"
            for k, v in kinds.items()
            if "recall" in v and k != "un_person"
        )
    )
    print(
        "FP by kind: "
        + ", ".join(
            f"{k} {pct(v['fp_rate'])} ({v['n_negative']})"
            for k, v in kinds.items()
            if "fp_rate" in v
        )
    )

    sub = a["subsample"]
    e, r = sub["earmark"], sub["rapidfuzz"]
    cut = sub["rapidfuzz_cutoff"]
    rows = [
        [
            "recall (screening positives)",
            pct(e["positives"]["recall"]),
            pct(r["positives"]["recall"]),
            "",
        ],
        [
            "FP rate (screening negatives)",
            pct(e["negatives"]["fp_rate"]),
            pct(r["negatives"]["fp_rate"]),
            "",
        ],
        [
            "recall (UN persons, peer)",
            pct(e["un_persons"]["recall"]),
            pct(r["un_persons"]["recall"]),
            "",
        ],
        [
            "FP rate (yente people, peer)",
            pct(e["yente_people"]["fp_rate"]),
            pct(r["yente_people"]["fp_rate"]),
            "",
        ],
        [
            "latency p50 ms",
            f"{e['latency']['p50_ms']:.2f}",
            f"{r['latency']['p50_ms']:.1f}",
            ratio(r["latency"]["p50_ms"], e["latency"]["p50_ms"]),
        ],
        [
            "latency p99 ms",
            f"{e['latency']['p99_ms']:.2f}",
            f"{r['latency']['p99_ms']:.1f}",
            ratio(r["latency"]["p99_ms"], e["latency"]["p99_ms"]),
        ],
        [
            "queries / s (1 core)",
            f"{1000 / e['latency']['mean_ms']:,.0f}",
            f"{1000 / r['latency']['mean_ms']:,.1f}",
            ratio(r["latency"]["mean_ms"], e["latency"]["mean_ms"]),
        ],
    ]
    n = sub["sizes"]
    print_table(
        f"A2. same seeded subsample ({n['positives']}+{n['negatives']} screening, "
        f"{n['un_persons']}+{n['yente_people']} peer): earmark @ {DEFAULT_THRESHOLD} vs "
        f"rapidfuzz WRatio brute force @ cutoff {cut}",
        ["metric", "earmark", f"rapidfuzz@{cut}", "earmark vs rapidfuzz"],
        rows,
    )
    curve = [
        [f"{c}", pct(v["recall"]), pct(v["fp_rate"])] for c, v in sub["rapidfuzz_curve"].items()
    ]
    print_table(
        f"rapidfuzz cutoffs on the subsample (earmark FP there: "
        f"{pct(e['negatives']['fp_rate'])}; chosen: {cut})",
        ["cutoff", "recall", "FP rate"],
        curve,
    )

    bt = a["batch"]
    after = (
        f"{bt['names_per_second_after_startup']:,.0f} names/s"
        if bt["names_per_second_after_startup"]
        else "n/a (screening within start-up noise)"
    )
    print(
        f"\nA3. batch: `earmark screen-batch` on {bt['names']:,} names, one process, start-up "
        f"included: {bt['seconds']:.2f} s = {bt['names_per_second']:,.0f} names/s "
        f"({bt['cores_used']:.2f} cores busy -> {bt['names_per_second_per_core']:,.0f} "
        f"names/s/core); start-up alone (1 name) {bt['startup_seconds']:.2f} s with the index "
        f"cache, {bt['startup_seconds_no_index_cache']:.2f} s without; after start-up "
        f"{after}. Output rows {bt['output_rows']:,}"
        f", errors {bt['errors']}, rows with matches {bt['rows_with_matches']:,} "
        f"(in-process: {bt['rows_with_matches_in_process']:,}). rapidfuzz brute force at its "
        f"mean latency: {1000 / r['latency']['mean_ms']:,.1f} names/s/core -> earmark batch "
        f"{ratio(bt['names_per_second_per_core'], 1000 / r['latency']['mean_ms'])}"
    )
    print(
        f"    recorded (the default: each screening kept in an SQLite store with its audit "
        f"record, hits raised for review): {bt['seconds_recorded']:.2f} s = "
        f"{bt['names_per_second_recorded']:,.0f} names/s; "
        f"{bt['names_per_second_recorded'] / bt['names_per_second']:.2f}x the --no-record rate"
    )

    if bt["rows_with_matches"] != bt["rows_with_matches_in_process"]:
        print(
            "  WARNING: the CLI and this process disagree on which rows have matches: did the "
            "code or data change during the run?"
        )

    rows = []
    ours = b["systems"]["earmark"]["us_per_pair"]
    for name, s in b["systems"].items():
        best = s["best"]
        at = s.get("at_default")
        rows.append(
            [
                name,
                f"{s['us_per_pair']:.1f}",
                "-" if name == "earmark" else speed(ours, s["us_per_pair"]),
                f"{best['threshold']:.2f}",
                f"{best['precision']:.3f}",
                f"{best['recall']:.3f}",
                f"{best['f1']:.3f}",
                f"{at['threshold']:.2f}: P {at['precision']:.3f} R {at['recall']:.3f} "
                f"F1 {at['f1']:.3f}"
                if at
                else "-",
            ]
        )
    print_table(
        f"B. pairs: nomenklatura name_bench_cases.csv ({b['pairs']} pairs, {b['matches']} matches)",
        ["system", "µs/pair", "earmark vs this", "best t", "P", "R", "F1", "at default threshold"],
        rows,
    )
    print(
        f"nomenklatura: {b['nomenklatura_status']}"
        + (f"; {b['nomenklatura']}" if "nomenklatura" in b else "")
    )

    print(
        f"\nearmark misses (up to {EXAMPLES}, by kind; {a['n_misses']} in all on the full sets; "
        f"{a['n_misses_pruned']} of them score >= {DEFAULT_THRESHOLD} when screened at a lower "
        "threshold, i.e. lost by candidate pruning, not by the scorer):"
    )
    for m in a["misses"]:
        exp = (
            "not in its top 200 at 0.3"
            if m["expected_score"] is None
            else (f"expected scored {m['expected_score']:.2f}")
        )
        got = (
            f"returned {m['top_match']!r} {m['top_score']:.3f}"
            if m["top_match"]
            else f"no match at {DEFAULT_THRESHOLD}"
        )
        print(f"  [{m['set']}/{m['kind']}] {m['query']!r} -> want {m['expected']!r}; {exp}; {got}")
    print(
        f"\nearmark false positives on negatives (up to {EXAMPLES}, highest first; "
        f"{a['n_false_positives']} in all):"
    )
    for f in a["false_positives"]:
        print(
            f"  [{f['kind']}] {f['query']!r} -> {f['matched']!r} {f['score']:.3f}"
            f" ({f['hits']} hit(s))"
        )
    print(
        f"\nearmark false positives on yente synthetic people (up to {EXAMPLES}; "
        f"{a['n_false_positives_peer']} in all):"
    )
    for f in a["false_positives_peer"]:
        print(f"  {f['query']!r} -> {f['matched']!r} {f['score']:.3f}")
    pe = b["earmark_errors"]
    print(
        f"\nearmark pair errors at {DEFAULT_THRESHOLD}: {pe['n_false_positives']} false "
        f"positives, {pe['n_misses']} misses; worst of each:"
    )
    for x in pe["false_positives"][:8]:
        print(f"  FP [{x['schema']}] {x['name1']!r} ~ {x['name2']!r} {x['score']}")
    for x in pe["misses"][:8]:
        print(f"  FN [{x['schema']}] {x['name1']!r} ~ {x['name2']!r} {x['score']}")


# -- main ------------------------------------------------------------------------------------


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="smaller samples (under 2 minutes)")
    args = ap.parse_args()
    started = time.perf_counter()
    tree = git_state()
    n_pos, n_neg, n_batch = (60, 60, 2000) if args.quick else (300, 300, 10_000)

    # earmark keeps built indexes in an on-disk cache: use a private one for this run (the CLI
    # runs below too), and build first with it off, before anything else grows the heap.
    cache = tempfile.TemporaryDirectory(prefix="earmark-bench-cache-")
    os.environ["EARMARK_CACHE_DIR"] = cache.name
    os.environ["EARMARK_NO_CACHE"] = "1"
    rss_before = maxrss_mib()
    t = time.perf_counter()
    screener = Screener()
    loaded = time.perf_counter() - t
    t = time.perf_counter()
    index = screener.current_index()
    built = time.perf_counter() - t
    rss_after = maxrss_mib()
    del os.environ["EARMARK_NO_CACHE"]
    stored, from_cache = (timed_index() for _ in range(2))  # build and store; then load
    print(f"index built in {built:.2f} s ({len(index.records):,} names)", flush=True)

    sets, skipped = load_queries()
    every = [q for s in sets.values() for q in s]
    em = run_earmark(screener, every)
    print(f"earmark: {len(every):,} queries screened", flush=True)

    sample = subsample(sets, n_pos, n_neg)
    sampled = [q for s in sample.values() for q in s]
    t = time.perf_counter()
    rf = run_rapidfuzz(screener, sampled)
    print(f"rapidfuzz: {len(sampled)} queries in {time.perf_counter() - t:.1f} s", flush=True)

    earmark_sub_fp = quality(em, sample["negatives"], DEFAULT_THRESHOLD)["fp_rate"]
    cutoff = choose_cutoff(rf, sample["negatives"], earmark_sub_fp)
    curve = {
        str(c): quality(rf, sample["positives"] + sample["negatives"], c / 100) for c in RF_CUTOFFS
    }

    def on_sample(run: Run, cut: float) -> dict[str, Any]:
        out: dict[str, Any] = {k: quality(run, v, cut) for k, v in sample.items()}
        out["latency"] = latency(run, sampled)
        return out

    full: dict[str, Any] = {k: quality(em, v, DEFAULT_THRESHOLD) for k, v in sets.items()}
    full["latency"] = latency(em, every)
    full["by_kind"] = by_kind(em, every, DEFAULT_THRESHOLD)

    screening_queries = sets["dev"] + sets["holdout"] + sets["negatives"]
    batch = batch_throughput(screening_queries, n_batch, em)
    print(f"batch: {n_batch:,} names in {batch['seconds']:.1f} s", flush=True)

    misses = earmark_misses(screener, em, sets["dev"] + sets["holdout"] + sets["un_persons"])
    fps = false_positives(em, sets["negatives"])
    fps_peer = false_positives(em, sets["yente_people"])

    pairs = pair_benchmark(screener, install_nk=not args.quick)

    res: dict[str, Any] = {
        "quick": args.quick,
        "seed": SEED,
        "threshold": DEFAULT_THRESHOLD,
        "data_version": screener.regdata.version,
        "git": tree,
        "python": sys.version.split()[0],
        "cpus": os.cpu_count(),
        "screening": {
            "index": {
                "entries": len(index.entries),
                "names": len(index.records),
                "regdata_load_s": loaded,
                "build_s": built,
                "rss_before_mib": rss_before,
                "rss_after_mib": rss_after,
                "rss_delta_mib": rss_after - rss_before,
                "build_and_store_in_disk_cache_s": stored,
                "load_from_disk_cache_s": from_cache,
            },
            "skipped_leave_one_out": skipped,
            "earmark_full": full,
            "subsample": {
                "sizes": {k: len(v) for k, v in sample.items()},
                "rapidfuzz_cutoff": cutoff,
                "rapidfuzz_curve": curve,
                "earmark": on_sample(em, DEFAULT_THRESHOLD),
                "rapidfuzz": on_sample(rf, cutoff / 100),
            },
            "batch": batch,
            "n_misses": len(misses),
            "n_misses_pruned": sum(1 for m in misses if m["pruned"]),
            "misses": round_robin(misses, "kind", EXAMPLES),
            "n_false_positives": len(fps),
            "false_positives": fps[:EXAMPLES],
            "n_false_positives_peer": len(fps_peer),
            "false_positives_peer": fps_peer[:EXAMPLES],
        },
        "pairs": pairs,
    }
    cache.cleanup()
    res["git_changed_during_run"] = git_state() != tree
    res["seconds"] = time.perf_counter() - started
    report(res)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(res, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    if res["git_changed_during_run"]:
        print("\nWARNING: the work tree (src, tests/data) changed during this run")
    print(f"\nwrote {RESULTS.relative_to(REPO)}; whole run {res['seconds']:.0f} s")


if __name__ == "__main__":
    main()
