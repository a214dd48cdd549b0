"""Count the queries whose matches at or above a threshold are not all found when screened at
that threshold (found only when a lower threshold widens the candidates).

    .venv/bin/python scripts/check_retrieval.py               # every development query
    .venv/bin/python scripts/check_retrieval.py --show 20     # and the first 20 of them

Over tests/data/screening/*.csv (the development sets; the held-out set is not read). Each
query is screened at 0.50 and at ``--threshold`` (0.80), 50 matches each; a query counts when
an entry scoring ``--threshold`` or more at 0.50 is missing at ``--threshold``. The test
tests/screening/test_retrieval_finds_what_the_scorer_would_pass.py holds the same under 1% of
positives_dev.csv.
"""

from __future__ import annotations

import argparse
import csv
from pathlib import Path

from earmark.errors import BadInput
from earmark.screening import Screener

DEV = Path(__file__).resolve().parents[1] / "tests" / "data" / "screening"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--threshold", type=float, default=0.8)
    parser.add_argument("--show", type=int, default=0)
    args = parser.parse_args()
    queries: list[str] = []
    for path in sorted(DEV.glob("*.csv")):
        with path.open(encoding="utf-8") as fh:
            queries += [
                q for row in csv.DictReader(fh) if (q := row.get("query") or row.get("name"))
            ]
    screener = Screener()
    lost = []
    for query in queries:
        try:
            wide = screener.screen(query, threshold=0.5, limit=50).matches
            narrow = screener.screen(query, threshold=args.threshold, limit=50).matches
        except BadInput:
            continue
        found = {m.entry.id for m in narrow}
        missing = [m for m in wide if m.score >= args.threshold and m.entry.id not in found]
        if missing:
            lost.append((query, missing[0].entry.name, missing[0].score))
    print(f"{len(queries):,} queries; {len(lost)} lose a match of {args.threshold} or more")
    for query, name, score in lost[: args.show]:
        print(f"  {query[:60]!r} -> {name[:50]} {score:.2f}")


if __name__ == "__main__":
    main()
