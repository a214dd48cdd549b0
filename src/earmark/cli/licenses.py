"""License applications (BIS's procedure, 15 CFR 750.4) and licenses (draw-down, status)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer

from earmark.cli import render
from earmark.cli.options import (
    AllowUnknown,
    Database,
    JsonFlag,
    User,
    emit_json,
    open_store,
    parse_date,
    read_json_file,
    runtime,
)
from earmark.store import MAX_ID

group = typer.Typer(help="License applications (BIS procedure, 750.4) and licenses.")

On = Annotated[
    str | None,
    typer.Option("--on", help="The date it happened (YYYY-MM-DD; default today).", metavar="DATE"),
]
AppNumber = Annotated[str, typer.Argument(help="Application number (Z0000001) or id.")]
LicenseNumber = Annotated[str, typer.Argument(help="License number (D000001) or id.")]
ShipmentId = Annotated[
    int,
    typer.Argument(
        help="The planned shipment's id (from `licenses ship --planned`).", min=1, max=MAX_ID
    ),
]


def register(app: typer.Typer) -> None:
    app.add_typer(group, name="licenses")


def _on(value: str | None, field: str = "--on") -> date:
    parsed = parse_date(value, field)
    return parsed if parsed is not None else date.today()


# -- output --------------------------------------------------------------------------------


def _policy_lines(policy: dict[str, Any] | None) -> None:
    if not policy:
        return
    for item in policy.get("items", []):
        render.say(
            f"  {item['eccn']}: license required {render.tri(item['license_required'])}, "
            f"review policy {item['review_policy'] or '-'} (as of {policy['date']})"
        )
    for event in policy.get("policy_events", []):
        render.say(f"  policy event in force: {event['name']} (from {event['effective']})")


def _application_line(app: dict[str, Any], verb: str) -> None:
    render.say(
        f"application {app['number']} {verb}: {app['applicant']} to {app['destination']}, "
        f"status {app['status']}"
        + (f", escalated to {app['escalation']}" if app.get("escalation") else "")
    )


def _balance(lic_number: str, balance: list[dict[str, Any]]) -> None:
    render.table(
        f"balance of license {lic_number}",
        ("eccn", "quantity", "quantity left", "value", "value left"),
        (
            (b["eccn"], b["quantity"], b["quantity_left"], b["value"], b["value_left"])
            for b in balance
        ),
        right=("quantity", "quantity left", "value", "value left"),
    )


def _shipment(out: dict[str, Any], verb: str) -> None:
    s = out["shipment"]
    render.say(
        f"shipment {s['id']} {verb} on license {out['license']}: {s['eccn']} "
        f"quantity {render.text(s['quantity'])}, value {render.text(s['value'])}, "
        f"{s['status']} on {s['ship_on']}"
    )
    _balance(out["license"], out["balance"])


# -- applications ------------------------------------------------------------------------------


@group.callback(invoke_without_command=True)
def licenses_list(
    ctx: typer.Context, database: Database = None, user: User = None, json_out: JsonFlag = False
) -> None:
    """Licenses with their status and balances."""
    if ctx.invoked_subcommand is not None:
        return
    from earmark.store.licenses import list_licenses

    with open_store(database, user).read() as conn:
        rows = list_licenses(conn)
    if json_out:
        emit_json(rows)
        return
    render.table(
        f"{len(rows)} license(s)",
        ("number", "holder", "destination", "issued", "expires", "status", "value left"),
        (
            (
                lic["number"],
                lic["holder"],
                lic["destination"],
                lic["issued_on"],
                lic["expires_on"],
                lic["status"] + (f" from {lic['status_on']}" if lic.get("status_on") else ""),
                sum(b["value_left"] for b in lic["balance"]),
            )
            for lic in rows
        ),
    )


@group.command("apply")
def licenses_apply(
    application: Annotated[
        Path,
        typer.Argument(help="APPLICATION.json: applicant, destination, parties, items, end_use."),
    ],
    on: On = None,
    allow_unknown: AllowUnknown = False,
    database: Database = None,
    user: User = None,
    json_out: JsonFlag = False,
) -> None:
    """Submit a license application; shows the review policy in force for it."""
    from earmark.store.workflows import submit_application

    data = read_json_file(application, "application")
    rt = runtime(database, user)
    row = submit_application(rt.store(), rt.engine, data, _on(on), allow_unknown)
    ignored = row.get("ignored_fields", [])
    if json_out:
        emit_json(row)
        return
    _application_line(row, f"submitted on {row['submitted_on']}")
    _policy_lines(row["review_policy"])
    render.ignored(ignored)


@group.command("amend")
def licenses_amend(
    number: AppNumber,
    amendment: Annotated[
        Path,
        typer.Argument(
            help="AMENDMENT.json: any of applicant, destination, parties, items, end_use."
        ),
    ],
    on: On = None,
    allow_unknown: AllowUnknown = False,
    database: Database = None,
    user: User = None,
    json_out: JsonFlag = False,
) -> None:
    """Amend an application before it is referred; the review policy is shown again."""
    from earmark.store.workflows import amend_application

    data = read_json_file(amendment, "amendment")
    rt = runtime(database, user)
    row = amend_application(rt.store(), rt.engine, number, data, _on(on), allow_unknown)
    ignored = row.get("ignored_fields", [])
    changes = [k for k in data if k not in ignored] if isinstance(data, dict) else []
    if json_out:
        emit_json(row)
        return
    _application_line(row, f"amended ({', '.join(sorted(changes))})")
    _policy_lines(row["review_policy"])
    render.ignored(ignored)


@group.command("applications")
def licenses_applications(
    status: Annotated[str | None, typer.Option("--status", help="open, submitted, ...")] = None,
    database: Database = None,
    user: User = None,
    json_out: JsonFlag = False,
) -> None:
    """License applications."""
    from earmark.store.licenses import list_applications

    with open_store(database, user).read() as conn:
        rows = list_applications(conn, status)
    if json_out:
        emit_json(rows)
        return
    render.table(
        f"{len(rows)} application(s)",
        ("number", "applicant", "destination", "status", "submitted", "referred", "decided"),
        (
            (
                a["number"],
                a["applicant"],
                a["destination"],
                a["status"] + (f" ({a['escalation']})" if a.get("escalation") else ""),
                a["submitted_on"],
                a["referred_on"],
                a["decided_on"],
            )
            for a in rows
        ),
    )


@group.command("overdue")
def licenses_overdue(
    on: On = None,
    database: Database = None,
    user: User = None,
    json_out: JsonFlag = False,
) -> None:
    """Open applications with their 750.4 deadlines as of a date (each application as it
    stood on that date); overdue ones first."""
    from earmark.store.licenses import overdue_report

    day = _on(on)
    with open_store(database, user).read() as conn:
        rows = overdue_report(conn, day)
    if json_out:
        emit_json(rows)
        return
    if not rows:
        render.say(f"no application was open on {day}")
    for r in rows:
        flag = "OVERDUE" if r["overdue"] else "on time"
        held = f" (on hold: {r['on_hold']})" if r["on_hold"] else ""
        render.say(f"{r['number']} {r['status']} on {day}: {flag}{held}")
        for d in r["deadlines"]:
            who = f" ({d['agency']})" if "agency" in d else ""
            render.say(f"  {d['deadline']}{who}: due {d['due']} ({d['days_left']} days)")


@group.command("refer")
def licenses_refer(
    number: AppNumber,
    agencies: Annotated[
        str, typer.Option("--agencies", help="state,defense,energy,commerce (any case)")
    ],
    on: On = None,
    database: Database = None,
    user: User = None,
    json_out: JsonFlag = False,
) -> None:
    """Refer an application to the reviewing agencies."""
    from earmark.store.licenses import refer

    chosen = [a.strip().casefold() for a in agencies.split(",") if a.strip()]
    row = refer(open_store(database, user), number, chosen, _on(on))
    if json_out:
        emit_json(row)
        return
    _application_line(row, f"referred on {row['referred_on']} to {', '.join(row['agencies'])}")


@group.command("recommend")
def licenses_recommend(
    number: AppNumber,
    agency: Annotated[str, typer.Option("--agency")],
    recommendation: Annotated[
        str, typer.Option("--recommendation", help="approve, approve_with_conditions, deny")
    ],
    conditions: Annotated[str | None, typer.Option("--conditions")] = None,
    on: On = None,
    database: Database = None,
    user: User = None,
    json_out: JsonFlag = False,
) -> None:
    """Record a reviewing agency's recommendation."""
    from earmark.store.licenses import recommend

    out = recommend(
        open_store(database, user),
        number,
        agency.strip().casefold(),
        recommendation.strip().casefold(),
        conditions,
        _on(on),
    )
    if json_out:
        emit_json(out)
        return
    recs = ", ".join(f"{a}: {r}" for a, r in out["recommendations"].items())
    _application_line(out, "recommendation recorded")
    render.say(f"  recommendations so far: {recs}")
    if out["disagreement"]:
        render.say("  the agencies disagree: escalate (earmark licenses escalate)")


