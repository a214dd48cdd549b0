"""Human output: tables, fields and sentences, every value printed as plain text.

Names, ids and notes come from users and from the lists: "Huawei [/]", "[red]", ":China:" are
text, never terminal markup or emoji. The consoles are made with ``markup=False`` and
``emoji=False``, and emphasis is given with :class:`rich.text.Text` styles, never by writing
markup into a string.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

console = Console(highlight=False, markup=False, emoji=False)
err_console = Console(stderr=True, highlight=False, markup=False, emoji=False)


def text(value: Any) -> str:
    """A value as a person reads it: None as "-", lists joined, mappings as key=value."""
    if value is None or value == "":
        return "-"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:,.2f}" if abs(value) >= 1000 else f"{value:g}"
    if isinstance(value, Mapping):
        return "; ".join(f"{k}={text(v)}" for k, v in value.items()) or "-"
    if isinstance(value, list | tuple | set | frozenset):
        return ", ".join(text(v) for v in value) or "-"
    return str(value)


def say(*parts: Any, style: str | None = None) -> None:
    """One line of plain text (parts joined by spaces)."""
    console.print(Text(" ".join(str(p) for p in parts), style=style or ""))


def bold(value: Any) -> Text:
    return Text(str(value), style="bold")


def line(*parts: str | Text) -> None:
    """One line made of plain strings and styled pieces."""
    out = Text()
    for part in parts:
        out.append(part if isinstance(part, Text) else Text(part))
    console.print(out)


def table(
    title: str,
    columns: Sequence[str],
    rows: Iterable[Sequence[Any]],
    right: Sequence[str] = (),
) -> None:
    """A table of plain-text cells; ``right``: columns aligned right (numbers)."""
    t = Table(title=Text(title))
    for col in columns:
        t.add_column(Text(col), justify="right" if col in right else "left")
    for row in rows:
        t.add_row(*(Text(text(v)) for v in row))
    console.print(t)


def fields(title: str | None, pairs: Iterable[tuple[str, Any]]) -> None:
    """Labelled fields, one a line: "name: value" (the label in bold)."""
    if title:
        console.print(Text(title, style="bold underline"))
    for label, value in pairs:
        line(bold(f"{label}: "), text(value))


def rule(title: str) -> None:
    console.rule(Text(title))


def tri(value: bool | None) -> str:
    return {True: "yes", False: "no", None: "indeterminate"}[value]


def ignored(paths: Sequence[str]) -> None:
    """The keys an input gave that its format does not define (--allow-unknown-fields)."""
    if paths:
        say(f"ignored unknown field(s): {', '.join(paths)}", style="yellow")


def batch_summary(summary: Any, done: str, matched: str) -> None:
    """The end of a batch run: rows, rows with matches, bad rows, where they went, the time."""
    say(
        f"{summary.rows:,} {done} ({summary.with_matches:,} {matched}, "
        f"{summary.errors:,} bad rows) -> {summary.output}"
        + (f"; {summary.recorded:,} recorded (run {summary.run_id})" if summary.run_id else "")
        + (f"; bad rows and reasons -> {summary.rejects}" if summary.rejects else "")
        + f"; {summary.seconds:,.1f} s, {summary.rows_per_second:,.0f} rows/s"
        + (
            f"; resumed {summary.chunks_resumed} of {summary.chunks} chunks"
            if summary.chunks_resumed
            else ""
        )
    )
