"""The hash-chained audit trail: verify it, keep its head, export evidence."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from earmark.cli import render
from earmark.cli.options import Database, JsonFlag, User, emit_json, open_store
from earmark.errors import BadInput
from earmark.store import MAX_ID

group = typer.Typer(help="The hash-chained audit trail: verify it, export evidence.")


def register(app: typer.Typer) -> None:
    app.add_typer(group, name="audit")


@group.command("verify")
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
        render.say(f"{'ok' if result.ok else 'ALTERED'}: {result.records} audit records")
        for p in result.problems:
            render.say(f"  {p}")
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


@group.command("head")
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
        render.say(f"anchor {out['anchor']} (record {out['seq']}, {out['at']})")


@group.command("export")
def audit_export(
    out: Annotated[
        Path, typer.Option("--out", help="Directory for evidence.json, .html (and .pdf)")
    ],
    decision: Annotated[
        int | None, typer.Option("--decision", help="Decision id.", min=1, max=MAX_ID)
    ] = None,
    screening: Annotated[
        int | None, typer.Option("--screening", help="Screening id.", min=1, max=MAX_ID)
    ] = None,
    application: Annotated[str | None, typer.Option("--application")] = None,
    pdf: Annotated[
        bool, typer.Option("--pdf", help="Also write evidence.pdf: the same page as PDF.")
    ] = False,
    database: Database = None,
    user: User = None,
    json_out: JsonFlag = False,
) -> None:
    """Write an evidence pack for one transaction (JSON plus a readable HTML report, and with
    --pdf the same report as PDF)."""
    from earmark.store.evidence import export

    chosen = [x for x in (decision, screening, application) if x is not None]
    if len(chosen) != 1:
        raise BadInput("--decision", "give one of --decision, --screening, --application")
    paths = export(open_store(database, user), out, decision, screening, application, pdf)
    shown = {k: str(v) for k, v in paths.items()}
    if json_out:
        emit_json(shown)
        return
    for kind, path in shown.items():
        render.say(f"{kind}: {path}")
