"""Use cases that take more than one store call, in one place for the CLI and the service.

Each function is what one command or one HTTP route does: it takes parsed input (a JSON
document already read, dates already parsed) and returns the JSON-ready result. Neither the
CLI nor the service holds orchestration of its own.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from earmark.errors import BadInput, Refused
from earmark.store import licenses as ls
from earmark.store.core import Store
from earmark.store.impact import impact, matcher, review_policy


def application_fields(
    data: Any, where: str, allow_unknown: bool = False
) -> tuple[dict[str, Any], list[str]]:
    """The fields an application (``where`` = "application") or amendment document gives,
    checked: its keys against the format, its countries and ECCNs against the regulatory data."""
    from earmark.licensing.forms import Amendment, Application, parse_form
    from earmark.regdata import load_regdata
    from earmark.regdata.countries import require_country

    model = Application if where == "application" else Amendment
    fields, ignored = parse_form(model, data, where, allow_unknown)
    if "parties" in fields:
        fields["parties"] = ls.validate_parties(fields["parties"])
    if "items" in fields:
        fields["items"] = ls.validate_items(fields["items"], load_regdata().ear.ccl)
    if "destination" in fields:
        fields["destination"] = require_country(fields["destination"], f"{where}.destination")
    if model is Amendment and not fields:
        raise BadInput(where, "changes nothing: give any of " + ", ".join(Amendment.model_fields))
    return fields, ignored


def submit_application(
    store: Store, engine: Any, data: Any, on: date, allow_unknown: bool = False
) -> dict[str, Any]:
    """Submit an application (750.4): its review policy on ``on`` is worked out first and
    kept with it."""
    fields, ignored = application_fields(data, "application", allow_unknown)
    with store.read() as conn:
        policy = review_policy(
            engine, conn, fields["destination"], fields["parties"], fields["items"], on
        )
    row = ls.apply(
        store,
        fields["applicant"],
        fields["destination"],
        fields["parties"],
        fields["items"],
        fields.get("end_use"),
        on,
        policy,
    )
    if ignored:
        row["ignored_fields"] = ignored
    return row


def amend_application(
    store: Store, engine: Any, ref: str, data: Any, on: date, allow_unknown: bool = False
) -> dict[str, Any]:
    """Amend an application not yet referred; the review policy is worked out again."""
    changes, ignored = application_fields(data, "amendment", allow_unknown)
    with store.read() as conn:
        current = {**ls.get_application(conn, ref), **changes}
        policy = review_policy(
            engine, conn, current["destination"], current["parties"], current["items"], on
        )
    row = ls.amend(store, ref, changes, on, policy)
    if ignored:
        row["ignored_fields"] = ignored
    return row


def decide_application(
    store: Store,
    engine: Any,
    ref: str,
    decision: str,
    on: date,
    note: str | None = None,
    conditions: list[str] | None = None,
    valid_until: date | None = None,
) -> dict[str, Any]:
    """Record the decision (an approval issues the license), with the review policy in force
    on the decision date beside it."""
    with store.read() as conn:
        app = ls.get_application(conn, ref)
        policy = review_policy(engine, conn, app["destination"], app["parties"], app["items"], on)
    out = ls.decide(store, ref, decision, on, note, list(conditions or []), valid_until, policy)
    out["review_policy"] = policy
    return out


def ship(
    store: Store,
    ref: str,
    eccn: str,
    quantity: float,
    value: float,
    on: date,
    planned: bool = False,
) -> dict[str, Any]:
    """Draw a shipment down from a license; a refusal is kept in the audit trail (in a
    transaction of its own) and raised with its reason."""
    try:
        return ls.ship(store, ref, eccn.strip(), quantity, value, on, planned)
    except Refused as exc:
        ls.record_refusal(
            store,
            ref,
            {
                "on": on.isoformat(),
                "eccn": eccn,
                "quantity": quantity,
                "value": value,
                "reason": str(exc),
            },
        )
        raise


def add_policy_event(
    store: Store, engine: Any, data: Any, allow_unknown: bool = False
) -> dict[str, Any]:
    """Record a dated policy event (docs/formats.md); revocations and suspensions apply to
    the stored licenses it reaches."""
    from earmark.licensing.forms import PolicyEvent, parse_form

    fields, ignored = parse_form(PolicyEvent, data, "event", allow_unknown)
    selector: dict[str, Any] = {}
    if fields.get("parties"):
        selector["names"] = fields["parties"]
    if fields.get("footnote") is not None:
        selector["footnote"] = footnote(fields["footnote"], "event.footnote")
    out = ls.add_event(
        store,
        fields["name"],
        fields["kind"],
        fields["effective"],
        selector,
        fields.get("source"),
        matcher(engine.screener),
    )
    if ignored:
        out["ignored_fields"] = ignored
    return out


def footnote(number: int, field: str = "footnote") -> int:
    """An Entity List footnote that entries carry (Supp. No. 4 to Part 744)."""
    from earmark.regdata.footnotes import FOOTNOTES

    if number not in FOOTNOTES:
        known = ", ".join(f"{n} ({what})" for n, what in FOOTNOTES.items())
        raise BadInput(field, f"no Entity List footnote {number}; the footnotes: {known}")
    return number


def impact_report(store: Store, engine: Any, on: date, record: bool = False) -> dict[str, Any]:
    """The impact report as of ``on``; ``record``: screen the changed parties again and record
    it (the screening done for the report, not a second one), so that the next report starts
    from here."""
    from earmark.store.records import ScreenerAsOf, rescreen_party

    screened: dict[int, Any] = {}
    report = impact(store, engine, on, screened if record else None)
    if record:
        screener = ScreenerAsOf(engine.screener, on)
        report["recorded"] = [
            rescreen_party(store, screener, c["id"], screened[c["id"]])["screening"]["record"]
            for c in report["changes"]
            if c["kind"] == "party"
        ]
    return report


def entry_view(regdata: Any, entry_id: str, day: date | None) -> dict[str, Any]:
    """One list entry in full as it stood on ``day`` (``entry --as-of``), with the snapshots
    that hold it, oldest first (its versions by date)."""
    from dataclasses import replace

    from earmark.errors import NotFound

    listing = regdata.lists.listing(entry_id, day)
    if listing is None:
        raise NotFound("entry_id", f"no list entry with id {entry_id!r}")
    undone: tuple[str, ...] = ()
    if day is not None:
        entry, undone = regdata.entry_on(listing.entry, day)
        listing = replace(listing, entry=entry)
    data = listing_json(listing, day)
    if undone:
        data["later_revisions_undone"] = list(undone)
    return data


def listing_json(listing: Any, day: date | None) -> dict[str, Any]:
    """A listing as JSON: the entry, its snapshot and its listing dates (``entries --json``)."""
    data: dict[str, Any] = listing.entry.to_dict()
    data["dataset"] = listing.dataset
    if day is not None:
        data["listed_on_date"] = listing.listed_on(day)
        data["uncertain"] = list(listing.flags(day))
    data["first_seen"] = listing.first_seen.isoformat()
    data["last_seen"] = listing.last_seen.isoformat()
    if listing.removed_by:
        data["removed_by"] = listing.removed_by.isoformat()
    return data


def entry_versions(regdata: Any, entry_id: str) -> list[dict[str, Any]]:
    """The snapshots that hold an entry, oldest first, each with the entry's name there."""
    listing = regdata.lists.listing(entry_id, None)
    if listing is None:
        return []
    out = []
    for snapshot, dataset in listing.history.present:
        entry = regdata.lists.snapshot(dataset).get(entry_id)
        out.append(
            {
                "snapshot": snapshot.isoformat(),
                "dataset": dataset,
                "name": entry.name if entry is not None else None,
                "aliases": list(entry.aliases) if entry is not None else [],
            }
        )
    return out


