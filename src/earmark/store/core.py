"""The store: one database, one actor, and transactions that write the audit trail."""

from __future__ import annotations

import getpass
import os
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from sqlalchemy import Connection, Float, Insert, Table, func, select, update
from sqlalchemy.engine import Engine

from earmark.errors import BadInput, StoreError
from earmark.store import audit
from earmark.store.db import READ_ONLY, make_engine, resolve_url, upgrade

_ENGINES: dict[str, Engine] = {}


def fits(text: str, limit: int, field: str) -> None:
    """Text longer than its column is bad input (exit 2), not a database error."""
    if len(text.strip()) > limit:
        raise BadInput(field, f"longer than {limit} characters")


def default_actor() -> str:
    try:
        return os.environ.get("EARMARK_USER") or getpass.getuser()
    except (KeyError, OSError):  # no user name in a bare container
        return "unknown"


@dataclass
class Tx:
    """A write transaction: every insert and change goes through here, with its audit row."""

    conn: Connection
    actor: str
    data_version: str | None = None
    chain: audit.Chain = field(init=False)

    def __post_init__(self) -> None:
        self.chain = audit.Chain(self.conn)

    def insert(self, table: Table, values: Mapping[str, Any], action: str) -> dict[str, Any]:
        # RETURNING gives the stored row (with its id and defaults) in the same round trip;
        # the statement is built once per table and the values passed as parameters.
        row = _typed(table, self.conn.execute(_insert(table), dict(values)).mappings().one())
        self.chain.append(self.actor, action, table.name, row["id"], None, row, self.data_version)
        return row

    def insert_many(
        self, table: Table, rows: list[dict[str, Any]], action: str
    ) -> list[dict[str, Any]]:
        """Insert rows with one statement (a chunk of a batch run), each with its audit row;
        returns the stored rows in the order given."""
        if len(rows) <= 1:  # one statement with RETURNING is the cheapest for one row
            return [self.insert(table, row, action) for row in rows]
        result: Sequence[Any]
        if self.conn.dialect.name == "sqlite":
            result = self._insert_many_sqlite(table, rows)
        else:
            result = self.conn.execute(_insert_many(table), rows).mappings().all()
        stored = [_typed(table, r) for r in result]
        self.chain.extend(
            self.actor, action, table.name, [(r["id"], None, r) for r in stored], self.data_version
        )
        return stored

    def _insert_many_sqlite(self, table: Table, rows: list[dict[str, Any]]) -> Sequence[Any]:
        """SQLite returns rows from a multi-row insert one statement a row; a plain
        executemany and one read of the new rows is several times faster. Safe because the
        write transaction holds the database's lock (BEGIN IMMEDIATE): the rows take the ids
        after the largest, in the order given, and nobody else inserts in between."""
        last = self.conn.execute(select(func.max(table.c.id))).scalar() or 0
        self.conn.execute(table.insert(), rows)
        found = (
            self.conn.execute(select(table).where(table.c.id > last).order_by(table.c.id))
            .mappings()
            .all()
        )
        if len(found) != len(rows):  # another writer: the lock did not hold as it must
            raise StoreError(f"{table.name}: {len(rows)} rows inserted, {len(found)} read back")
        return found

    def change(
        self, table: Table, row_id: Any, values: Mapping[str, Any], action: str
    ) -> dict[str, Any]:
        before = self.get(table, row_id)
        after = _typed(
            table,
            self.conn.execute(
                update(table).where(table.c.id == row_id).values(**values).returning(*table.c)
            )
            .mappings()
            .one(),
        )
        self.chain.append(self.actor, action, table.name, row_id, before, after, self.data_version)
        return after

    def note(self, action: str, subject: str, detail: Mapping[str, Any]) -> int:
        """An audit row that changes no record (a refused shipment, an evidence export)."""
        return self.chain.append(
            self.actor, action, "note", subject, None, detail, self.data_version
        )

    def get(self, table: Table, row_id: Any) -> dict[str, Any]:
        row = self.conn.execute(select(table).where(table.c.id == row_id)).mappings().one()
        return dict(row)


@cache
def _insert(table: Table) -> Insert:
    return table.insert().returning(*table.c)


@cache
def _insert_many(table: Table) -> Insert:
    return table.insert().returning(*table.c, sort_by_parameter_order=True)


def _typed(table: Table, row: Any) -> dict[str, Any]:
    """The row as a SELECT would read it: SQLite's RETURNING gives back the bound value (an
    int for a float column given 1), which would not match the stored REAL in the audit view."""
    out = dict(row)
    for name in _float_columns(table):
        if out.get(name) is not None:
            out[name] = float(out[name])
    return out


@cache
def _float_columns(table: Table) -> tuple[str, ...]:
    return tuple(col.name for col in table.columns if isinstance(col.type, Float))


class Store:
    """Opens (and migrates) the database named by ``--database``, the environment or the
    default SQLite file; ``actor`` is who the audit trail names; ``field`` is what an error
    about the URL names (where it came from)."""

    def __init__(
        self, database: str | None = None, actor: str | None = None, field: str | None = None
    ) -> None:
        self.url = resolve_url(database, field)
        key = self.url.render_as_string(hide_password=False)
        engine = _ENGINES.get(key)
        if engine is None:
            engine = make_engine(self.url)
            upgrade(engine)
            _ENGINES[key] = engine
        self.engine = engine
        self.actor = (actor or default_actor()).strip()
        if not self.actor or len(self.actor) > 200:
            raise BadInput("user", "a user name of 1 to 200 characters is needed")

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def write(self, data_version: str | None = None) -> Iterator[Tx]:
        """One transaction: all of its records and audit rows are kept, or none."""
        with self.engine.begin() as conn:
            tx = Tx(conn, self.actor, data_version)
            tx.chain.lock()  # first, before any row lock (see Chain.lock)
            yield tx
            tx.chain.close()

    @contextmanager
    def read(self) -> Iterator[Connection]:
        with self.engine.connect().execution_options(**READ_ONLY) as conn:
            yield conn

    def describe(self) -> str:
        return self.url.render_as_string(hide_password=True)


def forget(database: str) -> None:
    """Close this process's engine for a store (before its file is removed and made anew)."""
    key = resolve_url(database).render_as_string(hide_password=False)
    engine = _ENGINES.pop(key, None)
    if engine is not None:
        engine.dispose()


def _forget_in_child() -> None:
    # A forked process (a local Dask worker) must not use its parent's connections; it
    # opens its own if it ever needs the store (SQLAlchemy's advice for fork).
    for engine in _ENGINES.values():
        engine.dispose(close=False)


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forget_in_child)


def dispose_all() -> None:
    for engine in _ENGINES.values():
        engine.dispose()
    _ENGINES.clear()
