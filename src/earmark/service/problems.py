"""Errors as RFC 9457 problem details (``application/problem+json``), mapped in one place.

Every error answer has ``type``, ``title``, ``status`` and ``detail``; 422 adds ``field`` (the
input in domain terms: ``as_of``, ``case.parties[0].country``), 429 a ``Retry-After`` header.
Bad input is never a 500.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.requests import ClientDisconnect
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from earmark.errors import (
    BadInput,
    DataError,
    EarmarkError,
    Forbidden,
    NotFound,
    Refused,
    StoreError,
)
from earmark.service.auth import RateLimited, Unauthorized

log = logging.getLogger("earmark.service")
TYPE_BASE = "https://earmark.dev/problems/"
MEDIA = "application/problem+json"

# error class → (status, type slug, title); the first that matches wins.
MAPPING: tuple[tuple[type[BaseException], int, str, str], ...] = (
    (Unauthorized, 401, "unauthorized", "Not authenticated"),
    (Forbidden, 403, "forbidden", "Not allowed for this role"),
    (NotFound, 404, "not-found", "Not found"),
    (Refused, 409, "conflict", "Refused in the present state"),
    (BadInput, 422, "bad-input", "Bad input"),
    (RateLimited, 429, "rate-limited", "Too many requests"),
    (DataError, 500, "data-error", "Regulatory data problem"),
    (StoreError, 503, "store-unavailable", "Record store unavailable"),
)
HTTP_TITLES = {
    400: ("bad-request", "Bad request"),
    401: ("unauthorized", "Not authenticated"),
    403: ("forbidden", "Not allowed for this role"),
    404: ("not-found", "Not found"),
    405: ("method-not-allowed", "Method not allowed"),
    409: ("conflict", "Refused in the present state"),
    413: ("too-large", "Request body too large"),
    415: ("unsupported-media-type", "Unsupported media type"),
    422: ("bad-input", "Bad input"),
    429: ("rate-limited", "Too many requests"),
}


def field_name(field: str) -> str:
    """A field in domain terms: ``--as-of`` → ``as_of``."""
    if field.startswith("--"):
        return field[2:].replace("-", "_")
    return field


def problem(
    status: int,
    slug: str,
    title: str,
    detail: str,
    field: str | None = None,
    headers: dict[str, str] | None = None,
    **extra: Any,
) -> JSONResponse:
    body: dict[str, Any] = {
        "type": TYPE_BASE + slug,
        "title": title,
        "status": status,
        "detail": " ".join(detail.split())[:1000],
    }
    if field is not None:
        body["field"] = field
    body.update(extra)
    return JSONResponse(body, status_code=status, media_type=MEDIA, headers=headers)


def for_error(exc: BaseException) -> JSONResponse:
    for cls, status, slug, title in MAPPING:
        if isinstance(exc, cls):
            if isinstance(exc, BadInput):
                return problem(status, slug, title, exc.message, field_name(exc.field))
            headers = (
                {"Retry-After": str(exc.retry_after)} if isinstance(exc, RateLimited) else None
            )
            return problem(status, slug, title, str(exc), headers=headers)
    if isinstance(exc, ClientDisconnect):
        # The client went away while sending its body: nobody reads the answer, and it is
        # no server error (not logged as one, counted as 499, as nginx counts it).
        log.debug("client disconnected before its request body ended")
        return problem(499, "client-closed", "Client closed the request", "the body was cut")
    if type(exc).__module__.startswith("sqlalchemy"):
        log.error("database error: %s", type(exc).__name__)
        return problem(503, "store-unavailable", "Record store unavailable", "database error")
    log.exception("unexpected error", exc_info=exc)
    return problem(500, "internal", "Internal error", "an unexpected error; see the server log")


def _validation(exc: RequestValidationError) -> JSONResponse:
    errors = exc.errors()
    first = errors[0] if errors else {"loc": (), "msg": "invalid"}
    loc = [p for p in first.get("loc", ()) if p not in ("body", "query", "path", "header")]
    where = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in loc).lstrip(".")
    return problem(
        422,
        "bad-input",
        "Bad input",
        str(first.get("msg", "invalid")),
        where or "body",
        errors=[
            {
                "field": "".join(
                    f"[{p}]" if isinstance(p, int) else f".{p}"
                    for p in e.get("loc", ())
                    if p not in ("body", "query", "path", "header")
                ).lstrip(".")
                or "body",
                "message": str(e.get("msg")),
            }
            for e in errors[:20]
        ],
    )


def _http(exc: StarletteHTTPException) -> JSONResponse:
    slug, title = HTTP_TITLES.get(exc.status_code, ("error", "Error"))
    detail = exc.detail if isinstance(exc.detail, str) else title
    headers = dict(exc.headers) if exc.headers else None
    return problem(exc.status_code, slug, title, detail, headers=headers)


def answer(exc: Exception) -> JSONResponse:
    """The problem+json answer to any error a route raises (the one mapping, used by the
    app's exception handlers and by the hot paths of service/lean.py)."""
    if isinstance(exc, RequestValidationError):
        return _validation(exc)
    if isinstance(exc, StarletteHTTPException):
        return _http(exc)
    return for_error(exc)


def install(app: FastAPI) -> None:
    async def on_error(_: Request, exc: Exception) -> JSONResponse:
        return answer(exc)

    # ClientDisconnect by name: a handler for Exception alone runs in Starlette's outermost
    # layer, which raises the error again for the server to log as a fault.
    handled = (
        EarmarkError, RequestValidationError, StarletteHTTPException, ClientDisconnect, Exception
    )  # fmt: skip
    for cls in handled:
        app.add_exception_handler(cls, on_error)


class _TooLarge(StarletteHTTPException):
    """Raised while the body streams in; FastAPI passes HTTP exceptions on as they are."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, f"the body is larger than {limit:,} bytes")


class BodyLimit:
    """413 as problem+json for a body over the limit: by Content-Length before reading, and
    by counting as it streams (chunked uploads). Uploads (batch files, list versions) have
    their own, larger limit."""

    def __init__(self, app: ASGIApp, limit: int, upload_limit: int) -> None:
        self.app = app
        self.limit = limit
        self.upload_limit = upload_limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope.get("path", "")
        limit = self.upload_limit if path in ("/v1/batch", "/v1/lists") else self.limit
        if declared_length(scope) > limit:
            await send_413(send, limit)
            return
        started = False

        async def tracking(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counted(receive, limit), tracking)
        except _TooLarge:
            if not started:
                await send_413(send, limit)


def declared_length(scope: Scope) -> int:
    """The request's Content-Length; -1 when it has none (chunked) or it is not a number."""
    for name, value in scope.get("headers", []):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return -1
    return -1


def counted(receive: Receive, limit: int) -> Receive:
    """``receive`` that raises a 413 once the body streamed in passes ``limit``."""
    seen = 0

    async def counting() -> Message:
        nonlocal seen
        message = await receive()
        if message["type"] == "http.request":
            seen += len(message.get("body", b""))
            if seen > limit:
                raise _TooLarge(limit)
        return message

    return counting


async def send_413(send: Send, limit: int) -> None:
    response = problem(
        413, "too-large", "Request body too large", f"the body is larger than {limit:,} bytes"
    )
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [(k.encode(), v.encode()) for k, v in response.headers.items()],
        }
    )
    await send({"type": "http.response.body", "body": bytes(response.body)})
