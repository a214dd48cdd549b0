"""The bundled EAR tables (Country Chart, Country Groups, CCL, Part 740) and their build step."""

from __future__ import annotations

import copy
import json
import time
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from earmark.errors import BadInput, DataError
from earmark.regdata.bundle import DATA_DIR, sha256_file
from earmark.regdata.ear_tables import EarTables, load_ear_tables, normalise_column, parse_eccn

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
COMMIT = "5847b092f2a44117b2e18d06a8c6aa3e16106250"

CHINA_MARKS = {
    "CB 1", "CB 2", "CB 3", "NP 1", "NP 2", "NS 1", "NS 2", "MT 1", "RS 1", "RS 2", "CC 1", "CC 3",
}  # fmt: skip


@pytest.fixture(scope="module")
def tables() -> EarTables:
    return load_ear_tables()


# --- Country Chart -------------------------------------------------------------------------


def test_china_row(tables: EarTables) -> None:
    row = tables.country_chart.row("CN")
    assert row is not None
    assert row.name == "China" and row.code == "CN" and not row.inherited
    assert row.marks == CHINA_MARKS
    # The chart has no X for China in the AT columns (AT marks are for E:1-type rows).
    assert "AT 1" not in row.marks and "AT 2" not in row.marks
    assert row.footnotes == ()


def test_license_required(tables: EarTables) -> None:
    chart = tables.country_chart
    assert chart.license_required("CN", "NS 2") is True
    assert chart.license_required("CN", "AT 1") is False
    assert chart.license_required("China", "ns2") is True
    assert chart.license_required("CA", "NS 2") is False
    assert chart.license_required("CA", "NS 1") is False
    assert chart.license_required("CA", "CB 1") is True
    assert chart.license_required("CA", "FC 1") is True
    assert chart.license_required("RU", "CC 2") is True
    assert chart.license_required("RU", "CC 3") is False
    assert chart.license_required("Atlantis", "NS 1") is None
    with pytest.raises(BadInput) as err:
        chart.license_required("CN", "XX 9")
    assert err.value.field == "column"


def test_columns_and_footnotes(tables: EarTables) -> None:
    chart = tables.country_chart
    assert chart.columns == (
        "CB 1", "CB 2", "CB 3", "NP 1", "NP 2", "NS 1", "NS 2", "MT 1",
        "RS 1", "RS 2", "FC 1", "CC 1", "CC 2", "CC 3", "AT 1", "AT 2",
    )  # fmt: skip
    assert normalise_column("NS Column 2") == "NS 2"
    assert sorted(chart.footnotes) == list(range(1, 11))
    assert chart.rows["RU"].footnotes == (6,) and "746.8" in chart.footnote(6)
    assert "Switzerland" in chart.footnote(5) and chart.rows["LI"].footnotes == (5,)
    assert len(chart.rows) == 196


def test_hong_kong_inherits_china_row(tables: EarTables) -> None:
    chart = tables.country_chart
    hk = chart.row("HK")
    assert hk is not None
    assert hk.code == "CN" and hk.destination == "HK" and hk.inherited
    assert hk.marks == CHINA_MARKS
    assert hk.inherited_basis is not None and "85 FR 83788" in hk.inherited_basis
    assert chart.row("Hong Kong") == hk
    assert chart.license_required("HK", "NS 1") is True
    assert "HK" not in chart.rows  # no row of its own
    cayman = chart.row("KY")
    assert cayman is not None and cayman.code == "GB" and cayman.destination == "KY"
    li = chart.row("LI")
    assert li is not None and li.code == "LI" and not li.inherited  # it has its own row
    assert chart.territories["LI"].row == "CH"


@pytest.mark.parametrize("code", ["CU", "IR", "KP", "SY"])
def test_embargoed_destinations_have_no_marks(tables: EarTables, code: str) -> None:
    chart = tables.country_chart
    assert chart.row(code) is None
    assert chart.license_required(code, "AT 1") is None
    assert chart.license_required(code, "NS 2") is None
    pointer = chart.embargo_pointer(code)
    assert pointer is not None and "746" in pointer


