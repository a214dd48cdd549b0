"""OFAC-designated parties under 744.8, 744.12, 744.13 and 744.14, and the Entity List's
listed addresses."""

from __future__ import annotations

from datetime import date

import pytest

from earmark.rules import Engine
from earmark.rules.end_use import _data
from tests.rules.conftest import case, rules_cited


def test_each_section_names_its_programs_and_policy() -> None:
    rows = _data()["designated"]
    assert {r["section"] for r in rows} == {
        "15 CFR 744.8",
        "15 CFR 744.12",
        "15 CFR 744.13",
        "15 CFR 744.14",
    }
    for r in rows:
        assert r["programs"] and r["policy"] and "FR" in r["citation"]


@pytest.mark.parametrize(
    ("name", "sections"),
    [
        ("HAMAS", {"15 CFR 744.12", "15 CFR 744.14"}),
        ("GENERAL TECHNOLOGY LIMITED", {"15 CFR 744.8"}),
    ],
)
def test_a_designated_party_needs_a_license_for_ear99(
    engine: Engine, name: str, sections: set[str]
) -> None:
    d = engine.check(
        case(destination="LB", date="2024-02-01", parties=[{"role": "end_user", "name": name}])
    )
    assert d.license_required is True and d.review_policy == "policy_of_denial"
    assert sections <= set(rules_cited(d))
    assert d.license_exceptions == []


def test_a_designation_reaches_only_dates_on_which_the_tag_was_listed(engine: Engine) -> None:
    # CJNG: [SDNTK] in the 2024 SDN file, [FTO] [SDGT] from the February 2025 designations.
    party = [{"role": "end_user", "name": "CARTEL DE JALISCO NUEVA GENERACION"}]
    early = engine.check(case(destination="MX", date="2024-03-01", parties=party))
    late = engine.check(case(destination="MX", date="2025-06-02", parties=party))
    assert "15 CFR 744.14" not in rules_cited(early)
    assert {"15 CFR 744.12", "15 CFR 744.14"} <= set(rules_cited(late))


def test_a_listed_address_is_matched_by_the_party_address(engine: Engine) -> None:
    address = "Unit 04, 7/F Bright Way Tower, No. 33 Mong Kok Road, Kowloon, Hong Kong"
    party = {"role": "ultimate_consignee", "name": "Any Trading Ltd", "address": address}
    ccl = engine.check(
        case(destination="HK", date="2025-03-03", item={"eccn": "3A991.a"}, parties=[party])
    )
    assert ccl.license_required is True and ccl.review_policy == "presumption_of_denial"
    assert any(m.get("matched_by") == "address" for m in ccl.matched_parties)
    # The entry covers CCL items (and Supp. No. 7 items): an EAR99 item not in Supp. No. 7 is out.
    ear99 = engine.check(
        case(destination="HK", date="2025-03-03", item={"part746_supplements": []}, parties=[party])
    )
    assert ear99.license_required is False
    other_unit = dict(party, address=address.replace("Unit 04", "Unit 05"))
    assert not engine.screener.screen_address(other_unit["address"], date(2025, 3, 3))
