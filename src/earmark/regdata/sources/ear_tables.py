"""Build step: the EAR reference tables and the country registry (build time only).

Reads the four tables that seelpeed-debug/export-controls-agent-mcp generated from the eCFR
title 15 XML (``shared/data/ear_tables/``): the Commerce Country Chart (Supp. No. 1 to Part
738), the Country Groups (Supp. No. 1 to Part 740), the Commerce Control List (Supp. No. 1 to
Part 774) and a catalogue of the Part 740 License Exceptions. It validates them, keys every
destination by its ISO 3166-1 alpha-2 code, parses the CCL's Country Chart controls into
structured records, and writes one gzip'd JSON file per table under ``out_dir/ear/`` plus the
country registry ``out_dir/countries.json.gz``.

Every country name in the Country Chart and the Country Group tables must resolve to a code:
an unknown name fails the build (:class:`DataError`); nothing is dropped silently.

``pycountry`` (ISO 3166-1) is needed here only; the run-time modules read the bundled files.
"""

from __future__ import annotations

import importlib.metadata
import json
import re
from collections.abc import Iterable
from datetime import date
from itertools import pairwise
from pathlib import Path
from typing import Any, NoReturn

from earmark.errors import DataError
from earmark.regdata.bundle import sha256_bytes, write_json_gz
from earmark.regdata.countries import COUNTRIES_FILE, load_countries, normalise_key
from earmark.regdata.ear_tables import Destinations, ScopeReading, read_scope
from earmark.regdata.model import Dataset, Provenance

SOURCE_REPO = "seelpeed-debug/export-controls-agent-mcp"
SOURCE_COMMIT = "5847b092f2a44117b2e18d06a8c6aa3e16106250"
SOURCE_LICENCE = "MIT (c) 2026 seelpeed-debug (compilation); regulation text US Government work"
SOURCE_DIR = "ear_tables"

CHART_FILE = "country-chart.json"
GROUPS_FILE = "country-groups.json"
CCL_FILE = "ccl.json"
CATALOG_FILE = "license-exception-catalog.json"

EAR_DIR = "ear"
OUT_CHART = "country-chart.json.gz"
OUT_GROUPS = "country-groups.json.gz"
OUT_CCL = "ccl.json.gz"
OUT_EXCEPTIONS = "license-exceptions.json.gz"

DATASET_KIND = "ear_table"

# Reasons for control that the CCL uses (§ 742 and the CCL's License Requirements sections).
REASON_CODES = ("AT", "CB", "CC", "CW", "EI", "FC", "MT", "NP", "NS", "RS", "SI", "SL", "SS", "UN")
# Words a "Reason for Control" line may carry besides the codes.
OTHER_REASONS = frozenset({"foreign policy"})

# ---------------------------------------------------------------------------------------------
# Country names.
#
# Names the EAR tables (and the other EAR/CSL sources) use that ISO 3166-1, as pycountry spells
# it, does not resolve, plus common short names. Every name here is an alias of the code; the
# build fails if two codes claim the same name.
EXTRA_NAMES: dict[str, tuple[str, ...]] = {
    "AE": ("UAE",),
    "BN": ("Brunei",),
    "BS": ("Bahamas, The", "The Bahamas"),
    "CD": (
        "Congo (Democratic Republic of the)",
        "Congo (Democratic Republic of)",
        "Democratic Republic of the Congo",
        "DR Congo",
        "DRC",
        "Congo-Kinshasa",
        "Congo, Democratic Republic of the",  # OFAC's spelling
        "Congo, Democratic Republic of",
    ),
    "CG": (
        "Congo (Republic of the)",
        "Republic of the Congo",
        "Congo, Republic of the",
        "Congo, Republic of",
        "Congo-Brazzaville",
    ),
    # The Part 740 table misspells it with a lower-case L; OFAC writes "Cote d Ivoire".
    "CI": ("Ivory Coast", "Cote d'lvoire", "Cote d Ivoire"),
    "CN": (
        "China (PRC)",
        "PRC",
        "People's Republic of China",
        "China, People's Republic of",
        "China (People's Republic of)",
        "Mainland China",
    ),
    "CV": ("Cape Verde",),
    "CZ": ("Czech Republic",),
    "FM": (
        "Micronesia",
        "Micronesia (Federated State of)",
        "Micronesia (Federated States of)",
    ),
    "GB": ("UK", "Great Britain", "Britain"),
    "GM": ("Gambia, The", "The Gambia"),
    "HK": ("Hong Kong SAR", "Hong Kong, China"),
    "KN": ("St. Kitts and Nevis", "St. Kitts & Nevis", "St Kitts and Nevis"),
    "KP": (
        "Korea, North",
        "DPRK",
        "Korea (Democratic People's Republic of)",
    ),
    "KR": (
        "Korea, South",
        "Republic of Korea",
        "Korea (Republic of)",
        "ROK",
    ),
    "LA": ("Lao PDR",),
    "LC": ("St. Lucia", "St Lucia"),
    "IM": ("Man, Isle of",),
    "MK": (
        "Macedonia",
        "North Macedonia, The Republic of",
        "Macedonia, The Former Yugoslav Republic of",
        "Former Yugoslav Republic of Macedonia",
    ),
    "ML": ("Region: Northern Mali", "Northern Mali"),
    "MM": ("Burma",),
    "MO": ("Macau", "Macau SAR", "Macao SAR"),
    "PS": (
        "Palestine",
        "Palestinian",
        "West Bank",
        "Gaza",
        "Gaza Strip",
        "Region: Gaza",
        "North Gaza",
        "Northern Gaza",
    ),
    "RU": ("Russia",),
    "SC": ("Seycheles",),  # so spelled in the Country Chart
    "SS": ("South Sudan, Republic of", "Republic of South Sudan"),
    "SX": ("Sint Maarten (the Dutch two-fifths of the island of Saint Martin)", "Sint Maarten"),
    "SZ": ("Swaziland",),
    "TL": ("East Timor",),
    "TR": ("Turkey", "Republic of Turkey"),
    "TW": ("Chinese Taipei",),
    "UA": (
        # The Entity List files these under their own header; for a country code they are UA.
        # Part 746.6 rules for these regions need the region, not only the code.
        "Crimea Region of Ukraine",
        "Crimea",
        "Crimea region",
        "Region: Crimea",
        "Crimea (occupied)",
        "Donetsk People's Republic",
        "Luhansk People's Republic",
    ),
    "US": ("USA", "U.S.", "U.S.A.", "United States of America"),
    "VA": ("Holy See", "Vatican City", "Vatican", "Vatican City State"),
    "VC": ("St. Vincent and the Grenadines", "St Vincent and the Grenadines"),
    "XK": ("Kosovo", "Republic of Kosovo"),
}

# Short display names where pycountry's name is the long or inverted form.
DISPLAY_NAMES = {
    "BN": "Brunei",
    "CD": "Democratic Republic of the Congo",
    "FM": "Micronesia",
    "PS": "Palestine",
    "RU": "Russia",
    "VA": "Holy See",
    "VG": "British Virgin Islands",
    "VI": "US Virgin Islands",
    "XK": "Kosovo",
}