def change_lists(store: Store, done: str, change: Any) -> dict[str, Any]:
    """Load or unload a list version (``change(bundled) -> Dataset``), and note it in the
    audit trail with both data versions."""
    from earmark.regdata import load_regdata

    before = load_regdata().version
    dataset = change(load_regdata().bundled)
    load_regdata.cache_clear()
    after = load_regdata().version
    payload = {done: dataset.to_dict(), "data_version_before": before, "data_version": after}
    with store.write(after) as tx:
        tx.note(f"list_version_{done}", dataset.id, payload)
    return payload


def load_list_version(store: Store, path: Any, snapshot: date, fmt: str | None) -> dict[str, Any]:
    """``lists load``: a new version of the Consolidated Screening List, from a file."""
    from earmark.regdata.loaded import load_list_version as load

    return change_lists(store, "loaded", lambda bundled: load(path, snapshot, bundled, fmt))


def timeline(regdata: Any, day: date | None, series: str | None) -> dict[str, Any]:
    """The dated regulatory actions (all, or those in force on ``day``) and the amendment log."""
    from dataclasses import asdict

    tl = regdata.timeline
    if series is not None and series not in tl.series_names():
        raise BadInput(
            "series", f"unknown series {series!r}; known: {', '.join(tl.series_names())}"
        )
    events = tl.in_force(day) if day else tl.events
    events = tuple(e for e in events if series is None or e.series == series)
    log = regdata.dated.log
    amendments = [
        a
        for a in reversed(log.amendments)
        if series is None and (day is None or a.effective <= day)
    ]

    def event_json(e: Any) -> dict[str, Any]:
        out = {k: v for k, v in asdict(e).items() if v not in (None, (), [])}
        for key in ("effective_from", "effective_to", "published"):
            if key in out:
                out[key] = out[key].isoformat()
        if "kind" in out and hasattr(out["kind"], "value"):
            out["kind"] = out["kind"].value
        return out

    return {
        "as_of": day.isoformat() if day else None,
        "timeline_sha256": tl.sha256,
        "events": [event_json(e) for e in events],
        "amendments": [dict(a.brief(), tables=list(a.tables)) for a in amendments],
        "amendment_log_sha256": log.sha256,
    }


def rescreen_parties(
    store: Store, screener: Any, ids: list[int] | None, as_of: date | None
) -> list[dict[str, Any]]:
    """Screen stored parties again (every party unless ``ids``), as of a date: each recorded,
    new hits raised for review, the party's status following."""
    from earmark.store.records import ScreenerAsOf, list_parties, rescreen_party

    if not ids:
        with store.read() as conn:
            ids = [p["id"] for p in list_parties(conn)]
    dated = ScreenerAsOf(screener, as_of)
    return [rescreen_party(store, dated, i) for i in ids]
