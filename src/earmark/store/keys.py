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
        raise BadInput("role", f"one of {', '.join(ROLES)} (got {role!r})")
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


def identify(conn: Connection, key: str) -> dict[str, Any] | None:
    """The key's id, role, prefix and owner, if it exists and is not revoked. The owner is
    the user who created it (``earmark keys create --user NAME``): the audit trail of every
    request made with the key names that user."""
    from earmark.store.schema import audit_log

    row = (
        conn.execute(
            select(api_keys.c.id, api_keys.c.role, api_keys.c.prefix, api_keys.c.revoked_at).where(
                api_keys.c.key_hash == audit.sha256(key)
            )
        )
        .mappings()
        .one_or_none()
    )
    if row is None or row["revoked_at"] is not None:
        return None
    owner = conn.execute(
        select(audit_log.c.actor)
        .where(audit_log.c.entity == "api_keys", audit_log.c.entity_id == str(row["id"]))
        .order_by(audit_log.c.seq)
        .limit(1)
    ).scalar_one_or_none()
    return {
        "id": int(row["id"]),
        "role": str(row["role"]),
        "prefix": str(row["prefix"]),
        "owner": str(owner or f"key {row['id']}"),
    }


def list_keys(conn: Connection) -> list[dict[str, Any]]:
    """Every key without its secret: id, prefix, role, created, revoked."""
    rows = conn.execute(
        select(
            api_keys.c.id,
            api_keys.c.prefix,
            api_keys.c.role,
            api_keys.c.created_at,
            api_keys.c.revoked_at,
        ).order_by(api_keys.c.id)
    ).mappings()
    return [dict(r) for r in rows]


def revoke_key(store: Store, key_id: int) -> dict[str, Any]:
    """Revoke a key: it stops working (within the service's key cache period, 5 s)."""
    from earmark.errors import NotFound, Refused

    with store.write() as tx:
        row = tx.conn.execute(
            select(api_keys.c.id, api_keys.c.revoked_at).where(api_keys.c.id == key_id)
        ).one_or_none()
        if row is None:
            raise NotFound("key", f"no key {key_id}")
        if row.revoked_at is not None:
            raise Refused("key", f"key {key_id} is revoked already ({row.revoked_at})")
        out = tx.change(api_keys, key_id, {"revoked_at": audit.now()}, "key.revoke")
    return {k: out[k] for k in ("id", "prefix", "role", "created_at", "revoked_at")}
