"""Record commands: parties, products, reviews, licenses, events, impact, audit, keys.

Every command takes --database and --user, prints JSON with --json, and refuses bad input or
an invalid step with one line naming the field (exit code 2), having stored nothing.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.table import Table

from earmark.cli.app import app
from earmark.cli.options import (
    AsOf,
    Database,
    JsonFlag,
    User,
    console,
    emit_json,
    open_store,
    parse_date,
)
from earmark.errors import BadInput
from earmark.store import MAX_ID

On = Annotated[
    str | None,
    typer.Option("--on", help="The date it happened (YYYY-MM-DD; default today).", metavar="DATE"),
]

parties_app = typer.Typer(help="Parties: customers, suppliers, consignees (screened when added).")
products_app = typer.Typer(help="Products and their classification (ECCN or EAR99).")
reviews_app = typer.Typer(help="Review of screening hits: clear or confirm potential matches.")
licenses_app = typer.Typer(help="License applications (BIS procedure, 750.4) and licenses.")
events_app = typer.Typer(help="Dated policy events (no new licenses, revocations).")
audit_app = typer.Typer(help="The hash-chained audit trail: verify it, export evidence.")
keys_app = typer.Typer(help="API keys for the service.")
for sub, name in (
    (parties_app, "parties"),
    (products_app, "products"),
    (reviews_app, "reviews"),
    (licenses_app, "licenses"),
    (events_app, "events"),
    (audit_app, "audit"),
    (keys_app, "keys"),
):
    app.add_typer(sub, name=name)


def _on(value: str | None, field: str = "--on") -> date:
    parsed = parse_date(value, field)
    return parsed if parsed is not None else date.today()


def _show(payload: Any, json_out: bool, title: str = "") -> None:
    if json_out:
        emit_json(payload)
        return
    if isinstance(payload, list):
        if not payload:
            console.print(f"{title}: none")
            return
        table = Table(title=title)
        keys = [k for k in payload[0] if not isinstance(payload[0][k], dict | list)][:8]
        for k in keys:
            table.add_column(k)
        for row in payload:
            table.add_row(*(str(row.get(k, "")) for k in keys))
        console.print(table)
        return
    console.print_json(json.dumps(payload, default=str, ensure_ascii=False))


def _listing(
    ctx: typer.Context,
    database: str | None,
    user: str | None,
    json_out: bool,
    read: Any,
    title: str,
) -> None:
    """A group's default action: list its records (when no subcommand is given)."""
    if ctx.invoked_subcommand is not None:
        return
    with open_store(database, user).read() as conn:
        _show(read(conn), json_out, title)


# -- parties and products ----------------------------------------------------------------------


@parties_app.callback(invoke_without_command=True)
def parties_list(
    ctx: typer.Context,
    status: Annotated[
        str | None, typer.Option("--status", help="clear, potential_match, confirmed_match")
    ] = None,
    database: Database = None,
    user: User = None,
    json_out: JsonFlag = False,
) -> None:
    """List stored parties with their screening status."""
    if ctx.invoked_subcommand is not None:
        return
    from earmark.store.records import list_parties

    if status not in (None, "clear", "potential_match", "confirmed_match"):
        raise BadInput("--status", "clear, potential_match or confirmed_match")
    with open_store(database, user).read() as conn:
        _show(list_parties(conn, status), json_out, "parties")


@parties_app.command("add")
def parties_add(
    name: Annotated[str, typer.Argument(help="The party's name.")],
    kind: Annotated[str, typer.Option("--kind", help="customer, supplier, consignee, ...")] = (
        "customer"
    ),
    country: Annotated[str | None, typer.Option("--country")] = None,
    address: Annotated[str | None, typer.Option("--address")] = None,
    type_: Annotated[str | None, typer.Option("--type")] = None,
    as_of: AsOf = None,
    database: Database = None,
    user: User = None,
    json_out: JsonFlag = False,
) -> None:
    """Store a party and screen it (as of a date); its hits are raised for review."""
    from earmark.screening import Screener
    from earmark.store.records import ScreenerAsOf, add_party

    store = open_store(database, user)
    out = add_party(
        store,
        ScreenerAsOf(Screener(), parse_date(as_of, "--as-of")),
        name,
        kind,
        country,
        address,
        type_,
    )
    _show(out if json_out else out["party"], json_out)


