"""Reading and writing the bundled data files under ``earmark/regdata/data``.

Files are gzip'd JSON written deterministically (sorted keys, gzip mtime 0), so that rebuilding
from the same sources gives byte-identical files and the same sha256.
"""

from __future__ import annotations

import gc
import gzip
import hashlib
import io
import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from earmark.errors import DataError

DATA_DIR = Path(__file__).resolve().parent / "data"
MANIFEST = DATA_DIR / "manifest.json"


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def sha256_file(path: Path) -> str:
    return sha256_bytes(path.read_bytes())


def dumps_json_gz(obj: Any) -> bytes:
    raw = json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", mtime=0, compresslevel=9) as gz:
        gz.write(raw)
    return buf.getvalue()


def write_json_gz(path: Path, obj: Any) -> str:
    """Write ``obj`` to ``path`` and return the sha256 of the bytes written."""
    data = dumps_json_gz(obj)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return sha256_bytes(data)


def read_json_gz(path: Path) -> Any:
    try:
        return json.loads(gzip.decompress(path.read_bytes()))
    except FileNotFoundError as exc:
        raise DataError(f"bundled data file missing: {path.name}") from exc
    except (OSError, EOFError, json.JSONDecodeError) as exc:
        raise DataError(f"bundled data file corrupt: {path.name}: {exc}") from exc


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while building many acyclic objects.

    Loading a snapshot creates hundreds of thousands of tuples and dataclasses, none of them in
    a reference cycle; the collector's repeated passes over them cost more than the load itself
    (0.3-0.5 s against 0.14 s for the 2026 CSL, bench/regdata_load.py).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def read_manifest() -> dict[str, Any]:
    try:
        manifest: dict[str, Any] = json.loads(MANIFEST.read_text())
    except FileNotFoundError as exc:
        raise DataError("bundled data manifest missing: run scripts/build_regdata.py") from exc
    return manifest
