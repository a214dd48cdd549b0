"""Benchmark: in-process screening latency, this checkout against a named baseline, one run.

    .venv/bin/python bench/screening_latency.py [--baseline 3a4be24] [--rounds 3]

Both sides screen the same query mix, by name alone, with ``Screener.screen`` over the full
current index (57,000 names and aliases): every query of tests/data/screening/positives_dev.csv,
negatives.csv and dev_languages2.csv. Each round runs one process per side, the sides
alternating (so that what else the machine does weighs on both alike); each process uses its
side's own index cache (built once, then loaded), screens the whole mix once to warm up (the
index's chunks and word lookups), then once timed, each ``screen()`` call with
``time.perf_counter``. Printed: p50, p99 and mean per query over all rounds pooled, and over
each query's best round (noise from the rest of the machine filtered out), single-query
throughput (1 / mean), and the ratio baseline / this checkout. The baseline is the source of
``src/earmark`` at a git revision (default: the commit before the speed work), unpacked with
``git archive`` into a temporary directory. Not a test: nothing here gates CI.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import json
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from io import BytesIO
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SETS = ("positives_dev.csv", "negatives.csv", "dev_languages2.csv")
BASELINE = "3a4be24"  # the last commit before the screening speed work


def query_mix() -> list[str]:
    out: list[str] = []
    for name in SETS:
        with (REPO / "tests" / "data" / "screening" / name).open(encoding="utf-8") as fh:
            out += [r["query"] for r in csv.DictReader(fh) if r["query"].strip()]
    return out


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def worker(rounds: int) -> None:
    """Time this process's earmark (whatever ``sys.path`` finds) and print JSON."""
    from earmark.errors import BadInput
    from earmark.screening.screen import Screener

    screener = Screener()
    screener.current_index()
    queries = query_mix()

    def once(q: str) -> float:
        t = time.perf_counter()
        with contextlib.suppress(BadInput):
            screener.screen(q)
        return time.perf_counter() - t

    for q in queries:  # warm-up
        once(q)
    times = [once(q) for _ in range(rounds) for q in queries]
    print(json.dumps({"times": times}))


def measure(src: Path, cache: Path, rounds: int) -> list[float]:
    env = {**os.environ, "PYTHONPATH": str(src), "EARMARK_CACHE_DIR": str(cache)}
    env.pop("EARMARK_NO_CACHE", None)
    cmd = [sys.executable, str(Path(__file__).resolve()), "--worker", "--rounds", str(rounds)]
    out = subprocess.run(cmd, env=env, check=True, capture_output=True, text=True).stdout
    times: list[float] = json.loads(out.splitlines()[-1])["times"]
    return times


def unpack(rev: str, into: Path) -> Path:
    blob = subprocess.run(
        ["git", "-C", str(REPO), "archive", rev, "src"], check=True, capture_output=True
    ).stdout
    with tarfile.open(fileobj=BytesIO(blob)) as tar:
        tar.extractall(into, filter="data")
    return into / "src"


def summary(times: list[float]) -> dict[str, float]:
    return {
        "p50_ms": 1000 * statistics.median(times),
        "p99_ms": 1000 * percentile(times, 0.99),
        "mean_ms": 1000 * statistics.fmean(times),
        "rows_per_s": 1 / statistics.fmean(times),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--baseline", default=BASELINE, help="git revision to compare with")
    parser.add_argument("--rounds", type=int, default=3, help="timed passes over the mix")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args.rounds)
        return
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        base_src = unpack(args.baseline, root / "baseline")
        # Separate caches: a cache stores one index per name and removes the others.
        cache_root = Path(os.environ.get("EARMARK_BENCH_CACHE", "/tmp/earmark-bench-cache"))
        sides = {
            f"baseline {args.baseline}": (base_src, cache_root / "baseline"),
            "this checkout": (REPO / "src", cache_root / "current"),
        }
        # One process per side and round, alternating, so that what else the machine does
        # weighs on both sides alike.
        rounds: dict[str, list[list[float]]] = {label: [] for label in sides}
        for _ in range(args.rounds):
            for label, (src, cache) in sides.items():
                rounds[label].append(measure(src, cache, 1))
    pooled = {label: summary([t for r in rs for t in r]) for label, rs in rounds.items()}
    # Each query's best time over the rounds: what the code costs, with the moments the
    # machine was busy elsewhere filtered out.
    best = {
        label: summary([min(ts) for ts in zip(*rs, strict=True)]) for label, rs in rounds.items()
    }
    n = len(query_mix())
    print(f"{n} queries x {args.rounds} rounds, by name alone, full current index")
    for title, results in (("all rounds pooled", pooled), ("each query's best round", best)):
        print(f"\n{title:24} {'p50 ms':>8} {'p99 ms':>8} {'mean ms':>8} {'rows/s':>8}")
        for label, r in results.items():
            print(
                f"{label:24} {r['p50_ms']:8.3f} {r['p99_ms']:8.3f} {r['mean_ms']:8.3f}"
                f" {r['rows_per_s']:8.0f}"
            )
        base, mine = results.values()
        ratios = {k: base[k] / mine[k] for k in ("p50_ms", "p99_ms", "mean_ms")}
        print(
            "baseline / this checkout: "
            + ", ".join(f"{k.removesuffix('_ms')} {v:.2f}x" for k, v in ratios.items())
        )


if __name__ == "__main__":
    main()
