"""The EAR tables as they stood on a date: the 2026 tables with every later amendment undone.

    tables = DatedTables(load_ear_tables(), amendment_log())
    ear = tables.on(date(2021, 6, 1))     # an EarTables of that date (same interface)
    tables.versions(date(2021, 6, 1))     # which version of each table, and why

Undoing an amendment: a Country Chart X it added is taken away and one it removed is put back
(a row it removed, as Hong Kong's on 2020-12-23, is restored); a Country Group membership it
gave is taken back and one it took is given back; a CCL entry it added did not exist before
it, and one it revised is restored from the log's ``before_*`` fields. A revision whose earlier
text the log does not give makes the entry unknown before that date (the engine then answers
``null`` with the missing fact). Dates in the same interval between amendments share one
EarTables object.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from types import MappingProxyType
from typing import Any

from earmark.regdata.amendments import Amendment, AmendmentLog, CclChange, EntryChange, Gap
from earmark.regdata.countries import country_code, country_name
from earmark.regdata.ear_tables import (
    Ccl,
    CclEntry,
    ChartControl,
    ChartRow,
    CountryChart,
    CountryGroups,
    Destinations,
    EarTables,
    ExceptionFlag,
    normalise_column,
    read_scope,
)
from earmark.regdata.model import ListEntry


@dataclass(frozen=True, slots=True)
class DatedCcl(Ccl):
    """The CCL of a date: ``absent`` entries did not exist yet; ``unknown`` ones were revised
    later by a rule whose earlier text the log does not give."""

    absent: MappingProxyType[str, Amendment] = field(default_factory=lambda: MappingProxyType({}))
    unknown: MappingProxyType[str, Amendment] = field(default_factory=lambda: MappingProxyType({}))
    # Paragraphs of existing entries added later ("3A090.c" before 2024-12-02).
    absent_paragraphs: MappingProxyType[str, Amendment] = field(
        default_factory=lambda: MappingProxyType({})
    )

    def require(self, eccn: Any, field: str = "eccn") -> CclEntry | None:
        from earmark.errors import BadInput

        parsed = eccn if not isinstance(eccn, str) else self.parse_eccn(eccn, field)
        added = self.absent.get(parsed.base)
        if added is not None:
            raise BadInput(
                field,
                f"ECCN {parsed.text!r} did not exist on this date: it was added on "
                f"{added.effective} ({added.citation})",
            )
        text = parsed.text.upper()
        for paragraph, amendment in self.absent_paragraphs.items():
            if text == paragraph or text.startswith(paragraph + "."):
                raise BadInput(
                    field,
                    f"ECCN paragraph {paragraph} did not exist on this date: it was added on "
                    f"{amendment.effective} ({amendment.citation})",
                )
        return Ccl.require(self, parsed, field)  # slots=True: no zero-argument super()


class DatedTables:
    def __init__(self, ear: EarTables, log: AmendmentLog) -> None:
        self.ear = ear
        self.log = log
        self._cache: dict[tuple[str, ...], EarTables] = {}
        self._versions: dict[tuple[str, ...], dict[str, Any]] = {}
        self._variants: dict[tuple[int, str, str], EarTables] = {}

    def on(self, day: date) -> EarTables:
        undo = self.log.after(day)
        key = tuple(a.id for a in undo)
        found = self._cache.get(key)
        if found is None:
            found = self._cache[key] = self._build(undo)
        return found

    def without(self, day: date, gap: Gap) -> EarTables:
        """The tables of ``day`` with a membership the log cannot date set as it stood before
        (the engine decides again with them to see whether the answer turns on it)."""
        ear = self.on(day)
        key = (id(ear), gap.country, gap.group)
        kept = self._variants.get(key)
        if kept is not None:
            return kept  # kept alive: the engine's memos key on the tables' identity
        groups = ear.country_groups
        member = {g: set(c) for g, c in groups.group_members.items()}
        for g in gap.remove:
            member.setdefault(g, set()).discard(gap.country)
        for g in gap.add:
            member.setdefault(g, set()).add(gap.country)
        by_code: dict[str, set[str]] = {}
        for g, codes in member.items():
            for code in codes:
                by_code.setdefault(code, set()).add(g)
        variant = replace(
            groups,
            group_members=MappingProxyType({g: frozenset(c) for g, c in member.items()}),
            memberships=MappingProxyType({c: frozenset(g) for c, g in by_code.items()}),
        )
        kept = self._variants[key] = replace(ear, country_groups=variant)
        return kept

    def versions(self, day: date) -> dict[str, Any]:
        """Which version of each table applies on ``day``: the bundled dataset, the later
        amendments undone, and the log's coverage of the table (details.versions)."""
        undo = self.log.after(day)
        key = tuple(a.id for a in undo)
        known = self._versions.get(key)
        if known is not None:
            return _copy_versions(known)
        ear = self.ear
        out: dict[str, Any] = {}
        for table, dataset in (
            ("country_chart", ear.country_chart.dataset),
            ("country_groups", ear.country_groups.dataset),
            ("ccl", ear.ccl.dataset),
        ):
            undone = [f"{a.effective} {a.citation}" for a in undo if table in a.tables]
            coverage = self.log.coverage.get(table)
            out[table] = {
                "base": dataset.id,
                "undone": undone,
                "log_complete_from": coverage.since.isoformat() if coverage else None,
            }
        out["amendment_log_sha256"] = self.log.sha256[:16]
        self._versions[key] = out
        return _copy_versions(out)

    # -- building ------------------------------------------------------------------------

    def _build(self, undo: tuple[Amendment, ...]) -> EarTables:
        if not undo:
            return self.ear
        return replace(
            self.ear,
            country_chart=self._chart(undo),
            country_groups=self._groups(undo),
            ccl=self._ccl(undo),
        )

    def _chart(self, undo: tuple[Amendment, ...]) -> CountryChart:
        chart = self.ear.country_chart
        rows: dict[str, ChartRow | None] = dict(chart.rows)
        for amendment in undo:  # newest first
            for c in amendment.chart:
                row = rows.get(c.country)
                marks = set(row.marks) if row else set()
                marks -= {normalise_column(m) for m in c.marks_added}
                marks |= {normalise_column(m) for m in c.marks_removed}
                if c.row_added:
                    rows[c.country] = None
                    continue
                if row is None and not c.row_removed and not marks:
                    continue
                base = row or ChartRow(
                    c.country, country_name(c.country), frozenset(), (), c.country
                )
                rows[c.country] = replace(base, marks=frozenset(marks))
        kept = {k: v for k, v in rows.items() if v is not None}
        return replace(chart, rows=MappingProxyType(kept))

    def _groups(self, undo: tuple[Amendment, ...]) -> CountryGroups:
        groups = self.ear.country_groups
        member: dict[str, set[str]] = {g: set(c) for g, c in groups.group_members.items()}
        for amendment in undo:
            for c in amendment.groups:
                for g in c.added_to:
                    member.setdefault(g, set()).discard(c.country)
                for g in c.removed_from:
                    member.setdefault(g, set()).add(c.country)
        by_code: dict[str, set[str]] = {}
        for g, codes in member.items():
            for code in codes:
                by_code.setdefault(code, set()).add(g)
        return replace(
            groups,
            group_members=MappingProxyType({g: frozenset(c) for g, c in member.items()}),
            memberships=MappingProxyType({c: frozenset(g) for c, g in by_code.items()}),
        )

    def _ccl(self, undo: tuple[Amendment, ...]) -> DatedCcl:
        ccl = self.ear.ccl
        entries: dict[str, CclEntry] = dict(ccl.entries)
        absent: dict[str, Amendment] = {}
        unknown: dict[str, Amendment] = {}
        paragraphs: dict[str, Amendment] = {}
        for amendment in undo:  # newest first: the oldest undone is applied last
            for c in amendment.ccl:
                base = c.eccn.upper()
                for paragraph in c.paragraphs_added:
                    paragraphs[paragraph] = amendment
                if c.change == "added":
                    entries.pop(base, None)
                    unknown.pop(base, None)
                    absent[base] = amendment
                    continue
                absent.pop(base, None)
                current = entries.get(base)
                if not c.before_known:
                    if current is not None and {"reasons", "controls"} & set(c.fields):
                        unknown[base] = amendment
                    continue
                entries[base] = _restored(current, base, c)
                unknown.pop(base, None)
        return DatedCcl(
            dataset=ccl.dataset,
            citation=ccl.citation,
            entries=MappingProxyType(entries),
            deep_categories=ccl.deep_categories,
            absent=MappingProxyType(absent),
            unknown=MappingProxyType(unknown),
            absent_paragraphs=MappingProxyType(paragraphs),
        )


