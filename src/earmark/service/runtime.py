"""One settings object, read once, and one runtime per process.

The runtime holds what is slow to build (the regulatory data, the screening index, the rules
engine) and opens the store; a request gets a :class:`~earmark.store.core.Store` that names
the caller (the key's owner) in the audit trail.
"""

from __future__ import annotations

import os
import threading
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from earmark.errors import BadInput
from earmark.store.core import Store


def _env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or not raw.strip():
        return default
    try:
        return int(raw)
    except ValueError:
        raise BadInput(name, f"a whole number, not {raw!r}") from None


@dataclass(frozen=True)
class Settings:
    """The service's settings: arguments of ``earmark serve`` over ``EARMARK_*`` variables."""

    database: str | None = None
    max_body_bytes: int = 1_000_000  # JSON requests
    max_upload_bytes: int = 64_000_000  # batch files and list versions
    rate_per_minute: int = 6_000  # per key
    key_cache_seconds: float = 5.0  # a revoked key stops working within this time
    jobs_dir: Path | None = None  # batch jobs (default: beside the SQLite file or a temp dir)
    record_default: bool = True  # screen and check record unless the request says not

    @classmethod
    def from_env(cls, database: str | None = None) -> Settings:
        jobs = os.environ.get("EARMARK_JOBS_DIR")
        return cls(
            database=database or os.environ.get("EARMARK_DATABASE_URL") or None,
            max_body_bytes=_env_int("EARMARK_MAX_BODY_BYTES", 1_000_000),
            max_upload_bytes=_env_int("EARMARK_MAX_UPLOAD_BYTES", 64_000_000),
            rate_per_minute=_env_int("EARMARK_RATE_PER_MINUTE", 6_000),
            jobs_dir=Path(jobs) if jobs else None,
        )


@dataclass
class Runtime:
    """What a process loads once: regdata, screener, engine; and the store's location."""

    settings: Settings
    engine: Any = None
    started: float = field(default_factory=time.time)
    writer: Any = None  # the group-commit writer of screenings and decisions
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def __post_init__(self) -> None:
        if self.engine is None:
            from earmark.rules import Engine

            self.engine = Engine()
        self.engine.screener.current_index()  # build the index now, not on the first request
        Store(self.settings.database, "earmark-service")  # migrate the store once, up front
        from earmark.store.group import GroupWriter

        self.writer = GroupWriter(self.settings.database)

    @property
    def regdata(self) -> Any:
        return self.engine.regdata

    @property
    def screener(self) -> Any:
        return self.engine.screener

    def store(self, actor: str) -> Store:
        return Store(self.settings.database, actor)

    def reload(self) -> None:
        """After a list version is loaded or unloaded: the data, index and engine anew."""
        from earmark.regdata import load_regdata
        from earmark.rules import Engine

        with self._lock:
            load_regdata.cache_clear()
            engine = Engine()
            engine.screener.current_index()
            self.engine = engine

    def jobs_dir(self) -> Path:
        if self.settings.jobs_dir is not None:
            path = self.settings.jobs_dir
        else:
            store = self.store("earmark-service")
            db = store.url.database if store.dialect == "sqlite" else None
            if db and db != ":memory:":
                path = Path(db).parent / "jobs"
            else:
                import tempfile

                path = Path(tempfile.gettempdir()) / "earmark-jobs"
        path.mkdir(parents=True, exist_ok=True)
        return path

    def list_age_days(self) -> int:
        newest: date = self.regdata.lists.newest_snapshot
        return (date.today() - newest).days
