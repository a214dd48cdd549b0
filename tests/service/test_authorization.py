"""Every route × every role: exactly the roles the permission table allows get past the
check (any answer but 401/403); the others get 403 problem+json. The route list must cover
every route the app has, so a new route cannot go untested."""

from __future__ import annotations

from typing import Any

import pytest

from earmark.service.auth import ROLE_PERMISSIONS
from tests.service.conftest import ROLES, Service, problem

# (method, path template, concrete path, permission). Bodies are empty or ids unknown, so an
# allowed call answers 404/409/422 (or 200 for reads) and changes nothing.
ROUTES: list[tuple[str, str, str, str]] = [
    ("POST", "/v1/screen", "/v1/screen", "screen"),
    ("POST", "/v1/match", "/v1/match", "screen"),
    ("POST", "/v1/check", "/v1/check", "screen"),
    ("POST", "/v1/check/diff", "/v1/check/diff", "screen"),
    ("GET", "/v1/entries/{entry_id}", "/v1/entries/EL-none", "read_lists"),
    ("GET", "/v1/lists", "/v1/lists", "read_lists"),
    ("POST", "/v1/lists", "/v1/lists", "admin"),
    ("GET", "/v1/timeline", "/v1/timeline", "read_lists"),
    ("GET", "/v1/parties", "/v1/parties", "read_records"),
    ("POST", "/v1/parties", "/v1/parties", "parties"),
    ("PATCH", "/v1/parties/{party_id}", "/v1/parties/999999", "parties"),
    ("POST", "/v1/parties/rescreen", "/v1/parties/rescreen", "parties"),
    ("POST", "/v1/parties/{party_id}/rescreen", "/v1/parties/999999/rescreen", "parties"),
    ("GET", "/v1/products", "/v1/products", "read_records"),
    ("POST", "/v1/products", "/v1/products", "parties"),
    ("GET", "/v1/reviews", "/v1/reviews", "read_records"),
    ("GET", "/v1/reviews/reasons", "/v1/reviews/reasons", "read_records"),
    ("GET", "/v1/reviews/{review_id}", "/v1/reviews/999999", "read_records"),
    ("POST", "/v1/reviews/{review_id}/clear", "/v1/reviews/999999/clear", "review"),
    ("POST", "/v1/reviews/{review_id}/confirm", "/v1/reviews/999999/confirm", "review"),
    ("POST", "/v1/reviews/{review_id}/escalate", "/v1/reviews/999999/escalate", "review"),
    ("POST", "/v1/reviews/bulk", "/v1/reviews/bulk", "review"),
    ("GET", "/v1/events", "/v1/events", "read_records"),
    ("POST", "/v1/events", "/v1/events", "admin"),
    ("GET", "/v1/impact", "/v1/impact?as_of=1999-01-01", "read_records"),
    ("POST", "/v1/impact", "/v1/impact", "admin"),
    ("GET", "/v1/applications", "/v1/applications", "read_records"),
    ("GET", "/v1/applications/overdue", "/v1/applications/overdue", "read_records"),
    ("GET", "/v1/applications/{ref}", "/v1/applications/Z9999999", "read_records"),
    ("POST", "/v1/applications", "/v1/applications", "licensing"),
    ("POST", "/v1/applications/{ref}/amend", "/v1/applications/Z9999999/amend", "licensing"),
    ("POST", "/v1/applications/{ref}/refer", "/v1/applications/Z9999999/refer", "licensing"),
    (
        "POST",
        "/v1/applications/{ref}/recommend",
        "/v1/applications/Z9999999/recommend",
        "licensing",
    ),
    ("POST", "/v1/applications/{ref}/escalate", "/v1/applications/Z9999999/escalate", "licensing"),
    ("POST", "/v1/applications/{ref}/hold", "/v1/applications/Z9999999/hold", "licensing"),
    ("POST", "/v1/applications/{ref}/resume", "/v1/applications/Z9999999/resume", "licensing"),
    ("POST", "/v1/applications/{ref}/decide", "/v1/applications/Z9999999/decide", "licensing"),
    ("GET", "/v1/licenses", "/v1/licenses", "read_records"),
    ("GET", "/v1/licenses/{ref}", "/v1/licenses/D9999999", "read_records"),
    ("POST", "/v1/licenses/{ref}/shipments", "/v1/licenses/D9999999/shipments", "licensing"),
    ("POST", "/v1/licenses/{ref}/status", "/v1/licenses/D9999999/status", "licensing"),
    ("POST", "/v1/shipments/{shipment_id}/shipped", "/v1/shipments/999999/shipped", "licensing"),
    ("POST", "/v1/shipments/{shipment_id}/cancel", "/v1/shipments/999999/cancel", "licensing"),
    ("GET", "/v1/audit", "/v1/audit", "audit"),
    ("GET", "/v1/audit/head", "/v1/audit/head", "audit"),
    ("GET", "/v1/audit/verify", "/v1/audit/verify", "audit"),
    ("GET", "/v1/evidence/{kind}/{ref}", "/v1/evidence/decisions/999999", "audit"),
    ("GET", "/v1/keys", "/v1/keys", "admin"),
    ("POST", "/v1/keys", "/v1/keys", "admin"),
    ("POST", "/v1/keys/{key_id}/revoke", "/v1/keys/999999/revoke", "admin"),
    ("POST", "/v1/batch", "/v1/batch", "screen"),
    ("GET", "/v1/batch/{job_id}", "/v1/batch/nope", "screen"),
    ("POST", "/v1/batch/{job_id}/resume", "/v1/batch/nope/resume", "screen"),
    ("GET", "/v1/batch/{job_id}/events", "/v1/batch/nope/events", "screen"),
    ("GET", "/v1/batch/{job_id}/result", "/v1/batch/nope/result", "screen"),
    ("GET", "/v1/batch/{job_id}/rejects", "/v1/batch/nope/rejects", "screen"),
    ("GET", "/metrics", "/metrics", "metrics"),
]
OPEN = {("GET", "/healthz"), ("GET", "/readyz")}


