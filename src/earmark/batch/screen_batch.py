"""Batch screening: a file of names in, one result per name out, resumable, on Dask if asked.

Input: CSV, JSON lines or Parquet with at least ``id`` and ``name`` (optional ``country``,
``type``, ``address``). The input is cut into chunks; each finished chunk is written atomically
to ``OUTPUT.parts/`` (a temporary file renamed into place), so that an interrupted run, started
again with the same command, skips the chunks already done and writes no row twice. When all
chunks are done they are joined into OUTPUT in input order and the parts are removed.

A bad row (no id, an empty or overlong name, an unknown country) is reported in its output row
(``error``) and the rest go on.

Scale-out: ``workers=1`` screens in this process; ``workers>1`` starts a local Dask cluster of
that many single-threaded worker processes; ``scheduler`` connects to a running Dask scheduler.
Each worker builds its screening index once and keeps it.
"""

from __future__ import annotations

import contextlib
import csv
import dataclasses
import gc
import itertools
import json
import os
import pickle
import shutil
import sys
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import orjson

from earmark.errors import BadInput, EarmarkError
from earmark.rules.decision import ANSWER_FIELDS
from earmark.runtime import Runtime, current

CHUNK_ROWS = 2000
MAX_WORKERS = 64
FORMATS = ("csv", "jsonl", "parquet")
MATCH_COLUMNS = (
    "entry_id", "list", "listed_name", "matched_name", "score", "footnotes", "license_policy",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class BatchOptions:
    as_of: date | None = None
    threshold: float | None = None
    limit: int = 10
    lists: tuple[str, ...] | None = None
    task: str = "screen"  # "screen": rows of parties; "check": rows of cases
    allow_unknown: bool = False  # cases: ignore keys the case format does not define


@dataclass(frozen=True, slots=True)
class BatchSummary:
    rows: int
    errors: int
    with_matches: int
    chunks: int
    chunks_resumed: int
    output: str
    recorded: int = 0  # screenings or decisions kept in the store (0 with --no-record)
    run_id: str | None = None  # the run's mark on its recorded chunks (batch_chunks)
    rejects: str | None = None  # the file of bad rows with their reasons (None: no bad row)
    seconds: float = 0.0  # this invocation's wall time (a resumed run: since it resumed)

    @property
    def rows_per_second(self) -> float:
        return self.rows / self.seconds if self.seconds > 0 else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "rows": self.rows,
            "errors": self.errors,
            "with_matches": self.with_matches,
            "chunks": self.chunks,
            "chunks_resumed": self.chunks_resumed,
            "output": self.output,
            "recorded": self.recorded,
            "run_id": self.run_id,
            "rejects": self.rejects,
            "seconds": round(self.seconds, 3),
            "rows_per_second": round(self.rows_per_second, 1),
        }


def file_format(path: Path, field: str) -> str:
    suffix = path.suffix.lower().lstrip(".")
    fmt = {"json": "jsonl", "ndjson": "jsonl"}.get(suffix, suffix)
    if fmt not in FORMATS:
        raise BadInput(
            field, f"unsupported file type {path.suffix!r}; use .csv, .jsonl or .parquet"
        )
    return fmt


def read_chunks(
    path: Path, field: str = "input", required: tuple[str, ...] = ("id", "name")
) -> Iterator[list[dict[str, Any]]]:
    """The input's rows, CHUNK_ROWS at a time, read as they are needed (never the whole file
    in memory); BadInput naming ``field`` when the file cannot be read."""
    fmt = file_format(path, field)
    if path.is_dir():
        raise BadInput(field, f"is a directory, not a file: {path}")
    if not path.is_file():
        raise BadInput(field, f"no such file: {path}")
    try:
        if fmt == "parquet":
            yield from _parquet_chunks(path, field, required)
        else:
            yield from _chunks_of(_text_rows(path, fmt, field, required))
    except UnicodeDecodeError as exc:
        raise BadInput(field, f"not UTF-8 text: {exc.reason} at byte {exc.start}") from None
    except (OSError, ValueError) as exc:
        if isinstance(exc, BadInput):
            raise
        raise BadInput(field, f"cannot read {path.name}: {exc}") from None