def _copy_versions(versions: dict[str, Any]) -> dict[str, Any]:
    """A copy the caller may change: the tables' dicts and their lists of strings."""
    return {
        k: ({**v, "undone": list(v["undone"])} if isinstance(v, dict) else v)
        for k, v in versions.items()
    }


def _restored(current: CclEntry | None, eccn: str, change: CclChange) -> CclEntry:
    """The entry as the log says it stood before ``change``."""
    reasons = change.before_reasons
    controls = (
        tuple(_control(eccn, c) for c in change.before_controls)
        if change.before_controls is not None
        else None
    )
    flags = (
        {s: _flag(s, t) for s, t in change.before_license_exceptions.items()}
        if change.before_license_exceptions is not None
        else None
    )
    if current is None:  # removed later: rebuilt from the log alone
        return CclEntry(
            eccn=eccn,
            category=eccn[0],
            product_group=eccn[1],
            heading=change.note or eccn,
            reason_text=", ".join(reasons or ()),
            reasons=tuple(reasons or ()),
            other_reasons=(),
            chart_controls=controls or (),
            license_exceptions=MappingProxyType(flags or {}),
            sta_special_conditions=None,
            related_controls=None,
        )
    return replace(
        current,
        reasons=tuple(reasons) if reasons is not None else current.reasons,
        chart_controls=controls if controls is not None else current.chart_controls,
        license_exceptions=MappingProxyType(flags)
        if flags is not None
        else current.license_exceptions,
    )


