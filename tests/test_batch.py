"""screen-batch: one result per row, bad rows reported, resumable, CSV/Parquet shapes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest

from earmark.batch import screen_batch
from earmark.batch.screen_batch import BatchOptions, run_batch
from earmark.errors import BadInput

ROWS = (
    "id,name,country\n"
    "1,Huawei Device Co Ltd,CN\n"
    "2,Acme Widgets Inc,US\n"
    "3,,CN\n"
    "4,Rosneft,XX\n"
    "5,华为技术有限公司,\n"
)


def _input(tmp_path: Path, text: str = ROWS, name: str = "in.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_one_result_per_row_and_bad_rows_reported(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    summary = run_batch(_input(tmp_path), out, BatchOptions())
    results = _jsonl(out)
    assert [r["id"] for r in results] == ["1", "2", "3", "4", "5"]
    assert summary.rows == 5 and summary.errors == 2
    assert results[0]["matches"][0]["name"] == "Huawei Device Co., Ltd."
    assert results[1]["matches"] == [] and results[1]["error"] is None
    assert results[2]["error"] == "name: empty name"
    assert results[3]["error"].startswith("country: unknown country")
    assert any("Huawei" in m["name"] for m in results[4]["matches"])
    assert not (tmp_path / "out.jsonl.parts").exists()


def test_jsonl_input_with_a_broken_line(tmp_path: Path) -> None:
    text = '{"id": 1, "name": "Rosneft"}\nnot json\n{"name": "no id"}\n'
    out = tmp_path / "out.jsonl"
    run_batch(_input(tmp_path, text, "in.jsonl"), out, BatchOptions())
    results = _jsonl(out)
    assert len(results) == 3
    assert results[0]["matches"] and results[1]["error"].startswith("line 2: not JSON")
    assert results[2]["error"] == "id: missing"


def test_csv_and_parquet_have_a_row_per_match_and_per_unmatched_name(tmp_path: Path) -> None:
    run_batch(_input(tmp_path), tmp_path / "out.parquet", BatchOptions(limit=2))
    table = pq.read_table(tmp_path / "out.parquet").to_pylist()
    ids = [r["id"] for r in table]
    assert ids.count("1") == 2 and ids.count("2") == 1  # two matches; one empty row
    empty = next(r for r in table if r["id"] == "2")
    assert empty["entry_id"] is None and empty["error"] is None
    run_batch(_input(tmp_path), tmp_path / "out.csv", BatchOptions(limit=2))
    lines = (tmp_path / "out.csv").read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("id,name,entry_id,list") and len(lines) == 1 + len(table)


def test_an_interrupted_run_resumes_without_writing_a_row_twice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(screen_batch, "CHUNK_ROWS", 2)
    source = _input(tmp_path)
    out = tmp_path / "out.jsonl"
    calls: list[int] = []
    real = screen_batch.screen_rows

    def failing(
        rows: list[dict[str, Any]], options: BatchOptions, runtime: Any = None
    ) -> list[dict[str, Any]]:
        calls.append(len(rows))
        if len(calls) == 2:
            raise KeyboardInterrupt  # the run is stopped during the second chunk
        return real(rows, options, runtime)

    monkeypatch.setattr(screen_batch, "screen_rows", failing)
    with pytest.raises(KeyboardInterrupt):
        run_batch(source, out, BatchOptions())
    assert not out.exists()
    assert len(list((tmp_path / "out.jsonl.parts").glob("chunk-*.jsonl"))) == 1
    monkeypatch.setattr(screen_batch, "screen_rows", real)
    summary = run_batch(source, out, BatchOptions())
    assert summary.chunks == 3 and summary.chunks_resumed == 1
    assert [r["id"] for r in _jsonl(out)] == ["1", "2", "3", "4", "5"]


def test_parts_of_another_job_are_not_mixed_in(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = _input(tmp_path)
    parts = tmp_path / "out.jsonl.parts"
    parts.mkdir()
    (parts / "job.json").write_text('{"input": "something else"}')
    with pytest.raises(BadInput) as exc:
        run_batch(source, tmp_path / "out.jsonl", BatchOptions())
    assert exc.value.field == "out"


@pytest.mark.parametrize(
    ("name", "text", "field"),
    [("in.txt", "id,name\n", "out"), ("in.csv", "a,b\n1,2\n", "input")],
)
def test_unreadable_input(tmp_path: Path, name: str, text: str, field: str) -> None:
    target = tmp_path / ("out.txt" if name == "in.txt" else "out.jsonl")
    with pytest.raises(BadInput) as exc:
        run_batch(_input(tmp_path, text, name), target, BatchOptions())
    assert exc.value.field == field


def test_cli_screen_batch_and_match_pairs(cli: Any, tmp_path: Path) -> None:
    source = _input(tmp_path)
    run = cli("screen-batch", str(source), "--out", str(tmp_path / "o.jsonl"), "--json")
    assert run.code == 0, run.err
    assert run.json()["rows"] == 5
    pairs = tmp_path / "pairs.csv"
    pairs.write_text("a,b\nHua Wei,Huawei\nBank of America,Bank Melli Iran\n,x\n")
    run = cli("match", "--pairs", str(pairs), "--json")
    lines = [json.loads(line) for line in run.out.splitlines()]
    assert [r["a"] for r in lines] == ["Hua Wei", "Bank of America", ""]
    assert lines[0]["score"] > 0.8 > lines[1]["score"] and lines[2]["score"] is None
    missing = cli("screen-batch", str(tmp_path / "nope.csv"), "--out", str(tmp_path / "x.jsonl"))
    assert missing.code == 2 and "input" in missing.err


def test_check_batch(cli: Any, tmp_path: Path) -> None:
    cases = json.loads(
        (Path(__file__).resolve().parents[1] / "src/earmark/cli/examples/cases.json").read_text()
    )
    source = tmp_path / "cases.jsonl"
    lines = [json.dumps(c["case"]) for c in cases]
    lines += ["{broken", json.dumps({**cases[0]["case"], "id": "bad", "destination": "XX"})]
    source.write_text("\n".join(lines) + "\n")
    run = cli("check-batch", str(source), "--out", str(tmp_path / "d.jsonl"), "--json")
    assert run.code == 0, run.err
    assert run.json()["rows"] == 6 and run.json()["errors"] == 2
    out = _jsonl(tmp_path / "d.jsonl")
    assert [d["license_required"] for d in out[:4]] == [False, True, False, True]
    assert out[5]["id"] == "bad" and out[5]["error"].startswith("case.destination")
    run = cli("check-batch", str(source), "--out", str(tmp_path / "d.parquet"))
    assert run.code == 0
    table = pq.read_table(tmp_path / "d.parquet").to_pylist()
    assert len(table) == 6 and table[1]["review_policy"] == "presumption_of_denial"


def test_output_may_not_be_the_input(tmp_path: Path) -> None:
    source = _input(tmp_path)
    with pytest.raises(BadInput) as exc:
        run_batch(source, source, BatchOptions())
    assert exc.value.field == "out"
    assert source.read_text(encoding="utf-8") == ROWS  # untouched


def test_unwritable_output_and_bad_scheduler_are_bad_input(tmp_path: Path) -> None:
    source = _input(tmp_path)
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(BadInput) as exc:
        run_batch(source, blocker / "out.jsonl", BatchOptions())
    assert exc.value.field == "out"
    with pytest.raises(BadInput) as exc:
        run_batch(source, tmp_path / "o.jsonl", BatchOptions(), scheduler="garbage")
    assert exc.value.field == "scheduler"
    assert not (tmp_path / "o.jsonl.parts").exists()  # nothing done, no resume state left
    with pytest.raises(BadInput) as exc:
        run_batch(source, tmp_path / "o.jsonl", BatchOptions(), workers=1000)
    assert exc.value.field == "workers"


def test_malformed_rows_and_columns(tmp_path: Path) -> None:
    long_name = "x" * 200_000
    source = _input(tmp_path, f"id,name\n1,{long_name}\n2,Rosneft\n")
    out = tmp_path / "o.jsonl"
    run_batch(source, out, BatchOptions())
    rows = _jsonl(out)
    assert rows[0]["error"].startswith("name: too long") and rows[1]["matches"]
    with pytest.raises(BadInput):
        run_batch(
            _input(tmp_path, "id,name,name\n1,a,b\n", "dup.csv"),
            tmp_path / "d.jsonl",
            BatchOptions(),
        )
    text = '{"id": 1, "name": ["Huawei"]}\n{"id": NaN, "name": "Rosneft"}\n'
    run_batch(_input(tmp_path, text, "t.jsonl"), tmp_path / "t.out.jsonl", BatchOptions())
    rows = _jsonl(tmp_path / "t.out.jsonl")
    assert rows[0]["error"].startswith("name: must be text")
    assert "NaN" in rows[1]["error"]


# -- recording (issue 5: screen-batch and check-batch record as screen and check do) ---------


def _store(tmp_path: Path) -> Any:
    from earmark.store.core import Store

    return Store(f"sqlite:///{tmp_path / 'store.db'}", actor="batch-test")


def _counts(store: Any) -> dict[str, int]:
    from sqlalchemy import func, select

    from earmark.store.schema import batch_chunks, decisions, hit_reviews, screenings

    with store.read() as conn:
        return {
            t.name: int(conn.execute(select(func.count()).select_from(t)).scalar_one())
            for t in (screenings, decisions, hit_reviews, batch_chunks)
        }


def _verified(store: Any) -> bool:
    from earmark.store.audit import verify

    with store.read() as conn:
        return verify(conn).ok


def test_screen_batch_records_each_good_row_once_across_a_resume(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(screen_batch, "CHUNK_ROWS", 2)
    store = _store(tmp_path)
    source, out = _input(tmp_path), tmp_path / "out.jsonl"
    real = screen_batch._write_part
    writes: list[int] = []

    def crash_after_recording(
        parts: Path, i: int, chunk: list[dict[str, Any]], results: list[dict[str, Any]]
    ) -> None:
        writes.append(i)
        if len(writes) == 2:
            raise KeyboardInterrupt  # chunk 1 is recorded, its output not yet written
        real(parts, i, chunk, results)

    monkeypatch.setattr(screen_batch, "_write_part", crash_after_recording)
    with pytest.raises(KeyboardInterrupt):
        run_batch(source, out, BatchOptions(), store=store)
    assert _counts(store)["batch_chunks"] == 2  # recorded before the output was written
    monkeypatch.setattr(screen_batch, "_write_part", real)
    summary = run_batch(source, out, BatchOptions(), store=store)
    counts = _counts(store)
    # Rows 3 (no name) and 4 (unknown country) are bad: 3 screenings, none twice.
    assert summary.recorded == 3 and counts["screenings"] == 3 and counts["batch_chunks"] == 3
    rows = _jsonl(out)
    ids = [r.get("record", {}).get("screening_id") for r in rows]
    assert ids[2] is None and ids[3] is None and len({i for i in ids if i}) == 3
    assert all("_query" not in r for r in rows)
    assert counts["hit_reviews"] >= 2  # the Huawei rows' hits are raised for review
    assert _verified(store)
    # Running the same command again is a new run: it records again.
    again = run_batch(source, tmp_path / "again.jsonl", BatchOptions(), store=store)
    assert again.run_id != summary.run_id and _counts(store)["screenings"] == 6


def test_check_batch_records_decisions_and_no_record_keeps_nothing(
    cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cases = json.loads(
        (Path(__file__).resolve().parents[1] / "src/earmark/cli/examples/cases.json").read_text()
    )
    source = tmp_path / "cases.jsonl"
    source.write_text("\n".join([json.dumps(c["case"]) for c in cases] + ["{broken"]) + "\n")
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    run = cli("check-batch", str(source), "--out", str(tmp_path / "quick.jsonl"),
              "--no-record", "--database", url, "--json")  # fmt: skip
    assert run.code == 0, run.err
    assert run.json()["recorded"] == 0 and run.json()["run_id"] is None
    run = cli("check-batch", str(source), "--out", str(tmp_path / "d.jsonl"),
              "--database", url, "--json")  # fmt: skip
    assert run.code == 0, run.err
    assert run.json()["recorded"] == len(cases)
    from earmark.store.core import Store

    store = Store(url, actor="x")
    assert _counts(store)["decisions"] == len(cases)
    out = _jsonl(tmp_path / "d.jsonl")
    from sqlalchemy import select

    from earmark.store.schema import decisions

    with store.read() as conn:
        stored = {r.id: json.loads(r.decision) for r in conn.execute(select(decisions)).fetchall()}
    for row in out[: len(cases)]:
        kept = stored[row["record"]["decision_id"]]
        assert kept["license_required"] == row["license_required"] and kept["id"] == row["id"]
    assert "record" not in out[-1] and out[-1]["error"]
    assert _verified(store)


def test_a_resume_keeps_the_run_s_recording_and_bad_json_is_a_bad_row(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(screen_batch, "CHUNK_ROWS", 2)
    source, out = _input(tmp_path), tmp_path / "out.csv"
    real = screen_batch._write_part
    writes: list[int] = []

    def stop_second(
        parts: Path, i: int, chunk: list[dict[str, Any]], results: list[dict[str, Any]]
    ) -> None:
        writes.append(i)
        if len(writes) == 2:
            raise KeyboardInterrupt
        real(parts, i, chunk, results)

    monkeypatch.setattr(screen_batch, "_write_part", stop_second)
    with pytest.raises(KeyboardInterrupt):
        run_batch(source, out, BatchOptions())  # begun with --no-record
    monkeypatch.setattr(screen_batch, "_write_part", real)
    with pytest.raises(BadInput, match="recorded to nowhere"):
        run_batch(source, out, BatchOptions(), store=_store(tmp_path))
    summary = run_batch(source, out, BatchOptions())
    assert summary.recorded == 0 and summary.rows == 5
    store = _store(tmp_path)
    run_batch(source, tmp_path / "rec.csv", BatchOptions(), store=store)
    rows = (tmp_path / "rec.csv").read_text(encoding="utf-8").splitlines()
    assert rows[0].endswith(",error,record_id") and rows[1].split(",")[-1].isdigit()
    deep = tmp_path / "deep.jsonl"
    deep.write_text('{"id": "1", "name": "Acme"}\n' + "[" * 100_000 + "]" * 100_000 + "\n")
    lines = _jsonl_out(run_batch(deep, tmp_path / "deep-out.jsonl", BatchOptions()))
    assert lines[1]["error"] == "line 2: JSON nested too deeply"


def _jsonl_out(summary: Any) -> list[dict[str, Any]]:
    return _jsonl(Path(summary.output))


def test_a_name_twice_in_one_chunk_raises_one_review_a_hit(tmp_path: Path) -> None:
    """A chunk's hits are raised at once: the same name in two rows of the same chunk shares
    the review of each listed entry, as two separate screenings of it would."""
    from sqlalchemy import func, select

    from earmark.store.schema import hit_reviews

    source = tmp_path / "twice.csv"
    source.write_text("id,name\n1,Huawei Device Co. Ltd.\n2,Huawei Device Co. Ltd.\n3,Acme\n")
    store = _store(tmp_path)
    run_batch(source, tmp_path / "out.jsonl", BatchOptions(), store=store)
    rows = _jsonl(tmp_path / "out.jsonl")
    first, second = ({m["entry_id"] for m in r["matches"]} for r in rows[:2])
    assert first and first == second
    with store.read() as conn:
        pairs = conn.execute(select(func.count()).select_from(hit_reviews)).scalar_one()
    assert pairs == len(first) and _verified(store)


def test_a_run_collects_garbage_less_often_and_restores_the_collector(tmp_path: Path) -> None:
    import gc

    before = gc.get_threshold()
    during: list[tuple[int, int, int]] = []
    run_batch(
        _input(tmp_path),
        tmp_path / "out.jsonl",
        BatchOptions(),
        progress=lambda done, total: during.append(gc.get_threshold()),
    )
    assert during and all(t == screen_batch.BATCH_GC_THRESHOLD for t in during)
    assert gc.get_threshold() == before


def test_runs_in_threads_at_once_restore_the_collector_after_the_last() -> None:
    import gc

    before = gc.get_threshold()
    first, second = screen_batch._fewer_collections(), screen_batch._fewer_collections()
    first.__enter__()
    second.__enter__()
    first.__exit__(None, None, None)  # the first ends while the second still runs
    assert gc.get_threshold() == screen_batch.BATCH_GC_THRESHOLD
    second.__exit__(None, None, None)
    assert gc.get_threshold() == before
