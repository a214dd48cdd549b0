"""Parties: customers, suppliers and consignees, screened when added or changed."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from earmark.cli import render
from earmark.cli.options import (
    AsOf,
    Database,
    JsonFlag,
    User,
    emit_json,
    open_store,
    parse_date,
    runtime,
)
from earmark.errors import BadInput
from earmark.store import MAX_ID

group = typer.Typer(help="Parties: customers, suppliers, consignees (screened when added).")
PARTY_STATUSES = ("clear", "potential_match", "confirmed_match")


def register(app: typer.Typer) -> None:
    app.add_typer(group, name="parties")


@group.callback(invoke_without_command=True)
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

    if status not in (None, *PARTY_STATUSES):
        raise BadInput("--status", ", ".join(PARTY_STATUSES))
    with open_store(database, user).read() as conn:
        rows = list_parties(conn, status)
    if json_out:
        emit_json(rows)
        return
    render.table(
        f"{len(rows)} part{'y' if len(rows) == 1 else 'ies'}",
        ("id", "name", "kind", "country", "type", "status", "last screening", "updated"),
        (
            (
                p["id"],
                p["name"],
                p["kind"],
                p["country"],
                p["type"],
                p["status"],
                p["last_screening_id"],
                p["updated_at"][:19],
            )
            for p in rows
        ),
    )


def _screened(out: dict[str, Any], verb: str) -> None:
    p = out["party"]
    render.say(
        f"party {p['id']} {verb}: {p['name']} ({p['kind']}"
        + (f", {p['country']}" if p.get("country") else "")
        + f"); status {p['status']}"
    )
    screening = out.get("screening")
    if screening is None:
        render.say("not screened again (no change of name, country, address or type)")
        return
    matches = screening["matches"]
    if not matches:
        render.say("screened: no match")
        return
    render.table(
        f"screened: {len(matches)} match(es)",
        ("review", "status", "score", "list", "listed name", "matched name"),
        (
            (
                m["review"]["id"],
                m["review"]["status"],
                f"{m['score']:.3f}",
                m["list"],
                m["name"],
                m["matched_name"],
            )
            for m in matches
        ),
    )


@group.command("add")
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
    from earmark.store.records import ScreenerAsOf, add_party

    rt = runtime(database, user)
    out = add_party(
        rt.store(),
        ScreenerAsOf(rt.screener, parse_date(as_of, "--as-of")),
        name,
        kind,
        country,
        address,
        type_,
    )
    if json_out:
        emit_json(out)
        return
    _screened(out, "added")


@group.command("edit")
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
    from earmark.store.records import ScreenerAsOf, edit_party

    given: dict[str, str | None] = {
        "name": name,
        "kind": kind,
        "country": country,
        "address": address,
        "type": type_,
    }
    changes: dict[str, str | None] = {k: v for k, v in given.items() if v is not None}
    day = parse_date(as_of, "--as-of")
    rt = runtime(database, user)
    out = edit_party(rt.store(), ScreenerAsOf(rt.screener, day), party_id, changes)
    if json_out:
        emit_json(out)
        return
    _screened(out, f"changed ({', '.join(sorted(changes))})")


@group.command("rescreen")
def parties_rescreen(
    ids: Annotated[
        list[int] | None,
        typer.Argument(help="Party ids (default: every party).", min=1, max=MAX_ID),
    ] = None,
    as_of: AsOf = None,
    since: Annotated[
        str | None,
        typer.Option(
            "--since",
            help="Screen only against entries added or changed since this list version "
            "(a dataset id of `earmark lists`, or a date); record the parties that match one.",
        ),
    ] = None,
    database: Database = None,
    user: User = None,
    json_out: JsonFlag = False,
) -> None:
    """Screen stored parties again (after `lists load`): recorded, new hits raised for review."""
    from earmark.store.workflows import rescreen_parties

    rt = runtime(database, user)
    store = rt.store()
    if since is not None:
        if as_of is not None:
            raise BadInput("--since", "re-screens as of today: leave out --as-of")
        from earmark.store.rescreen import rescreen_since

        _since(rescreen_since(store, rt.screener, since, ids or None), json_out)
        return
    day = parse_date(as_of, "--as-of")
    out = rescreen_parties(store, rt.screener, ids, day)
    if json_out:
        emit_json({"rescreened": out})
        return
    render.table(
        f"{len(out)} part{'y' if len(out) == 1 else 'ies'} screened again",
        ("id", "name", "status", "matches", "screening"),
        (
            (
                r["party"]["id"],
                r["party"]["name"],
                r["party"]["status"],
                len(r["screening"]["matches"]),
                r["screening"]["record"]["screening_id"],
            )
            for r in out
        ),
    )


def _since(out: dict[str, Any], json_out: bool) -> None:
    if json_out:
        emit_json(out)
        return
    render.say(
        f"{out['parties']:,} parties screened against the {out['changed_entries']:,} entries "
        f"added or changed since {out['since']} ({out['since_date']}): "
        f"{len(out['with_new_hits'])} with new hits"
    )
    if not out["with_new_hits"]:
        return
    render.table(
        "parties with new hits (screened in full and recorded)",
        ("id", "name", "status", "new matches", "screening"),
        (
            (
                r["party"]["id"],
                r["party"]["name"],
                r["party"]["status"],
                ", ".join(m["name"] for m in r["new_matches"]),
                r["screening_id"],
            )
            for r in out["with_new_hits"]
        ),
    )