def test_embargo_pointers(tables: EarTables) -> None:
    chart = tables.country_chart
    kp = chart.embargo_pointer("Korea, North")
    assert kp is not None and "742.19" in kp and "746.4" in kp
    assert chart.embargo_pointer("CN") is None
    assert chart.embargo_pointer("Atlantis") is None
    iran = chart.embargo("IR")
    assert iran is not None and iran.name == "Iran" and iran.footnotes == (1,)


# --- Country Groups ------------------------------------------------------------------------


def test_china_groups(tables: EarTables) -> None:
    groups = tables.country_groups
    assert groups.groups_of("CN") == {"D:1", "D:3", "D:4", "D:5"}
    assert groups.in_group("CN", "D:1") and groups.in_group("CN", "D:5")
    assert not groups.in_group("CN", "B")
    assert groups.names["CN"] == ("China (PRC)",)


def test_macau_not_in_d5(tables: EarTables) -> None:
    groups = tables.country_groups
    assert groups.groups_of("MO") == {"D:1", "D:3", "D:4"}
    assert not groups.in_group("MO", "D:5")
    assert "MO" not in groups.members("D:5")
    assert "Macau" in groups.notes["macau"] and "D:5" in groups.notes["macau"]


def test_e_groups(tables: EarTables) -> None:
    groups = tables.country_groups
    assert groups.members("E:1") == {"IR", "KP", "SY"}
    assert groups.members("E:2") == {"CU"}
    assert groups.in_group("Cuba", "E:2") and not groups.in_group("CU", "E:1")
    assert groups.in_group("IR", "e1")  # group names are normalised


def test_group_tables(tables: EarTables) -> None:
    groups = tables.country_groups
    sizes = {g: len(groups.members(g)) for g in groups.groups}
    assert sizes == {
        "A:1": 40, "A:2": 34, "A:3": 42, "A:4": 45, "A:5": 38, "A:6": 8, "B": 173,
        "D:1": 24, "D:2": 10, "D:3": 36, "D:4": 21, "D:5": 22, "E:1": 3, "E:2": 1,
    }  # fmt: skip
    assert groups.in_group("US", "A:1") and groups.in_group("CA", "B")
    assert groups.members("D:5") >= {"CN", "RU", "BY", "VE", "IR", "KP", "CU", "SY"}
    with pytest.raises(BadInput) as err:
        groups.members("F:1")
    assert err.value.field == "group"
    assert groups.groups_of("Atlantis") == frozenset()


def test_hong_kong_takes_china_groups(tables: EarTables) -> None:
    groups = tables.country_groups
    assert "HK" not in groups.memberships  # absent from the Part 740 tables
    assert groups.groups_of("HK") == groups.groups_of("CN")
    inherits = groups.inherits("HK")
    assert inherits is not None and inherits.row == "CN"
    assert groups.inherits("CN") is None
    assert "HK" not in groups.members("D:5")
    # Liechtenstein and the Cayman Islands inherit a chart row only, not Country Groups.
    assert groups.inherits("LI") is None and groups.groups_of("LI") == frozenset()
    assert groups.groups_of("KY") == frozenset()


# --- CCL -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "normalised", "base", "paragraph"),
    [
        ("5A992", "5A992", "5A992", None),
        ("5a992.c", "5A992.c", "5A992", "c"),
        (" 3A001.a.1 ", "3A001.a.1", "3A001", "a.1"),
        ("3A090.A.1", "3A090.a.1", "3A090", "a.1"),
        ("0Y521", "0Y521", "0Y521", None),
        ("EAR99", "EAR99", "EAR99", None),
        ("ear99", "EAR99", "EAR99", None),
    ],
)
def test_parse_eccn_good(text: str, normalised: str, base: str, paragraph: str | None) -> None:
    eccn = parse_eccn(text)
    assert eccn.text == normalised and str(eccn) == normalised
    assert eccn.base == base and eccn.paragraph == paragraph