# Territories that take their parent's Country Groups as well as its Country Chart row. Hong
# Kong: the chart's notes.hongKong says it is absent from the Part 740 Country Group tables
# because it is no longer a separate destination (85 FR 83788). The bases the source gives for
# Liechtenstein (footnote 5 to Supp. No. 1 to Part 738) and the Cayman Islands (738.3(b)) speak
# of the Country Chart only, so no group membership is inferred for them.
GROUP_INHERITANCE = frozenset({"HK"})

# Codes outside ISO 3166-1 that the EAR tables need: (alpha-2, name, alpha-3 or None).
NON_ISO_COUNTRIES = (("XK", "Kosovo", None),)


class _Source:
    """One source JSON file, with the helpers that validate its fields."""

    def __init__(self, shared_data: Path, name: str) -> None:
        self.name = name
        path = shared_data / SOURCE_DIR / name
        try:
            raw = path.read_bytes()
        except FileNotFoundError as exc:
            raise DataError(f"{name}: source file missing: {path}") from exc
        self.sha256 = sha256_bytes(raw)
        try:
            data = json.loads(raw)
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise DataError(f"{name}: not valid JSON: {exc}") from exc
        if not isinstance(data, dict):
            raise DataError(f"{name}: the top level is not a JSON object")
        self.data: dict[str, Any] = data

    def fail(self, field: str, message: str) -> NoReturn:
        raise DataError(f"{self.name}: {field}: {message}")

    def field(self, obj: Any, key: str, where: str = "") -> Any:
        path = f"{where}.{key}" if where else key
        if not isinstance(obj, dict):
            self.fail(where or "(top level)", "expected an object")
        if key not in obj:
            self.fail(path, "missing")
        return obj[key]

    def text(self, obj: Any, key: str, where: str = "", optional: bool = False) -> str | None:
        """Non-empty text; with ``optional`` a missing key, null or "" gives None."""
        if optional:
            if not isinstance(obj, dict):
                self.fail(where or "(top level)", "expected an object")
            value = obj.get(key)
            if value is None or value == "":
                return None
        else:
            value = self.field(obj, key, where)
        if not isinstance(value, str) or not value.strip():
            self.fail(f"{where}.{key}" if where else key, f"expected text, got {value!r}")
        return value

    def req_text(self, obj: Any, key: str, where: str = "") -> str:
        value = self.text(obj, key, where)
        assert value is not None
        return value

    def mapping(self, obj: Any, key: str, where: str = "") -> dict[str, Any]:
        value = self.field(obj, key, where)
        if not isinstance(value, dict):
            self.fail(f"{where}.{key}" if where else key, "expected an object")
        return value

    def strings(self, obj: Any, key: str, where: str = "") -> list[str]:
        value = self.field(obj, key, where)
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            self.fail(f"{where}.{key}" if where else key, "expected a list of text")
        return value

    def ints(self, obj: Any, key: str, where: str = "") -> list[int]:
        value = self.field(obj, key, where)
        if not isinstance(value, list) or not all(
            isinstance(v, int) and not isinstance(v, bool) for v in value
        ):
            self.fail(f"{where}.{key}" if where else key, "expected a list of integers")
        return value

    def issue_date(self) -> date:
        text = self.req_text(self.data, "ecfrIssueDate")
        try:
            return date.fromisoformat(text)
        except ValueError:
            self.fail("ecfrIssueDate", f"not an ISO date: {text!r}")

    def origin(self) -> str:
        return (
            f"{SOURCE_REPO} src/data/{self.name} @ {SOURCE_COMMIT} "
            f"(generated from eCFR title 15 XML, issue date {self.issue_date().isoformat()})"
        )

    def provenance(self, source: str) -> Provenance:
        notes = [f"eCFR {self.data.get('citation', '')}".strip()]
        src = self.data.get("source")
        if isinstance(src, dict) and isinstance(src.get("url"), str):
            notes.append(f"eCFR URL {src['url']}")
        if isinstance(self.data.get("retrievedAt"), str):
            notes.append(f"retrieved {self.data['retrievedAt']}")
        return Provenance(
            source=source,
            origin=self.origin(),
            snapshot=self.issue_date(),
            source_sha256=self.sha256,
            licence=SOURCE_LICENCE,
            notes="; ".join(notes),
        )


# ---------------------------------------------------------------------------------------------
# Country registry


class _CountryIndex:
    """ISO 3166-1 (via pycountry) plus :data:`EXTRA_NAMES`: normalised name -> code."""

    def __init__(self) -> None:
        import pycountry

        self.pycountry_version = importlib.metadata.version("pycountry")
        self.names: dict[str, str] = {}  # code -> display name
        self.alpha3: dict[str, str | None] = {}
        self.keys: dict[str, set[str]] = {}  # code -> its own lookup keys
        self.index: dict[str, str] = {}  # key -> code
        for country in pycountry.countries:
            code = str(country.alpha_2)
            common = getattr(country, "common_name", None)
            official = getattr(country, "official_name", None)
            self.names[code] = DISPLAY_NAMES.get(code, str(common or country.name))
            self.alpha3[code] = str(country.alpha_3)
            self._add(code, [str(country.name), str(country.alpha_3)])
            self._add(code, [str(n) for n in (common, official) if n])
        for code, name, alpha3 in NON_ISO_COUNTRIES:
            self.names[code] = name
            self.alpha3[code] = alpha3
            self._add(code, [name])
        for code, names in EXTRA_NAMES.items():
            if code not in self.names:
                raise DataError(f"EXTRA_NAMES: {code} is not a known country code")
            self._add(code, names)
        for code, name in self.names.items():
            self._add(code, [name])

    def _add(self, code: str, names: Iterable[str]) -> None:
        for name in names:
            key = normalise_key(name)
            if not key:
                continue
            other = self.index.setdefault(key, code)
            if other != code:
                raise DataError(f"country name {name!r} claimed by both {other} and {code}")
            self.keys.setdefault(code, set()).add(key)

    def resolve(self, name: str) -> str | None:
        return self.index.get(normalise_key(name))

    def require(self, src: _Source, name: str, field: str) -> str:
        code = self.resolve(name)
        if code is None:
            src.fail(field, f"country name {name!r} does not resolve to an ISO 3166-1 code")
        return code


# ---------------------------------------------------------------------------------------------
# Country Chart


