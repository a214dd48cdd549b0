"""Every CCL entry's parsed License Requirements against the entry's own text (issue 13).

The source (shared/data/ear_tables/ccl.json) is read here with plain regular expressions, apart
from the build step's parser: for each ECCN, the "Reason for Control" line it prints and the
"XX applies to ..." sentences of its License Requirements, wherever the source put them (the
structured fields, item text, or a heading that swallowed the whole section and the next
entry's heading). The bundled entry must agree with that text. Entries that cannot be read are
printed, and the test fails if any is missing from the allow-list below.

    .venv/bin/pytest tests/test_ccl_parsing.py -s   # prints every entry it cannot read
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from earmark.regdata.ear_tables import CclEntry, ChartControl, EarTables, load_ear_tables

from .conftest import SHARED_DATA

RAW = SHARED_DATA / "ear_tables" / "ccl.json"
CODES = "AT|CB|CC|CW|EI|FC|MT|NP|NS|RS|SI|SL|SS|UN"
APPLIES = re.compile(rf"\b({CODES})\s+appl(?:y|ies)\b")
FULL_REF = re.compile(r"(?<![\w.])(\d[A-E]\d{3})((?:\.[a-z0-9]+)+)")
PARAGRAPH = re.compile(r"^[a-z0-9]+(?:\.[a-z0-9]+)*$")

# Entries whose source lacks text the check needs; nothing in the data can fill the gap.
ALLOWED: dict[str, str] = {
    # The source has the Reason for Control line but no License Requirements table at all
    # (the eCFR states these requirements in prose the generator did not keep).
    **dict.fromkeys(
        ("0A980", "1C980", "1C982", "1C983", "1C984", "1C988"),
        "SS (short supply): no control line in the source",
    ),
    **dict.fromkeys(
        ("0A981", "0A982", "0A983"),
        "CC: no control line in the source (a license is required "
        "for all destinations but Canada, 742.7: not in the data)",
    ),
    **dict.fromkeys(
        ("0A999", "1A999", "1D999", "2A994", "2A999", "2D994", "2E994"),
        "AT: no control line in the source",
    ),
    **dict.fromkeys(("5A980", "5D980", "5E980"), "SL, AT: no control line in the source"),
    "1C395": "CB: the source keeps only the CW and AT paragraphs",
    # The Reason for Control line prints RS, but no RS line is in the source's table.
    "3A232": "RS printed, no RS control line in the source",
    "6A992": "RS printed, no RS control line in the source",
    # The source's item list lacks paragraph .a, which an RS or NP scope names.
    "1B018": "items list in the source has no paragraph .a (named by the RS scope)",
    "1B101": "items list in the source has no paragraph .a (named by the NP scope)",
}


def _reason_codes(line: str) -> list[str]:
    return re.findall(rf"(?<![A-Za-z])({CODES})(?![A-Za-z])", line)


def _own_texts(raw: dict[str, Any]) -> dict[str, dict[str, str]]:
    """ECCN -> {"reasons": the Reason for Control line, "controls": the control sentences}."""
    out: dict[str, dict[str, str]] = {}
    for rec in raw["entries"]:
        heading: str = rec["heading"]
        structured = _structured_text(rec)
        lr = heading.find("License Requirements")
        if lr < 0:
            out[rec["eccn"]] = structured
            continue
        # The heading swallowed the entry's License Requirements, the rest of its text and
        # the next entry's heading: the record's structured fields are the next entry's.
        end = min(
            (i for i in (heading.find(m, lr) for m in ("List Based", "List of Items")) if i > 0),
            default=len(heading),
        )
        section = heading[lr:end]
        m = re.search(r"Reason for Control:\s*(.*?)\s+Control\(s\)", section)
        out[rec["eccn"]] = {
            "reasons": m.group(1) if m else "",
            "controls": section[m.end() if m else 0 :],
        }
        tail = list(re.finditer(r"(?<=\s)(\d[A-E]\d{3})\s+(?=[“\"A-Z])", heading[end:]))
        if tail:
            out[tail[-1].group(1)] = structured
    return out


def _structured_text(rec: dict[str, Any]) -> dict[str, str]:
    reasons = rec["reasonForControl"] or ""
    pieces: list[str] = []
    for item in rec.get("items", []):
        text = item["text"]
        if item["paragraph"] is None and text.startswith("Reason for Control:") and not reasons:
            reasons = text.removeprefix("Reason for Control:")
        if item["paragraph"] is None and APPLIES.match(text):
            pieces.append(text)
    for row in rec["countryChart"]:
        control, cell = row["control"], row["countryChart"]
        pieces.append(control if control.strip() == cell.strip() else f"{control} {cell}")
    return {"reasons": reasons, "controls": " ".join(pieces)}


def _paragraphs(entry: CclEntry) -> set[str] | None:
    """The entry's paragraphs ("b.2"), with every level above one ("b"), where items are
    bundled."""
    if entry.items is None:
        return None
    known = {i.paragraph for i in entry.items if i.paragraph and i.kind == "item"}
    known |= set(entry.top_level_paragraphs or ())
    return {".".join(p.split(".")[:n]) for p in known for n in range(1, p.count(".") + 2)}


def _scope_problems(entry: CclEntry, control: ChartControl) -> list[str]:
    reading = getattr(control, "reading", None)
    if reading is None:
        return (
            [] if control.entire_entry else [f"{control.reason}: scope not read: {control.scope!r}"]
        )
    problems: list[str] = []
    known = _paragraphs(entry)
    named: set[str] = set()
    for part in (*reading.include, *reading.exclude):
        for ref in (part.paragraph, part.through, part.within):
            if ref is None:
                continue
            named.add(ref)
            base, _, para = ref.partition(".")
            if not re.fullmatch(r"\d[A-E](\d{3})?", base) or (para and not PARAGRAPH.match(para)):
                problems.append(f"{control.reason}: malformed paragraph {ref!r}")
            elif base == entry.eccn and para and known is not None and para not in known:
                problems.append(f"{control.reason}: {ref} is not a paragraph of the entry")
    # Every paragraph of the entry that the scope names is in the reading (as a part, or in
    # the words of a condition).
    words = " ".join(p.condition or "" for p in (*reading.include, *reading.exclude))
    for base, para in FULL_REF.findall(control.scope):
        ref = base + para
        if base == entry.eccn and ref not in named and ref not in words:
            problems.append(f"{control.reason}: {ref} named in the scope but not read")
    return problems


def _entry_problems(
    tables: EarTables, entry: CclEntry | None, eccn: str, text: dict[str, str]
) -> list[str]:
    if entry is None:
        return ["not in the bundled CCL"]
    problems: list[str] = []
    printed = _reason_codes(text["reasons"])
    for code in printed:
        if code not in entry.reasons:
            problems.append(f"printed reason {code} not in reasons {entry.reasons}")
    for code in sorted(set(APPLIES.findall(text["controls"]))):
        said = len([m for m in APPLIES.findall(text["controls"]) if m == code])
        parsed = len([c for c in entry.chart_controls if c.reason == code])
        if said != parsed:
            problems.append(f"{said} '{code} applies' sentence(s), {parsed} {code} control(s)")
    for code in printed:
        if not any(c.reason == code for c in entry.chart_controls):
            problems.append(f"reason {code} has no control line")
    columns = set(tables.country_chart.columns)
    for control in entry.chart_controls:
        if control.column is not None and control.column not in columns:
            problems.append(f"column {control.column} is not in the Country Chart")
        problems.extend(_scope_problems(entry, control))
    return problems


@pytest.fixture(scope="module")
def raw() -> dict[str, Any]:
    if not RAW.is_file():
        pytest.skip("../shared/data is not beside the repository")
    data: dict[str, Any] = json.loads(Path(RAW).read_text(encoding="utf-8"))
    return data


def test_every_eccn_reasons_and_scopes_agree_with_its_text(raw: dict[str, Any]) -> None:
    tables = load_ear_tables()
    texts = _own_texts(raw)
    assert len(texts) >= 600
    unread: dict[str, list[str]] = {}
    for eccn, text in sorted(texts.items()):
        problems = _entry_problems(tables, tables.ccl.entries.get(eccn), eccn, text)
        if problems:
            unread[eccn] = problems
    for eccn in sorted(set(tables.ccl.entries) - set(texts)):
        unread[eccn] = ["in the bundle but not in the source text"]
    print(f"\n{len(unread)} of {len(texts)} CCL entries not read in full:")
    for eccn, problems in unread.items():
        note = f"  [allowed: {ALLOWED[eccn]}]" if eccn in ALLOWED else ""
        print(f"  {eccn}: {'; '.join(problems)}{note}")
    unexpected = sorted(set(unread) - set(ALLOWED))
    assert not unexpected, f"entries not read: {unexpected}"
    stale = sorted(set(ALLOWED) - set(unread))
    assert not stale, f"allow-listed entries that now read in full: {stale}"


# --- the entries whose source text was out of place ------------------------------------------


@pytest.fixture(scope="module")
def tables() -> EarTables:
    return load_ear_tables()


def test_3e001_reads_the_license_requirements_its_heading_swallowed(tables: EarTables) -> None:
    e = tables.ccl.get("3E001")
    assert e is not None
    assert e.reasons == ("NS", "MT", "NP", "RS", "AT")
    assert e.heading.endswith("3C (except 3C907, 3C908, 3C909, or 3C992).")
    assert "License Requirements" not in e.heading
    assert [(c.reason, c.column) for c in e.chart_controls] == [
        ("NS", "NS 1"),
        ("MT", "MT 1"),
        ("NP", "NP 1"),
        ("RS", None),
        ("RS", None),
        ("RS", None),
        ("RS", "RS 2"),
        ("AT", "AT 1"),
    ]
    ns = e.chart_controls[0]
    assert ns.scope.startswith("“technology” for commodities controlled by 3A001, 3A002")
    rs = e.chart_controls[3:6]
    assert [c.references[0] for c in rs] == [
        "742.6(a)(6)(ii)",
        "742.6(a)(6)(iii)",
        "742.6(a)(6)(i)(B)",
    ]
    assert all(c.destinations is not None for c in rs)
    assert e.exception("TSR") is not None and e.exception("IEC") is not None
    assert e.sta_special_conditions and "3A002.g.1" in e.sta_special_conditions
    assert e.related_controls and e.related_controls.startswith("(1) “Technology”")
    assert e.items is not None and [i.kind for i in e.items] == ["text", "note", "note"]
    assert "licenseRequirementsInHeading" in e.source_flags


def test_the_entry_after_a_swallowed_heading_gets_the_record_fields(tables: EarTables) -> None:
    # 3E001's record held 3E002's heading, and its structured fields are 3E002's.
    e = tables.ccl.get("3E002")
    assert e is not None and e.heading.startswith("“Technology” according to the General")
    assert e.reasons == ("NS", "AT")
    assert e.items is not None and any(i.paragraph == "c" for i in e.items)
    assert "headingInRecordOf:3E001" in e.source_flags
    for own, after in (("0D606", "0D614"), ("2B351", "2B352")):
        first, second = tables.ccl.get(own), tables.ccl.get(after)
        assert first is not None and second is not None
        assert "License Requirements" not in first.heading
        assert "License Requirements" not in second.heading
        assert f"headingInRecordOf:{own}" in second.source_flags
    d606 = tables.ccl.get("0D606")
    assert d606 is not None
    assert [(c.reason, c.scope) for c in d606.chart_controls][:3] == [
        ("NS", "entire entry, except 0D606.y"),
        ("RS", "entire entry, except 0D606.y"),
        ("RS", "0D606.y"),
    ]


def test_controls_and_reason_lines_kept_in_item_text_are_read(tables: EarTables) -> None:
    e1c355 = tables.ccl.get("1C355")
    assert e1c355 is not None
    assert [c.reason for c in e1c355.chart_controls] == ["CW", "AT"]
    assert e1c355.items is not None
    assert not any(i.text.startswith(("CW applies", "AT applies")) for i in e1c355.items)
    at = e1c355.chart_controls[1]
    assert at.destinations is not None and at.destinations.groups == ("E:1",)
    e3c005 = tables.ccl.get("3C005")
    assert e3c005 is not None and e3c005.reason_text == "NS, AT"
    assert "reasonForControlInItemText" in e3c005.source_flags
    # "z.1.b Commodities ...": a paragraph the source kept as text.
    e5a002 = tables.ccl.get("5A002")
    assert e5a002 is not None and e5a002.items is not None
    assert any(i.paragraph == "z.2.b" and i.kind == "item" for i in e5a002.items)
