"""The hot routes (screen, match, check) are served by a lean handler: the same answers, the
same problem+json for every bad request, the same OpenAPI description."""

from __future__ import annotations

from typing import Annotated, Any

import pytest
from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from earmark.service.auth import SCREEN, Caller, need
from earmark.service.lean import LeanRoute
from earmark.service.models import ScreenRequest
from tests.service.conftest import Service, problem

HOT = ("/v1/screen", "/v1/match", "/v1/check")


def test_the_hot_routes_keep_their_request_schema_in_openapi(svc: Service) -> None:
    spec = svc.client.get("/openapi.json", headers=svc.h("screener")).json()
    refs = {
        path: spec["paths"][path]["post"]["requestBody"]["content"]["application/json"]["schema"]
        for path in HOT
    }
    assert refs == {
        "/v1/screen": {"$ref": "#/components/schemas/ScreenRequest"},
        "/v1/match": {"$ref": "#/components/schemas/MatchRequest"},
        "/v1/check": {"$ref": "#/components/schemas/CheckRequest"},
    }
    assert "name" in spec["components"]["schemas"]["ScreenRequest"]["required"]


def test_the_key_is_checked_before_the_body(svc: Service) -> None:
    for path in HOT:
        problem(svc.client.post(path, content=b"{not json"), 401)
        problem(
            svc.client.post(path, content=b"{not json", headers=svc.h("auditor")), 403
        )  # the auditor may not screen


def test_a_bad_body_is_422_naming_the_field(svc: Service) -> None:
    h = svc.h("screener")
    missing = problem(svc.client.post("/v1/screen", headers=h), 422)
    assert missing["field"] == "body" and missing["detail"] == "Field required"
    broken = problem(
        svc.client.post(
            "/v1/screen", content=b'{"name": ', headers={**h, "content-type": "application/json"}
        ),
        422,
    )
    assert broken["field"] == "body" and "JSON" in broken["detail"]
    text = problem(
        svc.client.post(
            "/v1/screen", content=b"name=Huawei", headers={**h, "content-type": "text/plain"}
        ),
        422,
    )
    assert text["field"] == "body" and "application/json" in text["detail"]
    unknown = problem(
        svc.client.post("/v1/screen", json={"name": "x", "colour": 1}, headers=h), 422
    )
    assert unknown["field"] == "colour"
    nested = problem(
        svc.client.post("/v1/match", json={"pairs": [{"a": "x", "b": 2}]}, headers=h), 422
    )
    assert nested["field"] == "pairs[0].b"
    assert nested["errors"][0]["field"] == "pairs[0].b"


def test_a_hot_route_answers_as_the_library_does(svc: Service) -> None:
    h = svc.h("screener")
    r = svc.client.post(
        "/v1/screen",
        content='{"name": "华为技术有限公司", "record": false}'.encode(),
        headers={**h, "content-type": "application/json; charset=utf-8"},
    )
    assert r.status_code == 200 and r.headers["content-type"] == "application/json"
    expected = svc.runtime.screener.screen("华为技术有限公司").to_dict()
    assert r.json() == expected
    scored = svc.client.post("/v1/match", json={"a": "Huawei", "b": "华为"}, headers=h).json()
    assert scored["score"] == svc.runtime.screener.match("Huawei", "华为", None).score


def test_a_lean_route_refuses_an_endpoint_it_cannot_serve() -> None:
    router = APIRouter(route_class=LeanRoute)

    def not_async(
        body: ScreenRequest, request: Request, who: Annotated[Caller, Depends(need(SCREEN))]
    ) -> Response:
        return Response()

    async def no_caller(body: ScreenRequest, request: Request, who: Caller) -> Response:
        return Response()

    for endpoint in (not_async, no_caller):
        with pytest.raises(TypeError, match=r"lean route|Annotated"):
            router.add_api_route("/x", endpoint, methods=["POST"])


def test_a_hot_path_is_answered_before_the_router(
    svc: Service, monkeypatch: pytest.MonkeyPatch
) -> None:
    """HotApp hands POST /v1/screen, /v1/match, /v1/check to their handlers: with the app's
    router emptied they still answer, errors included; any other path goes to the router."""
    h = svc.h("screener")
    body = {"name": "Huawei Technologies Co., Ltd.", "record": False}
    before = svc.client.post("/v1/screen", json=body, headers=h).json()
    monkeypatch.setattr(svc.app.router, "routes", [])
    assert svc.client.post("/v1/screen", json=body, headers=h).json() == before
    assert svc.client.post("/v1/match", json={"a": "x", "b": "x"}, headers=h).status_code == 200
    assert problem(svc.client.post("/v1/screen", json={"nom": "x"}, headers=h), 422)["field"] in (
        "name",
        "nom",
    )
    problem(svc.client.post("/v1/check", json={}), 401)
    assert svc.client.get("/v1/lists", headers=h).status_code == 404  # the router's, emptied