def _parse_chart(src: _Source, countries: _CountryIndex) -> dict[str, Any]:
    data = src.data
    columns = src.strings(data, "columns")
    for col in columns:
        if not re.fullmatch(r"[A-Z]{2} [0-9]", col):
            src.fail("columns", f"odd column name {col!r}")
    if len(set(columns)) != len(columns):
        src.fail("columns", "duplicate column")
    labels = src.mapping(data, "columnLabels")
    for col in columns:
        src.req_text(labels, col, "columnLabels")
    footnotes_raw = src.mapping(data, "footnotes")
    footnotes: dict[str, str] = {}
    for key in footnotes_raw:
        if not key.isdigit():
            src.fail("footnotes", f"odd footnote number {key!r}")
        footnotes[str(int(key))] = src.req_text(footnotes_raw, key, "footnotes")

    def check_footnotes(numbers: list[int], where: str) -> list[int]:
        for n in numbers:
            if str(n) not in footnotes:
                src.fail(where, f"footnote {n} is not in footnotes")
        return sorted(set(numbers))

    rows: dict[str, dict[str, Any]] = {}
    row_codes: dict[str, str] = {}  # chart name -> code
    raw_rows = src.mapping(data, "countries")
    for name, row in raw_rows.items():
        where = f"countries[{name!r}]"
        code = countries.require(src, name, where)
        if code in rows:
            src.fail(where, f"{name!r} and {rows[code]['name']!r} are both {code}")
        marks = src.strings(row, "marks", where)
        for mark in marks:
            if mark not in columns:
                src.fail(f"{where}.marks", f"{mark!r} is not a column")
        rows[code] = {
            "name": name,
            "marks": [c for c in columns if c in marks],
            "footnotes": check_footnotes(src.ints(row, "footnotes", where), f"{where}.footnotes"),
        }
        row_codes[name] = code
    count = data.get("countryCount")
    if count is not None and count != len(raw_rows):
        src.fail("countryCount", f"{count} but countries has {len(raw_rows)} rows")

    embargoed: dict[str, dict[str, Any]] = {}
    for name, entry in src.mapping(data, "embargoed").items():
        where = f"embargoed[{name!r}]"
        code = countries.require(src, name, where)
        if code in rows or code in embargoed:
            src.fail(where, f"{name!r} ({code}) has a row already")
        embargoed[code] = {
            "name": name,
            "pointer": src.req_text(entry, "pointer", where),
            "footnotes": check_footnotes(src.ints(entry, "footnotes", where), f"{where}.footnotes"),
        }
        row_codes[name] = code

    aliases: dict[str, str] = {}
    for alias, target in src.mapping(data, "aliases").items():
        if not isinstance(target, str) or target not in row_codes:
            src.fail(f"aliases[{alias!r}]", f"target {target!r} is not a Country Chart row")
        aliases[alias] = row_codes[target]

    inheritance: dict[str, dict[str, Any]] = {}
    for name, entry in src.mapping(data, "territoryInheritance").items():
        where = f"territoryInheritance[{name!r}]"
        code = countries.require(src, name, where)
        row_name = src.req_text(entry, "row", where)
        if row_name not in raw_rows:
            src.fail(f"{where}.row", f"{row_name!r} is not a Country Chart row")
        if code in embargoed:
            src.fail(where, f"{name!r} is an embargoed destination")
        inheritance[code] = {
            "name": countries.names[code],
            "row": row_codes[row_name],
            "basis": src.req_text(entry, "basis", where),
            "groups": code in GROUP_INHERITANCE,
        }

    notes = src.mapping(data, "notes")
    for key in notes:
        src.req_text(notes, key, "notes")
    oddities = src.field(data, "oddities")
    if not isinstance(oddities, list):
        src.fail("oddities", "expected a list")
    return {
        "citation": src.req_text(data, "citation"),
        "columns": columns,
        "column_labels": {c: " ".join(str(labels[c]).split()) for c in columns},
        "rows": rows,
        "embargoed": embargoed,
        "footnotes": footnotes,
        "territory_inheritance": inheritance,
        "territory_inheritance_note": src.text(data, "territoryInheritanceNote", optional=True),
        "all_destinations_entries": src.mapping(data, "allDestinationsEntries"),
        "procedure": src.mapping(data, "procedure"),
        "notes": notes,
        "oddities": oddities,
        "_aliases": aliases,  # for the country registry; not bundled in this file
    }


# ---------------------------------------------------------------------------------------------
# Country Groups


def _parse_groups(src: _Source, countries: _CountryIndex) -> dict[str, Any]:
    data = src.data
    groups_raw = src.mapping(data, "groups")
    labels = src.mapping(data, "labels")
    groups: dict[str, list[str]] = {}
    names: dict[str, list[str]] = {}  # code -> names as written in the tables
    name_codes: dict[str, str] = {}
    for gid in groups_raw:
        if not re.fullmatch(r"[A-E](:[0-9])?", gid):
            src.fail("groups", f"odd group name {gid!r}")
        src.req_text(labels, gid, "labels")
        where = f"groups[{gid!r}]"
        member_names = src.strings(groups_raw, gid, "groups")
        codes: set[str] = set()
        for name in member_names:
            code = countries.require(src, name, where)
            if code in codes:
                src.fail(where, f"{name!r} ({code}) is listed twice")
            codes.add(code)
            name_codes[name] = code
            written = names.setdefault(code, [])
            if name not in written:
                written.append(name)
        groups[gid] = sorted(codes)

    # byCountry is the same data the other way round: it must agree with groups.
    by_country = src.mapping(data, "byCountry")
    for letter, table in by_country.items():
        if not isinstance(table, dict):
            src.fail(f"byCountry[{letter!r}]", "expected an object")
        for name, gids in table.items():
            where = f"byCountry[{letter!r}][{name!r}]"
            if not isinstance(gids, list):
                src.fail(where, "expected a list of groups")
            for gid in gids:
                if gid not in groups or name not in groups_raw[gid]:
                    src.fail(where, f"says {gid} but groups[{gid!r}] does not list {name!r}")
    for gid, members in groups_raw.items():
        table = by_country.get(gid[0])
        if table is None:
            continue
        for name in members:
            if gid not in table.get(name, []):
                src.fail(f"byCountry[{gid[0]!r}][{name!r}]", f"lacks {gid} that groups lists")

    aliases: dict[str, str] = {}
    for alias, target in src.mapping(data, "aliases").items():
        where = f"aliases[{alias!r}]"
        if not isinstance(target, str):
            src.fail(where, "expected text")
        aliases[alias] = name_codes.get(target) or countries.require(src, target, where)

    notes = src.mapping(data, "notes")
    for key in notes:
        src.req_text(notes, key, "notes")
    return {
        "citation": src.req_text(data, "citation"),
        "labels": {gid: labels[gid] for gid in groups},
        "groups": groups,
        "names": names,
        "notes": notes,
        "_aliases": aliases,
    }


# ---------------------------------------------------------------------------------------------
# Commerce Control List

_REASON_ALT = "|".join(REASON_CODES)
_REASON_TOKEN = re.compile(rf"(?<![A-Za-z])({_REASON_ALT})(?![A-Za-z])")
_CONTROL_CODE = re.compile(rf"^\s*({_REASON_ALT})\s+appl(?:y|ies)\b[\s,:]*(?:to\b)?\s*(.*)$", re.S)
_CONTROL_OTHER = re.compile(r"^\s*(.+?)\s+appl(?:y|ies)\b[\s,:]*(?:to\b)?\s*(.*)$", re.S)
_CONTROL_SPLIT = re.compile(rf"\s+(?=(?:{_REASON_ALT})\s+appl(?:y|ies)\b)")
_COLUMN = re.compile(r"(?:\b([A-Z]{2})\s+)?\bColumn\s+([0-9])\b")
_TRAILING_COLUMN = re.compile(r"\s*\b[A-Z]{2}\s+Column\s+[0-9]\.?\s*$")
_SECTION = re.compile(r"§+\s*(\d{3}\.\d+[a-z]?(?:\([A-Za-z0-9]+\))*)")
_PART = re.compile(r"\b[Pp]arts?\s+(\d{3})\b")
_ENTIRE = re.compile(r"(?:the\s+)?entire\s+entry", re.I)
_ECCN = re.compile(r"[0-9][A-E][0-9]{3}")
_DOLLARS = re.compile(r"^\$\s*([0-9][0-9,]*)")


