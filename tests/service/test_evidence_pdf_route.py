"""The evidence page as PDF over HTTP: the API's ?format=pdf and the UI's link, with the same
permission as the HTML page."""

from __future__ import annotations

import io

from fastapi.testclient import TestClient

from tests.service.conftest import Service, problem
from tests.service.test_api import CASE


def _decision(svc: Service) -> int:
    body = {"case": {**CASE, "parties": [{"role": "end_user", "name": "华为技术有限公司"}]}}
    d = svc.client.post("/v1/check", json=body, headers=svc.h("screener")).json()
    return int(d["record"]["decision_id"])


def test_the_api_serves_the_evidence_page_as_pdf_to_an_auditor_only(svc: Service) -> None:
    from pypdf import PdfReader

    decision = _decision(svc)
    path = f"/v1/evidence/decisions/{decision}"
    r = svc.client.get(path, params={"format": "pdf"}, headers=svc.h("auditor"))
    assert r.status_code == 200, r.text
    assert r.headers["content-type"] == "application/pdf"
    assert f'filename="evidence-decisions-{decision}.pdf"' in r.headers["content-disposition"]
    assert r.content.startswith(b"%PDF-")
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(r.content)).pages)
    assert f"decisions:{decision}" in text
    problem(svc.client.get(path, params={"format": "pdf"}, headers=svc.h("screener")), 403)
    problem(svc.client.get(path, params={"format": "docx"}, headers=svc.h("auditor")), 422)
    problem(
        svc.client.get(
            "/v1/evidence/decisions/999999", params={"format": "pdf"}, headers=svc.h("auditor")
        ),
        404,
    )


def test_the_ui_evidence_page_links_to_its_pdf(svc: Service) -> None:
    decision = _decision(svc)
    client = TestClient(svc.app)
    client.post("/login", data={"key": svc.keys["auditor"], "next": "/"})
    page = client.get(f"/evidence/decisions/{decision}")
    assert page.status_code == 200 and "href='?format=pdf'" in page.text
    pdf = client.get(f"/evidence/decisions/{decision}", params={"format": "pdf"})
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF-")
    assert client.get(f"/evidence/decisions/{decision}", params={"format": "x"}).status_code == 422
