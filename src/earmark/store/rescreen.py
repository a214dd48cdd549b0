"""Re-screening stored parties against what changed on the lists (issue 15): after a new list
version, each party is screened only against the entries added or changed since a version
(``ListStore.changed_since``), in the whole index's weights. A party that matches one of them is
then screened in full and recorded (so its status and its review queue follow every hit, old
and new); a party that matches none keeps its last screening, which nothing since changes.
"""

from __future__ import annotations

from typing import Any

from earmark.errors import NotFound
from earmark.store.core import Store
from earmark.store.records import list_parties, rescreen_party


def rescreen_since(
    store: Store, screener: Any, since: str, ids: list[int] | None = None
) -> dict[str, Any]:
    """Re-screen the parties (``ids``, default all) against the entries changed since the
    list version or date ``since``; returns the parties with new hits, each recorded."""
    day, changed = screener.regdata.lists.changed_since(since)
    with store.read() as conn:
        parties = [p for p in list_parties(conn) if ids is None or p["id"] in ids]
    missing = sorted(set(ids or ()) - {p["id"] for p in parties})
    if missing:
        raise NotFound("party", f"no party with id {missing[0]}")
    found = []
    for party in parties:
        delta = screener.screen(
            party["name"],
            country=party["country"],
            type=party["type"],
            address=party["address"],
            only_entries=changed,
        )
        if not delta.matches:
            continue
        full = rescreen_party(store, screener, party["id"])
        found.append(
            {
                "party": full["party"],
                "new_matches": [m.to_dict() for m in delta.matches],
                "screening_id": full["screening"]["record"]["screening_id"],
            }
        )
    return {
        "since": since,
        "since_date": day.isoformat(),
        "changed_entries": len(changed),
        "parties": len(parties),
        "with_new_hits": found,
    }