def _parse_reasons(src: _Source, text: str | None, where: str) -> tuple[list[str], list[str]]:
    if text is None:
        return [], []
    codes: list[str] = []
    for code in _REASON_TOKEN.findall(text):
        if code not in codes:
            codes.append(code)
    other: list[str] = []
    rest = _REASON_TOKEN.sub(",", text)
    for piece in re.split(r",|;|\band\b", rest):
        word = " ".join(piece.replace(".", " ").split()).strip("0123456789 ").lower()
        if not word:
            continue
        if word not in OTHER_REASONS:
            src.fail(where, f"odd reason for control {word!r} in {text!r}")
        if word not in other:
            other.append(word)
    return codes, other


def _references(*texts: str) -> list[str]:
    refs: list[str] = []
    for text in texts:
        for ref in [*_SECTION.findall(text), *(f"part {p}" for p in _PART.findall(text))]:
            if ref not in refs:
                refs.append(ref)
    return refs


# Where a control's Country Chart cell starts when the source ran control and cell together
# ("CB applies to entire entry CB Column 2.", or a whole License Requirements section).
_CELL_START = re.compile(
    r"(?:\b[A-Z]{2}\s+Column\s+[0-9]|(?<![A-Z]{2} )\bColumn\s+[0-9]|\bTo or within\b|"
    r"\bWorldwide\b|\bSee\s+§|\bRefer to\s+§|\bChina,\s+Russia|\b[Aa] license is required\b|"
    r"\bThe Commerce Country Chart is not designed|\bN/A\b)"
)
_CONTROL_START = re.compile(rf"\b(?:{_REASON_ALT})\s+appl(?:y|ies)\b")


def _sentences(control: str) -> list[str]:
    """A control row's text cut before each "XX applies" (one control each)."""
    starts = [m.start() for m in _CONTROL_START.finditer(control)]
    if len(starts) <= 1:
        return [control.strip()]
    cuts = [0, *starts[1:], len(control)]
    out: list[str] = []
    for a, b in pairwise(cuts):
        piece = re.sub(r"(?:\s*[;.,]?\s*(?:\band|Note:?)\s*)+$", "", control[a:b].strip())
        if piece.strip(" ;,"):
            out.append(piece.strip(" ;,"))
    return out


def _split_cell(sentence: str) -> tuple[str, str]:
    """(control, cell) of a sentence that holds both."""
    head = _CONTROL_CODE.match(sentence) or _CONTROL_OTHER.match(sentence)
    found = _CELL_START.search(sentence, head.start(2) if head else 0)
    if found is None:
        return sentence.strip(), ""
    control = re.sub(r"(?:[.;,]|\s+and)+\s*$", "", sentence[: found.start()].strip()).strip()
    return control, sentence[found.start() :].strip()


def _parse_control(
    src: _Source, control: str, text: str, columns: list[str], where: str, eccn: str
) -> dict[str, Any]:
    m = _CONTROL_CODE.match(control)
    if m:
        reason: str | None = m.group(1)
        scope = m.group(2)
    else:
        other = _CONTROL_OTHER.match(control)
        if other is None:
            src.fail(where, f"cannot read the control {control!r}")
        reason, scope = None, other.group(2)
    scope = _TRAILING_COLUMN.sub("", scope).strip().rstrip(".").strip()
    found = _COLUMN.findall(text)
    column: str | None = None
    if len(found) > 1:
        src.fail(where, f"names {len(found)} columns: {text!r}")
    if found:
        prefix, number = found[0]
        col_reason = prefix or reason
        if col_reason is None or (reason is not None and prefix and prefix != reason):
            src.fail(where, f"column {text!r} does not match the control {control!r}")
        column = f"{col_reason} {number}"
        if column not in columns:
            src.fail(where, f"{column!r} is not a Country Chart column")
    entire = bool(_ENTIRE.fullmatch(scope))
    reading = ScopeReading(True) if entire else read_scope(eccn, scope)
    return {
        "reason": reason,
        "scope": scope,
        "entire_entry": entire,
        "column": column,
        "refers_elsewhere": column is None,
        "references": _references(text, control),
        "control": control,
        "text": text,
        "reading": reading.to_dict(),
    }


def _control_rows(
    src: _Source, raw: Any, where: str
) -> tuple[list[tuple[str, str, str]], list[str]]:
    """The source's control rows as (control, cell, where) sentences, one per control."""
    if not isinstance(raw, list):
        src.fail(where, "expected a list")
    rows: list[tuple[str, str, str]] = []
    flags: list[str] = []
    for i, item in enumerate(raw):
        w = f"{where}[{i}]"
        control = src.req_text(item, "control", w)
        text = src.req_text(item, "countryChart", w)
        for key, value in item.items():
            if key in ("control", "countryChart"):
                continue
            if value is not True:
                src.fail(f"{w}.{key}", f"unexpected field value {value!r}")
            if key not in flags:
                flags.append(key)  # e.g. singleCellRow, requirementCellEmptyInSource
        if control.strip() == text.strip():
            # Control and cell in one cell of the source: read them apart.
            rows.extend((*_split_cell(s), w) for s in _sentences(control))
            continue
        parts = _sentences(control)
        cols = _COLUMN.findall(text)
        if len(parts) > 1 and len(parts) == len(cols):
            # One source row that holds two controls, e.g. "NP applies ... AT applies ..." with
            # "NP Column 1 AT Column 1".
            rows.extend(
                (part, f"{prefix} Column {number}", w)
                for part, (prefix, number) in zip(parts, cols, strict=True)
            )
        else:
            rows.extend((part, text, w) for part in parts)
    return rows, flags


def _text_rows(text: str, where: str) -> list[tuple[str, str, str]]:
    """Control rows from running text (a License Requirements section the source kept as
    prose). A sentence after "... as follows:" takes that sentence's cell as well."""
    rows: list[tuple[str, str, str]] = []
    umbrella: tuple[str | None, str] | None = None
    for sentence in _sentences(text):
        control, cell = _split_cell(sentence)
        code = _CONTROL_CODE.match(control)
        reason = code.group(1) if code else None
        if umbrella is not None and umbrella[0] == reason:
            cell = f"{umbrella[1]} {cell}".strip()
        elif cell.rstrip().endswith("as follows:"):
            umbrella = (reason, cell)
        else:
            umbrella = None
        rows.append((control, cell, where))
    return rows


def _parse_controls(
    src: _Source,
    rows: list[tuple[str, str, str]],
    columns: list[str],
    eccn: str,
    places: _Places,
) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for control, cell, where in rows:
        parsed = _parse_control(src, control, cell, columns, where, eccn)
        parsed["destinations"] = _read_destinations(src, parsed, places, where)
        out.append(parsed)
    return out


# ---------------------------------------------------------------------------------------------
# Destinations of the controls that do not use a Country Chart column

