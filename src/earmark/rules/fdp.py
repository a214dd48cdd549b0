"""The Entity List foreign direct product rule (footnote 1): 15 CFR 734.9(e)(1), before
2022-02-03 15 CFR 736.2(b)(3)(vi), in every version (``data/fdp_rules.toml``).

A foreign-made item is subject to the EAR when both scopes are met: the product scope (a direct
product of US technology or software in the listed ECCNs, or made by a plant that is one) and
the party scope of the version in force on the date. The party scope is checked first: when it
is not met no product fact matters; when it is met and the product facts are missing, the
answer is indeterminate and the missing facts are listed. Never a guess.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from earmark.rules.case import Case
from earmark.rules.decision import Decision

DATA = Path(__file__).resolve().parent / "data" / "fdp_rules.toml"


@dataclass(frozen=True, slots=True)
class FdpRule:
    id: str
    title: str
    effective_from: date
    effective_to: date | None
    cfr: str
    citation: str
    eccns: frozenset[str]
    prongs: tuple[str, ...]
    party_scope: str
    savings_until: date | None = None
    savings_note: str | None = None

    def in_force(self, on: date) -> bool:
        return self.effective_from <= on and (self.effective_to is None or on <= self.effective_to)


@lru_cache(maxsize=1)
def fdp_rules() -> tuple[FdpRule, ...]:
    with DATA.open("rb") as fh:
        rows: list[dict[str, Any]] = tomllib.load(fh)["rule"]
    return tuple(
        FdpRule(
            id=r["id"],
            title=r["title"],
            effective_from=r["effective_from"],
            effective_to=r.get("effective_to"),
            cfr=r["cfr"],
            citation=r["citation"],
            eccns=frozenset(r["eccns"]),
            prongs=tuple(r["prongs"]),
            party_scope=r["party_scope"],
            savings_until=r.get("savings_until"),
            savings_note=r.get("savings_note"),
        )
        for r in rows
    )


def rule_in_force(on: date) -> FdpRule | None:
    return next((r for r in fdp_rules() if r.in_force(on)), None)


@dataclass(frozen=True, slots=True)
class Footnote1Facts:
    party: str | None  # a footnote 1 entity that is a party to the transaction
    incorporation: str | None  # ... into whose items the item will be incorporated
    designer: str | None  # ... that designed (developed) the item


def footnote1(case: Case, facts: Footnote1Facts, decision: Decision) -> bool | None:
    """Whether the footnote 1 FDP rule makes the foreign item subject to the EAR."""
    if case.item.origin != "foreign":
        return False
    rule = rule_in_force(case.date)
    if rule is None:
        if facts.party or facts.incorporation:
            decision.because(
                "15 CFR 736.2(b)(3)",
                "85 FR 29849",
                "The Entity List foreign direct product rule (footnote 1) took effect on "
                "2020-05-15; on this date only the national security FDP rule existed.",
                "fdp",
            )
        return False
    scope = _party_scope(rule, case, facts, decision)
    if scope is not True:
        return scope
    started = case.context.production_started
    if (
        rule.savings_until
        and started
        and started < rule.effective_from
        and case.date <= rule.savings_until
    ):
        decision.because(rule.cfr, rule.citation, f"Savings clause: {rule.savings_note}", "fdp")
        return False
    caught = _product_scope(rule, case, decision)
    if caught:
        who = (facts.party or "").lstrip("?") or facts.incorporation or facts.designer
        decision.because(
            rule.cfr,
            rule.citation,
            f"{rule.title}: the item is caught by the {caught} prong, and {who} is a footnote 1 "
            "entity in the way this version requires; the foreign item is subject to the EAR.",
            "fdp",
        )
        decision.details["fdp_rule"] = rule.id
        return True
    return caught if caught is None else False


def _party_scope(
    rule: FdpRule, case: Case, facts: Footnote1Facts, decision: Decision
) -> bool | None:
    """Whether the party scope of this version is met; None when a fact is missing (a weak
    match of a footnote 1 entity, marked "?name", or who designed the item)."""
    party = facts.party
    if party and party.startswith("?"):
        decision.missing(f"whether party '{party[1:]}' is the listed footnote 1 entity")
        party = None
        if not facts.incorporation:
            return None
    destined = bool(party or facts.incorporation)
    if rule.party_scope == "designed_by_footnote1_and_destined_to_footnote1":
        if not destined:
            return False
        if facts.designer:
            return True
        if case.item.developed_by is None:
            decision.missing("item.developed_by")
            return None
        return False
    return destined


def _product_scope(rule: FdpRule, case: Case, decision: Decision) -> str | bool | None:
    item = case.item
    direct = _within(item.direct_product_of, rule)
    plant = _within(item.plant_direct_product_of, rule)
    if direct:
        return "direct product"
    if plant and "plant" in rule.prongs:
        return "plant"
    if item.direct_product_of is None:
        decision.missing("item.direct_product_of")
    if item.plant_direct_product_of is None:
        decision.missing("item.plant_direct_product_of")
    if item.direct_product_of is None or item.plant_direct_product_of is None:
        return None
    return False


def _within(eccns: list[str] | None, rule: FdpRule) -> bool:
    return any(e.strip().upper().split(".")[0] in rule.eccns for e in eccns or [])


# The national security FDP rule: 15 CFR 734.9(b) (before 2022-02-03, General Prohibition 3,
# 736.2(b)(3)(i)-(ii)). A foreign item controlled for NS reasons, made from (or by a plant made
# from) US technology or software that needs a written assurance (Supplement No. 2 to Part 748
# (o)(3)(i), or License Exception TSR), going to Country Group D:1, E:1 or E:2.
NS_FDP_GROUPS = ("D:1", "E:1", "E:2")


def national_security(
    case: Case, ns_controlled: bool | None, groups: frozenset[str], decision: Decision
) -> bool | None:
    """Whether the NS FDP rule may make the foreign item subject; None when a fact is missing
    (the written-assurance status of the US technology is not a fact earmark can know)."""
    if case.item.origin != "foreign" or not any(g in groups for g in NS_FDP_GROUPS):
        return False
    if ns_controlled is False:
        return False
    item = case.item
    sources = [*(item.direct_product_of or []), *(item.plant_direct_product_of or [])]
    if item.direct_product_of == [] and item.plant_direct_product_of == []:
        return False  # stated: not a direct product of US technology or software
    rule = "15 CFR 734.9(b)" if case.date >= date(2022, 2, 3) else "15 CFR 736.2(b)(3)(i)-(ii)"
    if ns_controlled is None:
        decision.missing("item.eccn")
    if not sources:
        if item.direct_product_of is None:
            decision.missing("item.direct_product_of")
        if item.plant_direct_product_of is None:
            decision.missing("item.plant_direct_product_of")
        return None
    decision.missing(
        "whether the US technology or software it is a direct product of "
        f"({', '.join(sources)}) requires a written assurance (Supp. No. 2 to Part 748 (o)(3)(i))"
    )
    decision.because(
        rule,
        None,
        "National security FDP rule: a foreign NS-controlled item made from US "
        "technology or software that needs a written assurance is subject to the EAR "
        "when going to Country Group D:1, E:1 or E:2; whether it does is a fact to "
        "establish.",
        "fdp",
    )
    return None


@dataclass(frozen=True, slots=True)
class FootnoteRule:
    id: str
    title: str
    footnote: int
    effective_from: date
    cfr: str
    license_cfr: str
    citation: str
    eccn_prefixes: tuple[str, ...]
    tech_eccns: frozenset[str] = frozenset()  # the technology's ECCNs, where listed one by one
    item_eccns: tuple[str, ...] = ()  # the foreign item must be in these (footnote 5)
    item_except: tuple[str, ...] = ()  # ... but not in these paragraphs

    def tech_listed(self, eccn: str) -> bool:
        e = eccn.strip().upper()
        return e[:2] in self.eccn_prefixes or e.split(".")[0] in self.tech_eccns

    def item_listed(self, eccn: str | None) -> bool | None:
        """Whether the foreign item is of the kinds the rule reaches (None: not stated)."""
        if not self.item_eccns:
            return True
        if eccn is None:
            return None
        e = eccn.strip().upper()
        if any(e == x or e.startswith(x + ".") for x in self.item_except):
            return False
        return e.split(".")[0] in self.item_eccns


@lru_cache(maxsize=1)
def footnote_rules() -> tuple[FootnoteRule, ...]:
    with DATA.open("rb") as fh:
        rows: list[dict[str, Any]] = tomllib.load(fh).get("footnote_rule", [])
    return tuple(
        FootnoteRule(
            r["id"],
            r["title"],
            r["footnote"],
            r["effective_from"],
            r["cfr"],
            r["license_cfr"],
            r["citation"],
            tuple(r["eccn_prefixes"]),
            frozenset(r.get("tech_eccns", ())),
            tuple(r.get("item_eccns", ())),
            tuple(r.get("item_except", ())),
        )
        for r in rows
    )


def footnote_fdp(
    case: Case, rule: FootnoteRule, party: str | None, decision: Decision
) -> bool | None:
    """A footnote 3, 4 or 5 FDP rule: True when both scopes are met, None when the product
    facts are missing and the party scope is met, or when the party is only a weak match of
    a footnote entity (marked "?name"), else False."""
    if case.item.origin != "foreign" or case.date < rule.effective_from or not party:
        return False
    item = case.item
    weak = party.startswith("?")

    def within(eccns: list[str] | None) -> bool:
        return any(rule.tech_listed(e) for e in eccns or [])

    kind = rule.item_listed(item.eccn)
    if kind is False:
        return False
    if within(item.direct_product_of) or within(item.plant_direct_product_of):
        if kind is None:
            decision.missing("item.eccn")
            return None
        if weak:
            decision.missing(
                f"whether party '{party[1:]}' is the listed footnote {rule.footnote} entity "
                f"(the {rule.title} would make the item subject to the EAR)"
            )
            return None
        decision.because(
            rule.cfr,
            rule.citation,
            f"{rule.title}: the item is a direct product (or a plant's product) of "
            f"US technology or software of the listed kinds and {party} is a "
            f"footnote {rule.footnote} entity in the transaction: subject to the EAR.",
            "fdp",
        )
        decision.details.setdefault("fdp_rules", []).append(rule.id)
        return True
    if item.direct_product_of is None or item.plant_direct_product_of is None:
        for name in ("direct_product_of", "plant_direct_product_of"):
            if getattr(item, name) is None:
                decision.missing(f"item.{name}")
        return None
    return False
