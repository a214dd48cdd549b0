"""Part 744 end-use and end-user rules: 744.21 by country and date, 744.22, 744.23, WMD."""

from __future__ import annotations

import tomllib
from datetime import date, timedelta

import pytest

from earmark.rules import Engine
from earmark.rules.end_use import DATA, SUPP2
from tests.rules.conftest import case, rules_cited

MEU = {"role": "end_user", "name": "Regional armed forces depot", "military_end_user": True}


def _mil(country: str, day: str, eccn: str = "4A994.b", **more: object) -> dict[str, object]:
    party = dict(MEU, country=country)
    return case(destination=country, date=day, item={"eccn": eccn}, parties=[party], **more)


def test_every_744_version_has_a_date_and_a_citation() -> None:
    data = tomllib.loads(DATA.read_text())
    for key in ("mil", "mieu", "adv"):
        for v in data[key]:
            assert isinstance(v["effective"], date) and "FR" in v["citation"], v["id"]
    for v in tomllib.loads(SUPP2.read_text())["version"]:
        assert isinstance(v["effective"], date) and "FR" in v["citation"] and v["eccns"]


# The first day each country is covered by 744.21 for a Supp. No. 2 item; the day before, not.
@pytest.mark.parametrize(
    ("country", "first"),
    [("MM", "2021-03-08"), ("KH", "2021-12-09"), ("NI", "2024-03-15")],
)
def test_a_country_is_covered_by_744_21_from_its_date(
    engine: Engine, country: str, first: str
) -> None:
    day = date.fromisoformat(first)
    before = engine.check(_mil(country, (day - timedelta(days=1)).isoformat()))
    on = engine.check(_mil(country, first))
    assert before.license_required is False
    assert on.license_required is True and on.review_policy == "presumption_of_denial"
    assert any(r.startswith("15 CFR 744.21") for r in rules_cited(on))


def test_china_was_covered_for_military_end_use_only_until_2020_06_29(engine: Engine) -> None:
    user = engine.check(_mil("CN", "2019-10-01"))
    assert user.license_required is False
    use = engine.check(_mil("CN", "2019-10-01", end_uses=["military_end_use"]))
    assert use.license_required is True and use.review_policy == "case_by_case"
    after = engine.check(_mil("CN", "2020-06-29"))
    assert after.license_required is True and after.review_policy == "presumption_of_denial"


def test_an_ear99_item_is_outside_744_21_for_china_but_not_russia(engine: Engine) -> None:
    china = engine.check(_mil("CN", "2023-01-10", eccn="EAR99"))
    assert china.license_required is False
    russia = engine.check(
        case(
            destination="RU",
            date="2023-03-01",
            item={"eccn": "EAR99", "part746_supplements": []},
            parties=[dict(MEU, country="RU")],
        )
    )
    assert russia.license_required is True and russia.review_policy == "policy_of_denial"


def test_venezuela_contracts_signed_before_2014_11_07_are_outside(engine: Engine) -> None:
    old = engine.check(_mil("VE", "2021-05-03", context={"contract_date": "2014-11-06"}))
    assert old.license_required is False and "15 CFR 744.21(h)" in rules_cited(old)
    new = engine.check(_mil("VE", "2021-05-03", context={"contract_date": "2014-11-07"}))
    assert new.license_required is True


def test_an_meu_list_party_needs_a_license_for_supplement_2_items(engine: Engine) -> None:
    d = engine.check(
        case(
            destination="CN",
            date="2022-05-02",
            item={"eccn": "5A992.c"},
            parties=[{"role": "end_user", "name": "AECC Commercial Aircraft Engine Co. Ltd."}],
        )
    )
    assert d.license_required is True and d.review_policy == "presumption_of_denial"
    assert "15 CFR 744.21(b)(1)(ii)" in rules_cited(d)
    assert d.license_exceptions == []


