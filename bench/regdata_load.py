"""Benchmark: loading the regulatory data, against named baselines, in one run.

    .venv/bin/python bench/regdata_load.py [--repeat 5]

What is measured (median of --repeat runs, each from a cold cache in this process):

1. ``lists``: what ``earmark lists`` needs: manifest, history index, per-list counts and dates
   on a date. Baseline "raw sources": parse every source file in ../shared/data with the same
   parsers the build uses and compute the histories (what earmark would do with no bundle).
2. ``newest snapshot``: the 25,921 entries of the 2026 CSL as ListEntry objects. Baselines:
   "raw source" (the reduced CSL JSON parsed by earmark.regdata.sources.csl);
   "object-per-entry JSON" (the same entries stored as one JSON object each, read back with
   ListEntry.from_dict: the format earmark used before its compact codec); and the same with
   the garbage collector paused as earmark does, to show what the codec alone brings.
3. ``EAR tables``: Country Chart, Country Groups, CCL and Part 740 from the bundle (no baseline
   beyond the 0.2 s budget).

Prints seconds and the ratio baseline / earmark. Needs ../shared/data for the raw baselines.
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared" / "data"
sys.path.insert(0, str(REPO / "scripts"))


def timed(fn: Callable[[], Any], repeat: int) -> float:
    runs = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - t)
    return statistics.median(runs)


def earmark_lists() -> None:
    from earmark.regdata import RegData
    from earmark.regdata.bundle import read_manifest

    rd = RegData(read_manifest())
    rd.list_versions(date(2020, 1, 1))


def raw_lists() -> None:
    import build_regdata
    from earmark.regdata.lists import ListStore
    from earmark.regdata.model import Dataset, Provenance
    from earmark.regdata.timeline import load_timeline

    parsed = build_regdata.parse_all(SHARED)
    entries = build_regdata.enrich(parsed, load_timeline())
    datasets = []
    for ds, items in entries.items():
        counts: dict[str, int] = {}
        for e in items:
            counts[e.list] = counts.get(e.list, 0) + 1
        snapshot = date.fromisoformat(build_regdata.SOURCES[ds]["snapshot"])
        prov = Provenance(source=ds, origin="", snapshot=snapshot, source_sha256="")
        primary = ds not in build_regdata.ALTERNATE
        datasets.append(Dataset(ds, ds, "lists", prov, "", counts, primary))
    store = ListStore(datasets, loader=lambda ds: entries[ds])
    day = date(2020, 1, 1)
    sum(1 for h in store.compute_histories().values() if h.listed_on(day))


def earmark_snapshot() -> None:
    from earmark.regdata.lists import _load_bundled

    _load_bundled("csl-2026-07-31")


def raw_snapshot() -> None:
    from earmark.regdata.sources.csl import parse_csl_reduced_json

    parse_csl_reduced_json(SHARED / "csl/screening-list_2026-07-31.reduced.json.gz")


def object_json_snapshot_factory(pause_gc: bool) -> Callable[[], None]:
    from earmark.regdata.bundle import gc_paused
    from earmark.regdata.lists import _load_bundled
    from earmark.regdata.model import ListEntry

    blob = gzip.compress(
        json.dumps([e.to_dict() for e in _load_bundled("csl-2026-07-31")]).encode(), 9
    )

    def load() -> None:
        [ListEntry.from_dict(d) for d in json.loads(gzip.decompress(blob))]

    def load_paused() -> None:
        with gc_paused():
            load()

    return load_paused if pause_gc else load


def earmark_tables() -> None:
    from earmark.regdata.ear_tables import load_ear_tables

    load_ear_tables.cache_clear()
    load_ear_tables()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    have_shared = SHARED.is_dir()
    rows: list[tuple[str, float, str, float | None]] = []
    rows.append(
        ("lists (counts as of a date)", timed(earmark_lists, args.repeat), "raw sources",
         timed(raw_lists, 1) if have_shared else None)
    )  # fmt: skip
    snap = timed(earmark_snapshot, args.repeat)
    rows.append(
        ("newest snapshot (2026 CSL)", snap, "raw source",
         timed(raw_snapshot, args.repeat) if have_shared else None)
    )  # fmt: skip
    rows.append(
        ("newest snapshot (2026 CSL)", snap, "object-per-entry JSON",
         timed(object_json_snapshot_factory(False), args.repeat))
    )  # fmt: skip
    rows.append(
        ("newest snapshot (2026 CSL)", snap, "object JSON, GC paused too",
         timed(object_json_snapshot_factory(True), args.repeat))
    )  # fmt: skip
    rows.append(("EAR tables", timed(earmark_tables, args.repeat), "-", None))
    print(f"{'what':30} {'earmark s':>10}  {'baseline':24} {'baseline s':>10} {'ratio':>7}")
    for what, ours, name, base in rows:
        ratio = f"{base / ours:6.1f}x" if base else "-"
        base_s = f"{base:10.3f}" if base else f"{'-':>10}"
        print(f"{what:30} {ours:10.3f}  {name:24} {base_s} {ratio:>7}")
    if not have_shared:
        print("(../shared/data not found: raw-source baselines skipped)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
