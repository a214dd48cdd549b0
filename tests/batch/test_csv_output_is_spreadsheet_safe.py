"""CSV outputs never carry a live spreadsheet formula; JSON lines and Parquet keep the text."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest

from earmark.batch.screen_batch import spreadsheet_safe

FORMULAS = [
    '=HYPERLINK("http://x","y")',
    "=cmd|' /C calc'!A0",
    "@SUM(A1)",
    "+1",
    "-2+3",
    "\tTab",
    "\rReturn",
]


@pytest.mark.parametrize("value", FORMULAS)
def test_a_cell_that_starts_a_formula_gets_a_quote(value: str) -> None:
    assert spreadsheet_safe({"name": value})["name"] == "'" + value


def test_numbers_and_plain_text_are_left_alone() -> None:
    row = {"score": 0.93, "id": "A-1", "name": "Huawei", "empty": None, "neg": -1.0}
    assert spreadsheet_safe(row) == row


def _input(tmp_path: Path) -> Path:
    path = tmp_path / "in.csv"
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["id", "name"])
        for i, value in enumerate(FORMULAS):
            writer.writerow([value, f"{value} Huawei Technologies Co., Ltd." if i % 2 else value])
    return path


def test_screen_batch_csv_is_neutralised_and_jsonl_exact(cli: Any, tmp_path: Path) -> None:
    source = _input(tmp_path)
    out_csv, out_jsonl = tmp_path / "out.csv", tmp_path / "out.jsonl"
    assert cli("screen-batch", str(source), "--out", str(out_csv), "--no-record").code == 0
    assert cli("screen-batch", str(source), "--out", str(out_jsonl), "--no-record").code == 0
    with out_csv.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert rows
    for row in rows:
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), value
    ids = {r["id"] for r in rows}
    assert ids == {"'" + v for v in FORMULAS}
    exact = [json.loads(line)["id"] for line in out_jsonl.read_text(encoding="utf-8").splitlines()]
    assert exact == FORMULAS
    import pyarrow.parquet as pq

    out_parquet = tmp_path / "out.parquet"
    assert cli("screen-batch", str(source), "--out", str(out_parquet), "--no-record").code == 0
    assert set(pq.read_table(out_parquet).column("id").to_pylist()) == set(FORMULAS)


def test_check_batch_csv_is_neutralised(cli: Any, tmp_path: Path) -> None:
    cases = tmp_path / "cases.jsonl"
    cases.write_text(
        "\n".join(
            json.dumps(
                {
                    "id": v,
                    "date": "2024-01-02",
                    "destination": "DE",
                    "item": {"eccn": "EAR99", "origin": "US"},
                }
            )
            for v in FORMULAS[:5]  # (a case id is stripped of surrounding white space)
        )
    )
    out = tmp_path / "out.csv"
    assert cli("check-batch", str(cases), "--out", str(out), "--no-record").code == 0
    with out.open(newline="", encoding="utf-8") as fh:
        ids = [r["id"] for r in csv.DictReader(fh)]
    assert ids == ["'" + v for v in FORMULAS[:5]]
