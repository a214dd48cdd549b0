"""Part 746, section by section: each requirement from the date its version took effect."""

from __future__ import annotations

import tomllib
from datetime import date

import pytest

from earmark.rules import Engine
from earmark.rules.part746 import DATA, version_on
from tests.rules.conftest import case, rules_cited


def test_every_version_of_every_section_has_a_date_a_citation_and_a_source() -> None:
    data = tomllib.loads(DATA.read_text())
    versions = [v for key in data for v in data[key].get("version", [])]
    assert len(versions) >= 12
    for v in versions:
        assert isinstance(v["effective"], date), v["id"]
        assert "FR" in v["citation"], v["id"]
        assert v["status"] in ("verified", "background") and v["source"], v["id"]


def test_a_section_applies_from_its_effective_date_not_the_day_before() -> None:
    assert version_on("russia_belarus", date(2022, 2, 23), "RU") is None
    assert version_on("russia_belarus", date(2022, 2, 24), "RU") is not None
    assert version_on("russia_belarus", date(2022, 3, 1), "BY") is None
    assert version_on("russia_belarus", date(2022, 3, 2), "BY") is not None


def test_cuba_needs_a_license_for_food_and_offers_agr(engine: Engine) -> None:
    d = engine.check(case(destination="CU", date="2019-07-01", item={"food_or_medicine": True}))
    assert d.license_required is True and d.review_policy == "policy_of_denial"
    assert "15 CFR 746.2(a)" in rules_cited(d)
    assert d.license_exceptions == ["AGR"]
    assert d.details["license_exception_conditions"]["AGR"]


@pytest.mark.parametrize("destination", ["KP", "SY"])
def test_food_and_medicine_are_outside_the_north_korea_and_syria_embargoes(
    engine: Engine, destination: str
) -> None:
    food = engine.check(case(destination=destination, item={"food_or_medicine": True}))
    assert food.license_required is False
    other = engine.check(case(destination=destination, item={"food_or_medicine": False}))
    assert other.license_required is True


def test_an_item_not_said_to_be_food_is_not_assumed_to_be(engine: Engine) -> None:
    d = engine.check(case(destination="SY", date="2024-06-03"))
    assert d.license_required is True
    assert any("does not say the item is food" in r.text for r in d.reasons)


def test_north_korea_reviews_luxury_goods_under_a_policy_of_denial(engine: Engine) -> None:
    wine = case(destination="KP", item={"description": "Bordeaux wine, 12 cases"})
    assert engine.check(wine).review_policy == "policy_of_denial"
    stated = case(destination="KP", item={"description": "pumps", "luxury_good": True})
    assert engine.check(stated).review_policy == "policy_of_denial"
    pump = case(destination="KP", item={"description": "Industrial water pump"})
    assert engine.check(pump).review_policy == "case_by_case"


def test_syria_policy_and_spp_change_on_2025_09_02(engine: Engine) -> None:
    before = engine.check(case(destination="SY", date="2025-09-01"))
    after = engine.check(case(destination="SY", date="2025-09-02"))
    assert before.review_policy == "policy_of_denial" and "SPP" not in before.license_exceptions
    assert after.review_policy == "case_by_case" and "SPP" in after.license_exceptions
    phone = engine.check(case(destination="SY", date="2025-10-01", item={"eccn": "5A992.c"}))
    assert "CCD" in phone.license_exceptions


@pytest.mark.parametrize(
    ("region", "day", "required"),
    [
        ("UA-43", "2019-04-01", True),  # Crimea from 2015
        ("Sevastopol", "2024-03-01", True),
        ("UA-14", "2022-02-20", False),  # DNR only from 2022-02-24
        ("UA-14", "2022-02-24", True),
        ("Luhansk", "2023-05-02", True),
        ("UA-30", "2023-05-02", False),  # Kyiv
    ],
)
def test_the_regions_of_ukraine_are_covered_from_their_dates(
    engine: Engine, region: str, day: str, required: bool
) -> None:
    d = engine.check(case(destination="UA", date=day, destination_region=region))
    assert d.license_required is required
    if required:
        assert d.review_policy == "policy_of_denial"


