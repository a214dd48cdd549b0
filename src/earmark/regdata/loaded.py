"""List versions the user loads: a new Consolidated Screening List beside the bundled ones.

Lists change every week; a compliance team loads the new CSL without waiting for a release::

    earmark lists load consolidated.csv --snapshot 2026-09-01

The file (trade.gov's consolidated CSV, or the reduced JSON earmark bundles) is parsed as the
bundle's build parses it; entries of the newest CSL snapshot keep their ids when they continue
in the new one (:mod:`.continuity`); new entries are dated from their start date or Federal
Register citation. The snapshot is written under ``<data dir>/lists/`` with a manifest and a
history index over every snapshot, bundled and loaded, so that the lists as of any date, the
screenings, the determinations and ``earmark impact`` all see it. The data version changes
with it, so every record says which list versions it was made with.

A CSL snapshot stands for every list it carries: an entry missing from it is read as removed on
its date. A file holding much less than the previous snapshot of a list (a filtered export, a
truncated download) is refused rather than read as mass removals.
"""

from __future__ import annotations

import gzip
import json
import os
import tempfile
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from earmark.errors import BadInput, DataError
from earmark.paths import data_dir
from earmark.regdata import codec
from earmark.regdata.bundle import (
    DATA_DIR,
    dumps_json_gz,
    read_json_gz,
    sha256_bytes,
    sha256_file,
)
from earmark.regdata.lists import HISTORY_FILE, ListStore, encode_histories
from earmark.regdata.model import Dataset, ListEntry, Provenance
from earmark.regdata.sources.common import Parsed, ParseReport

LOCAL_MANIFEST = "loaded.json"
MIN_SHARE = 0.5  # of the previous snapshot's entries of a list, below which a file is refused
CSV_COLUMNS = ("_id", "source", "entity_number", "name", "alt_names", "addresses", "type")


def lists_dir() -> Path:
    return data_dir() / "lists"


def loaded_datasets() -> list[Dataset]:
    """The list versions the user loaded (none: an empty list)."""
    path = lists_dir() / LOCAL_MANIFEST
    if not path.is_file():
        return []
    try:
        doc: dict[str, Any] = json.loads(path.read_text())
        return [Dataset.from_dict(d) for d in doc["datasets"]]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise DataError(f"loaded list versions unreadable: {path}: {exc!r}") from exc


def history_path() -> Path:
    return lists_dir() / HISTORY_FILE


def read_loaded(dataset_id: str) -> list[ListEntry]:
    """A snapshot's entries: the user's loaded file, else the bundled one."""
    local = lists_dir() / f"{dataset_id}.json.gz"
    path = local if local.is_file() else DATA_DIR / "lists" / f"{dataset_id}.json.gz"
    return codec.decode(read_json_gz(path))


def load_list_version(
    path: Path, snapshot: date, bundled: list[Dataset], fmt: str | None = None
) -> Dataset:
    """Parse ``path`` as a CSL snapshot of ``snapshot`` and add it; returns its dataset."""
    if not path.is_file():
        raise BadInput("file", f"{path} is not a readable file")
    if snapshot > date.today():
        raise BadInput("snapshot", f"{snapshot} is in the future")
    existing = bundled + loaded_datasets()
    primary = [d for d in existing if d.primary and d.id.startswith("csl-")]
    newest = max(primary, key=lambda d: d.provenance.snapshot)
    if snapshot <= newest.provenance.snapshot:
        raise BadInput(
            "snapshot",
            f"{snapshot} is not after the newest CSL snapshot {newest.id}: a list version "
            "is loaded in date order",
        )
    from earmark.regdata.continuity import carry_ids_forward

    parsed = _parse(path, fmt or _format_of(path))
    previous = Parsed(read_loaded(newest.id), ParseReport())
    renames = carry_ids_forward(previous, parsed)
    parsed.report.note("ids_carried_forward", len(renames))
    entries = _dated(parsed)
    counts = _counts(entries)
    _check_complete(counts, newest)
    dataset_id = f"csl-{snapshot.isoformat()}"
    body = dumps_json_gz(codec.encode(dataset_id, entries))
    quirks = ", ".join(f"{k}: {v}" for k, v in sorted(parsed.report.quirks.items()))
    dataset = Dataset(
        id=dataset_id,
        title="Consolidated Screening List (trade.gov), loaded by the user",
        kind="lists",
        provenance=Provenance(
            source=path.name,
            origin=f"loaded from {path.resolve()}",
            snapshot=snapshot,
            source_sha256=sha256_file(path),
            licence="data US Government work",
            notes=f"Quirks handled: {quirks}." if quirks else "",
        ),
        sha256=sha256_bytes(body),
        counts=counts,
        primary=True,
        file=f"{dataset_id}.json.gz",
    )
    _write(dataset, body, bundled)
    return dataset


