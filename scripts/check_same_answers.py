"""Prove that a change to screening changes no answer: record every answer, then compare.

    .venv/bin/python scripts/check_same_answers.py record /tmp/ref_answers.json
    .venv/bin/python scripts/check_same_answers.py record /tmp/new.json
    .venv/bin/python scripts/check_same_answers.py compare /tmp/ref_answers.json /tmp/new.json

The fixed query set: every query of tests/data/screening/*.csv and
tests/data/heldout/screening/*.csv (by name alone, and again with the country, type and
excluded names the row gives, when it gives any), tests/data/screening/real_companies.txt, and
a seeded sample of listed names and aliases of the current entries. For each query the file
holds the whole answer: every match as ``Match.to_dict`` gives it (entry id, list, score,
name score, matched name, explanation, adjustments, flags, via ...), scores rounded to six
decimals, or the error a query raised.

Held-out queries are recorded under opaque keys (file and row number), and ``compare`` prints
only those keys for them, never their text or matches: the held-out sets are not looked at
case by case.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from earmark.errors import BadInput
from earmark.screening.screen import Screener

REPO = Path(__file__).resolve().parents[1]
DEV = REPO / "tests" / "data" / "screening"
HELDOUT = REPO / "tests" / "data" / "heldout" / "screening"
SEED = 20261202
LISTED_SAMPLE = 3000


Query = tuple[str, bool, dict[str, Any]]  # (key, held out, screen() arguments)


def _csv_queries(path: Path, heldout: bool) -> Iterator[Query]:
    rel = path.relative_to(REPO)
    with path.open(newline="", encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh) if (r.get("query") or "").strip()]
    for n, row in enumerate(rows):
        key = f"{rel}:{n}" if heldout else f"{rel}:{n}:{row['query']}"
        yield f"{key}:name", heldout, {"name": row["query"]}
        extra: dict[str, Any] = {}
        if (row.get("country") or "").strip():
            extra["country"] = row["country"]
        if (row.get("type") or "").strip():
            extra["type"] = row["type"]
        if (row.get("exclude") or "").strip():
            extra["exclude_names"] = [row["exclude"]]
        if extra:
            yield f"{key}:with", heldout, {"name": row["query"], **extra}


def queries(screener: Screener) -> list[Query]:
    out: list[Query] = []
    for path in sorted(DEV.glob("*.csv")):
        out.extend(_csv_queries(path, heldout=False))
    for path in sorted(HELDOUT.glob("*.csv")):
        out.extend(_csv_queries(path, heldout=True))
    companies = DEV / "real_companies.txt"
    for line in companies.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            out.append((f"real_companies:{line}", False, {"name": line}))
    # Listed names from the list data, not from the index: the sample must not depend on how
    # the index orders its records.
    names = sorted(
        {n for listing in screener.regdata.lists.as_of(None) for n in listing.entry.names}
    )
    for name in random.Random(SEED).sample(names, min(LISTED_SAMPLE, len(names))):
        out.append((f"listed:{name}", False, {"name": name}))
    return out


def _rounded(value: Any) -> Any:
    if isinstance(value, float):
        return round(value, 6)
    if isinstance(value, dict):
        return {k: _rounded(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_rounded(v) for v in value]
    return value


def answer(screener: Screener, args: dict[str, Any]) -> Any:
    try:
        result = screener.screen(**args)
    except BadInput as err:
        return {"error": str(err)}
    return _rounded([m.to_dict() for m in result.matches])


def record(out: Path) -> None:
    screener = Screener()
    answers: dict[str, Any] = {}
    heldout: list[str] = []
    for key, held, args in queries(screener):
        if key in answers:
            continue  # a query listed twice in one file
        answers[key] = answer(screener, args)
        if held:
            heldout.append(key)
    out.write_text(json.dumps({"heldout": heldout, "answers": answers}, ensure_ascii=False))
    print(f"{len(answers)} queries ({len(heldout)} held out) -> {out}")


def compare(a_path: Path, b_path: Path) -> int:
    a, b = (json.loads(p.read_text(encoding="utf-8")) for p in (a_path, b_path))
    heldout = set(a["heldout"]) | set(b["heldout"])
    left, right = a["answers"], b["answers"]
    differences = 0
    for key in sorted(set(left) | set(right)):
        if left.get(key) == right.get(key):
            continue
        differences += 1
        if key in heldout:
            print(f"DIFF {key} (held out: not shown)")
        else:
            print(f"DIFF {key}")
            print(f"  before: {json.dumps(left.get(key), ensure_ascii=False)}")
            print(f"  after:  {json.dumps(right.get(key), ensure_ascii=False)}")
    print(f"{len(set(left) | set(right))} queries, {differences} differences")
    return 1 if differences else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="mode", required=True)
    rec = sub.add_parser("record")
    rec.add_argument("out", type=Path)
    cmp = sub.add_parser("compare")
    cmp.add_argument("before", type=Path)
    cmp.add_argument("after", type=Path)
    args = parser.parse_args()
    if args.mode == "record":
        record(args.out)
        return 0
    return compare(args.before, args.after)


if __name__ == "__main__":
    sys.exit(main())
