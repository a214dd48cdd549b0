"""Determination commands: check (contract section 2)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from earmark.cli import render
from earmark.cli.options import (
    AllowUnknown,
    Database,
    JsonFlag,
    NoRecord,
    Scheduler,
    User,
    Workers,
    emit_json,
    input_file,
    parse_date,
    progress,
    read_json_file,
    runtime,
)


def register(app: typer.Typer) -> None:
    app.command("check")(check_cmd)
    app.command("check-batch")(check_batch_cmd)


def check_cmd(
    case_file: Annotated[Path, typer.Argument(help="CASE.json: one case or a list of cases.")],
    diff: Annotated[
        tuple[str, str] | None,
        typer.Option("--diff", help="Decide on two dates and show what changed.", metavar="D1 D2"),
    ] = None,
    allow_unknown: AllowUnknown = False,
    no_record: NoRecord = False,
    database: Database = None,
    user: User = None,
    json_out: JsonFlag = False,
) -> None:
    """Is the item subject to the EAR; is a license required, why, and under which policy.

    Each decision is recorded in the store with its case, data version and date, unless
    --no-record."""
    data = read_json_file(case_file, "case_file")
    rt = runtime(database, user)
    engine = rt.engine
    if diff is not None:
        cases = data if isinstance(data, list) else [data]
        out = [_diff(engine, c, i, diff, allow_unknown) for i, c in enumerate(cases)]
        if json_out:
            emit_json(out if isinstance(data, list) else out[0])
        else:
            for d in out:
                _print_diff(d)
        return
    cases = data if isinstance(data, list) else [data]
    many = isinstance(data, list)
    decisions = [
        engine.check(c, f"cases[{i}]" if many else "case", allow_unknown).to_dict()
        for i, c in enumerate(cases)
    ]
    if not no_record:
        # Decided first, then stored in one transaction: a bad case stores nothing.
        from earmark.store.records import record_decisions

        decisions = record_decisions(rt.store(), list(zip(cases, decisions, strict=True)))
    payload: Any = decisions if isinstance(data, list) else decisions[0]
    if json_out:
        emit_json(payload)
        return
    for d in decisions:
        _print(d)


def check_batch_cmd(
    input_path: Annotated[Path, typer.Argument(help="Input .jsonl or .parquet: one case a row.")],
    out: Annotated[Path, typer.Option("--out", help="Output .jsonl, .parquet or .csv.")],
    workers: Workers = 1,
    scheduler: Scheduler = None,
    allow_unknown: AllowUnknown = False,
    no_record: NoRecord = False,
    database: Database = None,
    user: User = None,
    json_out: JsonFlag = False,
) -> None:
    """Decide every case of a file; resumable; one decision a row out, bad rows reported.

    A case with a key the format does not define is a bad row (its error names the key)
    unless --allow-unknown-fields. Each decision is recorded in the store, once even across
    a resume, unless --no-record."""
    from earmark.batch import BatchOptions, run_batch

    input_file(input_path, "input")
    rt = runtime(database, user)
    store = None if no_record else rt.store()
    options = BatchOptions(task="check", allow_unknown=allow_unknown)
    summary = run_batch(input_path, out, options, workers, scheduler, progress(), store, rt)
    if json_out:
        emit_json(summary.to_dict())
        return
    render.batch_summary(summary, "cases decided", "with a listed party")


def _diff(
    engine: Any, case: Any, i: int, dates: tuple[str, str], allow_unknown: bool
) -> dict[str, Any]:
    from earmark.rules.diff import decide_on_two_dates

    first, second = (parse_date(d, "--diff") for d in dates)
    assert first is not None and second is not None
    return decide_on_two_dates(engine, case, first, second, f"cases[{i}]", allow_unknown)


def _print(d: dict[str, Any]) -> None:
    render.rule(f"case {d['id'] or ''} on {d['date']}")
    render.line(
        "subject to the EAR: ",
        render.bold(render.tri(d["subject_to_ear"])),
        "   license required: ",
        render.bold(render.tri(d["license_required"])),
        f"   review policy: {d['review_policy'] or '-'}",
    )
    if d["license_exceptions"]:
        render.say(f"license exceptions: {', '.join(d['license_exceptions'])}")
    for a in d["authorizations"]:
        render.say(f"authorized by: {a}")
    for r in d["reasons"]:
        render.say(f"  - [{r['rule']}{', ' + r['citation'] if r['citation'] else ''}] {r['text']}")
    if d["missing_facts"]:
        render.say(f"missing facts: {', '.join(d['missing_facts'])}")
    render.ignored(d["details"].get("ignored_fields", []))
    if "record" in d:
        render.say(f"recorded as decision {d['record']['decision_id']}")


def _print_diff(d: dict[str, Any]) -> None:
    render.rule(f"case {d['id'] or ''}: {d['dates'][0]} -> {d['dates'][1]}")
    if not d["changed"]:
        render.say("no change in the decision")
    for key, change in d["changed"].items():
        render.say(f"{key}: {change['from']} -> {change['to']}")
    if d["events_between"]:
        render.say("regulatory actions between the dates:")
        for e in d["events_between"]:
            render.say(f"  {e['effective_from']} {e['citation'] or '(not a rule)'} {e['title']}")
    touching = [
        (a, c) for a in d["table_changes_between"] for c in a["changes"] if c["touches_case"]
    ]
    if touching:
        render.say("table amendments between the dates that touch this case:")
        for a, c in touching:
            render.say(
                f"  {a['effective']} {a['citation']} {c['table']} {c['subject']}: {c['change']}"
            )
    others = len(d["table_changes_between"]) - len({a["id"] for a, _ in touching})
    if others > 0:
        render.say(f"  ({others} other table amendments between the dates; --json lists them)")
    for r in d["reasons_only_on_second"]:
        render.say(f"  + [{r['rule']}] {r['text']}")
    for r in d["reasons_only_on_first"]:
        render.say(f"  - [{r['rule']}] {r['text']}")
    render.ignored(d["decisions"][0]["details"].get("ignored_fields", []))
