"""What a rule change does to the work already done.

The review policy of an application's parties and items on a date comes from the rules
engine, with the stored policy events that reach its parties. ``impact`` re-evaluates, as of a
date (and with the bundled list data), every stored party, open application, license and
planned shipment, and reports exactly what changed for each, against what was recorded.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from sqlalchemy import Connection, select

from earmark.licensing import procedure as proc
from earmark.store import licenses as lic_store
from earmark.store import reviews
from earmark.store.core import Store
from earmark.store.schema import hit_reviews, parties, screenings, shipments

STRONG = 0.9  # as the rules engine: a weaker match is reported, not applied


def party_reached(screener: Any, party: dict[str, Any], selector: dict[str, Any], on: date) -> bool:
    """Whether a policy event's selector reaches a party: by name, or by being a strong match
    of an Entity List entry with a footnote (e.g. footnote 1: Huawei and its affiliates)."""
    for name in selector.get("names", []):
        if screener.match(name, party["name"]).score >= STRONG:
            return True
    footnote = selector.get("footnote")
    if footnote is not None:
        result = screener.screen(party["name"], lists=["EL"], as_of=on, limit=3)
        for m in result.matches:
            if m.score >= STRONG and int(footnote) in m.entry.footnotes:
                return True
    return False


def matcher(screener: Any) -> Any:
    def reaches(parties_: list[dict[str, Any]], selector: dict[str, Any], on: date) -> bool:
        return any(party_reached(screener, p, selector, on) for p in parties_)

    return reaches


def review_policy(
    engine: Any,
    conn: Connection | None,
    destination: str,
    parties_: list[dict[str, Any]],
    items: list[dict[str, Any]],
    on: date,
) -> dict[str, Any]:
    """The review policy in force on ``on`` for each item to these parties (rules engine),
    and the policy events that reach them."""
    out: dict[str, Any] = {"date": on.isoformat(), "items": [], "policy_events": []}
    for item in items:
        case = {
            "date": on.isoformat(),
            "destination": destination,
            "item": {"eccn": item["eccn"], "origin": "US", "value": item.get("value")},
            "parties": [{k: v for k, v in p.items() if v} for p in parties_],
        }
        d = engine.check(case)
        out["items"].append(
            {
                "eccn": item["eccn"],
                "license_required": d.license_required,
                "review_policy": d.review_policy,
                "why": [f"{r.rule}: {r.text}" for r in d.reasons if r.step == "policy"],
            }
        )
    if conn is not None:
        reach = matcher(engine.screener)
        for event in lic_store.events_in_force(conn, on):
            if event["kind"] == "no_new_licenses" and reach(parties_, event["selector"], on):
                out["policy_events"].append(
                    {"id": event["id"], "name": event["name"], "effective": event["effective"]}
                )
    return out


def impact(
    store: Store, engine: Any, on: date, screened: dict[int, Any] | None = None
) -> dict[str, Any]:
    """The report; ``screened``, when given, receives each changed party's new screening
    (so that ``impact --record`` records it without screening the party again)."""
    screener = engine.screener
    with store.read() as conn:
        changes = (
            _parties(conn, screener, on, screened)
            + _applications(conn, engine, on)
            + _licenses(conn, screener, on)
            + _planned(conn, on)
        )
    summary: dict[str, int] = {}
    for c in changes:
        summary[c["kind"]] = summary.get(c["kind"], 0) + 1
    return {
        "as_of": on.isoformat(),
        "data_version": engine.regdata.version,
        "changes": changes,
        "summary": summary,
    }


def _parties(
    conn: Connection, screener: Any, on: date, screened: dict[int, Any] | None = None
) -> list[dict[str, Any]]:
    out = []
    for p in conn.execute(select(parties).order_by(parties.c.id)).mappings():
        before: set[str] = set()
        if p["last_screening_id"]:
            row = conn.execute(
                select(screenings.c.result).where(screenings.c.id == p["last_screening_id"])
            ).one()
            before = {m["entry_id"] for m in json.loads(row.result)["matches"]}
        result = screener.screen(
            p["name"], country=p["country"], type=p["type"], address=p["address"], as_of=on
        )
        now = {m.entry.id: m for m in result.matches}
        added = sorted(set(now) - before)
        removed = sorted(before - set(now))
        changed = _changed_entries(conn, p, now)
        if added or removed or changed:
            if screened is not None:
                screened[p["id"]] = result
            out.append(
                {
                    "kind": "party",
                    "id": p["id"],
                    "name": p["name"],
                    "new_matches": [_brief(now[e]) for e in added],
                    "matches_gone": removed,
                    "entries_changed_since_review": changed,
                    "what": _party_text(added, removed, changed),
                }
            )
    return out


def _changed_entries(conn: Connection, party: Any, now: dict[str, Any]) -> list[str]:
    """Cleared pairs whose listed entry has changed since (they will be raised again)."""
    rows = conn.execute(
        select(hit_reviews).where(
            hit_reviews.c.subject_key == party["subject_key"], hit_reviews.c.status == "cleared"
        )
    ).mappings()
    return sorted(
        r["entry_id"]
        for r in rows
        if r["entry_id"] in now
        and reviews.fingerprint(now[r["entry_id"]].entry) != r["entry_fingerprint"]
    )


def _brief(m: Any) -> dict[str, Any]:
    return {
        "entry_id": m.entry.id,
        "list": m.entry.list,
        "name": m.entry.name,
        "score": m.score,
        "footnotes": list(m.entry.footnotes),
        "effective_date": m.entry.effective_date.isoformat() if m.entry.effective_date else None,
    }


def _party_text(added: list[str], removed: list[str], changed: list[str]) -> str:
    parts = []
    if added:
        parts.append(f"{len(added)} new match(es) to review")
    if removed:
        parts.append(f"{len(removed)} match(es) no longer listed")
    if changed:
        parts.append(f"{len(changed)} cleared entry(ies) changed: raised again")
    return "; ".join(parts)


def _applications(conn: Connection, engine: Any, on: date) -> list[dict[str, Any]]:
    out = []
    for app in lic_store.list_applications(conn, "open"):
        now = review_policy(engine, conn, app["destination"], app["parties"], app["items"], on)
        before = app["review_policy"] or {}
        was = [i.get("review_policy") for i in before.get("items", [])]
        is_ = [i["review_policy"] for i in now["items"]]
        was_events = {e["id"] for e in before.get("policy_events", [])}
        new_events = [e for e in now["policy_events"] if e["id"] not in was_events]
        if was != is_ or new_events:
            what = []
            if was != is_:
                what.append(f"review policy {was} -> {is_}")
            for e in new_events:
                what.append(f"policy event '{e['name']}' from {e['effective']}: expect denial")
            out.append(
                {
                    "kind": "application",
                    "number": app["number"],
                    "review_policy_before": was,
                    "review_policy_now": is_,
                    "policy_events": new_events,
                    "what": "; ".join(what),
                }
            )
    return out


def _licenses(conn: Connection, screener: Any, on: date) -> list[dict[str, Any]]:
    out = []
    for lic in lic_store.list_licenses(conn):
        what = []
        history = lic_store.status_history(conn, lic["id"])
        status = proc.status_on(history, on)
        if status is not None and status["status"] in ("revoked", "suspended"):
            what.append(f"{status['status']} from {status['effective']}: {status['reason']}")
        elif lic["expires_on"] < on.isoformat():
            what.append(f"expired on {lic['expires_on']}")
        what += _shipped_while_stopped(conn, lic, history)
        listed = [
            p["name"]
            for p in lic["parties"]
            if any(
                m.score >= STRONG
                and m.entry.effective_date
                and m.entry.effective_date.isoformat() > lic["issued_on"]
                for m in screener.screen(p["name"], lists=["EL", "DPL"], as_of=on, limit=3).matches
            )
        ]
        if listed:
            what.append(
                f"listed after the license was issued: {', '.join(listed)} "
                "(check the license's conditions and 744.11)"
            )
        if what:
            out.append(
                {
                    "kind": "license",
                    "number": lic["number"],
                    "status": lic["status"],
                    "what": "; ".join(what),
                }
            )
    return out


def _shipped_while_stopped(
    conn: Connection, lic: dict[str, Any], history: list[dict[str, Any]]
) -> list[str]:
    """Shipments made on a day a later-recorded (backdated) suspension or revocation covers."""
    out = []
    for s in lic_store.shipped(conn, lic["id"]):
        if s["status"] != "shipped":
            continue
        status = proc.status_on(history, date.fromisoformat(s["ship_on"]))
        if status is not None and status["status"] != "active":
            out.append(
                f"shipment {s['id']} on {s['ship_on']} falls in the {status['status']} "
                f"period from {status['effective']}"
            )
    return out


def _planned(conn: Connection, on: date) -> list[dict[str, Any]]:
    out = []
    rows = conn.execute(select(shipments).where(shipments.c.status == "planned")).mappings()
    for s in rows:
        lic = lic_store.get_license(conn, str(s["license_id"]))
        others = [x for x in lic_store.shipped(conn, lic["id"]) if x["id"] != s["id"]]
        try:
            proc.check_shipment(
                lic,
                date.fromisoformat(s["ship_on"]),
                s["eccn"],
                s["quantity"],
                s["value"],
                proc.balances(lic["items"], others),
                lic_store.status_history(conn, lic["id"]),
            )
        except proc.Refused as exc:
            out.append(
                {
                    "kind": "planned_shipment",
                    "id": s["id"],
                    "license": lic["number"],
                    "ship_on": s["ship_on"],
                    "what": exc.message,
                }
            )
    return out
