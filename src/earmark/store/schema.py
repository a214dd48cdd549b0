"""The tables of the store (SQLAlchemy Core), the same on SQLite and PostgreSQL.

Alembic migrations (``store/migrations``) create and change them; this module is what the
code reads and writes. JSON documents are stored as canonical JSON text (sorted keys, no
spaces) so that their digests are the same on every database.

Records are kept as a compliance team keeps them (15 CFR Part 762: five years): nothing is
deleted by the code, and every insert or change writes a row to ``audit_log`` in the same
transaction.
"""

from __future__ import annotations

from sqlalchemy import (
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()

# Append-only and hash-chained: see earmark.store.audit.
audit_log = Table(
    "audit_log",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=False),
    Column("at", String(32), nullable=False),  # UTC, ISO 8601, microseconds
    Column("actor", String(200), nullable=False),
    Column("action", String(64), nullable=False),  # e.g. "decision.record", "license.revoke"
    Column("entity", String(32), nullable=False),  # table name
    Column("entity_id", String(64), nullable=False),
    Column("before", Text, nullable=True),  # canonical JSON of the row before, or null
    Column("after", Text, nullable=True),  # canonical JSON of the row after, or null
    Column("data_version", String(64), nullable=True),
    Column("prev_hash", String(64), nullable=False),
    Column("hash", String(64), nullable=False, unique=True),
)
Index("ix_audit_entity", audit_log.c.entity, audit_log.c.entity_id)

# The head of the chain (one row): a deleted tail of the log shows against it.
audit_head = Table(
    "audit_head",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("seq", Integer, nullable=False),
    Column("hash", String(64), nullable=False),
)

parties = Table(
    "parties",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(1000), nullable=False),
    Column("subject_key", String(1200), nullable=False),  # as hit_reviews.subject_key
    Column("country", String(2), nullable=True),
    Column("address", String(1000), nullable=True),
    Column("kind", String(32), nullable=False),  # customer, supplier, consignee, end_user, ...
    Column("type", String(16), nullable=True),  # entity, individual, vessel, aircraft
    Column("status", String(16), nullable=False),  # clear, potential_match, confirmed_match
    Column("last_screening_id", Integer, nullable=True),
    Column("created_at", String(32), nullable=False),
    Column("updated_at", String(32), nullable=False),
)
Index("ix_parties_subject", parties.c.subject_key)

products = Table(
    "products",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("sku", String(200), nullable=False, unique=True),
    Column("description", String(1000), nullable=False),
    Column("eccn", String(32), nullable=False),  # an ECCN or EAR99
    Column("rationale", Text, nullable=False),  # why it is classified so
    Column("created_at", String(32), nullable=False),
    Column("updated_at", String(32), nullable=False),
)

screenings = Table(
    "screenings",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("at", String(32), nullable=False),
    Column("actor", String(200), nullable=False),
    Column("name", String(1000), nullable=False),
    Column("query", Text, nullable=False),  # canonical JSON
    Column("result", Text, nullable=False),  # canonical JSON, as the contract shapes it
    Column("matches", Integer, nullable=False),
    Column("data_version", String(64), nullable=False),
    Column("as_of", String(10), nullable=True),
    Column("party_id", Integer, ForeignKey("parties.id"), nullable=True),
)

decisions = Table(
    "decisions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("at", String(32), nullable=False),
    Column("actor", String(200), nullable=False),
    Column("case_id", String(200), nullable=True),
    Column("date", String(10), nullable=False),  # the regulations date of the case
    Column("case", Text, nullable=False),
    Column("decision", Text, nullable=False),
    Column("license_required", String(8), nullable=False),  # true, false, null
    Column("data_version", String(64), nullable=False),
)
Index("ix_decisions_case", decisions.c.case_id)

# One row per (screened name, listed entry): the review of a potential match.
hit_reviews = Table(
    "hit_reviews",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("subject_key", String(1200), nullable=False),  # normalised name | country
    Column("subject_name", String(1000), nullable=False),
    Column("subject_country", String(2), nullable=True),
    Column("entry_id", String(64), nullable=False),
    Column("list", String(8), nullable=False),
    Column("entry_name", String(1000), nullable=False),
    Column("entry_fingerprint", String(64), nullable=False),
    Column("score", Float, nullable=False),
    Column("status", String(16), nullable=False),  # potential, cleared, confirmed
    Column("reason_code", String(64), nullable=True),
    Column("note", Text, nullable=True),
    Column("reviewer", String(200), nullable=True),
    Column("decided_at", String(32), nullable=True),
    Column("raised_at", String(32), nullable=False),
    Column("screening_id", Integer, ForeignKey("screenings.id"), nullable=True),
    UniqueConstraint("subject_key", "entry_id", name="uq_review_pair"),
)
Index("ix_reviews_status", hit_reviews.c.status)

policy_events = Table(
    "policy_events",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(300), nullable=False),
    Column("kind", String(32), nullable=False),  # no_new_licenses, revoke_licenses, ...
    Column("effective", String(10), nullable=False),
    Column("selector", Text, nullable=False),  # canonical JSON: which parties it reaches
    Column("source", Text, nullable=True),
    Column("created_at", String(32), nullable=False),
)