def _text_rows(
    path: Path, fmt: str, field: str, required: tuple[str, ...]
) -> Iterator[dict[str, Any]]:
    if fmt == "jsonl":
        yield from _jsonl_rows(path)
        return
    csv.field_size_limit(sys.maxsize)  # an overlong field is a bad row, not a crash
    with path.open(newline="", encoding="utf-8-sig") as fh:
        reader = csv.DictReader(fh)
        _check_columns(reader.fieldnames, required, field)
        for row in reader:
            yield dict(row)


def _parquet_chunks(
    path: Path, field: str, required: tuple[str, ...]
) -> Iterator[list[dict[str, Any]]]:
    import pyarrow.parquet as pq

    source = pq.ParquetFile(path)
    _check_columns(source.schema_arrow.names, required, field)
    # Re-chunked: the file's batches end at its row groups, the chunks every CHUNK_ROWS rows.
    rows = (
        row for batch in source.iter_batches(batch_size=CHUNK_ROWS) for row in batch.to_pylist()
    )
    yield from _chunks_of(rows)


def _chunks_of(rows: Iterator[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    chunk: list[dict[str, Any]] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) == CHUNK_ROWS:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def count_chunks(path: Path) -> int:
    """How many chunks the input makes, by a quick pass that keeps no row (for progress)."""
    fmt = file_format(path, "input")
    try:
        if fmt == "parquet":
            import pyarrow.parquet as pq

            rows = int(pq.ParquetFile(path).metadata.num_rows)
        elif fmt == "jsonl":
            with path.open("rb") as fh:
                rows = sum(1 for line in fh if line.strip())
        else:
            csv.field_size_limit(sys.maxsize)
            with path.open(newline="", encoding="utf-8-sig", errors="replace") as fh:
                rows = max(sum(1 for _ in csv.reader(fh)) - 1, 0)
    except (OSError, ValueError):
        return 0  # the real read names the problem
    return -(-rows // CHUNK_ROWS)


def _check_columns(columns: Any, required: tuple[str, ...], field: str) -> None:
    names = list(columns or [])
    missing = [c for c in required if c not in names]
    if missing:
        raise BadInput(
            field, f"needs the columns {', '.join(required)}; missing {', '.join(missing)}"
        )
    repeated = sorted({c for c in names if names.count(c) > 1})
    if repeated:
        raise BadInput(field, f"column {', '.join(repeated)} appears more than once")


def _no_constant(value: str) -> Any:
    raise ValueError(f"{value} is not a JSON value")


def _jsonl_rows(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line, parse_constant=_no_constant)
            except RecursionError:
                yield {"__error__": f"line {number}: JSON nested too deeply"}
                continue
            except ValueError as exc:
                if not isinstance(exc, json.JSONDecodeError):
                    yield {"__error__": f"line {number}: {exc}"}
                    continue
                row = {"__error__": f"line {number}: not JSON ({exc.msg})"}
            yield row if isinstance(row, dict) else {"__error__": f"line {number}: not an object"}


def screen_rows(
    rows: list[dict[str, Any]], options: BatchOptions, runtime: Runtime | None = None
) -> list[dict[str, Any]]:
    """Screen (or check) a chunk of rows with the runtime's screener or engine (this
    process's, :func:`earmark.runtime.current`, unless given): one result per row."""
    rt = runtime if runtime is not None else current()
    if options.task == "check":
        engine = rt.engine
        return [_check_row(engine, row, options.allow_unknown) for row in rows]
    screener = rt.screener
    return [_screen_row(screener, row, options) for row in rows]


def _check_row(engine: Any, row: dict[str, Any], allow_unknown: bool) -> dict[str, Any]:
    if "__error__" in row:
        return {"id": None, "error": row["__error__"], "matches": []}
    try:
        decision: dict[str, Any] = engine.check(row, "case", allow_unknown).to_dict()
    except EarmarkError as exc:
        return {"id": row.get("id"), "error": str(exc), "matches": []}
    # "matches": the parties that matched a list, so the summary counts rows worth a look.
    return {**decision, "error": None, "matches": decision["matched_parties"]}


def _screen_row(screener: Any, row: dict[str, Any], options: BatchOptions) -> dict[str, Any]:
    row_id = row.get("id")
    name = row.get("name")
    result: dict[str, Any] = {"id": row_id, "name": name, "matches": [], "error": None}
    if "__error__" in row:
        result["error"] = row["__error__"]
        return result
    if row_id is None or str(row_id).strip() == "":
        result["error"] = "id: missing"
        return result
    if name is not None and not isinstance(name, str):
        result["error"] = f"name: must be text, not {type(name).__name__}"
        return result
    try:
        screened = screener.screen(
            str(name) if name is not None else "",
            country=_opt(row.get("country")),
            type=_opt(row.get("type")),
            address=_opt(row.get("address")),
            lists=options.lists,
            as_of=options.as_of,
            limit=options.limit,
            threshold=options.threshold,
        )
    except EarmarkError as exc:
        result["error"] = str(exc)
        return result
    result["matches"] = [m.to_dict() for m in screened.matches]
    result["threshold"] = screened.threshold
    result["data_version"] = screened.data_version
    # What the store keeps of the query (taken out before the row is written).
    as_of = screened.as_of.isoformat() if screened.as_of else None
    result["_query"] = {"query": screened.query, "as_of": as_of}
    if screened.matches:
        # The matches with their entries, for recording their reviews in this process (taken
        # out with "_query"; a remote worker's results go without them).
        result["_hits"] = (list(screened.matches), screened.as_of)
    return result


def _opt(value: Any) -> str | None:
    return None if value is None or str(value).strip() == "" else str(value)


# -- running -----------------------------------------------------------------------------------


def run_batch(
    input_path: Path,
    output_path: Path,
    options: BatchOptions,
    workers: int = 1,
    scheduler: str | None = None,
    progress: Callable[[int, int], None] | None = None,
    store: Any = None,
    runtime: Runtime | None = None,
) -> BatchSummary:
    """Run the batch; with a ``store``, each chunk's screenings or decisions are recorded
    there (once, even across a resume) before the chunk's output is written. In this process
    the chunks are screened with ``runtime`` (else this process's); Dask workers each use
    their own process's runtime."""
    started = time.perf_counter()
    out_fmt = file_format(output_path, "out")
    if workers < 1 or workers > MAX_WORKERS:
        raise BadInput("workers", f"must be between 1 and {MAX_WORKERS}")
    if input_path.resolve() == output_path.resolve():
        raise BadInput("out", "is the input file: choose another output")
    if input_path.resolve() == rejects_path(output_path).resolve():
        raise BadInput("out", "its rejects file would be the input file: choose another output")
    if options.task == "check" and file_format(input_path, "input") == "csv":
        raise BadInput("input", "cases come one a line as JSON lines (.jsonl) or Parquet")
    required = ("date",) if options.task == "check" else ("id", "name")
    chunks = read_chunks(input_path, required=required if input_path.suffix != ".jsonl" else ())
    first = next(chunks, None)  # a file that cannot be read at all fails before any work
    try:
        with _fewer_collections():
            summary = _run(
                input_path,
                output_path,
                out_fmt,
                itertools.chain([first] if first is not None else [], chunks),
                options,
                workers,
                scheduler,
                progress,
                store,
                runtime,
            )
    except OSError as exc:
        raise BadInput("out", f"cannot write {output_path}: {exc.strerror or exc}") from None
    return dataclasses.replace(summary, seconds=time.perf_counter() - started)


# A batch allocates its rows and results by the hundred thousand, nearly all without cycles:
# the collector's young passes every 700 allocations, and the full passes they lead to over a
# heap of list data, cost about a tenth of a check-batch (20,000 cases: 13.6 s, 12.3 s with
# this). The run collects less often; the thresholds come back after the last run of the
# process ends (the service runs jobs in threads, several at once). Workers set it too.
BATCH_GC_THRESHOLD = (100_000, 50, 100)


class _Collector:
    """The collector's thresholds while batch runs are under way in this process."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._runs = 0
        self._before = gc.get_threshold()

    @contextlib.contextmanager
    def fewer(self) -> Iterator[None]:
        with self._lock:
            if self._runs == 0:
                self._before = gc.get_threshold()
                gc.set_threshold(*BATCH_GC_THRESHOLD)
            self._runs += 1
        try:
            yield
        finally:
            with self._lock:
                self._runs -= 1
                if self._runs == 0:
                    gc.set_threshold(*self._before)


_fewer_collections = _Collector().fewer


def _run(
    input_path: Path,
    output_path: Path,
    out_fmt: str,
    chunks: Iterator[list[dict[str, Any]]],
    options: BatchOptions,
    workers: int,
    scheduler: str | None,
    progress: Callable[[int, int], None] | None,
    store: Any = None,
    runtime: Runtime | None = None,
) -> BatchSummary:
    parts = output_path.with_name(output_path.name + ".parts")
    parts.mkdir(parents=True, exist_ok=True)
    run_id = _check_same_job(parts, input_path, options, store)
    expected = count_chunks(input_path) if progress else 0
    read = done = resumed = 0  # chunks read so far, finished, finished by an earlier run

    def todo() -> Iterator[tuple[int, list[dict[str, Any]]]]:
        nonlocal read, done, resumed
        for i, chunk in enumerate(chunks):
            read += 1
            if _part(parts, i).exists():  # done by an earlier, interrupted run
                resumed += 1
                done += 1
                continue
            yield i, chunk

    recorder = _local_recorder(store, run_id, workers, scheduler)
    try:
        for i, chunk, results, kept in _execute(
            todo(), options, workers, scheduler, runtime, recorder
        ):
            if not kept:
                _keep(store, run_id, i, options.task, chunk, results)
            _write_part(parts, i, chunk, results)
            done += 1
            if progress:
                progress(done, max(expected, read))
    except BadInput:
        if not any(parts.glob("chunk-*.jsonl")):
            shutil.rmtree(parts, ignore_errors=True)  # nothing done: leave no resume state
        raise
    if progress:
        progress(read, read)
    summary = _assemble(parts, read, output_path, out_fmt, resumed, options.task)
    summary = dataclasses.replace(summary, rejects=_gather_rejects(parts, read, output_path))
    shutil.rmtree(parts)
    if store is None:
        return summary
    return dataclasses.replace(summary, run_id=run_id)


def _keep(
    store: Any,
    run_id: str,
    chunk: int,
    task: str,
    rows: list[dict[str, Any]],
    results: list[dict[str, Any]],
) -> None:
    """Record the chunk (with a store) and mark each row with its record's id."""
    if store is not None:
        from earmark.store.records import record_batch_chunk

        ids = record_batch_chunk(store, run_id, chunk, task, rows, results)
        key = "decision_id" if task == "check" else "screening_id"
        for result, record_id in zip(results, ids, strict=True):
            if record_id is not None:
                result["record"] = {key: record_id}
    for result in results:
        result.pop("_query", None)
        result.pop("_hits", None)


@dataclass(frozen=True, slots=True, repr=False)
class Recorder:
    """What a local Dask worker needs to record its own chunks: the store's URL (the same
    database as this process's: the workers run on this machine), who the records name, and
    the run they belong to."""

    database: str
    actor: str
    run_id: str

    def __repr__(self) -> str:
        # Dask may log a failed task's arguments: never the database password.
        from sqlalchemy.engine import make_url

        shown = make_url(self.database).render_as_string(hide_password=True)
        return f"Recorder({shown!r}, {self.actor!r}, {self.run_id!r})"


def _local_recorder(
    store: Any, run_id: str, workers: int, scheduler: str | None
) -> Recorder | None:
    """A recorder for the workers of a local cluster: recording a chunk costs about a third of
    screening it, and done in this process it would share the cores with the workers, one
    chunk at a time (two workers then ran no faster than one, recorded). Workers of a remote
    cluster (``scheduler``) may not reach this store (an SQLite file is this machine's), so
    their chunks are recorded here."""
    if store is None or scheduler is not None or workers < 2:
        return None
    url = store.url.render_as_string(hide_password=False)
    return Recorder(url, store.actor, run_id)


_WORKER_STORES: dict[tuple[str, str], Any] = {}


def _worker_store(recorder: Recorder) -> Any:
    """The store a worker records in, opened (and its schema checked) once a process."""
    key = (recorder.database, recorder.actor)
    store = _WORKER_STORES.get(key)
    if store is None:
        from earmark.store.core import Store

        store = _WORKER_STORES[key] = Store(recorder.database, recorder.actor)
    return store


IN_FLIGHT_PER_WORKER = 2  # chunks submitted ahead of the results, per worker


def _execute(
    todo: Iterator[tuple[int, list[dict[str, Any]]]],
    options: BatchOptions,
    workers: int,
    scheduler: str | None,
    runtime: Runtime | None = None,
    recorder: Recorder | None = None,
) -> Iterator[tuple[int, list[dict[str, Any]], list[dict[str, Any]], bool]]:
    """Each chunk to do, with its results, as they come (in order with one process), and
    whether the worker recorded it already (with a ``recorder``)."""
    if scheduler is None and workers == 1:
        for i, chunk in todo:
            yield i, chunk, screen_rows(chunk, options, runtime), False
        return
    from dask.distributed import Client, wait

    cluster = None
    if scheduler is None:
        cluster = _local_cluster(workers, options)
    try:
        client = Client(cluster if cluster is not None else scheduler, timeout="5s")
    except (OSError, ValueError, TypeError) as exc:
        if cluster is not None:
            cluster.close()
        raise BadInput("scheduler", f"cannot reach Dask scheduler {scheduler!r}: {exc}") from None
    try:
        # A bounded window of chunks in flight: the input is read as the workers need it,
        # never whole into memory, and each worker keeps its index loaded between chunks.
        window = IN_FLIGHT_PER_WORKER * max(workers, len(client.scheduler_info()["workers"]))
        pending: dict[Any, tuple[int, list[dict[str, Any]]]] = {}
        for i, chunk in todo:
            packed = pickle.dumps(chunk, protocol=pickle.HIGHEST_PROTOCOL)
            future = client.submit(_screen_packed, packed, options, recorder, i, pure=False)
            pending[future] = (i, chunk)
            while len(pending) >= window:
                yield from _finished(pending, wait(list(pending), return_when="FIRST_COMPLETED"))
        while pending:
            yield from _finished(pending, wait(list(pending), return_when="FIRST_COMPLETED"))
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _screen_packed(
    packed: bytes, options: BatchOptions, recorder: Recorder | None = None, chunk: int = 0
) -> bytes:
    """``screen_rows`` on a Dask worker, the rows and results as one pickled block each:
    Dask walks a list of dicts item by item looking for futures in it (about 20 µs a row in
    the client, which shares the cores with the workers); a block of bytes it passes as is.
    With a ``recorder`` the worker records the chunk itself (once: a chunk recorded before,
    by a worker that died before answering, keeps its records; ``record_batch_chunk``)."""
    gc.set_threshold(*BATCH_GC_THRESHOLD)  # a worker process runs batches only
    rows: list[dict[str, Any]] = pickle.loads(packed)
    results = screen_rows(rows, options)
    if recorder is not None:
        _keep(_worker_store(recorder), recorder.run_id, chunk, options.task, rows, results)
    for result in results:
        result.pop("_hits", None)  # the client looks the entries up again if it records
    return pickle.dumps((results, recorder is not None), protocol=pickle.HIGHEST_PROTOCOL)


def _local_cluster(workers: int, options: BatchOptions) -> Any:
    """A local Dask cluster of single-threaded worker processes. On Linux they are forked
    from this process after it has loaded the index (or the engine): each starts with it in
    memory, shared copy-on-write, instead of importing earmark and loading it again (about
    three seconds a worker when spawned; a tenth of a second forked)."""
    import dask
    from dask.distributed import LocalCluster

    method = "fork" if sys.platform == "linux" else "spawn"
    if method == "fork":
        rt = current()  # what a worker's chunks use (screen_rows without a runtime)
        screener = rt.engine.screener if options.task == "check" else rt.screener
        screener.current_index()
    with dask.config.set({"distributed.worker.multiprocessing-method": method}):
        return LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
        )


def _finished(
    pending: dict[Any, tuple[int, list[dict[str, Any]]]], waited: Any
) -> Iterator[tuple[int, list[dict[str, Any]], list[dict[str, Any]], bool]]:
    for future in waited.done:
        i, chunk = pending.pop(future)
        results, kept = pickle.loads(future.result())
        yield i, chunk, results, kept


def _check_same_job(parts: Path, input_path: Path, options: BatchOptions, store: Any = None) -> str:
    """Parts left by another input, other options, or another store (or none: --no-record)
    must not be mixed into this output. Returns the run's id: made when the run starts, kept
    across its resumes."""
    stamp = parts / "job.json"
    job = {
        "input": str(input_path.resolve()),
        "size": input_path.stat().st_size,
        "mtime": int(input_path.stat().st_mtime),
        "options": [
            str(v)
            for v in (
                options.as_of,
                options.threshold,
                options.limit,
                options.lists,
                options.allow_unknown,
            )
        ],
        "chunk_rows": CHUNK_ROWS,
    }
    records_to = store.describe() if store is not None else None
    if stamp.exists():
        try:
            previous = json.loads(stamp.read_text())
        except ValueError:
            previous = None
        if not isinstance(previous, dict):
            previous = {}
        run_id = previous.pop("run_id", None)
        was_recorded_to = previous.pop("records_to", None)
        if previous != job:
            raise BadInput(
                "out",
                f"{parts} holds an unfinished run of another input or other options; "
                "remove it or choose another output",
            )
        if isinstance(run_id, str):
            if was_recorded_to != records_to:
                said = was_recorded_to or "nowhere (--no-record)"
                raise BadInput(
                    "out",
                    f"{parts} holds an unfinished run that recorded to {said}; resume it the "
                    "same way, or remove it",
                )
            return run_id
        # A run begun before runs were recorded: it goes on as a run of its own from here.
    run_id = uuid.uuid4().hex
    _atomic_write(stamp, json.dumps({**job, "run_id": run_id, "records_to": records_to}))
    return run_id


def _part(parts: Path, i: int) -> Path:
    return parts / f"chunk-{i:06d}.jsonl"


def _write_part(
    parts: Path, i: int, chunk: list[dict[str, Any]], results: list[dict[str, Any]]
) -> None:
    # The counts first, then the rows: a part exists only once both are written.
    stats = {
        "rows": len(results),
        "errors": sum(1 for r in results if r["error"] is not None),
        "with_matches": sum(1 for r in results if r["matches"]),
        "recorded": sum(1 for r in results if r.get("record")),
    }
    _atomic_write(_part(parts, i).with_suffix(".stats"), json.dumps(stats))
    _atomic_write_bytes(_rejects_part(parts, i), _reject_lines(i, chunk, results))
    _atomic_write_bytes(_part(parts, i), b"".join(_json_line(r) for r in results))


def _rejects_part(parts: Path, i: int) -> Path:
    return _part(parts, i).with_suffix(".rejects")


def _reject_lines(i: int, chunk: list[dict[str, Any]], results: list[dict[str, Any]]) -> bytes:
    """A line per bad row: its number among the input's rows (1 = the first after a CSV
    header), the reason, and the row as it was read (JSON text that could not be read has
    none)."""
    lines = []
    for k, (row, result) in enumerate(zip(chunk, results, strict=True)):
        if result["error"] is None:
            continue
        read = None if "__error__" in row else row
        reject = {"row": i * CHUNK_ROWS + k + 1, "error": result["error"], "input": read}
        lines.append(_json_line(reject))
    return b"".join(lines)


def rejects_path(output: Path) -> Path:
    """Where a run's bad rows go: beside the output, ``NAME.rejects.jsonl``."""
    return output.with_name(output.stem + ".rejects.jsonl")


def _gather_rejects(parts: Path, n_chunks: int, output: Path) -> str | None:
    """The bad rows of every chunk, in input order, in one file beside the output; none (and
    no file left from an earlier run) when every row was good."""
    target = rejects_path(output)
    pieces = [_rejects_part(parts, i) for i in range(n_chunks)]
    if not any(p.exists() and p.stat().st_size for p in pieces):
        target.unlink(missing_ok=True)
        return None
    tmp = target.with_name(target.name + ".tmp")
    with tmp.open("wb") as fh:
        for piece in pieces:
            if piece.exists():
                with piece.open("rb") as part:
                    shutil.copyfileobj(part, fh)
    os.replace(tmp, target)
    return str(target)


# orjson: the rows serialised several times faster than json (a chunk is thousands of rows);
# a date or another value JSON has no type for is written as its text, as json's default=str.
_JSON_OPTIONS = (
    orjson.OPT_NON_STR_KEYS | orjson.OPT_PASSTHROUGH_DATETIME | orjson.OPT_APPEND_NEWLINE
)


def _json_line(row: dict[str, Any]) -> bytes:
    try:
        return orjson.dumps(row, default=str, option=_JSON_OPTIONS)
    except orjson.JSONEncodeError:
        # An integer beyond 64 bits or a lone surrogate (both can come in from JSON lines):
        # json writes them, the surrogate escaped.
        return (json.dumps(row, ensure_ascii=True, default=str) + "\n").encode("ascii")


def _atomic_write(path: Path, text: str) -> None:
    _atomic_write_bytes(path, text.encode("utf-8"))


def _atomic_write_bytes(path: Path, data: bytes) -> None:
    tmp = path.with_name(path.name + ".tmp")
    with tmp.open("wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def _results(parts: Path, n_chunks: int) -> Iterator[dict[str, Any]]:
    for i in range(n_chunks):
        with _part(parts, i).open("rb") as fh:
            for line in fh:
                yield orjson.loads(line)


def _assemble(
    parts: Path, n_chunks: int, out: Path, fmt: str, resumed: int, task: str = "screen"
) -> BatchSummary:
    if fmt == "jsonl":
        return _concatenate(parts, n_chunks, out, resumed)
    rows = errors = with_matches = recorded = 0
    tmp = out.with_name(out.name + ".tmp")
    flat: list[dict[str, Any]] = []
    with tmp.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=_flat_columns(task)) if fmt == "csv" else None
        if writer:
            writer.writeheader()
        for result in _results(parts, n_chunks):
            rows += 1
            errors += result["error"] is not None
            with_matches += bool(result["matches"])
            recorded += bool(result.get("record"))
            if writer:
                writer.writerows(spreadsheet_safe(row) for row in _flatten(result, task))
            else:
                flat.extend(_flatten(result, task))
    if fmt == "parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        columns = {c: [r[c] for r in flat] for c in _flat_columns(task)}
        pq.write_table(pa.table(columns), tmp)
    os.replace(tmp, out)
    return BatchSummary(rows, errors, with_matches, n_chunks, resumed, str(out), recorded)


def _concatenate(parts: Path, n_chunks: int, out: Path, resumed: int) -> BatchSummary:
    """JSON lines out: the parts are already the output, in order; join their bytes."""
    totals = {"rows": 0, "errors": 0, "with_matches": 0, "recorded": 0}
    tmp = out.with_name(out.name + ".tmp")
    with tmp.open("wb") as fh:
        for i in range(n_chunks):
            stats = json.loads(_part(parts, i).with_suffix(".stats").read_text())
            for key in totals:
                totals[key] += stats.get(key, 0)
            with _part(parts, i).open("rb") as part:
                shutil.copyfileobj(part, fh)
    os.replace(tmp, out)
    return BatchSummary(
        totals["rows"],
        totals["errors"],
        totals["with_matches"],
        n_chunks,
        resumed,
        str(out),
        totals["recorded"],
    )


CHECK_COLUMNS = ("id", "date", *ANSWER_FIELDS, "reasons", "error", "record_id")


def _flat_columns(task: str = "screen") -> list[str]:
    if task == "check":
        return list(CHECK_COLUMNS)
    return ["id", "name", *MATCH_COLUMNS, "error", "record_id"]


def _flatten_decision(result: dict[str, Any]) -> list[dict[str, Any]]:
    """One row per case: lists joined with "; ", reasons as JSON text."""
    row = {c: result.get(c) for c in CHECK_COLUMNS}
    for key in ("license_exceptions", "authorizations", "missing_facts"):
        row[key] = "; ".join(result.get(key) or []) or None  # lists as text in a flat row
    row["reasons"] = json.dumps(result.get("reasons") or [], ensure_ascii=False)
    row["id"] = _text(result.get("id"))
    row["record_id"] = (result.get("record") or {}).get("decision_id")
    return [row]


def _flatten(result: dict[str, Any], task: str = "screen") -> list[dict[str, Any]]:
    """One row per match; one row with empty match columns for an input without a match."""
    if task == "check":
        return _flatten_decision(result)
    base = {
        "id": _text(result["id"]),
        "name": _text(result["name"]),
        "error": result["error"],
        "record_id": (result.get("record") or {}).get("screening_id"),
    }
    if not result["matches"]:
        return [{**base, **dict.fromkeys(MATCH_COLUMNS)}]
    return [
        {
            **base,
            "entry_id": m["entry_id"],
            "list": m["list"],
            "listed_name": m["name"],
            "matched_name": m["matched_name"],
            "score": m["score"],
            "footnotes": ",".join(str(f) for f in m["footnotes"]),
            "license_policy": m.get("license_policy"),
        }
        for m in result["matches"]
    ]


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


# A cell a spreadsheet would read as a formula (OWASP "CSV injection"): "=HYPERLINK(...)",
# "+1", "-2+3", "@SUM(A1)", or one that starts with a tab or carriage return.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(row: dict[str, Any]) -> dict[str, Any]:
    """The row with every text cell that would start a formula prefixed by a single quote, so
    that a spreadsheet shows it as text. Numbers stay numbers; JSON lines and Parquet output
    keep the exact text (only CSV is opened in spreadsheets)."""
    return {k: _safe_cell(v) for k, v in row.items()}


def _safe_cell(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value
