"""Helpers shared by the source parsers (build time)."""

from __future__ import annotations

import gzip
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from earmark.regdata.fedreg import Citation, parse_citations
from earmark.regdata.footnotes import infer_footnotes, parse_footnotes
from earmark.regdata.ids import disambiguate, hashed_id
from earmark.regdata.model import ListEntry
from earmark.regdata.policies import normalise_policy

# "Entity List (EL) - Bureau of Industry and Security" -> "EL"
_LIST_CODE = re.compile(r"\(([A-Z][A-Z-]*(?: List)?)\)")

# Lists whose entries carry no number of their own (the Treasury lists carry OFAC's).
UNNUMBERED = frozenset({"EL", "DPL", "UVL", "MEU", "ISN", "DTC"})


@dataclass
class ParseReport:
    """What a parser met and did about it: counts of rows, and each quirk handled."""

    rows: int = 0
    entries: int = 0
    quirks: dict[str, int] = field(default_factory=dict)

    def note(self, quirk: str, n: int = 1) -> None:
        self.quirks[quirk] = self.quirks.get(quirk, 0) + n


@dataclass
class Parsed:
    """A parsed source: its entries, what the parser met, and the file's own metadata."""

    entries: list[ListEntry]
    report: ParseReport
    meta: dict[str, Any] = field(default_factory=dict)
    # entry id -> the citations of the entry with any date printed beside them in the source
    dated_citations: dict[str, list[Citation]] = field(default_factory=dict)


def finish(
    entries: list[ListEntry],
    raw_citations: list[str | None],
    report: ParseReport,
    meta: dict[str, Any] | None = None,
) -> Parsed:
    """Assign hashed ids and collect the dated citations, keeping the rows' order."""
    entries = assign_hashed_ids(entries)
    report.entries = len(entries)
    dated = {
        e.id: cites
        for e, raw in zip(entries, raw_citations, strict=True)
        if (cites := parse_citations(raw)) and any(c.published for c in cites)
    }
    return Parsed(entries, report, meta or {}, dated)


def list_code(source_name: str) -> str:
    m = _LIST_CODE.search(source_name)
    if not m:
        raise ValueError(f"no list code in source name {source_name!r}")
    return m.group(1).removesuffix(" List")


def read_text(path: Path, encoding: str = "utf-8") -> str:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rb") as fh:
        raw = fh.read()
    return raw.decode(encoding)


def clean(value: str | None) -> str | None:
    """Trim, fold inner whitespace, drop the empty markers the sources use."""
    if value is None:
        return None
    text = " ".join(value.split())
    return None if text in ("", "-0-") else text


def clean_address(text: str) -> str:
    """ "5 Dzerzhinsky Ave.,, Minsk" -> "5 Dzerzhinsky Ave., Minsk"; no trailing commas."""
    text = re.sub(r"(,\s*)+,", ",", " ".join(text.split()))
    return text.strip(" ,;")


def split_multi(value: str | None, sep: str = ";") -> tuple[str, ...]:
    """Split a joined field; a list written as "A; and B" loses the "and" of its last item."""
    if not value:
        return ()
    parts = (clean(p) for p in value.split(sep))
    out = (p[4:] if i > 0 and p.lower().startswith("and ") else p for i, p in enumerate(parts) if p)
    return tuple(dict.fromkeys(out))


def with_policy_and_footnotes(entry: ListEntry) -> ListEntry:
    footnotes = parse_footnotes(entry.license_requirement)
    inferred = not footnotes and bool(infer_footnotes(entry.license_requirement))
    return replace(
        entry,
        review_policy=normalise_policy(entry.license_policy),
        footnotes=footnotes or infer_footnotes(entry.license_requirement),
        footnotes_inferred=inferred,
    )


def _suffix_order(entry: ListEntry) -> tuple[object, ...]:
    """Same-name entries are numbered by first citation, then countries, then source id."""
    cites = [c for t in entry.federal_register for c in parse_citations(t) if c.page is not None]
    first = min(((c.volume, c.page or 0) for c in cites), default=(999, 0))
    return (entry.list, first, tuple(sorted(entry.countries)), entry.source_ids)


def assign_hashed_ids(entries: list[ListEntry]) -> list[ListEntry]:
    """Give unnumbered entries their stable hashed ids (see :mod:`earmark.regdata.ids`)."""
    order = sorted(range(len(entries)), key=lambda i: _suffix_order(entries[i]))
    base = {i: hashed_id(entries[i].list, entries[i].name) for i in order}
    final = dict(zip(order, disambiguate([base[i] for i in order]), strict=True))
    return [
        replace(e, id=final[i]) if e.list in UNNUMBERED or not e.id else e
        for i, e in enumerate(entries)
    ]