@parties_app.command("edit")
def parties_edit(
    party_id: Annotated[int, typer.Argument(help="The party's id.", min=1, max=MAX_ID)],
    name: Annotated[str | None, typer.Option("--name")] = None,
    kind: Annotated[str | None, typer.Option("--kind")] = None,
    country: Annotated[str | None, typer.Option("--country")] = None,
    address: Annotated[str | None, typer.Option("--address")] = None,
    type_: Annotated[str | None, typer.Option("--type")] = None,
    as_of: AsOf = None,
    database: Database = None,
    user: User = None,
    json_out: JsonFlag = False,
) -> None:
    """Change a party (kept before and after in the audit trail); a change of name, country,
    address or type screens it again at once."""
    from earmark.screening import Screener
    from earmark.store.records import ScreenerAsOf, edit_party

    given: dict[str, str | None] = {
        "name": name,
        "kind": kind,
        "country": country,
        "address": address,
        "type": type_,
    }
    changes: dict[str, str | None] = {k: v for k, v in given.items() if v is not None}
    screener = ScreenerAsOf(Screener(), parse_date(as_of, "--as-of"))
    out = edit_party(open_store(database, user), screener, party_id, changes)
    _show(out if json_out else out["party"], json_out)


@parties_app.command("rescreen")
def parties_rescreen(
    ids: Annotated[
        list[int] | None,
        typer.Argument(help="Party ids (default: every party).", min=1, max=MAX_ID),
    ] = None,
    as_of: AsOf = None,
    database: Database = None,
    user: User = None,
    json_out: JsonFlag = False,
) -> None:
    """Screen stored parties again (after `lists load`): recorded, new hits raised for review."""
    from earmark.screening import Screener
    from earmark.store.records import ScreenerAsOf, list_parties, rescreen_party

    store = open_store(database, user)
    if not ids:
        with store.read() as conn:
            ids = [p["id"] for p in list_parties(conn)]
    screener = ScreenerAsOf(Screener(), parse_date(as_of, "--as-of"))
    out = [rescreen_party(store, screener, i) for i in ids]
    if json_out:
        emit_json({"rescreened": out})
        return
    for r in out:
        p = r["party"]
        console.print(escape(f"{p['id']} {p['name']}: {p['status']}, "
                             f"{len(r['screening']['matches'])} match(es)"))  # fmt: skip


@products_app.callback(invoke_without_command=True)
def products_list(
    ctx: typer.Context, database: Database = None, user: User = None, json_out: JsonFlag = False
) -> None:
    """List products and their classification."""
    from earmark.store.records import list_products

    _listing(ctx, database, user, json_out, list_products, "products")


@products_app.command("add")
def products_add(
    sku: Annotated[str, typer.Option("--sku")],
    description: Annotated[str, typer.Option("--description")],
    eccn: Annotated[str, typer.Option("--eccn", help="ECCN or EAR99.")],
    rationale: Annotated[str, typer.Option("--rationale", help="Why it is classified so.")],
    database: Database = None,
    user: User = None,
    json_out: JsonFlag = False,
) -> None:
    """Store a product with its ECCN (checked against the CCL) and its rationale."""
    from earmark.regdata import load_regdata
    from earmark.store.records import add_product

    row = add_product(
        open_store(database, user), sku, description, eccn, rationale, load_regdata().ear.ccl
    )
    _show(row, json_out)


# -- reviews --------------------------------------------------------------------------------------


@reviews_app.callback(invoke_without_command=True)
def reviews_list(
    ctx: typer.Context,
    status: Annotated[
        str | None, typer.Option("--status", help="potential (default), cleared, confirmed, all")
    ] = "potential",
    limit: Annotated[
        int | None, typer.Option("--limit", help="At most this many.", min=1, max=MAX_ID)
    ] = None,
    offset: Annotated[
        int, typer.Option("--offset", help="Skip this many first.", min=0, max=MAX_ID)
    ] = 0,
    database: Database = None,
    user: User = None,
    json_out: JsonFlag = False,
) -> None:
    """The review queue: potential matches waiting for a decision (all, unless --limit)."""
    if ctx.invoked_subcommand is not None:
        return
    from earmark.store.reviews import listing

    with open_store(database, user).read() as conn:
        rows = listing(conn, None if status == "all" else status, limit, offset)
    _show(rows, json_out, f"reviews ({status})")


