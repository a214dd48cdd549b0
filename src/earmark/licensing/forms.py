"""The input formats of the licensing records: an application, an amendment, a policy event.

Each is a pydantic model: the keys it defines, their types, and nothing else. A key the format
does not define is bad input naming it and the nearest known key ("application.partys:
unknown field; did you mean parties?"), unless the caller allows unknown keys, and then they
are listed. The store checks what needs the regulatory data (an ECCN is on the CCL, a country
is known) when it records them. docs/formats.md documents every field.
"""

from __future__ import annotations

import datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError

from earmark.errors import BadInput
from earmark.fields import check_fields

RoleName = Literal["purchaser", "intermediate_consignee", "ultimate_consignee", "end_user"]
EventKind = Literal["no_new_licenses", "revoke_licenses", "suspend_licenses"]


def _not_bool(value: Any) -> Any:
    if isinstance(value, bool):
        raise ValueError("must be a number, not true or false")
    return value


Number = Annotated[float, BeforeValidator(_not_bool)]


# Lengths are checked where the text is stored (store.core.fits: "longer than N characters").
class _Form(BaseModel):
    model_config = ConfigDict(extra="ignore", str_strip_whitespace=True, allow_inf_nan=False)


class ApplicationParty(_Form):
    role: RoleName = "ultimate_consignee"
    name: str = Field(min_length=1)
    country: str | None = None


class ApplicationItem(_Form):
    eccn: str = Field(min_length=1, max_length=40)
    quantity: Number = Field(gt=0)
    value: Number = Field(ge=0)


class Application(_Form):
    """A license application (BIS-748P in outline): who applies, to where, for whom, what."""

    applicant: str = Field(min_length=1)
    destination: str = Field(min_length=1, max_length=60)
    parties: list[ApplicationParty] = Field(min_length=1)
    items: list[ApplicationItem] = Field(min_length=1)
    end_use: str | None = Field(default=None, max_length=10_000)


class Amendment(_Form):
    """Changes to an application not yet referred: any of its fields."""

    applicant: str | None = Field(default=None, min_length=1)
    destination: str | None = Field(default=None, min_length=1, max_length=60)
    parties: list[ApplicationParty] | None = Field(default=None, min_length=1)
    items: list[ApplicationItem] | None = Field(default=None, min_length=1)
    end_use: str | None = Field(default=None, max_length=10_000)


class PolicyEvent(_Form):
    """A dated policy event: whom it reaches (party names, or an Entity List footnote)."""

    name: str = Field(min_length=1)
    kind: EventKind
    effective: datetime.date
    parties: list[Annotated[str, Field(min_length=1)]] = []
    footnote: int | None = None  # checked against the footnotes Supp. No. 4 uses
    source: str | None = Field(default=None, max_length=1000)


def parse_form(
    model: type[_Form], data: Any, where: str, allow_unknown: bool = False
) -> tuple[dict[str, Any], list[str]]:
    """The fields given (only those), validated, and the unknown keys ignored (if allowed)."""
    if not isinstance(data, dict):
        raise BadInput(where, "a JSON object")
    ignored = check_fields(model, data, where, allow_unknown)
    try:
        parsed = model.model_validate(data)
    except ValidationError as exc:
        error = exc.errors()[0]
        loc = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in error["loc"])
        raise BadInput(f"{where}{loc}", _message(error)) from None
    given = parsed.model_dump(exclude_unset=True)
    return given, ignored


def _message(error: Any) -> str:
    value = error.get("input")
    shown = repr(value) if isinstance(value, str | int | float) and len(repr(value)) < 60 else ""
    return f"{error['msg']}" + (f" (got {shown})" if shown else "")
