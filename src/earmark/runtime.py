"""One settings object, read once, and one runtime per process, for every entry point.

:class:`Settings` is read from the environment in one place (:meth:`Settings.from_env`), with
an entry point's options over it (``earmark ... --database URL --user NAME``, ``earmark serve
--database``). :class:`Runtime` holds what is slow to build, each part made on first use and
then kept: the regulatory data, the screener (its index), the rules engine, and the store (a
command that never records never imports SQLAlchemy). The command line, the batch runner and
the service all take them from here; :func:`current` is this process's runtime.

This module sits above the library (regdata → … → store) and below its entry points (batch,
cli, service); it imports the library only inside the methods that need each part, so that
importing it costs nothing (``earmark --version`` stays at a tenth of a second).
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from earmark.errors import BadInput
from earmark.paths import data_dir as default_data_dir

if TYPE_CHECKING:  # pragma: no cover
    from earmark.regdata import RegData
    from earmark.rules import Engine
    from earmark.screening import Screener
    from earmark.store.core import Store
    from earmark.store.group import GroupWriter

ENV_DATABASE = "EARMARK_DATABASE_URL"
ENV_USER = "EARMARK_USER"
ENV_JOBS_DIR = "EARMARK_JOBS_DIR"
ENV_MAX_BODY = "EARMARK_MAX_BODY_BYTES"
ENV_MAX_UPLOAD = "EARMARK_MAX_UPLOAD_BYTES"
ENV_RATE = "EARMARK_RATE_PER_MINUTE"


def _env_int(env: Mapping[str, str], name: str, default: int) -> int:
    raw = env.get(name)
    if raw is None or not raw.strip():
        return default
    try:
        value = int(raw)
    except ValueError:
        raise BadInput(name, f"a whole number, not {raw[:40]!r}") from None
    if value < 1:
        raise BadInput(name, f"at least 1, not {value}")
    return value


@dataclass(frozen=True)
class Settings:
    """Every setting of an earmark process: the environment's ``EARMARK_*`` variables, with
    an entry point's options (``--database``, ``--user``) over them."""

    database: str | None = None  # SQLAlchemy URL; None: earmark.db in data_dir
    data_dir: Path | None = None  # the user's files (store, loaded list versions)
    user: str | None = None  # who the audit trail names (None: the login)
    # Where ``database`` came from, as the error that rejects it names it.
    database_field: str = "database"
    # The service's limits (earmark serve; docs/service.md).
    max_body_bytes: int = 1_000_000  # JSON requests
    max_upload_bytes: int = 64_000_000  # batch files and list versions
    rate_per_minute: int = 6_000  # per key
    key_cache_seconds: float = 5.0  # a revoked key stops working within this time
    jobs_dir: Path | None = None  # batch jobs (default: beside the SQLite file or a temp dir)
    record_default: bool = True  # screen and check record unless the request says not

    @classmethod
    def from_env(
        cls,
        environ: Mapping[str, str] | None = None,
        *,
        database: str | None = None,
        user: str | None = None,
    ) -> Settings:
        """The settings of this environment (``os.environ`` unless given), with the options
        an entry point was given over them (``None``: not given)."""
        env = os.environ if environ is None else environ
        env_database = (env.get(ENV_DATABASE) or "").strip() or None
        jobs = env.get(ENV_JOBS_DIR)
        return cls(
            database=database or env_database,
            database_field="database" if database else ENV_DATABASE,
            data_dir=default_data_dir(env),
            user=user or (env.get(ENV_USER) or "").strip() or None,
            max_body_bytes=_env_int(env, ENV_MAX_BODY, 1_000_000),
            max_upload_bytes=_env_int(env, ENV_MAX_UPLOAD, 64_000_000),
            rate_per_minute=_env_int(env, ENV_RATE, 6_000),
            jobs_dir=Path(jobs) if jobs else None,
        )

    def over(self, *, database: str | None = None, user: str | None = None) -> Settings:
        """These settings with the options given (``None``: not given) over them."""
        changed: dict[str, Any] = {}
        if database:
            changed.update(database=database, database_field="database")
        if user:
            changed["user"] = user
        return replace(self, **changed) if changed else self

    def database_url(self) -> str:
        """The store's URL as given, or the SQLite file in the data directory."""
        if self.database:
            return self.database
        base = self.data_dir if self.data_dir is not None else default_data_dir()
        return f"sqlite:///{base / 'earmark.db'}"


