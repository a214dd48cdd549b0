"""The on-disk cache keeps a few versions of an object (two checkouts or installs used in turn
do not rebuild each other's index every time), and removes older ones."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from earmark import diskcache


def test_the_newest_versions_are_kept_and_older_ones_removed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("EARMARK_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("EARMARK_NO_CACHE", raising=False)
    for i in range(5):  # five older versions of the same object, oldest first
        old = tmp_path / f"thing-v{i}-code.pickle"
        old.write_bytes(b"x")
        os.utime(old, (1_000_000 + i, 1_000_000 + i))
    (tmp_path / "other-v0-code.pickle").write_bytes(b"x")  # another object: left alone
    built = diskcache.cached("thing", "v9", lambda: {"built": True})
    assert built == {"built": True}
    left = sorted(p.name for p in tmp_path.glob("thing-*.pickle"))
    current = f"thing-v9-{diskcache.code_fingerprint()}.pickle"
    assert left == sorted([current, "thing-v4-code.pickle", "thing-v3-code.pickle"])
    assert (tmp_path / "other-v0-code.pickle").exists()
    assert diskcache.cached("thing", "v9", lambda: {"built": False}) == {"built": True}
