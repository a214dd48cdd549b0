"""Determination commands: check (contract section 2)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer

from earmark.cli.app import app
from earmark.cli.options import (
    Database,
    JsonFlag,
    NoRecord,
    Scheduler,
    User,
    Workers,
    console,
    emit_json,
    open_store,
    parse_date,
)
from earmark.errors import BadInput
from earmark.rules.decision import ANSWER_FIELDS


@app.command("check")
def check_cmd(
    case_file: Annotated[Path, typer.Argument(help="CASE.json: one case or a list of cases.")],
    diff: Annotated[
        tuple[str, str] | None,
        typer.Option("--diff", help="Decide on two dates and show what changed.", metavar="D1 D2"),
    ] = None,
    no_record: NoRecord = False,
    database: Database = None,
    user: User = None,
    json_out: JsonFlag = False,
) -> None:
    """Is the item subject to the EAR; is a license required, why, and under which policy.

    Each decision is recorded in the store with its case, data version and date, unless
    --no-record."""
    from earmark.rules import Engine

    data = _read(case_file)
    engine = Engine()
    if diff is not None:
        cases = data if isinstance(data, list) else [data]
        out = [_diff(engine, c, i, diff) for i, c in enumerate(cases)]
        if json_out:
            emit_json(out if isinstance(data, list) else out[0])
        else:
            for d in out:
                _print_diff(d)
        return
    cases = data if isinstance(data, list) else [data]
    many = isinstance(data, list)
    decisions = [
        engine.check(c, f"cases[{i}]" if many else "case").to_dict() for i, c in enumerate(cases)
    ]
    if not no_record:
        # Decided first, then stored in one transaction: a bad case stores nothing.
        from earmark.store.records import record_decisions

        decisions = record_decisions(
            open_store(database, user), list(zip(cases, decisions, strict=True))
        )
    payload: Any = decisions if isinstance(data, list) else decisions[0]
    if json_out:
        emit_json(payload)
        return
    for d in decisions:
        _print(d)


@app.command("check-batch")
def check_batch_cmd(
    input_path: Annotated[Path, typer.Argument(help="Input .jsonl or .parquet: one case a row.")],
    out: Annotated[Path, typer.Option("--out", help="Output .jsonl, .parquet or .csv.")],
    workers: Workers = 1,
    scheduler: Scheduler = None,
    no_record: NoRecord = False,
    database: Database = None,
    user: User = None,
    json_out: JsonFlag = False,
) -> None:
    """Decide every case of a file; resumable; one decision a row out, bad rows reported.

    Each decision is recorded in the store, once even across a resume, unless --no-record."""
    from earmark.batch import BatchOptions, run_batch
    from earmark.cli.screening_cmds import _progress

    store = None if no_record else open_store(database, user)
    summary = run_batch(
        input_path, out, BatchOptions(task="check"), workers, scheduler, _progress(), store
    )
    if json_out:
        emit_json(summary.to_dict())
        return
    console.print(
        f"{summary.rows:,} cases decided ({summary.with_matches:,} with a listed party, "
        f"{summary.errors:,} bad rows) -> {summary.output}"
        + (f"; {summary.recorded:,} recorded (run {summary.run_id})" if summary.run_id else "")
    )


def _read(path: Path) -> Any:
    if not path.is_file():
        raise BadInput("case_file", f"no such file: {path}")
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except RecursionError:
        raise BadInput("case_file", "not JSON: nested too deeply") from None
    except UnicodeDecodeError:
        raise BadInput("case_file", "not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise BadInput("case_file", f"not JSON: {exc.msg} at line {exc.lineno}") from None


def _diff(engine: Any, case: Any, i: int, dates: tuple[str, str]) -> dict[str, Any]:
    if not isinstance(case, dict):
        raise BadInput(f"cases[{i}]", "a case must be a JSON object")
    first, second = (parse_date(d, "--diff") for d in dates)
    assert first is not None and second is not None
    a = engine.check({**case, "date": first.isoformat()}, f"cases[{i}]").to_dict()
    b = engine.check({**case, "date": second.isoformat()}, f"cases[{i}]").to_dict()
    changed = {k: {"from": a[k], "to": b[k]} for k in ANSWER_FIELDS if a[k] != b[k]}
    if a["details"].get("fdp_rule") != b["details"].get("fdp_rule"):
        changed["fdp_rule"] = {
            "from": a["details"].get("fdp_rule"),
            "to": b["details"].get("fdp_rule"),
        }
    low, high = sorted((first, second))
    events = [
        {
            "id": e.id,
            "effective_from": e.effective_from.isoformat(),
            "citation": e.citation,
            "title": e.title,
            "regulatory": e.regulatory,
        }
        for e in engine.regdata.timeline.events
        if low < e.effective_from <= high
    ]
    texts_a = {(r["rule"], r["text"]) for r in a["reasons"]}
    texts_b = {(r["rule"], r["text"]) for r in b["reasons"]}
    return {
        "id": case.get("id"),
        "dates": [first.isoformat(), second.isoformat()],
        "changed": changed,
        "reasons_only_on_first": [r for r in a["reasons"] if (r["rule"], r["text"]) not in texts_b],
        "reasons_only_on_second": [
            r for r in b["reasons"] if (r["rule"], r["text"]) not in texts_a
        ],
        "events_between": events,
        "decisions": [a, b],
    }


def _print(d: dict[str, Any]) -> None:
    console.rule(f"case {d['id'] or ''} on {d['date']}")
    console.print(
        f"subject to the EAR: [bold]{_tri(d['subject_to_ear'])}[/bold]   "
        f"license required: [bold]{_tri(d['license_required'])}[/bold]   "
        f"review policy: {d['review_policy'] or '-'}"
    )
    if d["license_exceptions"]:
        console.print(f"license exceptions: {', '.join(d['license_exceptions'])}")
    for a in d["authorizations"]:
        console.print(f"authorized by: {a}")
    for r in d["reasons"]:
        console.print(
            f"  - [{r['rule']}{', ' + r['citation'] if r['citation'] else ''}] {r['text']}"
        )
    if d["missing_facts"]:
        console.print(f"missing facts: {', '.join(d['missing_facts'])}")


def _print_diff(d: dict[str, Any]) -> None:
    console.rule(f"case {d['id'] or ''}: {d['dates'][0]} -> {d['dates'][1]}")
    if not d["changed"]:
        console.print("no change in the decision")
    for key, change in d["changed"].items():
        console.print(f"{key}: {change['from']} -> {change['to']}")
    if d["events_between"]:
        console.print("regulatory actions between the dates:")
        for e in d["events_between"]:
            console.print(f"  {e['effective_from']} {e['citation'] or '(not a rule)'} {e['title']}")
    for r in d["reasons_only_on_second"]:
        console.print(f"  + [{r['rule']}] {r['text']}")
    for r in d["reasons_only_on_first"]:
        console.print(f"  - [{r['rule']}] {r['text']}")


def _tri(value: bool | None) -> str:
    return {True: "yes", False: "no", None: "indeterminate"}[value]
