"""The ``earmark`` command line: Typer commands over the library, JSON with ``--json``."""

from earmark.cli.app import app, main

__all__ = ["app", "main"]
