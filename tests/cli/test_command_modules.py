"""The CLI imports only the module of the command it runs: the table that says which module
adds which command must agree with what each module registers."""

from __future__ import annotations

import importlib

import typer

from earmark.cli.app import COMMAND_MODULES


def _commands(module: str) -> set[str]:
    app = typer.Typer()
    importlib.import_module(f"earmark.cli.{module}").register(app)
    names = {c.name or (c.callback.__name__ if c.callback else "") for c in app.registered_commands}
    return names | {g.name or "" for g in app.registered_groups}


def test_each_module_adds_exactly_the_commands_the_table_names() -> None:
    for module, commands in COMMAND_MODULES.items():
        assert _commands(module) == set(commands), module


def test_no_command_is_claimed_by_two_modules() -> None:
    every = [c for commands in COMMAND_MODULES.values() for c in commands]
    assert len(every) == len(set(every))
