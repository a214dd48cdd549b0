"""A misspelt key is bad input naming it and the nearest known key, unless the user opts in.

A case with "partys" was checked as a case without parties ("license required: no", exit 0);
"ECCN" gave "missing item.eccn". Now each is exit 2 with the key named; with
--allow-unknown-fields the key is ignored and listed, in the human output too.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

CASE = {
    "date": "2019-05-17",
    "destination": "CN",
    "item": {"eccn": "EAR99", "origin": "US"},
    "parties": [{"role": "ultimate_consignee", "name": "Huawei Technologies Co., Ltd."}],
}


def _write(tmp_path: Path, name: str, data: Any) -> str:
    path = tmp_path / name
    path.write_text(json.dumps(data))
    return str(path)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"partys": CASE["parties"]}, "case.partys: unknown field; did you mean parties?"),
        (
            {"item": {"ECCN": "EAR99", "origin": "US"}},
            "case.item.ECCN: unknown field; did you mean eccn?",
        ),
        (
            {"parties": [{"role": "end_user", "nmae": "X"}]},
            "case.parties[0].nmae: unknown field; did you mean name?",
        ),
        (
            {"context": {"purpose": "other", "contract": "2019-01-01"}},
            "case.context.contract: unknown field",
        ),
    ],
)
def test_a_misspelt_case_key_is_refused(
    cli: Any, tmp_path: Path, change: dict[str, Any], message: str
) -> None:
    case = {k: v for k, v in CASE.items() if not (k == "parties" and "partys" in change)}
    run = cli("check", _write(tmp_path, "case.json", {**case, **change}), "--no-record")
    assert run.code == 2
    assert message in run.err and len(run.err.splitlines()) == 1, run.err


def test_allowing_unknown_keys_lists_them_for_people_and_in_json(cli: Any, tmp_path: Path) -> None:
    path = _write(tmp_path, "case.json", {**CASE, "colour": "blue"})
    human = cli("check", path, "--no-record", "--allow-unknown-fields")
    assert human.code == 0 and "ignored unknown field(s): case.colour" in human.out, human.err
    as_json = cli("check", path, "--no-record", "--allow-unknown-fields", "--json").json()
    assert as_json["details"]["ignored_fields"] == ["case.colour"]
    assert as_json["license_required"] is True


def test_a_batch_row_with_an_unknown_key_is_a_bad_row(cli: Any, tmp_path: Path) -> None:
    rows = tmp_path / "cases.jsonl"
    rows.write_text(json.dumps(CASE) + "\n" + json.dumps({**CASE, "partys": []}) + "\n")
    out = tmp_path / "out.jsonl"
    assert cli("check-batch", str(rows), "--out", str(out), "--no-record").code == 0
    results = [json.loads(line) for line in out.read_text().splitlines()]
    assert results[0]["error"] is None
    assert "case.partys: unknown field" in results[1]["error"]
    allowed = tmp_path / "allowed.jsonl"
    ok = cli(
        "check-batch", str(rows), "--out", str(allowed), "--no-record", "--allow-unknown-fields"
    )
    assert ok.code == 0
    assert all(json.loads(line)["error"] is None for line in allowed.read_text().splitlines())


APPLICATION = {
    "applicant": "Acme Exports Inc.",
    "destination": "DE",
    "parties": [{"role": "ultimate_consignee", "name": "Siemens AG", "country": "DE"}],
    "items": [{"eccn": "5A992.c", "quantity": 10, "value": 1000}],
}


def test_application_amendment_and_event_files_refuse_unknown_keys(
    cli: Any, tmp_path: Path
) -> None:
    db = ["--database", f"sqlite:///{tmp_path / 'store.db'}"]
    bad = {**APPLICATION, "partys": APPLICATION["parties"]}
    del bad["parties"]
    refused = cli("licenses", "apply", _write(tmp_path, "a.json", bad), "--on", "2024-01-02", *db)
    assert refused.code == 2 and "application.partys: unknown field; did you mean parties?" in (
        refused.err
    )
    assert cli("licenses", "applications", "--json", *db).json() == []  # nothing stored
    ok = cli(
        "licenses",
        "apply",
        _write(tmp_path, "b.json", APPLICATION),
        "--on",
        "2024-01-02",
        "--json",
        *db,
    )
    assert ok.code == 0, ok.err
    number = ok.json()["number"]
    amend = _write(tmp_path, "m.json", {"end_uze": "x"})
    run = cli("licenses", "amend", number, amend, "--on", "2024-01-03", *db)
    assert run.code == 2 and "amendment.end_uze: unknown field; did you mean end_use?" in run.err
    event_data = {
        "name": "x",
        "kind": "no_new_licenses",
        "effective": "2024-01-01",
        "partys": ["Siemens AG"],
    }
    event = _write(tmp_path, "e.json", event_data)
    run = cli("events", "add", "--file", event, *db)
    assert run.code == 2 and "event.partys: unknown field; did you mean parties?" in run.err
    allowed = cli("events", "add", "--file", event, "--allow-unknown-fields", *db)
    # allowed, the event names no party: refused for that reason, not for the key
    assert allowed.code == 2 and "partys" not in allowed.err, allowed.err
