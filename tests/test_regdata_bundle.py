"""The bundled data: integrity, the Huawei entries, effective dates, and reproducibility."""

from __future__ import annotations

import gzip
import json
import re
from datetime import date
from pathlib import Path

from earmark.regdata import load_regdata
from earmark.regdata.bundle import DATA_DIR, read_manifest, sha256_file
from earmark.regdata.ids import name_key
from earmark.regdata.model import DateBasis, ListEntry, ReviewPolicy

HUAWEI = re.compile(r"huawei|hisilicon", re.I)


def _huawei_now() -> list[ListEntry]:
    rd = load_regdata()
    return [
        lst.entry
        for lst in rd.lists.as_of(None, ["EL"])
        if any(HUAWEI.search(n) for n in lst.entry.names)
    ]


def test_every_bundled_file_matches_its_manifest_hash() -> None:
    datasets = read_manifest()["datasets"]
    assert {d["kind"] for d in datasets} >= {"lists", "ear_table"}
    for d in datasets:
        assert sha256_file(DATA_DIR / d["file"]) == d["sha256"], d["id"]
        assert d["provenance"]["origin"] and d["provenance"]["snapshot"]
        assert len(d["provenance"]["source_sha256"]) == 64


def test_entity_list_size_and_sources() -> None:
    versions = {v.list: v for v in load_regdata().list_versions()}
    assert versions["EL"].entries >= 3400
    assert versions["EL"].dataset == "csl-2026-07-31"
    assert versions["SDN"].entries > 19000


def test_every_huawei_entry_has_footnotes_and_an_effective_date() -> None:
    huawei = _huawei_now()
    assert len(huawei) == 141  # 140 Huawei/HiSilicon entries + SiCarrier through an alias
    for e in huawei:
        assert e.effective is not None, e.name
        if "sicarrier" not in e.name.casefold():
            assert e.footnotes == (1, 2), e.name
    # As the CSL publishes it, one Huawei entry reads "Case-by-case review."; all others
    # "Presumption of denial".
    case_by_case = [e.name for e in huawei if e.primary_policy is ReviewPolicy.CASE_BY_CASE]
    assert case_by_case == ["Huawei Technologies Dusseldorf GmbH"]
    denial = [e for e in huawei if e.primary_policy is ReviewPolicy.PRESUMPTION_OF_DENIAL]
    assert len(denial) == 140
    dates = {e.effective.value for e in huawei if e.effective}
    assert dates >= {date(2019, 5, 16), date(2019, 8, 19), date(2020, 8, 17)}


def test_huawei_entries_are_exactly_those_of_the_2026_csl(shared_data: Path) -> None:
    with gzip.open(shared_data / "csl/screening-list_2026-07-31.reduced.json.gz", "rt") as fh:
        doc = json.load(fh)
    el = doc["tables"]["sources"].index("Entity List (EL) - Bureau of Industry and Security")
    raw = sorted(
        name_key(e["n"])
        for e in doc["entries"]
        if e["s"] == el and HUAWEI.search(json.dumps(e, ensure_ascii=False))
    )
    assert sorted(name_key(e.name) for e in _huawei_now()) == raw


def test_listing_dates_win_over_publication_dates() -> None:
    by_name = {e.name: e for e in _huawei_now()}
    device = by_name["Huawei Device Co., Ltd."]
    assert device.effective is not None and device.effective.value == date(2019, 5, 16)
    assert device.effective.basis is DateBasis.TIMELINE
    assert device.start_date == date(2019, 5, 21)  # the FR publication date, kept beside it
    august = [e for e in _huawei_now() if e.effective and e.effective.citation == "84 FR 43495"]
    assert august and all(e.effective and e.effective.value == date(2019, 8, 19) for e in august)


def test_huawei_listing_as_of_its_effective_date() -> None:
    rd = load_regdata()
    device = next(e for e in _huawei_now() if e.name == "Huawei Device Co., Ltd.")
    before = rd.lists.listing(device.id, date(2019, 5, 15))
    assert before is not None and not before.listed_on(date(2019, 5, 15))
    assert before.listed_on(date(2019, 5, 16))
    # On 2021-01-01 the version shown is the 2022 CSL's, which still cites 736.2(b)(3)(vi).
    old = rd.lists.listing(device.id, date(2021, 1, 1))
    assert old is not None and old.dataset == "csl-2022-05-16"
    assert "736.2(b)(3)(vi)" in (old.entry.license_requirement or "")


