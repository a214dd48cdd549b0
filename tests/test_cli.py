"""The command line: contract shapes, --json everywhere, and bad input as one line, exit 2."""

from __future__ import annotations

from typing import Any

import pytest


def test_lists_json_matches_the_contract(cli: Any) -> None:
    run = cli("lists", "--json")
    assert run.code == 0, run.err
    doc = run.json()
    el = next(v for v in doc["lists"] if v["list"] == "EL")
    for key in ("list", "name", "entries", "snapshot", "source", "sha256"):
        assert key in el
    assert el["name"] == "Entity List" and el["entries"] >= 3400
    assert el["snapshot"] == "2026-07-31" and len(el["sha256"]) == 64
    assert doc["data_version"].startswith("2026-07-31.")


def test_lists_as_of_a_date_counts_what_was_listed_then(cli: Any) -> None:
    now = {v["list"]: v["entries"] for v in cli("lists", "--json").json()["lists"]}
    then = {v["list"]: v for v in cli("lists", "--as-of", "2019-05-17", "--json").json()["lists"]}
    assert then["EL"]["entries"] < now["EL"]
    assert then["EL"]["effective_dates"]["latest"] <= "2019-05-17"
    assert then["EL"]["dataset"] == "csl-2022-05-16"  # the version nearest after the date


def test_lists_all_shows_every_dataset_with_provenance(cli: Any) -> None:
    doc = cli("lists", "--all", "--json").json()
    ids = {d["id"] for d in doc["datasets"]}
    assert {"csl-2026-07-31", "csl-2022-05-16", "ofac-sdn-2024-05-03", "ecfr-el-2026-07-09"} <= ids
    assert any(i.startswith("ear-ccl") for i in ids)
    for d in doc["datasets"]:
        assert d["provenance"]["origin"] and len(d["provenance"]["source_sha256"]) == 64


@pytest.mark.parametrize(
    "args",
    [
        ("entries", "--contains", "hisilicon", "--list", "EL", "--json"),
        ("timeline", "--as-of", "2020-06-01", "--json"),
        ("country", "HK", "--json"),
        ("eccn", "5A992.c", "--json"),
        ("demo", "--json"),
    ],
)
def test_every_command_speaks_json(cli: Any, args: tuple[str, ...]) -> None:
    run = cli(*args)
    assert run.code == 0, run.err
    assert isinstance(run.json(), dict)


def test_entries_filters_and_entry_round_trip(cli: Any) -> None:
    doc = cli("entries", "--contains", "huawei device", "--country", "CN", "--json").json()
    assert doc["total"] >= 1
    first = doc["entries"][0]
    assert first["list"] == "EL" and first["footnotes"] == [1, 2]
    one = cli("entry", first["id"], "--as-of", "2019-05-15", "--json").json()
    assert one["id"] == first["id"] and one["listed_on_date"] is False
    assert cli("entry", first["id"], "--as-of", "2019-05-16", "--json").json()["listed_on_date"]


def test_timeline_in_force(cli: Any) -> None:
    events = cli("timeline", "--as-of", "2020-06-01", "--json").json()["events"]
    ids = {e["id"] for e in events}
    assert "el-fdp-footnote1-2020-05" in ids and "huawei-tgl-2020-05" in ids
    assert "el-fdp-footnote1-2020-08" not in ids


def test_country_and_eccn(cli: Any) -> None:
    hk = cli("country", "Hong Kong", "--json").json()
    assert hk["chart_row"] == "China" and "D:5" in hk["country_groups"]
    eccn = cli("eccn", "3a001.a.1", "--json").json()
    assert eccn["base"] == "3A001" and "NS" in eccn["reasons_for_control"]
    assert "note" in cli("eccn", "EAR99", "--json").json()


@pytest.mark.parametrize(
    ("args", "field"),
    [
        (("lists", "--as-of", "2021-13-01"), "--as-of"),
        (("lists", "--as-of", "yesterday"), "--as-of"),
        (("lists", "--bogus"), "--bogus"),
        (("lists", "--as-of"), "--as-of"),
        (("entries", "--list", "XX"), "--list"),
        (("entries", "--country", "Atlantis"), "--country"),
        (("entries", "--limit", "0"), "--limit"),
        (("entries", "--limit", "x"), "--limit"),
        (("entry", "EL-0000000000"), "entry_id"),
        (("entry",), "entry_id"),
        (("eccn", "5A99Z"), "eccn"),
        (("eccn", "9Z999"), "eccn"),
        (("country", "ZZ"), "country"),
        (("timeline", "--series", "nope"), "--series"),
        (("nosuchcommand",), "nosuchcommand"),
    ],
)
def test_bad_input_is_one_line_naming_the_field_exit_2(
    cli: Any, args: tuple[str, ...], field: str
) -> None:
    run = cli(*args)
    assert run.code == 2
    assert run.out == ""
    lines = run.err.strip().splitlines()
    assert len(lines) == 1, run.err
    assert lines[0].startswith("earmark: error: ") and field in lines[0]
    assert "Traceback" not in run.err


@pytest.mark.parametrize("value", ["20190517", "2019-W20-5", "2019-5-17"])
def test_dates_must_be_yyyy_mm_dd(cli: Any, value: str) -> None:
    run = cli("lists", "--as-of", value, "--json")
    assert run.code == 2 and "--as-of" in run.err


@pytest.mark.parametrize(
    ("args", "field"),
    [
        (("entries", "--contains", ""), "--contains"),
        (("entries", "--contains", "!!!"), "--contains"),
        (("entries", "--footnote", "0"), "--footnote"),
    ],
)
def test_entries_rejects_empty_filters(cli: Any, args: tuple[str, ...], field: str) -> None:
    run = cli(*args)
    assert run.code == 2 and field in run.err


def test_long_bad_input_is_not_echoed_in_full(cli: Any) -> None:
    run = cli("country", "X" * 100_000)
    assert run.code == 2 and len(run.err) < 600
