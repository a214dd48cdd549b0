"""The lists as of a date, from several snapshots (earmark.regdata.lists), on synthetic data."""

from __future__ import annotations

from datetime import date

from earmark.regdata.lists import ListStore
from earmark.regdata.model import Dataset, DateBasis, EffectiveDate, ListEntry, Provenance


def _ds(ds_id: str, snapshot: date, counts: dict[str, int]) -> Dataset:
    prov = Provenance(source=ds_id, origin="test", snapshot=snapshot, source_sha256="0")
    return Dataset(id=ds_id, title=ds_id, kind="lists", provenance=prov, sha256="0", counts=counts)


def _eff(d: date) -> EffectiveDate:
    return EffectiveDate(d, DateBasis.TIMELINE)


OFAC21 = [
    ListEntry(id="SDN-1", list="SDN", name="OLD CO"),
    ListEntry(id="SDN-2", list="SDN", name="GONE CO"),
]
CSL22 = [
    ListEntry(id="SDN-1", list="SDN", name="OLD CO"),
    ListEntry(id="SDN-3", list="SDN", name="NEW CO"),
    ListEntry(
        id="EL-a",
        list="EL",
        name="Huawei Device Co., Ltd.",
        license_requirement="see 736.2(b)(3)(vi)",
        effective=_eff(date(2019, 5, 16)),
    ),
    ListEntry(id="FSE-9", list="FSE", name="EVADER LTD"),
]
CSL26 = [
    ListEntry(id="SDN-1", list="SDN", name="OLD CO"),
    ListEntry(id="SDN-3", list="SDN", name="NEW CO"),
    ListEntry(
        id="EL-a", list="EL", name="Huawei Device Co., Ltd.", license_requirement="see 734.9(e)1"
    ),
]
SNAPS = {"ofac-2021": OFAC21, "csl-2022": CSL22, "csl-2026": CSL26}


def _store() -> ListStore:
    datasets = [
        _ds("ofac-2021", date(2021, 7, 7), {"SDN": 2}),
        _ds("csl-2022", date(2022, 5, 16), {"SDN": 2, "EL": 1, "FSE": 1}),
        _ds("csl-2026", date(2026, 7, 31), {"SDN": 2, "EL": 1}),
    ]
    return ListStore(datasets, loader=lambda ds: SNAPS[ds])


def _ids(store: ListStore, on: date) -> set[str]:
    return {lst.entry.id for lst in store.as_of(on)}


def test_current_view_is_the_newest_snapshot() -> None:
    assert _ids(_store(), date(2026, 8, 1)) == {"SDN-1", "SDN-3", "EL-a"}


def test_effective_date_bounds_the_listing() -> None:
    store = _store()
    assert "EL-a" not in _ids(store, date(2019, 5, 15))
    assert "EL-a" in _ids(store, date(2019, 5, 16))


def test_entry_absent_from_an_older_snapshot_was_listed_after_it() -> None:
    store = _store()
    assert "SDN-3" not in _ids(store, date(2021, 7, 7))
    listing = store.listing("SDN-3", date(2021, 12, 1))
    assert listing is not None and listing.listed_on(date(2021, 12, 1))
    assert listing.flags(date(2021, 12, 1)) == ("listed_between_snapshots",)


def test_entry_missing_from_a_later_snapshot_was_removed_by_then() -> None:
    store = _store()
    assert "SDN-2" in _ids(store, date(2021, 7, 7))
    gone = store.listing("SDN-2", date(2022, 1, 1))
    assert gone is not None and gone.flags(date(2022, 1, 1)) == (
        "listing_date_unknown",
        "possibly_removed",
    )
    assert "SDN-2" not in _ids(store, date(2022, 5, 16))
    # A list the newest CSL no longer carries is removed with it.
    assert "FSE-9" in _ids(store, date(2022, 5, 1))
    assert "FSE-9" not in _ids(store, date(2026, 7, 31))


def test_version_shown_is_the_one_closest_after_the_date() -> None:
    store = _store()
    old = store.listing("EL-a", date(2021, 1, 1))
    new = store.listing("EL-a", date(2023, 1, 1))
    assert old is not None and new is not None
    assert old.dataset == "csl-2022" and "736.2" in (old.entry.license_requirement or "")
    assert new.dataset == "csl-2026" and "734.9" in (new.entry.license_requirement or "")
    # The newer version lacks the date; the older one knows it, and it is carried over.
    assert new.entry.effective_date == date(2019, 5, 16)


def test_unknown_id() -> None:
    assert _store().listing("EL-nope") is None
