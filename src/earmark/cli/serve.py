"""earmark serve: the HTTP API and web UI (contract section 3)."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from earmark.cli.options import Database


def register(app: typer.Typer) -> None:
    app.command("serve")(serve_cmd)


def serve_cmd(
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port.", min=1, max=65535)] = 8000,
    database: Database = None,
    workers: Annotated[
        int, typer.Option("--workers", help="Server processes (each loads the data).", min=1)
    ] = 1,
    access_log: Annotated[
        bool,
        typer.Option(
            "--access-log",
            help="One JSON line per request on stderr: method, route template, status, ms, "
            "key id and role (never the path, query or key).",
        ),
    ] = False,
) -> None:
    """Serve the HTTP API under /v1 (OpenAPI at /openapi.json) and the web UI at /.

    Every path but /healthz and /readyz needs a key: earmark keys create --role admin."""
    import os
    import sys

    import uvicorn

    if database:
        os.environ["EARMARK_DATABASE_URL"] = database
    from uvicorn.config import LOGGING_CONFIG

    log_config: dict[str, Any] = LOGGING_CONFIG
    if access_log:
        log_config = {
            **LOGGING_CONFIG,
            "formatters": {
                **LOGGING_CONFIG["formatters"],
                "line": {"format": "%(message)s"},
            },
            "handlers": {
                **LOGGING_CONFIG["handlers"],
                "requests": {
                    "class": "logging.StreamHandler",
                    "formatter": "line",
                    "stream": "ext://sys.stderr",
                },
            },
            "loggers": {
                **LOGGING_CONFIG["loggers"],
                "earmark.service.access": {
                    "handlers": ["requests"],
                    "level": "INFO",
                    "propagate": False,
                },
            },
        }
    uvicorn.run(
        "earmark.service.asgi:app",
        host=host,
        port=port,
        workers=workers,
        backlog=2048,
        # Both are dependencies of earmark ("auto" picks them too; said here so that it stays
        # so): the pure-Python h11 parser and asyncio's loop cost several times more a request.
        http="httptools",
        loop="auto" if sys.platform == "win32" else "uvloop",
        access_log=False,  # the URL may carry a query; keys are never in it, but stay quiet
        log_level="info",
        log_config=log_config,
    )
