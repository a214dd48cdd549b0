"""Dated policy events (no new licenses, revocations, suspensions) and the impact report."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from earmark.cli import render
from earmark.cli.options import (
    AllowUnknown,
    AsOf,
    Database,
    JsonFlag,
    User,
    emit_json,
    open_store,
    parse_date,
    read_json_file,
)
from earmark.errors import BadInput

group = typer.Typer(help="Dated policy events (no new licenses, revocations).")


def register(app: typer.Typer) -> None:
    app.add_typer(group, name="events")
    app.command("impact")(impact_cmd)


@group.callback(invoke_without_command=True)
def events_list(
    ctx: typer.Context, database: Database = None, user: User = None, json_out: JsonFlag = False
) -> None:
    """Policy events on record."""
    if ctx.invoked_subcommand is not None:
        return
    from earmark.store.licenses import list_events

    with open_store(database, user).read() as conn:
        rows = list_events(conn)
    if json_out:
        emit_json(rows)
        return
    render.table(
        f"{len(rows)} policy event(s)",
        ("id", "effective", "kind", "name", "reaches", "source"),
        ((e["id"], e["effective"], e["kind"], e["name"], e["selector"], e["source"]) for e in rows),
    )


@group.command("add")
def events_add(
    name: Annotated[str | None, typer.Option("--name")] = None,
    kind: Annotated[
        str | None,
        typer.Option("--kind", help="no_new_licenses, revoke_licenses, suspend_licenses"),
    ] = None,
    effective: Annotated[str | None, typer.Option("--effective", metavar="DATE")] = None,
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
    file: Annotated[
        Path | None,
        typer.Option("--file", help="EVENT.json with these fields instead (docs/formats.md)."),
    ] = None,
    allow_unknown: AllowUnknown = False,
    database: Database = None,
    user: User = None,
    json_out: JsonFlag = False,
) -> None:
    """Record a dated policy event; revocations and suspensions apply to stored licenses."""
    from earmark.licensing.forms import PolicyEvent, parse_form
    from earmark.rules import Engine
    from earmark.store.impact import matcher
    from earmark.store.licenses import add_event

    given: dict[str, Any] = {
        k: v
        for k, v in {
            "name": name,
            "kind": kind,
            "effective": effective,
            "parties": party,
            "footnote": footnote,
            "source": source,
        }.items()
        if v is not None
    }
    if file is not None:
        if given:
            raise BadInput("--file", "give the event either in a file or as options, not both")
        data, where = read_json_file(file, "--file"), "event"
    else:
        data, where = given, "event"
        if effective is not None:
            parse_date(effective, "--effective")
    fields, ignored = parse_form(PolicyEvent, data, where, allow_unknown)
    selector: dict[str, Any] = {}
    if fields.get("parties"):
        selector["names"] = fields["parties"]
    if fields.get("footnote") is not None:
        selector["footnote"] = _footnote(fields["footnote"])
    out = add_event(
        open_store(database, user),
        fields["name"],
        fields["kind"],
        fields["effective"],
        selector,
        fields.get("source"),
        matcher(Engine().screener),
    )
    if ignored:
        out["ignored_fields"] = ignored
    if json_out:
        emit_json(out)
        return
    e = out["event"]
    render.say(
        f"policy event {e['id']} recorded: {e['name']} ({e['kind']}, effective {e['effective']})"
    )
    render.say(f"licenses changed: {', '.join(out['licenses_changed']) or 'none'}")
    for skipped in out.get("licenses_not_changed", []):
        render.say(f"  not changed: {skipped['number']}: {skipped['why']}")
    render.ignored(ignored)


def _footnote(number: int) -> int:
    """An Entity List footnote that entries carry (Supp. No. 4 to Part 744)."""
    from earmark.regdata.footnotes import FOOTNOTES

    if number not in FOOTNOTES:
        known = ", ".join(f"{n} ({what})" for n, what in FOOTNOTES.items())
        raise BadInput("--footnote", f"no Entity List footnote {number}; the footnotes: {known}")
    return number


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
    from datetime import date

    from earmark.rules import Engine
    from earmark.store.impact import impact
    from earmark.store.records import ScreenerAsOf, rescreen_party

    store = open_store(database, user)
    engine = Engine()
    on = parse_date(as_of, "--as-of") or date.today()
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
    render.say(f"impact as of {report['as_of']} (data {report['data_version']})")
    for c in report["changes"]:
        ref = c.get("name") or c.get("number") or c.get("id")
        render.say(f"  {c['kind']} {ref}: {c['what']}")
    if not report["changes"]:
        render.say("  nothing changed")
