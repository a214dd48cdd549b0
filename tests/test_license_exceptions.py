"""Part 740 license exceptions: each one's terms, as the engine checks them (issue 4).

Each case names the section whose terms decide it; the ECCN paragraphs are those of the
bundled 2026 CCL (Supp. No. 1 to Part 774).
"""

from __future__ import annotations

from typing import Any

import pytest

from earmark.rules import Engine
from earmark.rules.decision import Decision


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine()


def _check(
    engine: Engine,
    eccn: str,
    destination: str,
    *,
    kind: str = "commodity",
    value: float | None = 1000.0,
    day: str = "2025-01-06",
    purpose: str | None = None,
    parties: list[dict[str, Any]] | None = None,
) -> Decision:
    item: dict[str, Any] = {"kind": kind, "eccn": eccn, "origin": "US"}
    if value is not None:
        item["value"] = value
    case: dict[str, Any] = {
        "date": day,
        "destination": destination,
        "from_country": "US",
        "item": item,
        "parties": parties or [],
    }
    if purpose:
        case["context"] = {"purpose": purpose}
    return engine.check(case)


def test_lvs_reads_the_value_limit_of_the_ecn(engine: Engine) -> None:
    # 2B003: "LVS: $5,000"; Brazil is in Country Group B and NS 2 needs a license (740.3).
    d = _check(engine, "2B003", "BR", value=1000.0)
    assert d.license_required is True and "LVS" in d.license_exceptions
    assert "740.3(c)" in d.details["license_exception_conditions"]["LVS"][0]
    assert "LVS" not in _check(engine, "2B003", "BR", value=10000.0).license_exceptions
    unknown = _check(engine, "2B003", "BR", value=None)
    assert "LVS" in unknown.details["license_exceptions_possible"]


def test_lvs_paragraph_exclusions(engine: Engine) -> None:
    # 4A003: "$5000; N/A for 4A003.b, c, and z": 4A003.b is excluded, 4A003.g is not.
    assert "LVS" not in _check(engine, "4A003.b", "BR").license_exceptions
    assert "LVS" in _check(engine, "4A003.g", "BR").license_exceptions


def test_gbs_paragraph_is_read_by_subparagraph(engine: Engine) -> None:
    # 5A001: "GBS: Yes, except 5A001.a, b.5, e, and h" (740.4): 5A001.e to India is NS 1.
    d = _check(engine, "5A001.e", "IN")
    assert d.license_required is True and "GBS" not in d.license_exceptions


def test_tsr_for_ns_technology_to_group_b_with_its_assurance(engine: Engine) -> None:
    # 2E003: "TSR: Yes, except 2E003.b, .e and .f" (740.6).
    d = _check(engine, "2E003.a", "BR", kind="technology")
    assert "TSR" in d.license_exceptions
    assert "written assurance" in d.details["license_exception_conditions"]["TSR"][0]
    assert "TSR" not in _check(engine, "2E003.b", "BR", kind="technology").license_exceptions
    # Not for commodities, and not outside Country Group B (China is D:1, not B).
    assert "TSR" not in _check(engine, "2E003.a", "CN", kind="technology").license_exceptions


def test_sta_to_a5(engine: Engine) -> None:
    # 740.20(c)(1): India is in Country Group A:5; 5A001.e is NS-controlled.
    d = _check(engine, "5A001.e", "IN")
    assert "STA" in d.license_exceptions
    assert "consignee statement" in d.details["license_exception_conditions"]["STA"][0]
    assert "STA" not in _check(engine, "5A001.e", "CN").license_exceptions


def test_missile_technology_items_have_no_exception(engine: Engine) -> None:
    # 740.2(a)(5): 3A001.z.2 is MT-controlled; MT 1 requires the license to India.
    d = _check(engine, "3A001.z.2", "IN", purpose="temporary_export")
    assert d.license_required is True and d.license_exceptions == []
    # MT applies to 3A001.a.1.a only "when usable in missiles": a fact the case does not give.
    d = _check(engine, "3A001.a.1.a", "IN", purpose="temporary_export")
    assert d.license_required is None
    assert any("when usable in" in r.text for r in d.reasons)


def test_crime_control_items_only_to_listed_destinations(engine: Engine) -> None:
    # 740.2(a)(4): CC items may use an exception only to AU, JP, NZ or NATO members.
    d = _check(engine, "0A979", "BR", purpose="temporary_export")
    assert d.license_required is True and "TMP" not in d.license_exceptions


def test_encryption_items_may_use_enc(engine: Engine) -> None:
    d = _check(engine, "5A002.a", "CN")
    assert "ENC" in d.license_exceptions  # 740.17: not E:1/E:2
    assert "ENC" not in _check(engine, "5A002.a", "IR").license_exceptions


