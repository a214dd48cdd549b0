"""The application factory: routes, errors, limits and metrics around one runtime."""

from __future__ import annotations

import logging

from fastapi import FastAPI

from earmark import __version__
from earmark.runtime import Runtime, Settings, current, install
from earmark.service import problems
from earmark.service.auth import KeyCache, RateLimiter
from earmark.service.jobs import Jobs
from earmark.service.lean import HotApp
from earmark.service.ops import Metrics, Timing

DESCRIPTION = """Export-control screening and license determination as of any date, over the
same library and store as the `earmark` command line. Every path but /healthz and /readyz
needs `Authorization: Bearer KEY` (`earmark keys create --role ROLE`). Errors are RFC 9457
`application/problem+json` with `type`, `title`, `status`, `detail` and, for 422, `field`."""


def create_app(settings: Settings | None = None, runtime: Runtime | None = None) -> FastAPI:
    from earmark.service import (
        api_audit,
        api_batch,
        api_licensing,
        api_records,
        api_screening,
        ops,
        ui,
    )

    if runtime is None:
        # The process's runtime (batch jobs and any library call in this process share it).
        runtime = install(Runtime(settings)) if settings is not None else current()
    runtime.warm()  # the data, index, engine and store now, not on a first request
    # Settings given with a runtime change the limits only (tests, the bench).
    settings = settings or runtime.settings
    app = HotApp(
        title="earmark",
        version=__version__,
        description=DESCRIPTION,
        openapi_url=None,  # served below, behind a key like every other path
        docs_url=None,
        redoc_url=None,
        # earmark's own metrics (/metrics) and access log stand for OpenTelemetry's; checking
        # for its providers on every request costs more than the answer to some.
        telemetry={"tracing": False, "metrics": False, "logs": False},
    )
    app.state.runtime = runtime
    app.state.keys = KeyCache(settings.key_cache_seconds)
    app.state.limiter = RateLimiter(settings.rate_per_minute)
    app.state.metrics = Metrics()
    app.state.jobs = Jobs(runtime.jobs_dir())
    problems.install(app)
    app.include_router(api_screening.hot)  # first: the hot routes are matched first
    for module in (api_screening, api_records, api_licensing, api_audit, api_batch, ops, ui):
        app.include_router(module.router)
    ui.mount_static(app)
    ops.add_schema_routes(app)
    app.serve_hot(api_screening.hot, settings.max_body_bytes)  # before the stack (lean.py)
    # Outermost first: the body limit answers before anything reads the body.
    app.add_middleware(Timing, metrics=app.state.metrics)
    app.add_middleware(
        problems.BodyLimit, limit=settings.max_body_bytes, upload_limit=settings.max_upload_bytes
    )
    logging.getLogger("earmark.service").info("earmark service ready (%s)", runtime.regdata.version)
    return app
