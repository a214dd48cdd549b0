"""License requirements by item and destination: the Commerce Country Chart (15 CFR 738.4,
Supplement No. 1 to Part 738) and the embargoes of Part 746.

In force throughout the period earmark covers; the chart itself is the bundled 2026-07-23 eCFR
version (regdata: ear-country-chart), so a change to a chart cell before that date is not
reflected (Hong Kong's row was removed on 2020-12-23: before that date Hong Kong is treated as
China here as well, which is stricter than the law was).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from earmark.regdata.ear_tables import EarTables

EMBARGOED = {
    "CU": ("15 CFR 746.2", "Cuba"),
    "IR": ("15 CFR 746.7", "Iran"),
    "KP": ("15 CFR 746.4", "North Korea"),
    "SY": ("15 CFR 746.9", "Syria"),
}


@dataclass(frozen=True, slots=True)
class ChartAnswer:
    required: bool | None  # None: the ECCN points elsewhere, or the facts do not settle it
    columns: tuple[str, ...]  # the chart columns with an X for this destination
    refers: tuple[str, ...]  # controls that point elsewhere (Part 742, 746, a paragraph)
    text: str


# 746.8(a)(1): from these dates a license is required for every item on the CCL to Russia
# and Belarus (87 FR 12226, 87 FR 13048); EAR99 items only where Supplements 2, 4 and 5 to
# Part 746 name them (not modelled: asked for as a fact).
RUSSIA_BELARUS = {"RU": date(2022, 2, 24), "BY": date(2022, 3, 2)}


def russia_belarus(case: Any, ear99: bool, decision: Any) -> bool | None:
    since = RUSSIA_BELARUS.get(case.destination)
    if since is None or case.date < since:
        return None
    if ear99:
        decision.missing("whether the EAR99 item is named in Supplement No. 2, 4 or 5 to Part 746")
        return None
    decision.because(
        "15 CFR 746.8(a)(1)",
        "87 FR 12226",
        "Russia and Belarus sanctions: a license is required for all items on the "
        f"Commerce Control List (since {since}); policy of denial (746.8(b)).",
        "license",
    )
    return True


def embargo(destination: str) -> tuple[str, str] | None:
    """(CFR section, country) when the destination is under a Part 746 embargo."""
    return EMBARGOED.get(destination)


_ANSWERS: dict[tuple[int, str, str], ChartAnswer] = {}


def chart_requirement(ear: EarTables, eccn: str, destination: str) -> ChartAnswer:
    """The Country Chart answer for an ECCN and destination (remembered: the tables do not
    change while a process runs)."""
    key = (id(ear), eccn, destination)
    answer = _ANSWERS.get(key)
    if answer is None:
        if len(_ANSWERS) > 100_000:
            _ANSWERS.clear()
        answer = _ANSWERS[key] = _chart_requirement(ear, eccn, destination)
    return answer


def _chart_requirement(ear: EarTables, eccn: str, destination: str) -> ChartAnswer:
    """Whether the item's reasons for control need a license to the destination (738.4).

    Each control of the ECCN covers the whole entry, the entry but some paragraphs, or some
    paragraphs; whether it covers this item is decided on whole paragraph segments (3A001.a.1
    is under 3A001.a, not under 3A001.a.1.a). When the item's paragraph does not settle it, or
    a control points elsewhere in a way earmark does not read, the answer is None."""
    parsed = ear.ccl.parse_eccn(eccn, "item.eccn")
    if parsed.is_ear99:
        return ChartAnswer(False, (), (), "EAR99: no license requirement under the Country Chart")
    entry = ear.ccl.require(parsed, "item.eccn")
    if entry is None:
        return ChartAnswer(False, (), (), f"{parsed.text}: no CCL entry")
    row = ear.country_chart.row(destination)
    if row is None:
        return ChartAnswer(None, (), (), f"{destination} has no Country Chart row")
    columns: list[str] = []
    refers: list[str] = []
    open_questions: list[str] = []
    groups = ear.country_groups.groups_of(destination)
    for control in entry.chart_controls:
        covers = covers_item(parsed.text, control.scope, control.entire_entry)
        if covers is False:
            continue
        if control.column is not None:
            if not row.has_mark(control.column):
                continue
            if covers:
                columns.append(control.column)
            else:
                open_questions.append(f"{control.reason} ({control.column}) for {control.scope}")
            continue
        if control.reason == "UN" or control.reason is None:
            continue  # UN embargoes (746.1) and sector sanctions are checked as embargoes
        applies = _destination_named(control.text, row.name, destination, groups)
        if applies and covers:
            columns.append(f"{control.reason} ({control.text})")
        elif applies is None or (applies and covers is None):
            refers.append(f"{control.reason}: {control.scope} -> {control.text}")
    reasons = ", ".join(entry.reasons)
    if columns:
        return ChartAnswer(
            True,
            tuple(columns),
            tuple(refers),
            f"{parsed.text} ({reasons}) to {row.name}: license required for {', '.join(columns)}",
        )
    if open_questions or refers:
        what = "; ".join(open_questions + refers)
        return ChartAnswer(
            None,
            (),
            tuple(refers),
            f"{parsed.text} ({reasons}) to {row.name}: depends on the item's "
            f"paragraph or on a Part 742 requirement ({what})",
        )
    return ChartAnswer(
        False,
        (),
        (),
        f"{parsed.text} ({reasons}) to {row.name}: no X in the columns its "
        "reasons for control name",
    )


_PARAGRAPH = re.compile(
    r"\b(\d[A-Ea-e]\d{3}(?:\.[a-z0-9]+)*)|(?<![\w.])(\.[a-z0-9]+(?:\.[a-z0-9]+)*)"
)


def _paragraphs(scope: str) -> list[list[str]]:
    """Paragraph paths named in a scope: "9A610.t, .u, and .w" -> [[9A610,t], [9A610,u], ...]."""
    out: list[list[str]] = []
    base: list[str] = []
    for full, short in _PARAGRAPH.findall(scope):
        if full:
            base = full.upper().split(".")[:1]
            out.append([base[0], *full.split(".")[1:]])
        elif short and base:
            out.append([base[0], *short.strip(".").split(".")])
    return out


def covers_item(item: str, scope: str, entire_entry: bool) -> bool | None:
    """Whether a control's scope covers the item: True, False, or None (its paragraph would
    tell)."""
    if entire_entry:
        return True
    path = [item.split(".")[0].upper(), *item.split(".")[1:]]
    lowered = scope.lower()
    named = _paragraphs(scope)
    if lowered.startswith("entire entry"):
        excluded = named if "except" in lowered else []
        for p in excluded:
            if path[: len(p)] == p:
                return False
            if p[: len(path)] == path:
                return None  # the item is less precise than the exception
        return True
    if not named:
        return None  # a scope in words ("when usable in missiles"): the facts would tell
    below = False
    for p in named:
        if path[: len(p)] == p:
            return True  # the item is (under) a named paragraph
        if p[: len(path)] == path:
            below = True  # a named paragraph is under the item: its paragraph would tell
    return None if below else False


def _destination_named(text: str, row_name: str, code: str, groups: frozenset[str]) -> bool | None:
    """Whether a control that points elsewhere names this destination."""
    lowered = text.lower()
    if "worldwide" in lowered or "any destination" in lowered or "all destinations" in lowered:
        return True
    if row_name.lower() in lowered:
        return True
    for group in ("D:1", "D:3", "D:4", "D:5", "E:1", "E:2"):
        if group.lower() in lowered and group in groups:
            return True
    if "macau" in lowered and code == "MO":
        return True
    if re.search(r"\b(china|russia|venezuela|iran|iraq|cuba|syria|north korea|belarus)\b", lowered):
        return False  # names countries, not this one
    return None
