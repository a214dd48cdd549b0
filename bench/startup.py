"""Benchmark: how long a person waits for the first answer (issue 15: `earmark screen NAME`
in under a second, start-up included).

    .venv/bin/python bench/startup.py [--runs 7]

Whole commands, timed from outside as subprocesses (median and best of ``--runs``, after one
priming run that fills earmark's disk cache, as any first run does):

* ``earmark screen NAME --no-record`` and ``earmark screen NAME`` (recorded in a fresh SQLite
  store, the default behaviour), and ``earmark check CASE --no-record``;
* baselines in the same run: the bare interpreter (``python -c pass``) and ``earmark
  --version`` (interpreter, CLI imports, no index);
* in this process: the screening index loaded from the disk cache against built from the
  bundled lists (``EARMARK_NO_CACHE``), the ratio of the two.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EARMARK = [str(Path(sys.executable).parent / "earmark")]
NAME = "Huawei Technologies Co., Ltd."


def timed(cmd: list[str], runs: int, env: dict[str, str]) -> tuple[float, float]:
    subprocess.run(cmd, capture_output=True, env=env, check=False)  # prime
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        done = subprocess.run(cmd, capture_output=True, env=env, check=False)
        times.append(time.perf_counter() - start)
        if done.returncode not in (0, 1):
            raise SystemExit(f"{' '.join(cmd)} failed: {done.stderr.decode()[:300]}")
    return statistics.median(times), min(times)


def index_load_vs_build() -> tuple[float, float]:
    os.environ["EARMARK_CACHE_DIR"] = tempfile.mkdtemp()  # leave the user's cache alone
    from earmark.diskcache import cached
    from earmark.regdata import load_regdata
    from earmark.screening.index import ScreeningIndex

    regdata = load_regdata()

    def build() -> ScreeningIndex:
        return ScreeningIndex(lst.entry for lst in regdata.lists.as_of(None))

    start = time.perf_counter()
    build()
    built = time.perf_counter() - start
    cached("bench-startup", regdata.version, build)  # store it
    start = time.perf_counter()
    cached("bench-startup", regdata.version, build)
    loaded = time.perf_counter() - start
    return built, loaded


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    env = dict(os.environ)
    with tempfile.TemporaryDirectory() as tmp:
        db = f"sqlite:///{tmp}/bench.sqlite"
        case = ROOT / "examples" / "huawei-case.json"
        rows = [
            ("python -c pass (baseline)", [sys.executable, "-c", "pass"]),
            ("earmark --version (baseline)", [*EARMARK, "--version"]),
            ("earmark screen --no-record", [*EARMARK, "screen", NAME, "--no-record"]),
            ("earmark screen (recorded)", [*EARMARK, "screen", NAME, "--database", db]),
            ("earmark check --no-record", [*EARMARK, "check", str(case), "--no-record"]),
        ]
        results = {label: timed(cmd, args.runs, env) for label, cmd in rows}
    base = results["earmark --version (baseline)"][0]
    print(f"{'command':34} {'median':>8} {'best':>8} {'x --version':>12}")
    for label, (median, best) in results.items():
        print(f"{label:34} {median:7.2f}s {best:7.2f}s {median / base:11.1f}x")
    target = results["earmark screen (recorded)"][0]
    print(f"target: earmark screen <= 1.0 s (recorded: {target:.2f} s median)")
    built, loaded = index_load_vs_build()
    print(
        f"screening index: built {built:.2f} s, loaded from the disk cache {loaded:.3f} s "
        f"({built / loaded:.0f}x)"
    )


if __name__ == "__main__":
    main()