def test_a_license_required_for_another_reason_takes_the_744_21_policy(engine: Engine) -> None:
    # 744.21(e)(3): 3A001 needs a license to China anyway; not in Supp. No. 2, but for a
    # military end user the presumption of denial applies.
    d = engine.check(_mil("CN", "2023-06-01", eccn="3A001.a.1.a"))
    assert d.license_required is True and d.review_policy == "presumption_of_denial"


def test_the_supercomputer_item_scope_narrowed_on_2023_11_17(engine: Engine) -> None:
    sc = {"end_uses": ["supercomputer"], "destination": "CN"}
    wide = engine.check(case(date="2023-01-16", **sc))
    assert wide.license_required is True and "15 CFR 744.23(a)(1)" in rules_cited(wide)
    narrow = engine.check(case(date="2024-02-01", **sc))
    assert narrow.license_required is False
    chip = engine.check(case(date="2024-02-01", item={"eccn": "3A991.a"}, **sc))
    assert chip.license_required is True and chip.review_policy == "presumption_of_denial"


def test_744_23_reached_macau_and_d5_only_later(engine: Engine) -> None:
    sc = {"end_uses": ["supercomputer"], "item": {"eccn": "3A991.a"}}
    assert engine.check(case(destination="MO", date="2023-01-16", **sc)).license_required is False
    assert engine.check(case(destination="MO", date="2023-01-17", **sc)).license_required is True
    assert engine.check(case(destination="VE", date="2023-11-16", **sc)).license_required is False
    assert engine.check(case(destination="VE", date="2023-11-17", **sc)).license_required is True


def test_the_design_end_use_starts_on_2024_12_02(engine: Engine) -> None:
    design = {"destination": "CN", "end_uses": ["advanced_node_ic_design"]}
    software = {"eccn": "3D991", "kind": "software"}
    assert engine.check(case(date="2024-12-01", item=software, **design)).license_required is False
    assert engine.check(case(date="2024-12-02", item=software, **design)).license_required is True


def test_headquarters_test_from_2023_11_17(engine: Engine) -> None:
    party = {"role": "ultimate_consignee", "name": "Example Cloud KK", "headquarters": "CN"}
    gpu = {"eccn": "3A090.a"}
    before = engine.check(case(destination="JP", date="2023-06-01", item=gpu, parties=[party]))
    assert before.license_required is False
    after = engine.check(case(destination="JP", date="2024-06-03", item=gpu, parties=[party]))
    assert after.license_required is True and "15 CFR 744.23(a)(3)(i)" in rules_cited(after)
    unstated = dict(party)
    del unstated["headquarters"]
    unknown = engine.check(case(destination="JP", date="2024-06-03", item=gpu, parties=[unstated]))
    assert unknown.license_required is None and "parties[0].headquarters" in unknown.missing_facts


def test_a_headquarters_country_must_be_a_country(engine: Engine) -> None:
    from earmark.errors import BadInput

    party = {"role": "end_user", "name": "X", "headquarters": "ZZ"}
    with pytest.raises(BadInput) as err:
        engine.check(case(parties=[party]))
    assert err.value.field == "case.parties[0].headquarters"


@pytest.mark.parametrize(
    ("end_use", "section"),
    [
        ("nuclear", "15 CFR 744.2(a)"),
        ("missile", "15 CFR 744.3(a)"),
        ("chemical_biological_weapons", "15 CFR 744.4(a)"),
    ],
)
def test_a_known_wmd_end_use_needs_a_license_for_any_item(
    engine: Engine, end_use: str, section: str
) -> None:
    d = engine.check(case(destination="DE", end_uses=[end_use]))
    assert d.license_required is True and section in rules_cited(d)
    assert d.license_exceptions == []


def test_an_unknown_end_use_is_bad_input(engine: Engine) -> None:
    from earmark.errors import BadInput

    with pytest.raises(BadInput) as err:
        engine.check(case(end_uses=["space_tourism"]))
    assert err.value.field.startswith("case.end_uses")
