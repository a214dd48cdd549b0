"""Cases where an earlier version said "no license" (or "not subject") with no doubt while the
regulation in force required one or left it open: each is pinned (found by an independent
review of the issue 13 rules, 2026-12-02)."""

from __future__ import annotations

from typing import Any

from earmark.rules import Engine
from tests.rules.conftest import case, rules_cited


def _foreign(destination: str, day: str, eccn: str, origin: str, **item: Any) -> dict[str, Any]:
    base = {
        "origin": "foreign",
        "eccn": eccn,
        "value": 100.0,
        "us_content": [],
        "direct_product_of": [],
        "plant_direct_product_of": [],
    }
    base.update(item)
    return case(
        destination=destination, date=day, from_country=origin, activity="reexport", item=base
    )


def test_a_weak_match_of_a_denied_person_is_not_cleared(engine: Engine) -> None:
    d = engine.check(
        case(
            destination="TR",
            date="2023-06-01",
            parties=[{"role": "ultimate_consignee", "name": "Azur Air Ukraine"}],
        )
    )
    if any(m["list"] == "DPL" and not m["applied"] for m in d.matched_parties):
        assert d.license_required is None and d.missing_facts


def test_a_weak_match_of_an_meu_party_is_not_cleared(engine: Engine) -> None:
    d = engine.check(
        case(
            destination="CN",
            date="2021-06-01",
            item={"eccn": "5A992.c"},
            parties=[{"role": "ultimate_consignee", "name": "Hangte Aviation", "country": "CN"}],
        )
    )
    if any(m["list"] == "MEU" and not m["applied"] for m in d.matched_parties):
        assert d.license_required is None


def test_a_weak_match_of_a_footnote_3_entity_leaves_the_fdp_answer_open(engine: Engine) -> None:
    c = _foreign("TR", "2023-06-01", "EAR99", "CN", direct_product_of=["3E991"])
    c["parties"] = [{"role": "end_user", "name": "Electrosignal Plant", "country": "RU"}]
    d = engine.check(c)
    weak = [m for m in d.matched_parties if 3 in m["footnotes"] and not m["applied"]]
    if weak:
        assert d.subject_to_ear is None


def test_the_footnote_5_fdp_rule_reaches_sme_for_smic_from_2024_12_02(engine: Engine) -> None:
    c = _foreign("CN", "2025-01-15", "3B993", "JP", direct_product_of=["3E993"])
    c["parties"] = [
        {"role": "end_user", "name": "Semiconductor Manufacturing International Corporation"}
    ]
    d = engine.check(c)
    assert d.subject_to_ear is True and "15 CFR 734.9(e)(3)" in rules_cited(d)
    assert d.license_required is True


def test_hong_kong_is_china_for_the_end_use_rules_from_2020_12_23(engine: Engine) -> None:
    mil = {"end_uses": ["military_end_use"], "item": {"eccn": "5A992.c"}}
    assert engine.check(case(destination="HK", date="2021-06-01", **mil)).license_required is True
    mieu = case(destination="HK", date="2021-06-01", end_uses=["military_intelligence_end_use"])
    assert engine.check(mieu).license_required is True


def test_the_first_russia_fdp_rule_reaches_any_ccl_item(engine: Engine) -> None:
    d = engine.check(_foreign("RU", "2022-03-10", "1C992", "CN", direct_product_of=["9E991"]))
    assert d.subject_to_ear is True and d.license_required is True


def test_russian_supplements_take_effect_on_their_own_dates(engine: Engine) -> None:
    supp4 = case(destination="RU", date="2022-03-20", item={"part746_supplements": ["4"]})
    assert engine.check(supp4).license_required is True
    luxury = case(destination="RU", date="2022-03-12", item={"part746_supplements": ["5"]})
    assert engine.check(luxury).license_required is True
    oil = {"destination": "RU", "date": "2019-06-01", "item": {"part746_supplements": ["2"]}}
    assert engine.check(case(**oil, end_uses=["oil_gas_exploration"])).license_required is True
    assert engine.check(case(**oil)).license_required is False
    belarus = case(destination="BY", date="2022-05-01", item={"part746_supplements": ["4"]})
    assert engine.check(belarus).license_required is False


def test_cuba_counts_ear99_content_and_10_percent_from_2019_10_21(engine: Engine) -> None:
    ear99 = _foreign("CU", "2021-06-01", "EAR99", "ES", us_content=[{"eccn": "EAR99", "value": 20}])
    assert engine.check(ear99).subject_to_ear is True
    early = _foreign(
        "CU", "2018-06-01", "5A992.c", "ES", us_content=[{"eccn": "5A992.c", "value": 15}]
    )
    assert engine.check(early).subject_to_ear is False
    late = _foreign(
        "CU", "2020-06-01", "5A992.c", "ES", us_content=[{"eccn": "5A992.c", "value": 15}]
    )
    assert engine.check(late).subject_to_ear is True