def _flag(symbol: str, text: str) -> ExceptionFlag:
    lowered = text.strip().casefold()
    status = "no" if lowered in ("n/a", "no") else "yes" if lowered == "yes" else "conditional"
    value = re.search(r"\$\s*([\d,]+)", text)
    return ExceptionFlag(
        symbol, text, status, int(value.group(1).replace(",", "")) if value else None
    )


_GROUP = re.compile(r"(?<![\w:])([A-E]):([0-9])\b")
_EXCEPT = re.compile(r"\b(?:except(?:ing)?(?:\s+for)?|excluding)\b", re.I)
_WORLD = re.compile(r"\bworldwide\b|\ball destinations\b|\bany destination\b", re.I)
_PLACE = re.compile(r"[A-Z][a-z]+(?:\s+(?:[A-Z][a-z]+|of|the|\(PRC\)))*")


def _control(eccn: str, raw: dict[str, str]) -> ChartControl:
    """A License Requirements line of the log's before-state, read as the build reads one."""
    scope = raw.get("scope", "entire entry")
    column = normalise_column(raw["column"]) if raw.get("column") else None
    text = raw.get("text", "")
    entire = scope.strip().casefold() == "entire entry"
    references = tuple(re.findall(r"§\s*(\d{3}\.\d+(?:\([a-z0-9]+\))*)", text))
    return ChartControl(
        reason=raw.get("reason") or None,
        scope=scope,
        entire_entry=entire,
        column=column,
        refers_elsewhere=column is None,
        references=references,
        control=f"{raw.get('reason', '')} applies to {scope}",
        text=text,
        reading=read_scope(eccn, scope),
        destinations=None if column is not None else _destinations(text),
    )


