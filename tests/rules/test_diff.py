"""``check --diff``: one case on two dates names the table amendments between them."""

from __future__ import annotations

from datetime import date

from earmark.rules import Engine
from earmark.rules.diff import decide_on_two_dates, table_changes_between
from tests.rules.conftest import case


def test_the_aukus_chart_change_is_named_between_dates_for_the_united_kingdom(
    engine: Engine,
) -> None:
    c = case(destination="GB", date="2024-01-01", item={"eccn": "2E003", "kind": "technology"})
    out = decide_on_two_dates(engine, c, date(2024, 1, 1), date(2024, 6, 1))
    assert out["changed"]["license_required"] == {"from": True, "to": False}
    touching = [
        (a["citation"], ch["subject"])
        for a in out["table_changes_between"]
        for ch in a["changes"]
        if ch["touches_case"]
    ]
    assert ("89 FR 28594", "GB") in touching


def test_a_ccl_amendment_touches_only_the_cases_of_its_eccn() -> None:
    low, high = date(2022, 1, 1), date(2023, 1, 1)
    for_3a090 = table_changes_between({"destination": "CN", "item": {"eccn": "3A090.a"}}, low, high)
    for_other = table_changes_between({"destination": "CN", "item": {"eccn": "2B001"}}, low, high)

    def touched(changes: list[dict[str, object]]) -> set[str]:
        return {
            str(c["subject"])
            for a in changes
            for c in a["changes"]  # type: ignore[attr-defined]
            if c["touches_case"]  # type: ignore[index]
        }

    assert "3A090" in touched(for_3a090)
    assert "3A090" not in touched(for_other)


def test_no_amendment_is_listed_outside_the_two_dates() -> None:
    changes = table_changes_between({"destination": "GB"}, date(2024, 4, 19), date(2024, 4, 20))
    assert all("2024-04-19" < a["effective"] <= "2024-04-20" for a in changes)
