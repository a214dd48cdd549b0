"""Option types shared by the commands, and the checks of their values.

Every value a user or a list gives is data: dates are checked here, files are read by
:func:`read_json_file` (a directory, a missing file, a broken or too deeply nested file are
each one line naming the field), and nothing is printed as terminal markup (see
:mod:`earmark.cli.render`).
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from earmark.errors import BadInput

if TYPE_CHECKING:  # pragma: no cover
    from earmark.runtime import Runtime
    from earmark.store.core import Store

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

JsonFlag = Annotated[bool, typer.Option("--json", help="Print JSON on standard output.")]


def parse_date(value: str | None, field: str) -> date | None:
    """A YYYY-MM-DD date, or BadInput naming the field."""
    if value is None:
        return None
    shown = value if len(value) <= 40 else value[:40] + "..."
    if not _ISO_DATE.match(value.strip()):
        raise BadInput(field, f"not a date in the form YYYY-MM-DD: {shown!r}")
    try:
        parsed = date.fromisoformat(value.strip())
    except ValueError:
        raise BadInput(field, f"not a valid date: {shown!r}") from None
    if parsed.year < 1900:
        raise BadInput(field, f"date out of range: {value!r}")
    return parsed


AsOf = Annotated[
    str | None,
    typer.Option("--as-of", help="Answer as of this date (YYYY-MM-DD).", metavar="DATE"),
]

Workers = Annotated[int, typer.Option("--workers", help="Worker processes (Dask when > 1).")]
Scheduler = Annotated[
    str | None, typer.Option("--scheduler", help="Address of a running Dask scheduler.")
]
AllowUnknown = Annotated[
    bool,
    typer.Option(
        "--allow-unknown-fields",
        help="Ignore keys the input format does not define (they are listed), instead of "
        "refusing the input.",
    ),
]

Database = Annotated[
    str | None,
    typer.Option(
        "--database",
        help="SQLAlchemy URL of the record store (default: EARMARK_DATABASE_URL, else an "
        "SQLite file in the user data directory).",
        metavar="URL",
    ),
]
User = Annotated[
    str | None,
    typer.Option("--user", help="Who the audit trail names (default: EARMARK_USER or login)."),
]
NoRecord = Annotated[
    bool, typer.Option("--no-record", help="Do not record this in the store (a quick look).")
]


def runtime(database: str | None = None, user: str | None = None) -> Runtime:
    """This process's runtime (:mod:`earmark.runtime`): the environment's settings, read now,
    with the command's ``--database`` and ``--user`` over them. A command calls it once and
    takes from it what it needs (the store is opened only by a command that records)."""
    from earmark.runtime import configure

    return configure(database=database, user=user)


def open_store(database: str | None, user: str | None) -> Store:
    """The store of the runtime with the command's options (for a command that needs only
    the store)."""
    return runtime(database, user).store()


def emit_json(payload: Any) -> None:
    text = json.dumps(payload, ensure_ascii=False, indent=2, default=str) + "\n"
    try:
        sys.stdout.write(text)
    except UnicodeEncodeError:  # a terminal or pipe that cannot take UTF-8: escape instead
        sys.stdout.write(json.dumps(payload, ensure_ascii=True, indent=2, default=str) + "\n")


def input_file(path: Path, field: str) -> Path:
    """The path of an input file that exists and is a file; BadInput naming the field."""
    if path.is_dir():
        raise BadInput(field, f"is a directory, not a file: {path}")
    if not path.exists():
        raise BadInput(field, f"no such file: {path}")
    if not path.is_file():
        raise BadInput(field, f"not a regular file: {path}")
    return path


def read_json_file(path: Path, field: str) -> Any:
    """The JSON document of a file; BadInput naming the field when it cannot be read."""
    input_file(path, field)
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except RecursionError:
        raise BadInput(field, "not valid JSON: nested too deeply") from None
    except UnicodeDecodeError:
        raise BadInput(field, "not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise BadInput(field, f"not valid JSON: {exc.msg} at line {exc.lineno}") from None
    except OSError as exc:
        raise BadInput(field, f"cannot read {path}: {exc.strerror or exc}") from None


def future_as_of(day: date | None, newest: date) -> str | None:
    """A note when an as-of date lies after the newest data: the answer is that data's."""
    if day is None:
        return None
    if day > date.today():
        return (
            f"{day} is in the future: the answer is as of today's data (lists of {newest}); "
            "parties listed later are not known"
        )
    if day > newest:
        return f"the lists are those of {newest}, the newest bundled snapshot before {day}"
    return None


def progress() -> Callable[[int, int], None] | None:
    """A progress bar on a terminal (standard error); nothing in a pipe."""
    if not sys.stderr.isatty():
        return None
    from rich.progress import Progress

    from earmark.cli.render import err_console

    bar = Progress(console=err_console, transient=True)
    task = bar.add_task("working", total=None)
    bar.start()

    def update(done: int, total: int) -> None:
        bar.update(task, completed=done, total=total)
        if done >= total:
            bar.stop()

    return update
