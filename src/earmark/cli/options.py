"""Option types and output helpers shared by the commands."""

from __future__ import annotations

import json
import re
import sys
from datetime import date
from typing import Annotated, Any

import typer
from rich.console import Console

from earmark.errors import BadInput

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

JsonFlag = Annotated[bool, typer.Option("--json", help="Print JSON on standard output.")]

console = Console(highlight=False)


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


def emit_json(payload: Any) -> None:
    text = json.dumps(payload, ensure_ascii=False, indent=2, default=str) + "\n"
    try:
        sys.stdout.write(text)
    except UnicodeEncodeError:  # a terminal or pipe that cannot take UTF-8: escape instead
        sys.stdout.write(json.dumps(payload, ensure_ascii=True, indent=2, default=str) + "\n")


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


def open_store(database: str | None, user: str | None) -> Any:
    from earmark.store.core import Store

    return Store(database, user)
