"""Benchmark: license determinations per second, party screening included.

    .venv/bin/python bench/determination.py [--cases 100000] [--baseline 500]

Generates a seeded batch of realistic cases (dates 2018-2026; US-origin EAR99 and CCL items
and foreign items with US content or direct-product facts; destinations weighted towards
China, Russia and the rest of the world; parties mostly unlisted names, one case in ten a
listed Huawei or Entity List party) and times ``Engine.check`` on one core, after the index is
loaded and with the memo of word lookups empty (the rate over the first 10,000 cases is shown
too: the memo fills as given names and generic words recur). Baseline "linear screening":
the same engine with each party screened by a linear rapidfuzz scan (``process.extractOne``,
WRatio) over every Entity List, DPL, MEU and UVL name instead of earmark's index, on the first
--baseline cases. Prints decisions per second and the ratio.
"""

from __future__ import annotations

import argparse
import csv
import random
import statistics
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz, process, utils

from earmark.regdata import load_regdata
from earmark.rules import Engine
from earmark.screening import Screener

ROOT = Path(__file__).resolve().parents[1]
SEED = 20261121
DESTINATIONS = ["CN"] * 6 + ["RU"] * 3 + ["HK", "VN", "IN", "DE", "AE", "TR", "BR", "KR", "IR"]
ECCNS = ["EAR99"] * 5 + ["5A992.c", "5A991", "3A001.a.1", "4A994", "5D992", "3A991", "1C350"]


def generate(n: int) -> list[dict[str, Any]]:
    rng = random.Random(SEED)
    rd = load_regdata()
    listed = [
        lst.entry.name for lst in rd.lists.as_of(None, ["EL"]) if lst.entry.countries[:1] == ("CN",)
    ]
    people = [
        r["full_name"]
        for r in csv.DictReader(
            (ROOT / "tests/data/peer/yente/negatives_global_sample5000.csv").open(encoding="utf-8")
        )
    ]
    companies = [
        line.strip() for line in (ROOT / "tests/data/screening/real_companies.txt").read_text()
        .splitlines() if line.strip() and not line.startswith("#")
    ]  # fmt: skip
    cases = []
    start = date(2018, 1, 1)
    for i in range(n):
        day = start + timedelta(days=rng.randrange(0, (date(2026, 7, 31) - start).days))
        foreign = rng.random() < 0.3
        item: dict[str, Any] = {"kind": "commodity", "eccn": rng.choice(ECCNS),
                                "origin": "foreign" if foreign else "US",
                                "value": float(rng.randrange(10, 100_000))}  # fmt: skip
        if foreign:
            item["us_content"] = [
                {"eccn": rng.choice(ECCNS), "value": round(item["value"] * rng.random() * 0.5, 2)}
            ]
            if rng.random() < 0.3:
                item["plant_direct_product_of"] = [rng.choice(["3E001", "3E991", "2E003"])]
                item["direct_product_of"] = []
        name = rng.choice(listed) if rng.random() < 0.1 else rng.choice(people + companies)
        cases.append({
            "id": f"c{i}", "date": day.isoformat(), "activity": "reexport" if foreign else "export",
            "from_country": "TW" if foreign else "US", "destination": rng.choice(DESTINATIONS),
            "item": item,
            "parties": [{"role": rng.choice(["purchaser", "ultimate_consignee", "end_user"]),
                         "name": name}],
        })  # fmt: skip
    return cases


class LinearScreener(Screener):
    """earmark's engine with a naive screener: a linear rapidfuzz scan of all names."""

    def __init__(self) -> None:
        super().__init__()
        index = self.current_index()
        self._names = [r.name for r in index.records]
        self._entries = [index.entries[r.entry] for r in index.records]

    def screen(self, name: str, **kw: Any) -> Any:
        from earmark.screening.screen import Match, ScreeningResult

        hit = process.extractOne(name, self._names, scorer=fuzz.WRatio,
                                 processor=utils.default_process, score_cutoff=90)  # fmt: skip
        matches: tuple[Match, ...] = ()
        if hit is not None:
            entry = self._entries[hit[2]]
            matches = (Match(entry, hit[0], hit[1] / 100, hit[1] / 100, ()),)
        return ScreeningResult({"name": name}, 0.9, matches, self.regdata.version)


def timed(engine: Engine, cases: list[dict[str, Any]]) -> tuple[float, list[float]]:
    per: list[float] = []
    t0 = time.perf_counter()
    for c in cases:
        t = time.perf_counter()
        engine.check(c)
        per.append(time.perf_counter() - t)
    return time.perf_counter() - t0, per


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cases", type=int, default=100_000)
    ap.add_argument("--baseline", type=int, default=300)
    args = ap.parse_args()
    cases = generate(args.cases)
    engine = Engine()
    engine.screener.current_index()
    for c in cases[:200]:
        engine.check(c)  # warm-up: lazy imports and tables
    engine.screener.forget_lookups()  # the word memo starts empty, as in a fresh process
    total, per = timed(engine, cases)
    rate = len(cases) / total
    first = min(10_000, len(cases))
    cold = first / sum(per[:first])
    base_engine = Engine(screener=LinearScreener())
    base_total, _ = timed(base_engine, cases[: args.baseline])
    base_rate = args.baseline / base_total
    per.sort()
    print(f"cases: {len(cases):,} (seed {SEED}); one core; index loaded before timing")
    print(f"earmark: {rate:,.0f} decisions/s; per case p50 {statistics.median(per)*1000:.3f} ms, "
          f"p99 {per[int(len(per) * 0.99)]*1000:.3f} ms")  # fmt: skip
    print(f"first {first:,} cases (word memo filling): {cold:,.0f} decisions/s")
    print(f"baseline linear screening (first {args.baseline}): {base_rate:,.1f} decisions/s")
    print(f"ratio: earmark {rate / base_rate:,.0f}x the baseline; target 5,000/s/core: "
          f"{'met' if rate >= 5000 else 'not met'}")  # fmt: skip


if __name__ == "__main__":
    main()
