"""API keys for the service (shown once, stored as a hash)."""

from __future__ import annotations

from typing import Annotated

import typer

from earmark.cli import render
from earmark.cli.options import Database, JsonFlag, User, emit_json, open_store

group = typer.Typer(help="API keys for the service.")


def register(app: typer.Typer) -> None:
    app.add_typer(group, name="keys")


@group.command("create")
def keys_create(
    role: Annotated[
        str, typer.Option("--role", help="screener, reviewer, licensing_officer, auditor, admin")
    ],
    database: Database = None,
    user: User = None,
    json_out: JsonFlag = False,
) -> None:
    """Create an API key for the service (shown once; only its hash is stored).

    The key belongs to the user who creates it (--user, else EARMARK_USER or the login): the
    audit trail names that user for everything done with the key."""
    from earmark.store.keys import create_key

    out = create_key(open_store(database, user), role)
    if json_out:
        emit_json(out)
        return
    render.say(f"API key {out['id']} for the role {out['role']} (shown once, keep it safe):")
    render.say(out["key"])


@group.command("revoke")
def keys_revoke(
    key_id: Annotated[int, typer.Argument(help="The key's id (from keys create).", min=1)],
    database: Database = None,
    user: User = None,
    json_out: JsonFlag = False,
) -> None:
    """Revoke an API key; the service refuses it from then on (within 5 seconds)."""
    from earmark.store.keys import revoke_key

    out = revoke_key(open_store(database, user), key_id)
    if json_out:
        emit_json(out)
        return
    render.say(f"API key {out['id']} ({out['role']}) revoked at {out['revoked_at']}")