def test_dates_without_timeline_event_fall_back_in_order() -> None:
    bases = {
        lst.entry.effective.basis
        for lst in load_regdata().lists.as_of(None, ["EL", "DPL"])
        if lst.entry.effective
    }
    assert {DateBasis.TIMELINE, DateBasis.START_DATE} <= bases
    approx = [
        lst.entry
        for lst in load_regdata().lists.as_of(None, ["EL"])
        if lst.entry.effective and lst.entry.effective.basis is DateBasis.FEDERAL_REGISTER_APPROX
    ]
    assert all(e.effective and e.effective.approximate for e in approx)


def test_two_digit_year_start_date_is_repaired() -> None:
    rd = load_regdata()
    dates = [
        lst.entry.effective_date for lst in rd.lists.as_of(None, ["EL"]) if lst.entry.effective_date
    ]
    assert min(dates) >= date(1990, 1, 1)


def test_rebuild_is_byte_identical(tmp_path: Path, shared_data: Path) -> None:
    """scripts/build_regdata.py reproduces the bundle exactly (and it is up to date)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "build_regdata", Path(__file__).resolve().parents[1] / "scripts" / "build_regdata.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.build(shared_data, tmp_path)
    for built in sorted(tmp_path.rglob("*.json.gz")):
        bundled = DATA_DIR / built.relative_to(tmp_path)
        assert sha256_file(built) == sha256_file(bundled), built.name


def test_ids_continue_across_snapshots_when_names_are_respelled() -> None:
    """The 2022 CSL writes "Chengdu Huawei Technologies Co., Ltd., Chengdu, Sichuan"; the 2026
    CSL drops the city. One party, one id, one history: never two entries for one party."""
    rd = load_regdata()
    hits = [
        lst
        for lst in rd.lists.as_of(date(2020, 1, 1), ["EL"])
        if name_key(lst.entry.name).startswith("chengdu huawei technologies")
    ]
    assert len(hits) == 1
    assert hits[0].first_seen == date(2022, 5, 16) and hits[0].removed_by is None


def test_no_id_is_shared_by_two_parties() -> None:
    """An id that belonged to one party in 2022 is never reused for another in 2026."""
    rd = load_regdata()
    old = rd.lists.snapshot("csl-2022-05-16")
    new = rd.lists.snapshot("csl-2026-07-31")
    for entry_id, e in new.items():
        o = old.get(entry_id)
        if o is not None and e.list == "EL" and e.federal_register and o.federal_register:
            vol_new = {c.split(" FR ")[0] for c in e.federal_register}
            vol_old = {c.split(" FR ")[0] for c in o.federal_register}
            assert vol_new & vol_old, (entry_id, e.name, o.name)


def test_the_earliest_date_of_any_version_wins() -> None:
    # The 2026 CSL dropped 84 FR 22961 from this entry; the 2022 CSL still has it.
    rd = load_regdata()
    hit = next(
        lst for lst in rd.lists.as_of(date(2019, 6, 1), ["EL"]) if lst.entry.name == "Proven Honour"
    )
    assert hit.entry.effective_date == date(2019, 5, 16)


def test_counts_on_a_snapshot_date_equal_the_snapshot() -> None:
    versions = {v.list: v for v in load_regdata().list_versions(date(2022, 5, 16))}
    assert versions["EL"].entries == 2001  # the rows of the 2022 CSL
    assert versions["DPL"].entries == 462
    later = {v.list: v for v in load_regdata().list_versions(date(2022, 5, 17))}
    assert later["SDN"].entries == 10026 and later["SDN"].possibly_listed > 5000


def test_footnote_1_before_2022_is_inferred_from_the_section_cited() -> None:
    rd = load_regdata()
    old = [
        lst.entry
        for lst in rd.lists.as_of(date(2021, 1, 1), ["EL"])
        if "huawei" in lst.entry.name.casefold()
    ]
    assert old and all(1 in e.footnotes and e.footnotes_inferred for e in old)
    assert all("736.2(b)(3)(vi)" in (e.license_requirement or "") for e in old)


def test_csl_country_names_become_codes() -> None:
    codes = {c for lst in load_regdata().lists.as_of(None) for c in lst.entry.countries}
    assert all(len(c) == 2 and c.isupper() for c in codes)
    assert "TR" in codes
