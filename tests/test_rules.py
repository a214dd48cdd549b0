"""The license determination (issue 4, first part): the contract examples and rule boundaries.

Each case cites the regulation that decides it; the examples are those of contract/examples.
"""

from __future__ import annotations

import copy
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from earmark.errors import BadInput
from earmark.rules import Engine

EXAMPLES = json.loads(
    (Path(__file__).resolve().parents[1] / "src/earmark/cli/examples/cases.json").read_text()
)


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine()


@pytest.mark.parametrize("example", EXAMPLES, ids=[e["case"]["id"] for e in EXAMPLES])
def test_contract_examples(engine: Engine, example: dict[str, Any]) -> None:
    decision = engine.check(example["case"]).to_dict()
    for key, value in example["expected"].items():
        assert decision[key] == value, (key, decision["reasons"])
    assert decision["reasons"] and all(r["rule"] for r in decision["reasons"])
    assert decision["data_version"]


def _case(**changes: Any) -> dict[str, Any]:
    case = copy.deepcopy(EXAMPLES[1]["case"])  # EAR99, US to CN, Huawei ultimate consignee
    case.update(changes)
    return case


def test_entity_list_reason_cites_the_listing(engine: Engine) -> None:
    d = engine.check(_case(date="2019-05-17"))
    el = [r for r in d.reasons if r.rule == "15 CFR 744.11"]
    assert el and el[0].citation in ("84 FR 22961", "84 FR 22963")
    assert any(r.rule == "15 CFR 744.16(b)" for r in d.reasons)
    assert d.matched_parties[0]["applied"] and 1 in d.matched_parties[0]["footnotes"]


def test_party_roles_all_trigger(engine: Engine) -> None:
    for role in ("purchaser", "intermediate_consignee", "end_user"):
        case = _case(date="2021-01-04")
        case["parties"][0]["role"] = role
        assert engine.check(case).license_required is True, role


def test_de_minimis_uses_the_e1_level_and_counts_only_controlled_content(engine: Engine) -> None:
    case = copy.deepcopy(EXAMPLES[2]["case"])
    d = engine.check(case)
    assert d.details["de_minimis"]["threshold"] == 0.25 and d.subject_to_ear is False
    # Entity List status never makes content "controlled"; EAR99 content to Vietnam is not.
    case["item"]["us_content"] = [{"eccn": "EAR99", "value": 90.0}]
    assert engine.check(case).subject_to_ear is False
    # Above 25%: subject to the EAR (734.4(d)).
    case["item"]["us_content"] = [{"eccn": "3A001.a.2", "value": 30.0}]
    d = engine.check(case)
    assert d.subject_to_ear is True and d.details["de_minimis"]["share"] == 0.3


def test_de_minimis_missing_facts_are_listed_not_guessed(engine: Engine) -> None:
    case = copy.deepcopy(EXAMPLES[2]["case"])
    case["item"]["us_content"] = [{"value": 30.0}]  # no ECCN for the content
    d = engine.check(case)
    assert d.subject_to_ear is None and "item.us_content[0].eccn" in d.missing_facts


@pytest.mark.parametrize(
    ("day", "subject"),
    [
        ("2020-05-14", False),  # before the footnote 1 rule existed
        ("2020-06-01", None),  # first version: only Huawei designs, and who designed it is unknown
        ("2020-08-17", True),  # broadened: a footnote 1 entity as a party suffices
        ("2023-06-01", True),  # moved to 734.9(e), same substance
    ],
)
def test_footnote1_fdp_versions(engine: Engine, day: str, subject: bool | None) -> None:
    case = copy.deepcopy(EXAMPLES[3]["case"])
    case["date"] = day
    assert engine.check(case).subject_to_ear is subject


def test_footnote1_first_version_catches_huawei_designs(engine: Engine) -> None:
    case = copy.deepcopy(EXAMPLES[3]["case"])
    case["date"] = "2020-06-01"
    case["item"]["developed_by"] = "HiSilicon Technologies Co., Ltd."
    d = engine.check(case)
    assert d.subject_to_ear is True and d.details["fdp_rule"] == "el-fdp-footnote1-2020-05"
    case["item"]["developed_by"] = "Acme Widgets Inc"  # not a Huawei design: not caught then
    assert engine.check(case).subject_to_ear is False


