"""One runtime (data, index, engine) and one store for the whole service test session: the
engine takes seconds to build. Each role has a key; ``svc.h(role)`` gives its headers."""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

warnings.filterwarnings("ignore", message=".*httpx2.*")

ROLES = ("screener", "reviewer", "licensing_officer", "auditor", "admin")


@dataclass
class Service:
    app: Any
    client: Any
    runtime: Any
    database: str
    keys: dict[str, str] = field(default_factory=dict)

    def h(self, role: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.keys[role]}"}


@pytest.fixture(scope="session")
def svc(tmp_path_factory: pytest.TempPathFactory) -> Service:
    from fastapi.testclient import TestClient

    from earmark.service import Runtime, Settings, create_app
    from earmark.store.core import Store
    from earmark.store.keys import create_key

    root: Path = tmp_path_factory.mktemp("service")
    database = f"sqlite:///{root / 'service.db'}"
    settings = Settings(database=database, rate_per_minute=100_000, jobs_dir=root / "jobs")
    runtime = Runtime(settings)
    keys = {role: create_key(Store(database, f"{role}-user"), role)["key"] for role in ROLES}
    app = create_app(runtime=runtime)
    client = TestClient(app)
    return Service(app, client, runtime, database, keys)


def problem(response: Any, status: int) -> dict[str, Any]:
    """The response is the documented problem+json with this status."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    body: dict[str, Any] = response.json()
    assert body["status"] == status
    assert body["type"].startswith("https://earmark.dev/problems/")
    assert body["title"] and body["detail"]
    return body
