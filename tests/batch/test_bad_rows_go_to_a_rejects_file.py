"""Bad rows of a batch go to NAME.rejects.jsonl beside the output, with their row number, the
reason and the row as read, and the run goes on; a run without bad rows leaves no such file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from earmark.batch import screen_batch
from earmark.batch.screen_batch import BatchOptions, rejects_path, run_batch
from earmark.errors import BadInput


def _csv(path: Path, rows: list[tuple[str, str]]) -> Path:
    path.write_text("id,name\n" + "".join(f"{i},{n}\n" for i, n in rows), encoding="utf-8")
    return path


def test_each_bad_row_is_in_the_rejects_file_with_its_number_and_reason(tmp_path: Path) -> None:
    rows = [("1", "Acme Widgets Ltd"), ("", "no id here"), ("3", "Huawei Technologies"), ("4", "")]
    source = _csv(tmp_path / "in.csv", rows)
    out = tmp_path / "hits.csv"
    summary = run_batch(source, out, BatchOptions())
    assert summary.rows == 4 and summary.errors == 2
    assert summary.rejects == str(tmp_path / "hits.rejects.jsonl")
    rejects = [json.loads(x) for x in Path(summary.rejects).read_text().splitlines()]
    assert [r["row"] for r in rejects] == [2, 4]
    assert rejects[0]["error"].startswith("id") and rejects[0]["input"]["name"] == "no id here"
    assert "name" in rejects[1]["error"]
    assert summary.seconds > 0 and summary.rows_per_second > 0


def test_rows_are_numbered_across_chunks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(screen_batch, "CHUNK_ROWS", 3)
    rows = [(str(i), f"Firm number {i} Ltd") for i in range(1, 9)]
    rows[6] = ("", "the seventh row has no id")
    out = tmp_path / "out.jsonl"
    summary = run_batch(_csv(tmp_path / "in.csv", rows), out, BatchOptions())
    assert summary.chunks == 3
    rejects = [json.loads(x) for x in Path(str(summary.rejects)).read_text().splitlines()]
    assert [r["row"] for r in rejects] == [7]


def test_a_run_without_bad_rows_leaves_no_rejects_file(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    rejects_path(out).write_text('{"row": 1}\n')  # from an earlier run of the same command
    summary = run_batch(_csv(tmp_path / "in.csv", [("1", "Acme Widgets Ltd")]), out, BatchOptions())
    assert summary.rejects is None
    assert not rejects_path(out).exists()


def test_the_rejects_file_may_not_be_the_input(tmp_path: Path) -> None:
    source = tmp_path / "out.rejects.jsonl"
    source.write_text('{"id": 1, "name": "Acme"}\n')
    with pytest.raises(BadInput) as err:
        run_batch(source, tmp_path / "out.jsonl", BatchOptions())
    assert err.value.field == "out"
