"""A batch on a local Dask cluster of two (forked) workers writes the same rows as one
process, in input order, and records each row once."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from earmark.batch import screen_batch
from earmark.batch.screen_batch import BatchOptions, run_batch
from earmark.store.core import Store

NAMES = [
    "Huawei Technologies Co., Ltd.",
    "Acme Widgets Ltd",
    "华为技术有限公司",
    "Siemens AG",
    "HiSilicon Technologies Co., Ltd (HiSilicon)",
    "Maria Gonzalez",
    "",
]


def _source(tmp_path: Path) -> Path:
    source = tmp_path / "in.csv"
    rows = "".join(f"{i},{NAMES[i % len(NAMES)]}\n" for i in range(1, 29))
    source.write_text("id,name\n" + rows, encoding="utf-8")
    return source


def _rows(path: Path) -> list[dict[str, object]]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        row.pop("record", None)  # the ids differ between two stores
        out.append(row)
    return out


def test_two_workers_write_what_one_writes_and_record_each_row_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(screen_batch, "CHUNK_ROWS", 5)  # six chunks over the two workers
    source = _source(tmp_path)
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    run_batch(source, one, BatchOptions(), workers=1)
    db = tmp_path / "s.sqlite"
    summary = run_batch(source, two, BatchOptions(), workers=2, store=Store(f"sqlite:///{db}"))
    assert summary.chunks == 6 and summary.rows == 28
    assert _rows(two) == _rows(one)
    assert [r["id"] for r in _rows(two)] == [str(i) for i in range(1, 29)]
    with sqlite3.connect(db) as conn:
        (recorded,) = conn.execute("SELECT count(*) FROM screenings").fetchone()
    assert recorded == summary.recorded == 24  # the four rows without a name are bad rows
    assert summary.errors == 4


def test_local_workers_record_their_chunks_and_a_chunk_answered_twice_is_recorded_once(
    tmp_path: Path,
) -> None:
    # A local worker records its own chunk (the client then only writes it out); a worker that
    # recorded and died before answering has its chunk done again by another, which finds the
    # chunk's records and returns them instead of recording it twice.
    import pickle

    db = tmp_path / "s.sqlite"
    store = Store(f"sqlite:///{db}", "alice")
    recorder = screen_batch._local_recorder(store, "run-1", workers=2, scheduler=None)
    assert recorder is not None and recorder.actor == "alice"
    rows = [{"id": "1", "name": "Huawei Technologies Co., Ltd."}, {"id": "2", "name": ""}]
    packed = pickle.dumps(rows)
    first, kept = pickle.loads(screen_batch._screen_packed(packed, BatchOptions(), recorder, 0))
    again, _ = pickle.loads(screen_batch._screen_packed(packed, BatchOptions(), recorder, 0))
    assert kept and first[0]["record"] == again[0]["record"] and "_query" not in first[0]
    assert first[1]["error"] and "record" not in first[1]
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM screenings").fetchone() == (1,)
        (actor,) = conn.execute("SELECT DISTINCT actor FROM audit_log").fetchone()
    assert actor == "alice"


def test_a_remote_cluster_or_one_process_records_in_the_client(tmp_path: Path) -> None:
    # Workers of a cluster elsewhere may not reach this store (an SQLite file is this
    # machine's): their chunks come back and are recorded here.
    store = Store(f"sqlite:///{tmp_path / 's.sqlite'}")
    assert screen_batch._local_recorder(store, "r", 2, "tcp://10.0.0.1:8786") is None
    assert screen_batch._local_recorder(store, "r", 1, None) is None
    assert screen_batch._local_recorder(None, "r", 2, None) is None


def test_a_recorder_never_shows_the_database_password() -> None:
    shown = repr(screen_batch.Recorder("postgresql://u:s3cret@db/earmark", "alice", "r"))
    assert "s3cret" not in shown and "db/earmark" in shown