# Pointers that name a Part 742 section and no destination: what the section requires. These
# are facts of the regulation, not of the CCL text; each gives its paragraph.
SECTION_DESTINATIONS: dict[str, dict[str, Any]] = {
    "742.15": {
        "worldwide": True,
        "except_countries": ["CA"],
        "basis": "15 CFR 742.15(a)(1): a license is required for items controlled for EI "
        "reasons to all destinations except Canada (Refer to § 742.15)",
    },
    "742.14": {
        "worldwide": True,
        "except_countries": ["CA"],
        "basis": "15 CFR 742.14(a): a license is required for items controlled for SI "
        "reasons to all destinations except Canada (See § 742.14)",
    },
}
_POINTER = re.compile(r"^\s*(?:Refer to|See)\s+§\s*(742\.1[45])\b")
_WORLDWIDE = re.compile(r"\bworldwide\b|\ball destinations\b|\bany destination\b", re.I)
_GROUP_NAME = re.compile(r"(?<![\w:])([A-E]):([0-9])\b")
_PLACE_WORDS = re.compile(r"[A-Z][a-z]+(?:\s+(?:[A-Z][a-z]+|of|the|\(PRC\)))*")
_EXCEPTING = re.compile(r"\b(?:except(?:ing)?(?:\s+for)?|excluding)\b", re.I)
_FROM = re.compile(r"\bwhen exported from\s+(.*?)(?:\.\s|\.$|$)", re.I | re.S)
_NON_PARTY = re.compile(r"\bStates?\s+not\s+Party\b|\bnon-States?\s+Part", re.I)
_ASIDES = (
    re.compile(r"\((?:[Ss]ee)\b[^()]*(?:\([^()]*\)[^()]*)*\)"),  # "(See part 742 ...)"
    re.compile(r"\bSee\b.*?(?:\.(?=\s|$)|$)", re.S),  # "See § 742.6(a)(7) of the EAR."
    re.compile(r"\bNote to \w+ paragraph:.*$", re.S),
)


class _Places:
    """Country names and Country Groups for reading a control's destinations."""

    def __init__(self, countries: _CountryIndex, groups: Iterable[str]) -> None:
        self.countries = countries
        self.groups = frozenset(groups)

    def read(self, text: str) -> tuple[list[str], list[str]]:
        codes: list[str] = []
        for m in _PLACE_WORDS.finditer(text):
            code = self.countries.resolve(m.group(0))
            if code is not None and code not in codes:
                codes.append(code)
        found: list[str] = []
        for letter, number in _GROUP_NAME.findall(text):
            name = f"{letter}:{number}"
            if name in self.groups and name not in found:
                found.append(name)
        return codes, found


def _read_destinations(
    src: _Source, control: dict[str, Any], places: _Places, where: str
) -> dict[str, Any] | None:
    """The destinations a control without a column names, or None (it names none)."""
    if control["column"] is not None or control["reason"] in (None, "UN"):
        return None
    cell: str = control["text"]
    pointer = _POINTER.match(cell)
    if pointer and not _WORLDWIDE.search(cell):
        rule = SECTION_DESTINATIONS[pointer.group(1)]
        return _destinations(basis=rule["basis"], **{k: v for k, v in rule.items() if k != "basis"})
    from_countries: list[str] = []
    from_groups: list[str] = []
    for text in (control["control"], cell):
        origin = _FROM.search(text)
        if origin:
            from_countries, from_groups = places.read(origin.group(1))
    body = _FROM.sub(" ", cell)
    for aside in _ASIDES:
        body = aside.sub(" ", body)
    split = _EXCEPTING.search(body)
    include, exclude = (body[: split.start()], body[split.end() :]) if split else (body, "")
    countries, groups = places.read(include)
    except_countries, except_groups = places.read(exclude)
    worldwide = bool(_WORLDWIDE.search(include))
    condition = None
    if _NON_PARTY.search(body):
        condition = (
            "the destination is not a State Party to the Chemical Weapons Convention (not "
            "listed in Supplement No. 2 to part 745, which the bundled data does not have)"
        )
    if not (worldwide or countries or groups or condition):
        return None
    if from_countries or from_groups:
        pass
    elif _FROM.search(control["control"]) or _FROM.search(cell):
        src.fail(where, f"cannot read where the control applies from: {control['control']!r}")
    return _destinations(
        countries=countries,
        groups=groups,
        worldwide=worldwide,
        except_countries=except_countries,
        except_groups=except_groups,
        from_countries=from_countries,
        from_groups=from_groups,
        condition=condition,
        basis="Country Chart cell: " + " ".join(cell.split()),
    )


def _destinations(basis: str, **fields: Any) -> dict[str, Any]:
    scope = Destinations(
        countries=tuple(fields.get("countries", ())),
        groups=tuple(fields.get("groups", ())),
        worldwide=bool(fields.get("worldwide", False)),
        except_countries=tuple(fields.get("except_countries", ())),
        except_groups=tuple(fields.get("except_groups", ())),
        from_countries=tuple(fields.get("from_countries", ())),
        from_groups=tuple(fields.get("from_groups", ())),
        condition=fields.get("condition"),
        basis=basis,
    )
    return scope.to_dict()


def _parse_exception_flags(src: _Source, raw: Any, where: str) -> dict[str, dict[str, Any]]:
    if not isinstance(raw, dict):
        src.fail(where, "expected an object")
    out: dict[str, dict[str, Any]] = {}
    for symbol in raw:
        w = f"{where}.{symbol}"
        if not re.fullmatch(r"[A-Z]{3}", symbol):
            src.fail(w, "odd License Exception symbol")
        text = src.req_text(raw, symbol, where).strip()
        bare = text.rstrip(".").strip()
        dollars = _DOLLARS.match(bare)
        value_usd = int(dollars.group(1).replace(",", "")) if dollars else None
        if bare.upper() in ("N/A", "NA", "NO"):
            status = "no"
        elif bare.lower() == "yes" or (dollars is not None and dollars.end() == len(bare)):
            status = "yes"
        else:
            status = "conditional"
        out[symbol] = {"text": text, "status": status, "value_usd": value_usd}
    return out


def _parse_items(src: _Source, raw: Any, where: str) -> list[dict[str, Any]]:
    if not isinstance(raw, list):
        src.fail(where, "expected a list")
    items: list[dict[str, Any]] = []
    for i, item in enumerate(raw):
        w = f"{where}[{i}]"
        kind = src.req_text(item, "kind", w)
        if kind not in ("item", "text", "note"):
            src.fail(f"{w}.kind", f"odd kind {kind!r}")
        depth = src.field(item, "depth", w)
        if not isinstance(depth, int) or isinstance(depth, bool) or depth < 0:
            src.fail(f"{w}.depth", f"expected a number, got {depth!r}")
        paragraph = src.field(item, "paragraph", w)
        if paragraph is not None and not isinstance(paragraph, str):
            src.fail(f"{w}.paragraph", "expected text or null")
        text = src.field(item, "text", w)
        if not isinstance(text, str):
            src.fail(f"{w}.text", "expected text")
        items.append({"paragraph": paragraph, "kind": kind, "depth": depth, "text": text})
    return items