applications = Table(
    "applications",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("number", String(32), nullable=False, unique=True),
    Column("applicant", String(1000), nullable=False),
    Column("parties", Text, nullable=False),  # canonical JSON list of {role, name, country}
    Column("items", Text, nullable=False),  # canonical JSON list of {eccn, quantity, value}
    Column("destination", String(2), nullable=False),
    Column("end_use", Text, nullable=True),
    Column("status", String(32), nullable=False),
    Column("submitted_on", String(10), nullable=False),
    Column("referred_on", String(10), nullable=True),
    Column("agencies", Text, nullable=True),  # canonical JSON list of referred agencies
    Column("escalation", String(32), nullable=True),  # operating_committee, acep, earb, ...
    Column("escalated_on", String(10), nullable=True),
    Column("decided_on", String(10), nullable=True),
    Column("decision_note", Text, nullable=True),
    Column("conditions", Text, nullable=True),
    Column("review_policy", Text, nullable=True),  # canonical JSON, as of the decision date
)

recommendations = Table(
    "recommendations",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("application_id", Integer, ForeignKey("applications.id"), nullable=False),
    Column("agency", String(16), nullable=False),
    Column("recommendation", String(32), nullable=False),
    Column("conditions", Text, nullable=True),
    Column("on", String(10), nullable=False),
    UniqueConstraint("application_id", "agency", name="uq_recommendation"),
)

# Periods an application's processing time does not count (15 CFR 750.4(b); migration 0002).
application_holds = Table(
    "application_holds",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("application_id", Integer, ForeignKey("applications.id"), nullable=False),
    Column("reason", String(32), nullable=False),  # a key of procedure.toml [holds]
    Column("note", Text, nullable=True),
    Column("started_on", String(10), nullable=False),
    Column("ended_on", String(10), nullable=True),
)
Index("ix_application_holds_app", application_holds.c.application_id)

licenses = Table(
    "licenses",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("number", String(32), nullable=False, unique=True),
    Column("application_id", Integer, ForeignKey("applications.id"), nullable=True),
    Column("holder", String(1000), nullable=False),
    Column("parties", Text, nullable=False),
    Column("items", Text, nullable=False),  # {eccn, quantity, value} limits
    Column("destination", String(2), nullable=False),
    Column("issued_on", String(10), nullable=False),
    Column("expires_on", String(10), nullable=False),
    Column("conditions", Text, nullable=True),
    Column("status", String(16), nullable=False),  # active, suspended, revoked
    Column("status_on", String(10), nullable=True),  # when suspended or revoked
    Column("status_reason", Text, nullable=True),
    Column("event_id", Integer, ForeignKey("policy_events.id"), nullable=True),
)

shipments = Table(
    "shipments",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("license_id", Integer, ForeignKey("licenses.id"), nullable=False),
    Column("ship_on", String(10), nullable=False),
    Column("eccn", String(32), nullable=False),
    Column("quantity", Float, nullable=False),
    Column("value", Float, nullable=False),
    Column("status", String(16), nullable=False),  # shipped, planned, cancelled
    Column("created_at", String(32), nullable=False),
)

# Every status a license has had, each from its date (migration 0002): a shipment is checked
# against the status in force on its own date, so one dated inside a suspension stays refused
# after the suspension is lifted.
license_status = Table(
    "license_status",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("license_id", Integer, ForeignKey("licenses.id"), nullable=False),
    Column("status", String(16), nullable=False),  # active, suspended, revoked
    Column("effective", String(10), nullable=False),
    Column("reason", Text, nullable=True),
    Column("event_id", Integer, ForeignKey("policy_events.id"), nullable=True),
    Column("recorded_at", String(32), nullable=False),
)
Index("ix_license_status_license", license_status.c.license_id)

# The chunks of a batch run already recorded (migration 0002): a resumed run records each
# chunk once. ``run_id`` is made when the run starts and kept with its resume state.
batch_chunks = Table(
    "batch_chunks",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("run_id", String(64), nullable=False),
    Column("chunk", Integer, nullable=False),
    Column("task", String(16), nullable=False),  # screen, check
    Column("rows", Integer, nullable=False),
    Column("record_ids", Text, nullable=False),  # canonical JSON: one id (or null) per row
    Column("recorded_at", String(32), nullable=False),
    UniqueConstraint("run_id", "chunk", name="uq_batch_chunk"),
)

api_keys = Table(
    "api_keys",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("key_hash", String(64), nullable=False, unique=True),  # sha256 of the key
    Column("prefix", String(12), nullable=False),  # shown in listings, not secret
    Column("role", String(32), nullable=False),
    Column("created_at", String(32), nullable=False),
    Column("revoked_at", String(32), nullable=True),
)

# Tables whose rows the audit trail covers, in the order verify reads them.
AUDITED = (
    parties,
    products,
    screenings,
    decisions,
    hit_reviews,
    policy_events,
    applications,
    recommendations,
    application_holds,
    licenses,
    license_status,
    shipments,
    batch_chunks,
    api_keys,
)