class Runtime:
    """What a process builds once: the regulatory data, the screener, the engine, the store.

    Each part is made on first use (a command pays for what it uses) and kept; the service
    makes them all at start (:meth:`warm`). The screener is the engine's, so a command that
    screens and checks builds one index. ``engine``: one already built (tests share one)."""

    def __init__(self, settings: Settings | None = None, engine: Engine | None = None) -> None:
        self.settings = settings if settings is not None else Settings.from_env()
        self.started = time.time()
        self._regdata: Any = None
        self._screener: Any = None
        self._engine: Any = None
        self._writer: Any = None
        self._stores: dict[str, Any] = {}
        self._lock = threading.RLock()
        if engine is not None:
            self._adopt(engine)

    # -- the parts -------------------------------------------------------------------------

    @property
    def regdata(self) -> RegData:
        rd = self._regdata
        if rd is None:
            with self._lock:
                if self._regdata is None:
                    from earmark.regdata import load_regdata

                    self._regdata = load_regdata()
                rd = self._regdata
        return rd  # type: ignore[no-any-return]

    @property
    def screener(self) -> Screener:
        sc = self._screener
        if sc is None:
            with self._lock:
                if self._screener is None:
                    from earmark.screening import Screener

                    self._screener = Screener(self.regdata)
                sc = self._screener
        return sc  # type: ignore[no-any-return]

    @property
    def engine(self) -> Engine:
        en = self._engine
        if en is None:
            with self._lock:
                if self._engine is None:
                    from earmark.rules import Engine

                    self._engine = Engine(self.regdata, self.screener)
                en = self._engine
        return en  # type: ignore[no-any-return]

    @property
    def loaded(self) -> bool:
        """Whether the screening index and the engine are built (the service's readiness)."""
        return self._engine is not None and self._screener is not None

    def store(self, actor: str | None = None) -> Store:
        """The store of these settings; ``actor`` (else the settings' user, else the login)
        is who its audit rows name. Opened (and migrated) on first use, once per process."""
        who = actor or self.settings.user or ""
        found = self._stores.get(who)
        if found is not None:
            return found  # type: ignore[no-any-return]
        from earmark.store.core import Store

        made = Store(self.settings.database_url(), who or None, self.settings.database_field)
        if len(self._stores) < 1024:  # one a user; the service's callers are its keys' owners
            self._stores[who] = made
        return made

    @property
    def writer(self) -> GroupWriter:
        """The group-commit writer of screenings and decisions (the service's)."""
        wr = self._writer
        if wr is None:
            with self._lock:
                if self._writer is None:
                    from earmark.store.group import GroupWriter

                    self.store()  # open and migrate first
                    self._writer = GroupWriter(self.settings.database_url())
                wr = self._writer
        return wr  # type: ignore[no-any-return]

    # -- life cycle ------------------------------------------------------------------------

    def warm(self) -> Runtime:
        """Build everything now rather than on a first request: the data, the index, the
        engine, the store (migrated) and its writer."""
        self.engine.screener.current_index()
        self.writer  # noqa: B018 (opens the store and starts the writer)
        return self

    def configure(self, settings: Settings) -> Runtime:
        """Take new settings (an entry point's options over the environment's). The data,
        index and engine are kept unless the data directory changed; stores are reopened."""
        with self._lock:
            if settings.data_dir != self.settings.data_dir:
                self._drop_data()
            if settings.database_url() != self.settings.database_url():
                self._close_writer()
            self._stores.clear()
            self.settings = settings
            self._follow_data()
        return self

    def reload(self) -> None:
        """After a list version is loaded or unloaded: the data, index and engine anew, built
        before they replace the old ones (requests in flight finish on the old ones)."""
        from earmark.regdata import load_regdata
        from earmark.rules import Engine

        with self._lock:
            load_regdata.cache_clear()
            if self._screener is None and self._engine is None:
                self._drop_data()  # nothing built yet: the new data loads on first use
                return
            engine = Engine()
            engine.screener.current_index()
            self._adopt(engine)

    def _adopt(self, engine: Any) -> None:
        self._regdata, self._screener, self._engine = engine.regdata, engine.screener, engine

    def _drop_data(self) -> None:
        self._regdata = self._screener = self._engine = None

    def _follow_data(self) -> None:
        """Drop data that is no longer this process's (a list version was loaded since)."""
        if self._regdata is None:
            return
        from earmark.regdata import load_regdata

        if load_regdata.cache_info().currsize == 0 or load_regdata() is not self._regdata:
            self._drop_data()

    def _close_writer(self) -> None:
        if self._writer is not None:
            self._writer.close()
            self._writer = None

    def close(self) -> None:
        with self._lock:
            self._close_writer()

    # -- what the service asks of it -------------------------------------------------------

    def jobs_dir(self) -> Path:
        if self.settings.jobs_dir is not None:
            path = self.settings.jobs_dir
        else:
            store = self.store()
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


# -- this process's runtime --------------------------------------------------------------------

_PROCESS: Runtime | None = None
_PROCESS_LOCK = threading.Lock()


def current() -> Runtime:
    """This process's runtime: made on first use from the environment's settings, then the
    same object for every caller (command, batch chunk, request)."""
    global _PROCESS
    rt = _PROCESS
    if rt is None:
        with _PROCESS_LOCK:
            if _PROCESS is None:
                _PROCESS = Runtime(Settings.from_env())
            rt = _PROCESS
    return rt


def configure(*, database: str | None = None, user: str | None = None) -> Runtime:
    """An entry point starts: this process's runtime, with the environment's settings read
    now and the options given over them; what it has loaded is kept."""
    global _PROCESS
    settings = Settings.from_env(database=database, user=user)
    with _PROCESS_LOCK:
        if _PROCESS is None:
            _PROCESS = Runtime(settings)
            return _PROCESS
        rt = _PROCESS
    return rt.configure(settings)


def install(runtime: Runtime) -> Runtime:
    """Make ``runtime`` this process's (the service's, built with its settings at start)."""
    global _PROCESS
    with _PROCESS_LOCK:
        _PROCESS = runtime
    return runtime