def test_fdp_without_production_facts_is_indeterminate(engine: Engine) -> None:
    case = copy.deepcopy(EXAMPLES[3]["case"])
    del case["item"]["plant_direct_product_of"]
    d = engine.check(case)
    assert d.subject_to_ear is None
    assert {"item.direct_product_of", "item.plant_direct_product_of"} <= set(d.missing_facts)


def test_below_5g_footnote1_items_are_case_by_case(engine: Engine) -> None:
    case = copy.deepcopy(EXAMPLES[3]["case"])
    case["item"]["telecom_generation"] = "4G"
    assert engine.check(case).review_policy == "case_by_case"
    case["item"]["telecom_generation"] = "5G"
    assert engine.check(case).review_policy == "presumption_of_denial"


def test_temporary_general_license(engine: Engine) -> None:
    case = _case(date="2019-09-01")
    case["context"] = {"purpose": "existing_network_support", "contract_date": "2019-05-01"}
    d = engine.check(case)
    assert d.license_required is True and d.authorizations
    case["context"]["contract_date"] = "2019-06-01"  # contract after 2019-05-16: not covered
    assert engine.check(case).authorizations == []
    case = _case(date="2020-08-15")  # the TGL expired on 2020-08-13
    case["context"] = {"purpose": "existing_network_support", "contract_date": "2019-05-01"}
    assert engine.check(case).authorizations == []


def test_standards_exception_from_2020_06_18(engine: Engine) -> None:
    case = _case(date="2020-07-01")
    case["item"] = {"kind": "technology", "eccn": "EAR99", "origin": "US"}
    case["context"] = {"purpose": "standards_development"}
    assert engine.check(case).license_required is False
    case["date"] = "2020-06-17"
    assert engine.check(case).license_required is True


def test_the_2023_halt_is_reported_as_a_policy_event(engine: Engine) -> None:
    d = engine.check(_case(date="2023-03-01"))
    events = [r for r in d.reasons if r.rule.startswith("policy event")]
    assert events and d.review_policy == "presumption_of_denial"


def test_country_chart_and_exceptions(engine: Engine) -> None:
    case = _case(date="2021-01-04", parties=[], destination="CN")
    case["item"] = {"kind": "commodity", "eccn": "3A001.a.1", "origin": "US", "value": 500.0}
    d = engine.check(case)
    assert d.license_required is True and d.review_policy == "case_by_case"  # NS 2
    case["destination"] = "CA"
    assert engine.check(case).license_required is False
    # To India only MT 1 has an X, and MT covers 3A001.a.1.a only: the paragraph decides.
    case["destination"] = "IN"
    d = engine.check(case)
    assert d.license_required is None and any("paragraph" in r.text for r in d.reasons)


def test_control_scopes_read_by_paragraph() -> None:
    from earmark.rules.country_chart import covers_item

    assert covers_item("0A501.a", "entire entry except 0A501.y", False) is True
    assert covers_item("0A501.y.1", "entire entry except 0A501.y", False) is False
    assert covers_item("0A501", "entire entry except 0A501.y", False) is None
    assert covers_item("9A610.u", "9A610.t, .u, .v, and .w", False) is True
    assert covers_item("3A001.a.1", "3A001.a.1.a when usable in missiles", False) is None
    assert covers_item("3A001.a.12", "3A001.a.1.a when usable in missiles", False) is False


def test_embargoed_destination(engine: Engine) -> None:
    case = _case(date="2021-01-04", parties=[], destination="SY")
    d = engine.check(case)
    assert d.license_required is True and d.review_policy == "policy_of_denial"
    # EAR99 to Iran: the export needs OFAC's authorization, which is the EAR's too
    # (746.7(e), (a)(2)): an authorization is required, and no BIS review policy is claimed.
    d = engine.check(_case(date="2021-01-04", parties=[], destination="IR"))
    iran = [r for r in d.reasons if r.rule == "15 CFR 746.7(e)"]
    assert d.license_required is True and iran and "OFAC" in iran[0].text


