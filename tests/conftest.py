"""Shared test helpers."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from earmark.cli import main

REPO = Path(__file__).resolve().parents[1]
SHARED_DATA = REPO.parent / "shared" / "data"


@dataclass
class Run:
    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)


@pytest.fixture(autouse=True, scope="session")
def _private_store(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Commands that record (screen, check) write to a store of the test session's own."""
    os.environ["EARMARK_DATA_DIR"] = str(tmp_path_factory.mktemp("earmark-data"))
    os.environ.pop("EARMARK_DATABASE_URL", None)
    os.environ["EARMARK_USER"] = "pytest"


@pytest.fixture
def shared_data() -> Path:
    """../shared/data, where the bundle is built from; tests that need it skip without it."""
    if not SHARED_DATA.is_dir():
        pytest.skip("../shared/data is not beside the repository")
    return SHARED_DATA


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Any:
    """Run the ``earmark`` command line in-process: cli("lists", "--json") -> Run."""

    def run(*args: str) -> Run:
        try:
            main(list(args))
            code = 0
        except SystemExit as exc:
            code = int(exc.code or 0)
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err)

    return run