# A record whose heading swallowed its License Requirements and the rest of its text, up to and
# including the next entry's heading (3E001 holds 3E002's heading; the record's structured
# fields are the next entry's). The sections, in the order the CCL prints them:
_SWALLOWED = re.compile(r"\s*\.?\s*License Requirements\s+Reason for Control:")
_SECTION_REASONS = re.compile(
    r"Reason for Control:\s*(?P<reasons>.*?)\s+Control\(s\)\s+Country Chart\s+"
    r"\(see Supp\. No\. 1 to part 738\)\s*",
    re.I | re.S,
)
_SECTION_CONTROLS_END = re.compile(
    r"\s(?:License Requirements Notes?:|Reporting Requirements\b|List Based License Exceptions)"
)
_SECTION_EXCEPTIONS = re.compile(
    r"List Based License Exceptions \(See Part 740 for a Description of All License "
    r"Exceptions\)\s*(?P<flags>.*?)\s*(?=Special Conditions for|List of Items Controlled)",
    re.S,
)
_SECTION_STA = re.compile(
    r"Special Conditions for (?:Strategic Trade Authorization \(STA\)|STA)\s*(?P<sta>STA:.*?)"
    r"\s*(?=List of Items Controlled)",
    re.S,
)
_SECTION_RELATED = re.compile(
    r"Related Controls:\s*(?P<related>.*?)\s*(?=Related Definitions?:)", re.S
)
_SECTION_ITEMS = re.compile(r"\bItems:\s*(?P<items>.*)$", re.S)
_NEXT_HEADING = re.compile(r"(?<=\s)(\d[A-E]\d{3})\s+(?=[“\"A-Z])")
_ITEM_LABEL = re.compile(r"^([a-z](?:\.[a-z0-9]+)+)\s+(?=\S)")
_FLAG_SYMBOL = re.compile(r"(?:(?<=\s)|^)([A-Z]{3}):\s+")


def _tidy(text: str) -> str:
    text = " ".join(text.split())
    text = re.sub(r"“\s+", "“", text)
    text = re.sub(r"\s+”", "”", text)
    return re.sub(r"\s+([,.;:)])", r"\1", text).strip()


def _swallowed_section(src: _Source, heading: str, where: str) -> dict[str, Any] | None:
    """The parts of a heading that swallowed the License Requirements, or None."""
    start = _SWALLOWED.search(heading)
    if start is None:
        return None
    rest = heading[start.start() :]

    def need(pattern: re.Pattern[str], name: str) -> re.Match[str]:
        found = pattern.search(rest)
        if found is None:
            src.fail(f"{where}.heading", f"License Requirements in the heading, no {name}")
        return found

    reasons = need(_SECTION_REASONS, "Country Chart controls")
    end = _SECTION_CONTROLS_END.search(rest, reasons.end())
    controls = rest[reasons.end() : end.start() if end else len(rest)]
    flags = need(_SECTION_EXCEPTIONS, "List Based License Exceptions")
    sta = _SECTION_STA.search(rest)
    related = need(_SECTION_RELATED, "Related Controls")
    items = need(_SECTION_ITEMS, "Items")
    tail = list(_NEXT_HEADING.finditer(items.group("items")))
    if not tail:
        src.fail(f"{where}.heading", "License Requirements in the heading, no next heading")
    last = tail[-1]
    symbols = _FLAG_SYMBOL.split(flags.group("flags"))
    exception_flags = {
        symbol: text.strip() for symbol, text in zip(symbols[1::2], symbols[2::2], strict=True)
    }
    sta_text = _tidy(sta.group("sta")) if sta else None
    if sta_text:
        exception_flags["STA"] = sta_text.removeprefix("STA:").strip()
    return {
        "heading": _tidy(heading[: start.start()]) + ".",
        "reasons": reasons.group("reasons").strip(),
        "controls": controls.strip(),
        "licence_exceptions": exception_flags,
        "sta": sta_text,
        "related": _tidy(related.group("related")),
        "items": items.group("items")[: last.start()].strip(),
        "next_eccn": last.group(1),
        "next_heading": _tidy(items.group("items")[last.end() :]),
    }


def _prose_items(text: str) -> list[dict[str, Any]]:
    """The "Items:" paragraph of a swallowed section: its text, then its numbered notes."""
    pieces = re.split(r"\s+(?=Note \d+:)", text)
    out = [{"paragraph": None, "kind": "text", "depth": 0, "text": _tidy(pieces[0])}]
    for piece in pieces[1:]:
        m = re.match(r"Note (\d+):\s*(.*)$", piece, re.S)
        assert m is not None
        out.append({"paragraph": m.group(1), "kind": "note", "depth": 1, "text": _tidy(m.group(2))})
    return [i for i in out if i["text"]]


def _entry(
    eccn: str,
    heading: str,
    reason_text: str | None,
    stated: tuple[list[str], list[str]],
    controls: list[dict[str, Any]],
    flags: list[str],
    exceptions: dict[str, dict[str, Any]],
    sta: str | None,
    related: str | None,
) -> dict[str, Any]:
    reasons = list(stated[0])
    for c in controls:
        if c["reason"] and c["reason"] not in reasons:
            reasons.append(c["reason"])
    return {
        "eccn": eccn,
        "category": eccn[0],
        "product_group": eccn[1],
        "heading": heading,
        "reason_text": reason_text or None,
        "reasons": reasons,
        "other_reasons": stated[1],
        "chart_controls": controls,
        "source_flags": flags,
        "licence_exceptions": exceptions,
        "sta_special_conditions": sta,
        "related_controls": related,
    }


