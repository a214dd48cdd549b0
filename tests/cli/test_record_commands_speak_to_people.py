"""Every record command has a human output (a sentence or a table); JSON only with --json."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest


@pytest.fixture
def db(tmp_path: Path) -> list[str]:
    return ["--database", f"sqlite:///{tmp_path / 'store.db'}"]


def _not_json(text: str) -> None:
    assert text.strip() and not text.lstrip().startswith(("{", "[")), text


def test_the_license_procedure_prints_sentences(cli: Any, db: list[str], tmp_path: Path) -> None:
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
    applied = cli("licenses", "apply", str(app), "--on", "2024-01-02", *db)
    assert applied.code == 0, applied.err
    _not_json(applied.out)
    assert "application Z0000001 submitted" in applied.out and "5A002.a" in applied.out
    decided = cli(
        "licenses", "decide", "Z0000001", "--decision", "approved", "--on", "2024-01-05", *db
    )
    assert decided.code == 0, decided.err
    _not_json(decided.out)
    assert "license D000001 issued on 2024-01-05" in decided.out
    shipped = cli(
        "licenses",
        "ship",
        "D000001",
        "--eccn",
        "5A002.a",
        "--quantity",
        "2",
        "--value",
        "200",
        "--on",
        "2024-02-01",
        *db,
    )
    assert shipped.code == 0, shipped.err
    _not_json(shipped.out)
    assert "balance of license D000001" in shipped.out
    shown = cli("licenses", "show", "D000001", *db)
    _not_json(shown.out)
    assert "status history" in shown.out and "shipments" in shown.out
    assert cli("licenses", "show", "D000001", "--json", *db).json()["number"] == "D000001"


def test_parties_products_events_and_keys_print_sentences(cli: Any, db: list[str]) -> None:
    runs = {
        "parties add": cli("parties", "add", "Acme Widgets Inc", "--country", "US", *db),
        "parties edit": cli("parties", "edit", "1", "--kind", "supplier", *db),
        "products add": cli(
            "products",
            "add",
            "--sku",
            "S1",
            "--description",
            "widget",
            "--eccn",
            "EAR99",
            "--rationale",
            "not on the CCL",
            *db,
        ),
        "events add": cli(
            "events",
            "add",
            "--name",
            "halt",
            "--kind",
            "no_new_licenses",
            "--effective",
            "2024-01-01",
            "--footnote",
            "1",
            *db,
        ),
        "keys create": cli("keys", "create", "--role", "screener", *db),
    }
    for what, run in runs.items():
        assert run.code == 0, (what, run.err)
        _not_json(run.out)
    assert "party 1 added" in runs["parties add"].out
    assert "product 1 added: S1 classified EAR99" in runs["products add"].out
    assert runs["keys create"].out.splitlines()[-1].startswith("em_")


def test_the_review_queue_shows_score_and_status_not_internal_columns(
    cli: Any, db: list[str]
) -> None:
    assert cli("screen", "Huawei Technologies Co., Ltd.", *db).code == 0
    run = cli("reviews", *db)
    header = run.out.splitlines()[1:4]
    text = " ".join(header)
    assert "score" in text and "status" in text
    for internal in ("subject_key", "fingerprint", "screening_id"):
        assert internal not in run.out
