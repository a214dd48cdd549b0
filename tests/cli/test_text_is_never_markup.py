"""Names, ids and notes from users and lists are printed as text in every human view.

"Huawei [/]" once crashed `earmark screen` with a rich MarkupError after recording, and a party
named so crashed `parties` and `reviews` for every user of the store; "[red]" vanished from
names and ":China:" became a flag. Each view here prints such values verbatim.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

MARKUP = [
    "Huawei [/]",
    "Foo [/] Trading Ltd",
    "[bold]Acme[/bold] Corp",
    "Wu :smile: :China: Ltd",
    "A ] B [ C Industries",
]


@pytest.fixture(autouse=True)
def _wide(monkeypatch: pytest.MonkeyPatch) -> None:
    # Wide enough that no table cell wraps, so a name can be looked for verbatim.
    monkeypatch.setenv("COLUMNS", "500")


@pytest.fixture
def db(tmp_path: Path) -> list[str]:
    return ["--database", f"sqlite:///{tmp_path / 'store.db'}"]


@pytest.mark.parametrize("name", MARKUP)
def test_screen_prints_the_name_as_written(cli: Any, db: list[str], name: str) -> None:
    run = cli("screen", name, *db)
    assert run.code == 0, run.err
    assert name in run.out


def test_party_and_review_views_show_markup_names_verbatim(cli: Any, db: list[str]) -> None:
    for name in MARKUP:
        added = cli("parties", "add", name, "--country", "CN", *db)
        assert added.code == 0, added.err
        assert name in added.out
    for view in (["parties"], ["reviews", "--status", "all"], ["parties", "rescreen"]):
        run = cli(*view, *db)
        assert run.code == 0, run.err
        for name in MARKUP:
            if view[0] == "parties" or name.startswith("Huawei"):
                assert name in run.out, (view, name)
    edited = cli("parties", "edit", "1", "--name", "[red]Renamed[/red] :smile:", *db)
    assert edited.code == 0 and "[red]Renamed[/red] :smile:" in edited.out, edited.err
    review = cli("reviews", "--json", *db).json()[0]
    cleared = cli(
        "reviews", "clear", str(review["id"]), "--reason", "other", "--note", "[/] :x:", *db
    )
    assert cleared.code == 0, cleared.err
    assert review["subject_name"] in cleared.out


def test_record_views_show_markup_values_verbatim(cli: Any, db: list[str], tmp_path: Path) -> None:
    sku = "[red]SKU-1[/red]"
    assert (
        cli(
            "products",
            "add",
            "--sku",
            sku,
            "--description",
            "d [/]",
            "--eccn",
            "EAR99",
            "--rationale",
            ":smile:",
            *db,
        ).code
        == 0
    )
    assert sku in cli("products", *db).out
    app = tmp_path / "app.json"
    applicant = "[bold]Exports[/] :US: Inc"
    app.write_text(
        json.dumps(
            {
                "applicant": applicant,
                "destination": "DE",
                "parties": [{"name": "Siemens [/] AG", "country": "DE"}],
                "items": [{"eccn": "5A992.c", "quantity": 1, "value": 10}],
            }
        )
    )
    applied = cli("licenses", "apply", str(app), "--on", "2024-01-02", *db)
    assert applied.code == 0 and applicant in applied.out, applied.err
    assert applicant in cli("licenses", "applications", *db).out
    event = "[bold]No new licenses[/bold] :x:"
    added = cli(
        "events",
        "add",
        "--name",
        event,
        "--kind",
        "no_new_licenses",
        "--effective",
        "2024-01-01",
        "--party",
        "Siemens [/] AG",
        *db,
    )
    assert added.code == 0 and event in added.out, added.err
    assert event in cli("events", *db).out


def test_check_prints_case_ids_and_party_names_verbatim(cli: Any, tmp_path: Path) -> None:
    case = tmp_path / "case.json"
    case.write_text(
        json.dumps(
            {
                "id": "[bold]order-1[/] :smile:",
                "date": "2024-01-02",
                "destination": "CN",
                "item": {"eccn": "EAR99", "origin": "US"},
                "parties": [{"role": "end_user", "name": "Huawei [/]", "country": "CN"}],
            }
        )
    )
    run = cli("check", str(case), "--no-record")
    assert run.code == 0, run.err
    assert "[bold]order-1[/] :smile:" in run.out


def test_data_views_print_fields_not_python_reprs(cli: Any) -> None:
    entry_id = cli("entries", "--contains", "hisilicon", "--json").json()["entries"][0]["id"]
    entry = cli("entry", entry_id, "--as-of", "2021-01-01")
    assert entry.code == 0, entry.err
    assert "license requirement:" in entry.out and "Address(" not in entry.out
    country = cli("country", "HK")
    assert "Country Groups:" in country.out and "frozenset" not in country.out
    assert "ChartRow" not in country.out
    eccn = cli("eccn", "5A992")
    assert "reasons for control: RS, AT" in eccn.out and "ExceptionFlag" not in eccn.out
