"""License applications, licenses, shipments and policy events, kept in the store.

The rules of the procedure are in :mod:`earmark.licensing.procedure`; this module reads the
records, asks the rules, and writes the change with its audit row in one transaction. Every
call takes the date it happens on (``on``), so a team can record what happened when.
"""

from __future__ import annotations

import json
import math
from datetime import date
from typing import Any

from sqlalchemy import Connection, Table, select

from earmark.errors import BadInput, NotFound
from earmark.licensing import procedure as proc
from earmark.regdata.countries import require_country
from earmark.store import MAX_ID, audit
from earmark.store.core import Store, Tx, fits
from earmark.store.schema import (
    application_holds,
    applications,
    audit_log,
    license_status,
    licenses,
    policy_events,
    recommendations,
    shipments,
)

EVENT_KINDS = ("no_new_licenses", "revoke_licenses", "suspend_licenses")
ROLES = ("purchaser", "intermediate_consignee", "ultimate_consignee", "end_user")


# -- reading ---------------------------------------------------------------------------------


def _decode(row: dict[str, Any]) -> dict[str, Any]:
    out = dict(row)
    for key in ("parties", "items", "agencies", "conditions", "review_policy", "selector"):
        if isinstance(out.get(key), str):
            out[key] = json.loads(out[key])
    return out


def _by_ref(
    conn: Connection, table: Table, ref: str, what: str, lock: bool = False
) -> dict[str, Any]:
    """A record by its number (Z0000001, D000001) or its id. ``lock``: hold the row for the
    transaction (SELECT ... FOR UPDATE on PostgreSQL; SQLite's BEGIN IMMEDIATE already holds
    the database), so that two writers never both pass a check on the same state."""
    ref = ref.strip()
    if ref.isascii() and ref.isdigit():
        if int(ref) > MAX_ID:
            raise NotFound(what, f"no {what} {ref!r}")
        where = table.c.id == int(ref)
    else:
        where = table.c.number == ref
    query = select(table).where(where)
    if lock:
        query = query.with_for_update()
    found = conn.execute(query).mappings().one_or_none()
    if found is None:
        raise NotFound(what, f"no {what} {ref!r}")
    return _decode(dict(found))


def get_application(conn: Connection, ref: str, lock: bool = False) -> dict[str, Any]:
    """An application with its holds (the periods 750.4(b) does not count)."""
    app = _by_ref(conn, applications, ref, "application", lock)
    app["holds"] = holds_of(conn, app["id"])
    return app


def holds_of(conn: Connection, app_id: int) -> list[dict[str, Any]]:
    rows = conn.execute(
        select(application_holds)
        .where(application_holds.c.application_id == app_id)
        .order_by(application_holds.c.id)
    )
    return [dict(r) for r in rows.mappings()]


def get_license(conn: Connection, ref: str, lock: bool = False) -> dict[str, Any]:
    return _by_ref(conn, licenses, ref, "license", lock)


def recommendations_of(conn: Connection, app_id: int) -> dict[str, str]:
    rows = conn.execute(
        select(recommendations.c.agency, recommendations.c.recommendation).where(
            recommendations.c.application_id == app_id
        )
    )
    return {r.agency: r.recommendation for r in rows}


def status_history(conn: Connection, license_id: int) -> list[dict[str, Any]]:
    """Every status the license has had, in the order recorded."""
    rows = conn.execute(
        select(license_status)
        .where(license_status.c.license_id == license_id)
        .order_by(license_status.c.id)
    )
    return [dict(r) for r in rows.mappings()]


def shipped(conn: Connection, license_id: int) -> list[dict[str, Any]]:
    rows = conn.execute(
        select(shipments).where(shipments.c.license_id == license_id).order_by(shipments.c.id)
    )
    return [dict(r) for r in rows.mappings()]


# -- applications ------------------------------------------------------------------------------


