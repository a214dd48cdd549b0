"""earmark.regdata: the versioned, dated store of regulations and restricted-party lists.

Everything the engine knows about the law comes from here, with its provenance:

* :mod:`.lists`: the restricted-party lists (CSL 2026 and 2022, OFAC SDN 2024 and 2021) merged
  into one model of entries, answerable as of any date;
* :mod:`.timeline`: the dated regulatory actions (listings, general licenses, FDP rule versions);
* :mod:`.ear_tables`: the Commerce Country Chart, Country Groups, the CCL and Part 740;
* :mod:`.countries`: ISO 3166 codes and the names the regulations use.

``load_regdata()`` opens the bundle; parts load on first use, so a command pays only for what it
reads.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass
from datetime import date
from functools import cached_property, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from earmark.regdata.bundle import read_manifest
from earmark.regdata.lists import AGENCY, LIST_NAMES, History, Listing, ListStore
from earmark.regdata.model import Dataset, ListEntry

if TYPE_CHECKING:
    from earmark.regdata.dated import DatedTables
    from earmark.regdata.ear_tables import EarTables
    from earmark.regdata.timeline import Timeline

RULES_DATA = Path(__file__).resolve().parent.parent / "rules" / "data"

__all__ = ["ListEntry", "ListVersion", "Listing", "RegData", "load_regdata"]


@dataclass(frozen=True, slots=True)
class ListVersion:
    """One list as of a date: how many entries, from which snapshot, and their dates."""

    list: str
    name: str
    agency: str
    entries: int  # listed on the date as far as the snapshots show
    possibly_listed: int  # listed between two snapshots: maybe on the date, maybe later
    snapshot: date
    dataset: str
    source: str
    sha256: str
    earliest_effective: date | None
    latest_effective: date | None
    effective_known: int
    effective_approximate: int
    uncertain: dict[str, int]

    def to_dict(self) -> dict[str, Any]:
        return {
            "list": self.list,
            "name": self.name,
            "agency": self.agency,
            "entries": self.entries,
            "possibly_listed": self.possibly_listed,
            "snapshot": self.snapshot.isoformat(),
            "dataset": self.dataset,
            "source": self.source,
            "sha256": self.sha256,
            "effective_dates": {
                "earliest": _iso(self.earliest_effective),
                "latest": _iso(self.latest_effective),
                "known": self.effective_known,
                "approximate": self.effective_approximate,
            },
            "uncertain": self.uncertain,
        }


class RegData:
    """The bundled regulatory data: lists, timeline and EAR tables, with their versions."""

    def __init__(self, manifest: dict[str, Any], loaded: list[Dataset] | None = None) -> None:
        self.manifest = manifest
        self.bundled = [Dataset.from_dict(d) for d in manifest["datasets"]]
        self.loaded = loaded or []  # list versions the user loaded (regdata.loaded)
        self.datasets = self.bundled + self.loaded
        if self.loaded:
            from earmark.regdata.loaded import history_path, read_loaded

            self.lists = ListStore(self.datasets, loader=read_loaded, history_file=history_path())
        else:
            self.lists = ListStore(self.datasets)

    @cached_property
    def timeline(self) -> Timeline:
        from earmark.regdata.timeline import load_timeline

        return load_timeline()

    @cached_property
    def ear(self) -> EarTables:
        from earmark.regdata.ear_tables import load_ear_tables

        return load_ear_tables()

    @cached_property
    def dated(self) -> DatedTables:
        """The EAR tables as of any date: the bundled tables with later amendments undone."""
        from earmark.regdata.amendments import amendment_log
        from earmark.regdata.dated import DatedTables

        return DatedTables(self.ear, amendment_log())

    def entry_on(self, entry: ListEntry, day: date) -> tuple[ListEntry, tuple[str, ...]]:
        """An Entity List entry's text on ``day`` (later revisions the log records undone)."""
        from earmark.regdata.dated import entry_as_of

        return entry_as_of(entry, day, self.dated.log)

    def ear_on(self, day: date) -> EarTables:
        """The Country Chart, Country Groups and CCL in force on ``day``."""
        return self.dated.on(day)

    @cached_property
    def version(self) -> str:
        """Identifies the data used: the newest list snapshot and a hash of every dataset."""
        h = hashlib.sha256()
        for d in sorted(self.datasets, key=lambda d: d.id):
            h.update(f"{d.id}:{d.sha256}\n".encode())
        h.update(f"timeline:{self.manifest.get('timeline_sha256', '')}\n".encode())
        from earmark.regdata.amendments import amendment_log_sha256

        h.update(f"amendments:{amendment_log_sha256()}\n".encode())
        # The rules' own data (review policies, FDP versions, Part 744/746 tables) is part of
        # what an answer depends on, so it is part of the version too.
        for path in sorted(RULES_DATA.glob("*.toml")):
            h.update(f"{path.name}:{hashlib.sha256(path.read_bytes()).hexdigest()}\n".encode())
        return f"{self.lists.newest_snapshot.isoformat()}.{h.hexdigest()[:12]}"

    def list_versions(self, on: date | None = None) -> list[ListVersion]:
        """Each list as of ``on``: counts and dates from the history index alone."""
        day = on or self.lists.newest_snapshot
        by_code: dict[str, list[History]] = {}
        for h in self.lists.histories_on(day):
            by_code.setdefault(h.list, []).append(h)
        return [self._version(code, by_code.get(code, []), day) for code in self.lists.list_codes]

    def _version(self, code: str, histories: list[History], day: date) -> ListVersion:
        used = Counter(h.dataset_for(day) for h in histories)
        snaps = [d for d in self.lists.snapshots_of(code) if d.provenance.snapshot <= day]
        main_id = used.most_common(1)[0][0] if used else (snaps or self.lists.primary)[-1].id
        main = self.lists.datasets[main_id]
        dates = [h.effective for h in histories if h.effective]
        flags: Counter[str] = Counter(f for h in histories for f in h.flags(day))
        between = sum(1 for h in histories if "listed_between_snapshots" in h.flags(day))
        return ListVersion(
            list=code,
            name=LIST_NAMES.get(code, code),
            agency=AGENCY.get(code, ""),
            entries=len(histories) - between,
            possibly_listed=between,
            snapshot=main.provenance.snapshot,
            dataset=main.id,
            source=main.provenance.origin,
            sha256=main.sha256,
            earliest_effective=min(dates, default=None),
            latest_effective=max(dates, default=None),
            effective_known=len(dates),
            effective_approximate=sum(1 for h in histories if h.approximate),
            uncertain=dict(sorted(flags.items())),
        )


@lru_cache(maxsize=1)
def load_regdata() -> RegData:
    """The bundled data with the list versions the user loaded (``earmark lists load``)."""
    from earmark.regdata.loaded import loaded_datasets

    return RegData(read_manifest(), loaded_datasets())


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None
