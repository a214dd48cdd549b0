"""The dated timeline of regulatory actions behind the Huawei Entity List regime.

The data lives in ``data/timeline.toml`` beside this module: one ``[[event]]`` table per
Federal Register action, per version of a rule (the Huawei TGL, the footnote 1 FDP rule, the
standards exception, the Affiliates rule) and per non-regulatory policy event. This module
reads it into typed, immutable :class:`Event` records and answers date questions about them:
what was in force on a day, which version of a rule applied, which action an Entity List FR
citation (e.g. ``"84 FR 22963"``) points into.

Dates are inclusive: an event is in force from ``effective_from`` through ``effective_to``.
"""

from __future__ import annotations

import functools
import hashlib
import re
import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any, Literal, cast

from earmark.errors import DataError
from earmark.regdata.fedreg import first_citation

DEFAULT_PATH = Path(__file__).parent / "data" / "timeline.toml"

Verified = Literal["V", "K"]


class EventKind(StrEnum):
    ENTITY_LIST_ADDITION = "entity_list_addition"
    ENTITY_LIST_REVISION = "entity_list_revision"
    GENERAL_LICENSE = "general_license"
    FDP_RULE = "fdp_rule"
    EXCEPTION = "exception"
    CLARIFICATION = "clarification"
    RULE = "rule"
    GUIDANCE = "guidance"
    POLICY_EVENT = "policy_event"


# When several events come from one FR document, event_for_citation prefers them in this order:
# the Entity List cites the page of an entry, so an Entity List action is the likeliest target.
_KIND_PRIORITY: dict[EventKind, int] = {kind: rank for rank, kind in enumerate(EventKind)}

_ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_CITATION_RE = re.compile(r"^([1-9][0-9]{0,2}) FR ([1-9][0-9]{0,5})$")

_REQUIRED = (
    "id",
    "series",
    "kind",
    "title",
    "effective_from",
    "summary",
    "regulatory",
    "verified",
    "sources",
)
_OPTIONAL = (
    "effective_to",
    "published",
    "citation",
    "fr_pages",
    "fr_pages_exact",
    "cfr",
    "covers",
    "notes",
    "effective_time",
)
_KNOWN_KEYS = frozenset(_REQUIRED + _OPTIONAL)


@dataclass(frozen=True, slots=True)
class Event:
    """One dated regulatory action, or one version of a rule."""

    id: str
    series: str
    kind: EventKind
    title: str
    effective_from: date
    summary: str
    regulatory: bool
    verified: Verified
    sources: tuple[str, ...]
    effective_to: date | None = None  # last day in force, inclusive; None = open-ended
    published: date | None = None  # Federal Register publication date
    citation: str | None = None  # "84 FR 22961": volume and first page of the FR document
    fr_pages: tuple[int, int] | None = None  # first and last page of the FR document
    # False: the last page was not established; fr_pages ends at the highest page known to
    # belong to the document, which may run further.
    fr_pages_exact: bool = True
    cfr: tuple[str, ...] = ()
    covers: tuple[str, ...] = ()
    notes: str | None = None
    # The time of day it took effect, when not at the start of effective_from ("16:15 ET").
    effective_time: str | None = None

    def in_force(self, on: date) -> bool:
        """Whether the event is in force on ``on`` (both ends inclusive)."""
        return self.effective_from <= on and (self.effective_to is None or on <= self.effective_to)

    @property
    def fr_volume(self) -> int | None:
        """The Federal Register volume of ``citation``, if any."""
        return None if self.citation is None else _split_citation(self.citation)[0]

    def contains_page(self, volume: int, page: int) -> bool:
        """Whether FR page ``volume``/``page`` lies inside this event's FR document."""
        if self.citation is None or self.fr_pages is None:
            return False
        return self.fr_volume == volume and self.fr_pages[0] <= page <= self.fr_pages[1]


@dataclass(frozen=True, slots=True)
class Meta:
    """The ``[meta]`` table: what the file is and where its facts come from."""

    title: str
    compiled: date
    sources: tuple[str, ...]
    notes: str | None = None


