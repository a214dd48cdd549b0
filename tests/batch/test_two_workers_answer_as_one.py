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