def _review_cmd(status: str, doc: str) -> Any:
    def command(
        review_id: Annotated[int, typer.Argument(help="Review id.", min=1, max=MAX_ID)],
        reason: Annotated[str, typer.Option("--reason", help="Reason code (reviews reasons).")],
        note: Annotated[str | None, typer.Option("--note")] = None,
        database: Database = None,
        user: User = None,
        json_out: JsonFlag = False,
    ) -> None:
        from earmark.store.reviews import decide

        with open_store(database, user).write() as tx:
            review = decide(tx, review_id, status, reason, note)
        _show(review, json_out)  # after the commit

    command.__doc__ = doc
    return command


reviews_app.command("clear")(
    _review_cmd(
        "cleared", "Clear a potential match: not the listed party (kept until the entry changes)."
    )
)
reviews_app.command("confirm")(
    _review_cmd("confirmed", "Confirm a potential match: the party is the listed one.")
)


@reviews_app.command("reasons")
def reviews_reasons(json_out: JsonFlag = False) -> None:
    """The reason codes for clearing and confirming."""
    from earmark.store.reviews import reason_codes

    _show(reason_codes(), json_out)


# -- licenses -------------------------------------------------------------------------------------


def _engine() -> Any:
    from earmark.rules import Engine

    return Engine()


@licenses_app.callback(invoke_without_command=True)
def licenses_list(
    ctx: typer.Context, database: Database = None, user: User = None, json_out: JsonFlag = False
) -> None:
    """Licenses with their status and balances."""
    from earmark.store.licenses import list_licenses

    _listing(ctx, database, user, json_out, list_licenses, "licenses")


@licenses_app.command("apply")
def licenses_apply(
    application: Annotated[
        Path,
        typer.Argument(help="APPLICATION.json: applicant, destination, parties, items, end_use."),
    ],
    on: On = None,
    database: Database = None,
    user: User = None,
    json_out: JsonFlag = False,
) -> None:
    """Submit a license application; shows the review policy in force for it."""
    from earmark.store import licenses as ls
    from earmark.store.impact import review_policy

    fields = _application_fields(application, "application")
    if not fields.get("destination"):
        raise BadInput("destination", "required")
    for key in ("parties", "items"):
        if key not in fields:
            raise BadInput(key, "a list")
    day = _on(on)
    store = open_store(database, user)
    with store.read() as conn:
        policy = review_policy(
            _engine(), conn, fields["destination"], fields["parties"], fields["items"], day
        )
    row = ls.apply(
        store,
        fields.get("applicant") or "",
        fields["destination"],
        fields["parties"],
        fields["items"],
        fields.get("end_use"),
        day,
        policy,
    )
    _show(row, json_out)


def _application_fields(path: Path, field: str) -> dict[str, Any]:
    """The fields an application file gives, each checked (unknown keys are kept, for the
    caller to refuse)."""
    from earmark.regdata import load_regdata
    from earmark.regdata.countries import require_country
    from earmark.store import licenses as ls

    data = _read_json(path, field)
    if not isinstance(data, dict):
        raise BadInput(field, "a JSON object")
    out: dict[str, Any] = dict(data)
    if "parties" in data:
        out["parties"] = ls.validate_parties(_list(data, "parties"))
    if "items" in data:
        out["items"] = ls.validate_items(_list(data, "items"), load_regdata().ear.ccl)
    if "destination" in data:
        if not data["destination"]:
            raise BadInput("destination", "required")
        out["destination"] = require_country(str(data["destination"]), "destination")
    for key in ("applicant", "end_use"):
        if key in data:
            out[key] = _text(data, key)
    return out


def _text(data: dict[str, Any], key: str) -> str | None:
    value = data.get(key)
    if value is not None and not isinstance(value, str):
        raise BadInput(key, f"a text (got {type(value).__name__})")
    return value


def _list(data: dict[str, Any], key: str) -> list[Any]:
    value = data.get(key)
    if not isinstance(value, list):
        raise BadInput(key, "a list")
    return value


def _read_json(path: Path, field: str) -> Any:
    if not path.is_file():
        raise BadInput(field, f"no such file: {path}")
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except RecursionError:
        raise BadInput(field, "not valid JSON: nested too deeply") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BadInput(field, f"not valid JSON: {exc}") from None


