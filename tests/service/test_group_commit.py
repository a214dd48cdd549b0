"""The group-commit writer: many records in one transaction, each with its own actor; a bad
one fails alone; the audit chain stays whole."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from earmark.errors import BadInput
from earmark.store.audit import page, verify
from earmark.store.core import Store, Tx
from earmark.store.group import GroupWriter
from earmark.store.records import record_decision_in


def _decision(i: int) -> dict[str, Any]:
    return {"id": f"c{i}", "date": "2026-01-01", "license_required": i % 2 == 0,
            "data_version": "test"}  # fmt: skip


def test_many_writers_one_chain(tmp_path: Path) -> None:
    database = f"sqlite:///{tmp_path / 'g.db'}"
    Store(database, "setup")
    writer = GroupWriter(database)

    def one(i: int) -> Any:
        decision = _decision(i)
        return writer.submit(
            f"user{i % 3}", "test", lambda tx: record_decision_in(tx, {"n": i}, decision)
        ).result(30)

    with ThreadPoolExecutor(16) as pool:
        out = list(pool.map(one, range(200)))
    writer.close()
    ids = [o["record"]["decision_id"] for o in out]
    assert len(set(ids)) == 200
    assert writer.records == 200 and writer.groups < 200  # some were grouped
    store = Store(database, "check")
    with store.read() as conn:
        assert verify(conn).ok
        actors = {r["actor"] for r in page(conn, 0, 200)["items"]}
    assert actors == {"user0", "user1", "user2"}


def test_a_failing_record_fails_alone(tmp_path: Path) -> None:
    database = f"sqlite:///{tmp_path / 'g.db'}"
    Store(database, "setup")
    writer = GroupWriter(database)

    def bad(tx: Tx) -> Any:
        raise BadInput("case", "refused")

    futures = [
        writer.submit("a", "test", lambda tx: record_decision_in(tx, {}, _decision(1))),
        writer.submit("b", "test", bad),
        writer.submit("c", "test", lambda tx: record_decision_in(tx, {}, _decision(2))),
    ]
    assert futures[0].result(30)["record"]["decision_id"]
    with pytest.raises(BadInput):
        futures[1].result(30)
    assert futures[2].result(30)["record"]["decision_id"]
    writer.close()
    with Store(database, "check").read() as conn:
        assert verify(conn).ok
