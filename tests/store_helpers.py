"""Databases for the store tests: a fresh SQLite file, or a fresh PostgreSQL schema.

PostgreSQL comes from ``EARMARK_TEST_PG`` (default: the local server, trust auth). The store
tests run against both; without a reachable server they fail, unless ``EARMARK_TEST_NO_PG=1``
says to skip the PostgreSQL half on purpose (a laptop without a server).
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

PG_URL = os.environ.get("EARMARK_TEST_PG", "postgresql://postgres@127.0.0.1:5432/postgres")
BACKENDS = ["sqlite", "postgresql"]


def _pg_admin() -> object:
    import psycopg

    return psycopg.connect(PG_URL.replace("postgresql://", "postgresql://", 1), autocommit=True)


def fresh_url(backend: str, tmp_path: Path) -> Iterator[str]:
    if backend == "sqlite":
        yield f"sqlite:///{tmp_path / 'store.db'}"
        return
    if os.environ.get("EARMARK_TEST_NO_PG") == "1":
        pytest.skip("EARMARK_TEST_NO_PG=1: the PostgreSQL half is skipped on purpose")
    import psycopg

    schema = "t_" + uuid.uuid4().hex[:12]
    try:
        admin = psycopg.connect(PG_URL, autocommit=True, connect_timeout=5)
    except psycopg.OperationalError as exc:
        pytest.fail(f"PostgreSQL at {PG_URL} is not reachable ({exc}); set EARMARK_TEST_PG")
    with admin:
        admin.execute(f"CREATE SCHEMA {schema}")
    sep = "&" if "?" in PG_URL else "?"
    yield f"{PG_URL}{sep}options=-csearch_path%3D{schema}"
    from earmark.store.core import dispose_all

    dispose_all()
    with psycopg.connect(PG_URL, autocommit=True) as admin:
        admin.execute(f"DROP SCHEMA {schema} CASCADE")
