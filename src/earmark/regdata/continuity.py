"""Continuity of entries across list snapshots: the same party in two versions of a list.

Ids are hashed from names for the lists that do not number their entries (the CSL, but for
OFAC), and names get respelled between versions. :func:`carry_ids_forward` gives an entry of a
newer snapshot the id it had in the older one, so that its history (when it was listed, whether
it was removed) follows it; :class:`Joiner` finds the same entry in another source of the same
list. Used when the bundle is built (scripts/build_regdata.py) and when a user loads a new list
version (:mod:`earmark.regdata.loaded`).
"""

from __future__ import annotations

from dataclasses import replace

from rapidfuzz import fuzz

from earmark.regdata.fedreg import parse_citations
from earmark.regdata.ids import name_key
from earmark.regdata.model import ListEntry
from earmark.regdata.sources.common import UNNUMBERED, Parsed


class Joiner:
    """Finds the same entry in another source of the same list.

    By id, or by name; either way the two must share a Federal Register citation when both have
    citations, and a country when both have countries, so that a date or address is never taken
    from another entry of the same name.
    """

    def __init__(self, entries: list[ListEntry]) -> None:
        self.by_id = {e.id: e for e in entries}
        by_name: dict[tuple[str, str], list[ListEntry]] = {}
        for e in entries:
            by_name.setdefault((e.list, name_key(e.name)), []).append(e)
        self.by_name = by_name

    def find(self, entry: ListEntry) -> ListEntry | None:
        same_id = self.by_id.get(entry.id)
        if same_id is not None and same_id.list == entry.list and _compatible(entry, same_id):
            return same_id
        same = [
            e
            for e in self.by_name.get((entry.list, name_key(entry.name)), [])
            if _compatible(entry, e)
        ]
        return same[0] if len(same) == 1 else None


def _cites(entry: ListEntry) -> set[tuple[int, int]]:
    return {
        (c.volume, c.page)
        for t in entry.federal_register
        for c in parse_citations(t)
        if c.page is not None
    }


SAME_DOCUMENT_PAGES = 20  # the CSL moves an entry's page within its FR document between years


def _compatible(a: ListEntry, b: ListEntry) -> bool:
    """No evidence that these are two parties: a citation of the same FR document (within a
    few pages) when both have citations, a shared country when both have countries."""
    ca, cb = _cites(a), _cites(b)
    if (
        ca
        and cb
        and not any(
            va == vb and abs(pa - pb) <= SAME_DOCUMENT_PAGES for va, pa in ca for vb, pb in cb
        )
    ):
        return False
    return not (a.countries and b.countries and not set(a.countries) & set(b.countries))


def carry_ids_forward(older: Parsed, newer: Parsed) -> dict[str, str]:
    """Give entries of the newer snapshot the ids they had in the older one.

    Hashed ids follow the name, and names get respelled between snapshots ("Chengdu Huawei
    Technologies Co., Ltd., Chengdu, Sichuan" -> "... Co., Ltd."; "Dmitry" -> "Dmitriy").
    An entry of the newer snapshot whose id is not the id of the same entry in the older one
    takes the older id when their names agree (one a prefix of the other, or token-sort
    similarity of 85 or more) and nothing says they are two parties (:func:`_compatible`).
    Returns the renames made.
    """
    old_by_id = {e.id: e for e in older.entries}
    claimed: set[str] = set()
    kept: set[str] = set()  # ids that continue the same entry unchanged
    pending: list[ListEntry] = []
    for e in newer.entries:
        o = old_by_id.get(e.id)
        if o is not None and name_key(o.name) == name_key(e.name) and _compatible(e, o):
            claimed.add(o.id)
            kept.add(e.id)
        elif e.list in UNNUMBERED:
            pending.append(e)
    by_first_word: dict[tuple[str, str], list[ListEntry]] = {}
    for o in older.entries:
        if o.id not in claimed and o.list in UNNUMBERED:
            by_first_word.setdefault((o.list, name_key(o.name)[:4]), []).append(o)
    renames: dict[str, str] = {}
    for e in pending:
        key_e = name_key(e.name)
        for o in by_first_word.get((e.list, key_e[:4]), []):
            key_o = name_key(o.name)
            similar = (
                key_o.startswith(key_e)
                or key_e.startswith(key_o)
                or fuzz.token_sort_ratio(key_e, key_o) >= 85
            )
            if o.id not in claimed and similar and (_cites(e) or _cites(o)) and _compatible(e, o):
                claimed.add(o.id)
                renames[e.id] = o.id
                break
    # Ids of the older snapshot that no entry of the newer one continues: reserved for them.
    reserved = {o.id for o in older.entries if o.list in UNNUMBERED} - kept
    _apply_renames(newer, renames, reserved | set(renames.values()))
    return renames


def _apply_renames(parsed: Parsed, renames: dict[str, str], reserved: set[str]) -> None:
    """Apply ``renames``; an entry left holding an id that belongs to another entry (an older
    snapshot's, or one carried forward) gets a fresh one, so that two parties never share a
    history."""
    taken = {renames.get(e.id, e.id) for e in parsed.entries} | reserved
    final: dict[str, str] = {}
    for e in parsed.entries:
        new_id = renames.get(e.id, e.id)
        if e.id not in renames and e.id in reserved:
            n = 1
            while f"{e.id}-n{n}" in taken:
                n += 1
            new_id = f"{e.id}-n{n}"
            taken.add(new_id)
        final[e.id] = new_id
    parsed.entries = [replace(e, id=final[e.id]) for e in parsed.entries]
    parsed.dated_citations = {final.get(k, k): v for k, v in parsed.dated_citations.items()}
