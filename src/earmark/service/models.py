"""Request bodies at the service's boundary (pydantic). Unknown keys are refused (422 naming
the key); the documents inside (a case, an application, an event) are checked by the library
models (``rules/case.py``, ``licensing/forms.py``) so the CLI and the service agree."""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field


class _Body(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ScreenRequest(_Body):
    name: str = Field(min_length=1, max_length=1000, examples=["华为技术有限公司"])
    country: str | None = Field(default=None, max_length=100, examples=["CN"])
    type: str | None = Field(default=None, max_length=40, examples=["entity"])
    address: str | None = Field(default=None, max_length=2000)
    lists: list[str] | None = Field(default=None, max_length=50, examples=[["EL", "SDN"]])
    limit: int = Field(default=10, ge=1, le=200)
    threshold: float | None = Field(default=None, ge=0.0, le=1.0)
    as_of: date | None = Field(default=None, examples=["2019-05-20"])
    record: bool = True


class Pair(_Body):
    a: str = Field(max_length=1000)
    b: str = Field(max_length=1000)
    type: str | None = Field(default=None, max_length=40)


class MatchRequest(_Body):
    a: str | None = Field(default=None, max_length=1000, examples=["Huawei Technologies"])
    b: str | None = Field(default=None, max_length=1000, examples=["华为技术有限公司"])
    type: str | None = Field(default=None, max_length=40)
    pairs: list[Pair] | None = Field(default=None, max_length=1000)


class CheckRequest(_Body):
    case: dict[str, Any] = Field(
        examples=[
            {
                "id": "demo-1",
                "date": "2019-05-20",
                "item": {"eccn": "5A002"},
                "destination": "CN",
                "parties": [{"name": "Huawei Technologies Co., Ltd.", "country": "CN"}],
            }
        ]
    )
    allow_unknown: bool = False
    record: bool = True


class DiffRequest(_Body):
    case: dict[str, Any]
    dates: tuple[date, date] = Field(examples=[["2019-05-15", "2019-05-17"]])
    allow_unknown: bool = False


class PartyRequest(_Body):
    name: str = Field(min_length=1, max_length=1000)
    kind: str = Field(default="customer", max_length=40)
    country: str | None = Field(default=None, max_length=100)
    address: str | None = Field(default=None, max_length=2000)
    type: str | None = Field(default=None, max_length=40)


class PartyChange(_Body):
    name: str | None = Field(default=None, max_length=1000)
    kind: str | None = Field(default=None, max_length=40)
    country: str | None = Field(default=None, max_length=100)
    address: str | None = Field(default=None, max_length=2000)
    type: str | None = Field(default=None, max_length=40)


class RescreenRequest(_Body):
    ids: list[int] | None = Field(default=None, max_length=10_000)
    as_of: date | None = None


class ProductRequest(_Body):
    sku: str = Field(max_length=200)
    description: str = Field(max_length=2000)
    eccn: str = Field(max_length=20, examples=["5A002"])
    rationale: str = Field(max_length=4000)


class ReviewDecision(_Body):
    reason: str = Field(max_length=64, examples=["different_entity"])
    note: str | None = Field(default=None, max_length=4000)


class BulkReview(_Body):
    ids: list[int] = Field(min_length=1, max_length=500)
    action: Literal["clear", "confirm"]
    reason: str = Field(max_length=64)
    note: str | None = Field(default=None, max_length=4000)


class ApplicationRequest(_Body):
    application: dict[str, Any]
    on: date | None = None
    allow_unknown: bool = False


class AmendmentRequest(_Body):
    amendment: dict[str, Any]
    on: date | None = None
    allow_unknown: bool = False


class OnDate(_Body):
    on: date | None = None


class ReferRequest(_Body):
    agencies: list[str] = Field(min_length=1, max_length=10, examples=[["state", "defense"]])
    on: date | None = None


class RecommendRequest(_Body):
    agency: str = Field(max_length=40)
    recommendation: str = Field(max_length=40, examples=["approve"])
    conditions: str | None = Field(default=None, max_length=4000)
    on: date | None = None


class EscalateRequest(_Body):
    decided_on: date | None = None
    on: date | None = None


class HoldRequest(_Body):
    reason: str = Field(max_length=64, examples=["information"])
    note: str | None = Field(default=None, max_length=4000)
    on: date | None = None


class DecideRequest(_Body):
    decision: str = Field(max_length=40, examples=["approved"])
    conditions: list[str] = Field(default_factory=list, max_length=50)
    valid_until: date | None = None
    note: str | None = Field(default=None, max_length=4000)
    on: date | None = None


class ShipmentRequest(_Body):
    eccn: str = Field(max_length=20)
    quantity: float
    value: float
    planned: bool = False
    on: date | None = None


class CancelRequest(_Body):
    reason: str = Field(max_length=4000)


class LicenseStatusRequest(_Body):
    status: Literal["revoked", "suspended", "active"]
    reason: str = Field(max_length=4000)
    on: date | None = None


class ImpactRequest(_Body):
    as_of: date | None = None
    record: bool = False


class KeyRequest(_Body):
    role: str = Field(examples=["reviewer"])
