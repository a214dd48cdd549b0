"""Commands that read the regulatory data: lists, entries, timeline, countries, ECCNs."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer

from earmark.cli import render
from earmark.cli.options import (
    AsOf,
    Database,
    JsonFlag,
    User,
    emit_json,
    future_as_of,
    input_file,
    parse_date,
    runtime,
)
from earmark.errors import BadInput
from earmark.regdata import Listing
from earmark.regdata.ids import name_key
from earmark.regdata.model import Dataset

lists_app = typer.Typer(
    invoke_without_command=True,
    no_args_is_help=False,
    help="Each restricted-party list: version, entry count and dates (as of a date); "
    "`lists load` adds a new list version.",
)


def register(app: typer.Typer) -> None:
    app.add_typer(lists_app, name="lists")
    app.command("entries")(entries_cmd)
    app.command("entry")(entry_cmd)
    app.command("timeline")(timeline_cmd)
    app.command("country")(country_cmd)
    app.command("eccn")(eccn_cmd)


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
    rd = runtime().regdata
    versions = rd.list_versions(day)
    payload: dict[str, Any] = {
        "as_of": (day or rd.lists.newest_snapshot).isoformat(),
        "data_version": rd.version,
        "lists": [v.to_dict() for v in versions],
    }
    if all_datasets:
        payload["datasets"] = [d.to_dict() for d in rd.datasets]
    note = future_as_of(day, rd.lists.newest_snapshot)
    if note:
        payload["note"] = note
    if json_out:
        emit_json(payload)
        return
    render.table(
        f"Restricted-party lists as of {payload['as_of']}",
        ("list", "name", "entries", "snapshot", "effective dates", "sha256"),
        (
            (
                v.list,
                v.name,
                f"{v.entries:,}",
                v.snapshot,
                f"{_d(v.earliest_effective)} .. {_d(v.latest_effective)}"
                if v.effective_known
                else "-",
                v.sha256[:12],
            )
            for v in versions
        ),
        right=("entries",),
    )
    render.say(f"data version {rd.version}")
    if note:
        render.say(f"note: {note}", style="yellow")
    if all_datasets:
        for d in rd.datasets:
            render.say(f"  {d.id:26} {d.kind:9} snapshot {d.provenance.snapshot}  {d.counts}")


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

    input_file(file, "file")
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
    from earmark.store.workflows import change_lists

    rt = runtime(database, user)
    payload = change_lists(rt.store(), done, change)
    rt.reload()  # this process's data is the new version's from here
    dataset = payload[done]
    if json_out:
        emit_json(payload)
    else:
        render.say(
            f"{done} {dataset['id']}: {render.text(dataset.get('counts'))}; "
            f"data version {payload['data_version']}"
        )


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
    rd = runtime().regdata
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
        from earmark.store.workflows import listing_json

        emit_json(
            {
                "total": len(found),
                "entries": [listing_json(lst, day) for lst in shown],
                "data_version": rd.version,
            }
        )
        return
    render.table(
        f"{len(found):,} entries" + (f" (first {limit})" if len(found) > limit else ""),
        ("id", "list", "name", "countries", "fn", "effective", "policy"),
        (
            (
                lst.entry.id,
                lst.entry.list,
                lst.entry.name,
                ",".join(lst.entry.countries),
                ",".join(map(str, lst.entry.footnotes)),
                _effective_text(lst),
                lst.entry.primary_policy.value if lst.entry.primary_policy else "",
            )
            for lst in shown
        ),
    )


def entry_cmd(
    entry_id: Annotated[str, typer.Argument(help="Entry id, e.g. EL-1a2b3c4d5e.")],
    as_of: AsOf = None,
    json_out: JsonFlag = False,
) -> None:
    """One entry in full, as it stood on a date."""
    from dataclasses import replace

    from earmark.store.workflows import entry_view

    day = parse_date(as_of, "--as-of")
    rd = runtime().regdata
    data = entry_view(rd, entry_id, day)
    listing = rd.lists.listing(entry_id, day)
    assert listing is not None
    if day is not None:
        listing = replace(listing, entry=rd.entry_on(listing.entry, day)[0])
    undone = data.get("later_revisions_undone", [])
    if json_out:
        emit_json(data)
        return
    _print_entry(listing, day)
    if undone:
        render.line("later revisions undone for this date: ", ", ".join(undone))


def _print_entry(listing: Listing, day: Any) -> None:
    e = listing.entry
    render.fields(
        f"{e.name} ({e.list} entry {e.id})",
        [
            ("aliases", list(e.aliases)),
            ("type", e.type),
            ("countries", list(e.countries)),
            ("addresses", [a.text for a in e.addresses]),
            ("programs", list(e.programs)),
            ("license requirement", e.license_requirement),
            ("license review policy", e.license_policy),
            ("footnotes", list(e.footnotes)),
            ("Federal Register", list(e.federal_register)),
            ("effective", _effective_text(listing)),
            ("remarks", e.remarks),
            ("version from", listing.dataset),
            ("first seen / last seen", f"{listing.first_seen} / {listing.last_seen}"),
            *([("removed by", listing.removed_by)] if listing.removed_by else []),
            *(
                [("listed on " + str(day), listing.listed_on(day)), ("doubts", listing.flags(day))]
                if day is not None
                else []
            ),
        ],
    )


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


def timeline_cmd(
    as_of: AsOf = None,
    series: Annotated[str | None, typer.Option("--series", help="Only this rule series.")] = None,
    json_out: JsonFlag = False,
) -> None:
    """The dated regulatory actions (all, or those in force on --as-of)."""
    day = parse_date(as_of, "--as-of")
    tl = runtime().regdata.timeline
    if series is not None and series not in tl.series_names():
        raise BadInput(
            "--series", f"unknown series {series!r}; known: {', '.join(tl.series_names())}"
        )
    events = tl.in_force(day) if day else tl.events
    events = tuple(e for e in events if series is None or e.series == series)
    log = runtime().regdata.dated.log
    amendments = [
        a
        for a in reversed(log.amendments)
        if series is None and (day is None or a.effective <= day)
    ]
    if json_out:
        emit_json(
            {
                "as_of": day.isoformat() if day else None,
                "timeline_sha256": tl.sha256,
                "events": [_event_json(e) for e in events],
                "amendments": [dict(a.brief(), tables=list(a.tables)) for a in amendments],
                "amendment_log_sha256": log.sha256,
            }
        )
        return
    render.table(
        "Regulatory timeline" + (f" in force on {day}" if day else ""),
        ("effective", "to", "citation", "kind", "title"),
        (
            (
                e.effective_from,
                e.effective_to or "",
                e.citation or "-",
                e.kind.value,
                e.title + ("" if e.regulatory else "  (not a rule)"),
            )
            for e in events
        ),
    )
    if amendments:
        render.table(
            "Amendments to the Country Chart, Country Groups, CCL and Entity List texts",
            ("effective", "citation", "tables", "title"),
            ((a.effective, a.citation, ", ".join(a.tables), a.title) for a in amendments),
        )


def _event_json(e: Any) -> dict[str, Any]:
    from dataclasses import asdict

    out = {k: v for k, v in asdict(e).items() if v not in (None, (), [])}
    for key in ("effective_from", "effective_to", "published"):
        if key in out:
            out[key] = out[key].isoformat()
    return out


def country_cmd(
    code: Annotated[str, typer.Argument(help="Country: ISO code or name.")],
    as_of: AsOf = None,
    json_out: JsonFlag = False,
) -> None:
    """A destination's Commerce Country Chart row and Country Groups (as of --as-of)."""
    from earmark.regdata.countries import country_name, require_country

    cc = require_country(code, "country")
    day = parse_date(as_of, "--as-of")
    rd = runtime().regdata
    ear = rd.ear_on(day) if day else rd.ear
    row = ear.country_chart.row(cc)
    data: dict[str, Any] = {
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
    if day:
        data["as_of"] = day.isoformat()
        data["amendments_undone"] = _undone(rd, day, ("country_chart", "country_groups"))
    if json_out:
        emit_json(data)
        return
    render.fields(
        f"{data['name']} ({cc})",
        [
            ("Country Chart row", data["chart_row"]),
            ("license required for (X)", data["chart_marks"]),
            ("chart footnotes", data["chart_footnotes"]),
            ("row of", data["inherited_from"]),
            ("because", data["inheritance_basis"]),
            ("embargo", data["embargo"]),
            ("Country Groups", data["country_groups"]),
            ("sources", data["sources"]),
            ("as of", data.get("as_of")),
            ("later amendments undone", [u["citation"] for u in data.get("amendments_undone", [])]),
        ],
    )


def _undone(rd: Any, day: Any, tables: tuple[str, ...]) -> list[dict[str, Any]]:
    """The amendments after ``day`` that changed these tables (undone to answer for ``day``)."""
    return [a.brief() for a in rd.dated.log.after(day) if set(a.tables) & set(tables)]


def eccn_cmd(
    eccn: Annotated[str, typer.Argument(help="ECCN, e.g. 5A992.c, or EAR99.")],
    as_of: AsOf = None,
    json_out: JsonFlag = False,
) -> None:
    """What the Commerce Control List says about an ECCN (as of --as-of)."""
    day = parse_date(as_of, "--as-of")
    rd = runtime().regdata
    ccl = (rd.ear_on(day) if day else rd.ear).ccl
    parsed = ccl.parse_eccn(eccn, "eccn")
    entry = ccl.require(parsed, "eccn")
    data: dict[str, Any] = {"eccn": parsed.text, "base": parsed.base, "source": ccl.dataset.id}
    if day:
        data["as_of"] = day.isoformat()
        changes = [
            a.brief()
            for a in rd.dated.log.after(day)
            if any(c.eccn.upper() == parsed.base for c in a.ccl)
        ]
        data["amendments_undone"] = changes
        unknown = getattr(ccl, "unknown", {}).get(parsed.base)
        if unknown is not None:
            data["text_unknown"] = (
                f"revised on {unknown.effective} ({unknown.citation}); the bundled data has "
                "only the later text"
            )
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
    if entry is None:
        render.fields(data["eccn"], [("note", data["note"]), ("source", data["source"])])
        return
    render.fields(
        f"{data['eccn']}: {entry.heading[:300]}",
        [
            ("reasons for control", data["reasons_for_control"]),
            ("source", data["source"]),
            ("as of", data.get("as_of")),
            ("later amendments undone", [u["citation"] for u in data.get("amendments_undone", [])]),
            ("earlier text", data.get("text_unknown")),
        ],
    )
    render.table(
        "License requirements (Country Chart)",
        ("reason", "applies to", "column or pointer"),
        (
            (c["reason"], c["scope"], c["column"] or ", ".join(c["refers_to"]) or "-")
            for c in data["country_chart"]
        ),
    )
    render.table(
        "List-based license exceptions",
        ("exception", "as printed"),
        ((k, v) for k, v in data["license_exceptions"].items()),
    )
