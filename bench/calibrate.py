"""Calibrate the screening threshold: recall and false positives by kind, at several thresholds.

    .venv/bin/python bench/calibrate.py [--set dev|holdout|all] [--thresholds 0.7,0.75,...]

Positives (tests/data/screening/positives_*.csv) count as found when the expected entry is among
the matches at the threshold; alias queries are searched with that alias left out of the index.
Negatives (negatives.csv, and the yente synthetic people) count as false positives when any
match reaches the threshold. Tune on dev; report holdout and the peer sets (never tuned on).
"""

from __future__ import annotations

import argparse
import csv
from collections import defaultdict
from pathlib import Path

from earmark.screening import Screener

DATA = Path(__file__).resolve().parents[1] / "tests" / "data"


def rows(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--set", default="dev", choices=["dev", "holdout", "all"])
    ap.add_argument("--thresholds", default="0.7,0.75,0.78,0.8,0.82,0.85,0.9")
    ap.add_argument("--misses", type=int, default=0, help="print this many misses at 0.8")
    args = ap.parse_args()
    cuts = [float(t) for t in args.thresholds.split(",")]
    low = min(cuts)
    screener = Screener()
    sets = ["dev", "holdout"] if args.set == "all" else [args.set]
    positives = [r for s in sets for r in rows(DATA / "screening" / f"positives_{s}.csv")]
    negatives = rows(DATA / "screening" / "negatives.csv")
    negatives += [
        {"kind": "yente_person", "query": r["full_name"]}
        for r in rows(DATA / "peer" / "yente" / "negatives_global_sample5000.csv")[:2000]
    ]
    found: dict[str, list[float]] = defaultdict(list)  # kind -> best score of the expected entry
    misses = []
    for r in positives:
        exclude = {r["exclude"]} if r["exclude"] else set()
        result = screener.screen(r["query"], threshold=low, limit=50, exclude_names=exclude)
        score = max((m.score for m in result.matches if m.entry.id == r["expected_id"]), default=0)
        found[r["kind"]].append(score)
        if score < 0.8:
            misses.append((r["kind"], r["query"], r["expected_name"], score))
    false: dict[str, list[float]] = defaultdict(list)  # kind -> best score of any match
    fp_examples = []
    for r in negatives:
        result = screener.screen(r["query"], threshold=low, limit=1)
        best = result.matches[0].score if result.matches else 0.0
        false[r["kind"]].append(best)
        if best >= 0.8:
            top = result.matches[0]
            fp_examples.append((r["kind"], r["query"], top.matched_name, top.entry.name, best))
    print(f"{'kind':16} {'n':>5} " + " ".join(f"{c:>6}" for c in cuts))
    for kind, scores in sorted(found.items()):
        print(f"{kind:16} {len(scores):5} " + " ".join(f"{_rate(scores, c):6.3f}" for c in cuts))
    all_pos = [s for v in found.values() for s in v]
    print(
        f"{'RECALL all':16} {len(all_pos):5} " + " ".join(f"{_rate(all_pos, c):6.3f}" for c in cuts)
    )
    for kind, scores in sorted(false.items()):
        print(
            f"{'FP ' + kind:16} {len(scores):5} "
            + " ".join(f"{_rate(scores, c):6.3f}" for c in cuts)
        )
    all_neg = [s for v in false.values() for s in v]
    print(f"{'FP all':16} {len(all_neg):5} " + " ".join(f"{_rate(all_neg, c):6.3f}" for c in cuts))
    for m in misses[: args.misses]:
        print("MISS", m)
    for m in fp_examples[: args.misses]:
        print("FP  ", m)


def _rate(scores: list[float], cut: float) -> float:
    return sum(1 for s in scores if s >= cut) / len(scores) if scores else 0.0


if __name__ == "__main__":
    main()