def test_parse_eccn_parts() -> None:
    eccn = parse_eccn("5A992.c")
    assert (eccn.category, eccn.product_group, eccn.number) == ("5", "A", "992")
    assert not eccn.is_ear99 and not eccn.is_series
    assert parse_eccn("EAR99").is_ear99 and parse_eccn("EAR99").category is None
    assert parse_eccn("0Y521").is_series


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("5A99Z", "three digits"),
        ("5Z992", "product group 'Z'"),
        ("", "empty"),
        ("   ", "empty"),
        ("A5992", "category 'A'"),
        ("5A9921", "paragraph"),
        ("5A992..c", "paragraph"),
        ("5A992.", "paragraph"),
        ("5A9", "three digits"),
        ("0Y999", "0Y521"),
        ("EAR-99", "category 'E'"),
    ],
)
def test_parse_eccn_bad(text: str, why: str) -> None:
    with pytest.raises(BadInput) as err:
        parse_eccn(text, field="items[0].eccn")
    assert err.value.field == "items[0].eccn"
    assert why in err.value.message


def test_parse_eccn_default_field() -> None:
    with pytest.raises(BadInput) as err:
        parse_eccn("5A99Z")
    assert err.value.field == "eccn"


def test_ccl_lookup(tables: EarTables) -> None:
    ccl = tables.ccl
    # 633 source records; three headings swallowed the next entry (3E002, 0D614, 2B352).
    assert len(ccl) == 636
    assert {"3A090", "4A090", "5A002", "5A992", "3A001"} <= set(ccl)
    entry = ccl.get("3A001.a.1")
    assert entry is not None and entry.eccn == "3A001"
    assert ccl.get("5a992.c") is ccl.get("5A992")
    assert ccl.get("EAR99") is None and ccl.get("5A999") is None and ccl.get("bad") is None
    assert "5A992.c" in ccl and "EAR99" not in ccl


def test_reasons_for_control(tables: EarTables) -> None:
    ccl = tables.ccl
    assert "AT" in ccl.reasons_for_control("5A992")
    assert ccl.reasons_for_control("5A992.c") == ("RS", "AT")
    assert "NS" in ccl.reasons_for_control("3A001")
    assert ccl.reasons_for_control("3A001") == ("NS", "RS", "MT", "NP", "AT")
    assert ccl.reasons_for_control("EAR99") == ()
    with pytest.raises(BadInput) as err:
        ccl.reasons_for_control("5A999", field="eccn")
    assert "not on the Commerce Control List" in err.value.message
    with pytest.raises(BadInput):
        ccl.reasons_for_control("5A99Z")
    # No "Reason for Control" line in the source: the codes come from the controls.
    e0a919 = ccl.get("0A919")
    assert e0a919 is not None and e0a919.reason_text is None and e0a919.reasons == ("RS", "AT")
    fp = ccl.get("0A998")
    assert fp is not None and fp.other_reasons == ("foreign policy",)


def test_chart_controls(tables: EarTables) -> None:
    ccl = tables.ccl
    controls = ccl.chart_controls("0A501")
    ns = controls[0]
    assert (ns.reason, ns.column, ns.scope) == ("NS", "NS 1", "entire entry except 0A501.y")
    assert not ns.entire_entry and not ns.refers_elsewhere
    un = next(c for c in controls if c.reason == "UN")
    assert un.column is None and un.refers_elsewhere and "746.1" in un.references
    assert un.entire_entry
    at = ccl.chart_controls("5A992")[-1]
    assert (at.reason, at.column, at.entire_entry) == ("AT", "AT 1", True)
    z1 = ccl.chart_controls("5A992")[0]
    assert z1.reason == "RS" and z1.refers_elsewhere and z1.scope == "items controlled by 5A992.z.1"
    assert "742.6(a)(6)(iii)(A)" in z1.references
    assert {c.column for c in ccl.chart_controls("3A001")} >= {"NS 1", "NS 2", "MT 1", "NP 1"}
    # One source row that holds two controls is split.
    split = ccl.chart_controls("1A231")
    assert [(c.reason, c.column) for c in split] == [("NP", "NP 1"), ("AT", "AT 1")]
    # "Column 1." without a reason takes the control's reason.
    at_1c351 = [c for c in ccl.chart_controls("1C351") if c.reason == "AT"]
    assert [c.column for c in at_1c351] == ["AT 1"]
    every_column = {c.column for e in ccl.entries.values() for c in e.chart_controls}
    assert every_column - {None} <= set(tables.country_chart.columns)


