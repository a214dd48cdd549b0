"""Option types and output helpers shared by the commands."""

from __future__ import annotations

import json
import sys
from datetime import date
from typing import Annotated, Any

import typer
from rich.console import Console

from earmark.errors import BadInput

JsonFlag = Annotated[bool, typer.Option("--json", help="Print JSON on standard output.")]

console = Console(highlight=False)


def parse_date(value: str | None, field: str) -> date | None:
    """A YYYY-MM-DD date, or BadInput naming the field."""
    if value is None:
        return None
    try:
        parsed = date.fromisoformat(value.strip())
    except ValueError:
        raise BadInput(field, f"not a date in the form YYYY-MM-DD: {value!r}") from None
    if parsed.year < 1900:
        raise BadInput(field, f"date out of range: {value!r}")
    return parsed


AsOf = Annotated[
    str | None,
    typer.Option("--as-of", help="Answer as of this date (YYYY-MM-DD).", metavar="DATE"),
]


def emit_json(payload: Any) -> None:
    sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2, default=str) + "\n")
