"""The audit trail: append-only, hash-chained, and checked against the records it covers.

Every insert or change in the store writes one ``audit_log`` row in the same transaction:
who, when, what (action, table, row id), the row before and after, and the data version.
Each row's hash covers its content and the previous row's hash, so an edited row breaks the
chain at that row; a deleted row leaves a gap; a deleted tail shows against ``audit_head``,
which every append updates in the same transaction. ``verify`` also compares each record with
the newest audit row about it, so a record edited or deleted outside earmark is found too.

Large text columns (a screening result, a decision) enter the audit row as their SHA-256, so
the log stays small while still pinning the record's exact content.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import orjson
from sqlalchemy import Connection, bindparam, select, update

from earmark.store.schema import AUDITED, audit_head, audit_log

GENESIS = "0" * 64
INLINE_LIMIT = 2000  # longer text columns are pinned by their digest


def canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


_DOCUMENT = orjson.OPT_SORT_KEYS | orjson.OPT_NON_STR_KEYS


def document(value: Any) -> str:
    """A stored JSON document (a screening's result, a decision, their inputs): keys sorted,
    compact, UTF-8, the same text for the same value, written by orjson (several times
    faster than ``json``; its numbers are spelled differently, ``1e-05`` as ``0.00001``).
    Not the audit chain's form (``canonical``): the chain pins a document by its text (its
    digest in ``audit_view``), never by re-serialising it, so the two need not agree.
    Values orjson refuses (integers over 64 bits, lone surrogates) go through ``canonical``,
    and so does a NaN or an infinity, which orjson would write as null (``canonical`` writes
    them as ``json`` reads them back)."""
    try:
        text = orjson.dumps(value, option=_DOCUMENT).decode("utf-8")
    except (TypeError, orjson.JSONEncodeError):
        return canonical(value)
    if "null" in text and _has_non_finite(value):
        return canonical(value)
    return text


def _has_non_finite(value: Any) -> bool:
    """Whether a float that JSON has no number for (NaN, an infinity) is anywhere in it. A
    loop over a stack, not recursion: it runs on every recorded document that holds a null
    (most do), and a screening with hits holds hundreds of values."""
    stack = [value]
    while stack:
        item = stack.pop()
        kind = type(item)
        if kind in _SCALARS:  # the usual values first, by their exact type (the fast test)
            continue
        if isinstance(item, float):
            if not math.isfinite(item):
                return True
        elif isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list | tuple):
            stack.extend(item)
    return False


_SCALARS = frozenset({str, int, bool, type(None)})


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def audit_view(row: Mapping[str, Any]) -> dict[str, Any]:
    """The row as the audit log records it (long text replaced by its digest)."""
    out: dict[str, Any] = {}
    for key, value in row.items():
        if isinstance(value, str) and len(value) > INLINE_LIMIT:
            out[key] = "sha256:" + sha256(value)
        else:
            out[key] = value
    return out


def record_hash(prev_hash: str, record: Mapping[str, Any]) -> str:
    fields = {k: record[k] for k in _HASHED}
    return sha256(prev_hash + "\n" + canonical(fields))


_HASHED = ("seq", "at", "actor", "action", "entity", "entity_id", "before", "after", "data_version")


class Chain:
    """The audit chain as one write transaction extends it.

    The head row is read once, FOR UPDATE (so concurrent writers on PostgreSQL append one at
    a time; on SQLite the write transaction, BEGIN IMMEDIATE, already holds the lock), kept
    in memory while the transaction appends, and written back by ``close`` before commit.
    The statements are built once and given their values as parameters, so that the
    compiled statement is reused: a chunk of a batch run appends thousands of records.
    """

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self._head: tuple[int, str] | None = None
        self._moved = False

    def lock(self) -> None:
        """Take the head (FOR UPDATE) now. Every write transaction appends to the chain, so
        every one needs this lock; taking it first, before any row lock, means no two
        writers can each hold a lock the other waits for (on PostgreSQL a revocation event
        and a shipment on the same license deadlocked when they took them in turns)."""
        if self._head is None:
            row = self.conn.execute(_READ_HEAD).one()
            self._head = (int(row.seq), str(row.hash))

    def append(
        self,
        actor: str,
        action: str,
        entity: str,
        entity_id: Any,
        before: Mapping[str, Any] | None,
        after: Mapping[str, Any] | None,
        data_version: str | None = None,
    ) -> int:
        """Append one audit record in the transaction; returns its sequence number."""
        return self.extend(actor, action, entity, [(entity_id, before, after)], data_version)[0]

    def extend(
        self,
        actor: str,
        action: str,
        entity: str,
        changes: list[tuple[Any, Mapping[str, Any] | None, Mapping[str, Any] | None]],
        data_version: str | None = None,
    ) -> list[int]:
        """Append one audit record per (entity id, before, after), in order, with one
        statement; returns their sequence numbers."""
        self.lock()
        assert self._head is not None
        seq, prev = self._head
        records: list[dict[str, Any]] = []
        seqs: list[int] = []
        for entity_id, before, after in changes:
            seq += 1
            record = {
                "seq": seq,
                "at": now(),
                "actor": actor,
                "action": action,
                "entity": entity,
                "entity_id": str(entity_id),
                "before": canonical(audit_view(before)) if before is not None else None,
                "after": canonical(audit_view(after)) if after is not None else None,
                "data_version": data_version,
            }
            digest = record_hash(prev, record)
            records.append({**record, "prev_hash": prev, "hash": digest})
            seqs.append(seq)
            prev = digest
        if records:
            self.conn.execute(_INSERT, records)
            self._head, self._moved = (seq, prev), True
        return seqs

    def close(self) -> None:
        """Write the head back (once per transaction)."""
        if self._moved and self._head is not None:
            self.conn.execute(_WRITE_HEAD, {"s": self._head[0], "h": self._head[1]})
            self._moved = False


_READ_HEAD = select(audit_head).where(audit_head.c.id == 1).with_for_update()
_INSERT = audit_log.insert()
_WRITE_HEAD = (
    update(audit_head).where(audit_head.c.id == 1).values(seq=bindparam("s"), hash=bindparam("h"))
)


def append(
    conn: Connection,
    actor: str,
    action: str,
    entity: str,
    entity_id: Any,
    before: Mapping[str, Any] | None,
    after: Mapping[str, Any] | None,
    data_version: str | None = None,
) -> int:
    """Append one audit record in the caller's transaction (a chain of one)."""
    chain = Chain(conn)
    seq = chain.append(actor, action, entity, entity_id, before, after, data_version)
    chain.close()
    return seq