@group.command("escalate")
def licenses_escalate(
    number: AppNumber,
    decided_on: Annotated[
        str | None,
        typer.Option(
            "--decided-on", help="When the current level decided (appeals).", metavar="DATE"
        ),
    ] = None,
    on: On = None,
    database: Database = None,
    user: User = None,
    json_out: JsonFlag = False,
) -> None:
    """Escalate a disagreement one level: Operating Committee, ACEP, EARB, President.
    An appeal from a level's decision (--decided-on) comes within 5 days of it (750.4(f))."""
    from earmark.store.licenses import escalate

    decided = parse_date(decided_on, "--decided-on")
    row = escalate(open_store(database, user), number, _on(on), decided)
    if json_out:
        emit_json(row)
        return
    _application_line(row, f"escalated on {row['escalated_on']}")


@group.command("hold")
def licenses_hold(
    number: AppNumber,
    reason: Annotated[
        str,
        typer.Option(
            "--reason",
            help="750.4(b): information, pre_license_check, assurances, consultation, "
            "multilateral, congress_6j, congress_743, technology_transfer",
        ),
    ],
    note: Annotated[str | None, typer.Option("--note")] = None,
    on: On = None,
    database: Database = None,
    user: User = None,
    json_out: JsonFlag = False,
) -> None:
    """Stop an application's clock (a period 750.4(b) does not count)."""
    from earmark.store.licenses import hold

    out = hold(open_store(database, user), number, reason, _on(on), note)
    if json_out:
        emit_json(out)
        return
    h = out["hold"]
    render.say(f"application {out['application']} on hold from {h['started_on']}: {h['reason']}")


