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
    runtime,
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
    from earmark.store.workflows import add_policy_event
    from earmark.store.workflows import footnote as check_footnote

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
        data = read_json_file(file, "--file")
    else:
        data = given
        if effective is not None:
            parse_date(effective, "--effective")
        if footnote is not None:
            check_footnote(footnote, "--footnote")
    rt = runtime(database, user)
    out = add_policy_event(rt.store(), rt.engine, data, allow_unknown)
    ignored = out.get("ignored_fields", [])
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

    from earmark.store.workflows import impact_report

    on = parse_date(as_of, "--as-of") or date.today()
    rt = runtime(database, user)
    report = impact_report(rt.store(), rt.engine, on, record)
    if json_out:
        emit_json(report)
        return
    render.say(f"impact as of {report['as_of']} (data {report['data_version']})")
    for c in report["changes"]:
        ref = c.get("name") or c.get("number") or c.get("id")
        render.say(f"  {c['kind']} {ref}: {c['what']}")
    if not report["changes"]:
        render.say("  nothing changed")