@licenses_app.command("amend")
def licenses_amend(
    number: Annotated[str, typer.Argument(help="Application number or id.")],
    amendment: Annotated[
        Path,
        typer.Argument(
            help="AMENDMENT.json: any of applicant, destination, parties, items, end_use."
        ),
    ],
    on: On = None,
    database: Database = None,
    user: User = None,
    json_out: JsonFlag = False,
) -> None:
    """Amend an application before it is referred; the review policy is shown again."""
    from earmark.store import licenses as ls
    from earmark.store.impact import review_policy

    changes = _application_fields(amendment, "amendment")
    if "applicant" in changes and not (changes["applicant"] or "").strip():
        raise BadInput("applicant", "must not be empty")
    day = _on(on)
    store = open_store(database, user)
    with store.read() as conn:
        current = {**ls.get_application(conn, number), **changes}
        policy = review_policy(
            _engine(), conn, current["destination"], current["parties"], current["items"], day
        )
    _show(ls.amend(store, number, changes, day, policy), json_out)


@licenses_app.command("applications")
def licenses_applications(
    status: Annotated[str | None, typer.Option("--status", help="open, submitted, ...")] = None,
    database: Database = None,
    user: User = None,
    json_out: JsonFlag = False,
) -> None:
    """License applications."""
    from earmark.store.licenses import list_applications

    with open_store(database, user).read() as conn:
        _show(list_applications(conn, status), json_out, "applications")


@licenses_app.command("overdue")
def licenses_overdue(
    on: On = None,
    database: Database = None,
    user: User = None,
    json_out: JsonFlag = False,
) -> None:
    """Open applications with their 750.4 deadlines as of a date; overdue ones first."""
    from earmark.store.licenses import overdue_report

    with open_store(database, user).read() as conn:
        rows = overdue_report(conn, _on(on))
    if json_out:
        emit_json(rows)
        return
    for r in rows:
        flag = "OVERDUE" if r["overdue"] else "on time"
        held = f" (on hold: {r['on_hold']})" if r["on_hold"] else ""
        console.print(f"{r['number']} {r['status']} {flag}{held}")
        for d in r["deadlines"]:
            who = f" ({d['agency']})" if "agency" in d else ""
            console.print(f"  {d['deadline']}{who}: due {d['due']} ({d['days_left']} days)")


@licenses_app.command("refer")
def licenses_refer(
    number: Annotated[str, typer.Argument(help="Application number (Z0000001) or id.")],
    agencies: Annotated[str, typer.Option("--agencies", help="state,defense,energy,commerce")],
    on: On = None,
    database: Database = None,
    user: User = None,
    json_out: JsonFlag = False,
) -> None:
    """Refer an application to the reviewing agencies."""
    from earmark.store.licenses import refer

    chosen = [a.strip() for a in agencies.split(",") if a.strip()]
    _show(refer(open_store(database, user), number, chosen, _on(on)), json_out)