@group.command("resume")
def licenses_resume(
    number: AppNumber,
    on: On = None,
    database: Database = None,
    user: User = None,
    json_out: JsonFlag = False,
) -> None:
    """Start an application's clock again; its deadlines move by the days on hold."""
    from earmark.store.licenses import resume

    out = resume(open_store(database, user), number, _on(on))
    if json_out:
        emit_json(out)
        return
    h = out["hold"]
    render.say(
        f"application {out['application']} resumed on {h['ended_on']} "
        f"(on hold from {h['started_on']}: {h['reason']})"
    )


@group.command("decide")
def licenses_decide(
    number: AppNumber,
    decision: Annotated[
        str,
        typer.Option(
            "--decision",
            help="approved, approved_with_conditions, denied, returned_without_action",
        ),
    ],
    condition: Annotated[
        list[str] | None, typer.Option("--condition", help="A license condition (repeatable).")
    ] = None,
    valid_until: Annotated[str | None, typer.Option("--valid-until", metavar="DATE")] = None,
    note: Annotated[str | None, typer.Option("--note")] = None,
    on: On = None,
    database: Database = None,
    user: User = None,
    json_out: JsonFlag = False,
) -> None:
    """Record the decision; an approval issues the license (valid four years unless stated).
    The review policy in force on the decision date is shown beside it."""
    from earmark.store.workflows import decide_application

    day = _on(on)
    rt = runtime(database, user)
    out = decide_application(
        rt.store(),
        rt.engine,
        number,
        decision,
        day,
        note,
        list(condition or []),
        parse_date(valid_until, "--valid-until"),
    )
    policy = out["review_policy"]
    if json_out:
        emit_json(out)
        return
    _application_line(out["application"], f"decided on {day}")
    if out.get("deemed_no_objection"):
        render.say(f"  deemed no objection (750.4(e)): {', '.join(out['deemed_no_objection'])}")
    _policy_lines(policy)
    if "license" in out:
        lic = out["license"]
        render.say(
            f"license {lic['number']} issued on {lic['issued_on']}, valid until "
            f"{lic['expires_on']}"
            + (f"; conditions: {'; '.join(lic['conditions'])}" if lic.get("conditions") else "")
        )