def test_purpose_selects_tmp_rpl_and_tsu(engine: Engine) -> None:
    assert _check(engine, "5A001.b.1", "CN", purpose="temporary_export").license_exceptions == [
        "TMP"
    ]
    assert _check(engine, "5A001.b.1", "CN", purpose="replacement_part").license_exceptions == [
        "RPL"
    ]
    update = _check(engine, "5D001.a", "CN", kind="software", purpose="software_update")
    assert "TSU" in update.license_exceptions
    assert _check(engine, "5A001.b.1", "CN").license_exceptions == []


def test_civ_before_its_removal_is_possible_not_assumed(engine: Engine) -> None:
    # CIV (740.5) was removed from 2020-06-29 (85 FR 23470); the 2026 CCL has no CIV flags.
    before = _check(engine, "5A001.b.1", "CN", day="2020-06-26")
    assert "CIV" in before.details["license_exceptions_possible"]
    assert "CIV" not in before.license_exceptions
    after = _check(engine, "5A001.b.1", "CN", day="2020-06-29")
    assert "CIV" not in after.details.get("license_exceptions_possible", {})


def test_embargo_and_entity_list_bar_every_exception(engine: Engine) -> None:
    cuba = _check(engine, "5A001.b.1", "CU", purpose="temporary_export")
    assert cuba.license_exceptions == []
    # 746.2(a)(1) names the exceptions Cuba allows; TMP there is for the news media only, and
    # the generic TMP terms (not to E:1/E:2) do not let a temporary export through.
    limits = [r for r in cuba.reasons if r.text.startswith("Only these license exceptions")]
    assert limits and "15 CFR 746.2" in limits[0].rule and "AGR" in limits[0].text
    assert "GFT" in cuba.details["license_exceptions_not_evaluated"]
    huawei = [{"role": "ultimate_consignee", "name": "Huawei Technologies Co., Ltd."}]
    listed = _check(engine, "EAR99", "CN", purpose="temporary_export", parties=huawei)
    assert listed.license_required is True and listed.license_exceptions == []
    assert any(r.rule == "15 CFR 744.16(b)" for r in listed.reasons)


def test_nato_membership_follows_its_dates(engine: Engine) -> None:
    from datetime import date

    from earmark.rules.license_exceptions import load_terms

    _, restrictions = load_terms()
    assert restrictions.nato("DE", date(2019, 1, 1))
    assert not restrictions.nato("SE", date(2024, 3, 6))
    assert restrictions.nato("SE", date(2024, 3, 7))


def test_footnote1_fdp_items_may_use_exceptions_on_their_terms(engine: Engine) -> None:
    # 744.11(a)(2)(i): a foreign item subject only under the footnote 1 FDP rule may use a
    # license exception whose terms are met (here TMP for a temporary export).
    import json
    from pathlib import Path

    examples = json.loads(
        (Path(__file__).resolve().parents[1] / "src/earmark/cli/examples/cases.json").read_text()
    )
    case = next(e["case"] for e in examples if e["case"]["id"] == "ex-fdp-footnote1")
    plain = engine.check(case)
    assert plain.license_required is True and plain.license_exceptions == []
    d = engine.check({**case, "context": {"purpose": "temporary_export"}})
    assert d.license_exceptions == ["TMP"]
    assert d.reasons[-1].rule == "15 CFR 744.11(a)(2)(i)"


def test_exceptions_not_evaluated_are_named_with_their_sections(engine: Engine) -> None:
    # The exceptions whose facts the case model lacks are listed, never silently skipped:
    # APP (740.7) only for category 4 computers; NAC (740.8) only for its ECCNs and only from
    # 2023-11-17 (88 FR 73458); APR (740.16) only for reexports.
    chips = _check(engine, "3A001.a.1", "CN").details["license_exceptions_not_evaluated"]
    assert "APP" not in chips and "APR" not in chips and "NAC/ACA" not in chips
    assert chips["GFT"].startswith("15 CFR 740.12")
    computer = _check(engine, "4A003.b", "CN").details["license_exceptions_not_evaluated"]
    assert computer["APP"].startswith("15 CFR 740.7")
    before = _check(engine, "3A090.a", "CN", day="2023-11-16").details
    after = _check(engine, "3A090.a", "CN", day="2023-11-17").details
    assert "NAC/ACA" not in before.get("license_exceptions_not_evaluated", {})
    assert after["license_exceptions_not_evaluated"]["NAC/ACA"].startswith("15 CFR 740.8")
