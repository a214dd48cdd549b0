"""Screening commands: screen, match, screen-batch (contract section 1)."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from earmark.cli import render
from earmark.cli.options import (
    AsOf,
    Database,
    JsonFlag,
    NoRecord,
    Scheduler,
    User,
    Workers,
    emit_json,
    future_as_of,
    input_file,
    parse_date,
    progress,
    runtime,
)
from earmark.errors import BadInput

Threshold = Annotated[
    float | None,
    typer.Option("--threshold", help="Report matches at or above this score (0-1)."),
]
Lists = Annotated[
    str | None, typer.Option("--lists", help="Only these lists, comma-separated: EL,SDN,...")
]
TypeOption = Annotated[
    str | None,
    typer.Option(
        "--type",
        help="entity, individual, vessel or aircraft (also organization, company, "
        "legalentity, person, airplane; any case).",
    ),
]


def register(app: typer.Typer) -> None:
    app.command("screen")(screen_cmd)
    app.command("match")(match_cmd)
    app.command("screen-batch")(screen_batch_cmd)


def screen_cmd(
    name: Annotated[str, typer.Argument(help="The party name to screen.")],
    country: Annotated[str | None, typer.Option("--country", help="Country (ISO code).")] = None,
    type_: TypeOption = None,
    address: Annotated[str | None, typer.Option("--address", help="Address text.")] = None,
    lists: Lists = None,
    limit: Annotated[int, typer.Option("--limit", help="At most this many matches.")] = 10,
    threshold: Threshold = None,
    as_of: AsOf = None,
    no_record: NoRecord = False,
    database: Database = None,
    user: User = None,
    json_out: JsonFlag = False,
) -> None:
    """Screen a name against the restricted-party lists, as of a date.

    The screening is recorded in the store (and its hits raised for review) unless
    --no-record."""
    day = parse_date(as_of, "--as-of")
    rt = runtime(database, user)
    screener = rt.screener
    result = screener.screen(
        name,
        country=country,
        type=type_,
        address=address,
        lists=lists.split(",") if lists is not None else None,
        as_of=day,
        limit=_limit(limit),
        threshold=threshold,
    )
    payload = result.to_dict()
    note = future_as_of(day, screener.regdata.lists.newest_snapshot)
    if not no_record:
        from earmark.store.records import record_screening

        payload = record_screening(rt.store(), result)
    if note:
        payload["note"] = note
    if json_out:
        emit_json(payload)
        return
    render.table(
        f"{len(result.matches)} match(es) for {name!r} (threshold {result.threshold})",
        ("score", "list", "listed name", "matched name or alias", "country", "fn", "policy"),
        (
            (
                f"{m.score:.3f}",
                m.entry.list,
                m.entry.name,
                m.matched_name,
                ",".join(m.entry.countries),
                ",".join(map(str, m.entry.footnotes)),
                m.entry.primary_policy.value if m.entry.primary_policy else "",
            )
            for m in result.matches
        ),
    )
    render.say(f"data version {result.data_version}")
    if note:
        render.say(f"note: {note}", style="yellow")
    if "record" in payload:
        raised = sum(1 for m in payload["matches"] if m["review"]["status"] == "potential")
        render.say(
            f"recorded as screening {payload['record']['screening_id']}; "
            f"{raised} potential match(es) to review (earmark reviews)"
        )


def match_cmd(
    name_a: Annotated[str | None, typer.Argument(help="First name.")] = None,
    name_b: Annotated[str | None, typer.Argument(help="Second name.")] = None,
    type_: TypeOption = None,
    pairs: Annotated[
        Path | None,
        typer.Option("--pairs", help="CSV with columns a,b[,type]: one JSON line out per row."),
    ] = None,
    json_out: JsonFlag = False,
) -> None:
    """Score two names with the scorer that screen uses (or every pair of a CSV file)."""
    screener = runtime().screener
    if pairs is not None:
        if name_a is not None:
            raise BadInput("--pairs", "give either two names or --pairs, not both")
        _match_pairs(screener, pairs)
        return
    if name_a is None or name_b is None:
        raise BadInput("name_b" if name_a else "name_a", "two names are needed (or --pairs FILE)")
    scored = screener.match(name_a, name_b, type_)
    payload = {"score": scored.score, "explanation": [w.to_dict() for w in scored.words]}
    if json_out:
        emit_json(payload)
        return
    render.line("score ", render.bold(f"{scored.score:.3f}"))
    for w in scored.words:
        render.say(f"  {w.query} -> {w.listed or '-'}  {w.score:.2f} {w.how}")


def _match_pairs(screener: Any, path: Path) -> None:
    input_file(path, "--pairs")
    csv.field_size_limit(sys.maxsize)  # an overlong name is a bad row, not a crash
    try:
        with path.open(newline="", encoding="utf-8-sig") as fh:
            reader = csv.DictReader(fh)
            if not reader.fieldnames or not {"a", "b"} <= set(reader.fieldnames):
                raise BadInput("--pairs", "CSV needs a header with the columns a,b[,type]")
            for row in reader:
                out: dict[str, Any] = {"a": row.get("a"), "b": row.get("b")}
                try:
                    scored = screener.match(row.get("a") or "", row.get("b") or "", row.get("type"))
                    out["score"] = scored.score
                except BadInput as exc:
                    out["score"] = None
                    out["error"] = str(exc)
                sys.stdout.write(json.dumps(out, ensure_ascii=False) + "\n")
    except UnicodeDecodeError:
        raise BadInput("--pairs", "not UTF-8 text") from None


def screen_batch_cmd(
    input_path: Annotated[
        Path, typer.Argument(help="Input .csv, .jsonl or .parquet (id,name,...).")
    ],
    out: Annotated[Path, typer.Option("--out", help="Output .jsonl, .csv or .parquet.")],
    workers: Workers = 1,
    scheduler: Scheduler = None,
    lists: Lists = None,
    limit: Annotated[int, typer.Option("--limit", help="At most this many matches a row.")] = 10,
    threshold: Threshold = None,
    as_of: AsOf = None,
    no_record: NoRecord = False,
    database: Database = None,
    user: User = None,
    json_out: JsonFlag = False,
) -> None:
    """Screen every row of a file; resumable; one output row per input row (and match).

    Each screening is recorded in the store (its hits raised for review), once even across
    a resume, unless --no-record. CSV output is safe to open in a spreadsheet: a cell that
    would start a formula is written with a leading single quote (docs/formats.md)."""
    from earmark.batch import BatchOptions, run_batch

    input_file(input_path, "input")
    rt = runtime(database, user)
    options = BatchOptions(
        as_of=parse_date(as_of, "--as-of"),
        threshold=_threshold(threshold),
        limit=_limit(limit),
        lists=tuple(lists.split(",")) if lists else None,
    )
    if options.lists:
        known = rt.regdata.lists.list_codes
        unknown = [c for c in options.lists if c.strip().upper() not in known]
        if unknown:
            raise BadInput("--lists", f"unknown list {', '.join(unknown)}")
    store = None if no_record else rt.store()
    summary = run_batch(input_path, out, options, workers, scheduler, progress(), store, rt)
    if json_out:
        emit_json(summary.to_dict())
        return
    render.batch_summary(summary, "rows screened", "with matches")


def _limit(value: int) -> int:
    if value < 1:
        raise BadInput("--limit", "must be at least 1")
    return value


def _threshold(value: float | None) -> float | None:
    if value is not None and not 0.0 <= value <= 1.0:
        raise BadInput("--threshold", f"must be between 0 and 1, not {value}")
    return value
