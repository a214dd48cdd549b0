"""Foreign direct product rules keyed to a destination or an end use: Russia, Belarus and the
Crimea region (15 CFR 734.9(f)), advanced computing (734.9(h)), supercomputers (734.9(i)) and
Iran (734.9(j)), version by version (``data/fdp_rules.toml``, ``[[destination_rule]]``).

A foreign-made item is subject to the EAR under one of them when the product scope (a direct
product of listed US technology or software, or the product of a plant that is one, and itself
of the kinds listed) and the destination scope (known to be going where the version names) are
both met. The license requirement that follows is the section the rule points to; for the
Russia/Belarus and Iran rules, exports from the countries of Supplement No. 3 to Part 746 are
excluded from it (746.8(a)(4) and (a)(12)(iii); 746.7(a)(1)(iv)).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from earmark.rules.partners import partner_on
from earmark.rules.requirement import Facts, Requirement

DATA = Path(__file__).resolve().parent / "data" / "fdp_rules.toml"


@dataclass(frozen=True, slots=True)
class DestinationFdp:
    id: str
    title: str
    cfr: str
    citation: str
    effective_from: date
    effective_to: date | None
    destinations: tuple[str, ...]
    tech: frozenset[str]
    tech_prefixes: tuple[str, ...]
    items: str | tuple[str, ...]
    supplements: tuple[str, ...]
    license: str
    policy: str | None
    partner_exclusion: bool
    headquarters: bool
    end_use: str | None
    belarus_from: date | None
    groups: tuple[str, ...] = ()  # destinations in these Country Groups are in scope too
    tech_patterns: tuple[str, ...] = ()  # regular expressions over the technology's ECCN

    def in_force(self, on: date) -> bool:
        return self.effective_from <= on and (self.effective_to is None or on <= self.effective_to)


@lru_cache(maxsize=1)
def destination_rules() -> tuple[DestinationFdp, ...]:
    with DATA.open("rb") as fh:
        rows: list[dict[str, Any]] = tomllib.load(fh).get("destination_rule", [])
    return tuple(_rule(r) for r in rows)


def _rule(r: dict[str, Any]) -> DestinationFdp:
    items = r["items"]
    return DestinationFdp(
        id=r["id"],
        title=r["title"],
        cfr=r["cfr"],
        citation=r["citation"],
        effective_from=r["effective_from"],
        effective_to=r.get("effective_to"),
        destinations=tuple(r["destinations"]),
        tech=frozenset(r.get("tech", ())),
        tech_prefixes=tuple(r.get("tech_prefixes", ())),
        items=items if isinstance(items, str) else tuple(items),
        supplements=tuple(r.get("supplements", ())),
        license=r["license"],
        policy=r.get("policy"),
        partner_exclusion=bool(r.get("partner_exclusion")),
        headquarters=bool(r.get("headquarters")),
        end_use=r.get("end_use"),
        belarus_from=r.get("belarus_from"),
        groups=tuple(r.get("groups", ())),
        tech_patterns=tuple(r.get("tech_patterns", ())),
    )


@dataclass(frozen=True, slots=True)
class FdpFinding:
    rule: DestinationFdp
    subject: bool | None
    reason: Requirement  # why the item is (or may be) subject, step "fdp"
    license: Requirement | None  # the license requirement that follows, if the rule has one


def destination_fdp(f: Facts) -> list[FdpFinding]:
    """Every destination FDP rule in force on the date whose destination scope the case meets
    (or may meet), with whether the item is subject under it."""
    if f.case.item.origin != "foreign":
        return []
    out = []
    for rule in destination_rules():
        if not rule.in_force(f.day):
            continue
        scope, where = _destination(rule, f)
        if scope is False:
            continue
        if rule.end_use and rule.end_use not in {u.value for u in f.case.end_uses}:
            continue
        product, missing = _product(rule, f)
        if product is False:
            continue
        subject = True if scope is True and product is True else None
        text = (
            f"{rule.title} ({rule.cfr}, in force from {rule.effective_from}): the item is a "
            f"direct product of US technology or software of the listed kinds, of a kind the "
            f"rule lists, and {where}"
        )
        if subject is None:
            text = f"{rule.title} ({rule.cfr}) may make the item subject to the EAR: {where}"
        reason = Requirement(
            rule.cfr, rule.citation, subject, text + ".", missing=missing, section="734.9"
        )
        out.append(FdpFinding(rule, subject, reason, _license(rule, f, subject)))
    return out


def _destination(rule: DestinationFdp, f: Facts) -> tuple[bool | None, str]:
    # The supercomputer rule turns on where the supercomputer is ("located in or destined to").
    dest = f.as_china(
        (f.case.end_use_country or f.case.destination) if rule.end_use else f.case.destination
    )
    if rule.groups and f.groups() & set(rule.groups):
        named = ", ".join(sorted(f.groups() & set(rule.groups)))
        return True, f"it is known to be going to {f.case.destination} (Country Group {named})"
    for d in rule.destinations:
        if d == dest:
            if dest == "BY" and rule.belarus_from and f.day < rule.belarus_from:
                continue
            return True, f"it is known to be going to {dest}"
        if d == "UA:crimea" and dest == "UA":
            if f.region == "crimea":
                return True, "it is known to be going to the Crimea region of Ukraine"
            if (
                f.region is None
                and f.case.destination_region is None
                and not any(p.address for p in f.case.parties)
            ):
                return None, "whether it goes to the Crimea region of Ukraine is not stated"
        if d == "D1D4D5":
            groups = f.groups()
            if groups & {"D:1", "D:4", "D:5"} and not groups & {"A:5", "A:6"}:
                return True, f"it is known to be going to {dest} (Country Group D:1, D:4 or D:5)"
    if rule.headquarters:
        for party in f.case.parties:
            hq = (party.headquarters or "").upper()
            if hq and (hq == "MO" or "D:5" in f.groups(hq)):
                return True, (
                    f"'{party.name}', a party, is headquartered (or has its ultimate parent) in "
                    f"{hq} (Macau or Country Group D:5)"
                )
    return False, ""


def _product(rule: DestinationFdp, f: Facts) -> tuple[bool | None, tuple[str, ...]]:
    """The product scope: the item of a kind the rule lists (checked first: an item of
    another kind is outside whatever it was made from), made from listed US technology."""
    kind = _item_listed(rule, f)
    if kind is False:
        return False, ()
    item = f.case.item
    sources = [*(item.direct_product_of or []), *(item.plant_direct_product_of or [])]
    made_from = any(_tech_listed(rule, e) for e in sources)
    missing: list[str] = []
    if not made_from:
        for name in ("direct_product_of", "plant_direct_product_of"):
            if getattr(item, name) is None:
                missing.append(f"item.{name}")
        return (None, tuple(missing)) if missing else (False, ())
    if kind is None:
        return None, ("item.eccn",) if f.eccn is None else ("item.part746_supplements",)
    return True, ()


def _tech_listed(rule: DestinationFdp, eccn: str) -> bool:
    e = eccn.strip().upper()
    base = e.split(".")[0]
    return (
        base in rule.tech
        or e[:2] in rule.tech_prefixes
        or any(re.match(p, base) for p in rule.tech_patterns)
    )


def _item_listed(rule: DestinationFdp, f: Facts) -> bool | None:
    supplements = f.case.item.part746_supplements
    in_supplement = bool(set(rule.supplements) & set(supplements or ()))
    if f.eccn is None:
        return None
    if rule.items == "any":
        return True
    if f.ear99:
        if in_supplement:
            return True
        if rule.supplements and supplements is None:
            return None
        return False
    if rule.items == "ccl":
        return True
    if rule.items == "cat3_9":
        return f.eccn[0] in "3456789" or in_supplement
    eccn = f.eccn
    for i in rule.items:
        if i.startswith("re:"):
            if re.match(i[3:], eccn):
                return True
        elif eccn == i.upper() or eccn.startswith(i.upper() + "."):
            return True
    return False


def _license(rule: DestinationFdp, f: Facts, subject: bool | None) -> Requirement | None:
    """The license requirement the rule points to; None where another step decides it (the
    advanced computing rule: the Country Chart's 742.6(a)(6)(iii) and 744.23(a)(3))."""
    if rule.license.startswith("15 CFR 742"):
        return None
    if rule.partner_exclusion:
        origin = f.case.from_country
        if origin is None:
            return Requirement(
                rule.license,
                rule.citation,
                None,
                f"{rule.license} requires a license for items subject under the {rule.title}, "
                "except exports from the countries of Supplement No. 3 to Part 746; the case "
                "does not say where the item is exported from.",
                missing=("from_country",),
                section=rule.license.split()[2].split("(")[0],
            )
        partner = partner_on(origin, f.day)
        if partner:
            return Requirement(
                rule.license,
                rule.citation,
                False,
                f"Exported from {origin}, a country of Supplement No. 3 to Part 746 on {f.day} "
                f"({partner}): the license requirement for items subject under the "
                f"{rule.title} does not apply (the partner-country exclusion).",
                section=rule.license.split()[2].split("(")[0],
            )
    return Requirement(
        rule.license,
        rule.citation,
        subject,
        f"{rule.license}: a license is required to reexport, export from abroad or transfer "
        f"an item subject to the EAR under the {rule.title}"
        + (f"; review: {rule.policy.replace('_', ' ')}." if rule.policy else "."),
        policy=rule.policy,
        exceptions=(),
        section=rule.license.split()[2].split("(")[0],
    )
