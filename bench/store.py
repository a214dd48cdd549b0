"""Benchmark: recording determinations in the store, with the audit chain, and verifying it.

    .venv/bin/python bench/store.py [--n 2000] [--pg postgresql://postgres@127.0.0.1/postgres]

For each backend (a fresh SQLite file; a fresh PostgreSQL schema when --pg is reachable) it
records --n real decisions (cases from bench/determination.py, decided once before timing),
one transaction per decision as ``earmark check`` does, and times:
- earmark: ``record_decisions`` (decision row + hash-chained audit row + chain head update);
- baseline "plain insert": the same decision rows inserted with SQLAlchemy Core, one
  transaction each, no audit trail;
then ``audit verify`` over everything recorded (records checked per second). Prints the
ratios (earmark's cost of the audit trail over a plain insert).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from determination import generate

from earmark.rules import Engine
from earmark.store import audit
from earmark.store.audit import verify
from earmark.store.core import Store, dispose_all
from earmark.store.records import record_batch_chunk, record_decisions
from earmark.store.schema import decisions


def _pairs(n: int) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    engine = Engine()
    out = []
    for case in generate(n * 2):
        try:
            out.append((case, engine.check(case).to_dict()))
        except Exception:
            continue
        if len(out) == n:
            break
    return out


def _plain(store: Store, pairs: list[tuple[dict[str, Any], dict[str, Any]]]) -> None:
    for case, d in pairs:
        with store.engine.begin() as conn:
            conn.execute(
                decisions.insert().values(
                    at=audit.now(), actor="bench", case_id=d.get("id"), date=d["date"],
                    case=audit.canonical(case), decision=audit.canonical(d),
                    license_required=str(d["license_required"]).lower(),
                    data_version=d["data_version"],
                )
            )  # fmt: skip


def run(name: str, url: str, pairs: list[Any]) -> None:
    store = Store(url, actor="bench")
    t0 = time.perf_counter()
    for pair in pairs:
        record_decisions(store, [pair])
    earmark_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    with store.read() as conn:
        checked = verify(conn)
    verify_s = time.perf_counter() - t0
    assert checked.ok, checked.problems[:3]
    base = Store(url.replace("store.db", "plain.db") if name == "sqlite" else url, actor="b")
    t0 = time.perf_counter()
    _plain(base, pairs)
    plain_s = time.perf_counter() - t0
    n = len(pairs)
    print(f"{name}: earmark {n / earmark_s:,.0f} decisions/s recorded with the audit chain; "
          f"baseline plain insert {n / plain_s:,.0f}/s; ratio {plain_s / earmark_s:.2f}x "
          f"(earmark/baseline speed); verify {checked.records:,} audit records and "
          f"{n:,} decisions in {verify_s:.2f} s "
          f"({checked.records / verify_s:,.0f} records/s)")  # fmt: skip


def run_batch_chunks(name: str, url: str, pairs: list[Any]) -> None:
    """check-batch's recording: chunks of 2,000 decisions, one transaction each (bulk
    insert, audit rows appended with one statement), against the same rows inserted with
    one executemany per chunk and no audit trail."""
    store = Store(url, actor="bench")
    cases = [case for case, _ in pairs]
    results = [{**d, "error": None, "matches": d["matched_parties"]} for _, d in pairs]
    chunks = range(0, len(pairs), 2000)
    t0 = time.perf_counter()
    for k, i in enumerate(chunks):
        record_batch_chunk(store, "bench", k, "check", cases[i : i + 2000], results[i : i + 2000])
    earmark_s = time.perf_counter() - t0
    with store.read() as conn:
        assert verify(conn).ok  # before the baseline's rows (without audit) join them
    base = Store(url.replace("batch.db", "batch-plain.db") if name == "sqlite" else url)
    rows = [
        {
            "at": audit.now(), "actor": "bench", "case_id": d.get("id"), "date": d["date"],
            "case": audit.canonical(case), "decision": audit.canonical(d),
            "license_required": str(d["license_required"]).lower(),
            "data_version": d["data_version"],
        }
        for case, d in pairs
    ]  # fmt: skip
    t0 = time.perf_counter()
    for i in chunks:
        with base.engine.begin() as conn:
            conn.execute(decisions.insert(), rows[i : i + 2000])
    plain_s = time.perf_counter() - t0
    n = len(pairs)
    print(f"{name} (batch chunks of 2,000): earmark {n / earmark_s:,.0f} decisions/s with the "
          f"audit chain; baseline executemany {n / plain_s:,.0f}/s; "
          f"ratio {plain_s / earmark_s:.2f}x")  # fmt: skip


def run_group_screenings(name: str, url: str, n: int) -> None:
    """The service's recording: screenings submitted to the group-commit writer from 16
    threads by three users, written with one INSERT per table per group (``submit_bulk``),
    against the baseline of the same writer with one statement per record (``submit``)."""
    from concurrent.futures import ThreadPoolExecutor

    from batch import generate as generate_names
    from earmark.screening import Screener
    from earmark.store.group import GroupWriter
    from earmark.store.records import record_screening_in, record_screenings_in

    screener = Screener()
    results = [screener.screen(name) for _, name in generate_names(n)]

    def timed(bulk: bool, database: str) -> float:
        Store(database, "setup")
        writer = GroupWriter(database)

        def one(i: int) -> Any:
            r = results[i]
            if bulk:
                return writer.submit_bulk(f"u{i % 3}", r.data_version, record_screenings_in, r)
            return writer.submit(f"u{i % 3}", r.data_version, lambda tx: record_screening_in(tx, r))

        t0 = time.perf_counter()
        with ThreadPoolExecutor(16) as pool:
            for future in list(pool.map(one, range(len(results)))):
                future.result(60)
        seconds = time.perf_counter() - t0
        writer.close()
        return seconds

    one_by_one = timed(False, url.replace("group.db", "group-one.db"))
    bulk = timed(True, url)
    print(f"{name} (group commit, {len(results):,} screenings, 16 threads): bulk "
          f"{len(results) / bulk:,.0f}/s; baseline one statement a record "
          f"{len(results) / one_by_one:,.0f}/s; ratio {one_by_one / bulk:.2f}x")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=2000)
    parser.add_argument("--pg", default="postgresql://postgres@127.0.0.1:5432/postgres")
    args = parser.parse_args()
    pairs = _pairs(args.n)
    print(f"{len(pairs):,} decisions (generated cases, seed of bench/determination.py), "
          "one transaction each")  # fmt: skip
    with tempfile.TemporaryDirectory() as tmp:
        run("sqlite", f"sqlite:///{tmp}/store.db", pairs)
        run_batch_chunks("sqlite", f"sqlite:///{tmp}/batch.db", pairs * 5)
        run_group_screenings("sqlite", f"sqlite:///{tmp}/group.db", args.n)
    try:
        import psycopg

        with psycopg.connect(args.pg, autocommit=True, connect_timeout=5) as admin:
            schemas = ["bench_" + uuid.uuid4().hex[:8] for _ in range(2)]
            for schema in schemas:
                admin.execute(f"CREATE SCHEMA {schema}")
    except Exception as exc:
        print(f"postgresql: skipped ({exc})")
        return
    try:
        # One schema each: the plain-insert baseline of ``run`` writes rows without audit.
        urls = [f"{args.pg}?options=-csearch_path%3D{schema}" for schema in schemas]
        run("postgresql", urls[0], pairs)
        run_batch_chunks("postgresql", urls[1], pairs * 5)
    finally:
        dispose_all()
        with psycopg.connect(args.pg, autocommit=True) as admin:
            for schema in schemas:
                admin.execute(f"DROP SCHEMA {schema} CASCADE")


if __name__ == "__main__":
    main()
