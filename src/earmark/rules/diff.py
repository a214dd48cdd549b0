"""One case decided on two dates, and what changed between them (``check --diff D1 D2``).

The decision on each date is the engine's ordinary one; the difference names the answer fields
that changed, the reasons given on one date only, the regulatory actions of the timeline that
took effect between the dates, and the table amendments of the dated amendment log
(``regdata/data/amendments.toml``) between them, each marked where it touches the case: the
destination's Country Chart row or Country Groups, the item's ECCN, or an Entity List entry of
the destination's country.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from earmark.errors import BadInput
from earmark.regdata.amendments import Amendment, amendment_log
from earmark.rules.decision import ANSWER_FIELDS

if TYPE_CHECKING:
    from earmark.rules.engine import Engine


def decide_on_two_dates(
    engine: Engine,
    case: Any,
    first: date,
    second: date,
    where: str = "case",
    allow_unknown: bool = False,
) -> dict[str, Any]:
    """The case decided on ``first`` and on ``second``, and what changed between them."""
    if not isinstance(case, dict):
        raise BadInput(where, "a case must be a JSON object")
    a = engine.check({**case, "date": first.isoformat()}, where, allow_unknown).to_dict()
    b = engine.check({**case, "date": second.isoformat()}, where, allow_unknown).to_dict()
    changed = {k: {"from": a[k], "to": b[k]} for k in ANSWER_FIELDS if a[k] != b[k]}
    fdp_a, fdp_b = a["details"].get("fdp_rule"), b["details"].get("fdp_rule")
    if fdp_a != fdp_b:
        changed["fdp_rule"] = {"from": fdp_a, "to": fdp_b}
    low, high = sorted((first, second))
    texts_a = {(r["rule"], r["text"]) for r in a["reasons"]}
    texts_b = {(r["rule"], r["text"]) for r in b["reasons"]}
    return {
        "id": case.get("id"),
        "dates": [first.isoformat(), second.isoformat()],
        "changed": changed,
        "reasons_only_on_first": [r for r in a["reasons"] if (r["rule"], r["text"]) not in texts_b],
        "reasons_only_on_second": [
            r for r in b["reasons"] if (r["rule"], r["text"]) not in texts_a
        ],
        "events_between": _events_between(engine, low, high),
        "table_changes_between": table_changes_between(case, low, high),
        "decisions": [a, b],
    }


def _events_between(engine: Engine, low: date, high: date) -> list[dict[str, Any]]:
    return [
        {
            "id": e.id,
            "effective_from": e.effective_from.isoformat(),
            "citation": e.citation,
            "title": e.title,
            "regulatory": e.regulatory,
        }
        for e in engine.regdata.timeline.events
        if low < e.effective_from <= high
    ]


def table_changes_between(case: dict[str, Any], low: date, high: date) -> list[dict[str, Any]]:
    """The amendments of the log effective after ``low`` up to ``high``, oldest first."""
    destination = str(case.get("destination") or "").upper()
    item = case.get("item")
    eccn = str(item.get("eccn") or "").upper() if isinstance(item, dict) else ""
    return [
        {**a.brief(), "tables": list(a.tables), "changes": _changes(a, destination, eccn)}
        for a in amendment_log().between(low, high)
    ]


def _changes(a: Amendment, destination: str, eccn: str) -> list[dict[str, Any]]:
    """Each change of the amendment, with ``touches_case`` where it reaches this case."""
    out: list[dict[str, Any]] = []
    for c in a.chart:
        marks = [f"+{m}" for m in sorted(c.marks_added)] + [
            f"-{m}" for m in sorted(c.marks_removed)
        ]
        row = " (row added)" if c.row_added else " (row removed)" if c.row_removed else ""
        out.append(
            _change("country_chart", c.country, f"{' '.join(marks)}{row}", c.country == destination)
        )
    for g in a.groups:
        moves = [f"+{x}" for x in sorted(g.added_to)] + [f"-{x}" for x in sorted(g.removed_from)]
        out.append(_change("country_groups", g.country, " ".join(moves), g.country == destination))
    for e in a.ccl:
        touches = bool(eccn) and (eccn == e.eccn.upper() or eccn.startswith(e.eccn.upper() + "."))
        out.append(_change("ccl", e.eccn, f"{e.change} {', '.join(e.fields)}".strip(), touches))
    for x in a.entity_list:
        text = f"{x.field}: {x.before!r} -> {x.after!r}"
        out.append(
            _change("entity_list", x.entry, text, bool(destination) and x.country == destination)
        )
    return out


def _change(table: str, subject: str, text: str, touches: bool) -> dict[str, Any]:
    return {"table": table, "subject": subject, "change": text, "touches_case": touches}