def test_license_exception_flags(tables: EarTables) -> None:
    ccl = tables.ccl
    e5a992 = ccl.get("5A992")
    assert e5a992 is not None
    lvs = e5a992.exception("LVS")
    assert lvs is not None and lvs.status == "no" and lvs.text == "N/A"
    aia = e5a992.exception("aia")
    assert aia is not None and aia.status == "conditional"
    e0a501 = ccl.get("0A501")
    assert e0a501 is not None and e0a501.lvs_value == 500
    lvs0 = e0a501.exception("LVS")
    assert lvs0 is not None and lvs0.status == "conditional"
    enc = ccl.get("5A002")
    assert enc is not None and enc.exception("ENC") is not None
    sta = ccl.get("0A602")
    assert sta is not None and sta.sta_special_conditions is not None
    assert "740.20(c)(2)" in sta.sta_special_conditions


def test_items(tables: EarTables) -> None:
    e5a992 = tables.ccl.get("5A992")
    assert e5a992 is not None and e5a992.items is not None
    assert e5a992.top_level_paragraphs is not None
    assert "mass market" in e5a992.top_level_paragraphs["c"]
    assert any(i.paragraph == "z.1" for i in e5a992.items)
    e0a501 = tables.ccl.get("0A501")
    assert e0a501 is not None and e0a501.items is None  # category 0: headings only
    assert tables.ccl.deep_categories == ("1", "3", "4", "5")


# --- License Exceptions ----------------------------------------------------------------------


def test_license_exceptions(tables: EarTables) -> None:
    les = tables.license_exceptions
    tsu = les["TSU"]
    assert tsu.section == "740.13" and "TSU" in tsu.title
    assert tsu.citation == "15 C.F.R. § 740.13"
    assert les["gbs"].section == "740.4"
    assert les["NAC"].section == les["ACA"].section == "740.8"
    assert les["ACA"].symbols == ("NAC", "ACA")
    assert les.get("CIV") is None and "CIV" not in les  # eliminated in 2020
    assert len(les.symbols) == 28


# --- Datasets and load time ------------------------------------------------------------------


def test_datasets(tables: EarTables) -> None:
    files = ["country-chart", "country-groups", "ccl", "license-exceptions"]
    for ds, name in zip(tables.datasets, files, strict=True):
        assert ds.id == f"ear-{name}-2026-07-23"
        assert ds.kind == "ear_table"
        assert ds.sha256 == sha256_file(DATA_DIR / "ear" / f"{name}.json.gz")
        assert ds.provenance.snapshot == date(2026, 7, 23)
        assert COMMIT in ds.provenance.origin and "issue date 2026-07-23" in ds.provenance.origin
        assert ds.provenance.licence.startswith("MIT (c) 2026 seelpeed-debug")
        assert len(ds.provenance.source_sha256) == 64
    assert tables.country_chart.dataset.counts["countries"] == 196
    assert tables.ccl.dataset.counts["entries"] == 636
    assert tables.ccl.dataset.counts["source_records"] == 633
    assert set(tables.data_version) == {d.id for d in tables.datasets}


def test_load_time() -> None:
    loader = load_ear_tables.__wrapped__
    best = min(_timed(loader) for _ in range(3))
    assert best < 0.2, f"loading the EAR tables took {best:.3f}s"


def _timed(fn: Any) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


# --- The build step --------------------------------------------------------------------------


