"""`make demo` writes to a store of its own, started afresh on each run, never the user's."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, func, select

from earmark.store.schema import applications, decisions


def test_demo_uses_its_own_store_and_a_second_run_does_not_double_it(cli: Any) -> None:
    data = Path(os.environ["EARMARK_DATA_DIR"])
    users_store = data / "earmark.db"
    before = users_store.stat().st_mtime_ns if users_store.exists() else None
    counts = []
    for _ in range(2):
        run = cli("demo")
        assert run.code == 0, run.err
        demo_store = data / "demo.sqlite"
        assert str(demo_store) in run.out.replace("\n", "")
        engine = create_engine(f"sqlite:///{demo_store}")
        with engine.connect() as conn:
            counts.append(
                (
                    conn.execute(select(func.count()).select_from(decisions)).scalar_one(),
                    conn.execute(select(func.count()).select_from(applications)).scalar_one(),
                )
            )
        engine.dispose()
    assert counts[0] == counts[1] and counts[0][1] == 1
    after = users_store.stat().st_mtime_ns if users_store.exists() else None
    assert after == before  # the user's store is not written


def test_demo_can_be_told_to_use_another_store(cli: Any, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'mine.db'}"
    run = cli("demo", "--database", url, "--json")
    assert run.code == 0, run.err
    assert run.json()["records"]["store"] == url
