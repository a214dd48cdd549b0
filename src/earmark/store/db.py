"""Opening the store: which database, its engine, and bringing its schema up to date.

The URL comes from ``--database``, else ``EARMARK_DATABASE_URL``, else an SQLite file in the
user's data directory (``$EARMARK_DATA_DIR`` overrides the directory), created on first use.
``postgresql://`` URLs use psycopg 3. The schema is brought to the newest Alembic revision
when the store is opened, so a fresh file or database works at once.

Concurrency: SQLite runs in WAL mode, and every write transaction starts with ``BEGIN
IMMEDIATE`` so that two processes writing at once queue on the lock (with a 30 s busy timeout)
instead of failing half-way. On PostgreSQL the audit chain's head row is locked for update in
each write transaction, which orders the appends.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event
from sqlalchemy.engine import URL, Engine, make_url
from sqlalchemy.exc import ArgumentError, DatabaseError, OperationalError, ProgrammingError

from earmark.errors import BadInput, StoreError
from earmark.paths import data_dir

ENV_URL = "EARMARK_DATABASE_URL"
BUSY_TIMEOUT_S = 30
# The newest migration in store/migrations/versions (a test checks they agree): a store already
# at this revision opens without loading Alembic, which keeps every recording command quick.
SCHEMA_HEAD = "0002"
MIGRATION_LOCK = 0x6561726D61726B  # "earmark": the PostgreSQL advisory lock around migrations
READ_ONLY = {"earmark_read": True}  # execution option of Store.read connections


def default_sqlite_path() -> Path:
    return data_dir() / "earmark.db"


def resolve_url(database: str | None, field: str | None = None) -> URL:
    """The SQLAlchemy URL to use; BadInput naming ``field`` (else ``database``, or the
    variable when the URL came from it) when it is malformed."""
    text = database or os.environ.get(ENV_URL) or ""
    field = field or ("database" if database else ENV_URL)
    if not text.strip():
        path = default_sqlite_path()
        return make_url(f"sqlite:///{path}")
    try:
        url = make_url(text.strip())
    except ArgumentError:
        raise BadInput(field, f"not a database URL: {text[:80]!r}") from None
    backend = url.get_backend_name()
    if backend == "postgresql":
        if url.get_driver_name() in ("", "psycopg2", "psycopg"):
            url = url.set(drivername="postgresql+psycopg")
    elif backend != "sqlite":
        raise BadInput(field, f"unsupported database {backend!r}: use sqlite or postgresql")
    return url


def make_engine(url: URL) -> Engine:
    if url.get_backend_name() == "sqlite":
        return _sqlite_engine(url)
    try:
        engine = create_engine(url, pool_pre_ping=True, connect_args={"connect_timeout": 10})
        with engine.connect():
            pass
    except (OperationalError, ProgrammingError) as exc:
        raise StoreError(
            f"cannot connect to {url.render_as_string()}: {_first_line(exc)}"
        ) from None
    return engine


def _sqlite_engine(url: URL) -> Engine:
    if url.database and url.database != ":memory:":
        path = Path(url.database)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise BadInput("database", f"cannot create {path.parent}: {exc.strerror}") from None
    engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_S})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # Let SQLAlchemy, not pysqlite, say when transactions begin (so BEGIN IMMEDIATE works).
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=FULL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_S * 1000}")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        # Writers take the lock at once (they queue instead of failing half-way); readers
        # begin deferred and do not hold writers up.
        read = conn.get_execution_options().get("earmark_read")
        conn.exec_driver_sql("BEGIN" if read else "BEGIN IMMEDIATE")

    return engine


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to the newest migration (creates it on a fresh database); tests of a
    migration stop at an earlier ``revision``."""
    if _revision(engine) == (SCHEMA_HEAD if revision == "head" else revision):
        return
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(Path(__file__).resolve().parent / "migrations"))
    try:
        with engine.begin() as conn:
            if conn.dialect.name == "postgresql":
                # Two first uses at once: the second waits, then finds the schema made.
                conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK})")
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, revision)
    except DatabaseError as exc:  # not a database, locked past the timeout, no rights, ...
        raise StoreError(f"cannot prepare the store: {_first_line(exc)}") from None


def _revision(engine: Engine) -> str | None:
    """The store's Alembic revision, or None (a fresh or foreign database, or no access)."""
    try:
        with engine.connect().execution_options(**READ_ONLY) as conn:
            row = conn.exec_driver_sql("SELECT version_num FROM alembic_version").first()
    except DatabaseError:
        return None
    return str(row[0]) if row else None


def _first_line(exc: BaseException) -> str:
    text = str(getattr(exc, "orig", exc) or exc)
    return text.strip().splitlines()[0] if text.strip() else type(exc).__name__