def _mini_sources() -> dict[str, dict[str, Any]]:
    """A tiny but complete set of the four source files."""
    common = {"ecfrIssueDate": "2026-07-23", "retrievedAt": "2026-07-31T00:00:00Z"}
    chart = {
        **common,
        "citation": "15 C.F.R. Part 738, Supplement No. 1",
        "columns": ["NS 1", "NS 2", "AT 1"],
        "columnLabels": {"NS 1": "National security", "NS 2": "National security", "AT 1": "AT"},
        "countryCount": 3,
        "countries": {
            "China": {"marks": ["NS 1", "NS 2"], "footnotes": []},
            "Canada": {"marks": [], "footnotes": []},
            "Korea, South": {"marks": ["NS 2"], "footnotes": [1]},
        },
        "embargoed": {"Cuba": {"pointer": "See part 746 of the EAR.", "footnotes": []}},
        "footnotes": {"1": "A footnote."},
        "aliases": {"prc": "China"},
        "territoryInheritance": {"hong kong": {"row": "China", "basis": "85 FR 83788"}},
        "territoryInheritanceNote": "Only the named instances.",
        "allDestinationsEntries": {"note": "none"},
        "procedure": {"steps": []},
        "notes": {"hongKong": "treated as China"},
        "oddities": [],
    }
    groups = {
        **common,
        "citation": "15 C.F.R. Part 740, Supplement No. 1",
        "labels": {"B": "Country Group B", "D:5": "Arms embargoed", "E:2": "Unilateral embargo"},
        "groups": {"B": ["Canada", "Korea, South"], "D:5": ["China (PRC)"], "E:2": ["Cuba"]},
        "byCountry": {"D": {"China (PRC)": ["D:5"]}, "E": {"Cuba": ["E:2"]}},
        "aliases": {"hong kong": "China (PRC)", "hk": "China (PRC)"},
        "notes": {"macau": "Macau is not in D:5."},
    }
    ccl = {
        **common,
        "citation": "15 C.F.R. Part 774, Supplement No. 1",
        "deepCategories": ["5"],
        "entryCount": 1,
        "entries": [
            {
                "eccn": "5A992",
                "category": "5",
                "productGroup": "A",
                "heading": "Equipment not controlled by 5A002",
                "reasonForControl": "AT",
                "countryChart": [
                    {"control": "AT applies to entire entry", "countryChart": "AT Column 1"}
                ],
                "licenceExceptionFlags": {"LVS": "N/A", "GBS": "N/A"},
                "staSpecialConditions": None,
                "relatedControls": None,
            }
        ],
    }
    catalog = {
        **common,
        "citation": "15 C.F.R. Part 740",
        "count": 1,
        "exceptions": [
            {
                "section": "15 C.F.R. § 740.13",
                "sectionNumber": "740.13",
                "symbols": ["TSU"],
                "title": "Technology and software—unrestricted (TSU)",
            }
        ],
    }
    return {
        "country-chart.json": chart,
        "country-groups.json": groups,
        "ccl.json": ccl,
        "license-exception-catalog.json": catalog,
    }


def _write_sources(root: Path, sources: dict[str, dict[str, Any]]) -> Path:
    folder = root / "shared" / "ear_tables"
    folder.mkdir(parents=True)
    for name, data in sources.items():
        (folder / name).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return root / "shared"


def test_build_rejects_an_unresolvable_country(tmp_path: Path) -> None:
    pytest.importorskip("pycountry")
    from earmark.regdata.sources.ear_tables import build_ear_tables

    chart = _mini_sources()["country-chart.json"]
    chart["countries"]["Atlantis"] = {"marks": ["NS 1"], "footnotes": []}
    chart["countryCount"] = 4
    # Only the Country Chart is written: the build must fail on it before reading the others.
    shared = _write_sources(tmp_path, {"country-chart.json": chart})
    with pytest.raises(DataError) as err:
        build_ear_tables(shared, tmp_path / "out")
    assert "country-chart.json" in str(err.value) and "'Atlantis'" in str(err.value)
    assert not (tmp_path / "out").exists()


def test_build_rejects_an_unresolvable_group_member(tmp_path: Path) -> None:
    pytest.importorskip("pycountry")
    from earmark.regdata.sources.ear_tables import build_ear_tables

    sources = _mini_sources()
    sources["country-groups.json"]["groups"]["B"].append("Ruritania")
    shared = _write_sources(tmp_path, sources)
    with pytest.raises(DataError) as err:
        build_ear_tables(shared, tmp_path / "out")
    assert "country-groups.json" in str(err.value) and "'Ruritania'" in str(err.value)


