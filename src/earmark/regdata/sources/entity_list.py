"""Parser for the eCFR-text parse of the Entity List and the MEU List (phagehunter/nsfreg, see
data/SOURCES.md). Build time only.

This source keeps full addresses and the country headers, and prints a date beside the first
Federal Register citation ("85 FR 51603, 8/20/20"); it has only that first citation, the
license requirement cut to 200 characters and no review policy. earmark uses it as an alternate
parse: to enrich the CSL entries with addresses and dated citations, never as a list version of
its own.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from earmark.regdata.countries import country_code
from earmark.regdata.fedreg import normalise_citations
from earmark.regdata.model import Address, ListEntry
from earmark.regdata.sources.common import (
    Parsed,
    ParseReport,
    clean,
    clean_address,
    finish,
    read_text,
    with_policy_and_footnotes,
)

_ADDRESS_SPLIT = re.compile(r";\s*(?:and\s+)?|\s+and\s+(?=\d)")


def parse_nsfreg(path: Path, list_code: str) -> Parsed:
    doc = json.loads(read_text(path))
    report = ParseReport()
    entries = []
    for row in doc["entities"]:
        report.rows += 1
        entries.append(_entry(row, list_code, report))
    if doc.get("count") not in (None, len(entries)):
        report.note("count_mismatch")
    meta = {k: v for k, v in doc.items() if k != "entities"}
    raw = [row.get("federal_register") for row in doc["entities"]]
    return finish(entries, raw, report, meta)


def _entry(row: dict[str, Any], code: str, report: ParseReport) -> ListEntry:
    country = country_code(row["country"]) if row.get("country") else None
    if row.get("country") and country is None:
        report.note("unresolved_country")
    addresses = tuple(
        Address(clean_address(part), country)
        for part in _ADDRESS_SPLIT.split(row.get("address") or "")
        if clean_address(part)
    )
    entry = ListEntry(
        id="",
        list=code,
        name=clean(row["name"]) or "",
        aliases=tuple(a for a in (clean(x) for x in row.get("aliases", ())) if a),
        countries=(country,) if country else (),
        addresses=addresses,
        federal_register=normalise_citations(row.get("federal_register")),
        license_requirement=clean(row.get("notes")),
        source_ids=(f"ecfr:{row['country']}:{row['name']}",),
    )
    return with_policy_and_footnotes(entry)
