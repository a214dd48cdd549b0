"""earmark serve: the HTTP API and web UI (contract section 3)."""

from __future__ import annotations

from typing import Annotated

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
) -> None:
    """Serve the HTTP API under /v1 (OpenAPI at /openapi.json) and the web UI at /.

    Every path but /healthz and /readyz needs a key: earmark keys create --role admin."""
    import os

    import uvicorn

    if database:
        os.environ["EARMARK_DATABASE_URL"] = database
    uvicorn.run(
        "earmark.service.asgi:app",
        host=host,
        port=port,
        workers=workers,
        backlog=2048,
        access_log=False,  # the URL may carry a query; keys are never in it, but stay quiet
        log_level="info",
    )
