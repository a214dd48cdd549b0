"""What one license rule found: whether it requires a license, why, under which review policy,
and which license exceptions it leaves open. Each rule of Parts 744 and 746 returns one (or
None when it does not reach the case); the engine records them and combines them.

Combining: the license is required if any rule requires it (True beats unknown beats False,
:func:`earmark.rules.decision.tri_or`); the review policy is the strictest of the rules that
require it (an application is reviewed under every policy that applies to it).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from earmark.regdata.ear_tables import CclEntry, EarTables
from earmark.rules.case import Case
from earmark.rules.decision import Decision

# Strictest first.
POLICY_ORDER = ("policy_of_denial", "presumption_of_denial", "case_by_case", "approval")


def strictest(policies: list[str | None]) -> str | None:
    known = [p for p in policies if p in POLICY_ORDER]
    return min(known, key=POLICY_ORDER.index) if known else None


@dataclass(frozen=True, slots=True)
class Requirement:
    rule: str  # "15 CFR 746.8(a)(1)"
    citation: str | None  # the Federal Register rule of the version in force
    required: bool | None  # None: a fact the rule turns on is missing (see ``missing``)
    text: str
    policy: str | None = None  # the review policy when required
    # The Part 740 exceptions the section allows: None means Part 740 applies as usual; an
    # empty tuple, none at all; codes, only those.
    exceptions: tuple[str, ...] | None = None
    missing: tuple[str, ...] = ()
    section: str = ""  # the section, for grouping ("746.8")
    # A review policy that applies to a license required for any other reason (744.21(e)(3)),
    # even when this rule does not itself require one.
    overlay: bool = False

    def record(self, decision: Decision, step: str = "license") -> None:
        decision.because(self.rule, self.citation, self.text, step)
        for fact in self.missing:
            decision.missing(fact)


@dataclass(slots=True)
class Facts:
    """What the Part 744 and 746 rules read: the case, the tables of its date, and derived facts."""

    case: Case
    ear: EarTables
    entry: CclEntry | None  # the item's CCL entry on the date (None for EAR99 or unknown)
    hits: list[Any] = field(default_factory=list)  # screening hits (PartyHit), strong and weak
    region: str | None = None  # the 746.6 region key ("crimea", "dnr", "lnr") when known
    # The Entity List hits whose entries' requirements reach the item (filled by 744.11).
    el_applied: list[Any] = field(default_factory=list)

    @property
    def day(self) -> date:
        return self.case.date

    @property
    def eccn(self) -> str | None:
        return self.case.item.eccn.strip().upper() if self.case.item.eccn else None

    @property
    def ear99(self) -> bool:
        return self.eccn == "EAR99"

    @property
    def on_ccl(self) -> bool | None:
        """Whether the item is specified in an ECCN (None when its classification is unknown)."""
        if self.eccn is None:
            return None
        return not self.ear99

    @property
    def base(self) -> str | None:
        """The ECCN without its paragraph ("3A090" for "3A090.a")."""
        return self.eccn.split(".")[0] if self.eccn and not self.ear99 else None

    @property
    def reasons(self) -> tuple[str, ...]:
        return self.entry.reasons if self.entry else ()

    def groups(self, country: str | None = None) -> frozenset[str]:
        return self.ear.country_groups.groups_of(country or self.case.destination)

    def as_china(self, country: str | None) -> str | None:
        """The country a rule naming China reads: Hong Kong is China from 2020-12-23, when
        85 FR 83765 ended its treatment as a destination apart (part744.toml [hong_kong])."""
        from earmark.rules.end_use import hong_kong_as_china_from

        if country == "HK" and self.day >= hong_kong_as_china_from():
            return "CN"
        return country

    @property
    def food_or_medicine(self) -> bool:
        """EAR99 food or medicine, as the case states it (not stated: not claimed)."""
        return self.ear99 and bool(self.case.item.food_or_medicine)
