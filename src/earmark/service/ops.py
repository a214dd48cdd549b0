"""/healthz, /readyz and /metrics (Prometheus text), and the request-latency middleware."""

from __future__ import annotations

import json
import logging
import threading
import time
from collections import defaultdict
from typing import Annotated, Any

from fastapi import APIRouter, Depends, FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from earmark.service import deps
from earmark.service.auth import METRICS, Caller, need

router = APIRouter(tags=["operations"])
ACCESS = logging.getLogger("earmark.service.access")
BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 10.0)


class Metrics:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.latency: dict[tuple[str, str, int], list[float]] = {}
        self.sums: dict[tuple[str, str, int], float] = defaultdict(float)
        self.decisions: dict[str, int] = defaultdict(int)
        self.screenings = 0
        self.hits = 0

    def observe(self, method: str, route: str, status: int, seconds: float) -> None:
        key = (method, route, status)
        with self._lock:
            counts = self.latency.get(key)
            if counts is None:
                counts = self.latency[key] = [0.0] * (len(BUCKETS) + 1)
            for i, bound in enumerate(BUCKETS):
                if seconds <= bound:
                    counts[i] += 1
            counts[-1] += 1
            self.sums[key] += seconds

    def decided(self, license_required: Any) -> None:
        outcome = {True: "license_required", False: "no_license_required"}.get(
            license_required, "open"
        )
        with self._lock:
            self.decisions[outcome] += 1

    def screened(self, matches: int) -> None:
        with self._lock:
            self.screenings += 1
            self.hits += matches

    def render(self, queue_depth: int, list_age_days: int) -> str:
        lines = [
            "# HELP earmark_http_request_duration_seconds Request latency by route template.",
            "# TYPE earmark_http_request_duration_seconds histogram",
        ]
        with self._lock:
            for (method, route, status), counts in sorted(self.latency.items()):
                labels = f'method="{method}",route="{_esc(route)}",status="{status}"'
                for bound, n in zip(BUCKETS, counts, strict=False):
                    lines.append(
                        f'earmark_http_request_duration_seconds_bucket{{{labels},le="{bound}"}} '
                        f"{n:.0f}"
                    )
                lines.append(
                    f'earmark_http_request_duration_seconds_bucket{{{labels},le="+Inf"}} '
                    f"{counts[-1]:.0f}"
                )
                lines.append(
                    f"earmark_http_request_duration_seconds_sum{{{labels}}} "
                    f"{self.sums[(method, route, status)]:.6f}"
                )
                lines.append(
                    f"earmark_http_request_duration_seconds_count{{{labels}}} {counts[-1]:.0f}"
                )
            lines += [
                "# HELP earmark_decisions_total Determinations by outcome.",
                "# TYPE earmark_decisions_total counter",
            ]
            for outcome in ("license_required", "no_license_required", "open"):
                lines.append(
                    f'earmark_decisions_total{{outcome="{outcome}"}} {self.decisions[outcome]}'
                )
            lines += [
                "# TYPE earmark_screenings_total counter",
                f"earmark_screenings_total {self.screenings}",
                "# TYPE earmark_screening_matches_total counter",
                f"earmark_screening_matches_total {self.hits}",
            ]
        lines += [
            "# HELP earmark_review_queue_depth Potential matches waiting for review.",
            "# TYPE earmark_review_queue_depth gauge",
            f"earmark_review_queue_depth {queue_depth}",
            "# HELP earmark_list_age_days Days since the newest list snapshot.",
            "# TYPE earmark_list_age_days gauge",
            f"earmark_list_age_days {list_age_days}",
        ]
        return "\n".join(lines) + "\n"


def _esc(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')


class Timing:
    """Latency by route template (``/v1/licenses/{ref}``, never the raw path)."""

    def __init__(self, app: ASGIApp, metrics: Metrics) -> None:
        self.app = app
        self.metrics = metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        start = time.perf_counter()
        status = 500

        async def sending(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
            await send(message)

        try:
            await self.app(scope, receive, sending)
        finally:
            route = scope.get("route")
            template = getattr(route, "path", None) or "unmatched"
            served(self.metrics, scope, template, status, time.perf_counter() - start)


def served(metrics: Metrics, scope: Scope, template: str, status: int, seconds: float) -> None:
    """Count a request in the metrics and the access log (by the Timing middleware, and by
    the hot paths of service/lean.py, which answer before it)."""
    method = scope.get("method", "GET")
    metrics.observe(method, template, status, seconds)
    if ACCESS.isEnabledFor(logging.INFO):
        # The route template and the key's id, never the raw path, query or key.
        who = (scope.get("state") or {}).get("caller")
        ACCESS.info(
            json.dumps(
                {
                    "method": method,
                    "route": template,
                    "status": status,
                    "ms": round(seconds * 1000, 2),
                    "key_id": getattr(who, "key_id", None),
                    "role": getattr(who, "role", None),
                }
            )
        )


def _queue_depth(request: Request) -> int:
    from sqlalchemy import func, select

    from earmark.store.schema import hit_reviews

    with deps.runtime(request).store("earmark-service").read() as conn:
        n = conn.execute(
            select(func.count()).select_from(hit_reviews).where(hit_reviews.c.status == "potential")
        ).scalar_one()
    return int(n)


@router.get("/healthz", summary="The process is up (no key needed)")
def healthz() -> dict[str, str]:
    return {"status": "ok"}


@router.get("/readyz", summary="Store reachable, index loaded, age of the newest list")
def readyz(request: Request) -> JSONResponse:
    rt = deps.runtime(request)
    out: dict[str, Any] = {"index_loaded": rt.loaded}
    try:
        _queue_depth(request)
        out["store"] = "reachable"
    except Exception as exc:  # any failure to reach the store means not ready
        out["store"] = f"unreachable: {type(exc).__name__}"
    rd = rt.regdata
    out["newest_list"] = rd.lists.newest_snapshot.isoformat()
    out["list_age_days"] = rt.list_age_days()
    out["data_version"] = rd.version
    ready = out["store"] == "reachable" and out["index_loaded"]
    out["status"] = "ready" if ready else "not ready"
    return JSONResponse(out, status_code=200 if ready else 503)


@router.get("/metrics", summary="Prometheus metrics (auditor or admin)")
def metrics(request: Request, _: Annotated[Caller, Depends(need(METRICS))]) -> PlainTextResponse:
    text = request.app.state.metrics.render(
        _queue_depth(request), deps.runtime(request).list_age_days()
    )
    return PlainTextResponse(text, media_type="text/plain; version=0.0.4")


def add_schema_routes(app: FastAPI) -> None:
    """/openapi.json and /docs (Swagger UI), for any valid key."""
    from fastapi.openapi.docs import get_swagger_ui_html

    from earmark.service.auth import caller

    @app.get("/openapi.json", include_in_schema=False)
    def openapi(request: Request) -> JSONResponse:
        caller(request)
        return JSONResponse(app.openapi())

    @app.get("/docs", include_in_schema=False)
    def docs(request: Request) -> HTMLResponse:
        caller(request)
        return get_swagger_ui_html(openapi_url="/openapi.json", title="earmark API")
