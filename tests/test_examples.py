"""The files in examples/ run as the README and docs/formats.md say they do."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.conftest import REPO

EXAMPLES = REPO / "examples"


def test_the_readme_points_to_the_formats_and_examples_on_its_first_screen() -> None:
    first_screen = "\n".join((REPO / "README.md").read_text().splitlines()[:20])
    assert "make demo" in first_screen and "make test" in first_screen
    assert "docs/formats.md" in first_screen and "examples/" in first_screen


def test_every_example_is_described_in_the_formats_doc() -> None:
    formats = (REPO / "docs" / "formats.md").read_text()
    for path in EXAMPLES.iterdir():
        assert f"examples/{path.name}" in formats, path.name


def test_the_huawei_cases_give_the_answers_of_the_story(cli: Any) -> None:
    run = cli("check", str(EXAMPLES / "huawei-cases.json"), "--no-record", "--json")
    assert run.code == 0, run.err
    by_id = {d["id"]: d for d in run.json()}
    assert by_id["before-listing"]["license_required"] is False
    assert by_id["after-listing"]["license_required"] is True
    assert by_id["after-listing"]["review_policy"] == "presumption_of_denial"
    assert any("TGL" in a for a in by_id["tgl-network-support"]["authorizations"])
    assert by_id["deminimis-under"]["subject_to_ear"] is False
    assert by_id["fdp-footnote1-4g"]["review_policy"] == "case_by_case"
    assert by_id["chinese-name-2024"]["license_required"] is True


def test_the_batch_examples_have_no_bad_rows(cli: Any, tmp_path: Path) -> None:
    names = cli(
        "screen-batch",
        str(EXAMPLES / "parties.csv"),
        "--out",
        str(tmp_path / "hits.jsonl"),
        "--no-record",
        "--json",
    )
    assert names.code == 0 and names.json()["errors"] == 0, names.out
    cases = cli(
        "check-batch",
        str(EXAMPLES / "cases.jsonl"),
        "--out",
        str(tmp_path / "decisions.jsonl"),
        "--no-record",
        "--json",
    )
    assert cases.code == 0 and cases.json()["errors"] == 0, cases.out


def test_the_application_amendment_and_event_examples_are_accepted(
    cli: Any, tmp_path: Path
) -> None:
    db = ["--database", f"sqlite:///{tmp_path / 'store.db'}"]
    applied = cli(
        "licenses", "apply", str(EXAMPLES / "application.json"), "--on", "2021-03-01", "--json", *db
    )
    assert applied.code == 0, applied.err
    number = applied.json()["number"]
    amended = cli(
        "licenses",
        "amend",
        number,
        str(EXAMPLES / "amendment.json"),
        "--on",
        "2021-03-02",
        "--json",
        *db,
    )
    assert amended.code == 0, amended.err
    assert amended.json()["items"] == json.loads((EXAMPLES / "amendment.json").read_text())["items"]
    event = cli("events", "add", "--file", str(EXAMPLES / "event.json"), "--json", *db)
    assert event.code == 0, event.err