@licenses_app.command("recommend")
def licenses_recommend(
    number: Annotated[str, typer.Argument(help="Application number or id.")],
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

    out = recommend(open_store(database, user), number, agency, recommendation, conditions, _on(on))
    _show(out, json_out)


@licenses_app.command("escalate")
def licenses_escalate(
    number: Annotated[str, typer.Argument(help="Application number or id.")],
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
    _show(escalate(open_store(database, user), number, _on(on), decided), json_out)


@licenses_app.command("hold")
def licenses_hold(
    number: Annotated[str, typer.Argument(help="Application number or id.")],
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

    _show(hold(open_store(database, user), number, reason, _on(on), note), json_out)


@licenses_app.command("resume")
def licenses_resume(
    number: Annotated[str, typer.Argument(help="Application number or id.")],
    on: On = None,
    database: Database = None,
    user: User = None,
    json_out: JsonFlag = False,
) -> None:
    """Start an application's clock again; its deadlines move by the days on hold."""
    from earmark.store.licenses import resume

    _show(resume(open_store(database, user), number, _on(on)), json_out)


@licenses_app.command("decide")
def licenses_decide(
    number: Annotated[str, typer.Argument(help="Application number or id.")],
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
    from earmark.store import licenses as ls
    from earmark.store.impact import review_policy

    day = _on(on)
    store = open_store(database, user)
    with store.read() as conn:
        app_row = ls.get_application(conn, number)
        policy = review_policy(
            _engine(), conn, app_row["destination"], app_row["parties"], app_row["items"], day
        )
    out = ls.decide(
        store,
        number,
        decision,
        day,
        note,
        list(condition or []),
        parse_date(valid_until, "--valid-until"),
        policy,
    )
    out["review_policy"] = policy
    _show(out, json_out)


@licenses_app.command("ship")
def licenses_ship(
    license_number: Annotated[str, typer.Argument(help="License number (D000001) or id.")],
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
    from earmark.licensing.procedure import Refused
    from earmark.store.licenses import record_refusal, ship

    store = open_store(database, user)
    day = _on(on)
    try:
        out = ship(store, license_number, eccn.strip(), quantity, value, day, planned)
    except Refused as exc:
        record_refusal(
            store,
            license_number,
            {
                "on": day.isoformat(),
                "eccn": eccn,
                "quantity": quantity,
                "value": value,
                "reason": str(exc),
            },
        )
        raise
    _show(out, json_out)


ShipmentId = Annotated[
    int,
    typer.Argument(
        help="The planned shipment's id (from `licenses ship --planned`).", min=1, max=MAX_ID
    ),
]


@licenses_app.command("shipped")
def licenses_shipped(
    shipment: ShipmentId,
    on: On = None,
    database: Database = None,
    user: User = None,
    json_out: JsonFlag = False,
) -> None:
    """A planned shipment went out on a date (checked again as of that date)."""
    from earmark.store.licenses import complete_shipment

    _show(complete_shipment(open_store(database, user), shipment, _on(on)), json_out)


@licenses_app.command("cancel-shipment")
def licenses_cancel_shipment(
    shipment: ShipmentId,
    reason: Annotated[str, typer.Option("--reason")],
    database: Database = None,
    user: User = None,
    json_out: JsonFlag = False,
) -> None:
    """Cancel a planned shipment: its quantity and value return to the license's balance."""
    from earmark.store.licenses import cancel_shipment

    _show(cancel_shipment(open_store(database, user), shipment, reason), json_out)


@licenses_app.command("show")
def licenses_show(
    license_number: Annotated[str, typer.Argument(help="License number (D000001) or id.")],
    database: Database = None,
    user: User = None,
    json_out: JsonFlag = False,
) -> None:
    """A license with its status history, shipments and balance."""
    from earmark.store.licenses import describe_license

    with open_store(database, user).read() as conn:
        _show(describe_license(conn, license_number), json_out)


def _status_cmd(status: str) -> Any:
    def command(
        license_number: Annotated[str, typer.Argument(help="License number or id.")],
        reason: Annotated[str, typer.Option("--reason")],
        on: On = None,
        database: Database = None,
        user: User = None,
        json_out: JsonFlag = False,
    ) -> None:
        from earmark.store.licenses import set_status

        _show(
            set_status(open_store(database, user), license_number, status, _on(on), reason),
            json_out,
        )

    command.__doc__ = f"Mark a license {status} from a date, with the reason."
    return command


licenses_app.command("revoke")(_status_cmd("revoked"))
licenses_app.command("suspend")(_status_cmd("suspended"))
licenses_app.command("reinstate")(_status_cmd("active"))


# -- events and impact ----------------------------------------------------------------------------


@events_app.callback(invoke_without_command=True)
def events_list(
    ctx: typer.Context, database: Database = None, user: User = None, json_out: JsonFlag = False
) -> None:
    """Policy events on record."""
    from earmark.store.licenses import list_events

    _listing(ctx, database, user, json_out, list_events, "policy events")


@events_app.command("add")
def events_add(
    name: Annotated[str, typer.Option("--name")],
    kind: Annotated[
        str, typer.Option("--kind", help="no_new_licenses, revoke_licenses, suspend_licenses")
    ],
    effective: Annotated[str, typer.Option("--effective", metavar="DATE")],
    party: Annotated[
        list[str] | None, typer.Option("--party", help="A party name it reaches (repeatable).")
    ] = None,
    footnote: Annotated[
        int | None,
        typer.Option(
            "--footnote", help="Reaches Entity List parties with this footnote (1: Huawei)."
        ),
    ] = None,
    source: Annotated[str | None, typer.Option("--source")] = None,
    database: Database = None,
    user: User = None,
    json_out: JsonFlag = False,
) -> None:
    """Record a dated policy event; revocations and suspensions apply to stored licenses."""
    from earmark.store.impact import matcher
    from earmark.store.licenses import add_event

    selector: dict[str, Any] = {}
    if party:
        selector["names"] = [p for p in party if p.strip()]
    if footnote is not None:
        selector["footnote"] = footnote
    day = parse_date(effective, "--effective")
    assert day is not None
    out = add_event(
        open_store(database, user), name, kind, day, selector, source, matcher(_engine().screener)
    )
    _show(out, json_out)


@app.command("impact")
def impact_cmd(
    as_of: AsOf = None,
    record: Annotated[
        bool, typer.Option("--record", help="Screen the changed parties again and record it.")
    ] = False,
    database: Database = None,
    user: User = None,
    json_out: JsonFlag = False,
) -> None:
    """Re-evaluate stored parties, open applications, licenses and planned shipments as of a
    date, and report what changed for each (--record: screen the changed parties again and
    record it, so that the next report starts from here)."""
    from earmark.store.impact import impact
    from earmark.store.records import ScreenerAsOf, rescreen_party

    store = open_store(database, user)
    engine = _engine()
    on = _on(as_of, "--as-of")
    screened: dict[int, Any] = {}
    report = impact(store, engine, on, screened if record else None)
    if record:
        screener = ScreenerAsOf(engine.screener, on)
        report["recorded"] = [
            rescreen_party(store, screener, c["id"], screened[c["id"]])["screening"]["record"]
            for c in report["changes"]
            if c["kind"] == "party"
        ]
    if json_out:
        emit_json(report)
        return
    console.print(f"impact as of {report['as_of']} (data {report['data_version']})")
    for c in report["changes"]:
        ref = c.get("name") or c.get("number") or c.get("id")
        console.print(f"  {c['kind']} {ref}: {c['what']}")
    if not report["changes"]:
        console.print("  nothing changed")


# -- audit and keys ----------------------------------------------------------------------------


@audit_app.command("verify")
def audit_verify(
    anchor: Annotated[
        list[str] | None,
        typer.Option(
            "--anchor",
            help="SEQ:HASH printed by `audit head` earlier and kept outside the database; the "
            "chain must still hold it (repeatable).",
        ),
    ] = None,
    database: Database = None,
    user: User = None,
    json_out: JsonFlag = False,
) -> None:
    """Check the audit trail's hash chain and every record against it (exit 1 if altered)."""
    from earmark.store.audit import verify

    anchors = tuple(_anchor(a) for a in anchor or [])
    with open_store(database, user).read() as conn:
        result = verify(conn, anchors=anchors)
    if json_out:
        emit_json(result.to_dict())
    else:
        console.print(f"{'ok' if result.ok else 'ALTERED'}: {result.records} audit records")
        for p in result.problems:
            console.print(f"  {p}")
    if not result.ok:
        raise typer.Exit(1)


def _anchor(text: str) -> tuple[int, str]:
    seq, _, digest = text.partition(":")
    digest = digest.strip().lower()
    if not (seq.strip().isascii() and seq.strip().isdigit()) or len(digest) != 64:
        raise BadInput("--anchor", f"expected SEQ:HASH as `audit head` prints it, got {text!r}")
    if any(c not in "0123456789abcdef" for c in digest):
        raise BadInput("--anchor", f"the hash is not hexadecimal: {text!r}")
    return int(seq), digest


@audit_app.command("head")
def audit_head_cmd(
    database: Database = None, user: User = None, json_out: JsonFlag = False
) -> None:
    """The newest audit record: keep its anchor outside the database, verify against it later."""
    from earmark.store.audit import head

    with open_store(database, user).read() as conn:
        out = head(conn)
    if json_out:
        emit_json(out)
    else:
        console.print(f"anchor {out['anchor']} (record {out['seq']}, {out['at']})")


@audit_app.command("export")
def audit_export(
    out: Annotated[Path, typer.Option("--out", help="Directory for evidence.json and .html")],
    decision: Annotated[
        int | None, typer.Option("--decision", help="Decision id.", min=1, max=MAX_ID)
    ] = None,
    screening: Annotated[
        int | None, typer.Option("--screening", help="Screening id.", min=1, max=MAX_ID)
    ] = None,
    application: Annotated[str | None, typer.Option("--application")] = None,
    database: Database = None,
    user: User = None,
    json_out: JsonFlag = False,
) -> None:
    """Write an evidence pack for one transaction (JSON plus a readable HTML report)."""
    from earmark.store.evidence import export

    chosen = [x for x in (decision, screening, application) if x is not None]
    if len(chosen) != 1:
        raise BadInput("--decision", "give one of --decision, --screening, --application")
    paths = export(open_store(database, user), out, decision, screening, application)
    _show({k: str(v) for k, v in paths.items()}, json_out)


@keys_app.command("create")
def keys_create(
    role: Annotated[
        str, typer.Option("--role", help="screener, reviewer, licensing_officer, auditor, admin")
    ],
    database: Database = None,
    user: User = None,
    json_out: JsonFlag = False,
) -> None:
    """Create an API key for the service (shown once; only its hash is stored)."""
    from earmark.store.keys import create_key

    _show(create_key(open_store(database, user), role), json_out)