# -- licenses ----------------------------------------------------------------------------------


@group.command("ship")
def licenses_ship(
    license_number: LicenseNumber,
    eccn: Annotated[str, typer.Option("--eccn")],
    quantity: Annotated[float, typer.Option("--quantity")],
    value: Annotated[float, typer.Option("--value")],
    planned: Annotated[bool, typer.Option("--planned", help="A planned shipment.")] = False,
    on: On = None,
    database: Database = None,
    user: User = None,
    json_out: JsonFlag = False,
) -> None:
    """Draw a shipment down from a license (refused after expiry or revocation, or beyond
    the balance, with the reason)."""
    from earmark.store.workflows import ship

    out = ship(open_store(database, user), license_number, eccn, quantity, value, _on(on), planned)
    if json_out:
        emit_json(out)
        return
    _shipment(out, "planned" if planned else "recorded")


@group.command("shipped")
def licenses_shipped(
    shipment: ShipmentId,
    on: On = None,
    database: Database = None,
    user: User = None,
    json_out: JsonFlag = False,
) -> None:
    """A planned shipment went out on a date (checked again as of that date)."""
    from earmark.store.licenses import complete_shipment

    out = complete_shipment(open_store(database, user), shipment, _on(on))
    if json_out:
        emit_json(out)
        return
    _shipment(out, "shipped")


@group.command("cancel-shipment")
def licenses_cancel_shipment(
    shipment: ShipmentId,
    reason: Annotated[str, typer.Option("--reason")],
    database: Database = None,
    user: User = None,
    json_out: JsonFlag = False,
) -> None:
    """Cancel a planned shipment: its quantity and value return to the license's balance."""
    from earmark.store.licenses import cancel_shipment

    out = cancel_shipment(open_store(database, user), shipment, reason)
    if json_out:
        emit_json(out)
        return
    _shipment(out, "cancelled")


@group.command("show")
def licenses_show(
    license_number: LicenseNumber,
    database: Database = None,
    user: User = None,
    json_out: JsonFlag = False,
) -> None:
    """A license with its status history, shipments and balance."""
    from earmark.store.licenses import describe_license

    with open_store(database, user).read() as conn:
        lic = describe_license(conn, license_number)
    if json_out:
        emit_json(lic)
        return
    render.fields(
        f"license {lic['number']}",
        [
            ("holder", lic["holder"]),
            ("destination", lic["destination"]),
            ("parties", [f"{p['name']} ({p['role']})" for p in lic["parties"]]),
            ("issued", lic["issued_on"]),
            ("expires", lic["expires_on"]),
            ("status", lic["status"]),
            ("conditions", lic.get("conditions")),
        ],
    )
    render.table(
        "status history",
        ("from", "status", "reason"),
        ((s["effective"], s["status"], s["reason"]) for s in lic["status_history"]),
    )
    render.table(
        "shipments",
        ("id", "date", "eccn", "quantity", "value", "status"),
        (
            (s["id"], s["ship_on"], s["eccn"], s["quantity"], s["value"], s["status"])
            for s in lic["shipments"]
        ),
        right=("quantity", "value"),
    )
    _balance(lic["number"], lic["balance"])


def _status_cmd(status: str) -> Any:
    def command(
        license_number: LicenseNumber,
        reason: Annotated[str, typer.Option("--reason")],
        on: On = None,
        database: Database = None,
        user: User = None,
        json_out: JsonFlag = False,
    ) -> None:
        from earmark.store.licenses import set_status

        row = set_status(open_store(database, user), license_number, status, _on(on), reason)
        if json_out:
            emit_json(row)
            return
        render.say(
            f"license {row['number']} is {row['status']}"
            + (f" from {row['status_on']}" if row.get("status_on") else "")
            + f": {reason.strip()}"
        )

    command.__doc__ = f"Mark a license {status} from a date, with the reason."
    return command


group.command("revoke")(_status_cmd("revoked"))
group.command("suspend")(_status_cmd("suspended"))
group.command("reinstate")(_status_cmd("active"))
