"""The review queue of screening hits: potential matches cleared or confirmed."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from earmark.cli import render
from earmark.cli.options import Database, JsonFlag, User, emit_json, open_store
from earmark.store import MAX_ID

group = typer.Typer(help="Review of screening hits: clear or confirm potential matches.")


def register(app: typer.Typer) -> None:
    app.add_typer(group, name="reviews")


@group.callback(invoke_without_command=True)
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
    if json_out:
        emit_json(rows)
        return
    render.table(
        f"{len(rows)} review(s) ({status})",
        ("id", "status", "score", "screened name", "list", "listed name", "raised", "decision"),
        (
            (
                r["id"],
                r["status"],
                f"{r['score']:.3f}",
                r["subject_name"] + (f" ({r['subject_country']})" if r["subject_country"] else ""),
                r["list"],
                r["entry_name"],
                r["raised_at"][:10],
                f"{r['reason_code']} by {r['reviewer']}" if r["reviewer"] else "",
            )
            for r in rows
        ),
    )


def _decide_cmd(status: str, doc: str) -> Any:
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
        # Printed after the commit.
        if json_out:
            emit_json(review)
            return
        render.say(
            f"review {review['id']} {review['status']} ({review['reason_code']}): "
            f"{review['subject_name']} is {'not ' if status == 'cleared' else ''}the listed "
            f"{review['entry_name']} ({review['list']})"
        )

    command.__doc__ = doc
    return command


group.command("clear")(
    _decide_cmd(
        "cleared", "Clear a potential match: not the listed party (kept until the entry changes)."
    )
)
group.command("confirm")(
    _decide_cmd("confirmed", "Confirm a potential match: the party is the listed one.")
)


@group.command("reasons")
def reviews_reasons(json_out: JsonFlag = False) -> None:
    """The reason codes for clearing and confirming."""
    from earmark.store.reviews import reason_codes

    codes = reason_codes()
    if json_out:
        emit_json(codes)
        return
    render.table(
        "reason codes",
        ("decision", "code", "meaning"),
        ((decision, code, text) for decision, rows in codes.items() for code, text in rows.items()),
    )
