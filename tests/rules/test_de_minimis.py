"""De minimis (734.4, Supp. No. 2 to Part 734): controlled US content is what would need a
license to the destination under the Country Chart or Part 746; not Part 744, not content
that could go under GBS."""

from __future__ import annotations

from earmark.rules import Engine
from tests.rules.conftest import case


def _foreign(destination: str, day: str, content: str, share: float, origin: str = "MY", **more):
    return case(
        destination=destination,
        date=day,
        from_country=origin,
        item={
            "origin": "foreign",
            "eccn": "5A991",
            "value": 1000.0,
            "us_content": [{"eccn": content, "value": 1000.0 * share}],
            "direct_product_of": [],
            "plant_direct_product_of": [],
        },
        **more,
    )


def test_content_eligible_for_gbs_is_not_counted(engine: Engine) -> None:
    # 3C005 needs a license to Brazil (NS 2) but may go there under GBS.
    d = engine.check(_foreign("BR", "2024-06-03", "3C005", 0.5))
    assert d.subject_to_ear is False
    assert d.details["de_minimis"]["controlled_us_content"] == 0


def test_ear99_content_counts_for_the_crimea_region(engine: Engine) -> None:
    crimea = _foreign("UA", "2024-06-03", "EAR99", 0.3, destination_region="UA-43")
    assert engine.check(crimea).subject_to_ear is True
    kyiv = _foreign("UA", "2024-06-03", "EAR99", 0.3, destination_region="UA-30")
    assert engine.check(kyiv).subject_to_ear is False


def test_russia_counts_ccl_content_but_not_at_only_content_from_a_partner(engine: Engine) -> None:
    assert engine.check(_foreign("RU", "2023-06-01", "3A991.a", 0.3)).subject_to_ear is True
    partner = engine.check(_foreign("RU", "2023-06-01", "3A991.a", 0.3, origin="DE"))
    assert partner.subject_to_ear is False
    assert any(r.rule == "15 CFR 746.8(a)(5)" for r in partner.reasons)
    before = engine.check(_foreign("RU", "2021-06-01", "3A991.a", 0.3))
    assert before.subject_to_ear is False


def test_an_end_user_never_makes_content_controlled(engine: Engine) -> None:
    # Part 744 is not used to identify controlled content (Supp. No. 2 to Part 734 (a)(1)).
    party = [{"role": "end_user", "name": "Huawei Technologies Co., Ltd."}]
    d = engine.check(_foreign("VN", "2023-06-01", "3A991.a", 0.5, parties=party))
    assert d.details["de_minimis"]["controlled_us_content"] == 0
