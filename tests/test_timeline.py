"""Tests for the regulatory timeline (earmark.regdata.timeline and data/timeline.toml)."""

from __future__ import annotations

import itertools
from datetime import date
from pathlib import Path

import pytest

from earmark.errors import DataError
from earmark.regdata.timeline import (
    DEFAULT_PATH,
    EventKind,
    Timeline,
    load_timeline,
    parse_citation,
)


@pytest.fixture(scope="module")
def tl() -> Timeline:
    return load_timeline()


# --- the bundled data ------------------------------------------------------------------------


def test_huawei_listing_may_2019(tl: Timeline) -> None:
    ev = tl.get("huawei-el-addition-2019-05")
    assert ev.effective_from == date(2019, 5, 16)
    assert ev.published == date(2019, 5, 21)
    assert ev.citation == "84 FR 22961"
    assert ev.kind is EventKind.ENTITY_LIST_ADDITION
    assert ev.series == "huawei-el-listing"
    assert ev.regulatory is True


def test_august_2019_affiliates(tl: Timeline) -> None:
    ev = tl.get("huawei-el-addition-2019-08")
    assert ev.effective_from == date(2019, 8, 19)
    assert ev.published == date(2019, 8, 21)
    assert ev.citation == "84 FR 43493"


def test_huawei_listings_in_order(tl: Timeline) -> None:
    listings = tl.series("huawei-el-listing")
    assert [e.effective_from for e in listings] == [
        date(2019, 5, 16),
        date(2019, 8, 19),
        date(2020, 8, 17),
        date(2022, 2, 14),
    ]
    assert [e.citation for e in listings] == [
        "84 FR 22961",
        "84 FR 43493",
        "85 FR 51596",
        "87 FR 8180",
    ]


@pytest.mark.parametrize(
    ("citation", "expected_id"),
    [
        ("84 FR 22963", "huawei-el-addition-2019-05"),
        ("84 F.R. 22963", "huawei-el-addition-2019-05"),
        ("84 FR 22963, 5/21/19", "huawei-el-addition-2019-05"),
        ("84 FR 22961", "huawei-el-addition-2019-05"),
        ("84 FR 43495", "huawei-el-addition-2019-08"),
        ("85 FR 51603", "huawei-el-addition-2020-08"),
        ("85 Fed. Reg. 51,603", "huawei-el-addition-2020-08"),
        ("85 FR 29852", "el-fdp-footnote1-2020-05"),
        ("85 FR 29853", "el-fdp-footnote1-2020-05"),
        ("85 FR 36720", "standards-exception-2020-06"),
        ("85 FR 51336", "el-party-role-clarification-2020-08"),
        ("85 FR 83769", "hong-kong-destination-removal-2020-12"),
        ("86 FR 71559", "el-revisions-2021-12"),
        ("87 FR 6026", "el-fdp-footnote1-2022-02"),
        ("87 FR 8182", "huawei-el-addition-2022-02"),
        ("87 FR 21012", "huawei-el-correction-2022-04"),
        ("87 FR 55250", "standards-exception-2022-09"),
        ("89 FR 96837", "el-addition-2024-12"),
        # 89 FR 96830 is the last page of the FDP rule and the first of the Entity List rule:
        # a citation of a document's first page means that document.
        ("89 FR 96830", "el-addition-2024-12"),
        ("89 FR 96800", "sme-fdp-footnote5-2024-12"),
    ],
)
def test_event_for_citation(tl: Timeline, citation: str, expected_id: str) -> None:
    ev = tl.event_for_citation(citation)
    assert ev is not None, citation
    assert ev.id == expected_id


def test_every_entity_list_page_in_the_brief_falls_in_its_document(tl: Timeline) -> None:
    pages = [
        "84 FR 22963",
        "84 FR 43495",
        "85 FR 29852",
        "85 FR 29853",
        "85 FR 36720",
        "85 FR 51603",
        "86 FR 71559",
        "87 FR 6026",
        "87 FR 8182",
        "87 FR 21012",
        "87 FR 55250",
        "85 FR 83769",
        "89 FR 96837",
    ]
    for cite in pages:
        ev = tl.event_for_citation(cite)
        assert ev is not None, cite
        parsed = parse_citation(cite)
        assert parsed is not None
        assert ev.contains_page(*parsed)


@pytest.mark.parametrize("citation", ["84 FR 99999", "12 FR 22963", "no citation here", ""])
def test_event_for_citation_none(tl: Timeline, citation: str) -> None:
    assert tl.event_for_citation(citation) is None


def test_fdp_footnote1_versions(tl: Timeline) -> None:
    s = "el-fdp-footnote1"
    assert tl.version_in_force(s, date(2020, 5, 14)) is None
    ifr = tl.version_in_force(s, date(2020, 5, 15))
    assert ifr is not None and ifr.id == "el-fdp-footnote1-2020-05"
    assert ifr.citation == "85 FR 29849"
    late = tl.version_in_force(s, date(2020, 8, 16))
    assert late is not None and late.id == "el-fdp-footnote1-2020-05"
    broad = tl.version_in_force(s, date(2020, 8, 17))
    assert broad is not None and broad.id == "el-fdp-footnote1-2020-08"
    assert broad.citation == "85 FR 51596"
    moved = tl.version_in_force(s, date(2022, 2, 3))
    assert moved is not None and moved.id == "el-fdp-footnote1-2022-02"
    assert "15 CFR 734.9(e)" in moved.cfr and "15 CFR 744.11(a)(2)(i)" in moved.cfr
    assert tl.version_in_force(s, date(2022, 2, 2)) == broad


