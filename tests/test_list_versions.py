"""Loading a new list version and what it changes (issue 5: "loading a new list version ...
re-evaluates stored parties ... and reports exactly what changed for each").

The new version is the bundled 2026-07-31 CSL written out as trade.gov's consolidated.csv with
one Entity List entry removed (Hikvision) and one added, dated by its start date.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from earmark.errors import BadInput
from earmark.regdata import load_regdata
from earmark.regdata.loaded import load_list_version, loaded_datasets, unload_list_version
from earmark.regdata.model import Address, ListEntry
from earmark.rules import Engine
from earmark.screening import Screener
from earmark.store.core import Store
from earmark.store.impact import impact
from earmark.store.records import ScreenerAsOf, add_party, rescreen_party
from earmark.store.rescreen import rescreen_since
from tests.csl_files import write_csl_csv

NEW = ListEntry(
    id="",
    list="EL",
    name="Quantum Falcon Microsystems Co., Ltd.",
    aliases=("QFM",),
    type="entity",
    countries=("CN",),
    addresses=(Address("8 Keji Road, Shenzhen, CN", "CN"),),
    federal_register=("91 FR 41234",),
    start_date=date(2026, 8, 20),
    license_requirement="For all items subject to the EAR.",
    license_policy="Presumption of denial.",
)
REMOVED_NAME = "Hangzhou Hikvision Digital Technology Co., Ltd."


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """A data dir of its own: two parties stored, then the new version loaded."""
    folder = tmp_path_factory.mktemp("list-versions")
    mp = pytest.MonkeyPatch()
    mp.setenv("EARMARK_DATA_DIR", str(folder))
    load_regdata.cache_clear()
    try:
        bundled = load_regdata()
        entries = list(bundled.lists.snapshot("csl-2026-07-31").values())
        gone = next(e for e in entries if e.list == "EL" and e.name == REMOVED_NAME)
        csv_path = folder / "consolidated.csv"
        write_csl_csv(csv_path, [e for e in entries if e.id != gone.id] + [NEW])
        store = Store(f"sqlite:///{folder / 'records.db'}", "pytest")
        screener = Screener(bundled)
        falcon = add_party(store, screener, "Quantum Falcon Microsystems", "customer", "CN")
        hik = add_party(store, screener, REMOVED_NAME, "customer", "CN")
        before = bundled.version
        dataset = load_list_version(csv_path, date(2026, 9, 1), bundled.bundled)
        load_regdata.cache_clear()
        yield {
            "folder": folder,
            "csv": csv_path,
            "store": store,
            "gone": gone,
            "falcon": falcon["party"],
            "hik": hik["party"],
            "dataset": dataset,
            "before": before,
            "bundled": bundled.bundled,
        }
    finally:
        mp.undo()
        load_regdata.cache_clear()


def test_the_new_version_is_a_list_snapshot_with_its_provenance(world: dict[str, Any]) -> None:
    rd = load_regdata()
    assert [d.id for d in loaded_datasets()] == ["csl-2026-09-01"]
    assert rd.version != world["before"] and rd.version.startswith("2026-09-01.")
    assert world["dataset"].counts["EL"] == 3420  # one removed, one added
    assert world["dataset"].provenance.source == "consolidated.csv"
    el = next(v for v in rd.list_versions(date(2026, 9, 1)) if v.list == "EL")
    assert el.dataset == "csl-2026-09-01"


def test_history_dates_the_new_entry_and_the_removal(world: dict[str, Any]) -> None:
    lists = load_regdata().lists
    new = next(lst for lst in lists.as_of(date(2026, 9, 1), ["EL"]) if lst.entry.name == NEW.name)
    assert new.history.effective == date(2026, 8, 20)  # its start date (91 FR, same year)
    assert not new.listed_on(date(2026, 8, 19))
    gone = lists.histories[world["gone"].id]
    assert gone.removed_by == date(2026, 9, 1)
    assert gone.listed_on(date(2026, 8, 31)) and not gone.listed_on(date(2026, 9, 1))
    # Entries that continue keep their ids (97 of them were respelled since 2022).
    el_2026 = [h for h in lists.histories.values() if h.list == "EL" and h.last_seen.year == 2026]
    assert all(h.removed_by is None or h.id == world["gone"].id for h in el_2026)


def test_impact_reports_each_party_change_and_record_starts_afresh(
    world: dict[str, Any],
) -> None:
    store, engine = world["store"], Engine()
    report = impact(store, engine, date(2026, 9, 2))
    by_id = {c["id"]: c for c in report["changes"] if c["kind"] == "party"}
    falcon, hik = by_id[world["falcon"]["id"]], by_id[world["hik"]["id"]]
    assert [m["name"] for m in falcon["new_matches"]] == [NEW.name]
    assert falcon["new_matches"][0]["effective_date"] == "2026-08-20"
    assert world["gone"].id in hik["matches_gone"]
    assert report["data_version"] == load_regdata().version
    screener = ScreenerAsOf(engine.screener, date(2026, 9, 2))
    for party_id in by_id:
        rescreen_party(store, screener, party_id)
    again = impact(store, engine, date(2026, 9, 2))
    assert not [c for c in again["changes"] if c["kind"] == "party"]


def test_only_what_the_new_version_added_or_changed_is_rescreened(world: dict[str, Any]) -> None:
    lists = load_regdata().lists
    day, changed = lists.changed_since("csl-2026-07-31")
    new_ids = {h.id for h in lists.histories.values() if h.first_seen == date(2026, 9, 1)}
    assert day == date(2026, 7, 31)
    assert new_ids and new_ids <= changed
    # An entry the new file gives as it was (names, aliases, type, countries, addresses) is
    # not screened again; this CSV loses some countries, so those entries are.
    old, new = lists.snapshot("csl-2026-07-31"), lists.snapshot(world["dataset"].id)

    def seen(e: ListEntry) -> tuple[object, ...]:
        return (e.name, set(e.aliases), e.type, set(e.countries), {a.text for a in e.addresses})

    same = [i for i in new if i in old and seen(new[i]) == seen(old[i])]
    assert len(same) > 10_000 and not changed & set(same)
    report = rescreen_since(world["store"], Screener(load_regdata()), "csl-2026-07-31")
    hits = {r["party"]["id"]: r for r in report["with_new_hits"]}
    assert set(hits) == {world["falcon"]["id"]}  # a removal brings no new hit
    assert [m["name"] for m in hits[world["falcon"]["id"]]["new_matches"]] == [NEW.name]
    assert hits[world["falcon"]["id"]]["screening_id"] > 0
    with pytest.raises(BadInput, match="since"):
        lists.changed_since("no-such-version")
    with pytest.raises(BadInput, match="no party with id 999999"):
        rescreen_since(world["store"], Screener(load_regdata()), "csl-2026-07-31", [999999])


def test_determination_sees_the_new_entry_only_from_its_date(world: dict[str, Any]) -> None:
    case = {
        "destination": "CN",
        "item": {"eccn": "EAR99", "origin": "US", "value": 100.0},
        "parties": [{"role": "end_user", "name": "Quantum Falcon Microsystems Co., Ltd."}],
    }
    engine = Engine()
    assert engine.check({**case, "date": "2026-08-19"}).license_required is False
    after = engine.check({**case, "date": "2026-09-02"})
    assert after.license_required is True
    assert any(r.rule.startswith("15 CFR 744.11") for r in after.reasons)


def test_bad_versions_are_refused_and_change_nothing(world: dict[str, Any], tmp_path: Path) -> None:
    bundled, version = world["bundled"], load_regdata().version
    with pytest.raises(BadInput) as exc:
        load_list_version(world["csv"], date(2026, 8, 1), bundled)
    assert exc.value.field == "snapshot"  # not after the newest CSL snapshot
    short = tmp_path / "short.csv"
    write_csl_csv(short, [NEW])
    with pytest.raises(BadInput) as exc:
        load_list_version(short, date(2026, 10, 1), bundled)
    assert exc.value.field == "file" and "far fewer entries" in str(exc.value)
    broken = tmp_path / "broken.csv"
    broken.write_text("name,country\nAcme,CN\n")
    with pytest.raises(BadInput) as exc:
        load_list_version(broken, date(2026, 10, 1), bundled)
    assert exc.value.field == "file" and "missing CSL columns" in str(exc.value)
    with pytest.raises(BadInput):
        unload_list_version("csl-2026-07-31", bundled)  # bundled versions stay
    load_regdata.cache_clear()
    assert load_regdata().version == version


def test_cli_load_errors_exit_2(world: dict[str, Any], cli: Any, tmp_path: Path) -> None:
    r = cli("lists", "load", str(tmp_path / "missing.csv"), "--snapshot", "2026-10-01")
    assert r.code == 2 and "file:" in r.err
    r = cli("lists", "load", str(world["csv"]), "--snapshot", "2026-13-01")
    assert r.code == 2 and "--snapshot" in r.err
    assert cli("lists", "--json").code == 0  # the listing still answers without a subcommand
