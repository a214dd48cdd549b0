"""The destination foreign direct product rules (734.9(f), (h), (i), (j)) and the partner
countries of Supplement No. 3 to Part 746."""

from __future__ import annotations

import itertools
import tomllib
from datetime import date

import pytest

from earmark.rules import Engine
from earmark.rules.destination_fdp import destination_rules
from earmark.rules.partners import DATA as SUPP3
from earmark.rules.partners import partner_on
from tests.rules.conftest import case, rules_cited


def _foreign(destination: str, day: str, eccn: str, tech: str, origin: str = "MY", **more: object):
    return case(
        destination=destination,
        date=day,
        from_country=origin,
        item={
            "origin": "foreign",
            "eccn": eccn,
            "direct_product_of": [tech],
            "plant_direct_product_of": [],
            "us_content": [],
        },
        **more,
    )


def test_every_destination_rule_has_dates_that_do_not_overlap_within_its_family() -> None:
    rules = destination_rules()
    assert rules
    by_cfr: dict[str, list] = {}
    for r in rules:
        assert "FR" in r.citation and r.effective_from
        by_cfr.setdefault(r.cfr, []).append(r)
    for versions in by_cfr.values():
        versions.sort(key=lambda r: r.effective_from)
        for a, b in itertools.pairwise(versions):
            assert a.effective_to is not None and a.effective_to < b.effective_from


def test_every_partner_country_has_a_date_and_a_citation() -> None:
    rows = tomllib.loads(SUPP3.read_text())["country"]
    assert len(rows) >= 35
    for row in rows:
        assert isinstance(row["added"], date) and row["citation"], row["code"]
    assert partner_on("DE", date(2022, 2, 24)) and not partner_on("DE", date(2022, 2, 23))
    assert not partner_on("TW", date(2023, 2, 23)) and partner_on("TW", date(2023, 2, 24))
    assert not partner_on("MY", date(2025, 1, 1))


def test_the_russia_fdp_rule_begins_on_2022_02_24(engine: Engine) -> None:
    before = engine.check(_foreign("RU", "2022-02-23", "4A994", "4E992"))
    on = engine.check(_foreign("RU", "2022-02-24", "4A994", "4E992"))
    assert before.subject_to_ear is False
    assert on.subject_to_ear is True and on.license_required is True
    assert "15 CFR 734.9(f)" in rules_cited(on) and "15 CFR 746.8(a)(2)" in rules_cited(on)
    assert on.review_policy == "policy_of_denial"


@pytest.mark.parametrize(("day", "subject"), [("2022-03-15", False), ("2022-04-08", True)])
def test_categories_0_to_2_joined_the_russia_fdp_rule_on_2022_04_08(
    engine: Engine, day: str, subject: bool
) -> None:
    d = engine.check(_foreign("RU", day, "2B991", "2E991"))
    assert d.subject_to_ear is subject


def test_exports_from_a_partner_country_are_excluded_from_the_fdp_license(engine: Engine) -> None:
    before = engine.check(_foreign("RU", "2022-12-15", "4A994", "4E992", origin="TW"))
    after = engine.check(_foreign("RU", "2023-04-03", "4A994", "4E992", origin="TW"))
    assert before.license_required is True
    assert after.subject_to_ear is True and after.license_required is False


def test_belarus_joined_the_fdp_rule_on_2022_03_02(engine: Engine) -> None:
    assert engine.check(_foreign("BY", "2022-03-01", "4A994", "4E992")).subject_to_ear is False
    assert engine.check(_foreign("BY", "2022-03-02", "4A994", "4E992")).subject_to_ear is True


def test_crimea_joined_the_fdp_rule_on_2023_05_19(engine: Engine) -> None:
    crimea = {"destination_region": "UA-43"}
    assert (
        engine.check(_foreign("UA", "2023-05-18", "4A994", "4E992", **crimea)).subject_to_ear
        is False
    )
    assert (
        engine.check(_foreign("UA", "2023-05-19", "4A994", "4E992", **crimea)).subject_to_ear
        is True
    )


def test_the_iran_fdp_rule_begins_on_2023_02_24(engine: Engine) -> None:
    before = engine.check(_foreign("IR", "2023-02-23", "4A994", "4E992"))
    on = engine.check(_foreign("IR", "2023-02-24", "4A994", "4E992"))
    assert before.subject_to_ear is False
    assert on.subject_to_ear is True and "15 CFR 746.7(a)(1)(iii)" in rules_cited(on)


def test_the_advanced_computing_fdp_rule_widened_to_d1_d4_d5_on_2023_11_17(engine: Engine) -> None:
    gpu = ("3A090.a", "3E001")
    assert engine.check(_foreign("VN", "2023-06-01", *gpu, origin="TW")).subject_to_ear is False
    assert engine.check(_foreign("CN", "2023-03-01", *gpu, origin="TW")).subject_to_ear is True
    later = engine.check(_foreign("VN", "2024-02-01", *gpu, origin="TW"))
    assert later.subject_to_ear is True and later.license_required is True


def test_a_foreign_item_with_no_stated_inputs_stays_indeterminate(engine: Engine) -> None:
    bare = case(
        destination="RU",
        date="2023-06-01",
        from_country="MY",
        item={"origin": "foreign", "eccn": "4A994"},
    )
    d = engine.check(bare)
    assert d.subject_to_ear is None and "item.us_content" in d.missing_facts
