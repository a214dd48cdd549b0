"""Every general authorization in a decision names its code, whatever its version."""

from __future__ import annotations

import pytest

from earmark.rules import Engine


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine()


# One day inside each version of the Huawei TGL (timeline series huawei-tgl).
@pytest.mark.parametrize(
    "day", ["2019-05-21", "2019-09-01", "2019-12-01", "2020-03-01", "2020-04-15", "2020-06-01"]
)
def test_every_huawei_tgl_version_is_labelled_tgl(engine: Engine, day: str) -> None:
    decision = engine.check(
        {
            "date": day,
            "destination": "CN",
            "item": {"eccn": "5D992.c", "origin": "US", "kind": "software"},
            "parties": [{"role": "end_user", "name": "Huawei Technologies Co., Ltd."}],
            "context": {"purpose": "existing_network_support", "contract_date": "2019-03-01"},
        }
    )
    assert decision.authorizations, decision.reasons
    assert all(a.startswith("TGL: ") for a in decision.authorizations)
