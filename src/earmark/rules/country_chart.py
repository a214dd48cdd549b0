"""License requirements by item and destination: the Commerce Country Chart (15 CFR 738.4,
Supplement No. 1 to Part 738). The embargoes of Part 746 are :mod:`earmark.rules.part746`.

In force throughout the period earmark covers. The chart, the Country Groups and the CCL are
those in force on the case's date: the bundled 2026 tables with every later amendment undone
(:mod:`earmark.regdata.dated`; Hong Kong's own row, removed on 2020-12-23, is restored before
that date).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from earmark.regdata.countries import country_code
from earmark.regdata.ear_tables import (
    ChartControl,
    Coverage,
    Destinations,
    EarTables,
    ScopeReading,
    read_scope,
    scope_coverage,
)


@dataclass(frozen=True, slots=True)
class ChartAnswer:
    required: bool | None  # None: the ECCN points elsewhere, or the facts do not settle it
    columns: tuple[str, ...]  # the chart columns with an X for this destination
    refers: tuple[str, ...]  # controls that point elsewhere (Part 742, 746, a paragraph)
    text: str


_ANSWERS: dict[tuple[Any, ...], ChartAnswer] = {}


def chart_requirement(
    ear: EarTables,
    eccn: str,
    destination: str,
    *,
    exported_from: str | None = None,
    for_items: tuple[str, ...] | None = None,
) -> ChartAnswer:
    """The Country Chart answer for an ECCN and destination (remembered: the tables do not
    change while a process runs). ``exported_from``: the country the item leaves from, for the
    controls that apply only to exports from some places (742.6(a)(6)(ii)); ``for_items``: the
    ECCNs of the items software or technology is for ("3A001" for 3E001 technology for 3A001
    commodities). Without them, a control that depends on them gives None."""
    key = (id(ear), eccn, destination, exported_from, for_items)
    answer = _ANSWERS.get(key)
    if answer is None:
        if len(_ANSWERS) > 100_000:
            _ANSWERS.clear()
        answer = _ANSWERS[key] = _chart_requirement(
            ear, eccn, destination, exported_from=exported_from, for_items=for_items
        )
    return answer


def _chart_requirement(
    ear: EarTables,
    eccn: str,
    destination: str,
    *,
    exported_from: str | None = None,
    for_items: tuple[str, ...] | None = None,
) -> ChartAnswer:
    """Whether the item's reasons for control need a license to the destination (738.4).

    Each control of the ECCN covers the whole entry, the entry but some paragraphs, or some
    paragraphs; whether it covers this item is decided on whole paragraph segments (3A001.a.1
    is under 3A001.a, not under 3A001.a.1.a). A control without a chart column is decided by
    the destinations it names (Country Groups, countries, worldwide; § 742.15 for EI). When
    the item's paragraph or a fact does not settle it, the answer is None, with the question
    in the text."""
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
    origin_groups = ear.country_groups.groups_of(exported_from) if exported_from else frozenset()
    origin = country_code(exported_from) if exported_from else None
    for control in entry.chart_controls:
        cover = coverage(parsed.text, control, for_items)
        if cover.covered is False:
            continue
        why = "; ".join(cover.questions) or control.scope
        if control.column is not None:
            if not row.has_mark(control.column):
                continue
            if cover.covered:
                columns.append(control.column)
            else:
                open_questions.append(f"{control.reason} ({control.column}) for {why}")
            continue
        if control.reason == "UN" or control.reason is None:
            continue  # UN embargoes (746.1) and sector sanctions are checked as embargoes
        applies = _destination_named(
            control.text,
            row.name,
            destination,
            groups,
            scope=control.destinations,
            row_code=row.code,
            exported_from=origin,
            origin_groups=origin_groups,
        )
        if applies is False:
            continue
        if applies and cover.covered:
            columns.append(f"{control.reason} ({control.text})")
        elif applies:
            open_questions.append(f"{control.reason} ({control.text}) for {why}")
        else:
            where = _open_destination(control.destinations)
            refers.append(f"{control.reason}: {control.scope} -> {where or control.text}")
    # A reason the entry prints with no License Requirements line in the data (the source
    # lost it): what it requires is not known here.
    for reason in entry.reasons:
        if not any(c.reason == reason for c in entry.chart_controls):
            refers.append(f"{reason}: the entry's {reason} license requirement is not in the data")
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


def coverage(
    item: str, control: ChartControl, for_items: tuple[str, ...] | None = None
) -> Coverage:
    """Whether a control covers the item, with the questions that decide when it may."""
    if control.entire_entry:
        return Coverage(True)
    return scope_coverage(item, control.scope_reading(item), for_items)


def covers_item(
    item: str,
    scope: str,
    entire_entry: bool,
    reading: ScopeReading | None = None,
    for_items: tuple[str, ...] | None = None,
) -> bool | None:
    """Whether a control's scope covers the item: True, False, or None (its paragraph, or a
    fact the scope names, would tell). The scope is read into paragraphs and exclusions
    (:func:`~earmark.regdata.ear_tables.read_scope`), so "entire entry except: 9A610.b; parts
    and components controlled in 9A610.x if being exported ... for use in an aircraft
    controlled in 9A610.b; and 9A610.y" leaves a 9A610.x part to the fact (None), not out."""
    if entire_entry:
        return True
    found = reading if reading is not None else read_scope(item, scope)
    return scope_coverage(item, found, for_items).covered


def _open_destination(scope: Destinations | None) -> str | None:
    if scope is None:
        return None
    if scope.from_condition:
        places = ", ".join((*scope.from_countries, *scope.from_groups))
        return f"whether the item is exported from {places} ({scope.basis})"
    if scope.condition:
        return scope.condition
    return None


def _destination_named(
    text: str,
    row_name: str,
    code: str,
    groups: frozenset[str],
    *,
    scope: Destinations | None = None,
    row_code: str | None = None,
    exported_from: str | None = None,
    origin_groups: frozenset[str] = frozenset(),
) -> bool | None:
    """Whether a control that points elsewhere names this destination.

    With the destinations read at build time (``scope``) it is decided by Country Groups and
    country codes: an excluded country is out, a country named outright is in, then a group
    exclusion ("excluding any destination also specified in A:5") limits the groups and
    "worldwide"; a control that applies only to exports from some places needs ``exported_from``;
    a condition the data cannot test (CWC States Parties) gives None. Without ``scope`` the
    words of the cell are read as before."""
    if scope is not None:
        own = {code, row_code} - {None}
        if scope.from_condition:
            if exported_from is None:
                return None
            if exported_from not in scope.from_countries and not (
                origin_groups & set(scope.from_groups)
            ):
                return False
        if own & set(scope.except_countries):
            return False
        if own & set(scope.countries):
            return True  # named outright: "the United Arab Emirates or ... excluding A:5"
        if scope.condition:
            return None
        if groups & set(scope.except_groups):
            return False  # "excluding any destination also specified in A:5 or A:6"
        return bool(scope.worldwide or groups & set(scope.groups))
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