def _destinations(text: str) -> Destinations | None:
    from earmark.regdata.sources.ear_tables import _POINTER, SECTION_DESTINATIONS

    pointer = _POINTER.match(text)
    if pointer:  # "Refer to § 742.15": the section's own destinations, as the build reads them
        known = SECTION_DESTINATIONS[pointer.group(1)]
        return Destinations(
            countries=(),
            groups=(),
            worldwide=bool(known.get("worldwide")),
            except_countries=tuple(known.get("except_countries", ())),
            except_groups=(),
            basis=known["basis"],
        )
    body = re.sub(r"\bSee\b.*$", "", text, flags=re.S)
    split = _EXCEPT.search(body)
    include, exclude = (body[: split.start()], body[split.end() :]) if split else (body, "")

    def read(part: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
        codes = []
        for m in _PLACE.finditer(part):
            code = country_code(m.group(0).replace("(PRC)", "").strip())
            if code and code not in codes:
                codes.append(code)
        groups = tuple(dict.fromkeys(f"{a}:{b}" for a, b in _GROUP.findall(part)))
        return tuple(codes), groups

    countries, groups = read(include)
    except_countries, except_groups = read(exclude)
    worldwide = bool(_WORLD.search(include))
    if not (countries or groups or worldwide):
        return None
    return Destinations(
        countries=countries,
        groups=groups,
        worldwide=worldwide,
        except_countries=except_countries,
        except_groups=except_groups,
        basis="amendment log, before-state: " + " ".join(text.split()),
    )


def entry_as_of(
    entry: ListEntry, day: date, log: AmendmentLog
) -> tuple[ListEntry, tuple[str, ...]]:
    """An Entity List entry's text on ``day``: the snapshot's version with the log's later
    revisions of it undone (the SMIC group's 2024-12-02 policy, Huawei's 2020 footnote 1).
    A revision is undone only where the version still reads as the revision left it, so a
    snapshot older than the revision is not changed twice. Returns the entry and the
    citations undone."""
    if entry.list != "EL":
        return entry, ()
    names = {n.casefold() for n in entry.names}
    undone: list[str] = []
    for amendment in log.after(day):  # newest first
        for change in amendment.entity_list:
            if change.entry.casefold() not in names:
                continue
            if change.country and entry.countries and change.country not in entry.countries:
                continue
            revised = _undo_entry_change(entry, change)
            if revised is not entry:
                entry = revised
                undone.append(amendment.citation)
    return entry, tuple(dict.fromkeys(undone))


def _same(a: str | None, b: str) -> bool:
    """The same text but for spacing and case ("§§734.4(a)(9)" is "§§ 734.4(a)(9)"): the
    list copies and the Federal Register space differently."""
    return "".join((a or "").split()).casefold() == "".join(b.split()).casefold()


def _undo_entry_change(entry: ListEntry, change: EntryChange) -> ListEntry:
    from earmark.regdata.policies import normalise_policy

    if change.field == "license_requirement" and _same(entry.license_requirement, change.after):
        return replace(entry, license_requirement=change.before or None)
    if change.field == "license_policy" and _same(entry.license_policy, change.after):
        return replace(
            entry,
            license_policy=change.before or None,
            review_policy=normalise_policy(change.before),
        )
    if change.field == "footnote":
        after = {int(x) for x in re.findall(r"\d+", change.after)}
        before = {int(x) for x in re.findall(r"\d+", change.before)}
        if after and after <= set(entry.footnotes):
            kept = (set(entry.footnotes) - after) | before
            return replace(entry, footnotes=tuple(sorted(kept)))
    return entry
