"""The amendment log: Federal Register rules that changed the bundled EAR tables.

The bundled Country Chart, Country Groups and CCL are the 2026 texts. ``data/amendments.toml``
records, one entry per rule, what each rule changed (with its effective date, citation and
whether the change was checked against a source: ``verified``, or is background knowledge);
the tables as they stood on an earlier date are the 2026 tables with every later amendment
undone (:mod:`earmark.regdata.dated`). ``[coverage]`` says from which date the log is believed
complete for each table. Research notes and gaps: docs/amendments-research.md.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from earmark.errors import DataError

DATA = Path(__file__).resolve().parent / "data" / "amendments.toml"


@dataclass(frozen=True, slots=True)
class ChartChange:
    country: str
    marks_added: frozenset[str]
    marks_removed: frozenset[str]
    row_added: bool
    row_removed: bool
    status: str


@dataclass(frozen=True, slots=True)
class GroupChange:
    country: str
    added_to: frozenset[str]
    removed_from: frozenset[str]
    status: str


@dataclass(frozen=True, slots=True)
class CclChange:
    eccn: str
    change: str  # added | removed | revised
    fields: tuple[str, ...]
    before_reasons: tuple[str, ...] | None
    before_controls: tuple[dict[str, str], ...] | None
    before_license_exceptions: dict[str, str] | None
    note: str
    status: str
    paragraphs_added: tuple[str, ...] = ()  # paragraphs of an existing entry this rule added

    @property
    def before_known(self) -> bool:
        """Whether the log gives the entry as it stood before (for a revision)."""
        return self.before_controls is not None or (
            self.before_reasons is not None and "controls" not in self.fields
        )


@dataclass(frozen=True, slots=True)
class EntryChange:
    entry: str  # the listed name
    country: str | None
    field: str  # license_requirement | license_policy | footnote | ...
    before: str
    after: str
    status: str


@dataclass(frozen=True, slots=True)
class Amendment:
    id: str
    citation: str
    published: date
    effective: date
    title: str
    status: str
    summary: str
    sources: tuple[str, ...]
    chart: tuple[ChartChange, ...]
    groups: tuple[GroupChange, ...]
    ccl: tuple[CclChange, ...]
    entity_list: tuple[EntryChange, ...]

    def brief(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "effective": self.effective.isoformat(),
            "citation": self.citation,
            "title": self.title,
            "status": self.status,
        }

    @property
    def tables(self) -> tuple[str, ...]:
        out = []
        for name, changes in (
            ("country_chart", self.chart),
            ("country_groups", self.groups),
            ("ccl", self.ccl),
            ("entity_list", self.entity_list),
        ):
            if changes:
                out.append(name)
        return tuple(out)


@dataclass(frozen=True, slots=True)
class Coverage:
    table: str
    since: date
    note: str


@dataclass(frozen=True, slots=True)
class Gap:
    """A table fact of the 2026 tables whose start the log cannot date."""

    table: str
    country: str
    group: str
    known_from: date
    note: str
    remove: tuple[str, ...] = ()  # the membership before, as far as it is known
    add: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class AmendmentLog:
    amendments: tuple[Amendment, ...]  # newest first
    coverage: dict[str, Coverage]
    sha256: str
    gaps: tuple[Gap, ...] = ()

    def gaps_for(self, country: str, day: date) -> tuple[Gap, ...]:
        return tuple(g for g in self.gaps if g.country == country and day < g.known_from)

    def after(self, day: date) -> tuple[Amendment, ...]:
        """The amendments that took effect after ``day``, newest first (to be undone)."""
        return tuple(a for a in self.amendments if a.effective > day)

    def between(self, low: date, high: date) -> tuple[Amendment, ...]:
        return tuple(a for a in reversed(self.amendments) if low < a.effective <= high)


def amendment_log_sha256() -> str:
    """The hash of the log file, for the data version (without parsing the log)."""
    import hashlib

    return hashlib.sha256(DATA.read_bytes()).hexdigest()


@lru_cache(maxsize=1)
def amendment_log() -> AmendmentLog:
    import hashlib

    raw_bytes = DATA.read_bytes()
    try:
        raw = tomllib.loads(raw_bytes.decode("utf-8"))
        amendments = sorted(
            (_amendment(a) for a in raw["amendment"]), key=lambda a: (a.effective, a.id)
        )
        coverage = {
            table: Coverage(table, c["from"], c.get("note", ""))
            for table, c in raw.get("coverage", {}).items()
        }
        gaps = tuple(
            Gap(
                g["table"],
                g["country"],
                g["group"],
                g["known_from"],
                g["note"],
                tuple(g.get("before", {}).get("remove", (g["group"],))),
                tuple(g.get("before", {}).get("add", ())),
            )
            for g in raw.get("gap", ())
        )
    except (KeyError, TypeError, ValueError, tomllib.TOMLDecodeError) as exc:
        raise DataError(f"amendment log corrupt: {DATA.name}: {exc!r}") from exc
    return AmendmentLog(
        tuple(reversed(amendments)), coverage, hashlib.sha256(raw_bytes).hexdigest(), gaps
    )


def _amendment(a: dict[str, Any]) -> Amendment:
    return Amendment(
        id=a["id"],
        citation=a["citation"],
        published=a["published"],
        effective=a["effective"],
        title=a["title"],
        status=a["status"],
        summary=a.get("summary", ""),
        sources=tuple(a.get("sources", ())),
        chart=tuple(
            ChartChange(
                c["country"],
                frozenset(c.get("marks_added", ())),
                frozenset(c.get("marks_removed", ())),
                bool(c.get("row_added", False)),
                bool(c.get("row_removed", False)),
                c.get("status", a["status"]),
            )
            for c in a.get("country_chart", ())
        ),
        groups=tuple(
            GroupChange(
                c["country"],
                frozenset(c.get("added_to", ())),
                frozenset(c.get("removed_from", ())),
                c.get("status", a["status"]),
            )
            for c in a.get("country_groups", ())
        ),
        ccl=tuple(
            CclChange(
                c["eccn"],
                c["change"],
                tuple(c.get("fields", ())),
                tuple(c["before_reasons"]) if "before_reasons" in c else None,
                tuple(c["before_controls"]) if "before_controls" in c else None,
                dict(c["before_license_exceptions"]) if "before_license_exceptions" in c else None,
                c.get("note", ""),
                c.get("status", a["status"]),
                tuple(p.upper() for p in c.get("paragraphs_added", ())),
            )
            for c in a.get("ccl", ())
        ),
        entity_list=tuple(
            EntryChange(
                c["entry"],
                c.get("country"),
                c["field"],
                str(c.get("before", "")),
                str(c.get("after", "")),
                c.get("status", a["status"]),
            )
            for c in a.get("entity_list", ())
        ),
    )
