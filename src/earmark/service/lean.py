"""Lean routes for the hot paths (``POST /v1/screen``, ``/v1/match``, ``/v1/check``).

FastAPI solves an endpoint's dependencies and validates its body on every request, which costs
more than screening an unlisted name (about 0.15 ms of the route's 0.6 ms, measured in-process).
A :class:`LeanRoute` keeps the endpoint as FastAPI documents it (the OpenAPI schema comes from
its signature: the body model, the caller's permission) but serves it with one small handler:
the caller checked exactly as the ``need(permission)`` dependency does, the body parsed and
validated by its pydantic model in one step (``model_validate_json``), the endpoint called.
Errors are the same problem+json: a bad body is a ``RequestValidationError`` with the fields
under ``body``, as FastAPI raises it.

:class:`HotApp` goes one step further for these routes: the application itself hands a
``POST`` to a lean route's path straight to its handler, before the middleware stack (server
errors, body limit, timing, exceptions, exit stack, router), each of which wraps the request's
``receive`` and ``send`` (together about as much as screening an unlisted name costs;
bench/service.py). It keeps what the stack gives those requests: the body limit (by
Content-Length, and counted when the body streams), the latency metrics and access log, and
problem+json for every error by the same mapping (``problems.answer``).

An endpoint served so has the signature ``(body: Model, request: Request, who: Annotated[Caller,
Depends(need(PERMISSION))])`` and is async; anything else is refused when the route is made.
"""

from __future__ import annotations

import inspect
import time
import typing
from collections.abc import Callable, Coroutine
from typing import Any

from fastapi import APIRouter, FastAPI, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.routing import APIRoute
from pydantic import BaseModel, ValidationError
from starlette.types import Receive, Scope, Send

from earmark.errors import Forbidden
from earmark.service.auth import PERMISSION_TEXT, caller, permission_of

Handler = Callable[[Request], Coroutine[Any, Any, Response]]


def _is_json(content_type: str | None) -> bool:
    if not content_type:
        return False
    media = content_type.split(";", 1)[0].strip().lower()
    return media == "application/json" or media.endswith("+json")


def _missing() -> RequestValidationError:
    return RequestValidationError(
        [{"type": "missing", "loc": ("body",), "msg": "Field required", "input": None}]
    )


def _not_json() -> RequestValidationError:
    return RequestValidationError(
        [
            {
                "type": "model_attributes_type",
                "loc": ("body",),
                "msg": "Input should be a JSON object (content-type: application/json)",
                "input": None,
            }
        ]
    )


def _invalid(exc: ValidationError) -> RequestValidationError:
    return RequestValidationError(
        [{**e, "loc": ("body", *e.get("loc", ()))} for e in exc.errors(include_url=False)]
    )


class LeanRoute(APIRoute):
    """An APIRoute served without FastAPI's per-request dependency solving (module doc)."""

    lean_handler: Handler

    def get_route_handler(self) -> Handler:
        endpoint = self.endpoint
        model, permission = _shape(endpoint)
        validate = model.model_validate_json
        refused = PERMISSION_TEXT[permission]

        async def handler(request: Request) -> Response:
            who = caller(request)
            if not who.may(permission):
                raise Forbidden(refused, who.role)
            raw = await request.body()
            if not raw:
                raise _missing()
            if not _is_json(request.headers.get("content-type")):
                raise _not_json()
            try:
                body = validate(raw)
            except ValidationError as exc:
                raise _invalid(exc) from None
            response: Response = await endpoint(body, request, who)
            return response

        self.lean_handler = handler
        return handler


class HotApp(FastAPI):
    """FastAPI that answers a POST to a lean route's path itself, before its middleware stack
    (module doc), with the same body limit, metrics and access log as the stack's; any other
    request goes through the stack as before. ``serve_hot`` names the routes."""

    hot_routes: dict[str, LeanRoute]
    hot_limit: int

    def serve_hot(self, router: APIRouter, limit: int) -> None:
        from earmark.service import problems

        self.hot_limit = limit
        self._answer = problems.answer
        # The router's own routes (its prefix is in their paths), as the app includes them.
        self.hot_routes = {
            route.path: route
            for route in router.routes
            if isinstance(route, LeanRoute) and route.methods == {"POST"}
        }

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        route = None
        if scope["type"] == "http" and scope.get("method") == "POST":
            route = getattr(self, "hot_routes", {}).get(scope.get("path", ""))
        if route is None or scope.get("root_path"):
            await super().__call__(scope, receive, send)
            return
        await self._serve(route, scope, receive, send)

    async def _serve(self, route: LeanRoute, scope: Scope, receive: Receive, send: Send) -> None:
        from earmark.service import ops, problems

        start = time.perf_counter()
        scope["app"] = self
        scope["route"] = route  # the template the metrics report
        status = 500  # what is counted if the answer never goes out (as Timing counts it)
        try:
            if problems.declared_length(scope) > self.hot_limit:
                await problems.send_413(send, self.hot_limit)
                status = 413
                return
            # Counted as it comes in, whatever Content-Length says: a server may pass on a
            # body longer than the header declared (a chunked body with both headers).
            receive = problems.counted(receive, self.hot_limit)
            request = Request(scope, receive, send)
            try:
                response = await route.lean_handler(request)
            except Exception as exc:  # every error gets its problem+json, as in the stack
                response = self._answer(exc)
            await response(scope, receive, send)
            status = response.status_code
        finally:
            ops.served(self.state.metrics, scope, route.path, status, time.perf_counter() - start)


def _shape(endpoint: Callable[..., Any]) -> tuple[type[BaseModel], str]:
    """The body model and the permission of an endpoint a LeanRoute can serve."""
    name = getattr(endpoint, "__qualname__", repr(endpoint))
    if not inspect.iscoroutinefunction(endpoint):
        raise TypeError(f"{name}: a lean route's endpoint is async")
    hints = typing.get_type_hints(endpoint, include_extras=True)
    params = list(inspect.signature(endpoint).parameters)
    if len(params) != 3:
        raise TypeError(f"{name}: a lean route's endpoint takes (body, request, who)")
    model = hints.get(params[0])
    if not (isinstance(model, type) and issubclass(model, BaseModel)):
        raise TypeError(f"{name}: the first parameter is the body's pydantic model")
    if hints.get(params[1]) is not Request:
        raise TypeError(f"{name}: the second parameter is the Request")
    permission = None
    for meta in getattr(hints.get(params[2]), "__metadata__", ()):
        permission = permission_of(getattr(meta, "dependency", None))
    if permission is None:
        raise TypeError(f"{name}: the third parameter is Annotated[Caller, Depends(need(...))]")
    return model, permission
