"""The dated regime cases of tests/data/regime (written from the regulation text, frozen
2026-12-01): every development case is answered as the regulation does, but for the cases
listed here, where earmark deliberately answers otherwise. The held-out file is not read by
the tests (bench/regime_cases.py reports its totals)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bench.regime_cases import judge

from earmark.rules import Engine

CASES = json.loads(
    (Path(__file__).resolve().parents[1] / "data" / "regime" / "cases_dev.json").read_text()
)

# Where earmark answers otherwise, and why (each is a choice, not a gap to tune away).
DISAGREE = {
    # "National Supercomputing Center" matches every listed NSCC; earmark applies the match.
    "744.23-supercomputer-cn-ear99-2024-02-01": "generic name matches listed NSCC entries",
    # Whether the software is free personal-communications software is a fact the case's
    # description states but its fields do not: earmark asks for it.
    "746.6-crimea-free-messaging-software-2022-06-01": "asks item.personal_communications_software",
    # Whether the technology is within DJI's carve-out (released by the UAV operator) is a
    # fact earmark asks for.
    "744.11-dji-ear99-repair-tech-2022-06-01": "asks whether the entry's carve-out applies",
}
# The case leaves out the foreign item's US content or its direct-product facts, and the
# writer read them as none; the contract reads an omitted fact as unknown, so earmark asks.
OMITTED_INPUTS = (
    "734.9h-tw-gpu-to-vn-2023-06-01",
    "746.6-crimea-fdp-my-2023-03-01",
    "746.7-iran-fdp-my-2023-01-16",
    "746.8-ru-fdp-from-tw-2023-04-03",
    "746.8-ru-fdp-from-my-2021-12-01",
    "746.8-ru-fdp-cat2-from-my-2022-03-15",
    "746.8-ru-deminimis-30pct-from-de-2023-06-01",
    "746.8-ru-deminimis-20pct-from-my-2023-06-01",
    "734.9e-huawei-fdp-unrelated-buyer-2022-06-01",
    "734.9e-fn4-phytium-2022-09-01",
)
DISAGREE.update(dict.fromkeys(OMITTED_INPUTS, "omitted us_content or direct-product facts"))


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine()


@pytest.mark.parametrize("case", CASES, ids=[c["case"]["id"] for c in CASES])
def test_dev_case_is_answered_as_the_regulation_does(engine: Engine, case: dict) -> None:
    wrong = judge(engine, case)
    if case["case"]["id"] in DISAGREE:
        assert wrong, f"now agrees: remove it from DISAGREE ({DISAGREE[case['case']['id']]})"
        return
    assert not wrong, wrong