class Timeline:
    """All events of one timeline file, sorted by ``effective_from`` then ``id``."""

    __slots__ = ("_by_id", "_events", "_meta", "_path", "_sha256")

    def __init__(self, events: tuple[Event, ...], meta: Meta, sha256: str, path: Path) -> None:
        ordered = tuple(sorted(events, key=lambda e: (e.effective_from, e.id)))
        by_id: dict[str, Event] = {}
        for event in ordered:
            if event.id in by_id:
                raise DataError(f"timeline: event {event.id!r}: id: duplicate id")
            by_id[event.id] = event
        self._events = ordered
        self._by_id = by_id
        self._meta = meta
        self._sha256 = sha256
        self._path = path

    @property
    def events(self) -> tuple[Event, ...]:
        return self._events

    @property
    def meta(self) -> Meta:
        return self._meta

    @property
    def sha256(self) -> str:
        """sha256 (hex) of the timeline file's bytes."""
        return self._sha256

    @property
    def path(self) -> Path:
        return self._path

    def __len__(self) -> int:
        return len(self._events)

    def __iter__(self) -> Iterator[Event]:
        return iter(self._events)

    def get(self, event_id: str) -> Event:
        """The event with this id; KeyError naming the id and the file if there is none."""
        try:
            return self._by_id[event_id]
        except KeyError:
            raise KeyError(f"no timeline event with id {event_id!r} in {self._path}") from None

    def series(self, name: str) -> tuple[Event, ...]:
        """The versions of one rule, oldest first; empty if the series is unknown."""
        return tuple(e for e in self._events if e.series == name)

    def series_names(self) -> tuple[str, ...]:
        return tuple(sorted({e.series for e in self._events}))

    def in_force(self, on: date) -> tuple[Event, ...]:
        """Events in force on ``on``: effective_from <= on <= effective_to (if any)."""
        return tuple(e for e in self._events if e.in_force(on))

    def version_in_force(self, series: str, on: date) -> Event | None:
        """The latest version of ``series`` that has started by ``on`` and not ended before it.

        None when no version applies on that day (before the first version, or in a gap such
        as the days between the Huawei TGL's expiry and its replacement).
        """
        current: Event | None = None
        for event in self._events:  # sorted by effective_from, then id
            if event.series == series and event.in_force(on):
                current = event
        return current

    def event_for_citation(self, citation: str) -> Event | None:
        """The regulatory event whose FR document contains the cited page, or None.

        Accepts "84 FR 22963", "84 F.R. 22963", "85 Fed. Reg. 51,603", also at the start of a
        longer string ("84 FR 22963, 5/21/19"). When one document holds several events, it
        prefers an event whose document starts on that page, then Entity List actions, then
        other kinds in the order of :class:`EventKind`, then the earliest.
        """
        parsed = parse_citation(citation)
        if parsed is None:
            return None
        volume, page = parsed
        candidates = [e for e in self._events if e.regulatory and e.contains_page(volume, page)]
        if not candidates:
            return None

        def rank(e: Event) -> tuple[int, int, date, str]:
            starts_here = e.fr_pages is not None and e.fr_pages[0] == page
            return (0 if starts_here else 1, _KIND_PRIORITY[e.kind], e.effective_from, e.id)

        return min(candidates, key=rank)


def parse_citation(text: str) -> tuple[int, int] | None:
    """(volume, page) of the first FR citation in ``text``, or None if there is none."""
    return first_citation(text)


def load_timeline(path: Path | None = None) -> Timeline:
    """Load and validate a timeline file; the bundled one (cached) when ``path`` is None."""
    if path is None:
        return _load_default()
    return _load(Path(path))


@functools.lru_cache(maxsize=1)
def _load_default() -> Timeline:
    return _load(DEFAULT_PATH)


