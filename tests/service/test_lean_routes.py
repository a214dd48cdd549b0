"""The hot routes (screen, match, check) are served by a lean handler: the same answers, the
same problem+json for every bad request, the same OpenAPI description."""

from __future__ import annotations

from typing import Annotated

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
