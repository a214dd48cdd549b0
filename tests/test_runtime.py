"""One settings object, read once from the environment with an entry point's options over it,
and one runtime per process (earmark.runtime) that the command line and the batch runner share."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from earmark import runtime
from earmark.batch import BatchOptions, run_batch
from earmark.runtime import Runtime, Settings

REPO = Path(__file__).resolve().parents[1]


def test_options_override_the_environment_and_the_environment_the_defaults(
    tmp_path: Path,
) -> None:
    env = {
        "EARMARK_DATABASE_URL": "sqlite:///from-env.db",
        "EARMARK_DATA_DIR": str(tmp_path),
        "EARMARK_USER": "env-user",
        "EARMARK_RATE_PER_MINUTE": "60",
    }
    from_env = Settings.from_env(env)
    assert from_env.database == "sqlite:///from-env.db"
    assert from_env.database_field == "EARMARK_DATABASE_URL"
    assert from_env.data_dir == tmp_path and from_env.user == "env-user"
    assert from_env.rate_per_minute == 60
    given = Settings.from_env(env, database="sqlite:///given.db", user="alice")
    assert (given.database, given.database_field, given.user) == (
        "sqlite:///given.db",
        "database",
        "alice",
    )
    assert from_env.over(database="sqlite:///given.db", user="alice") == given
    bare = Settings.from_env({"EARMARK_DATA_DIR": str(tmp_path)})
    assert bare.database is None and bare.user is None and bare.rate_per_minute == 6_000
    assert bare.database_url() == f"sqlite:///{tmp_path / 'earmark.db'}"


def test_a_malformed_setting_is_bad_input_naming_the_variable(
    cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("EARMARK_RATE_PER_MINUTE", "lots")
    r = cli("lists", "--json")
    assert r.code == 2 and "Traceback" not in r.err
    assert r.err.startswith("earmark: error: EARMARK_RATE_PER_MINUTE: a whole number")


def test_a_bad_store_url_is_named_where_it_came_from(
    cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("EARMARK_DATABASE_URL", "mysql://nowhere/db")
    r = cli("reviews", "--json")
    assert r.code == 2 and "EARMARK_DATABASE_URL: unsupported database 'mysql'" in r.err
    r = cli("reviews", "--json", "--database", "oracle://nowhere/db")
    assert r.code == 2 and "--database: unsupported database 'oracle'" in r.err


def test_the_process_has_one_runtime_that_keeps_what_it_built_across_configures() -> None:
    rt = runtime.current()
    assert runtime.current() is rt
    screener = rt.screener
    again = runtime.configure(user="someone-else")
    assert again is rt and again.settings.user == "someone-else"
    assert again.screener is screener  # the index is not built twice
    assert rt.engine.screener is screener  # the engine screens with the same index
    assert runtime.configure().settings.user == Settings.from_env().user


def test_cli_commands_take_their_screener_and_store_from_the_process_runtime(
    cli: Any, tmp_path: Path
) -> None:
    screener = runtime.current().screener
    db = f"sqlite:///{tmp_path / 'cli.db'}"
    r = cli("screen", "Huawei Technologies", "--json", "--database", db, "--user", "carol")
    assert r.code == 0, r.err
    rt = runtime.current()
    assert rt.screener is screener
    assert rt.settings.database == db and rt.settings.user == "carol"
    assert rt.store().describe() == db and rt.store().actor == "carol"
    assert r.json()["record"]["screening_id"] >= 1
    # The next command starts from the environment again: no --database carried over.
    assert cli("lists", "--json").code == 0
    assert runtime.current().settings == Settings.from_env()


def test_a_batch_in_this_process_screens_with_the_runtime_it_is_given(tmp_path: Path) -> None:
    source = tmp_path / "in.csv"
    source.write_text("id,name\n1,Huawei Technologies Co. Ltd\n2,Acme Bakery\n")
    given = Runtime(Settings.from_env(), engine=runtime.current().engine)
    used: list[int] = []
    real = type(given.screener).screen

    def counting(self: Any, *args: Any, **kwargs: Any) -> Any:
        used.append(id(self))
        return real(self, *args, **kwargs)

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(type(given.screener), "screen", counting)
        summary = run_batch(source, tmp_path / "out.jsonl", BatchOptions(), runtime=given)
    assert summary.rows == 2 and summary.with_matches == 1
    assert set(used) == {id(given.screener)}


def test_a_command_that_does_not_record_never_imports_the_store() -> None:
    code = (
        "import sys\n"
        "from earmark.cli import main\n"
        "try:\n"
        "    main(['screen', 'Huawei', '--no-record', '--json'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "sys.stderr.write('sqlalchemy' in sys.modules and 'STORE' or 'NO-STORE')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=REPO
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr.endswith("NO-STORE")
    assert '"matches"' in done.stdout