@pytest.mark.parametrize(
    ("file", "mutate", "field"),
    [
        ("country-chart.json", lambda d: d["countries"]["China"].pop("marks"), "marks"),
        ("country-chart.json", lambda d: d["countries"]["China"]["marks"].append("ZZ 1"), "marks"),
        ("country-chart.json", lambda d: d.pop("columns"), "columns"),
        ("country-groups.json", lambda d: d["byCountry"]["D"].pop("China (PRC)"), "byCountry"),
        ("ccl.json", lambda d: d["entries"][0].pop("heading"), "heading"),
        ("ccl.json", lambda d: d["entries"][0].update(eccn="5A99Z"), "eccn"),
        ("ccl.json", lambda d: d["entries"][0].update(reasonForControl="AT, XQ"), "reasonFor"),
        ("license-exception-catalog.json", lambda d: d.update(count=5), "count"),
    ],
)
def test_build_rejects_odd_fields(tmp_path: Path, file: str, mutate: Any, field: str) -> None:
    pytest.importorskip("pycountry")
    from earmark.regdata.sources.ear_tables import build_ear_tables

    sources = copy.deepcopy(_mini_sources())
    mutate(sources[file])
    shared = _write_sources(tmp_path, sources)
    with pytest.raises(DataError) as err:
        build_ear_tables(shared, tmp_path / "out")
    assert str(err.value).startswith(file) and field in str(err.value)


def test_build_mini_and_load(tmp_path: Path) -> None:
    pytest.importorskip("pycountry")
    from earmark.regdata.sources.ear_tables import build_ear_tables

    shared = _write_sources(tmp_path, _mini_sources())
    out = tmp_path / "out"
    datasets = build_ear_tables(shared, out)
    assert [d.id for d in datasets] == [
        "ear-country-chart-2026-07-23",
        "ear-country-groups-2026-07-23",
        "ear-ccl-2026-07-23",
        "ear-license-exceptions-2026-07-23",
        "countries-2026-07-23",
    ]
    for ds in datasets:
        assert ds.kind == "ear_table" and ds.provenance.snapshot == date(2026, 7, 23)
    assert datasets[0].counts["countries"] == 3
    assert datasets[0].sha256 == sha256_file(out / "ear" / "country-chart.json.gz")
    assert datasets[0].provenance.source_sha256 == sha256_file(
        shared / "ear_tables" / "country-chart.json"
    )
    tables = load_ear_tables(out)
    assert tables.country_chart.license_required("KR", "NS 2") is True
    hk = tables.country_chart.row("HK")
    assert hk is not None and hk.code == "CN" and hk.inherited_basis == "85 FR 83788"
    assert tables.country_groups.groups_of("HK") == {"D:5"}
    assert tables.ccl.reasons_for_control("5A992.c") == ("AT",)
    assert tables.license_exceptions["TSU"].section == "740.13"
    # Deterministic: the same sources give byte-identical files.
    again = build_ear_tables(shared, tmp_path / "again")
    assert [d.sha256 for d in again] == [d.sha256 for d in datasets]


@pytest.mark.skipif(not (SHARED / "ear_tables").is_dir(), reason="shared/data not beside the repo")
def test_bundled_tables_match_a_rebuild(tmp_path: Path) -> None:
    pytest.importorskip("pycountry")
    from earmark.regdata.sources.ear_tables import build_ear_tables

    for ds in build_ear_tables(SHARED, tmp_path):
        path = tmp_path / "countries.json.gz" if ds.id.startswith("countries") else None
        name = path.name if path else ds.id.removeprefix("ear-").removesuffix("-2026-07-23")
        bundled = DATA_DIR / name if path else DATA_DIR / "ear" / f"{name}.json.gz"
        assert sha256_file(bundled) == ds.sha256, f"{bundled.name} is stale: run make data"