def test_fdp_runoff_to_september_14_2020(tl: Timeline) -> None:
    runoff = tl.get("el-fdp-footnote1-runoff-2020")
    assert runoff.in_force(date(2020, 9, 14))
    assert not runoff.in_force(date(2020, 9, 15))
    assert runoff in tl.in_force(date(2020, 9, 1))
    assert runoff not in tl.in_force(date(2020, 9, 15))


def test_tgl_versions(tl: Timeline) -> None:
    s = "huawei-tgl"
    assert tl.version_in_force(s, date(2019, 5, 19)) is None
    first = tl.version_in_force(s, date(2019, 6, 1))
    assert first is not None and first.id == "huawei-tgl-2019-05"
    assert len(first.covers) == 4
    assert any("5G standards" in c for c in first.covers)
    narrowed = tl.version_in_force(s, date(2019, 8, 19))
    assert narrowed is not None and narrowed.id == "huawei-tgl-2019-08"
    assert not any("5G" in c for c in narrowed.covers)
    last = tl.version_in_force(s, date(2020, 8, 13))
    assert last is not None and last.id == "huawei-tgl-2020-05"
    assert last.effective_to == date(2020, 8, 13)
    inside = tl.version_in_force(s, date(2020, 7, 1))
    assert inside == last
    # Expired after Aug 13, 2020: no TGL since. The security-research authorisation that began
    # on Aug 17 is a series of its own, not a version of the TGL.
    assert tl.version_in_force(s, date(2020, 8, 14)) is None
    assert tl.version_in_force(s, date(2020, 9, 1)) is None
    after = tl.version_in_force("huawei-security-research", date(2020, 9, 1))
    assert after is not None and after.id == "huawei-security-research-authorization-2020-08"
    assert all("research" in c or "vulnerability" in c for c in after.covers)
    assert tl.version_in_force("huawei-security-research", date(2026, 1, 1)) == after


def test_tgl_versions_do_not_overlap(tl: Timeline) -> None:
    versions = tl.series("huawei-tgl")
    for a, b in itertools.pairwise(versions):
        assert a.effective_to is not None
        assert a.effective_to < b.effective_from


def test_2023_halt_is_not_regulatory(tl: Timeline) -> None:
    halt = tl.get("huawei-license-halt-2023")
    assert halt.regulatory is False
    assert halt.kind is EventKind.POLICY_EVENT
    assert halt.citation is None
    revocations = tl.get("huawei-license-revocations-2024-05")
    assert revocations.regulatory is False
    assert revocations.effective_from == date(2024, 5, 7)


def test_policy_events_never_match_citations(tl: Timeline) -> None:
    for ev in tl.events:
        if not ev.regulatory:
            assert ev.citation is None


def test_affiliates_rule_and_suspension(tl: Timeline) -> None:
    rule = tl.get("affiliates-rule-2025-09")
    assert rule.effective_from == date(2025, 9, 29)
    suspension = tl.get("affiliates-rule-suspension-2025-11")
    assert suspension.effective_from == date(2025, 11, 10)
    assert suspension.effective_to == date(2026, 11, 9)
    assert suspension.in_force(date(2026, 1, 1))
    assert not suspension.in_force(date(2026, 11, 10))
    assert suspension in tl.in_force(date(2026, 1, 1))
    assert tl.version_in_force("affiliates-rule", date(2025, 10, 1)) == rule
    assert tl.version_in_force("affiliates-rule", date(2026, 1, 1)) is None


def test_standards_exception_versions(tl: Timeline) -> None:
    s = "standards-exception"
    assert tl.version_in_force(s, date(2020, 6, 17)) is None
    v2020 = tl.version_in_force(s, date(2020, 6, 18))
    assert v2020 is not None and v2020.citation == "85 FR 36719"
    v2022 = tl.version_in_force(s, date(2022, 9, 9))
    assert v2022 is not None and v2022.id == "standards-exception-2022-09"


def test_events_sorted_and_ids_unique(tl: Timeline) -> None:
    keys = [(e.effective_from, e.id) for e in tl.events]
    assert keys == sorted(keys)
    assert len({e.id for e in tl.events}) == len(tl.events)


def test_every_event_well_formed(tl: Timeline) -> None:
    for ev in tl.events:
        assert ev.verified in ("V", "K")
        assert ev.sources
        if ev.effective_to is not None:
            assert ev.effective_to >= ev.effective_from
        if ev.fr_pages is not None:
            assert ev.citation is not None
            assert ev.fr_pages[0] <= ev.fr_pages[1]
        if ev.kind in (EventKind.GENERAL_LICENSE, EventKind.EXCEPTION):
            assert ev.covers, ev.id