def _asgi(
    app: Any,
    path: str,
    headers: dict[str, str],
    chunks: list[bytes],
    stack: bool = False,
    cut: bool = False,
) -> tuple[int, dict[str, str], bytes]:
    """One POST straight to the ASGI app (``stack``: through FastAPI's own middleware stack,
    as a request the hot paths do not take), the body sent in ``chunks`` (``cut``: the
    client goes away before the last)."""
    import asyncio

    from fastapi import FastAPI

    scope = {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "POST",
        "scheme": "http", "path": path, "raw_path": path.encode(), "root_path": "",
        "query_string": b"", "client": ("127.0.0.1", 1), "server": ("testserver", 80),
        "headers": [(k.lower().encode(), v.encode()) for k, v in headers.items()],
    }  # fmt: skip
    pending = [
        {"type": "http.request", "body": c, "more_body": cut or i < len(chunks) - 1}
        for i, c in enumerate(chunks)
    ]
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return pending.pop(0) if pending else {"type": "http.disconnect"}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    call = FastAPI.__call__(app, scope, receive, send) if stack else app(scope, receive, send)
    asyncio.run(call)
    start = next(m for m in sent if m["type"] == "http.response.start")
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    return start["status"], {k.decode(): v.decode() for k, v in start["headers"]}, body


def test_a_body_longer_than_its_content_length_is_413_on_a_hot_route(svc: Service) -> None:
    # A server may pass on more body than Content-Length declares (a chunked body with both
    # headers): the hot paths count what comes in, as the stack's body limit does.
    limit = svc.app.hot_limit
    head = {**svc.h("screener"), "content-type": "application/json", "content-length": "10"}
    chunks = [b'{"name": "x", "address": "', *[b"y" * 65_536] * (limit // 65_536 + 2), b'"}']
    for path in HOT:
        status, headers, body = _asgi(svc.app, path, head, chunks)
        assert status == 413 and headers["content-type"] == "application/problem+json", body


@pytest.mark.parametrize(
    ("path", "role", "body"),
    [
        ("/v1/screen", "screener", b'{"name": "Huawei Technologies Co., Ltd.", "record": false}'),
        ("/v1/screen", "screener", b'{"name": "x", "colour": 1}'),
        ("/v1/screen", "screener", b'{"name": '),
        ("/v1/screen", "auditor", b'{"name": "x", "record": false}'),
        ("/v1/screen", None, b'{"name": "x", "record": false}'),
        ("/v1/match", "screener", b'{"a": "Huawei", "b": "Hua Wei"}'),
        ("/v1/match", "screener", b'{"a": "Huawei"}'),
        ("/v1/check", "screener", b'{"case": {"date": "2019-13-01"}, "record": false}'),
    ],
)
def test_a_hot_route_answers_as_the_middleware_stack_does(
    svc: Service, path: str, role: str | None, body: bytes
) -> None:
    # The hot path and the ordinary one (taken under a root_path) give the same status,
    # headers and body, errors included.
    head = {"content-type": "application/json", **(svc.h(role) if role else {})}
    hot = _asgi(svc.app, path, head, [body[:7], body[7:]])
    stack = _asgi(svc.app, path, head, [body], stack=True)
    assert hot[0] == stack[0] and hot[2] == stack[2]
    assert {k: v for k, v in hot[1].items() if k != "content-length"} == {
        k: v for k, v in stack[1].items() if k != "content-length"
    }


def test_a_hot_request_whose_answer_cannot_be_sent_is_still_counted(svc: Service) -> None:
    import asyncio

    metrics = svc.app.state.metrics
    before = sum(c[-1] for (m, r, s), c in metrics.latency.items() if r == "/v1/match")
    scope = {
        "type": "http", "method": "POST", "path": "/v1/match", "root_path": "",
        "query_string": b"", "headers": [
            (b"authorization", svc.h("screener")["Authorization"].encode()),
            (b"content-type", b"application/json"),
        ],
    }  # fmt: skip

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b'{"a": "x", "b": "y"}', "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        raise OSError("the client went away")

    with pytest.raises(OSError):
        asyncio.run(svc.app(scope, receive, send))
    after = sum(c[-1] for (m, r, s), c in metrics.latency.items() if r == "/v1/match")
    assert after == before + 1


def test_a_client_gone_before_its_body_ended_is_no_server_error(
    svc: Service, caplog: pytest.LogCaptureFixture
) -> None:
    head = {**svc.h("screener"), "content-type": "application/json"}
    for stack in (False, True):
        status, _, body = _asgi(svc.app, "/v1/screen", head, [b'{"name": "Hua'], stack, cut=True)
        assert status == 499 and b"client-closed" in body
    assert not [r for r in caplog.records if r.levelname in ("ERROR", "CRITICAL")]
