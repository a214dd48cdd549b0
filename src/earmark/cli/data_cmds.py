"""Commands that read the regulatory data: lists, entries, timeline, countries, ECCNs."""

from __future__ import annotations

from collections.abc import Callable
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
from earmark.regdata import Listing, load_regdata
from earmark.regdata.ids import name_key
from earmark.regdata.model import Dataset

lists_app = typer.Typer(
    invoke_without_command=True,
    no_args_is_help=False,
    help="Each restricted-party list: version, entry count and dates (as of a date); "
    "`lists load` adds a new list version.",
)
app.add_typer(lists_app, name="lists")


@lists_app.callback()
def lists_cmd(
    ctx: typer.Context,
    as_of: AsOf = None,
    all_datasets: Annotated[
        bool, typer.Option("--all", help="Also show every bundled dataset and table.")
    ] = False,
    json_out: JsonFlag = False,
) -> None:
    """Each restricted-party list: version, entry count and dates (as of a date)."""
    if ctx.invoked_subcommand is not None:
        return
    day = parse_date(as_of, "--as-of")
    rd = load_regdata()
    versions = rd.list_versions(day)
    payload: dict[str, Any] = {
        "as_of": (day or rd.lists.newest_snapshot).isoformat(),
        "data_version": rd.version,
        "lists": [v.to_dict() for v in versions],
    }
    if all_datasets:
        payload["datasets"] = [d.to_dict() for d in rd.datasets]
    if json_out:
        emit_json(payload)
        return
    table = Table(title=f"Restricted-party lists as of {payload['as_of']}")
    for col in ("list", "name", "entries", "snapshot", "effective dates", "sha256"):
        table.add_column(col, justify="right" if col == "entries" else "left")
    for v in versions:
        span = (
            f"{_d(v.earliest_effective)} .. {_d(v.latest_effective)}" if v.effective_known else "-"
        )
        table.add_row(v.list, v.name, f"{v.entries:,}", str(v.snapshot), span, v.sha256[:12])
    console.print(table)
    console.print(f"data version {rd.version}")
    if all_datasets:
        for d in rd.datasets:
            console.print(f"  {d.id:26} {d.kind:9} snapshot {d.provenance.snapshot}  {d.counts}")


@lists_app.command("load")
def lists_load_cmd(
    file: Annotated[
        Path,
        typer.Argument(help="trade.gov consolidated.csv (or .csv.gz), or the reduced CSL JSON."),
    ],
    snapshot: Annotated[
        str, typer.Option("--snapshot", help="The date the file was published (YYYY-MM-DD).")
    ],
    fmt: Annotated[
        str | None, typer.Option("--format", help="csv or json (default: from the file name).")
    ] = None,
    database: Database = None,
    user: User = None,
    json_out: JsonFlag = False,
) -> None:
    """Load a new version of the Consolidated Screening List (then run `earmark impact`)."""
    from earmark.regdata.loaded import load_list_version

    day = parse_date(snapshot, "--snapshot")
    assert day is not None
    _change_lists(
        "loaded",
        lambda bundled: load_list_version(file, day, bundled, fmt),
        database,
        user,
        json_out,
    )


@lists_app.command("unload")
def lists_unload_cmd(
    dataset: Annotated[str, typer.Argument(help="A loaded list version, e.g. csl-2026-09-01.")],
    database: Database = None,
    user: User = None,
    json_out: JsonFlag = False,
) -> None:
    """Remove a list version loaded with `lists load` (the bundled ones stay)."""
    from earmark.regdata.loaded import unload_list_version

    _change_lists(
        "unloaded",
        lambda bundled: unload_list_version(dataset, bundled),
        database,
        user,
        json_out,
    )


def _change_lists(
    done: str,
    change: Callable[[list[Dataset]], Dataset],
    database: str | None,
    user: str | None,
    json_out: bool,
) -> None:
    """Load or unload a list version, and note it in the audit trail with both data versions."""
    before = load_regdata().version
    dataset = change(load_regdata().bundled)
    load_regdata.cache_clear()
    after = load_regdata().version
    payload = {done: dataset.to_dict(), "data_version_before": before, "data_version": after}
    with open_store(database, user).write(after) as tx:
        tx.note(f"list_version_{done}", dataset.id, payload)
    if json_out:
        emit_json(payload)
    else:
        console.print(escape(f"{done} {dataset.id}: {dataset.counts}; data version {after}"))