def validate_parties(raw: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for i, p in enumerate(raw):
        field = f"parties[{i}]"
        if not isinstance(p, dict) or not str(p.get("name", "")).strip():
            raise BadInput(f"{field}.name", "each party needs a name")
        fits(str(p["name"]), 1000, f"{field}.name")
        role = p.get("role", "ultimate_consignee")
        if role not in ROLES:
            raise BadInput(f"{field}.role", f"one of {', '.join(ROLES)}")
        country = p.get("country")
        if country:
            country = require_country(str(country), f"{field}.country")
        out.append({"role": role, "name": str(p["name"]).strip(), "country": country})
    if not out:
        raise BadInput("parties", "an application names at least one party")
    return out


def validate_items(raw: list[dict[str, Any]], ccl: Any) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for i, it in enumerate(raw):
        field = f"items[{i}]"
        if not isinstance(it, dict):
            raise BadInput(field, "an object with eccn, quantity and value")
        eccn = ccl.parse_eccn(str(it.get("eccn", "")), f"{field}.eccn")
        ccl.require(eccn, f"{field}.eccn")
        qty, value = it.get("quantity"), it.get("value")
        for name, v in (("quantity", qty), ("value", value)):
            if isinstance(v, bool) or not isinstance(v, int | float) or not 0 <= v < math.inf:
                raise BadInput(f"{field}.{name}", "a finite number of 0 or more")
        if float(qty) <= 0:  # type: ignore[arg-type]
            raise BadInput(f"{field}.quantity", "must be more than 0")
        if any(o["eccn"] == eccn.text for o in out):
            # Balances are drawn down per ECCN: one line per ECCN, with the total.
            raise BadInput(
                f"{field}.eccn", f"{eccn.text} is named twice: give one line with the total"
            )
        out.append({"eccn": eccn.text, "quantity": float(qty), "value": float(value)})  # type: ignore[arg-type]
    if not out:
        raise BadInput("items", "an application names at least one item")
    return out


def apply(
    store: Store,
    applicant: str,
    destination: str,
    parties: list[dict[str, Any]],
    items: list[dict[str, Any]],
    end_use: str | None,
    on: date,
    policy: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Submit (register) an application; ``policy`` is the review policy on that date."""
    if not applicant.strip():
        raise BadInput("applicant", "must not be empty")
    fits(applicant, 1000, "applicant")
    destination = require_country(destination, "destination")
    with store.write() as tx:
        row = tx.insert(
            applications,
            {
                "number": "pending",
                "applicant": applicant.strip(),
                "parties": audit.canonical(parties),
                "items": audit.canonical(items),
                "destination": destination,
                "end_use": end_use,
                "status": "submitted",
                "submitted_on": on.isoformat(),
                "review_policy": audit.canonical(policy) if policy else None,
            },
            "application.submit",
        )
        # BIS application control numbers: Z followed by seven digits.
        row = tx.change(
            applications, row["id"], {"number": f"Z{row['id']:07d}"}, "application.number"
        )
    return _decode(row)


def amend(
    store: Store, ref: str, changes: dict[str, Any], on: date, policy: dict[str, Any] | None
) -> dict[str, Any]:
    """Amend an application not yet referred: parties, items, destination, end use (already
    validated); the review policy is the one for the amended application. Once referred,
    the agencies review it as referred: a changed application is returned without action
    and submitted again, and is then a new application (750.4(a)(2))."""
    allowed = {"parties", "items", "destination", "end_use", "applicant"}
    unknown = sorted(set(changes) - allowed)
    if unknown or not changes:
        raise BadInput(
            "amendment",
            f"may change {', '.join(sorted(allowed))}"
            + (f"; not {', '.join(unknown)}" if unknown else ""),
        )
    if "applicant" in changes:
        applicant = str(changes["applicant"] or "").strip()
        if not applicant:
            raise BadInput("applicant", "must not be empty")
        fits(applicant, 1000, "applicant")
        changes = {**changes, "applicant": applicant}
    with store.write() as tx:
        app = get_application(tx.conn, ref, lock=True)
        if app["status"] != "submitted":
            raise proc.Refused(
                proc.application_name(app),
                f"cannot amend: it is {app['status']}; return it without action and submit a "
                "new application (750.4(a)(2): a resubmitted application is a new one)",
            )
        _not_before(on, _last_step(tx.conn, app), "on")
        values = {
            k: audit.canonical(v) if k in ("parties", "items") else v for k, v in changes.items()
        }
        values["review_policy"] = audit.canonical(policy) if policy else None
        row = tx.change(applications, app["id"], values, "application.amend")
        tx.note(
            "application.amended_on",
            f"application:{app['number']}",
            {"on": on.isoformat(), "changed": sorted(changes)},
        )
    return _decode(row)


def hold(store: Store, ref: str, reason: str, on: date, note: str | None) -> dict[str, Any]:
    """Stop an application's clock from ``on`` for a reason of 750.4(b)."""
    with store.write() as tx:
        app = get_application(tx.conn, ref, lock=True)
        proc.check_hold(app, reason)
        _not_before(on, _last_step(tx.conn, app), "on")
        row = tx.insert(
            application_holds,
            {
                "application_id": app["id"],
                "reason": reason,
                "note": note,
                "started_on": on.isoformat(),
                "ended_on": None,
            },
            "application.hold",
        )
    return {"application": app["number"], "hold": row}


def resume(store: Store, ref: str, on: date) -> dict[str, Any]:
    """Start an application's clock again: the held days move its deadlines."""
    with store.write() as tx:
        app = get_application(tx.conn, ref, lock=True)
        open_hold = proc.check_resume(app, on)
        row = tx.change(
            application_holds, open_hold["id"], {"ended_on": on.isoformat()}, "application.resume"
        )
    return {"application": app["number"], "hold": row}


def refer(store: Store, ref: str, agencies: list[str], on: date) -> dict[str, Any]:
    with store.write() as tx:
        app = get_application(tx.conn, ref, lock=True)
        proc.check_refer(app, agencies)
        _not_before(on, app["submitted_on"], "on")
        row = tx.change(
            applications,
            app["id"],
            {
                "status": "referred",
                "referred_on": on.isoformat(),
                "agencies": audit.canonical(sorted(set(agencies))),
            },
            "application.refer",
        )
    return _decode(row)


def recommend(
    store: Store, ref: str, agency: str, recommendation: str, conditions: str | None, on: date
) -> dict[str, Any]:
    with store.write() as tx:
        app = get_application(tx.conn, ref, lock=True)
        done = recommendations_of(tx.conn, app["id"])
        proc.check_recommend(app, agency, recommendation, set(done))
        _not_before(on, app["referred_on"], "on")
        tx.insert(
            recommendations,
            {
                "application_id": app["id"],
                "agency": agency,
                "recommendation": recommendation,
                "conditions": conditions,
                "on": on.isoformat(),
            },
            "application.recommend",
        )
        app = get_application(tx.conn, ref)
    app["recommendations"] = {**done, agency: recommendation}
    app["disagreement"] = proc.disagreement(app["recommendations"])
    return app


def escalate(
    store: Store, ref: str, on: date, level_decided_on: date | None = None
) -> dict[str, Any]:
    """Escalate a disagreement one level; ``level_decided_on``: the day the current level
    decided (an appeal from it comes within 5 days, 750.4(f))."""
    with store.write() as tx:
        app = get_application(tx.conn, ref, lock=True)
        level = proc.check_escalate(
            app, recommendations_of(tx.conn, app["id"]), on, level_decided_on
        )
        if level_decided_on is not None:
            tx.note(
                "application.level_decided",
                f"application:{app['number']}",
                {"level": app["escalation"], "decided_on": level_decided_on.isoformat()},
            )
        _not_before(on, _last_step(tx.conn, app), "on")
        row = tx.change(
            applications,
            app["id"],
            {"status": "escalated", "escalation": level, "escalated_on": on.isoformat()},
            "application.escalate",
        )
    return _decode(row)


def decide(
    store: Store,
    ref: str,
    decision: str,
    on: date,
    note: str | None,
    conditions: list[str],
    valid_until: date | None,
    policy: dict[str, Any] | None,
) -> dict[str, Any]:
    """Record BIS's decision; an approval issues the license (four years unless stated)."""
    with store.write() as tx:
        app = get_application(tx.conn, ref, lock=True)
        deemed = proc.check_decide(app, decision, recommendations_of(tx.conn, app["id"]), on)
        _not_before(on, _last_step(tx.conn, app), "on")
        if decision == "approved_with_conditions" and not conditions:
            raise BadInput("condition", "an approval with conditions states them")
        for held in app["holds"]:
            if not held["ended_on"]:  # the decision ends the hold
                tx.change(
                    application_holds,
                    held["id"],
                    {"ended_on": on.isoformat()},
                    "application.resume",
                )
        row = tx.change(
            applications,
            app["id"],
            {
                "status": decision,
                "decided_on": on.isoformat(),
                "decision_note": "; ".join(
                    x for x in (note, deemed and f"deemed no objection: {', '.join(deemed)}") if x
                )
                or None,
                "conditions": audit.canonical(conditions) if conditions else None,
                "review_policy": audit.canonical(policy or app["review_policy"] or None)
                if (policy or app["review_policy"])
                else None,
            },
            f"application.{decision}",
        )
        out: dict[str, Any] = {"application": _decode(row)}
        if deemed:
            out["deemed_no_objection"] = deemed
        if decision in ("approved", "approved_with_conditions"):
            out["license"] = _issue(tx, _decode(row), on, conditions, valid_until)
    return out


def _issue(
    tx: Tx, app: dict[str, Any], on: date, conditions: list[str], valid_until: date | None
) -> dict[str, Any]:
    row = tx.insert(
        licenses,
        {
            "number": "pending",
            "application_id": app["id"],
            "holder": app["applicant"],
            "parties": audit.canonical(app["parties"]),
            "items": audit.canonical(app["items"]),
            "destination": app["destination"],
            "issued_on": on.isoformat(),
            "expires_on": proc.expiry(on, valid_until).isoformat(),
            "conditions": audit.canonical(conditions) if conditions else None,
            "status": "active",
        },
        "license.issue",
    )
    row = tx.change(licenses, row["id"], {"number": f"D{row['id']:06d}"}, "license.number")
    _add_status(tx, row["id"], "active", on, "issued", None)
    return _decode(row)


def _add_status(
    tx: Tx, license_id: int, status: str, on: date, reason: str, event_id: int | None
) -> dict[str, Any]:
    return tx.insert(
        license_status,
        {
            "license_id": license_id,
            "status": status,
            "effective": on.isoformat(),
            "reason": reason,
            "event_id": event_id,
            "recorded_at": audit.now(),
        },
        "license.status_history",
    )


def _last_step(conn: Connection, app: dict[str, Any]) -> str:
    """The date of the application's latest step: submission, referral, a recommendation or
    an escalation (a later step cannot be dated before it)."""
    dates = [app["submitted_on"], app.get("referred_on"), app.get("escalated_on")]
    dates += [h[k] for h in app.get("holds") or [] for k in ("started_on", "ended_on")]
    dates += [
        r[0]
        for r in conn.execute(
            select(recommendations.c.on).where(recommendations.c.application_id == app["id"])
        )
    ]
    return str(max(d for d in dates if d))


def _not_before(on: date, start: str | None, field: str) -> None:
    if start and on < date.fromisoformat(start):
        raise BadInput(field, f"{on} is before {start}, when the previous step happened")


# -- licenses ----------------------------------------------------------------------------------


def ship(
    store: Store,
    ref: str,
    eccn: str,
    quantity: float,
    value: float,
    on: date,
    planned: bool = False,
) -> dict[str, Any]:
    """Draw a shipment down from a license; a refusal is recorded in the audit trail and
    raised with its reason."""
    with store.write() as tx:
        lic = get_license(tx.conn, ref, lock=True)
        balance = proc.balances(lic["items"], shipped(tx.conn, lic["id"]))
        history = status_history(tx.conn, lic["id"])
        proc.check_shipment(lic, on, eccn, quantity, value, balance, history)
        row = tx.insert(
            shipments,
            {
                "license_id": lic["id"],
                "ship_on": on.isoformat(),
                "eccn": eccn,
                "quantity": float(quantity),
                "value": float(value),
                "status": "planned" if planned else "shipped",
                "created_at": audit.now(),
            },
            "license.ship",
        )
        return _shipment_out(tx.conn, lic, row)


def record_refusal(store: Store, ref: str, detail: dict[str, Any]) -> None:
    """Keep a refused shipment in the audit trail (a separate transaction: the refusal
    changes no record)."""
    with store.write() as tx:
        tx.note("license.ship_refused", f"license:{ref}", detail)


def set_status(
    store: Store,
    ref: str,
    status: str,
    on: date,
    reason: str,
    event_id: int | None = None,
) -> dict[str, Any]:
    if status not in ("revoked", "suspended", "active"):
        raise BadInput("status", "revoked, suspended or active")
    if not reason.strip():
        raise BadInput("reason", "say why")
    with store.write() as tx:
        return _set_status(tx, get_license(tx.conn, ref, lock=True), status, on, reason, event_id)


def _set_status(
    tx: Tx, lic: dict[str, Any], status: str, on: date, reason: str, event_id: int | None
) -> dict[str, Any]:
    history = status_history(tx.conn, lic["id"])
    proc.check_status_change(history, status, on, f"license {lic['number']}", lic["issued_on"])
    added = _add_status(tx, lic["id"], status, on, reason, event_id)
    # The license row shows the status now in force (the latest, or a revocation).
    now = proc.status_on([*history, added], date.max) or added
    row = tx.change(
        licenses,
        lic["id"],
        {
            "status": now["status"],
            "status_on": now["effective"],
            "status_reason": now["reason"],
            "event_id": now["event_id"],
        },
        f"license.{status}",
    )
    return _decode(row)


def complete_shipment(store: Store, shipment_id: int, on: date) -> dict[str, Any]:
    """A planned shipment went out on ``on``: checked again as of that date (status,
    expiry); its quantity and value were held from the balance when it was planned."""
    with store.write() as tx:
        planned, lic = _planned_shipment(tx.conn, shipment_id)
        others = [s for s in shipped(tx.conn, lic["id"]) if s["id"] != shipment_id]
        proc.check_shipment(
            lic,
            on,
            planned["eccn"],
            planned["quantity"],
            planned["value"],
            proc.balances(lic["items"], others),
            status_history(tx.conn, lic["id"]),
        )
        row = tx.change(
            shipments, shipment_id, {"status": "shipped", "ship_on": on.isoformat()}, "license.ship"
        )
        return _shipment_out(tx.conn, lic, row)


def cancel_shipment(store: Store, shipment_id: int, reason: str) -> dict[str, Any]:
    """A planned shipment will not go: its quantity and value return to the balance."""
    if not reason.strip():
        raise BadInput("reason", "say why")
    with store.write() as tx:
        _planned, lic = _planned_shipment(tx.conn, shipment_id)
        row = tx.change(shipments, shipment_id, {"status": "cancelled"}, "license.ship_cancelled")
        tx.note("license.ship_cancelled", f"shipment:{shipment_id}", {"reason": reason.strip()})
        return _shipment_out(tx.conn, lic, row)


def _shipment_out(conn: Connection, lic: dict[str, Any], row: dict[str, Any]) -> dict[str, Any]:
    """A shipment as recorded, with the license's balance after it."""
    balance = proc.balances(lic["items"], shipped(conn, lic["id"]))
    return {"shipment": row, "license": lic["number"], "balance": [b.to_dict() for b in balance]}


def _planned_shipment(conn: Connection, shipment_id: int) -> tuple[dict[str, Any], dict[str, Any]]:
    if not 0 < shipment_id <= MAX_ID:
        raise NotFound("shipment", f"no shipment {shipment_id}")
    row = (
        conn.execute(select(shipments).where(shipments.c.id == shipment_id).with_for_update())
        .mappings()
        .one_or_none()
    )
    if row is None:
        raise NotFound("shipment", f"no shipment {shipment_id}")
    if row["status"] != "planned":
        raise proc.Refused(f"shipment {shipment_id}", f"it is {row['status']}, not planned")
    return dict(row), get_license(conn, str(row["license_id"]), lock=True)


def list_applications(conn: Connection, status: str | None = None) -> list[dict[str, Any]]:
    query = select(applications).order_by(applications.c.id)
    if status is not None and status != "open" and status not in proc.OPEN + proc.FINAL:
        raise BadInput("status", f"open or one of {', '.join(proc.OPEN + proc.FINAL)}")
    if status == "open":
        query = query.where(applications.c.status.in_(proc.OPEN))
    elif status is not None:
        query = query.where(applications.c.status == status)
    return [_decode(dict(r)) for r in conn.execute(query).mappings()]


def list_licenses(conn: Connection) -> list[dict[str, Any]]:
    rows = conn.execute(select(licenses).order_by(licenses.c.id)).mappings()
    out = []
    for r in rows:
        lic = _decode(dict(r))
        lic["balance"] = [
            b.to_dict() for b in proc.balances(lic["items"], shipped(conn, lic["id"]))
        ]
        out.append(lic)
    return out


def describe_license(conn: Connection, ref: str) -> dict[str, Any]:
    lic = get_license(conn, ref)
    moves = shipped(conn, lic["id"])
    lic["status_history"] = status_history(conn, lic["id"])
    lic["shipments"] = moves
    lic["balance"] = [b.to_dict() for b in proc.balances(lic["items"], moves)]
    return lic


def overdue_report(conn: Connection, on: date) -> list[dict[str, Any]]:
    """The applications open on ``on``, each as it stood that day (steps dated later undone,
    recommendations and holds of later dates left out), with their deadlines as of ``on``;
    overdue ones first."""
    out = []
    for current in list_applications(conn):
        app = application_on(conn, current, on)
        if app is None or app["status"] not in proc.OPEN:
            continue
        app["holds"] = [
            {**h, "ended_on": h["ended_on"] if (h["ended_on"] or "9") <= on.isoformat() else None}
            for h in holds_of(conn, app["id"])
            if h["started_on"] <= on.isoformat()
        ]
        recs = {
            r.agency: r.recommendation
            for r in conn.execute(
                select(recommendations.c.agency, recommendations.c.recommendation).where(
                    recommendations.c.application_id == app["id"],
                    recommendations.c.on <= on.isoformat(),
                )
            )
        }
        marks = proc.deadlines(app, recs, on)
        out.append(
            {
                "number": app["number"],
                "status": app["status"],
                "escalation": app["escalation"],
                "recommendations": recs,
                "deadlines": marks,
                "overdue": any(d["overdue"] for d in marks),
                "on_hold": next((h["reason"] for h in app["holds"] if not h["ended_on"]), None),
                "review_policy": app["review_policy"],
            }
        )
    out.sort(key=lambda a: (not a["overdue"], a["number"]))
    return out


_STEP_DATES: tuple[str, ...] = ("submitted_on", "referred_on", "escalated_on", "decided_on")


def application_on(conn: Connection, app: dict[str, Any], on: date) -> dict[str, Any] | None:
    """The application as it stood on ``on``, from its audit rows: the last recorded state
    whose latest step is dated on or before ``on`` (steps cannot be dated before the previous
    one, so the states are in date order). None when it was not yet submitted."""
    day = on.isoformat()
    if app["submitted_on"] > day:
        return None
    rows = conn.execute(
        select(audit_log.c.after)
        .where(audit_log.c.entity == applications.name, audit_log.c.entity_id == str(app["id"]))
        .order_by(audit_log.c.seq)
    )
    state: dict[str, Any] | None = None
    for (after,) in rows:
        row = json.loads(after) if after else None
        if row and max(str(row[k]) for k in _STEP_DATES if row.get(k)) <= day:
            state = row
    if state is None:  # no audit rows (not possible for a stored application): as it is now
        return app
    # The procedure's fields as they stood; the rest (parties, items, long texts the audit
    # row holds as digests) as now.
    steps = {k: state.get(k) for k in (*_STEP_DATES, "status", "escalation")}
    agencies = state.get("agencies")
    steps["agencies"] = json.loads(agencies) if agencies else None
    return {**app, **steps}


# -- policy events -----------------------------------------------------------------------------


def add_event(
    store: Store,
    name: str,
    kind: str,
    effective: date,
    selector: dict[str, Any],
    source: str | None,
    matcher: Any,
) -> dict[str, Any]:
    """Record a dated policy event and apply it: ``revoke_licenses`` / ``suspend_licenses``
    change every license whose parties it reaches (``matcher(parties, selector, date)``);
    ``no_new_licenses`` changes no record and shows in ``impact`` and on decisions."""
    if kind not in EVENT_KINDS:
        raise BadInput("kind", f"one of {', '.join(EVENT_KINDS)} (got {kind!r})")
    if not name.strip():
        raise BadInput("name", "must not be empty")
    fits(name, 300, "name")
    names = [str(n).strip() for n in selector.get("names", [])]
    if any(not n for n in names):
        raise BadInput("party", "a party name must not be empty")
    footnote = selector.get("footnote")
    if footnote is not None and (isinstance(footnote, bool) or not 1 <= int(footnote) <= 99):
        raise BadInput("footnote", f"an Entity List footnote number such as 1 (got {footnote})")
    if not names and footnote is None:
        raise BadInput(
            "party", "say which parties the event reaches (--party NAME or --footnote N)"
        )
    with store.write() as tx:
        event = tx.insert(
            policy_events,
            {
                "name": name.strip(),
                "kind": kind,
                "effective": effective.isoformat(),
                "selector": audit.canonical(selector),
                "source": source,
                "created_at": audit.now(),
            },
            "event.add",
        )
        changed: list[dict[str, Any]] = []
        skipped: list[dict[str, str]] = []
        if kind in ("revoke_licenses", "suspend_licenses"):
            status = "revoked" if kind == "revoke_licenses" else "suspended"
            for lic in (_decode(dict(r)) for r in tx.conn.execute(select(licenses)).mappings()):
                if not _in_force_on(lic, effective) or not matcher(
                    lic["parties"], selector, effective
                ):
                    continue
                if lic["status"] in ("revoked", status):
                    if lic["status_on"] > effective.isoformat():  # covered only from later
                        skipped.append(
                            {
                                "number": lic["number"],
                                "why": f"{lic['status']} from {lic['status_on']} already, "
                                f"after the event's date {effective}: a person must look",
                            }
                        )
                    continue
                try:
                    changed.append(
                        _set_status(
                            tx, lic, status, effective, f"policy event: {name}", event["id"]
                        )
                    )
                except proc.Refused as exc:  # a later status change: a person must look
                    skipped.append({"number": lic["number"], "why": exc.message})
    out = {"event": _decode(event), "licenses_changed": [c["number"] for c in changed]}
    if skipped:
        out["licenses_not_changed"] = skipped
    return out


def _in_force_on(lic: dict[str, Any], day: date) -> bool:
    """A dated revocation or suspension reaches the licenses valid on its date; one issued
    later is a new decision, taken with the event in view."""
    return bool(lic["issued_on"] <= day.isoformat() <= lic["expires_on"])


def events_in_force(conn: Connection, on: date) -> list[dict[str, Any]]:
    rows = conn.execute(
        select(policy_events).where(policy_events.c.effective <= on.isoformat())
    ).mappings()
    return [_decode(dict(r)) for r in rows]


def list_events(conn: Connection) -> list[dict[str, Any]]:
    rows = conn.execute(select(policy_events).order_by(policy_events.c.id)).mappings()
    return [_decode(dict(r)) for r in rows]
