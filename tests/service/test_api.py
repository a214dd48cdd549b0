"""The /v1 API on FastAPI's TestClient: shapes, errors as problem+json, and the use cases."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.service.conftest import Service, problem

HUAWEI = "华为技术有限公司"
CASE: dict[str, Any] = {
    "id": "svc-1",
    "date": "2019-05-15",
    "activity": "export",
    "from_country": "US",
    "destination": "CN",
    "item": {"description": "power supply", "kind": "commodity", "eccn": "EAR99", "origin": "US"},
    "parties": [
        {"role": "ultimate_consignee", "name": "Huawei Technologies Co., Ltd.", "country": "CN"}
    ],
}
APPLICATION = {
    "applicant": "US Exporter Inc.",
    "destination": "DE",
    "parties": [{"name": "Siemens AG", "country": "DE"}],
    "items": [{"eccn": "5A002.a", "quantity": 10, "value": 5000}],
}


def test_health_and_readiness_need_no_key(svc: Service) -> None:
    assert svc.client.get("/healthz").json() == {"status": "ok"}
    ready = svc.client.get("/readyz")
    assert ready.status_code == 200
    body = ready.json()
    assert body["status"] == "ready" and body["store"] == "reachable" and body["index_loaded"]
    assert body["list_age_days"] >= 0 and body["newest_list"] >= "2026-01-01"


def test_every_other_path_needs_a_known_key(svc: Service) -> None:
    problem(svc.client.post("/v1/screen", json={"name": "x"}), 401)
    bad = {"Authorization": "Bearer em_not-a-key"}
    assert "unknown or revoked" in problem(svc.client.get("/v1/lists", headers=bad), 401)["detail"]
    problem(svc.client.get("/v1/lists", headers={"Authorization": "Basic abc"}), 401)
    problem(svc.client.get("/metrics"), 401)


def test_screen_a_chinese_name_finds_huawei_and_records_it(svc: Service) -> None:
    r = svc.client.post("/v1/screen", json={"name": HUAWEI}, headers=svc.h("screener"))
    assert r.status_code == 200, r.text
    body = r.json()
    assert set(body) >= {"query", "threshold", "as_of", "matches", "data_version", "record"}
    names = [m["name"] for m in body["matches"]]
    assert "Huawei Technologies Co., Ltd." in names
    top = body["matches"][0]
    assert top["list"] == "EL" and top["score"] >= 0.95 and top["explanation"]
    assert top["review"]["status"] == "potential"
    # The audit trail names the key's owner, not the server's login.
    with svc.runtime.store("t").read() as conn:
        from earmark.store.audit import page

        rows = page(conn, 0, 200)["items"]
    assert any(r["actor"].startswith("screener-user (key") for r in rows)


def test_screen_as_of_a_date_before_the_listing(svc: Service) -> None:
    r = svc.client.post(
        "/v1/screen",
        json={"name": "Huawei Technologies Co., Ltd.", "as_of": "2019-05-01", "record": False},
        headers=svc.h("screener"),
    )
    assert r.status_code == 200 and r.json()["as_of"] == "2019-05-01"
    assert "record" not in r.json()
    assert not [m for m in r.json()["matches"] if m["list"] == "EL"]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"name": ""}, "name"),
        ({"name": "x", "as_of": "2019-13-01"}, "as_of"),
        ({"name": "x", "limit": 0}, "limit"),
        ({"name": "x", "threshold": 2}, "threshold"),
        ({"name": "x", "colour": "red"}, "colour"),
        ({"name": "x", "lists": ["NOPE"], "record": False}, "lists"),
        ({"name": "x", "country": "Atlantis", "record": False}, "country"),
    ],
)
def test_bad_screen_input_is_422_naming_the_field(
    svc: Service, body: dict[str, Any], field: str
) -> None:
    r = svc.client.post("/v1/screen", json=body, headers=svc.h("screener"))
    assert problem(r, 422)["field"] == field


def test_malformed_json_and_wrong_method_are_problems_not_500(svc: Service) -> None:
    r = svc.client.post(
        "/v1/screen",
        content=b"{not json",
        headers={**svc.h("screener"), "content-type": "application/json"},
    )
    problem(r, 422)
    problem(svc.client.get("/v1/screen", headers=svc.h("screener")), 405)
    problem(svc.client.get("/v1/nothing-here", headers=svc.h("screener")), 404)


def test_match_two_names_and_pairs(svc: Service) -> None:
    h = svc.h("screener")
    r = svc.client.post("/v1/match", json={"a": "Huawei Technologies", "b": HUAWEI}, headers=h)
    assert r.status_code == 200 and r.json()["score"] > 0.8 and r.json()["explanation"]
    pairs = svc.client.post(
        "/v1/match", json={"pairs": [{"a": "Gazprom", "b": "Газпром"}, {"a": "a", "b": "zzz"}]},
        headers=h,
    )  # fmt: skip
    scores = [p["score"] for p in pairs.json()["pairs"]]
    assert scores[0] > scores[1]
    assert problem(svc.client.post("/v1/match", json={"a": "x"}, headers=h), 422)["field"] == "b"


def test_check_gives_the_cli_shape_and_records(svc: Service) -> None:
    r = svc.client.post("/v1/check", json={"case": CASE}, headers=svc.h("screener"))
    assert r.status_code == 200, r.text
    d = r.json()
    assert d["license_required"] is False and d["subject_to_ear"] is True
    assert {"reasons", "missing_facts", "data_version", "record"} <= set(d)
    assert all({"rule", "text", "step"} <= set(x) for x in d["reasons"])
    bad = svc.client.post(
        "/v1/check", json={"case": {**CASE, "colour": 1}}, headers=svc.h("screener")
    )
    assert problem(bad, 422)["field"] == "case.colour"
    wrong = {**CASE, "destination": "Atlantis"}
    field = problem(
        svc.client.post("/v1/check", json={"case": wrong}, headers=svc.h("screener")), 422
    )
    assert field["field"].startswith("case.destination")


def test_check_diff_on_two_dates(svc: Service) -> None:
    r = svc.client.post(
        "/v1/check/diff",
        json={"case": CASE, "dates": ["2019-05-15", "2019-05-17"]},
        headers=svc.h("screener"),
    )
    assert r.status_code == 200, r.text
    d = r.json()
    assert d["changed"]["license_required"] == {"from": False, "to": True}
    assert d["reasons_only_on_second"] and len(d["decisions"]) == 2
    one = svc.client.post(
        "/v1/check/diff", json={"case": CASE, "dates": ["2019-05-15"]}, headers=svc.h("screener")
    )
    assert problem(one, 422)["field"].startswith("dates")


def test_entries_lists_and_timeline(svc: Service) -> None:
    h = svc.h("screener")
    e = svc.client.get("/v1/entries/EL-03a400e609", params={"as_of": "2020-01-01"}, headers=h)
    assert e.status_code == 200, e.text
    body = e.json()
    assert body["list"] == "EL" and body["versions"] and "listed_on_date" in body
    assert problem(svc.client.get("/v1/entries/EL-nope", headers=h), 404)["detail"]
    lists = svc.client.get("/v1/lists", headers=h).json()
    assert {v["list"] for v in lists["lists"]} >= {"EL", "SDN"}
    tl = svc.client.get("/v1/timeline", headers=h).json()
    assert any("Huawei" in ev["title"] for ev in tl["events"])
    assert (
        problem(svc.client.get("/v1/timeline", params={"series": "zz"}, headers=h), 422)["field"]
        == "series"
    )


def test_parties_products_and_cursor_paging(svc: Service) -> None:
    h = svc.h("reviewer")
    made = [
        svc.client.post("/v1/parties", json={"name": n, "country": "CN"}, headers=h)
        for n in ("Huawei Technologies Co., Ltd.", "Acme Widgets", "Beijing Tea House")
    ]
    assert all(m.status_code == 201 for m in made), made[0].text
    pid = made[1].json()["party"]["id"]
    first = svc.client.get("/v1/parties", params={"limit": 2}, headers=h).json()
    assert len(first["items"]) == 2 and first["next"] is not None
    rest = svc.client.get("/v1/parties", params={"after": first["next"]}, headers=h).json()
    assert rest["items"] and rest["items"][0]["id"] > first["next"]
    edited = svc.client.patch(f"/v1/parties/{pid}", json={"address": "1 Main St"}, headers=h)
    assert edited.status_code == 200 and edited.json()["party"]["address"] == "1 Main St"
    assert svc.client.post(f"/v1/parties/{pid}/rescreen", headers=h).status_code == 200
    problem(svc.client.post("/v1/parties/999999/rescreen", headers=h), 404)
    some = svc.client.post(
        "/v1/parties/rescreen", json={"ids": [pid], "as_of": "2019-05-01"}, headers=h
    )
    assert some.status_code == 200 and [r["party"]["id"] for r in some.json()["rescreened"]] == [
        pid
    ]
    problem(svc.client.post("/v1/parties/rescreen", json={"ids": [999999]}, headers=h), 404)
    problem(svc.client.patch(f"/v1/parties/{pid}", json={}, headers=h), 422)
    prod = svc.client.post(
        "/v1/products",
        json={"sku": "R-1", "description": "router", "eccn": "5A002", "rationale": "encryption"},
        headers=h,
    )
    assert prod.status_code == 201, prod.text
    assert any(p["sku"] == "R-1" for p in svc.client.get("/v1/products", headers=h).json())
    bad = svc.client.post(
        "/v1/products",
        json={"sku": "R-2", "description": "d", "eccn": "9Z999", "rationale": "r"},
        headers=h,
    )
    assert problem(bad, 422)["field"] == "eccn"


def _open_reviews(svc: Service, n: int) -> list[int]:
    h = svc.h("screener")
    svc.client.post("/v1/screen", json={"name": HUAWEI}, headers=h)
    svc.client.post("/v1/screen", json={"name": "Huawei Technologies Co., Ltd."}, headers=h)
    rows = svc.client.get("/v1/reviews", params={"limit": 200}, headers=svc.h("reviewer")).json()
    ids = [r["id"] for r in rows["items"]]
    assert len(ids) >= n
    return ids[:n]


def test_review_queue_clear_confirm_escalate_and_bulk(svc: Service) -> None:
    h = svc.h("reviewer")
    ids = _open_reviews(svc, 4)
    queue = svc.client.get(
        "/v1/reviews", params={"list": "EL", "min_score": 0.5, "limit": 1}, headers=h
    )
    assert queue.status_code == 200 and len(queue.json()["items"]) == 1
    assert queue.json()["items"][0]["list"] == "EL"
    reasons = svc.client.get("/v1/reviews/reasons", headers=h).json()
    assert "different_name" in reasons["cleared"]
    cleared = svc.client.post(
        f"/v1/reviews/{ids[0]}/clear", json={"reason": "different_name", "note": "n"}, headers=h
    )
    assert cleared.status_code == 200 and cleared.json()["status"] == "cleared"
    assert cleared.json()["reviewer"].startswith("reviewer-user")
    again = svc.client.post(
        f"/v1/reviews/{ids[0]}/clear", json={"reason": "different_name"}, headers=h
    )
    problem(again, 409)
    problem(
        svc.client.post("/v1/reviews/999999/clear", json={"reason": "different_name"}, headers=h),
        404,
    )
    wrong = svc.client.post(f"/v1/reviews/{ids[1]}/confirm", json={"reason": "nope"}, headers=h)
    assert problem(wrong, 422)["field"] == "reason"
    esc = svc.client.post(f"/v1/reviews/{ids[1]}/escalate", json={"reason": "unsure"}, headers=h)
    assert esc.status_code == 200 and esc.json()["escalated"]["audit_seq"] > 0
    assert svc.client.get(f"/v1/reviews/{ids[1]}", headers=h).json()["status"] == "potential"
    up = svc.client.get("/v1/reviews", params={"escalated": True, "limit": 200}, headers=h).json()
    assert ids[1] in [r["id"] for r in up["items"]]
    assert all(r["escalated"]["reason"] for r in up["items"])
    confirmed = svc.client.post(
        f"/v1/reviews/{ids[1]}/confirm", json={"reason": "exact_name"}, headers=h
    )
    assert confirmed.json()["status"] == "confirmed"
    bulk = svc.client.post(
        "/v1/reviews/bulk",
        json={"ids": ids[2:4], "action": "clear", "reason": "different_country"},
        headers=h,
    )
    assert (
        bulk.status_code == 200 and [r["status"] for r in bulk.json()["decided"]] == ["cleared"] * 2
    )
    # All or none: one bad id leaves the others open.
    more = _open_reviews(svc, 1)
    none = svc.client.post(
        "/v1/reviews/bulk",
        json={"ids": [*more, 999999], "action": "clear", "reason": "different_name"},
        headers=h,
    )
    problem(none, 404)
    assert svc.client.get(f"/v1/reviews/{more[0]}", headers=h).json()["status"] == "potential"


def test_application_procedure_license_and_shipments(svc: Service) -> None:
    h = svc.h("licensing_officer")
    app = svc.client.post(
        "/v1/applications", json={"application": APPLICATION, "on": "2026-01-05"}, headers=h
    )
    assert app.status_code == 201, app.text
    number = app.json()["number"]
    assert app.json()["status"] == "submitted" and app.json()["review_policy"]
    amended = svc.client.post(
        f"/v1/applications/{number}/amend",
        json={
            "amendment": {"items": [{"eccn": "5A002.a", "quantity": 20, "value": 9000}]},
            "on": "2026-01-06",
        },
        headers=h,
    )
    assert amended.status_code == 200 and amended.json()["items"][0]["quantity"] == 20
    bad = svc.client.post(
        "/v1/applications", json={"application": {**APPLICATION, "colour": 1}}, headers=h
    )
    assert problem(bad, 422)["field"] == "application.colour"
    held = svc.client.post(
        f"/v1/applications/{number}/hold",
        json={"reason": "information", "on": "2026-01-07"},
        headers=h,
    )
    assert held.status_code == 200, held.text
    assert (
        svc.client.post(
            f"/v1/applications/{number}/resume", json={"on": "2026-01-09"}, headers=h
        ).status_code
        == 200
    )
    overdue = svc.client.get(
        "/v1/applications/overdue", params={"on": "2026-03-01"}, headers=h
    ).json()
    assert any(r["number"] == number for r in overdue)
    decided = svc.client.post(
        f"/v1/applications/{number}/decide",
        json={"decision": "approved", "on": "2026-01-13"},
        headers=h,
    )
    assert decided.status_code == 200, decided.text
    lic = decided.json()["license"]["number"]
    late = svc.client.post(
        f"/v1/applications/{number}/amend", json={"amendment": {"end_use": "x"}}, headers=h
    )
    assert "750.4(a)(2)" in problem(late, 409)["detail"]
    shipped = svc.client.post(
        f"/v1/licenses/{lic}/shipments",
        json={"eccn": "5A002.a", "quantity": 5, "value": 1000, "on": "2026-02-01"},
        headers=h,
    )
    assert shipped.status_code == 201, shipped.text
    too_much = svc.client.post(
        f"/v1/licenses/{lic}/shipments",
        json={"eccn": "5A002.a", "quantity": 500, "value": 1, "on": "2026-02-02"},
        headers=h,
    )
    problem(too_much, 409)
    planned = svc.client.post(
        f"/v1/licenses/{lic}/shipments",
        json={"eccn": "5A002.a", "quantity": 1, "value": 10, "on": "2026-02-03", "planned": True},
        headers=h,
    ).json()
    sid = planned["shipment"]["id"]
    assert (
        svc.client.post(
            f"/v1/shipments/{sid}/cancel", json={"reason": "customer"}, headers=h
        ).status_code
        == 200
    )
    problem(svc.client.post(f"/v1/shipments/{sid}/shipped", json={}, headers=h), 409)
    problem(svc.client.post("/v1/shipments/999999/cancel", json={"reason": "r"}, headers=h), 404)
    shown = svc.client.get(f"/v1/licenses/{lic}", headers=h).json()
    assert shown["balance"][0]["quantity_left"] == 15 and shown["status_history"] is not None
    assert len(shown["shipments"]) == 2
    revoked = svc.client.post(
        f"/v1/licenses/{lic}/status",
        json={"status": "revoked", "reason": "policy", "on": "2026-03-01"},
        headers=h,
    )
    assert revoked.status_code == 200 and revoked.json()["status"] == "revoked"
    assert any(x["number"] == lic for x in svc.client.get("/v1/licenses", headers=h).json())
    assert any(a["number"] == number for a in svc.client.get("/v1/applications", headers=h).json())
    problem(svc.client.get("/v1/applications/Z9999999", headers=h), 404)
    problem(svc.client.get("/v1/licenses/D9999999", headers=h), 404)


def test_events_and_impact(svc: Service) -> None:
    h = svc.h("admin")
    ev = svc.client.post(
        "/v1/events",
        json={
            "name": "no new licenses for Huawei",
            "kind": "no_new_licenses",
            "effective": "2020-08-17",
            "footnote": 1,
        },
        headers=h,
    )
    assert ev.status_code == 201, ev.text
    assert any(
        e["name"] == "no new licenses for Huawei"
        for e in svc.client.get("/v1/events", headers=h).json()
    )
    bad = svc.client.post(
        "/v1/events", json={"name": "x", "kind": "nap", "effective": "2020-01-01"}, headers=h
    )
    assert problem(bad, 422)["field"] == "event.kind"
    foot = svc.client.post(
        "/v1/events",
        json={"name": "x", "kind": "no_new_licenses", "effective": "2020-01-01", "footnote": 99},
        headers=h,
    )
    assert problem(foot, 422)["field"] == "event.footnote"
    report = svc.client.get("/v1/impact", params={"as_of": "2026-07-31"}, headers=h)
    assert report.status_code == 200 and set(report.json()) >= {"as_of", "changes", "summary"}
    recorded = svc.client.post(
        "/v1/impact", json={"as_of": "2026-07-31", "record": True}, headers=h
    )
    assert recorded.status_code == 200 and "recorded" in recorded.json()


def test_audit_trail_verify_and_evidence(svc: Service) -> None:
    d = svc.client.post("/v1/check", json={"case": CASE}, headers=svc.h("screener")).json()
    decision_id = d["record"]["decision_id"]
    h = svc.h("auditor")
    first = svc.client.get("/v1/audit", params={"limit": 3}, headers=h).json()
    assert [r["seq"] for r in first["items"]] == [1, 2, 3] and first["next"] == 3
    second = svc.client.get(
        "/v1/audit", params={"after": first["next"], "limit": 3}, headers=h
    ).json()
    assert second["items"][0]["seq"] == 4
    assert svc.client.get("/v1/audit/verify", headers=h).json()["ok"] is True
    head = svc.client.get("/v1/audit/head", headers=h).json()
    anchored = svc.client.get("/v1/audit/verify", params={"anchor": head["anchor"]}, headers=h)
    assert anchored.json()["ok"] is True
    problem(svc.client.get("/v1/audit/verify", params={"anchor": "x"}, headers=h), 422)
    pack = svc.client.get(f"/v1/evidence/decisions/{decision_id}", headers=h).json()
    assert pack["subject"] == f"decisions:{decision_id}" and pack["audit"]["head"]
    html = svc.client.get(
        f"/v1/evidence/decisions/{decision_id}", params={"format": "html"}, headers=h
    )
    assert (
        html.headers["content-type"].startswith("text/html")
        and f"decisions:{decision_id}" in html.text
    )
    problem(svc.client.get("/v1/evidence/decisions/999999", headers=h), 404)
    problem(svc.client.get("/v1/evidence/other/1", headers=h), 422)


def test_keys_admin(svc: Service) -> None:
    h = svc.h("admin")
    made = svc.client.post("/v1/keys", json={"role": "auditor"}, headers=h)
    assert made.status_code == 201 and made.json()["key"].startswith("em_")
    listed = svc.client.get("/v1/keys", headers=h).json()
    assert all("key" not in k and "key_hash" not in k for k in listed)
    assert (
        problem(svc.client.post("/v1/keys", json={"role": "king"}, headers=h), 422)["field"]
        == "role"
    )
    fresh = {"Authorization": f"Bearer {made.json()['key']}"}
    assert svc.client.get("/v1/audit/head", headers=fresh).status_code == 200
    key_id = made.json()["id"]
    revoked = svc.client.post(f"/v1/keys/{key_id}/revoke", headers=h)
    assert revoked.status_code == 200 and revoked.json()["revoked_at"]
    problem(svc.client.post(f"/v1/keys/{key_id}/revoke", headers=h), 409)
    problem(svc.client.post("/v1/keys/999999/revoke", headers=h), 404)
    svc.app.state.keys.ttl, ttl = 0.0, svc.app.state.keys.ttl  # no cached verdict
    try:
        problem(svc.client.get("/v1/audit/head", headers=fresh), 401)
    finally:
        svc.app.state.keys.ttl = ttl


def test_batch_job_upload_poll_download(svc: Service, tmp_path: Path) -> None:
    h = svc.h("screener")
    csv = "id,name,country\n1,华为技术有限公司,CN\n2,Acme Widgets,US\n"
    started = svc.client.post(
        "/v1/batch",
        files={"file": ("parties.csv", csv.encode(), "text/csv")},
        data={"record": "false"},
        headers=h,
    )
    assert started.status_code == 202, started.text
    job = started.json()["id"]
    for _ in range(200):
        state = svc.client.get(f"/v1/batch/{job}", headers=h).json()
        if state["state"] in ("done", "failed"):
            break
        time.sleep(0.1)
    assert state["state"] == "done", state
    assert state["summary"]["rows"] == 2 and state["result"] == f"/v1/batch/{job}/result"
    out = svc.client.get(f"/v1/batch/{job}/result", headers=h)
    lines = [json.loads(x) for x in out.text.splitlines() if x.strip()]
    assert any("Huawei" in json.dumps(x, ensure_ascii=False) for x in lines)
    stream = svc.client.get(f"/v1/batch/{job}/events", headers=h)
    assert stream.headers["content-type"].startswith("text/event-stream")
    assert stream.text.startswith("event: end\ndata: ") and '"state": "done"' in stream.text
    again = svc.client.post(f"/v1/batch/{job}/resume", headers=h)
    assert again.status_code == 202
    problem(svc.client.get("/v1/batch/nope", headers=h), 404)
    wrong = svc.client.post("/v1/batch", files={"file": ("x.txt", b"a", "text/plain")}, headers=h)
    assert problem(wrong, 422)["field"] == "file"


def test_a_batch_job_s_bad_rows_download_with_their_reasons(svc: Service) -> None:
    h = svc.h("screener")
    csv = "id,name\n1,Acme Widgets\n,no id\n3,\n"
    started = svc.client.post(
        "/v1/batch", files={"file": ("p.csv", csv.encode(), "text/csv")}, headers=h
    )
    job = started.json()["id"]
    state = svc.app.state.jobs.wait(job).view()
    assert state["summary"]["errors"] == 2
    assert state["summary"]["rejects"] == f"/v1/batch/{job}/rejects"
    assert "/" not in state["summary"]["output"]  # no server path in the answer
    got = svc.client.get(f"/v1/batch/{job}/rejects", headers=h)
    rejects = [json.loads(x) for x in got.text.splitlines()]
    assert [r["row"] for r in rejects] == [2, 3] and all(r["error"] for r in rejects)
    good = svc.client.post(
        "/v1/batch", files={"file": ("g.csv", b"id,name\n1,Acme\n", "text/csv")}, headers=h
    ).json()["id"]
    svc.app.state.jobs.wait(good)
    problem(svc.client.get(f"/v1/batch/{good}/rejects", headers=h), 404)


def test_body_limit_is_413_problem(svc: Service) -> None:
    big = {"name": "x" * 10, "address": "y" * 2_000_000}
    problem(svc.client.post("/v1/screen", json=big, headers=svc.h("screener")), 413)


def test_a_streamed_body_over_the_limit_is_413_on_a_hot_route(svc: Service) -> None:
    def chunks() -> Iterator[bytes]:  # no content-length: counted as it streams in
        yield b'{"name": "x", "address": "'
        for _ in range(40):
            yield b"y" * 65_536
        yield b'"}'

    h = {**svc.h("screener"), "content-type": "application/json"}
    for path in ("/v1/screen", "/v1/check"):
        problem(svc.client.post(path, content=chunks(), headers=h), 413)


def test_rate_limit_is_429_with_retry_after(svc: Service) -> None:
    from fastapi.testclient import TestClient

    from earmark.service import Settings, create_app

    tight = create_app(Settings(database=svc.database, rate_per_minute=2), runtime=svc.runtime)
    client = TestClient(tight)
    h = svc.h("auditor")
    assert client.get("/v1/lists", headers=h).status_code == 200
    assert client.get("/v1/lists", headers=h).status_code == 200
    r = client.get("/v1/lists", headers=h)
    body = problem(r, 429)
    assert int(r.headers["retry-after"]) >= 1 and "retry" in body["detail"]
    # Another key has its own budget.
    assert client.get("/v1/lists", headers=svc.h("screener")).status_code == 200
    # The hot routes (answered before the router) count against the same budget.
    h = svc.h("screener")
    assert client.post("/v1/match", json={"a": "x", "b": "y"}, headers=h).status_code == 200
    r = client.post("/v1/match", json={"a": "x", "b": "y"}, headers=h)
    assert problem(r, 429) and int(r.headers["retry-after"]) >= 1


def test_metrics_for_auditor(svc: Service) -> None:
    svc.client.post("/v1/check", json={"case": CASE, "record": False}, headers=svc.h("screener"))
    text = svc.client.get("/metrics", headers=svc.h("auditor"))
    assert text.status_code == 200 and text.headers["content-type"].startswith("text/plain")
    body = text.text
    assert 'earmark_http_request_duration_seconds_bucket{method="POST",route="/v1/check"' in body
    assert 'earmark_decisions_total{outcome="no_license_required"}' in body
    assert "earmark_review_queue_depth " in body and "earmark_list_age_days " in body


def test_openapi_lists_the_routes(svc: Service) -> None:
    problem(svc.client.get("/openapi.json"), 401)
    spec = svc.client.get("/openapi.json", headers=svc.h("screener")).json()
    for path in (
        "/v1/screen",
        "/v1/match",
        "/v1/check",
        "/v1/check/diff",
        "/v1/reviews/{review_id}/clear",
        "/v1/applications",
        "/v1/licenses/{ref}/shipments",
        "/v1/audit",
        "/v1/batch",
    ):
        assert path in spec["paths"], path
    assert "/login" not in spec["paths"]


def test_the_request_log_names_the_key_id_never_the_key(
    svc: Service, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level("INFO", logger="earmark.service.access"):
        svc.client.post(
            "/v1/screen",
            json={"name": "Acme Widgets", "record": False},
            headers=svc.h("screener"),
        )
        svc.client.get("/v1/entries/EL-secret?as_of=2020-01-01", headers=svc.h("screener"))
    lines = [json.loads(r.getMessage()) for r in caplog.records if r.name.endswith("access")]
    assert {"route": "/v1/screen", "status": 200, "role": "screener"}.items() <= lines[0].items()
    assert lines[0]["key_id"] and lines[1]["route"] == "/v1/entries/{entry_id}"
    text = caplog.text
    assert svc.keys["screener"] not in text and "EL-secret" not in text and "as_of" not in text