def _parse_ccl(src: _Source, columns: list[str], places: _Places) -> dict[str, Any]:
    data = src.data
    raw_entries = src.field(data, "entries")
    if not isinstance(raw_entries, list):
        src.fail("entries", "expected a list")
    deep = src.strings(data, "deepCategories") if "deepCategories" in data else []
    entries: dict[str, dict[str, Any]] = {}
    added_from_chart = 0
    for i, raw in enumerate(raw_entries):
        where = f"entries[{i}]"
        eccn = src.req_text(raw, "eccn", where)
        where = f"entries[{eccn}]"
        if not _ECCN.fullmatch(eccn):
            src.fail(f"{where}.eccn", f"malformed ECCN {eccn!r}")
        if eccn in entries:
            src.fail(where, "duplicate ECCN")
        category = src.req_text(raw, "category", where)
        group = src.req_text(raw, "productGroup", where)
        if category != eccn[0] or group != eccn[1]:
            src.fail(where, f"category/productGroup {category}/{group} do not match the ECCN")
        heading = src.req_text(raw, "heading", where)
        section = _swallowed_section(src, heading, where)
        record_eccn, record_flags = eccn, []
        if section is not None:
            # The heading holds this entry's text; the record's fields are the next entry's.
            w = f"{where}.heading"
            controls = _parse_controls(
                src, _text_rows(section["controls"], w), columns, eccn, places
            )
            own_stated = _parse_reasons(src, section["reasons"], w)
            entry = _entry(
                eccn,
                section["heading"],
                section["reasons"],
                own_stated,
                controls,
                ["licenseRequirementsInHeading"],
                _parse_exception_flags(src, section["licence_exceptions"], w),
                section["sta"],
                section["related"],
            )
            if category in deep:
                entry["items"] = _prose_items(section["items"])
            entries[eccn] = entry
            added_from_chart += len(entry["reasons"]) > len(own_stated[0])
            record_eccn = section["next_eccn"]
            heading = section["next_heading"]
            record_flags = [f"headingInRecordOf:{eccn}"]
            if record_eccn <= eccn or record_eccn[:2] != eccn[:2] or record_eccn in entries:
                src.fail(w, f"the next entry {record_eccn!r} does not follow {eccn}")
            where = f"entries[{eccn}->{record_eccn}]"
        reason_text = src.field(raw, "reasonForControl", where)
        if reason_text is not None and not isinstance(reason_text, str):
            src.fail(f"{where}.reasonForControl", "expected text or null")
        items = _parse_items(src, raw["items"], f"{where}.items") if "items" in raw else None
        flags = list(record_flags)
        rows, row_flags = _control_rows(
            src, src.field(raw, "countryChart", where), f"{where}.countryChart"
        )
        flags.extend(row_flags)
        if items is not None:
            kept: list[dict[str, Any]] = []
            tops = {i["paragraph"].split(".")[0] for i in items if i["paragraph"]} | {"z"}
            for n, item in enumerate(items):
                text = item["text"]
                label = _ITEM_LABEL.match(text)
                if (
                    label
                    and item["paragraph"] is None
                    and item["kind"] == "text"
                    and label.group(1).split(".")[0] in tops
                ):
                    # "z.1.b Commodities that ...": a paragraph the source left as text.
                    para = label.group(1)
                    item = {**item, "paragraph": para, "kind": "item", "depth": para.count(".") + 1}
                    item["text"] = text[label.end() :]
                    if "paragraphLabelInItemText" not in flags:
                        flags.append("paragraphLabelInItemText")
                if item["paragraph"] is None and item["kind"] == "text":
                    if reason_text is None and text.startswith("Reason for Control:"):
                        reason_text = text.removeprefix("Reason for Control:").strip()
                        flags.append("reasonForControlInItemText")
                        continue
                    if _CONTROL_START.match(text):
                        rows.extend(_text_rows(text, f"{where}.items[{n}]"))
                        if "controlsInItemText" not in flags:
                            flags.append("controlsInItemText")
                        continue
                kept.append(item)
            items = kept
        stated = _parse_reasons(src, reason_text, f"{where}.reasonForControl")
        entry = _entry(
            record_eccn,
            heading,
            reason_text,
            stated,
            _parse_controls(src, rows, columns, record_eccn, places),
            flags,
            _parse_exception_flags(
                src,
                src.field(raw, "licenceExceptionFlags", where),
                f"{where}.licenceExceptionFlags",
            ),
            src.text(raw, "staSpecialConditions", where, optional=True),
            src.text(raw, "relatedControls", where, optional=True),
        )
        if len(entry["reasons"]) > len(stated[0]):
            added_from_chart += 1
        for key in ("staSpecialConditions", "relatedControls"):
            src.field(raw, key, where)  # present, even when null
        if items is not None:
            entry["items"] = items
        if "topLevelParagraphs" in raw:
            tlp = src.mapping(raw, "topLevelParagraphs", where)
            for key in tlp:
                src.req_text(tlp, key, f"{where}.topLevelParagraphs")
            entry["top_level_paragraphs"] = tlp
        entries[record_eccn] = entry
    count = data.get("entryCount")
    records = len(raw_entries)
    if count is not None and count != records:
        src.fail("entryCount", f"{count} but entries has {records}")
    return {
        "citation": src.req_text(data, "citation"),
        "deep_categories": deep,
        "deep_category_note": src.text(data, "deepCategoryNote", optional=True),
        "entries": entries,
        "_added_from_chart": added_from_chart,
        "_records": records,
    }


# ---------------------------------------------------------------------------------------------
# License Exception catalogue


def _parse_catalog(src: _Source) -> dict[str, Any]:
    data = src.data
    raw = src.field(data, "exceptions")
    if not isinstance(raw, list):
        src.fail("exceptions", "expected a list")
    exceptions: list[dict[str, Any]] = []
    seen: set[str] = set()
    for i, item in enumerate(raw):
        where = f"exceptions[{i}]"
        number = src.req_text(item, "sectionNumber", where)
        if not re.fullmatch(r"740\.[0-9]+", number):
            src.fail(f"{where}.sectionNumber", f"odd section {number!r}")
        symbols = src.strings(item, "symbols", where)
        if not symbols:
            src.fail(f"{where}.symbols", "empty")
        for symbol in symbols:
            if not re.fullmatch(r"[A-Z]{3}", symbol):
                src.fail(f"{where}.symbols", f"odd symbol {symbol!r}")
            if symbol in seen:
                src.fail(f"{where}.symbols", f"{symbol} listed twice")
            seen.add(symbol)
        exceptions.append(
            {
                "section": number,
                "citation": src.req_text(item, "section", where),
                "symbols": symbols,
                "title": src.req_text(item, "title", where),
            }
        )
    count = data.get("count")
    if count is not None and count != len(exceptions):
        src.fail("count", f"{count} but exceptions has {len(exceptions)}")
    return {"citation": src.req_text(data, "citation"), "exceptions": exceptions}


# ---------------------------------------------------------------------------------------------
# Country registry output


def _build_registry(
    countries: _CountryIndex, chart: dict[str, Any], groups: dict[str, Any]
) -> dict[str, Any]:
    """countries.json.gz: every code with its names, EAR names and lookup keys."""
    keys = {code: set(k) for code, k in countries.keys.items()}
    lookup = dict(countries.index)
    inheritance: dict[str, dict[str, Any]] = chart["territory_inheritance"]

    def own(code: str, name: str) -> None:
        key = normalise_key(name)
        other = lookup.setdefault(key, code)
        if other != code:
            raise DataError(f"country name {name!r} claimed by both {other} and {code}")
        keys[code].add(key)

    for code, row in chart["rows"].items():
        own(code, row["name"])
    for code, row in chart["embargoed"].items():
        own(code, row["name"])
    for code, written in groups["names"].items():
        for name in written:
            own(code, name)
    # The source alias maps name the table a destination is found under. Where the alias is
    # itself another country's name (the Part 740 table maps "hong kong" to "China (PRC)",
    # because Hong Kong is treated as China), the country keeps its own name: a territory
    # that inherits another's row must still be asked for by its own code.
    for alias, code in [*chart["_aliases"].items(), *groups["_aliases"].items()]:
        key = normalise_key(alias)
        other = lookup.get(key)
        if other is None and len(key) == 2 and key.upper() in countries.names:
            other = key.upper()  # an alpha-2 code, e.g. "hk"
        if other is not None and other != code:
            if inheritance.get(other, {}).get("row") == code:
                continue
            raise DataError(f"alias {alias!r} of {code} is the name of {other}")
        lookup[key] = code
        keys[code].add(key)

    group_names: dict[str, list[str]] = groups["names"]
    out: dict[str, dict[str, Any]] = {}
    for code in sorted(countries.names):
        rec: dict[str, Any] = {
            "code": code,
            "name": countries.names[code],
            "alpha3": countries.alpha3[code],
            "aliases": sorted(keys.get(code, ())),
        }
        chart_row = chart["rows"].get(code) or chart["embargoed"].get(code)
        if chart_row:
            rec["chart_name"] = chart_row["name"]
        if code in group_names:
            rec["group_names"] = group_names[code]
        if code in inheritance:
            rec["chart_inherits"] = inheritance[code]["row"]
        out[code] = {k: v for k, v in rec.items() if v is not None}
    return {"countries": out, "lookup": dict(sorted(lookup.items()))}