def test_ear99_content_from_a_partner_counts_for_russia_until_the_2024_text(engine: Engine) -> None:
    c = _foreign("RU", "2023-06-01", "8A992.a", "DE", us_content=[{"eccn": "EAR99", "value": 40}])
    assert engine.check(c).subject_to_ear is None
    later = _foreign(
        "RU", "2024-07-01", "8A992.a", "DE", us_content=[{"eccn": "EAR99", "value": 40}]
    )
    assert engine.check(later).subject_to_ear is False


def test_a_second_entity_list_party_bars_the_exceptions_the_first_allows(engine: Engine) -> None:
    c = _foreign("TH", "2023-06-01", "5A992.c", "TW", direct_product_of=["5E991"])
    c["context"] = {"purpose": "temporary_export"}
    c["parties"] = [
        {"role": "end_user", "name": "Huawei OpenLab Bangkok"},
        {"role": "intermediate_consignee", "name": "Opto Electronics Pte. Ltd.", "country": "SG"},
    ]
    d = engine.check(c)
    if any(
        m["applied"] and 1 not in m["footnotes"] and m["list"] == "EL" for m in d.matched_parties
    ):
        assert d.license_exceptions == []


def test_ukraine_regions_need_every_receivers_address_and_read_cyrillic(engine: Engine) -> None:
    half = case(
        destination="UA",
        date="2023-06-01",
        item={"food_or_medicine": False},
        parties=[
            {"role": "ultimate_consignee", "name": "Kvitka LLC", "address": "Kyiv"},
            {"role": "end_user", "name": "Stepova LLC"},
        ],
    )
    assert engine.check(half).license_required is None
    cyrillic = case(
        destination="UA",
        date="2023-06-01",
        parties=[
            {"role": "end_user", "name": "Stepova LLC", "address": "ул. Артема 1, Донецк"},
        ],
    )
    assert engine.check(cyrillic).license_required is True
    to_russia = case(
        destination="RU",
        date="2023-06-01",
        item={"part746_supplements": []},
        parties=[{"role": "end_user", "name": "Yuzhny LLC", "address": "Sevastopol"}],
    )
    d = engine.check(to_russia)
    assert d.license_required is True and any(r.startswith("15 CFR 746.6") for r in rules_cited(d))


def test_an_answer_that_turns_on_an_undated_country_group_is_null(engine: Engine) -> None:
    d = engine.check(case(destination="AE", date="2024-06-01", item={"eccn": "3A090.a"}))
    assert d.license_required is None
    assert any("Country Group A:5" in m for m in d.missing_facts)


def test_omitted_us_content_is_unknown_not_none(engine: Engine) -> None:
    c = _foreign("RU", "2023-06-01", "5A992.c", "JP", direct_product_of=["3E991"])
    del c["item"]["us_content"]
    d = engine.check(c)
    # Subject under the Russia FDP rule either way; whether 746.8(a)(1) applies beside the
    # FDP requirement (excluded for Japan) turns on the US content.
    assert d.subject_to_ear is True
    assert d.license_required is None and "item.us_content" in d.missing_facts


def test_the_supercomputer_end_use_is_where_the_supercomputer_is(engine: Engine) -> None:
    c = case(
        destination="MY",
        date="2024-06-01",
        item={"eccn": "4A994.b"},
        end_uses=["supercomputer"],
        end_use_country="CN",
    )
    assert engine.check(c).license_required is True
    here = case(
        destination="MY", date="2024-06-01", item={"eccn": "4A994.b"}, end_uses=["supercomputer"]
    )
    assert engine.check(here).license_required is False


def test_an_entry_revised_without_its_earlier_text_gives_no_answer_from_today(
    engine: Engine,
) -> None:
    d = engine.check(case(destination="CA", date="2021-01-01", item={"eccn": "3B001.a.1"}))
    assert d.license_required is None and any("3B001" in m for m in d.missing_facts)


def test_the_strictest_entity_list_policy_applies_whatever_the_party_order(engine: Engine) -> None:
    parties = [
        {"role": "purchaser", "name": "Sichuan University"},
        {"role": "end_user", "name": "Huawei Technologies Co., Ltd."},
    ]
    one = engine.check(
        case(destination="CN", date="2023-06-01", item={"eccn": "5A992.c"}, parties=parties)
    )
    two = engine.check(
        case(destination="CN", date="2023-06-01", item={"eccn": "5A992.c"}, parties=parties[::-1])
    )
    assert one.review_policy == two.review_policy == "presumption_of_denial"


def test_north_korea_ccl_items_take_the_anti_terrorism_policy(engine: Engine) -> None:
    d = engine.check(case(destination="KP", date="2021-06-01", item={"eccn": "5A992.c"}))
    assert d.review_policy == "policy_of_denial"


def test_luxury_words_are_whole_words(engine: Engine) -> None:
    d = engine.check(case(destination="KP", item={"description": "skid steer loader"}))
    assert d.review_policy == "case_by_case"


def test_the_iran_partner_exclusion_covers_items_subject_only_under_the_iran_fdp_rule(
    engine: Engine,
) -> None:
    d = engine.check(_foreign("IR", "2023-06-01", "5A992.c", "JP", direct_product_of=["5E991"]))
    assert d.subject_to_ear is True and d.license_required is False
