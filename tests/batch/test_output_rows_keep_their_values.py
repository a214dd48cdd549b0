"""JSON lines output keeps every input value it echoes, even ones a fast JSON writer refuses:
an id beyond 64 bits, a lone surrogate, a date (written as its text)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from earmark.batch.screen_batch import BatchOptions, _json_line, run_batch


def test_a_huge_integer_id_and_a_lone_surrogate_are_written_as_json() -> None:
    row = {"id": 10**30, "name": "caf\ud800", "matches": [], "error": None}
    line = _json_line(row)
    assert line.endswith(b"\n")
    assert json.loads(line) == row


def test_a_date_is_written_as_its_text() -> None:
    assert json.loads(_json_line({"as_of": date(2020, 8, 17)})) == {"as_of": "2020-08-17"}


def test_a_jsonl_batch_with_such_ids_runs_to_the_end(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(
        '{"id": 123456789012345678901234567890, "name": "Huawei Technologies Co., Ltd."}\n'
        '{"id": 2, "name": "Acme Widgets Ltd"}\n',
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    summary = run_batch(source, out, BatchOptions())
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert summary.rows == 2
    assert [r["id"] for r in rows] == [123456789012345678901234567890, 2]
    assert rows[0]["matches"] and rows[0]["matches"][0]["name"].startswith("Huawei")
