"""License status history, application holds (750.4(b)) and recorded batch chunks.

Revision ID: 0002
Revises: 0001

``license_status``: every status a license has had, from its date. Filled for the licenses
already stored from their audit trail (each status change there is one row here), and each
filled row gets its own audit record, so that ``audit verify`` holds after the upgrade.

``application_holds``: the periods 15 CFR 750.4(b) does not count toward processing times.

``batch_chunks``: which chunks of a batch run are recorded, so that a resumed run records each
chunk once.
"""

from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa
from alembic import op

from earmark.store import audit

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

ACTOR = "migration 0002"


def upgrade() -> None:
    history = op.create_table(
        "license_status",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("license_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("effective", sa.String(length=10), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("event_id", sa.Integer(), nullable=True),
        sa.Column("recorded_at", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(["license_id"], ["licenses.id"]),
        sa.ForeignKeyConstraint(["event_id"], ["policy_events.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_license_status_license", "license_status", ["license_id"])
    op.create_table(
        "application_holds",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("application_id", sa.Integer(), nullable=False),
        sa.Column("reason", sa.String(length=32), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("started_on", sa.String(length=10), nullable=False),
        sa.Column("ended_on", sa.String(length=10), nullable=True),
        sa.ForeignKeyConstraint(["application_id"], ["applications.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_application_holds_app", "application_holds", ["application_id"])
    op.create_table(
        "batch_chunks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("run_id", sa.String(length=64), nullable=False),
        sa.Column("chunk", sa.Integer(), nullable=False),
        sa.Column("task", sa.String(length=16), nullable=False),
        sa.Column("rows", sa.Integer(), nullable=False),
        sa.Column("record_ids", sa.Text(), nullable=False),
        sa.Column("recorded_at", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("run_id", "chunk", name="uq_batch_chunk"),
    )
    assert history is not None
    _fill_history(history)


def _fill_history(history: sa.Table) -> None:
    """One row per status a stored license has had, read from its audit records in order."""
    conn = op.get_bind()
    log = sa.table(
        "audit_log",
        sa.column("seq", sa.Integer),
        sa.column("entity", sa.String),
        sa.column("entity_id", sa.String),
        sa.column("after", sa.Text),
    )
    rows = conn.execute(
        sa.select(log.c.entity_id, log.c.after)
        .where(log.c.entity == "licenses", log.c.after.is_not(None))
        .order_by(log.c.seq)
    )
    seen: dict[int, tuple[Any, ...]] = {}
    for entity_id, after in rows:
        lic = json.loads(after)
        state = (lic["status"], lic.get("status_on") or lic["issued_on"])
        license_id = int(entity_id)
        if seen.get(license_id) == state:
            continue  # a change of something else (the number, say)
        seen[license_id] = state
        values = {
            "license_id": license_id,
            "status": lic["status"],
            "effective": state[1],
            "reason": lic.get("status_reason"),
            "event_id": lic.get("event_id"),
            "recorded_at": audit.now(),
        }
        row = conn.execute(history.insert().values(**values).returning(*history.c)).mappings()
        stored = dict(row.one())
        audit.append(
            conn, ACTOR, "license.status_history", "license_status", stored["id"], None, stored
        )


def downgrade() -> None:
    op.drop_table("batch_chunks")
    op.drop_index("ix_application_holds_app", table_name="application_holds")
    op.drop_table("application_holds")
    op.drop_index("ix_license_status_license", table_name="license_status")
    op.drop_table("license_status")