def _load(path: Path) -> Timeline:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise DataError(f"timeline: cannot read {path}: {exc}") from exc
    try:
        doc = tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise DataError(f"timeline: {path} is not valid UTF-8 TOML: {exc}") from exc

    unknown_top = sorted(set(doc) - {"meta", "event"})
    if unknown_top:
        raise DataError(f"timeline: {path}: unknown top-level keys {unknown_top}")
    meta = _parse_meta(doc.get("meta"), path)
    tables = doc.get("event")
    if not isinstance(tables, list) or not tables:
        raise DataError(f"timeline: {path}: no [[event]] tables")

    events: list[Event] = []
    seen: set[str] = set()
    for index, table in enumerate(tables):
        if not isinstance(table, dict):
            raise DataError(f"timeline: {path}: event #{index + 1} is not a table")
        event = _parse_event(table, index)
        if event.id in seen:
            raise DataError(f"timeline: event {event.id!r}: id: duplicate id")
        seen.add(event.id)
        events.append(event)
    _check_documents(events)
    return Timeline(tuple(events), meta, hashlib.sha256(raw).hexdigest(), path)


def _parse_meta(table: object, path: Path) -> Meta:
    if not isinstance(table, dict):
        raise DataError(f"timeline: {path}: missing [meta] table")
    where = "timeline: [meta]"
    title = _str(table, "title", where)
    compiled = _date(table, "compiled", where)
    sources = _str_tuple(table, "sources", where)
    notes = _opt_str(table, "notes", where)
    if compiled is None or not sources:
        raise DataError(f"{where}: needs 'compiled' and non-empty 'sources'")
    return Meta(title=title, compiled=compiled, sources=sources, notes=notes)


def _parse_event(table: dict[str, Any], index: int) -> Event:
    raw_id = table.get("id")
    if not isinstance(raw_id, str) or not _ID_RE.match(raw_id):
        raise DataError(f"timeline: event #{index + 1}: id: missing or not kebab-case: {raw_id!r}")
    where = f"timeline: event {raw_id!r}"

    unknown = sorted(set(table) - _KNOWN_KEYS)
    if unknown:
        raise DataError(f"{where}: {unknown[0]}: unknown field")
    for key in _REQUIRED:
        if key not in table:
            raise DataError(f"{where}: {key}: required field missing")

    series = _str(table, "series", where)
    if not _ID_RE.match(series):
        raise DataError(f"{where}: series: not kebab-case: {series!r}")
    kind_text = _str(table, "kind", where)
    try:
        kind = EventKind(kind_text)
    except ValueError:
        known = ", ".join(k.value for k in EventKind)
        raise DataError(f"{where}: kind: unknown kind {kind_text!r} (known: {known})") from None

    effective_from = _date(table, "effective_from", where)
    if effective_from is None:  # present (checked above) but explicitly empty is impossible in TOML
        raise DataError(f"{where}: effective_from: required field missing")
    effective_to = _date(table, "effective_to", where)
    if effective_to is not None and effective_to < effective_from:
        raise DataError(
            f"{where}: effective_to: {effective_to} is before effective_from {effective_from}"
        )
    published = _date(table, "published", where)

    regulatory = table["regulatory"]
    if not isinstance(regulatory, bool):
        raise DataError(f"{where}: regulatory: must be true or false")
    verified = table["verified"]
    if verified not in ("V", "K"):
        raise DataError(f'{where}: verified: must be "V" or "K", not {verified!r}')

    citation = _opt_str(table, "citation", where)
    if citation is not None and not _CITATION_RE.match(citation):
        raise DataError(f"{where}: citation: not of the form '84 FR 22961': {citation!r}")
    fr_pages = _fr_pages(table, where, citation)
    fr_pages_exact = table.get("fr_pages_exact", True)
    if not isinstance(fr_pages_exact, bool):
        raise DataError(f"{where}: fr_pages_exact: must be true or false")
    if "fr_pages_exact" in table and fr_pages is None:
        raise DataError(f"{where}: fr_pages_exact: given without fr_pages")

    sources = _str_tuple(table, "sources", where)
    if not sources:
        raise DataError(f"{where}: sources: must name at least one source")

    return Event(
        id=raw_id,
        series=series,
        kind=kind,
        title=_str(table, "title", where),
        effective_from=effective_from,
        summary=_str(table, "summary", where),
        regulatory=regulatory,
        verified=cast(Verified, verified),
        sources=sources,
        effective_to=effective_to,
        published=published,
        citation=citation,
        fr_pages=fr_pages,
        fr_pages_exact=fr_pages_exact,
        cfr=_str_tuple(table, "cfr", where),
        covers=_str_tuple(table, "covers", where),
        notes=_opt_str(table, "notes", where),
        effective_time=_opt_str(table, "effective_time", where),
    )


