"""Rebuild the data bundled in earmark (src/earmark/regdata/data) from ../shared/data.

    python scripts/build_regdata.py --shared ../shared/data

Reproducible: the same sources give byte-identical files (sorted keys, gzip mtime 0). Prints
each dataset with its counts and the quirks its parser handled.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

from earmark.regdata import codec
from earmark.regdata.bundle import DATA_DIR, MANIFEST, sha256_file, write_json_gz
from earmark.regdata.continuity import Joiner, carry_ids_forward
from earmark.regdata.effective import effective_date
from earmark.regdata.fedreg import Citation, PageDates, earliest, parse_citations
from earmark.regdata.lists import HISTORY_FILE, ListStore, encode_histories
from earmark.regdata.model import Dataset, ListEntry, Provenance
from earmark.regdata.sources.common import Parsed
from earmark.regdata.timeline import Timeline, load_timeline

# What each list source is and where it came from (data/SOURCES.md).
SOURCES: dict[str, dict[str, str]] = {
    "csl-2026-07-31": {
        "title": "Consolidated Screening List (trade.gov), reduced JSON",
        "path": "csl/screening-list_2026-07-31.reduced.json.gz",
        "origin": "seelpeed-debug/export-controls-agent-mcp src/data/screening-list.json @ "
        "5847b092f2a44117b2e18d06a8c6aa3e16106250 (2026-08-02), built from "
        "https://data.trade.gov/downloadable_consolidated_screening_list/v1/consolidated.json",
        "snapshot": "2026-07-31",
        "licence": "compilation MIT (c) 2026 seelpeed-debug; data US Government work",
        "notes": "Street addresses, start dates, remarks and ids dropped by the compiler; "
        "addresses and dates are restored from the 2022 CSL and the eCFR parse where the "
        "same entry is there.",
    },
    "csl-2022-05-16": {
        "title": "Consolidated Screening List (trade.gov), full CSV",
        "path": "csl/consolidated_2022-05.csv.gz",
        "origin": "moov-io/watchman pkg/csl/testdata/consolidated.csv.gz @ "
        "cb4dc141c8d7d3c58e3d17c7ea6bd4b1da1e6102 (2022-05-16)",
        "snapshot": "2022-05-16",
        "licence": "repository Apache-2.0; data US Government work",
        "notes": "Newest start_date 2022-04-21.",
    },
    "ofac-sdn-2024-05-03": {
        "title": "OFAC SDN list, legacy sdn.csv",
        "path": "ofac_sdn/sdn_2024-05-03.csv.gz",
        "origin": "jackdwyer/specially-designated-nationals-list sdn.csv @ "
        "a5ec3c5ee4aae1b36ba24897a051787ea5429d30 (2024-05-03), fetched from "
        "https://www.treasury.gov/ofac/downloads/sdn.csv",
        "snapshot": "2024-05-03",
        "licence": "data US Government work",
        "notes": "Primary records only: aliases come from the Remarks a.k.a. clauses.",
    },
    "ofac-sdn-2021-07-07": {
        "title": "OFAC SDN list, legacy CSV set (sdn, add, alt, sdn_comments)",
        "path": "ofac_sdn/set_2021-07",
        "origin": "moov-io/watchman test/testdata/bench/*.csv @ "
        "05de774492342c15b4fda08c836e1e0b1781b38e (2021-07-07)",
        "snapshot": "2021-07-07",
        "licence": "repository Apache-2.0; data US Government work",
        "notes": "",
    },
    "ecfr-el-2026-07-09": {
        "title": "Entity List (Supp. No. 4 to Part 744), parsed from the eCFR text",
        "path": "entity_list/nsfreg_bis_entity_list_2026-07-09.json.gz",
        "origin": "phagehunter/nsfreg data/bis_entity_list.json @ "
        "f77a4b987820c683fdba8b3d2137dd0e8cf1e88f (2026-07-09)",
        "snapshot": "2026-07-09",
        "licence": "data US Government work",
        "notes": "Alternate parse used to enrich the CSL: first FR citation only, license "
        "requirement cut to 200 characters, no review policy, affiliates folded in.",
    },
    "ecfr-meu-2026-07-09": {
        "title": "Military End-User List (Supp. No. 7 to Part 744), parsed from the eCFR",
        "path": "entity_list/nsfreg_bis_meu_2026-07-09.json",
        "origin": "phagehunter/nsfreg data/bis_meu.json @ "
        "f77a4b987820c683fdba8b3d2137dd0e8cf1e88f (2026-07-09)",
        "snapshot": "2026-07-09",
        "licence": "data US Government work",
        "notes": "Alternate parse used to enrich the CSL MEU entries.",
    },
}
ALTERNATE = {"ecfr-el-2026-07-09", "ecfr-meu-2026-07-09"}


def parse_all(shared: Path) -> dict[str, Parsed]:
    # Imported here: these modules read the country registry the EAR-table step writes first.
    from earmark.regdata.sources.csl import parse_csl_csv, parse_csl_reduced_json
    from earmark.regdata.sources.entity_list import parse_nsfreg
    from earmark.regdata.sources.ofac import parse_sdn_set

    def path(ds: str) -> Path:
        return shared / SOURCES[ds]["path"]

    parsed = {
        "csl-2026-07-31": parse_csl_reduced_json(path("csl-2026-07-31")),
        "csl-2022-05-16": parse_csl_csv(path("csl-2022-05-16")),
        "ofac-sdn-2024-05-03": parse_sdn_set(path("ofac-sdn-2024-05-03")),
        "ofac-sdn-2021-07-07": parse_sdn_set(path("ofac-sdn-2021-07-07")),
        "ecfr-el-2026-07-09": parse_nsfreg(path("ecfr-el-2026-07-09"), "EL"),
        "ecfr-meu-2026-07-09": parse_nsfreg(path("ecfr-meu-2026-07-09"), "MEU"),
    }
    renames = carry_ids_forward(parsed["csl-2022-05-16"], parsed["csl-2026-07-31"])
    parsed["csl-2026-07-31"].report.note("ids_carried_forward", len(renames))
    return parsed


def page_dates(parsed: dict[str, Parsed], timeline: Timeline) -> PageDates:
    """Every dated citation the sources and the timeline hold: the page-to-date table."""
    known: list[Citation] = []
    for p in parsed.values():
        for cites in p.dated_citations.values():
            known.extend(cites)
        for e in p.entries:
            first = earliest([c for t in e.federal_register for c in parse_citations(t)])
            if e.start_date and first and e.start_date.year == first.year:
                known.append(replace(first, published=e.start_date))
    for event in timeline.events:
        if event.citation and event.published:
            known.extend(
                replace(c, published=event.published) for c in parse_citations(event.citation)
            )
    return PageDates(known)


def enrich(parsed: dict[str, Parsed], timeline: Timeline) -> dict[str, list[ListEntry]]:
    pages = page_dates(parsed, timeline)
    older = Joiner(parsed["csl-2022-05-16"].entries)
    ecfr = Joiner(parsed["ecfr-el-2026-07-09"].entries + parsed["ecfr-meu-2026-07-09"].entries)
    ecfr_dated = {
        **parsed["ecfr-el-2026-07-09"].dated_citations,
        **parsed["ecfr-meu-2026-07-09"].dated_citations,
    }
    out: dict[str, list[ListEntry]] = {}
    for ds, p in parsed.items():
        enriched = []
        for e in p.entries:
            dated = list(p.dated_citations.get(e.id, []))
            start = e.start_date
            if ds == "csl-2026-07-31":
                prior, parsed_ecfr = older.find(e), ecfr.find(e)
                if prior is not None:
                    start = start or prior.start_date
                    e = _fill(e, prior, "csl2022")
                if parsed_ecfr is not None:
                    dated += ecfr_dated.get(parsed_ecfr.id, [])
                    e = _fill(e, parsed_ecfr, "ecfr")
            if e.federal_register or start:
                eff = effective_date(
                    e.federal_register,
                    timeline=timeline,
                    start_date=start,
                    dated=dated,
                    pages=pages,
                )
                e = replace(e, effective=eff, start_date=start)
            enriched.append(e)
        out[ds] = enriched
    return out


def _fill(entry: ListEntry, other: ListEntry, tag: str) -> ListEntry:
    """Take what the reduced CSL dropped (addresses, remarks) from the same entry elsewhere.

    The other source's ids are kept, re-tagged with the source (``csl2022:<_id>``), so that an
    enriched field can be traced to where it came from.
    """
    ids = (f"{tag}:{s.split(':', 1)[-1]}" for s in other.source_ids)
    return replace(
        entry,
        addresses=entry.addresses or other.addresses,
        remarks=entry.remarks or other.remarks,
        type=entry.type or other.type,
        source_ids=tuple(dict.fromkeys((*entry.source_ids, *ids))),
    )


def source_sha256(path: Path) -> str:
    if path.is_dir():
        h = hashlib.sha256()
        for f in sorted(path.iterdir()):
            h.update(f.name.encode())
            h.update(bytes.fromhex(sha256_file(f)))
        return h.hexdigest()
    return sha256_file(path)


def write_lists(
    shared: Path, out: Path, entries: dict[str, list[ListEntry]], parsed: dict[str, Parsed]
) -> list[Dataset]:
    datasets = []
    for ds, items in entries.items():
        info = SOURCES[ds]
        counts: dict[str, int] = {}
        for e in items:
            counts[e.list] = counts.get(e.list, 0) + 1
        sha = write_json_gz(out / "lists" / f"{ds}.json.gz", codec.encode(ds, items))
        quirks = ", ".join(f"{k}: {v}" for k, v in sorted(parsed[ds].report.quirks.items()))
        notes = info["notes"] + (f" Quirks handled: {quirks}." if quirks else "")
        datasets.append(
            Dataset(
                id=ds,
                title=info["title"],
                kind="lists",
                provenance=Provenance(
                    source=info["title"],
                    origin=info["origin"],
                    snapshot=date.fromisoformat(info["snapshot"]),
                    source_sha256=source_sha256(shared / info["path"]),
                    licence=info["licence"],
                    notes=notes.strip(),
                ),
                sha256=sha,
                counts=dict(sorted(counts.items())),
                primary=ds not in ALTERNATE,
            )
        )
    return datasets


def build(shared: Path, out: Path = DATA_DIR) -> list[Dataset]:
    from earmark.regdata.sources.ear_tables import build_ear_tables

    tables = build_ear_tables(shared, out)
    timeline = load_timeline()
    parsed = parse_all(shared)
    entries = enrich(parsed, timeline)
    lists = write_lists(shared, out, entries, parsed)
    store = ListStore(lists, loader=lambda ds: entries[ds])
    write_json_gz(out / "lists" / HISTORY_FILE, encode_histories(store.compute_histories()))
    timeline_path = DATA_DIR / "timeline.toml"
    by_sha = {sha256_file(f): f.relative_to(out).as_posix() for f in out.rglob("*.json.gz")}
    datasets = [replace(d, file=by_sha[d.sha256]) for d in [*lists, *tables]]
    manifest = {
        "datasets": [d.to_dict() for d in datasets],
        "timeline_sha256": sha256_file(timeline_path),
    }
    (out / MANIFEST.name).write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n")
    for ds, p in parsed.items():
        print(f"{ds}: {p.report.rows} rows -> {p.report.entries} entries; quirks {p.report.quirks}")
    return datasets


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--shared", type=Path, default=Path("../shared/data"))
    ap.add_argument("--out", type=Path, default=DATA_DIR)
    args = ap.parse_args(argv)
    if not args.shared.is_dir():
        print(f"build_regdata: --shared: no such directory {args.shared}", file=sys.stderr)
        return 2
    for d in build(args.shared, args.out):
        print(f"  {d.id:28} {d.sha256[:12]}  {d.counts}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
