"""The restricted-party lists as of any date, from the bundled snapshots.

Each bundled dataset is one snapshot of one or more lists (the CSL covers them all, the OFAC
files only SDN). For a list and a date the store answers which entries were listed then:

* an entry with a known effective date is listed from that date;
* an entry without one (OFAC publishes none in these files) is listed after the newest snapshot
  of the list that does not yet hold it (``not_before``), when there is one; OFAC numbers its
  entries in order, and the 2021 snapshot is complete, so this bound is sound;
* an entry missing from a later snapshot was removed by that snapshot's date (``removed_by``);
  between its last snapshot and that date it may or may not still be listed, and is kept
  (a screening should rather raise a potential match than miss one) with a flag.

The version of an entry shown for a date is the one in the first snapshot on or after that date
(the text closest to what was in force then), else the newest one.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cached_property
from pathlib import Path
from typing import Any

from earmark.compact import ChunkedSeq
from earmark.diskcache import cached
from earmark.errors import BadInput
from earmark.regdata import codec
from earmark.regdata.bundle import DATA_DIR, gc_paused, read_json_gz
from earmark.regdata.model import Dataset, EffectiveDate, ListEntry

HISTORY_FORMAT = "earmark-history/1"
HISTORY_FILE = "history.json.gz"

LIST_NAMES: dict[str, str] = {
    "EL": "Entity List",
    "MEU": "Military End User List",
    "UVL": "Unverified List",
    "DPL": "Denied Persons List",
    "SDN": "Specially Designated Nationals List",
    "SSI": "Sectoral Sanctions Identifications List",
    "FSE": "Foreign Sanctions Evaders List",
    "NS-MBS": "Non-SDN Menu-Based Sanctions List",
    "CMIC": "Non-SDN Chinese Military-Industrial Complex Companies List",
    "CAP": "Correspondent Account or Payable-Through Account Sanctions (CAPTA) List",
    "PLC": "Palestinian Legislative Council List",
    "ISN": "Nonproliferation Sanctions",
    "DTC": "ITAR Debarred",
}
AGENCY: dict[str, str] = {
    **dict.fromkeys(("EL", "MEU", "UVL", "DPL"), "Commerce, Bureau of Industry and Security"),
    **dict.fromkeys(("SDN", "SSI", "FSE", "NS-MBS", "CMIC", "CAP", "PLC"), "Treasury, OFAC"),
    **dict.fromkeys(("ISN", "DTC"), "State Department"),
}


@dataclass(frozen=True, slots=True)
class History:
    """When an entry was listed, as far as the snapshots and its effective date tell."""

    id: str
    list: str
    effective: date | None  # from any version of the entry that knows it
    approximate: bool
    not_before: date | None  # listed after this date (absent from the snapshot of that date)
    removed_by: date | None  # absent from the snapshot of this date
    present: tuple[tuple[date, str], ...]  # (snapshot date, dataset) holding it, oldest first

    @property
    def first_seen(self) -> date:
        return self.present[0][0]

    @property
    def last_seen(self) -> date:
        return self.present[-1][0]

    def listed_on(self, on: date) -> bool:
        # A snapshot that lacks the entry outweighs an earlier effective date: the entry was
        # not listed on that snapshot's date (removed and listed again, or renamed).
        if self.effective is not None and on < self.effective:
            return False
        if self.not_before is not None and on <= self.not_before:
            return False
        return self.removed_by is None or on < self.removed_by

    def flags(self, on: date) -> tuple[str, ...]:
        """Why the answer for ``on`` is less than certain, if it is."""
        out = []
        if self.effective is None and self.not_before is None:
            out.append("listing_date_unknown")
        elif self.not_before is not None and on < self.first_seen:
            out.append("listed_between_snapshots")
        if self.effective is not None and self.approximate:
            out.append("listing_date_approximate")
        if self.removed_by is not None and on > self.last_seen:
            out.append("possibly_removed")
        return tuple(out)

    def dataset_for(self, on: date | None) -> str:
        """The snapshot whose version stands for ``on``: the first on or after it, else the last."""
        if on is not None:
            for snapshot, dataset in self.present:
                if snapshot >= on:
                    return dataset
        return self.present[-1][1]


@dataclass(frozen=True, slots=True)
class Listing:
    """An entry as it stood on a date, with its listing history."""

    entry: ListEntry
    dataset: str  # the snapshot this version of the entry comes from
    history: History

    @property
    def first_seen(self) -> date:
        return self.history.first_seen

    @property
    def last_seen(self) -> date:
        return self.history.last_seen

    @property
    def removed_by(self) -> date | None:
        return self.history.removed_by

    def listed_on(self, on: date) -> bool:
        return self.history.listed_on(on)

    def flags(self, on: date) -> tuple[str, ...]:
        return self.history.flags(on)


class Snapshot(Mapping[str, ListEntry]):
    """One snapshot's entries by id, kept compact (earmark.compact.ChunkedSeq)."""

    def __init__(self, entries: list[ListEntry]) -> None:
        self._ids = {e.id: i for i, e in enumerate(entries)}
        self._entries = ChunkedSeq(entries, ListEntry)

    def __getitem__(self, entry_id: str) -> ListEntry:
        return self._entries[self._ids[entry_id]]

    def __iter__(self) -> Iterator[str]:
        return iter(self._ids)

    def __len__(self) -> int:
        return len(self._ids)


