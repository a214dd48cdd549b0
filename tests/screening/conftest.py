"""What the screening tests share: one screener per test module (its index loaded once)."""

from __future__ import annotations

import pytest

from earmark.screening import Screener


@pytest.fixture(scope="module")
def screener() -> Screener:
    return Screener()