@app.command("entries")
def entries_cmd(
    contains: Annotated[
        str | None,
        typer.Option(
            "--contains", help="Only entries whose name or an alias contains these words."
        ),
    ] = None,
    list_code: Annotated[
        str | None, typer.Option("--list", help="Only this list (EL, SDN, ...).")
    ] = None,
    country: Annotated[
        str | None, typer.Option("--country", help="Only this country (ISO code).")
    ] = None,
    footnote: Annotated[
        int | None, typer.Option("--footnote", help="Only entries with this Entity List footnote.")
    ] = None,
    limit: Annotated[int, typer.Option("--limit", min=1, help="At most this many.")] = 50,
    as_of: AsOf = None,
    json_out: JsonFlag = False,
) -> None:
    """List entries by plain filters (exact words, not fuzzy screening)."""
    day = parse_date(as_of, "--as-of")
    rd = load_regdata()
    codes = _list_codes(rd.lists.list_codes, list_code)
    cc = _country(country)
    words = name_key(contains) if contains is not None else ""
    if contains is not None and not words:
        raise BadInput("--contains", "no letters or digits to look for")
    if footnote is not None and not 1 <= footnote <= 9:
        raise BadInput("--footnote", f"footnotes are numbered 1 to 9, not {footnote}")
    found = []
    for listing in rd.lists.as_of(day, codes):
        e = listing.entry
        if cc and cc not in e.countries:
            continue
        if footnote is not None and footnote not in e.footnotes:
            continue
        if words and not any(words in name_key(n) for n in e.names):
            continue
        found.append(listing)
    found.sort(key=lambda lst: (lst.entry.list, lst.entry.name.casefold()))
    shown = found[:limit]
    if json_out:
        emit_json(
            {
                "total": len(found),
                "entries": [_listing_json(lst, day) for lst in shown],
                "data_version": rd.version,
            }
        )
        return
    table = Table(
        title=f"{len(found):,} entries" + (f" (first {limit})" if len(found) > limit else "")
    )
    for col in ("id", "list", "name", "countries", "fn", "effective", "policy"):
        table.add_column(col)
    for lst in shown:
        e = lst.entry
        table.add_row(
            e.id,
            e.list,
            escape(e.name),
            ",".join(e.countries),
            ",".join(map(str, e.footnotes)),
            _effective_text(lst),
            e.primary_policy.value if e.primary_policy else "",
        )
    console.print(table)


@app.command("entry")
def entry_cmd(
    entry_id: Annotated[str, typer.Argument(help="Entry id, e.g. EL-1a2b3c4d5e.")],
    as_of: AsOf = None,
    json_out: JsonFlag = False,
) -> None:
    """One entry in full, as it stood on a date."""
    day = parse_date(as_of, "--as-of")
    listing = load_regdata().lists.listing(entry_id, day)
    if listing is None:
        raise BadInput("entry_id", f"no list entry with id {entry_id!r}")
    data = _listing_json(listing, day)
    if json_out:
        emit_json(data)
        return
    for key, value in data.items():
        console.print(f"[bold]{key}[/bold]: {escape(str(value))}")


def _listing_json(listing: Listing, day: Any) -> dict[str, Any]:
    data = listing.entry.to_dict()
    data["dataset"] = listing.dataset
    if day is not None:
        data["listed_on_date"] = listing.listed_on(day)
        data["uncertain"] = list(listing.flags(day))
    data["first_seen"] = listing.first_seen.isoformat()
    data["last_seen"] = listing.last_seen.isoformat()
    if listing.removed_by:
        data["removed_by"] = listing.removed_by.isoformat()
    return data


def _effective_text(listing: Listing) -> str:
    eff = listing.entry.effective
    if eff is None:
        return "unknown"
    return f"{'~' if eff.approximate else ''}{eff.value} ({eff.basis.value})"


def _list_codes(known: tuple[str, ...], value: str | None) -> list[str] | None:
    if value is None:
        return None
    codes = [c.strip().upper() for c in value.split(",") if c.strip()]
    unknown = [c for c in codes if c not in known]
    if unknown or not codes:
        raise BadInput(
            "--list", f"unknown list {', '.join(unknown) or value!r}; known: {', '.join(known)}"
        )
    return codes


