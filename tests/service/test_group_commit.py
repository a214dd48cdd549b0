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


def test_screenings_of_a_group_are_written_by_one_bulk_call_each_as_alone(tmp_path: Path) -> None:
    """submit_bulk: concurrent screenings are written together, each answer is the payload
    the single path gives (its record and, on a hit, its review), and the chain holds."""
    from earmark.screening import Screener
    from earmark.store.records import record_screening_in, record_screenings_in

    database = f"sqlite:///{tmp_path / 'g.db'}"
    Store(database, "setup")
    screener = Screener()
    names = ["Huawei Technologies Co., Ltd.", "Acme Widgets Ltd", "华为技术有限公司", "Qzx Vrank"]
    results = [screener.screen(names[i % len(names)]) for i in range(40)]
    writer = GroupWriter(database)
    calls: list[int] = []

    def counted(tx: Tx, args: list[Any]) -> list[Any]:
        calls.append(len(args))
        return record_screenings_in(tx, args)

    def one(i: int) -> Any:
        return writer.submit_bulk(f"user{i % 2}", results[i].data_version, counted, results[i])

    with ThreadPoolExecutor(16) as pool:
        out = [f.result(30) for f in list(pool.map(one, range(40)))]
    writer.close()
    assert sum(calls) == 40 and len(calls) < 40  # some calls wrote several screenings
    assert len({o["record"]["screening_id"] for o in out}) == 40
    single_db = f"sqlite:///{tmp_path / 's.db'}"
    with Store(single_db, "user0").write(results[0].data_version) as tx:
        alone = record_screening_in(tx, results[0])
    assert {k: v for k, v in out[0].items() if k != "record"} == {
        k: v for k, v in alone.items() if k != "record"
    }
    hit = out[0]["matches"][0]
    assert hit["review"]["status"] == "potential"
    # The same pair raised by many screenings is one review.
    assert len({o["matches"][0]["review"]["id"] for o in out[0::4]}) == 1
    with Store(database, "check").read() as conn:
        assert verify(conn).ok
