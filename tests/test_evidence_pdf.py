"""The evidence page as PDF: the same blocks as the HTML page, any script, with or without a
Unicode font on the machine (audit export --pdf)."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path
from typing import Any

import pytest

from earmark.runtime import Runtime, Settings
from earmark.store.evidence import build, render_html
from earmark.store.evidence_pdf import Fonts, find_fonts, render_pdf
from earmark.store.records import record_decisions

CHINESE = "华为技术有限公司"
CASE: dict[str, Any] = {
    "date": "2019-05-17",
    "destination": "CN",
    "item": {"eccn": "EAR99", "origin": "US", "value": 100.0},
    "parties": [{"role": "ultimate_consignee", "name": CHINESE, "country": "CN"}],
}


@pytest.fixture(scope="module")
def pack(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The evidence pack of one recorded decision about a Chinese party."""
    from earmark import runtime

    folder = tmp_path_factory.mktemp("evidence-pdf")
    rt = Runtime(Settings(database=f"sqlite:///{folder / 'ev.db'}"), runtime.current().engine)
    store = rt.store("pytest-auditor")
    recorded = record_decisions(store, [(CASE, rt.engine.check(CASE).to_dict())])
    out: dict[str, Any] = build(store, recorded[0]["record"]["decision_id"], None, None)
    return out


def pdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def squeezed(text: str) -> str:
    """The text without white space: a hash wrapped over two lines reads as one."""
    return re.sub(r"\s+", "", text)


def test_the_pdf_holds_the_decision_id_the_data_sha256_and_the_audit_head(
    pack: dict[str, Any],
) -> None:
    data = render_pdf(pack)
    assert data.startswith(b"%PDF-")
    text = pdf_text(data)
    assert f"Evidence: {pack['subject']}" in text and pack["subject"].startswith("decisions:")
    flat = squeezed(text)
    for dataset in pack["data"]["datasets"]:
        assert dataset["sha256"] in flat, dataset["id"]
    assert pack["audit"]["head"]["hash"] in flat
    assert "15CFR744.11" in flat  # the reasons, as on the HTML page


def test_the_pdf_and_the_html_page_show_the_same_content(pack: dict[str, Any]) -> None:
    page = render_html(pack)
    flat = squeezed(pdf_text(render_pdf(pack)))
    for heading in re.findall(r"<h2>([^<]+)</h2>", page):
        assert squeezed(heading) in flat
    assert pack["data"]["datasets"][0]["sha256"] in page  # in full on both


def test_a_chinese_party_name_is_set_in_the_cjk_font_when_one_is_installed(
    pack: dict[str, Any],
) -> None:
    fonts = find_fonts()
    if fonts.cjk is None:
        pytest.skip("no CJK font on this machine (Debian: fonts-wqy-microhei)")
    data = render_pdf(pack, fonts)
    assert CHINESE in pdf_text(data)
    assert b"WenQuanYi" in data or b"Noto" in data  # the CJK font is embedded (subset)
    assert fonts.note() is None


def test_without_a_unicode_font_the_pdf_says_so_and_still_renders(pack: dict[str, Any]) -> None:
    data = render_pdf(pack, Fonts(None, None, None, None))
    assert data.startswith(b"%PDF-")
    text = pdf_text(data)
    assert "No Unicode font was found" in text
    assert "????????" in text and CHINESE not in text
    assert pack["subject"] in text


def test_audit_export_writes_the_pdf_with_pdf_only(cli: Any, tmp_path: Path) -> None:
    db = ["--database", f"sqlite:///{tmp_path / 'export.db'}"]
    case = tmp_path / "case.json"
    case.write_text(json.dumps(CASE, ensure_ascii=False), encoding="utf-8")
    checked = cli("check", str(case), "--json", *db)
    assert checked.code == 0, checked.err
    decision = str(checked.json()["record"]["decision_id"])
    plain = cli("audit", "export", "--decision", decision, "--out", str(tmp_path / "a"), *db)
    assert plain.code == 0 and not (tmp_path / "a" / "evidence.pdf").exists()
    r = cli(
        "audit", "export", "--decision", decision, "--out", str(tmp_path / "b"), "--pdf",
        "--json", *db,
    )  # fmt: skip
    assert r.code == 0, r.err
    written = r.json()
    assert set(written) == {"json", "html", "pdf"}
    data = Path(written["pdf"]).read_bytes()
    assert data.startswith(b"%PDF-") and f"decisions:{decision}" in pdf_text(data)
