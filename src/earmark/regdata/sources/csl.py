"""Parsers for the Consolidated Screening List (trade.gov): the full 2022 CSV and the reduced
2026 JSON (see data/SOURCES.md). Build time only: the package loads the normalised bundle."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path
from typing import Any

from earmark.regdata.countries import country_code
from earmark.regdata.fedreg import normalise_citations
from earmark.regdata.ids import numbered_id
from earmark.regdata.model import Address, ListEntry
from earmark.regdata.sources.common import (
    UNNUMBERED,
    Parsed,
    ParseReport,
    clean,
    clean_address,
    finish,
    list_code,
    read_text,
    split_multi,
    with_policy_and_footnotes,
)

_TYPES = {
    "entity": "entity",
    "individual": "individual",
    "vessel": "vessel",
    "aircraft": "aircraft",
}


def _countries(values: list[str], report: ParseReport) -> tuple[str, ...]:
    """ISO codes; the CSL also writes names ("TURKIYE", "PRC", "REGION: WEST BANK")."""
    out = []
    for value in values:
        value = value.strip()
        if len(value) == 2 and value.isalpha():
            out.append(value.upper())
            continue
        code = country_code(value) or country_code(value.removeprefix("REGION:").strip())
        report.note("country_name_mapped" if code else "country_unresolved")
        if code:
            out.append(code)
    return tuple(dict.fromkeys(out))


def _type(value: str | None) -> str | None:
    return _TYPES.get((value or "").strip().lower())


def _entry_id(code: str, number: str | None) -> str:
    # Unnumbered lists get their hashed id later, once all rows are known.
    return numbered_id(code, number) if number and code not in UNNUMBERED else ""


# -- 2026-07-31 reduced JSON ------------------------------------------------------------------


def parse_csl_reduced_json(path: Path) -> Parsed:
    """Entries of the reduced CSL JSON, with the file's own metadata."""
    doc = json.loads(read_text(path))
    tables = doc["tables"]
    report = ParseReport()
    entries: list[ListEntry] = []
    for row in doc["entries"]:
        report.rows += 1
        entries.append(_from_compact(row, tables, report))
    meta = {k: v for k, v in doc.items() if k not in ("entries", "tables")}
    return finish(entries, [row.get("fr") for row in doc["entries"]], report, meta)


def _from_compact(
    row: dict[str, Any], tables: dict[str, list[str]], report: ParseReport
) -> ListEntry:
    code = list_code(tables["sources"][row["s"]])
    requirement = tables["licenceRequirements"][row["lr"]] if "lr" in row else None
    policy = tables["licencePolicies"][row["lp"]] if "lp" in row else None
    if policy is not None and policy != policy.strip():
        report.note("policy_whitespace")
    aliases = tuple(dict.fromkeys(a for a in (clean(x) for x in row.get("a", ())) if a))
    entry = ListEntry(
        id=_entry_id(code, row.get("e")),
        list=code,
        name=clean(row["n"]) or "",
        aliases=aliases,
        type=_type(row.get("t")),
        countries=_countries(row.get("c", ()), report),
        programs=split_multi(tables["programmes"][row["pg"]]) if "pg" in row else (),
        federal_register=normalise_citations(row.get("fr")),
        license_requirement=clean(requirement),
        license_policy=clean(policy),
        source_ids=(f"csl:{row['e']}",) if row.get("e") else (),
        url=tables["urls"][row["u"]] if "u" in row else None,
    )
    return with_policy_and_footnotes(entry)


# -- 2022-05 full CSV -----------------------------------------------------------------------------


def parse_csl_csv(path: Path) -> Parsed:
    """Entries of the full CSL consolidated.csv: addresses, start dates, remarks."""
    report = ParseReport()
    seen: set[tuple[str, str]] = set()
    entries: list[ListEntry] = []
    raw_citations: list[str | None] = []
    for row in csv.DictReader(io.StringIO(read_text(path))):
        report.rows += 1
        key = (row["source"], row["_id"])
        if key in seen:
            # The same record twice in one source (differing only in source_list_url).
            report.note("duplicate_row")
            continue
        seen.add(key)
        entries.append(_from_csv_row(row, report))
        raw_citations.append(row["federal_register_notice"])
    return finish(entries, raw_citations, report)


def _from_csv_row(row: dict[str, str], report: ParseReport) -> ListEntry:
    code = list_code(row["source"])
    addresses = tuple(_address(a, report) for a in split_multi(row["addresses"]))
    countries = [a.country for a in addresses if a.country]
    for extra in (row["nationalities"], row["citizenships"]):
        countries.extend(c for c in split_multi(extra, ",") if len(c) == 2 and c.isupper())
    policy = row["license_policy"]
    if policy != policy.strip():
        report.note("policy_whitespace")
    if row["federal_register_notice"] != row["federal_register_notice"].strip():
        report.note("citation_whitespace")
    entry = ListEntry(
        id=_entry_id(code, row["entity_number"]),
        list=code,
        name=clean(row["name"]) or "",
        aliases=split_multi(row["alt_names"]),
        type=_type(row["type"]),
        countries=tuple(dict.fromkeys(countries)),
        addresses=addresses,
        programs=split_multi(row["programs"]),
        federal_register=normalise_citations(row["federal_register_notice"]),
        license_requirement=clean(row["license_requirement"]),
        license_policy=clean(policy),
        start_date=_start_date(row["start_date"], report),
        remarks=clean(row["remarks"]),
        source_ids=(f"csl:{row['_id']}",),
        url=clean(row["source_list_url"]),
    )
    return with_policy_and_footnotes(entry)


def _start_date(value: str, report: ParseReport) -> date | None:
    """ISO date; a few rows write the year in two digits ("0097-06-30" for 1997-06-30)."""
    if not value.strip():
        return None
    parsed = date.fromisoformat(value.strip())
    if parsed.year < 100:
        report.note("start_date_two_digit_year")
        century = 1900 if parsed.year > 35 else 2000
        parsed = parsed.replace(year=century + parsed.year)
    return parsed


def _address(text: str, report: ParseReport) -> Address:
    """ "street, city, [state,] postal, ISO2": the last part is the country code when present."""
    cleaned = clean_address(text)
    if cleaned != " ".join(text.split()).strip():
        report.note("address_trailing_commas")
    last = cleaned.rsplit(",", 1)[-1].strip()
    country = last if len(last) == 2 and last.isalpha() and last.isupper() else None
    return Address(cleaned, country)
