"""The smaller defects a new user met in the first hour (issue 11, item 7)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from earmark import __version__


def test_version(cli: Any) -> None:
    run = cli("--version")
    assert run.code == 0 and run.out.strip() == f"earmark {__version__}"


@pytest.fixture
def db(tmp_path: Path) -> list[str]:
    return ["--database", f"sqlite:///{tmp_path / 'store.db'}"]


def _apply(cli: Any, db: list[str], tmp_path: Path, on: str) -> str:
    app = tmp_path / "app.json"
    app.write_text(
        json.dumps(
            {
                "applicant": "Acme Exports Inc.",
                "destination": "DE",
                "parties": [{"role": "ultimate_consignee", "name": "Siemens AG", "country": "DE"}],
                "items": [{"eccn": "5A002.a", "quantity": 10, "value": 1000}],
            }
        )
    )
    run = cli("licenses", "apply", str(app), "--on", on, "--json", *db)
    assert run.code == 0, run.err
    return str(run.json()["number"])


def test_refer_takes_agencies_in_any_case(cli: Any, db: list[str], tmp_path: Path) -> None:
    number = _apply(cli, db, tmp_path, "2024-01-02")
    run = cli(
        "licenses",
        "refer",
        number,
        "--agencies",
        "State,DEFENSE",
        "--on",
        "2024-01-05",
        "--json",
        *db,
    )
    assert run.code == 0, run.err
    assert run.json()["agencies"] == ["defense", "state"]


def test_overdue_on_a_past_date_uses_the_status_of_that_date(
    cli: Any, db: list[str], tmp_path: Path
) -> None:
    number = _apply(cli, db, tmp_path, "2021-03-01")
    assert (
        cli("licenses", "refer", number, "--agencies", "state", "--on", "2021-03-09", *db).code == 0
    )
    decided = cli(
        "licenses",
        "decide",
        number,
        "--decision",
        "returned_without_action",
        "--on",
        "2021-05-01",
        *db,
    )
    assert decided.code == 0, decided.err

    def overdue(on: str) -> list[dict[str, Any]]:
        result: list[dict[str, Any]] = cli("licenses", "overdue", "--on", on, "--json", *db).json()
        return result

    submitted = overdue("2021-03-05")
    assert [r["status"] for r in submitted] == ["submitted"]
    assert [d["deadline"] for d in submitted[0]["deadlines"]] == ["overall", "referral"]
    referred = overdue("2021-04-20")
    assert [r["status"] for r in referred] == ["referred"]
    assert referred[0]["overdue"] is True  # the state recommendation was due after 30 days
    assert overdue("2021-06-01") == []  # returned by then
    assert overdue("2021-02-01") == []  # not yet submitted


def test_a_directory_as_input_file_says_so(cli: Any, tmp_path: Path) -> None:
    for args, field in (
        (["check", str(tmp_path)], "case_file"),
        (["screen-batch", str(tmp_path), "--out", str(tmp_path / "o.jsonl")], "input"),
        (["licenses", "apply", str(tmp_path)], "application"),
        (["match", "--pairs", str(tmp_path)], "--pairs"),
    ):
        run = cli(*args)
        assert run.code == 2, (args, run.err)
        assert f"{field}: is a directory" in run.err, run.err


def test_a_future_as_of_date_says_the_answer_is_todays(cli: Any) -> None:
    screen = cli("screen", "Huawei Technologies", "--as-of", "2099-01-01", "--no-record", "--json")
    assert screen.code == 0 and "is in the future" in screen.json()["note"]
    lists = cli("lists", "--as-of", "2099-01-01")
    assert lists.code == 0 and "is in the future" in lists.out.replace("\n", " ")


def test_an_unknown_footnote_is_refused(cli: Any, db: list[str]) -> None:
    run = cli(
        "events",
        "add",
        "--name",
        "x",
        "--kind",
        "no_new_licenses",
        "--effective",
        "2024-01-01",
        "--footnote",
        "99",
        *db,
    )
    assert run.code == 2 and "--footnote" in run.err, run.err
    assert cli("events", "--json", *db).json() == []


@pytest.mark.parametrize("word", ["Company", "ORGANIZATION", "legalentity", "Person", "airplane"])
def test_screening_types_accept_the_csl_and_ftm_words(cli: Any, word: str) -> None:
    run = cli("screen", "Huawei Technologies", "--type", word, "--no-record", "--json")
    assert run.code == 0, run.err
    assert run.json()["query"]["type"] in ("entity", "individual", "aircraft")
