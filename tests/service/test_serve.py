"""`earmark serve` itself, and the service on PostgreSQL."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from tests.service.conftest import Service, problem
from tests.store_helpers import fresh_url


def test_earmark_serve_starts_on_the_default_store_with_no_configuration(
    tmp_path: Path,
) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "EARMARK_DATA_DIR": str(tmp_path)}
    env.pop("EARMARK_DATABASE_URL", None)
    exe = Path(sys.executable).with_name("earmark")
    proc = subprocess.Popen(
        [str(exe), "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        body: Any = None
        for _ in range(240):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/readyz", timeout=2) as r:
                    body = json.loads(r.read())
                    break
            except OSError:
                if proc.poll() is not None:
                    break
                time.sleep(0.5)
        assert body is not None, proc.stdout.read().decode() if proc.stdout else ""
        assert body["status"] == "ready" and body["store"] == "reachable"
        assert any(tmp_path.rglob("*.sqlite")) or any(tmp_path.rglob("*.db"))
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/v1/lists", timeout=5)
            raise AssertionError("a path without a key answered")
        except urllib.error.HTTPError as exc:
            assert exc.code == 401
            assert exc.headers["content-type"].startswith("application/problem+json")
    finally:
        proc.terminate()
        proc.wait(20)
    log = proc.stdout.read().decode() if proc.stdout else ""
    assert "Traceback" not in log


def test_the_service_on_postgresql(svc: Service, tmp_path: Path) -> None:
    from earmark.service import Runtime, Settings, create_app
    from earmark.store.core import Store
    from earmark.store.keys import create_key

    urls = fresh_url("postgresql", tmp_path)
    url = next(urls)
    try:
        runtime = Runtime(
            Settings(database=url, jobs_dir=tmp_path / "jobs"), engine=svc.runtime.engine
        )
        key = create_key(Store(url, "pg-admin"), "admin")["key"]
        client = TestClient(create_app(runtime=runtime))
        h = {"Authorization": f"Bearer {key}"}
        screened = client.post("/v1/screen", json={"name": "华为技术有限公司"}, headers=h).json()
        review = screened["matches"][0]["review"]["id"]
        cleared = client.post(
            f"/v1/reviews/{review}/clear", json={"reason": "different_name"}, headers=h
        )
        assert cleared.status_code == 200 and cleared.json()["reviewer"].startswith("pg-admin")
        problem(
            client.post(
                f"/v1/reviews/{review}/clear", json={"reason": "different_name"}, headers=h
            ),
            409,
        )
        assert client.get("/v1/audit/verify", headers=h).json()["ok"] is True
        runtime.writer.close()
    finally:
        for _ in urls:
            pass


def test_keys_create_and_revoke_on_the_command_line(cli: Any, tmp_path: Path) -> None:
    db = ["--database", f"sqlite:///{tmp_path / 'k.db'}"]
    made = cli("keys", "create", "--role", "reviewer", "--user", "bob", "--json", *db)
    assert made.code == 0, made.err
    key_id = str(made.json()["id"])
    revoked = cli("keys", "revoke", key_id, "--json", *db)
    assert revoked.code == 0 and revoked.json()["revoked_at"]
    again = cli("keys", "revoke", key_id, *db)
    assert again.code == 2 and "revoked already" in again.err
    missing = cli("keys", "revoke", "999", *db)
    assert missing.code == 2 and "key: no key 999" in missing.err
    from earmark.store.core import Store
    from earmark.store.keys import identify

    with Store(db[1], "t").read() as conn:
        assert identify(conn, made.json()["key"]) is None
