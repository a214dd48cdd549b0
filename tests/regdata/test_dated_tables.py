"""The EAR tables as of a date: the 2026 tables with later amendments undone."""

from __future__ import annotations

from datetime import date

import pytest

from earmark.errors import BadInput
from earmark.regdata import load_regdata
from earmark.regdata.amendments import amendment_log
from earmark.rules import Engine


def test_every_amendment_has_an_effective_date_a_citation_and_a_status() -> None:
    log = amendment_log()
    assert len(log.amendments) >= 30
    for a in log.amendments:
        assert isinstance(a.effective, date) and isinstance(a.published, date), a.id
        assert a.citation and "unknown" not in a.citation.casefold(), a.id
        assert a.status in ("verified", "background"), a.id
    assert [a.effective for a in log.amendments] == sorted(
        (a.effective for a in log.amendments), reverse=True
    )


def test_an_eccn_added_later_does_not_exist_before_its_date() -> None:
    rd = load_regdata()
    before = rd.ear_on(date(2022, 10, 20)).ccl
    after = rd.ear_on(date(2022, 10, 21)).ccl
    with pytest.raises(BadInput) as err:
        before.require("4A090.a", "case.item.eccn")
    assert "did not exist on this date" in err.value.message
    assert after.require("4A090.a", "case.item.eccn") is not None


def test_a_paragraph_added_later_is_refused_before_its_date() -> None:
    rd = load_regdata()
    with pytest.raises(BadInput):
        rd.ear_on(date(2024, 6, 3)).ccl.require("3A090.c", "case.item.eccn")
    assert rd.ear_on(date(2024, 12, 2)).ccl.require("3A090.c", "case.item.eccn") is not None
    assert rd.ear_on(date(2024, 6, 3)).ccl.require("3A090.a", "case.item.eccn") is not None


def test_hong_kong_has_its_own_chart_row_until_2020_12_23() -> None:
    rd = load_regdata()
    assert rd.ear_on(date(2020, 12, 22)).country_chart.rows.get("HK") is not None
    assert rd.ear_on(date(2020, 12, 23)).country_chart.rows.get("HK") is None


def test_the_same_interval_between_amendments_shares_one_set_of_tables() -> None:
    rd = load_regdata()
    assert rd.ear_on(date(2019, 1, 1)) is rd.ear_on(date(2019, 1, 2))
    assert rd.ear_on(date(2026, 11, 30)) is rd.ear


def test_a_decision_says_which_table_versions_it_used() -> None:
    d = Engine().check(
        {"date": "2021-06-01", "destination": "DE", "item": {"eccn": "EAR99", "origin": "US"}}
    )
    versions = d.details["versions"]
    assert set(versions) >= {"country_chart", "country_groups", "ccl", "amendment_log_sha256"}
    assert versions["country_chart"]["undone"], "amendments after 2021 are undone"


def test_an_eccn_that_did_not_exist_is_bad_input_naming_the_field() -> None:
    with pytest.raises(BadInput) as err:
        Engine().check(
            {"date": "2022-09-15", "destination": "CN", "item": {"eccn": "4A090.a", "origin": "US"}}
        )
    assert err.value.field == "case.item.eccn" and "added on 2022-10-21" in err.value.message
