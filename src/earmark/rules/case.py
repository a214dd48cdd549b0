"""A proposed export, reexport or transfer (contract section 2), validated.

Facts left out are unknown, not false: a missing ECCN, value or production fact makes the
answer that needs it indeterminate (``null`` with ``missing_facts``), never a guess.
"""

from __future__ import annotations

import datetime
import re
from enum import StrEnum
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
)

from earmark.errors import BadInput
from earmark.fields import check_fields

EARLIEST_DATE = datetime.date(2017, 1, 1)
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")  # the bundled rules and lists reach back to 2017


class Activity(StrEnum):
    EXPORT = "export"
    REEXPORT = "reexport"
    TRANSFER = "transfer"


class Role(StrEnum):
    PURCHASER = "purchaser"
    INTERMEDIATE_CONSIGNEE = "intermediate_consignee"
    ULTIMATE_CONSIGNEE = "ultimate_consignee"
    END_USER = "end_user"


class Purpose(StrEnum):
    NEW_PRODUCTION = "new_production"
    EXISTING_NETWORK_SUPPORT = "existing_network_support"
    EXISTING_HANDSET_SUPPORT = "existing_handset_support"
    CYBERSECURITY_RESEARCH = "cybersecurity_research"
    STANDARDS_DEVELOPMENT = "standards_development"
    REPLACEMENT_PART = "replacement_part"
    # beyond the contract's list: the facts that select a Part 740 exception
    TEMPORARY_EXPORT = "temporary_export"  # TMP, 740.9
    US_GOVERNMENT = "us_government"  # GOV, 740.11(b)(2)(ii)
    OPERATION_TECHNOLOGY = "operation_technology"  # TSU, 740.13(a)
    SALES_TECHNOLOGY = "sales_technology"  # TSU, 740.13(b)
    SOFTWARE_UPDATE = "software_update"  # TSU, 740.13(c)
    OTHER = "other"


class EndUse(StrEnum):
    """End uses the exporter knows of: the facts the end-use controls of Part 744 and 746 turn
    on (each is "knowledge" in the sense of 772.1; leaving one out means none is known)."""

    MILITARY_END_USE = "military_end_use"  # 744.21(f); 746.3(a)(4)(i) for Iraq
    MILITARY_INTELLIGENCE_END_USE = "military_intelligence_end_use"  # 744.22
    NUCLEAR = "nuclear"  # 744.2: nuclear explosive, unsafeguarded or fuel-cycle activities
    MISSILE = "missile"  # 744.3: rocket systems and unmanned aerial vehicles
    CHEMICAL_BIOLOGICAL_WEAPONS = "chemical_biological_weapons"  # 744.4
    SUPERCOMPUTER = "supercomputer"  # 744.23(a)(1)
    ADVANCED_NODE_IC_PRODUCTION = "advanced_node_ic_production"  # 744.23(a)(2)(i)
    IC_PRODUCTION_UNKNOWN_NODE = "ic_production_unknown_node"  # 744.23(a)(2)(ii)
    ADVANCED_NODE_IC_DESIGN = "advanced_node_ic_design"  # 744.23(a)(2)(iii), from 2024-12-02
    SME_PRODUCTION = "sme_production"  # 744.23(a)(4): making semiconductor equipment
    # 746.5 / 746.8(a)(4): deepwater, Arctic offshore or shale oil or gas projects in Russia
    OIL_GAS_EXPLORATION = "oil_gas_exploration"


PART746_SUPPLEMENTS = ("2", "4", "5", "6", "7")  # the EAR99 lists of Part 746
_REGION = re.compile(r"^[A-Z]{2}-[A-Z0-9]{1,3}$")


def _not_bool(value: Any) -> Any:
    if isinstance(value, bool):
        raise ValueError("must be a number, not true or false")
    return value


Amount = Annotated[float, BeforeValidator(_not_bool), Field(ge=0)]


class _Model(BaseModel):
    model_config = ConfigDict(
        extra="ignore", frozen=True, str_strip_whitespace=True, allow_inf_nan=False
    )


class UsContent(_Model):
    eccn: str | None = None
    value: Amount
    description: str | None = None


