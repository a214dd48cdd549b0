"""Parser for OFAC's legacy SDN CSV files: sdn.csv, and where present add.csv, alt.csv and
sdn_comments.csv (see data/SOURCES.md). Build time only.

Quirks handled: no header row; "-0- " for an empty field; Windows-1252 text that may hold bytes
cp1252 leaves undefined (read as Latin-1); a last line holding only the DOS end-of-file byte
0x1A; aliases only inside Remarks ("a.k.a. 'BNC'.") when alt.csv is missing; Remarks that
overflow into sdn_comments.csv; several programs in one field ("SDGT] [IFSR").
"""

from __future__ import annotations

import codecs
import csv
import gzip
import io
import re
from collections import defaultdict
from pathlib import Path

from earmark.regdata.countries import country_code
from earmark.regdata.ids import numbered_id
from earmark.regdata.model import Address, ListEntry
from earmark.regdata.sources.common import Parsed, ParseReport, clean

_TYPES = {"individual": "individual", "vessel": "vessel", "aircraft": "aircraft"}
_AKA = re.compile(r"\b[afn]\.k\.a\.,?\s*'(.+?)'(?=\s*[;.,)]|\s*$)", re.I)
_NATIONALITY = re.compile(r"\b(?:nationality|citizen)\s+([A-Z][A-Za-z .'()-]+?)\s*(?:;|\.\s|\.$|$)")


def _cp1252_or_latin1(err: UnicodeError) -> tuple[str, int]:
    assert isinstance(err, UnicodeDecodeError)
    return err.object[err.start : err.end].decode("latin-1"), err.end


codecs.register_error("earmark_cp1252_latin1", _cp1252_or_latin1)


def decode_legacy(raw: bytes) -> str:
    """OFAC legacy files: Windows-1252, with Latin-1 for the five bytes cp1252 leaves out."""
    return raw.decode("cp1252", errors="earmark_cp1252_latin1")


def read_rows(path: Path, report: ParseReport | None = None) -> list[list[str]]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rb") as fh:
        text = decode_legacy(fh.read())
    rows = []
    for row in csv.reader(io.StringIO(text)):
        if not row or (len(row) == 1 and row[0].strip(" \x1a") == ""):
            if row and report is not None:
                report.note("eof_marker_line")
            continue
        rows.append([_null(v) for v in row])
    return rows


def _null(value: str) -> str:
    # Not stripped: a Remarks field cut mid-text goes on in sdn_comments.csv, so a trailing
    # space is part of the text. clean() folds whitespace once the pieces are joined.
    return "" if value.strip() == "-0-" else value


def parse_sdn_set(directory_or_file: Path) -> Parsed:
    """SDN entries from sdn.csv, joined with add/alt/sdn_comments when they sit beside it."""
    report = ParseReport()
    sdn_path = directory_or_file
    if directory_or_file.is_dir():
        sdn_path = _find(directory_or_file, "sdn")
    folder = sdn_path.parent
    comments = _comments(folder, report)
    addresses = _addresses(folder, report)
    aliases = _aliases(folder, report)
    entries = []
    seen: set[str] = set()
    for row in read_rows(sdn_path, report):
        report.rows += 1
        row = (row + [""] * 12)[:12]
        ent_num = row[0]
        ent_num = ent_num.strip()
        if not ent_num.isdigit():
            report.note("bad_ent_num")
            continue
        if ent_num in seen:
            report.note("duplicate_row")
            continue
        seen.add(ent_num)
        remarks = (row[11] + comments.get(ent_num, "")) or None
        entries.append(_entry(row, remarks, addresses.get(ent_num, []), aliases.get(ent_num)))
    report.entries = len(entries)
    return Parsed(entries, report)


def _entry(
    row: list[str], remarks: str | None, addresses: list[Address], alt: list[str] | None
) -> ListEntry:
    ent_num, name, sdn_type, program = (v.strip() for v in row[:4])
    names = alt if alt is not None else [m.group(1) for m in _AKA.finditer(remarks or "")]
    countries = [a.country for a in addresses if a.country]
    for m in _NATIONALITY.finditer(remarks or ""):
        code = country_code(m.group(1))
        if code:
            countries.append(code)
    return ListEntry(
        id=numbered_id("SDN", ent_num),
        list="SDN",
        name=clean(name) or "",
        aliases=tuple(dict.fromkeys(n for n in (clean(x) for x in names) if n and n != name)),
        type=_TYPES.get(sdn_type.lower(), "entity"),
        countries=tuple(dict.fromkeys(countries)),
        addresses=tuple(addresses),
        programs=tuple(p.strip("[] ") for p in program.split("] [") if p.strip("[] ")),
        remarks=clean(remarks),
        source_ids=(f"ofac:{ent_num}",),
    )


def _find(folder: Path, stem: str) -> Path:
    for candidate in (folder / f"{stem}.csv.gz", folder / f"{stem}.csv"):
        if candidate.exists():
            return candidate
    raise FileNotFoundError(f"{stem}.csv not found in {folder}")


def _optional_rows(folder: Path, stem: str, report: ParseReport) -> list[list[str]]:
    try:
        return read_rows(_find(folder, stem), report)
    except FileNotFoundError:
        return []


def _comments(folder: Path, report: ParseReport) -> dict[str, str]:
    out: dict[str, str] = defaultdict(str)
    for row in _optional_rows(folder, "sdn_comments", report):
        if len(row) >= 2:
            out[row[0].strip()] += row[1]
            report.note("remarks_overflow_joined")
    return out


def _addresses(folder: Path, report: ParseReport) -> dict[str, list[Address]]:
    out: dict[str, list[Address]] = defaultdict(list)
    for row in _optional_rows(folder, "add", report):
        row = (row + [""] * 6)[:6]
        row = [v.strip() for v in row]
        country_name = row[4]
        text = ", ".join(p for p in (row[2], row[3], country_name) if p)
        if text:
            out[row[0]].append(Address(text, country_code(country_name) if country_name else None))
    return out


def _aliases(folder: Path, report: ParseReport) -> dict[str, list[str]]:
    out: dict[str, list[str]] = defaultdict(list)
    rows = _optional_rows(folder, "alt", report)
    for row in rows:
        if len(row) >= 4 and row[3].strip():
            out[row[0].strip()].append(row[3].strip())
    return out
