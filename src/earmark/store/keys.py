"""API keys for the service: created with a role, shown once, stored as a SHA-256 hash."""

from __future__ import annotations

import secrets
from typing import Any

from sqlalchemy import Connection, select

from earmark.errors import BadInput
from earmark.store import audit
from earmark.store.core import Store
from earmark.store.schema import api_keys

ROLES = ("screener", "reviewer", "licensing_officer", "auditor", "admin")


def create_key(store: Store, role: str) -> dict[str, Any]:
    if role not in ROLES:
        raise BadInput("--role", f"one of {', '.join(ROLES)} (got {role!r})")
    key = "em_" + secrets.token_urlsafe(32)
    with store.write() as tx:
        row = tx.insert(
            api_keys,
            {
                "key_hash": audit.sha256(key),
                "prefix": key[:10],
                "role": role,
                "created_at": audit.now(),
            },
            "key.create",
        )
    return {"key": key, "role": role, "id": row["id"], "prefix": row["prefix"]}


def role_of(conn: Connection, key: str) -> str | None:
    """The role of a key that exists and is not revoked (None otherwise)."""
    row = conn.execute(
        select(api_keys.c.role, api_keys.c.revoked_at).where(
            api_keys.c.key_hash == audit.sha256(key)
        )
    ).one_or_none()
    if row is None or row.revoked_at is not None:
        return None
    return str(row.role)
