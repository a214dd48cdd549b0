"""The Typer application, composed one way, and its error handling.

``app`` is made here and the command modules are added to it (``register(app)``); no command
module imports this one. Bad input never shows a traceback: a :class:`~earmark.errors.BadInput`
or a usage error (unknown option, malformed value, unreadable file) prints one line on stderr
naming the field, and the process exits with code 2. A problem with the bundled data or the
store exits with code 1.
"""

from __future__ import annotations

import importlib
import re
import sys
from collections.abc import Sequence
from typing import Annotated, Any

import typer

from earmark.errors import BadInput, DataError, Forbidden, StoreError

# Each command module and the top-level commands it adds. A command line imports only the
# module of its command (the others cost a quarter of a second of imports); help, an unknown
# command or no command imports them all. tests/cli/test_command_modules.py keeps this honest.
COMMAND_MODULES: dict[str, tuple[str, ...]] = {
    "screening": ("screen", "match", "screen-batch"),
    "check": ("check", "check-batch"),
    "data": ("entries", "entry", "timeline", "country", "eccn", "lists"),
    "demo": ("demo",),
    "parties": ("parties",),
    "products": ("products",),
    "reviews": ("reviews",),
    "licenses": ("licenses",),
    "events": ("impact", "events"),
    "audit": ("audit",),
    "keys": ("keys",),
    "serve": ("serve",),
}


def _click_exceptions() -> Any:
    # Recent Typer vendors its own copy of Click, whose exceptions are the ones raised; older
    # Typer runs on Click itself.
    try:
        return importlib.import_module("typer._click.exceptions")
    except ImportError:  # pragma: no cover
        return importlib.import_module("click.exceptions")


click_exc = _click_exceptions()

app = typer.Typer(
    name="earmark",
    help="Export-control compliance engine for the US EAR: screening and license "
    "determination as of any date.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        from earmark import __version__

        sys.stdout.write(f"earmark {__version__}\n")
        raise typer.Exit(0)


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", help="Print the version and exit.", is_eager=True, callback=_version
        ),
    ] = False,
) -> None:
    """Export-control compliance engine for the US EAR: screening and license determination
    as of any date."""


_registered: set[str] = set()


def _register(argv: Sequence[str] | None = None) -> None:
    """Add the command modules the command line needs (all of them without a known command)."""
    args = list(sys.argv[1:] if argv is None else argv)
    first = next((a for a in args if not a.startswith("-")), None)
    if first is None and args == ["--version"]:
        return  # the version needs no command
    wanted = [m for m, commands in COMMAND_MODULES.items() if first in commands]
    for name in wanted or COMMAND_MODULES:
        if name not in _registered:
            importlib.import_module(f"earmark.cli.{name}").register(app)
            _registered.add(name)


def shown_field(field: str, args: Sequence[str], root: Any) -> str:
    """A field as the command line spells it. The library names fields in domain terms
    (``as_of``, ``reason``); where the command has that option the user reads ``--as-of``."""
    if not re.fullmatch(r"[a-z][a-z0-9_]*", field):
        return field  # a path into a file ("case.item.eccn") or an option already
    option = "--" + field.replace("_", "-")
    command = _command_of(root, args)
    if command is not None and any(option in getattr(p, "opts", ()) for p in command.params):
        return option
    return field


def _command_of(command: Any, args: Sequence[str]) -> Any:
    """The (sub)command of ``command`` the arguments name."""
    for token in args:
        if token.startswith("-"):
            continue
        sub = getattr(command, "commands", {}).get(token)
        if sub is None:
            break
        command = sub
    return command


def fail(message: str, code: int = 2) -> None:
    # One line, of a readable length, whatever the input echoed in it.
    line = " ".join(message.split())
    if len(line) > 400:
        line = line[:400] + "..."
    sys.stderr.write(f"earmark: error: {line}\n")
    sys.exit(code)


def main(argv: Sequence[str] | None = None) -> None:
    _register(argv)
    command = typer.main.get_command(app)
    try:
        rv = command.main(args=list(argv) if argv is not None else None, standalone_mode=False)
    except BadInput as exc:
        fail(
            f"{shown_field(exc.field, sys.argv[1:] if argv is None else argv, command)}: "
            f"{exc.message}"
        )
    except click_exc.NoSuchOption as exc:
        fail(f"{exc.option_name}: no such option" + _hint(exc.possibilities))
    except click_exc.BadOptionUsage as exc:
        fail(f"{exc.option_name}: {exc.message}")
    except click_exc.BadParameter as exc:  # also MissingParameter
        fail(f"{_param_name(exc.param)}: {exc.format_message().strip().splitlines()[0]}")
    except click_exc.UsageError as exc:
        fail(exc.format_message().strip().splitlines()[0])
    except typer.Abort:
        fail("aborted", 130)
    except Forbidden as exc:
        fail(str(exc), 1)
    except DataError as exc:
        fail(f"data: {exc}", 1)
    except StoreError as exc:
        fail(f"database: {exc}", 1)
    except BrokenPipeError:
        sys.exit(0)
    except Exception as exc:
        # A database that fails mid-command (server gone, disk full): one line, exit 1; the
        # transaction in flight is rolled back, so nothing half-written remains.
        if type(exc).__module__.startswith("sqlalchemy"):
            fail(f"database: {str(getattr(exc, 'orig', exc)).strip().splitlines()[0]}", 1)
        raise
    code = rv if isinstance(rv, int) else 0
    if argv is None:
        _exit_now(code)
    sys.exit(code)


def _exit_now(code: int) -> None:
    """End the process without tearing down the interpreter.

    Freeing a screening index object by object takes longer (0.6 s) than screening ten
    thousand names; the command has written and closed everything it wrote by now.
    """
    import os

    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def _param_name(param: object) -> str:
    opts = getattr(param, "opts", None)
    if getattr(param, "param_type_name", "") == "option" and opts:
        return str(opts[0])
    return str(getattr(param, "name", None) or "argument")


def _hint(possibilities: Sequence[str] | None) -> str:
    return f" (did you mean {', '.join(possibilities)}?)" if possibilities else ""
