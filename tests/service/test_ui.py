"""The web UI on TestClient: login, pages, escaping of list and user text, CSRF."""

from __future__ import annotations

import re
from typing import Any

from fastapi.testclient import TestClient

from tests.service.conftest import Service


def _browser(svc: Service, role: str) -> Any:
    client = TestClient(svc.app)
    r = client.post(
        "/login", data={"key": svc.keys[role], "next": "/reviews"}, follow_redirects=False
    )
    assert r.status_code == 303 and r.headers["location"] == "/reviews"
    cookie = r.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie
    return client


def test_pages_need_a_login(svc: Service) -> None:
    client = TestClient(svc.app)
    r = client.get("/reviews", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/login")
    bad = client.post("/login", data={"key": "em_wrong"})
    assert bad.status_code == 401 and "unknown or revoked" in bad.text


def test_screening_page_in_chinese(svc: Service) -> None:
    client = _browser(svc, "screener")
    page = client.get("/", params={"q": "华为技术有限公司"})
    assert page.status_code == 200
    assert "Huawei Technologies Co., Ltd." in page.text and 'class="score high"' in page.text
    assert "federalregister.gov/citation/84-FR-22963" in page.text
    entry = client.get("/entries/EL-03a400e609", params={"q": "华为技术有限公司"})
    assert entry.status_code == 200
    assert "<mark>华为</mark>" in entry.text and "<mark>Huawei</mark>" in entry.text
    assert "2022-05-16" in entry.text  # a version by date
    missing = client.get("/entries/EL-none")
    assert missing.status_code == 404 and "no list entry" in missing.text
    bad = client.get("/", params={"q": "x", "as_of": "2019-99-01"})
    assert bad.status_code == 422 and "as_of" in bad.text


def test_list_and_user_text_is_escaped(svc: Service) -> None:
    name = 'Huawei Technologies Co., Ltd. <script>alert("x")</script>'
    screened = svc.client.post("/v1/screen", json={"name": name}, headers=svc.h("screener"))
    assert screened.json()["matches"], screened.text  # raised for review, so in the queue
    client = _browser(svc, "reviewer")
    page = client.get("/reviews")
    assert "<script>alert" not in page.text
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in page.text
    q = client.get("/", params={"q": "<b>bold</b>"})
    assert q.status_code == 200 and "<b>bold</b>" not in q.text and "&lt;b&gt;bold" in q.text


def test_roles_apply_to_pages(svc: Service) -> None:
    auditor = _browser(svc, "auditor")
    assert auditor.get("/").status_code == 403  # screening is not an auditor's
    assert auditor.get("/reviews").status_code == 200
    screener = _browser(svc, "screener")
    assert screener.get("/reviews").status_code == 403
    assert screener.get("/licenses").status_code == 403


def test_review_form_needs_its_token(svc: Service) -> None:
    svc.client.post("/v1/screen", json={"name": "华为技术有限公司"}, headers=svc.h("screener"))
    client = _browser(svc, "reviewer")
    page = client.get("/reviews")
    token = re.search(r'name="csrf" value="([0-9a-f]+)"', page.text)
    assert token is not None
    review_id = int(re.search(r'data-id="(\d+)"', page.text).group(1))  # type: ignore[union-attr]
    form = {"action": "clear", "reason": "different_name", "csrf": "forged"}
    assert client.post(f"/reviews/{review_id}/decide", data=form).status_code == 403
    # The API through the cookie needs the header a cross-site form cannot send.
    api = client.post(f"/v1/reviews/{review_id}/clear", json={"reason": "different_name"})
    assert api.status_code == 403
    form["csrf"] = token.group(1)
    done = client.post(f"/reviews/{review_id}/decide", data=form, follow_redirects=False)
    assert done.status_code == 303
    status = svc.client.get(f"/v1/reviews/{review_id}", headers=svc.h("reviewer")).json()
    assert status["status"] == "cleared" and status["reviewer"].startswith("reviewer-user")


def test_check_page_two_dates_and_evidence(svc: Service) -> None:
    import json

    from tests.service.test_api import CASE

    client = _browser(svc, "admin")
    page = client.get("/check")
    token = re.search(r'name="csrf" value="([0-9a-f]+)"', page.text).group(1)  # type: ignore[union-attr]
    r = client.post(
        "/check", data={"case": json.dumps(CASE), "csrf": token, "second": "2019-05-17"}
    )
    assert r.status_code == 200
    assert 'class="differs"' in r.text and "15 CFR 744.11" in r.text
    link = re.search(r'href="(/evidence/decisions/\d+)"', r.text)
    assert link is not None
    evidence = client.get(link.group(1))
    assert evidence.status_code == 200 and "decisions:" in evidence.text
    broken = client.post("/check", data={"case": "{", "csrf": token})
    assert broken.status_code == 422 and "not valid JSON" in broken.text


def test_licenses_and_timeline_pages(svc: Service) -> None:
    client = _browser(svc, "licensing_officer")
    assert client.get("/licenses").status_code == 200
    tl = client.get("/timeline", params={"impact": "2019-05-16"})
    assert tl.status_code == 200 and "Impact as of 2019-05-16" in tl.text and "Huawei" in tl.text
