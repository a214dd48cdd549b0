"""The dated regime cases (tests/data/regime), written from the regulation text before the
issue-13 changes: how many the engine answers as the regulation does.

    .venv/bin/python bench/regime_cases.py              # dev and both held-out sets, apart
    .venv/bin/python bench/regime_cases.py --set dev --wrong

The first held-out file was written by the same author as the dev file, at the same time; the
second (heldout2, frozen 2026-12-02, README_heldout2.md) by another helper from the regulation
texts only, after the issue-13 rules were written. Neither is looked at while developing; only
their totals are read.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path
from typing import Any

from earmark.errors import BadInput
from earmark.rules import Engine

ROOT = Path(__file__).resolve().parents[1] / "tests" / "data" / "regime"


def judge(engine: Engine, case: dict[str, Any]) -> list[str]:
    """What the decision gets wrong (empty: right)."""
    expect = case["expect"]
    try:
        decision = engine.check(case["case"]).to_dict()
    except BadInput as exc:
        if "error" in expect and exc.field.startswith(expect["error"]):
            return []
        return [f"bad input {exc.field}: {exc.message}"]
    if "error" in expect:
        return [f"expected the error {expect['error']}, got an answer"]
    wrong = []
    for key in ("subject_to_ear", "license_required", "review_policy"):
        if key in expect and decision[key] != expect[key]:
            wrong.append(f"{key} {decision[key]} (expected {expect[key]})")
    rules = [r["rule"] for r in decision["reasons"]]
    for cite in expect.get("cites", []):
        if not any(r.startswith(cite) or cite in r for r in rules):
            wrong.append(f"no reason cites {cite}")
    for word in expect.get("missing_contains", []):
        if not any(word.casefold() in m.casefold() for m in decision["missing_facts"]):
            wrong.append(f"no missing fact mentions {word!r}")
    for code in expect.get("license_exceptions_exclude", []):
        if code in decision["license_exceptions"]:
            wrong.append(f"offers {code}")
    for code in expect.get("authorizations_include", []):
        # The case writer counts license exceptions (GBS, AGR, ENC, CCD, SPP) and general
        # authorizations (the TGL) alike; earmark keeps them in two lists.
        offered = [*decision["authorizations"], *decision["license_exceptions"]]
        if not any(a == code or a.startswith(f"{code}:") for a in offered):
            wrong.append(f"no authorization {code}")
    return wrong


def run(name: str, show: bool) -> tuple[int, int]:
    cases = json.loads((ROOT / f"cases_{name}.json").read_text())
    engine = Engine()
    right = 0
    by_rule: Counter[str] = Counter()
    ok_rule: Counter[str] = Counter()
    for case in cases:
        wrong = judge(engine, case)
        by_rule[case["rule"]] += 1
        if not wrong:
            right += 1
            ok_rule[case["rule"]] += 1
        elif show:
            print(f"  WRONG {case['case'].get('id')}: {'; '.join(wrong)}")
    print(f"{name}: {right} of {len(cases)} right")
    for rule in sorted(by_rule):
        print(f"  {rule:34} {ok_rule[rule]}/{by_rule[rule]}")
    return right, len(cases)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--set", choices=("dev", "heldout", "heldout2", "all"), default="all")
    parser.add_argument("--wrong", action="store_true", help="print the wrong dev cases")
    args = parser.parse_args()
    if args.set in ("dev", "all"):
        run("dev", args.wrong)
    if args.set in ("heldout", "all"):
        run("heldout", False)  # never printed case by case
    if args.set in ("heldout2", "all"):
        run("heldout2", False)


if __name__ == "__main__":
    main()