# -- verify ------------------------------------------------------------------------------------


@dataclass
class Verification:
    records: int = 0
    problems: list[dict[str, Any]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def to_dict(self) -> dict[str, Any]:
        return {"ok": self.ok, "records": self.records, "problems": self.problems}


# The triggers that make audit_log append-only (migration 0001), by backend.
APPEND_ONLY_TRIGGERS = {
    "sqlite": ("audit_log_no_update", "audit_log_no_delete"),
    "postgresql": ("audit_log_append_only",),
}


def head(conn: Connection) -> dict[str, Any]:
    """The chain's newest record: an anchor to keep outside the database (a ticket, a signed
    mail, a second system), against which ``verify`` can later check the chain."""
    row = conn.execute(select(audit_log).order_by(audit_log.c.seq.desc()).limit(1)).mappings()
    last = row.first()
    if last is None:
        return {"seq": 0, "hash": GENESIS, "at": None, "anchor": f"0:{GENESIS}"}
    return {
        "seq": last["seq"],
        "hash": last["hash"],
        "at": last["at"],
        "anchor": f"{last['seq']}:{last['hash']}",
    }


def verify(
    conn: Connection, limit: int = 50, anchors: tuple[tuple[int, str], ...] = ()
) -> Verification:
    """Check the chain, its head, every audited record against the newest audit row, that
    the append-only triggers are in place, and that the chain still holds each anchor taken
    earlier (``head``): the one check that a rewrite of the whole chain cannot pass."""
    result = Verification()
    latest: dict[tuple[str, str], tuple[int, str | None]] = {}
    hashes: dict[int, str] = {}
    wanted = {seq for seq, _ in anchors}
    prev, expected_seq = GENESIS, 1
    for row in conn.execute(select(audit_log).order_by(audit_log.c.seq)).mappings():
        result.records += 1
        seq = row["seq"]
        if seq in wanted:
            hashes[seq] = row["hash"]
        if seq != expected_seq:
            result.problems.append(
                {"seq": expected_seq, "problem": f"records {expected_seq}..{seq - 1} are missing"}
            )
        if row["prev_hash"] != prev:
            result.problems.append(
                {"seq": seq, "problem": "prev_hash does not match the record before it"}
            )
        if record_hash(row["prev_hash"], dict(row)) != row["hash"]:
            result.problems.append({"seq": seq, "problem": "content does not match its hash"})
        prev, expected_seq = row["hash"], seq + 1
        latest[(row["entity"], row["entity_id"])] = (seq, row["after"])
    head = conn.execute(select(audit_head).where(audit_head.c.id == 1)).one_or_none()
    if head is None or head.seq != expected_seq - 1 or head.hash != prev:
        result.problems.append(
            {
                "seq": expected_seq - 1,
                "problem": f"the log ends at {expected_seq - 1} but its head says "
                f"{head.seq if head else 'nothing'}: records removed from the end",
            }
        )
    _check_records(conn, latest, result)
    _check_triggers(conn, result)
    for seq, digest in anchors:
        if seq == 0 and digest == GENESIS:
            continue
        if hashes.get(seq) != digest:
            result.problems.append(
                {
                    "seq": seq,
                    "problem": "the anchor taken at this record does not match: the trail was "
                    + ("cut before it" if seq not in hashes else "rewritten up to it"),
                }
            )
    result.problems = result.problems[:limit]
    return result


def _check_triggers(conn: Connection, out: Verification) -> None:
    dialect = conn.dialect.name
    if dialect == "sqlite":
        query = "SELECT name FROM sqlite_master WHERE type = 'trigger'"
    elif dialect == "postgresql":
        query = "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal AND tgenabled <> 'D'"
    else:
        return
    present = {r[0] for r in conn.exec_driver_sql(query)}
    for name in APPEND_ONLY_TRIGGERS[dialect]:
        if name not in present:
            out.problems.append(
                {"trigger": name, "problem": "the append-only trigger on audit_log was dropped"}
            )


def _check_records(
    conn: Connection, latest: dict[tuple[str, str], tuple[int, str | None]], out: Verification
) -> None:
    seen: set[tuple[str, str]] = set()
    for table in AUDITED:
        for row in conn.execute(select(table)).mappings():
            key = (table.name, str(row["id"]))
            seen.add(key)
            audited = latest.get(key)
            if audited is None:
                out.problems.append(
                    {"entity": table.name, "id": row["id"], "problem": "record has no audit entry"}
                )
            elif audited[1] != canonical(audit_view(dict(row))):
                out.problems.append(
                    {
                        "entity": table.name,
                        "id": row["id"],
                        "seq": audited[0],
                        "problem": "record differs from its newest audit entry (edited)",
                    }
                )
    names = {t.name for t in AUDITED}
    for (entity, entity_id), (seq, after) in latest.items():
        if entity in names and after is not None and (entity, entity_id) not in seen:
            out.problems.append(
                {"entity": entity, "id": entity_id, "seq": seq, "problem": "record deleted"}
            )


def history(conn: Connection, entity: str, ids: Iterable[Any]) -> list[dict[str, Any]]:
    """The audit rows about some records, in order (for evidence packs)."""
    wanted = [str(i) for i in ids]
    if not wanted:
        return []
    rows = conn.execute(
        select(audit_log)
        .where(audit_log.c.entity == entity, audit_log.c.entity_id.in_(wanted))
        .order_by(audit_log.c.seq)
    ).mappings()
    return [dict(r) for r in rows]


def page(conn: Connection, after: int = 0, limit: int = 50) -> dict[str, Any]:
    """Audit rows after the sequence number ``after``, oldest first, at most ``limit``, with
    the cursor of the next page (None at the end). Rows are read, never changed."""
    rows = [
        dict(r)
        for r in conn.execute(
            select(audit_log)
            .where(audit_log.c.seq > after)
            .order_by(audit_log.c.seq)
            .limit(limit + 1)
        ).mappings()
    ]
    more = len(rows) > limit
    rows = rows[:limit]
    for r in rows:
        for key in ("before", "after"):
            if isinstance(r.get(key), str):
                with contextlib.suppress(ValueError):
                    r[key] = json.loads(r[key])
    return {"items": rows, "next": rows[-1]["seq"] if more and rows else None}
