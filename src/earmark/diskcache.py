"""An on-disk cache of built objects (screening indexes, the pinyin lexicon), so that a command
starts in a second.

Building the index of the 2026 CSL (57,000 names and aliases) takes about twenty seconds;
loading a built one (screening/compact.py) about a tenth of a second. Reading the Chinese
lexicon in pinyin takes a second with pypinyin's tables; loading it, milliseconds. A cache
file is keyed by the data version and by a fingerprint of the code and word lists that shape
what it holds, so a new list snapshot or a change to the normalisation never reuses a stale
one. It lives in ``$EARMARK_CACHE_DIR``, else ``$XDG_CACHE_HOME/earmark``, else
``~/.cache/earmark``; a cache that cannot be read or written is ignored (the object is built
instead). Only files this process's user wrote there are loaded.
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
import tempfile
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")
_PACKAGE = Path(__file__).resolve().parent


def cache_dir() -> Path:
    if os.environ.get("EARMARK_CACHE_DIR"):
        return Path(os.environ["EARMARK_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "earmark"


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """Hash of the files whose content shapes what is cached: name analysis and screening
    code, and regdata's (the cached objects hold its list entries: model.py, codec.py)."""
    h = hashlib.sha256()
    paths = [_PACKAGE / "compact.py", _PACKAGE / "diskcache.py"]
    for folder in ("names", "names/data", "screening", "regdata"):
        paths += sorted((_PACKAGE / folder).glob("*"))
    for path in paths:
        if path.is_file() and path.suffix in (".py", ".toml", ".json", ".gz"):
            h.update(path.name.encode())
            h.update(path.read_bytes())
    return h.hexdigest()[:16]


def cached(name: str, data_version: str, build: Callable[[], T]) -> T:
    """The object cached under ``name`` for this data version and code, or ``build()``."""
    if os.environ.get("EARMARK_NO_CACHE"):
        return build()
    path = cache_dir() / f"{name}-{data_version}-{code_fingerprint()}.pickle"
    try:
        if path.is_file() and path.stat().st_uid == os.getuid():
            enabled = gc.isenabled()
            gc.disable()  # many acyclic objects: the collector's passes cost more than the load
            try:
                with path.open("rb") as fh:
                    obj: T = pickle.load(fh)
            finally:
                if enabled:
                    gc.enable()
            return obj
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        pass  # unreadable or from other code: rebuild below
    obj = build()
    _store(path, name, obj)
    return obj


def _store(path: Path, name: str, obj: object) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(obj, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        _prune(path, name)
    except OSError:
        pass


KEEP = 3  # versions of one object kept (two checkouts or installs in turn do not rebuild)


def _prune(path: Path, name: str) -> None:
    """Remove all but the KEEP newest files of ``name`` (older data or code)."""
    others = [p for p in path.parent.glob(f"{name}-*.pickle") if p != path]
    others.sort(key=lambda p: p.stat().st_mtime, reverse=True)
    for old in others[KEEP - 1 :]:
        old.unlink(missing_ok=True)