def _fr_pages(table: Mapping[str, Any], where: str, citation: str | None) -> tuple[int, int] | None:
    value = table.get("fr_pages")
    if value is None:
        return None
    if (
        not isinstance(value, list)
        or len(value) != 2
        or not all(isinstance(p, int) and not isinstance(p, bool) and p > 0 for p in value)
    ):
        raise DataError(f"{where}: fr_pages: must be [first, last] positive page numbers")
    first, last = int(value[0]), int(value[1])
    if last < first:
        raise DataError(f"{where}: fr_pages: last page {last} is before first page {first}")
    if citation is None:
        raise DataError(f"{where}: fr_pages: given without a citation")
    if _split_citation(citation)[1] != first:
        raise DataError(f"{where}: fr_pages: first page {first} differs from citation {citation}")
    return first, last


def _check_documents(events: list[Event]) -> None:
    """Events citing one FR document must agree on its pages; documents may touch, not overlap."""
    documents: dict[str, tuple[tuple[int, int], str]] = {}
    for event in events:
        if event.citation is None or event.fr_pages is None:
            continue
        known = documents.get(event.citation)
        if known is None:
            documents[event.citation] = (event.fr_pages, event.id)
        elif known[0] != event.fr_pages:
            raise DataError(
                f"timeline: event {event.id!r}: fr_pages: {list(event.fr_pages)} differs from "
                f"{list(known[0])} given for the same document by {known[1]!r}"
            )
    spans = sorted(
        (_split_citation(citation)[0], pages[0], pages[1], event_id)
        for citation, (pages, event_id) in documents.items()
    )
    reach: tuple[int, int, str] | None = None  # (volume, furthest last page so far, its event)
    for volume, first, last, event_id in spans:
        # Two documents may share a boundary page (one ends where the next begins).
        if reach is not None and reach[0] == volume and first < reach[1]:
            raise DataError(
                f"timeline: event {event_id!r}: fr_pages: overlaps the document of {reach[2]!r}"
            )
        if reach is None or reach[0] != volume or last > reach[1]:
            reach = (volume, last, event_id)


def _split_citation(citation: str) -> tuple[int, int]:
    match = _CITATION_RE.match(citation)
    if match is None:  # validated on load; defensive for hand-built events
        raise ValueError(f"not an FR citation: {citation!r}")
    return int(match.group(1)), int(match.group(2))


def _str(table: Mapping[str, Any], key: str, where: str) -> str:
    value = table.get(key)
    if not isinstance(value, str) or not value.strip():
        raise DataError(f"{where}: {key}: must be a non-empty string")
    return value


def _opt_str(table: Mapping[str, Any], key: str, where: str) -> str | None:
    return None if table.get(key) is None else _str(table, key, where)


def _str_tuple(table: Mapping[str, Any], key: str, where: str) -> tuple[str, ...]:
    value = table.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise DataError(f"{where}: {key}: must be a list of non-empty strings")
    return tuple(value)


def _date(table: Mapping[str, Any], key: str, where: str) -> date | None:
    value = table.get(key)
    if value is None:
        return None
    # TOML local dates load as datetime.date; a datetime (a subclass) is not a date here.
    if isinstance(value, datetime) or not isinstance(value, date):
        raise DataError(f"{where}: {key}: must be a TOML date (YYYY-MM-DD), not {value!r}")
    return value
