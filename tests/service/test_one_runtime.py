"""The service runs on the process's runtime, from the same settings as the command line,
and its batch jobs screen with its index (not one of their own)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from earmark import runtime
from earmark.cli.options import runtime as cli_runtime
from earmark.runtime import Runtime, Settings
from earmark.service import create_app
from tests.service.conftest import Service


def test_the_service_and_the_cli_resolve_the_same_settings_from_the_same_environment(
    svc: Service, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("EARMARK_DATABASE_URL", f"sqlite:///{tmp_path / 'shared.db'}")
    monkeypatch.setenv("EARMARK_JOBS_DIR", str(tmp_path / "jobs"))
    monkeypatch.setenv("EARMARK_USER", "dana")
    before = runtime.current()
    try:
        # This process's runtime, with the index the session has built already.
        runtime.install(Runtime(Settings.from_env(), engine=svc.runtime.engine))
        for_cli = cli_runtime()
        app = create_app()  # as earmark.service.asgi makes it: settings from EARMARK_*
        assert app.state.runtime is for_cli is runtime.current()
        assert for_cli.settings == Settings.from_env()
        assert for_cli.store().describe() == f"sqlite:///{tmp_path / 'shared.db'}"
        assert app.state.runtime.jobs_dir() == tmp_path / "jobs"
        app.state.runtime.close()
    finally:
        runtime.install(before)


def test_a_batch_job_screens_with_the_service_index(
    svc: Service, monkeypatch: pytest.MonkeyPatch
) -> None:
    from earmark.screening import Screener

    built: list[Any] = []
    real_init = Screener.__init__

    def counting_init(self: Any, *args: Any, **kwargs: Any) -> None:
        built.append(self)
        real_init(self, *args, **kwargs)

    monkeypatch.setattr(Screener, "__init__", counting_init)
    h = svc.h("screener")
    started = svc.client.post(
        "/v1/batch",
        files={"file": ("p.csv", b"id,name\n1,Huawei Technologies Co. Ltd\n", "text/csv")},
        data={"record": "false"},
        headers=h,
    )
    assert started.status_code == 202, started.text
    job = svc.app.state.jobs.wait(started.json()["id"])
    assert job.state == "done" and job.summary["with_matches"] == 1
    assert built == []  # no second index in the service's process


def test_readyz_says_the_index_is_loaded_once_the_runtime_is_warm(svc: Service) -> None:
    assert svc.runtime.loaded
    ready = svc.client.get("/readyz").json()
    assert ready["index_loaded"] is True and ready["status"] == "ready"
    cold = Runtime(Settings(database=svc.database))
    assert cold.loaded is False  # nothing is built until asked for
    cold.regdata  # noqa: B018
    assert cold.loaded is False  # the data alone is not the index