def test_russia_belarus_from_2022(engine: Engine) -> None:
    case = _case(date="2023-01-01", parties=[], destination="RU")
    case["item"] = {"kind": "commodity", "eccn": "5A992.c", "origin": "US"}
    d = engine.check(case)
    assert d.license_required is True and d.review_policy == "policy_of_denial"
    case["date"] = "2022-02-23"
    assert engine.check(case).license_required is False


def test_fdp_item_needs_a_license_even_without_a_listed_party(engine: Engine) -> None:
    case = copy.deepcopy(EXAMPLES[3]["case"])
    case["parties"] = [{"role": "purchaser", "name": "Acme Widgets Inc", "country": "CN"}]
    case["knowledge"] = {"incorporated_into_items_of": ["Huawei Technologies Co., Ltd."]}
    d = engine.check(case)
    assert d.subject_to_ear is True and d.license_required is True


def test_no_license_answer_while_jurisdiction_is_open(engine: Engine) -> None:
    case = copy.deepcopy(EXAMPLES[3]["case"])
    del case["item"]["plant_direct_product_of"]
    d = engine.check(case)
    assert d.subject_to_ear is None and d.license_required is None
    assert d.review_policy is None and d.license_exceptions == []


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"item": {"eccn": "5A99Z", "origin": "US"}}, "case.item.eccn"),
        ({"destination": "ZZ"}, "case.destination"),
        ({"date": "2016-12-31"}, "case.date"),
        ({"date": "2099-01-01"}, "case.date"),
        ({"date": "yesterday"}, "case.date"),
        ({"item": {"origin": "foreign", "value": True}}, "case.item.value"),
        ({"parties": [{"role": "end_user", "name": "x" * 5000}]}, "case.parties[0].name"),
        ({"item": {"origin": "foreign", "value": -5}}, "case.item.value"),
        (
            {"item": {"origin": "foreign", "us_content": [{"eccn": "3A001", "value": -1}]}},
            "case.item.us_content[0].value",
        ),
    ],
)
def test_bad_input_names_the_field(engine: Engine, change: dict[str, Any], field: str) -> None:
    with pytest.raises(BadInput) as exc:
        engine.check(_case(**change))
    assert exc.value.field == field


def test_cli_check_and_diff(cli: Any, tmp_path: Path) -> None:
    path = tmp_path / "cases.json"
    path.write_text(json.dumps([e["case"] for e in EXAMPLES]))
    run = cli("check", str(path), "--json")
    assert run.code == 0, run.err
    assert [d["license_required"] for d in run.json()] == [False, True, False, True]
    one = tmp_path / "one.json"
    one.write_text(json.dumps(EXAMPLES[1]["case"]))
    diff = cli("check", str(one), "--diff", "2019-05-15", "2019-05-17", "--json").json()
    assert diff["changed"]["license_required"] == {"from": False, "to": True}
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    assert cli("check", str(bad)).code == 2
    bad.write_text(json.dumps({**EXAMPLES[1]["case"], "destination": "XX"}))
    run = cli("check", str(bad))
    assert run.code == 2 and "case.destination" in run.err


def test_zero_de_minimis_for_600_series_to_d5(engine: Engine) -> None:
    case = copy.deepcopy(EXAMPLES[2]["case"])
    case["destination"] = "CN"
    case["item"]["us_content"] = [{"eccn": "9A610.a", "value": 1.0}]
    d = engine.check(case)
    assert d.subject_to_ear is True
    assert any(r.rule == "15 CFR 734.4(a)" for r in d.reasons)


def test_technology_de_minimis_needs_the_one_time_report(engine: Engine) -> None:
    case = copy.deepcopy(EXAMPLES[2]["case"])
    case["item"]["kind"] = "technology"
    d = engine.check(case)
    assert d.subject_to_ear is None
    assert any("one-time report" in f for f in d.missing_facts)