def test_a_ukraine_case_without_a_region_asks_for_it(engine: Engine) -> None:
    d = engine.check(case(destination="UA", date="2023-05-02"))
    assert d.license_required is None and "destination_region" in d.missing_facts
    # A consignee's address says where it goes.
    addressed = case(
        destination="UA",
        date="2023-05-02",
        parties=[
            {
                "role": "ultimate_consignee",
                "name": "Kvitka LLC",
                "address": "12 Lenina St, Simferopol",
            }
        ],
    )
    assert engine.check(addressed).license_required is True


def test_a_region_of_another_country_is_bad_input(engine: Engine) -> None:
    from earmark.errors import BadInput

    with pytest.raises(BadInput) as err:
        engine.check(case(destination="UA", destination_region="RU-MOW"))
    assert err.value.field == "case.destination_region"


def test_personal_communications_software_to_crimea_turns_on_the_stated_fact(
    engine: Engine,
) -> None:
    item = {"eccn": "5D992.c", "kind": "software"}
    unknown = engine.check(case(destination="UA", destination_region="UA-43", item=item))
    assert unknown.license_required is None
    assert "item.personal_communications_software" in unknown.missing_facts
    free = dict(item, personal_communications_software=True)
    assert (
        engine.check(case(destination="UA", destination_region="UA-43", item=free)).license_required
        is False
    )


@pytest.mark.parametrize("category", list("0123456789"))
def test_russia_reaches_categories_3_to_9_then_every_category_from_2022_04_08(
    engine: Engine, category: str
) -> None:
    eccn = {
        "0": "0B999",
        "1": "1A995",
        "2": "2B991",
        "3": "3A991.a",
        "4": "4A994",
        "5": "5A991",
        "6": "6A991",
        "7": "7A994",
        "8": "8A992",
        "9": "9A991",
    }[category]
    early = engine.check(case(destination="RU", date="2022-03-15", item={"eccn": eccn}))
    late = engine.check(case(destination="RU", date="2022-04-08", item={"eccn": eccn}))
    assert ("15 CFR 746.8(a)(1)" in rules_cited(early)) and (
        "15 CFR 746.8(a)(1)" in rules_cited(late)
    )
    assert early.license_required is (category in "3456789")
    assert late.license_required is True and late.review_policy == "policy_of_denial"


def test_ear99_to_russia_turns_on_the_part746_supplements(engine: Engine) -> None:
    unknown = engine.check(case(destination="RU", date="2025-03-03"))
    assert unknown.license_required is None and "item.part746_supplements" in unknown.missing_facts
    none = engine.check(case(destination="RU", date="2025-03-03", item={"part746_supplements": []}))
    assert none.license_required is False
    listed = engine.check(
        case(destination="RU", date="2025-03-03", item={"part746_supplements": ["4"]})
    )
    assert listed.license_required is True and "15 CFR 746.8(a)(5)" in rules_cited(listed)
    before_2024 = engine.check(
        case(destination="RU", date="2023-06-01", item={"part746_supplements": ["4"]})
    )
    assert "15 CFR 746.5" in rules_cited(before_2024)


def test_a_part746_supplement_that_does_not_exist_is_bad_input(engine: Engine) -> None:
    from earmark.errors import BadInput

    with pytest.raises(BadInput) as err:
        engine.check(case(destination="RU", item={"part746_supplements": ["9"]}))
    assert err.value.field == "case.item.part746_supplements"


def test_iran_ear99_needs_ofacs_authorization_and_ccl_items_a_bis_license(engine: Engine) -> None:
    ear99 = engine.check(case(destination="IR", date="2021-08-02"))
    assert ear99.license_required is True and "15 CFR 746.7(e)" in rules_cited(ear99)
    at_only = engine.check(case(destination="IR", date="2021-08-02", item={"eccn": "3A991.a"}))
    assert at_only.license_required is True and at_only.review_policy == "policy_of_denial"
    assert at_only.license_exceptions == []


def test_iraq_reaches_cc_items_and_military_end_uses(engine: Engine) -> None:
    cc = engine.check(case(destination="IQ", date="2021-10-04", item={"eccn": "3A981"}))
    assert cc.license_required is True and "15 CFR 746.3(a)(1)" in rules_cited(cc)
    civil = engine.check(case(destination="IQ", date="2022-02-01"))
    assert civil.license_required is False
    military = engine.check(
        case(destination="IQ", date="2022-02-01", end_uses=["military_end_use"])
    )
    assert military.license_required is True and military.review_policy == "policy_of_denial"