def _country(value: str | None) -> str | None:
    if value is None:
        return None
    from earmark.regdata.countries import require_country

    return require_country(value, "--country")


def _d(value: Any) -> str:
    return str(value) if value else "?"


@app.command("timeline")
def timeline_cmd(
    as_of: AsOf = None,
    series: Annotated[str | None, typer.Option("--series", help="Only this rule series.")] = None,
    json_out: JsonFlag = False,
) -> None:
    """The dated regulatory actions (all, or those in force on --as-of)."""
    day = parse_date(as_of, "--as-of")
    tl = load_regdata().timeline
    if series is not None and series not in tl.series_names():
        raise BadInput(
            "--series", f"unknown series {series!r}; known: {', '.join(tl.series_names())}"
        )
    events = tl.in_force(day) if day else tl.events
    events = tuple(e for e in events if series is None or e.series == series)
    if json_out:
        emit_json(
            {
                "as_of": day.isoformat() if day else None,
                "timeline_sha256": tl.sha256,
                "events": [_event_json(e) for e in events],
            }
        )
        return
    table = Table(title="Regulatory timeline" + (f" in force on {day}" if day else ""))
    for col in ("effective", "to", "citation", "kind", "title"):
        table.add_column(col)
    for e in events:
        table.add_row(
            str(e.effective_from),
            str(e.effective_to or ""),
            e.citation or "-",
            e.kind.value,
            e.title + ("" if e.regulatory else "  [not a rule]"),
        )
    console.print(table)


def _event_json(e: Any) -> dict[str, Any]:
    from dataclasses import asdict

    out = {k: v for k, v in asdict(e).items() if v not in (None, (), [])}
    for key in ("effective_from", "effective_to", "published"):
        if key in out:
            out[key] = out[key].isoformat()
    return out


@app.command("country")
def country_cmd(
    code: Annotated[str, typer.Argument(help="Country: ISO code or name.")],
    json_out: JsonFlag = False,
) -> None:
    """A destination's Commerce Country Chart row and Country Groups."""
    from earmark.regdata.countries import country_name, require_country

    cc = require_country(code, "country")
    ear = load_regdata().ear
    row = ear.country_chart.row(cc)
    data = {
        "code": cc,
        "name": country_name(cc),
        "chart_row": row.name if row else None,
        "chart_marks": sorted(row.marks) if row else [],
        "chart_footnotes": list(row.footnotes) if row else [],
        "inherited_from": row.code if row and row.inherited else None,
        "inheritance_basis": row.inherited_basis if row else None,
        "embargo": ear.country_chart.embargo_pointer(cc),
        "country_groups": sorted(ear.country_groups.groups_of(cc)),
        "sources": [ear.country_chart.dataset.id, ear.country_groups.dataset.id],
    }
    if json_out:
        emit_json(data)
        return
    for key, value in data.items():
        console.print(f"[bold]{key}[/bold]: {value}")


@app.command("eccn")
def eccn_cmd(
    eccn: Annotated[str, typer.Argument(help="ECCN, e.g. 5A992.c, or EAR99.")],
    json_out: JsonFlag = False,
) -> None:
    """What the Commerce Control List says about an ECCN."""
    ccl = load_regdata().ear.ccl
    parsed = ccl.parse_eccn(eccn, "eccn")
    entry = ccl.require(parsed, "eccn")
    data: dict[str, Any] = {"eccn": parsed.text, "base": parsed.base, "source": ccl.dataset.id}
    if entry is None:
        data["note"] = "EAR99: subject to the EAR, not described on the CCL (15 CFR 734.3(c))"
    else:
        data.update(
            {
                "heading": entry.heading,
                "reasons_for_control": list(entry.reasons),
                "country_chart": [
                    {
                        "reason": c.reason,
                        "scope": c.scope,
                        "column": c.column,
                        "refers_to": list(c.references),
                    }
                    for c in entry.chart_controls
                ],
                "license_exceptions": {s: f.text for s, f in entry.license_exceptions.items()},
            }
        )
    if json_out:
        emit_json(data)
        return
    for key, value in data.items():
        console.print(f"[bold]{key}[/bold]: {value}")