class ListStore:
    """All bundled list snapshots, loaded lazily, and the lists as of any date.

    The bundle carries a history index (built by ``compute_histories`` at build time), so that
    counting the lists on a date reads no snapshot, and a screening loads only the snapshots
    whose versions stand for its date.
    """

    def __init__(
        self,
        datasets: Iterable[Dataset],
        loader: Callable[[str], list[ListEntry]] | None = None,
        history_file: Path | None = None,
    ) -> None:
        self.datasets = {d.id: d for d in datasets if d.kind == "lists"}
        self._bundled = loader is None
        self._history_file = history_file  # the index over bundled and loaded snapshots
        self._load = loader or _load_bundled
        self._entries: dict[str, Mapping[str, ListEntry]] = {}

    # -- snapshots -------------------------------------------------------------------------

    @cached_property
    def primary(self) -> list[Dataset]:
        """The list versions, oldest first (alternate parses are used only to enrich)."""
        return sorted(
            (d for d in self.datasets.values() if d.primary),
            key=lambda d: (d.provenance.snapshot, d.id),
        )

    def snapshot(self, dataset_id: str) -> Mapping[str, ListEntry]:
        """The entries of one snapshot by id (loaded on first use, through the disk cache:
        decoding a whole snapshot takes most of a second, a lookup in the cached one reads
        only the chunk that holds the entry)."""
        if dataset_id not in self._entries:
            dataset = self.datasets.get(dataset_id)
            key = dataset.sha256 if dataset is not None and dataset.sha256 else None

            def build() -> Snapshot:
                return Snapshot(self._load(dataset_id))

            self._entries[dataset_id] = (
                cached(f"snapshot-{dataset_id}", key, build) if key else build()
            )
        return self._entries[dataset_id]

    @cached_property
    def list_codes(self) -> tuple[str, ...]:
        codes = {code for d in self.primary for code in d.counts}
        order = list(LIST_NAMES)
        return tuple(sorted(codes, key=lambda c: (order.index(c) if c in order else 99, c)))

    def covers(self, dataset: Dataset, code: str) -> bool:
        """A CSL snapshot covers every list the CSL has ever carried; other files their own."""
        if dataset.id.startswith("csl-"):
            return any(code in d.counts for d in self.primary if d.id.startswith("csl-"))
        return code in dataset.counts

    def snapshots_of(self, code: str) -> list[Dataset]:
        return [d for d in self.primary if self.covers(d, code)]

    @cached_property
    def newest_snapshot(self) -> date:
        return max(d.provenance.snapshot for d in self.primary)

    # -- history ---------------------------------------------------------------------------

    @cached_property
    def histories(self) -> dict[str, History]:
        """Every entry id ever listed, with its listing history."""
        if self._bundled or self._history_file is not None:
            path = self._history_file or DATA_DIR / "lists" / HISTORY_FILE
            with gc_paused():
                return _read_histories(read_json_gz(path))
        return self.compute_histories()

    def compute_histories(self) -> dict[str, History]:
        out: dict[str, History] = {}
        for code in self.list_codes:
            out.update(self._histories_of(code))
        return out

    def _histories_of(self, code: str) -> dict[str, History]:
        inception = list_inception()
        snaps = self.snapshots_of(code)
        dates = [d.provenance.snapshot for d in snaps]
        seen: dict[str, list[tuple[int, ListEntry]]] = {}
        for i, ds in enumerate(snaps):
            for e in self.snapshot(ds.id).values():
                if e.list == code:
                    seen.setdefault(e.id, []).append((i, e))
        out = {}
        for entry_id, present in seen.items():
            first, last = present[0][0], present[-1][0]
            eff = _earliest_effective(e for _, e in present)
            not_before = dates[first - 1] if first > 0 else None
            if not_before is None and eff is None and code in inception:
                not_before = inception[code]  # not listed before its list existed
            out[entry_id] = History(
                id=entry_id,
                list=code,
                effective=eff.value if eff else None,
                approximate=bool(eff and eff.approximate),
                not_before=not_before,
                removed_by=dates[last + 1] if last + 1 < len(snaps) else None,
                present=tuple((dates[i], snaps[i].id) for i, _ in present),
            )
        return out

    def histories_on(
        self, on: date | None = None, lists: Iterable[str] | None = None
    ) -> Iterator[History]:
        """Histories of the entries listed on ``on``, without loading any snapshot."""
        day = on or self.newest_snapshot
        wanted = set(lists) if lists is not None else None
        for h in self.histories.values():
            if (wanted is None or h.list in wanted) and h.listed_on(day):
                yield h

    def changed_since(self, since: str) -> tuple[date, frozenset[str]]:
        """The ids of the entries added or changed since a snapshot (a dataset id, or a
        date: the state of that day), and that snapshot's date. An entry is in when its
        newest version is in a later snapshot and no earlier snapshot holds it as it now
        reads. Nothing that changed is left out; an entry a later file merely repeats as it
        was is."""
        day = self._since_day(since)
        changed = []
        for h in self.histories.values():
            newest_day, newest_ds = h.present[-1]
            if newest_day <= day or newest_day < self.newest_snapshot:
                continue  # no version after the snapshot, or no longer listed
            before = [ds for d, ds in h.present if d <= day]
            if not before or _matched_on(self.snapshot(before[-1])[h.id]) != _matched_on(
                self.snapshot(newest_ds)[h.id]
            ):
                changed.append(h.id)
        return day, frozenset(changed)

    def _since_day(self, since: str) -> date:
        dataset = self.datasets.get(since)
        if dataset is not None:
            return dataset.provenance.snapshot
        try:
            return date.fromisoformat(since)
        except ValueError:
            known = ", ".join(d.id for d in self.primary)
            raise BadInput("since", f"not a list version ({known}) or a date: {since!r}") from None

    def listing(self, entry_id: str, on: date | None = None) -> Listing | None:
        """The entry with this id, in its version for ``on``; None for an unknown id."""
        history = self.histories.get(entry_id)
        return self._listing(history, on) if history is not None else None

    def as_of(
        self, on: date | None = None, lists: Iterable[str] | None = None
    ) -> Iterator[Listing]:
        """Listings in force on ``on`` (None: as of the newest snapshot)."""
        day = on or self.newest_snapshot
        for history in self.histories_on(day, lists):
            yield self._listing(history, day)

    def _listing(self, history: History, on: date | None) -> Listing:
        dataset = history.dataset_for(on)
        entry = self.snapshot(dataset)[history.id]
        if len(history.present) > 1:
            entry = _merge_versions(
                entry, [self.snapshot(ds)[history.id] for _, ds in history.present]
            )
        return Listing(entry=entry, dataset=dataset, history=history)