class Item(_Model):
    description: str | None = None
    kind: str = Field(default="commodity", pattern="^(commodity|software|technology)$")
    eccn: str | None = None
    origin: str | None = Field(default=None, pattern="^(US|foreign)$")
    value: Amount | None = None
    us_content: list[UsContent] | None = None
    direct_product_of: list[str] | None = None
    plant_direct_product_of: list[str] | None = None
    developed_by: str | None = None
    telecom_generation: str | None = Field(default=None, pattern="^(2G|3G|4G|5G)$")
    located_in_us: bool | None = None
    excluded: str | None = None  # "published", "fundamental_research", ... (734.3(b))
    us_software_shipped_separately: bool | None = None
    # EAR99 food or medicine (772.1 definitions): excluded from several embargoes (746.4,
    # 746.6, 746.9) and from the Russia military end user rule of 2022-02-24.
    food_or_medicine: bool | None = None
    # The Part 746 supplements that name the item (its HTS code): 2, 4, 5, 6, 7 (Russia and
    # Belarus, Iran). An empty list: named in none of them.
    part746_supplements: list[str] | None = None
    luxury_good: bool | None = None  # Supp. No. 1 to Part 746 (North Korea)
    # 746.6(d)(3): EAR99 or 5D992.c software for personal communications, free to the public
    personal_communications_software: bool | None = None

    @field_validator("part746_supplements")
    @classmethod
    def _supplements(cls, value: list[str] | None) -> list[str] | None:
        if value is None:
            return None
        out = []
        for v in value:
            text = str(v).strip().removeprefix("supp").removeprefix("Supp. No. ").strip()
            if text not in PART746_SUPPLEMENTS:
                raise ValueError(
                    f"{v!r} is not a Part 746 supplement with EAR99 items "
                    f"(one of {', '.join(PART746_SUPPLEMENTS)})"
                )
            out.append(text)
        return out


class Party(_Model):
    role: Role
    name: str = Field(min_length=1)
    country: str | None = None
    address: str | None = None
    # Where the party, or its ultimate parent, is headquartered (734.9(h), 744.23(a)(3)).
    headquarters: str | None = None
    # Whether the party is a 'military end user' (744.21(g), 746.3(a)(4)(ii)); None: not known.
    military_end_user: bool | None = None


class Knowledge(_Model):
    incorporated_into_items_of: list[str] = []


class Context(_Model):
    purpose: Purpose | None = None
    contract_date: datetime.date | None = None
    supported_item_available_since: datetime.date | None = None
    production_started: datetime.date | None = None


class Case(_Model):
    id: str | None = Field(default=None, max_length=200)
    date: datetime.date
    activity: Activity = Activity.EXPORT
    from_country: str | None = None
    destination: str
    item: Item
    parties: list[Party] = []
    knowledge: Knowledge = Field(default_factory=Knowledge)
    end_use: str | None = None
    # The known end uses that end-use controls turn on (see EndUse).
    end_uses: list[EndUse] = []
    # Where the known end use is (the supercomputer, the fab), when not the destination.
    end_use_country: str | None = None
    # A region of the destination where a rule turns on it: ISO 3166-2 ("UA-43") or its name
    # ("Crimea", "Donetsk", "Luhansk").
    destination_region: str | None = Field(default=None, max_length=100)
    context: Context = Field(default_factory=Context)

    @field_validator("date", mode="before")
    @classmethod
    def _iso_date(cls, value: Any) -> Any:
        if isinstance(value, str) and not _ISO_DATE.match(value.strip()):
            raise ValueError("a date in the form YYYY-MM-DD")
        if not isinstance(value, str | datetime.date):
            raise ValueError("a date in the form YYYY-MM-DD")
        return value

    @field_validator("date")
    @classmethod
    def _in_range(cls, value: datetime.date) -> datetime.date:
        if value < EARLIEST_DATE:
            raise ValueError(f"before {EARLIEST_DATE}: the bundled rules start there")
        return value


def parse_case(data: Any, where: str = "case", allow_unknown: bool = False) -> Case:
    """A validated case; BadInput naming the field (e.g. ``case.item.eccn``) otherwise.

    A key the format does not define is bad input ("case.partys: unknown field; did you mean
    parties?") unless ``allow_unknown``: see :func:`unknown_keys`."""
    if not isinstance(data, dict):
        raise BadInput(where, "a case must be a JSON object")
    check_fields(Case, data, where, allow_unknown)
    try:
        return Case.model_validate(data)
    except ValidationError as exc:
        error = exc.errors()[0]
        field = where + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in error["loc"])
        raise BadInput(field, _message(error)) from None


def _message(error: Any) -> str:
    value = error.get("input")
    shown = repr(value) if isinstance(value, str | int | float) and len(repr(value)) < 60 else ""
    return f"{error['msg']}" + (f" (got {shown})" if shown else "")


def unknown_keys(data: Any, where: str = "case") -> list[str]:
    """The keys of a case the format does not define (ignored with --allow-unknown-fields)."""
    return check_fields(Case, data, where, allow=True)