def test_get_unknown_id(tl: Timeline) -> None:
    with pytest.raises(KeyError, match="no-such-event"):
        tl.get("no-such-event")


def test_unknown_series_is_empty(tl: Timeline) -> None:
    assert tl.series("no-such-series") == ()
    assert tl.version_in_force("no-such-series", date(2021, 1, 1)) is None


def test_meta_and_sha256(tl: Timeline) -> None:
    import hashlib

    assert tl.sha256 == hashlib.sha256(DEFAULT_PATH.read_bytes()).hexdigest()
    assert tl.meta.title
    assert tl.meta.compiled >= date(2026, 1, 1)
    assert tl.meta.sources


def test_default_load_is_cached() -> None:
    assert load_timeline() is load_timeline()


def test_explicit_path_loads_same_data(tl: Timeline) -> None:
    other = load_timeline(DEFAULT_PATH)
    assert other is not tl
    assert other.events == tl.events
    assert other.sha256 == tl.sha256


# --- validation ------------------------------------------------------------------------------

_META = """
[meta]
title = "test"
compiled = 2026-01-01
sources = ["unit test"]
"""


def _event(event_id: str, **fields: str) -> str:
    base = {
        "id": f'"{event_id}"',
        "series": '"s"',
        "kind": '"rule"',
        "title": '"t"',
        "effective_from": "2020-01-01",
        "summary": '"x"',
        "regulatory": "true",
        "verified": '"V"',
        "sources": '["src"]',
    }
    base.update(fields)
    body = "\n".join(f"{key} = {value}" for key, value in base.items())
    return f"\n[[event]]\n{body}\n"


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "timeline.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_valid_minimal_file(tmp_path: Path) -> None:
    path = _write(tmp_path, _META + _event("a-one") + _event("b-two", effective_to="2020-01-01"))
    tl = load_timeline(path)
    assert [e.id for e in tl.events] == ["a-one", "b-two"]


def test_duplicate_id_rejected(tmp_path: Path) -> None:
    path = _write(tmp_path, _META + _event("dup-event") + _event("dup-event"))
    with pytest.raises(DataError, match=r"dup-event.*\bid\b"):
        load_timeline(path)


def test_effective_to_before_effective_from_rejected(tmp_path: Path) -> None:
    path = _write(tmp_path, _META + _event("backwards", effective_to="2019-12-31"))
    with pytest.raises(DataError, match=r"backwards.*effective_to"):
        load_timeline(path)


def test_unknown_kind_rejected(tmp_path: Path) -> None:
    path = _write(tmp_path, _META + _event("odd-kind", kind='"decree"'))
    with pytest.raises(DataError, match=r"odd-kind.*kind"):
        load_timeline(path)


@pytest.mark.parametrize("citation", ['"84 FR"', '"84 F.R. 22961"', '"FR 22961"', '"84FR22961"'])
def test_bad_citation_format_rejected(tmp_path: Path, citation: str) -> None:
    path = _write(tmp_path, _META + _event("bad-cite", citation=citation))
    with pytest.raises(DataError, match=r"bad-cite.*citation"):
        load_timeline(path)


def test_fr_pages_must_start_at_citation(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        _META + _event("pages-off", citation='"84 FR 22961"', fr_pages="[22962, 22970]"),
    )
    with pytest.raises(DataError, match=r"pages-off.*fr_pages"):
        load_timeline(path)


def test_overlapping_documents_rejected(tmp_path: Path) -> None:
    text = (
        _META
        + _event("doc-a", citation='"84 FR 100"', fr_pages="[100, 110]")
        + _event("doc-b", citation='"84 FR 105"', fr_pages="[105, 120]")
    )
    with pytest.raises(DataError, match=r"doc-b.*overlaps"):
        load_timeline(_write(tmp_path, text))


def test_touching_documents_allowed(tmp_path: Path) -> None:
    text = (
        _META
        + _event("doc-a", citation='"84 FR 100"', fr_pages="[100, 110]")
        + _event("doc-b", citation='"84 FR 110"', fr_pages="[110, 120]")
    )
    tl = load_timeline(_write(tmp_path, text))
    found = tl.event_for_citation("84 FR 110")
    assert found is not None and found.id == "doc-b"
    found = tl.event_for_citation("84 FR 105")
    assert found is not None and found.id == "doc-a"


def test_datetime_instead_of_date_rejected(tmp_path: Path) -> None:
    path = _write(tmp_path, _META + _event("has-time", effective_from="2020-01-01T10:00:00"))
    with pytest.raises(DataError, match=r"has-time.*effective_from"):
        load_timeline(path)


def test_unknown_field_rejected(tmp_path: Path) -> None:
    path = _write(tmp_path, _META + _event("typo-field", efective_to="2020-02-01"))
    with pytest.raises(DataError, match=r"typo-field.*efective_to"):
        load_timeline(path)


def test_missing_meta_rejected(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="meta"):
        load_timeline(_write(tmp_path, _event("no-meta")))


def test_invalid_toml_rejected(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="TOML"):
        load_timeline(_write(tmp_path, "[[event]\nid = "))
