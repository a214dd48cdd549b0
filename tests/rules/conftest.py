"""One engine for the rules tests (building it loads the bundle and the screening index)."""

from __future__ import annotations

from typing import Any

import pytest

from earmark.rules import Engine


@pytest.fixture(scope="session")
def engine() -> Engine:
    return Engine()


def case(**overrides: Any) -> dict[str, Any]:
    """A US-origin export of the given item, with overrides."""
    item = {"origin": "US", "kind": "commodity", "eccn": "EAR99"}
    item.update(overrides.pop("item", {}))
    out: dict[str, Any] = {"date": "2024-06-03", "from_country": "US", "destination": "DE"}
    out.update(overrides)
    out["item"] = item
    return out


def rules_cited(decision: Any) -> list[str]:
    return [r.rule for r in decision.reasons]
