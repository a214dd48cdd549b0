"""End to end in headless Chromium (Debian's, driven by Playwright; no `playwright install`):
search a Chinese name, clear a hit with the keyboard, check a case on two dates, open an
evidence page. Each takes a screenshot that must not be blank."""

from __future__ import annotations

import json
import os
import socket
import struct
import tempfile
import threading
import time
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.service.conftest import Service
from tests.service.test_api import CASE

CHROMIUM = Path("/usr/bin/chromium")
# Screenshots are kept where EARMARK_SCREENSHOTS says (docs/images for the README), else in
# a temporary folder.
SHOTS = Path(os.environ.get("EARMARK_SCREENSHOTS") or tempfile.mkdtemp(prefix="earmark-ui-"))

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="/usr/bin/chromium is absent (apt-get install -y chromium)"
)


def not_blank(png: bytes) -> None:
    """A PNG with real content: many distinct pixel bytes, not one flat colour."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    pos, data = 8, b""
    while pos < len(png):
        (length,) = struct.unpack(">I", png[pos : pos + 4])
        kind = png[pos + 4 : pos + 8]
        if kind == b"IDAT":
            data += png[pos + 8 : pos + 8 + length]
        pos += 12 + length
    raw = zlib.decompress(data)
    assert len(set(raw)) > 40, "the screenshot is blank"


@pytest.fixture(scope="module")
def server(svc: Service) -> Iterator[str]:
    import uvicorn

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    config = uvicorn.Config(svc.app, host="127.0.0.1", port=port, log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    for _ in range(200):
        if srv.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=str(CHROMIUM), args=["--headless", "--no-sandbox", "--disable-gpu"]
        )
        yield b
        b.close()


def _login(browser: Any, base: str, key: str) -> Any:
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.goto(f"{base}/login")
    page.fill("input[name=key]", key)
    page.click("button[type=submit]")
    page.wait_for_load_state()
    return page


def _shot(page: Any, name: str) -> None:
    png = page.screenshot(full_page=False)
    not_blank(png)
    SHOTS.mkdir(parents=True, exist_ok=True)
    (SHOTS / f"ui-{name}.png").write_bytes(png)


def test_search_a_chinese_name_and_see_huawei(svc: Service, server: str, browser: Any) -> None:
    page = _login(browser, server, svc.keys["screener"])
    page.fill("#q", "华为技术有限公司")
    page.press("#q", "Enter")
    page.wait_for_selector("table.results")
    assert "Huawei Technologies Co., Ltd." in page.inner_text("table.results")
    _shot(page, "screening")
    page.click("text=Huawei Technologies Co., Ltd.")
    page.wait_for_selector(".sidebyside")
    assert page.locator("mark").count() >= 2
    assert "华为" in page.inner_text(".sidebyside")
    _shot(page, "entry")
    page.close()


def test_clear_a_hit_with_the_keyboard(svc: Service, server: str, browser: Any) -> None:
    svc.client.post("/v1/screen", json={"name": "华为技术有限公司"}, headers=svc.h("screener"))
    page = _login(browser, server, svc.keys["reviewer"])
    page.goto(f"{server}/reviews")
    page.wait_for_selector("table.queue tr.sel")
    page.keyboard.press("j")
    page.keyboard.press("k")
    review_id = page.get_attribute("table.queue tr.sel", "data-id")
    assert review_id is not None
    page.keyboard.press("c")
    page.wait_for_selector("#decide:not([hidden])")
    _shot(page, "reviews")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    got = svc.client.get(f"/v1/reviews/{review_id}", headers=svc.h("reviewer")).json()
    assert got["status"] == "cleared" and got["reason_code"] == "different_name"
    assert got["reviewer"].startswith("reviewer-user")
    page.close()


def test_check_a_case_on_two_dates(svc: Service, server: str, browser: Any) -> None:
    page = _login(browser, server, svc.keys["admin"])
    page.goto(f"{server}/check")
    page.fill("#case", json.dumps(CASE, indent=2))
    page.fill("#second", "2019-05-17")
    page.click("button:has-text('Decide')")
    page.wait_for_selector("#diff")
    assert page.locator("#diff li.differs").count() >= 1
    assert "license_required" in page.inner_text("#diff")
    page.locator("#diff").scroll_into_view_if_needed()
    _shot(page, "check")
    with page.expect_navigation():
        page.click("#evidence-link")
    assert "decisions:" in page.content()
    _shot(page, "evidence")
    page.close()