def unload_list_version(dataset_id: str, bundled: list[Dataset]) -> Dataset:
    """Remove a loaded list version (bundled versions cannot be removed)."""
    loaded = loaded_datasets()
    match = [d for d in loaded if d.id == dataset_id]
    if not match:
        known = ", ".join(d.id for d in loaded) or "none"
        raise BadInput("dataset", f"{dataset_id!r} is not a loaded list version (loaded: {known})")
    rest = [d for d in loaded if d.id != dataset_id]
    _save(rest, bundled)
    (lists_dir() / f"{dataset_id}.json.gz").unlink(missing_ok=True)
    return match[0]


# -- parsing --------------------------------------------------------------------------------


def _format_of(path: Path) -> str:
    name = path.name.lower().removesuffix(".gz")
    if name.endswith(".csv"):
        return "csv"
    if name.endswith(".json"):
        return "json"
    raise BadInput("format", f"cannot tell the format of {path.name}: give --format csv|json")


def _parse(path: Path, fmt: str) -> Parsed:
    from earmark.regdata.sources.csl import parse_csl_csv, parse_csl_reduced_json

    if fmt not in ("csv", "json"):
        raise BadInput("format", f"{fmt!r}: expected csv (trade.gov consolidated.csv) or json")
    try:
        if fmt == "csv":
            _check_header(path)
            return parse_csl_csv(path)
        return parse_csl_reduced_json(path)
    except BadInput:
        raise
    except RecursionError:  # JSON nested past the parser's depth: not a CSL file
        raise BadInput("file", f"{path.name} is not a CSL {fmt} file: nested too deeply") from None
    except (KeyError, ValueError, TypeError, UnicodeDecodeError, OSError, EOFError) as exc:
        raise BadInput("file", f"{path.name} is not a CSL {fmt} file: {exc!r}") from exc


def _check_header(path: Path) -> None:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8-sig") as fh:  # the header line only
        first = fh.readline().strip()
    missing = [c for c in CSV_COLUMNS if c not in first.split(",")]
    if missing:
        raise BadInput("file", f"{path.name}: missing CSL columns {', '.join(missing)}")


def _dated(parsed: Parsed) -> list[ListEntry]:
    """Entries with their effective dates, from start date and citations, as the build does."""
    from earmark.regdata.effective import effective_date
    from earmark.regdata.timeline import load_timeline

    timeline = load_timeline()
    out = []
    for e in parsed.entries:
        if e.federal_register or e.start_date:
            eff = effective_date(
                e.federal_register,
                timeline=timeline,
                start_date=e.start_date,
                dated=list(parsed.dated_citations.get(e.id, [])),
            )
            e = replace(e, effective=eff)
        out.append(e)
    return out


def _counts(entries: list[ListEntry]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for e in entries:
        counts[e.list] = counts.get(e.list, 0) + 1
    return dict(sorted(counts.items()))


def _check_complete(counts: dict[str, int], previous: Dataset) -> None:
    short = [
        f"{code} {counts.get(code, 0):,} against {n:,}"
        for code, n in previous.counts.items()
        if n >= 20 and counts.get(code, 0) < MIN_SHARE * n
    ]
    if short:
        raise BadInput(
            "file",
            f"holds far fewer entries than {previous.id} ({'; '.join(short)}): a CSL snapshot "
            "must be the whole list, or every entry missing from it would read as removed",
        )


# -- writing ----------------------------------------------------------------------------------


def _write(dataset: Dataset, body: bytes, bundled: list[Dataset]) -> None:
    folder = lists_dir()
    folder.mkdir(parents=True, exist_ok=True)
    _atomic(folder / f"{dataset.id}.json.gz", body)
    _save([*loaded_datasets(), dataset], bundled)


def _save(loaded: list[Dataset], bundled: list[Dataset]) -> None:
    """Write the history index over every snapshot, then the manifest that makes it live."""
    folder = lists_dir()
    if loaded:
        store = ListStore([*bundled, *loaded], loader=read_loaded)
        _atomic(history_path(), dumps_json_gz(encode_histories(store.compute_histories())))
    else:
        history_path().unlink(missing_ok=True)
    doc = {"datasets": [d.to_dict() for d in loaded]}
    _atomic(folder / LOCAL_MANIFEST, (json.dumps(doc, indent=1, sort_keys=True) + "\n").encode())


def _atomic(path: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
