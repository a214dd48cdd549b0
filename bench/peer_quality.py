"""Screening quality on the peer sets earmark was never tuned on (tests/data/peer).

    .venv/bin/python bench/peer_quality.py

* yente UN positives: each UN-listed person's name (as written, and with small typos and
  reshuffles: "treated") screened against the lists; found when a match's listed name or the
  alias that matched is one of the expected CSL names.
* watchman cross-script pairs: Arabic, Cyrillic and Han names against their Latin form
  (``earmark match``), against watchman's own minimum scores.
* nomenklatura name_bench: 826 labelled pairs (persons and companies); precision, recall and F1
  of ``earmark match`` at the default threshold, and AUC and the best F1 over any threshold,
  beside nomenklatura logic-v2's frozen results and scores as published in that file.
"""

from __future__ import annotations

import csv
from bisect import bisect_left, bisect_right
from pathlib import Path

from earmark.names.analyze import analyze
from earmark.screening import DEFAULT_THRESHOLD, Screener

PEER = Path(__file__).resolve().parents[1] / "tests" / "data" / "peer"


def rows(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(line for line in fh if not line.startswith("#")))


def yente(screener: Screener) -> None:
    data = [r for r in rows(PEER / "yente" / "un_expected_csl_names.csv") if r["expected_names"]]
    for column in ("untreated", "treated"):
        found = 0
        for r in data:
            expected = {analyze(n).normalized for n in r["expected_names"].split(";") if n.strip()}
            result = screener.screen(r[column], limit=10)
            names = {analyze(m.entry.name).normalized for m in result.matches}
            names |= {analyze(m.matched_name).normalized for m in result.matches}
            found += bool(names & expected)
        print(f"yente UN {column:9}: recall {found / len(data):.3f} ({found}/{len(data)})")


def watchman(screener: Screener) -> None:
    path = PEER / "watchman" / "cross_script_pairs.csv"
    with path.open(encoding="utf-8") as fh:
        data = [line.strip().split(",") for line in fh if line.strip() and line[0] != "#"]
    data = [d for d in data if d[0] != "Query"]
    ok = 0
    for query, expected, minimum, *_ in data:
        score = screener.match(query, expected).score
        ok += score >= float(minimum)
        print(f"  {query} / {expected}: {score:.2f} (watchman minimum {minimum})")
    print(f"watchman cross-script: {ok}/{len(data)} at or above watchman's minimum")


def name_bench(screener: Screener) -> None:
    cases = rows(PEER / "nomenklatura" / "name_bench_cases.csv")
    frozen = {
        (r["name1"], r["name2"]): r
        for r in rows(PEER / "nomenklatura" / "name_bench_logicv2-frozen.csv")
    }
    ours = {"tp": 0, "fp": 0, "fn": 0, "tn": 0}
    theirs = {"tp": 0, "fp": 0, "fn": 0, "tn": 0}
    scored: list[tuple[float, bool]] = []  # (earmark score, truth), for AUC and best F1
    scored_theirs: list[tuple[float, bool]] = []
    for r in cases:
        truth = r["is_match"] == "true"
        kind = "individual" if r["schema"] == "Person" else None
        score = screener.match(r["name1"], r["name2"], kind).score
        scored.append((score, truth))
        ours[_cell(truth, score >= DEFAULT_THRESHOLD)] += 1
        f = frozen.get((r["name1"], r["name2"]))
        if f is not None:
            theirs[_cell(truth, f["predicted_match"] == "true")] += 1
            scored_theirs.append((float(f["score"]), truth))
    for label, c in (("earmark", ours), ("nomenklatura logic-v2 (frozen)", theirs)):
        p = c["tp"] / max(c["tp"] + c["fp"], 1)
        rcl = c["tp"] / max(c["tp"] + c["fn"], 1)
        f1 = 2 * p * rcl / max(p + rcl, 1e-9)
        print(f"name_bench {label:31}: precision {p:.3f} recall {rcl:.3f} F1 {f1:.3f} {c}")
    for label, pairs in (("earmark", scored), ("nomenklatura logic-v2 (frozen)", scored_theirs)):
        print(f"name_bench {label:31}: AUC {auc(pairs):.3f}, best F1 {best_f1(pairs):.3f} "
              f"over {len(pairs)} pairs (any threshold)")  # fmt: skip


def auc(pairs: list[tuple[float, bool]]) -> float:
    """The chance that a true pair scores above a false one (ties count half)."""
    pos = [s for s, t in pairs if t]
    neg = sorted(s for s, t in pairs if not t)
    wins = sum(
        bisect_left(neg, s) + 0.5 * (bisect_right(neg, s) - bisect_left(neg, s)) for s in pos
    )
    return wins / max(len(pos) * len(neg), 1)


def best_f1(pairs: list[tuple[float, bool]]) -> float:
    """F1 at the best threshold: each distinct score tried as the cut."""
    total_pos = sum(t for _, t in pairs)
    best = tp = fp = 0.0
    ranked = sorted(pairs, key=lambda x: -x[0])
    for i, (score, truth) in enumerate(ranked):
        tp, fp = tp + truth, fp + (not truth)
        if i + 1 < len(ranked) and ranked[i + 1][0] == score:
            continue  # a cut falls between distinct scores
        best = max(best, 2 * tp / (tp + fp + total_pos))
    return best


def _cell(truth: bool, predicted: bool) -> str:
    return {(True, True): "tp", (False, True): "fp", (True, False): "fn", (False, False): "tn"}[
        (truth, predicted)
    ]


if __name__ == "__main__":
    s = Screener()
    yente(s)
    watchman(s)
    name_bench(s)