def test_first_fdp_rule_savings_clause(engine: Engine) -> None:
    case = copy.deepcopy(EXAMPLES[3]["case"])
    case["date"] = "2020-06-01"
    case["item"]["developed_by"] = "HiSilicon Technologies Co., Ltd."
    case["context"] = {"production_started": "2020-03-01"}
    assert engine.check(case).subject_to_ear is False
    case["date"] = "2020-08-01"
    case["context"] = {"production_started": "2020-06-01"}
    assert engine.check(case).subject_to_ear is True


def test_national_security_fdp_is_asked_not_guessed(engine: Engine) -> None:
    case = copy.deepcopy(EXAMPLES[3]["case"])
    case["parties"] = [{"role": "purchaser", "name": "Acme Widgets Inc", "country": "CN"}]
    case["item"] = {
        "kind": "commodity",
        "eccn": "3A001.a.1",
        "origin": "foreign",
        "value": 50.0,
        "us_content": [],
        "direct_product_of": ["3E001"],
        "plant_direct_product_of": [],
    }
    d = engine.check(case)
    assert d.subject_to_ear is None
    assert any("written assurance" in f for f in d.missing_facts)
    case["item"]["direct_product_of"] = []  # stated: not a direct product
    assert engine.check(case).subject_to_ear is False
    case["destination"] = "FR"  # not D:1, E:1 or E:2
    case["item"]["direct_product_of"] = ["3E001"]
    assert engine.check(case).subject_to_ear is False


def test_standards_exception_cites_the_version_in_force(engine: Engine) -> None:
    case = _case(date="2023-01-10")
    case["item"] = {"kind": "technology", "eccn": "EAR99", "origin": "US"}
    case["context"] = {"purpose": "standards_development"}
    d = engine.check(case)
    assert d.license_required is False
    assert any(r.citation == "87 FR 55241" for r in d.reasons)


def test_listing_day_asks_for_the_time_of_shipment(engine: Engine) -> None:
    d = engine.check(_case(date="2019-05-16"))
    assert d.license_required is None
    assert any("16:15 ET" in f for f in d.missing_facts)


@pytest.mark.parametrize(
    ("footnote", "license_cfr"), [(3, "15 CFR 746.8(a)(3)"), (4, "15 CFR 744.11(a)(2)(ii)")]
)
def test_footnote_3_and_4_fdp_rules(engine: Engine, footnote: int, license_cfr: str) -> None:
    from earmark.regdata import load_regdata

    entry = next(
        lst.entry
        for lst in load_regdata().lists.as_of(date(2023, 6, 1), ["EL"])
        if footnote in lst.entry.footnotes and lst.entry.countries and lst.entry.effective_date
    )
    case = copy.deepcopy(EXAMPLES[3]["case"])
    case["date"] = "2024-03-01"
    case["destination"] = entry.countries[0]
    case["parties"] = [{"role": "end_user", "name": entry.name}]
    case["item"]["eccn"] = "EAR99"
    case["item"]["plant_direct_product_of"] = ["3E001"]
    case["item"]["direct_product_of"] = []
    d = engine.check(case)
    assert d.subject_to_ear is True, d.reasons
    assert d.license_required is True
    assert any(r.rule == license_cfr for r in d.reasons)
    case["date"] = "2021-06-01"  # before either rule
    assert engine.check(case).subject_to_ear is not True


def test_dates_after_the_newest_snapshot_say_so(engine: Engine) -> None:
    d = engine.check(_case(date="2026-10-01"))
    assert d.details["lists_as_of"] == "2026-07-31"
    assert any(r.rule == "data" for r in d.reasons)


def test_unknown_fields_are_refused_unless_allowed_and_timestamps_are_not_dates(
    engine: Engine,
) -> None:
    case = _case(date="2021-01-04")
    case["item"] = {**case["item"], "eccnn": "5A992"}
    with pytest.raises(BadInput, match="did you mean eccn") as refused:
        engine.check(case)
    assert refused.value.field == "case.item.eccnn"
    allowed = engine.check(case, allow_unknown=True)
    assert allowed.details["ignored_fields"] == ["case.item.eccnn"]
    with pytest.raises(BadInput) as exc:
        engine.check(_case(date="1675209600"))
    assert exc.value.field == "case.date"