def test_the_table_covers_every_api_route(svc: Service) -> None:
    have = {
        (method.upper(), path) for path, ops in svc.app.openapi()["paths"].items() for method in ops
    }
    listed = {(m, t) for m, t, _, _ in ROUTES} | OPEN
    assert have == listed, (have - listed, listed - have)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("method", "template", "path", "permission"), ROUTES)
def test_only_the_allowed_roles_get_through(
    svc: Service, role: str, method: str, template: str, path: str, permission: str
) -> None:
    kwargs: dict[str, Any] = {"headers": svc.h(role)}
    if method in ("POST", "PATCH"):
        kwargs["json"] = {}
    r = svc.client.request(method, path, **kwargs)
    if permission in ROLE_PERMISSIONS[role]:
        assert r.status_code not in (401, 403), (role, template, r.text)
        assert r.status_code < 500, (role, template, r.text)
    else:
        assert "may not" in problem(r, 403)["detail"]


def test_no_key_is_401_everywhere(svc: Service) -> None:
    for method, _, path, _ in ROUTES:
        problem(svc.client.request(method, path, json={} if method != "GET" else None), 401)


def test_the_roles_are_each_limited_to_what_they_need() -> None:
    p = ROLE_PERMISSIONS
    assert p["screener"] == {"screen", "read_lists"}
    assert p["reviewer"] - p["screener"] == {"read_records", "parties", "review"}
    assert p["licensing_officer"] - p["screener"] == {"read_records", "parties", "licensing"}
    assert "screen" not in p["auditor"] and {"audit", "metrics", "read_records"} <= p["auditor"]
    assert "admin" in p["admin"] and all(p[r] <= p["admin"] for r in p)