def _matched_on(entry: ListEntry) -> tuple[Any, ...]:
    """What screening matches a party against: a change elsewhere (a remark, a source id)
    brings no new hit."""
    return (
        entry.name,
        frozenset(entry.aliases),
        entry.type,
        frozenset(entry.countries),
        frozenset(a.text for a in entry.addresses),
    )


def _earliest_effective(entries: Iterable[ListEntry]) -> EffectiveDate | None:
    """The earliest date any version gives: a later snapshot may drop the first citation."""
    dates = [e.effective for e in entries if e.effective is not None]
    return min(dates, key=lambda d: (d.value, d.approximate)) if dates else None


def _merge_versions(entry: ListEntry, versions: list[ListEntry]) -> ListEntry:
    """The chosen version, completed from the others of the same entry.

    The snapshots differ in what they kept: the legacy OFAC sdn.csv has no aliases or addresses,
    the reduced 2026 CSL no street addresses. Aliases are joined (a name once used for a listed
    party stays worth screening); countries and addresses are taken from another version when
    this one has none; the effective date is the earliest any version gives.
    """
    aliases = tuple(dict.fromkeys(a for v in (entry, *versions) for a in v.aliases))
    aliases = tuple(a for a in aliases if a != entry.name)
    countries = entry.countries or next((v.countries for v in versions if v.countries), ())
    addresses = entry.addresses or next((v.addresses for v in versions if v.addresses), ())
    effective = _earliest_effective(versions) or entry.effective
    if (aliases, countries, addresses, effective) == (
        entry.aliases,
        entry.countries,
        entry.addresses,
        entry.effective,
    ):
        return entry
    return replace(
        entry, aliases=aliases, countries=countries, addresses=addresses, effective=effective
    )