# ---------------------------------------------------------------------------------------------


def _dataset(
    dataset_id: str, title: str, provenance: Provenance, counts: dict[str, int]
) -> dict[str, Any]:
    return {
        "id": dataset_id,
        "title": title,
        "kind": DATASET_KIND,
        "provenance": {
            "source": provenance.source,
            "origin": provenance.origin,
            "snapshot": provenance.snapshot.isoformat(),
            "source_sha256": provenance.source_sha256,
            "licence": provenance.licence,
            "notes": provenance.notes,
        },
        "counts": counts,
        "primary": True,
    }


def _write(path: Path, meta: dict[str, Any], body: dict[str, Any]) -> Dataset:
    obj = {"_meta": {"dataset": meta}, **{k: v for k, v in body.items() if k[0] != "_"}}
    sha = write_json_gz(path, obj)
    return Dataset.from_dict({**meta, "sha256": sha})


def build_ear_tables(shared_data: Path, out_dir: Path) -> list[Dataset]:
    """Validate and bundle the EAR tables; return one :class:`Dataset` per file written.

    ``shared_data`` is the ``shared/data`` directory (its ``ear_tables/`` is read);
    ``out_dir`` is the bundle directory (``earmark/regdata/data``). Each file is parsed in
    turn, so a bad Country Chart fails before the other files are opened.
    """
    countries = _CountryIndex()

    chart_src = _Source(shared_data, CHART_FILE)
    chart = _parse_chart(chart_src, countries)
    groups_src = _Source(shared_data, GROUPS_FILE)
    groups = _parse_groups(groups_src, countries)
    ccl_src = _Source(shared_data, CCL_FILE)
    ccl = _parse_ccl(ccl_src, chart["columns"], _Places(countries, groups["groups"]))
    catalog_src = _Source(shared_data, CATALOG_FILE)
    catalog = _parse_catalog(catalog_src)
    registry = _build_registry(countries, chart, groups)

    ear = out_dir / EAR_DIR
    snap = chart_src.issue_date().isoformat()
    datasets: list[Dataset] = []

    chart_meta = _dataset(
        f"ear-country-chart-{snap}",
        "Commerce Country Chart (15 C.F.R. Part 738, Supplement No. 1)",
        chart_src.provenance(
            "Commerce Country Chart (Supp. No. 1 to Part 738), parsed from the eCFR XML"
        ),
        {
            "countries": len(chart["rows"]),
            "embargoed": len(chart["embargoed"]),
            "columns": len(chart["columns"]),
            "footnotes": len(chart["footnotes"]),
            "territories": len(chart["territory_inheritance"]),
        },
    )
    datasets.append(_write(ear / OUT_CHART, chart_meta, chart))

    groups_meta = _dataset(
        f"ear-country-groups-{groups_src.issue_date().isoformat()}",
        "Country Groups (15 C.F.R. Part 740, Supplement No. 1)",
        groups_src.provenance("Country Groups (Supp. No. 1 to Part 740), parsed from the eCFR XML"),
        {
            "groups": len(groups["groups"]),
            "countries": len({c for m in groups["groups"].values() for c in m}),
            **{f"group {g}": len(m) for g, m in groups["groups"].items()},
        },
    )
    datasets.append(_write(ear / OUT_GROUPS, groups_meta, groups))

    entries: dict[str, dict[str, Any]] = ccl["entries"]
    ccl_meta = _dataset(
        f"ear-ccl-{ccl_src.issue_date().isoformat()}",
        "Commerce Control List (15 C.F.R. Part 774, Supplement No. 1)",
        ccl_src.provenance(
            "Commerce Control List (Supp. No. 1 to Part 774): ECCN headings, license "
            "requirements and list-based License Exceptions, parsed from the eCFR XML"
        ),
        {
            "entries": len(entries),
            "source_records": ccl["_records"],
            "with_items": sum(1 for e in entries.values() if "items" in e),
            "chart_controls": sum(len(e["chart_controls"]) for e in entries.values()),
            "controls_referring_elsewhere": sum(
                1 for e in entries.values() for c in e["chart_controls"] if c["refers_elsewhere"]
            ),
            "reasons_added_from_chart": ccl["_added_from_chart"],
            "controls_with_destinations": sum(
                1 for e in entries.values() for c in e["chart_controls"] if c["destinations"]
            ),
            "entries_from_swallowed_headings": sum(
                1 for e in entries.values() if "licenseRequirementsInHeading" in e["source_flags"]
            ),
        },
    )
    datasets.append(_write(ear / OUT_CCL, ccl_meta, ccl))

    exc_meta = _dataset(
        f"ear-license-exceptions-{catalog_src.issue_date().isoformat()}",
        "License Exceptions (15 C.F.R. Part 740)",
        catalog_src.provenance("Catalogue of the Part 740 License Exceptions (eCFR XML)"),
        {
            "exceptions": len(catalog["exceptions"]),
            "symbols": sum(len(e["symbols"]) for e in catalog["exceptions"]),
        },
    )
    datasets.append(_write(ear / OUT_EXCEPTIONS, exc_meta, catalog))

    combined = sha256_bytes(
        f"{CHART_FILE} {chart_src.sha256}\n{GROUPS_FILE} {groups_src.sha256}\n".encode()
    )
    countries_prov = Provenance(
        source=(
            "Country registry: ISO 3166-1 (pycountry) plus the country names of the Commerce "
            "Country Chart and the Country Groups"
        ),
        origin=(
            f"{SOURCE_REPO} src/data/{CHART_FILE} and src/data/{GROUPS_FILE} @ {SOURCE_COMMIT} "
            f"(generated from eCFR title 15 XML, issue date {snap}); "
            f"pycountry {countries.pycountry_version}"
        ),
        snapshot=chart_src.issue_date(),
        source_sha256=combined,
        licence=SOURCE_LICENCE + "; ISO 3166-1 data from pycountry (LGPL-2.1)",
        notes=(
            f"source_sha256 is sha256 of the lines '<file> <sha256>' for {CHART_FILE} "
            f"({chart_src.sha256}) and {GROUPS_FILE} ({groups_src.sha256}); "
            "XK (Kosovo) is a user-assigned code"
        ),
    )
    countries_meta = _dataset(
        f"countries-{snap}",
        "Country registry (ISO 3166-1 alpha-2, with EAR names and aliases)",
        countries_prov,
        {
            "countries": len(registry["countries"]),
            "lookup_keys": len(registry["lookup"]),
            "chart_rows": len(chart["rows"]) + len(chart["embargoed"]),
        },
    )
    datasets.append(_write(out_dir / COUNTRIES_FILE, countries_meta, registry))
    load_countries.cache_clear()  # a registry loaded earlier in this process is now stale
    return datasets
