"""A batch reads its input a chunk at a time, and a run killed with SIGKILL part-way goes on
from its checkpoint on the next invocation: no row written twice, none lost, each recorded
once. The kill tests run the real command in a child process."""

from __future__ import annotations

import csv
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from earmark.batch.screen_batch import CHUNK_ROWS, read_chunks
from earmark.errors import BadInput

EARMARK = str(Path(sys.executable).parent / "earmark")
ROWS = 4 * CHUNK_ROWS + 17  # five chunks, the last one short


def _write_input(path: Path, rows: int = ROWS) -> None:
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["id", "name"])
        for i in range(rows):
            w.writerow([f"r{i}", f"Qzx Vrank {i}" if i % 50 else "Huawei Technologies Co., Ltd."])


def test_chunks_are_read_as_needed_not_the_whole_file_first(tmp_path: Path) -> None:
    src = tmp_path / "in.csv"
    _write_input(src)
    with src.open("ab") as fh:
        fh.write(b"r-bad,\xff\xfe not utf-8\n")  # a broken tail
    chunks = read_chunks(src)
    first = next(chunks)
    assert len(first) == CHUNK_ROWS and first[0]["id"] == "r0"
    with pytest.raises(BadInput, match="UTF-8"):
        for _ in chunks:
            pass


def _kill_after_first_part(cmd: list[str], parts: Path) -> None:
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if any(parts.glob("chunk-*.jsonl")):
            os.kill(proc.pid, signal.SIGKILL)
            break
        time.sleep(0.02)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL, "the run ended before it could be killed"


@pytest.mark.parametrize("record", [False, True], ids=["no-record", "recorded"])
def test_a_run_killed_part_way_resumes_without_losing_or_repeating_a_row(
    tmp_path: Path, record: bool
) -> None:
    src, out = tmp_path / "in.csv", tmp_path / "out.jsonl"
    _write_input(src)
    db = tmp_path / "store.sqlite"
    cmd = [EARMARK, "screen-batch", str(src), "--out", str(out), "--json"]
    cmd += ["--database", f"sqlite:///{db}"] if record else ["--no-record"]
    _kill_after_first_part(cmd, out.with_name(out.name + ".parts"))
    assert not out.exists()
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout)
    assert summary["rows"] == ROWS and summary["chunks_resumed"] >= 1
    ids = [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert ids == [f"r{i}" for i in range(ROWS)]  # each once, in input order
    if record:
        assert summary["recorded"] == ROWS
        with sqlite3.connect(db) as conn:
            (screenings,) = conn.execute("SELECT COUNT(*) FROM screenings").fetchone()
            (chunks,) = conn.execute("SELECT COUNT(DISTINCT chunk) FROM batch_chunks").fetchone()
        assert screenings == ROWS and chunks == 5


def _workers_of(pid: int) -> list[Any]:
    """The local Dask worker processes of the command: forked from it, they are its children
    with its command line (a spawned helper such as multiprocessing's tracker has another)."""
    import psutil

    me = psutil.Process(pid)
    return [p for p in me.children() if p.cmdline() == me.cmdline()]


def test_a_worker_killed_mid_run_loses_and_repeats_no_row(tmp_path: Path) -> None:
    """kill -9 of one of two local Dask workers: the cluster starts it again, its chunk is
    screened again, and the run ends with every row once and recorded once."""
    src, out = tmp_path / "in.csv", tmp_path / "out.jsonl"
    _write_input(src)
    db = tmp_path / "store.sqlite"
    cmd = [EARMARK, "screen-batch", str(src), "--out", str(out), "--json", "--workers", "2"]
    cmd += ["--database", f"sqlite:///{db}"]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    parts = out.with_name(out.name + ".parts")
    killed = None
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None and killed is None:
        workers = _workers_of(proc.pid) if any(parts.glob("chunk-*.jsonl")) else []
        if workers:
            killed = workers[0]
            os.kill(killed.pid, signal.SIGKILL)
        time.sleep(0.02)
    stdout, stderr = proc.communicate(timeout=300)
    assert killed is not None, "the run ended before a worker could be killed"
    assert proc.returncode == 0, stderr
    summary = json.loads(stdout)
    assert summary["rows"] == ROWS and summary["recorded"] == ROWS
    ids = [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert ids == [f"r{i}" for i in range(ROWS)]
    with sqlite3.connect(db) as conn:
        (screenings,) = conn.execute("SELECT COUNT(*) FROM screenings").fetchone()
    assert screenings == ROWS