def list_inception() -> dict[str, date]:
    """The day before each list began (``data/list_inception.toml``), keyed by list code."""
    with (DATA_DIR / "list_inception.toml").open("rb") as fh:
        rows = tomllib.load(fh)["list"]
    return {r["code"]: r["began"] - timedelta(days=1) for r in rows}


def encode_histories(histories: dict[str, History]) -> dict[str, Any]:
    datasets = sorted({ds for h in histories.values() for _, ds in h.present})
    snapshot_of = {ds: d for h in histories.values() for d, ds in h.present}
    index = {ds: i for i, ds in enumerate(datasets)}
    return {
        "format": HISTORY_FORMAT,
        "datasets": [[ds, snapshot_of[ds].isoformat()] for ds in datasets],
        "rows": [
            [
                h.id,
                h.list,
                _iso(h.effective),
                h.approximate,
                _iso(h.not_before),
                _iso(h.removed_by),
                [index[ds] for _, ds in h.present],
            ]
            for h in sorted(histories.values(), key=lambda h: h.id)
        ],
    }


def _read_histories(doc: dict[str, Any]) -> dict[str, History]:
    if doc.get("format") != HISTORY_FORMAT:
        raise ValueError(f"unsupported history index format {doc.get('format')!r}")
    datasets = [(date.fromisoformat(d), ds) for ds, d in doc["datasets"]]
    dates: dict[str, date] = {}

    def day(value: str | None) -> date | None:
        if value is None:
            return None
        if value not in dates:
            dates[value] = date.fromisoformat(value)
        return dates[value]

    return {
        r[0]: History(
            r[0], r[1], day(r[2]), r[3], day(r[4]), day(r[5]), tuple(datasets[i] for i in r[6])
        )
        for r in doc["rows"]
    }


def _load_bundled(dataset_id: str) -> list[ListEntry]:
    with gc_paused():
        return codec.decode(read_json_gz(DATA_DIR / "lists" / f"{dataset_id}.json.gz"))


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None
