"""Benchmark: batch screening throughput, recording on and off, one and two workers, against a
plain single-process loop over the same library in the same run (issue 15).

    .venv/bin/python bench/batch.py                  # 20,000 generated rows
    .venv/bin/python bench/batch.py --rows 1000000   # the issue's full size (about an hour)

Rows are generated with a fixed seed: people from the yente peer set's 5,000 synthetic names
(first and last names recombined, so most rows are distinct), companies from
tests/data/screening/real_companies.txt with legal forms, and about 5% names as the bundled
2026 lists write them (hits). Measured, each from outside as the user runs it:

* ``plain loop`` (the baseline): ``Screener().screen(name)`` for every row in this process, no
  file, no output, no store; the index already loaded;
* ``earmark screen-batch IN.csv --out OUT.jsonl`` with ``--no-record`` and recorded (a fresh
  SQLite store), with ``--workers 1`` and ``--workers 2`` (a local Dask cluster), start-up
  included; peak RSS of the process tree sampled every 0.2 s.

Printed: rows per second, the ratio to the plain loop, the scaling of two workers over one,
and the peak memory. ``check-batch`` the same way on ``--cases`` generated cases (a party from
the rows, a destination, an ECCN and a date each), one worker, recording on and off, against
a plain loop over ``Engine.check`` (in a fresh process: this one has read the cases' party
names already). Then re-screening after a list change (``parties rescreen
--since``): the first 2,000 rows screened against a random 1% of the current entries (a
day's changes) with ``only_entries``, against the same rows screened in full, in this process.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
EARMARK = str(Path(sys.executable).parent / "earmark")
FORMS = ("", " Ltd", " LLC", " GmbH", " Co., Ltd.", " S.A.", " Inc.", " Trading")


def generate(n: int, seed: int = 15) -> list[tuple[str, str]]:
    from earmark.regdata import load_regdata

    rnd = random.Random(seed)
    people = ROOT / "tests" / "data" / "peer" / "yente" / "negatives_global_sample5000.csv"
    with people.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    firsts = [r["first_name"] for r in rows if r["first_name"]]
    lasts = [r["last_name"] for r in rows if r["last_name"]]
    companies = [
        line.strip()
        for line in (ROOT / "tests" / "data" / "screening" / "real_companies.txt").open()
        if line.strip() and not line.startswith("#")
    ]
    listed = [lst.entry.name for lst in load_regdata().lists.as_of(None)]
    out = []
    for i in range(n):
        r = rnd.random()
        if r < 0.05:
            name = rnd.choice(listed)
        elif r < 0.35:
            name = rnd.choice(companies) + rnd.choice(FORMS)
        else:
            name = f"{rnd.choice(firsts)} {rnd.choice(lasts)}"
        out.append((f"r{i}", name))
    return out


DESTINATIONS = ("CN", "DE", "RU", "IR", "AE", "GB", "IN", "HK", "TW", "BR")
ECCNS = ("EAR99", "5A992.c", "3A991.a", "4A994.b", "2B001.a", "3A090.a", "9A610.x")


def generate_cases(rows: list[tuple[str, str]], n: int, seed: int = 16) -> list[dict[str, object]]:
    rnd = random.Random(seed)
    cases: list[dict[str, object]] = []
    for i in range(n):
        destination = rnd.choice(DESTINATIONS)
        cases.append(
            {
                "id": f"c{i}",
                "date": f"{rnd.randint(2019, 2026)}-0{rnd.randint(1, 9)}-15",
                "destination": destination,
                "item": {"eccn": rnd.choice(ECCNS), "origin": "US"},
                "parties": [
                    {
                        "role": "ultimate_consignee",
                        "name": rows[i % len(rows)][1],
                        "country": destination,
                    }
                ],
            }
        )
    return cases


def plain_checks(cases: list[dict[str, object]]) -> float:
    from earmark.errors import BadInput
    from earmark.rules import Engine

    engine = Engine()
    engine.check(cases[0])
    start = time.perf_counter()
    for case in cases:
        # An ECCN not yet in the CCL on the date is bad input: the batch reports it as a row.
        with contextlib.suppress(BadInput):
            engine.check(case)
    return time.perf_counter() - start


def plain_checks_fresh(case_file: Path) -> float:
    """``plain_checks`` in a process of its own: in this one the screening loop has already
    read the cases' party names (the analyses are remembered), which would make the baseline
    faster than any fresh check-batch can be."""
    out = subprocess.run(
        [sys.executable, __file__, "--plain-checks", str(case_file)],
        check=True,
        capture_output=True,
        text=True,
    )
    return float(out.stdout.strip().splitlines()[-1])


def plain_loop(rows: list[tuple[str, str]]) -> float:
    from earmark.screening import Screener

    screener = Screener()
    screener.screen("warm up")  # the index loaded, as a batch worker has it
    start = time.perf_counter()
    for _, name in rows:
        screener.screen(name)
    return time.perf_counter() - start


def rescreen_delta(rows: list[tuple[str, str]]) -> tuple[float, float, int]:
    """Seconds for a full re-screen and for one against 1% of the entries, and the entries."""
    from earmark.screening import Screener

    screener = Screener()
    ids = screener.current_index().entry_ids
    changed = frozenset(random.Random(1).sample(ids, len(ids) // 100))
    screener.screen("warm up", only_entries=changed)
    names = [name for _, name in rows[:2000]]
    for name in names:  # entries and records decoded once, for both passes
        screener.screen(name)
    screener.forget_lookups()
    start = time.perf_counter()
    for name in names:
        screener.screen(name)
    full = time.perf_counter() - start
    screener.forget_lookups()
    start = time.perf_counter()
    for name in names:
        screener.screen(name, only_entries=changed)
    return full, time.perf_counter() - start, len(changed)


def run_cli(args: list[str]) -> tuple[float, float]:
    """Seconds and the peak RSS (MiB) of the command's process tree."""
    start = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    parent = psutil.Process(proc.pid)
    peak = 0
    while proc.poll() is None:
        try:
            tree = [parent, *parent.children(recursive=True)]
            peak = max(peak, sum(p.memory_info().rss for p in tree if p.is_running()))
        except psutil.Error:
            pass
        time.sleep(0.2)
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        err = proc.stderr.read().decode() if proc.stderr else ""
        raise SystemExit(f"{' '.join(args)} failed: {err[:400]}")
    return seconds, peak / 2**20


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=20_000)
    parser.add_argument("--cases", type=int, default=4_000)
    parser.add_argument("--plain-checks", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.plain_checks is not None:  # the child of plain_checks_fresh
        lines = args.plain_checks.read_text(encoding="utf-8").splitlines()
        print(plain_checks([json.loads(line) for line in lines]))
        return
    rows = generate(args.rows)
    cases = generate_cases(rows, args.cases)
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in.csv"
        with src.open("w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh)
            w.writerow(["id", "name"])
            w.writerows(rows)
        subprocess.run(
            [EARMARK, "screen", "prime the disk cache", "--no-record"],
            check=True,
            capture_output=True,
        )
        base = plain_loop(rows)
        results: dict[str, tuple[float, float]] = {}
        for workers in (1, 2):
            for record in (False, True):
                out = Path(tmp) / f"out-{workers}-{record}.jsonl"
                cmd = [EARMARK, "screen-batch", str(src), "--out", str(out)]
                cmd += ["--workers", str(workers)]
                cmd += (
                    ["--database", f"sqlite:///{tmp}/s{workers}.sqlite"]
                    if record
                    else ["--no-record"]
                )
                label = (
                    f"screen-batch --workers {workers} {'recorded' if record else '--no-record'}"
                )
                results[label] = run_cli(cmd)
        case_file = Path(tmp) / "cases.jsonl"
        case_file.write_text("".join(json.dumps(c) + "\n" for c in cases), encoding="utf-8")
        check_base = plain_checks_fresh(case_file)
        checks: dict[str, tuple[float, float]] = {}
        for record in (False, True):
            out = Path(tmp) / f"decisions-{record}.jsonl"
            cmd = [EARMARK, "check-batch", str(case_file), "--out", str(out)]
            cmd += ["--database", f"sqlite:///{tmp}/c.sqlite"] if record else ["--no-record"]
            checks[f"check-batch {'recorded' if record else '--no-record'}"] = run_cli(cmd)
    n = len(rows)
    print(f"{n:,} rows, {sum(1 for _, x in rows if x):,} names")
    print(f"{'run':44} {'rows/s':>9} {'x plain':>8} {'peak MiB':>9}")
    print(f"{'plain loop (baseline, in process)':44} {n / base:9,.0f} {1.0:8.2f} {'':>9}")
    for label, (seconds, peak) in results.items():
        print(f"{label:44} {n / seconds:9,.0f} {base / seconds:8.2f} {peak:9,.0f}")
    for mode in ("--no-record", "recorded"):
        one = results[f"screen-batch --workers 1 {mode}"][0]
        two = results[f"screen-batch --workers 2 {mode}"][0]
        print(f"scaling, 2 workers over 1 ({mode}): {one / two:.2f}x (target 1.8x)")
    print("targets: recorded >= 3,000 rows/s, --no-record >= 5,000 rows/s (one worker)")
    m = len(cases)
    print(f"{m:,} cases")
    print(
        f"{'plain loop over Engine.check (baseline, fresh)':44} {m / check_base:9,.0f} {1.0:8.2f}"
    )
    for label, (seconds, peak) in checks.items():
        print(f"{label:44} {m / seconds:9,.0f} {check_base / seconds:8.2f} {peak:9,.0f}")
    full, delta, n_changed = rescreen_delta(rows)
    print(
        f"re-screen of {min(n, 2000):,} parties: in full {full:.2f} s, against {n_changed:,} "
        f"changed entries {delta:.2f} s ({full / delta:.1f}x)"
    )


if __name__ == "__main__":
    main()
