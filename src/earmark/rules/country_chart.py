"""License requirements by item and destination: the Commerce Country Chart (15 CFR 738.4,
Supplement No. 1 to Part 738) and the embargoes of Part 746.

In force throughout the period earmark covers; the chart itself is the bundled 2026-07-23 eCFR
version (regdata: ear-country-chart), so a change to a chart cell before that date is not
reflected (Hong Kong's row was removed on 2020-12-23: before that date Hong Kong is treated as
China here as well, which is stricter than the law was).
"""

from __future__ import annotations

from dataclasses import dataclass

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


def embargo(destination: str) -> tuple[str, str] | None:
    """(CFR section, country) when the destination is under a Part 746 embargo."""
    return EMBARGOED.get(destination)


def chart_requirement(ear: EarTables, eccn: str, destination: str) -> ChartAnswer:
    """Whether the item's reasons for control need a license to the destination (738.4)."""
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
    for control in entry.chart_controls:
        if control.column is not None and control.entire_entry:
            if row.has_mark(control.column):
                columns.append(control.column)
        elif control.column is not None:
            # Applies to part of the entry only: whether this item is in that part is a fact
            # of its classification (the paragraph), which the ECCN text may or may not give.
            if row.has_mark(control.column) and _paragraph_in_scope(parsed.text, control.scope):
                columns.append(control.column)
        else:
            refers.append(f"{control.reason or '?'}: {control.scope}")
    if columns:
        return ChartAnswer(
            True,
            tuple(columns),
            tuple(refers),
            f"{parsed.text} ({', '.join(entry.reasons)}) to {row.name}: "
            f"an X in {', '.join(columns)}",
        )
    return ChartAnswer(
        False,
        (),
        tuple(refers),
        f"{parsed.text} ({', '.join(entry.reasons)}) to {row.name}: "
        "no X in the columns its reasons for control name",
    )


def _paragraph_in_scope(eccn_text: str, scope: str) -> bool:
    """A control for part of an entry ("items controlled by 5A992.z.1") covers this item when
    the item's paragraph is named in the scope."""
    return bool(eccn_text) and eccn_text.lower() in scope.lower()
