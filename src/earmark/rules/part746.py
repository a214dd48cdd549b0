"""Embargoes and other special controls: 15 CFR Part 746, one function per section.

Each function returns the :class:`~earmark.rules.requirement.Requirement` of its section for
the case, under the version in force on the case's date (``data/part746.toml``: dates,
citations, reasons, exclusions, review policies and the license exceptions each section
allows), or None when the section does not reach the destination on that date.

A fact a section turns on and the case leaves out gives ``required=None`` and the fact is
named; an exclusion the case does not claim (EAR99 food or medicine, personal-communications
software) is not assumed.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from earmark.regdata.ear_tables import normalise_column
from earmark.rules.country_chart import coverage
from earmark.rules.requirement import Facts, Requirement

DATA = Path(__file__).resolve().parent / "data" / "part746.toml"


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    with DATA.open("rb") as fh:
        return tomllib.load(fh)


@dataclass(frozen=True, slots=True)
class Version:
    section: str
    raw: dict[str, Any]

    @property
    def citation(self) -> str:
        return str(self.raw["citation"])

    @property
    def effective(self) -> date:
        effective: date = self.raw["effective"]
        return effective

    def get(self, key: str, default: Any = None) -> Any:
        return self.raw.get(key, default)

    @property
    def exceptions(self) -> tuple[str, ...]:
        return tuple(self.raw.get("exceptions", ()))


def version_on(key: str, day: date, country: str | None = None) -> Version | None:
    """The version of a Part 746 section in force on ``day`` (for ``country`` where the
    section names its countries), or None before the section reached it."""
    table = _data()[key]
    found = None
    for v in sorted(table["version"], key=lambda v: v["effective"]):
        if v["effective"] > day:
            break
        if country is None or country in v.get("countries", [table.get("country")]):
            found = v
    return Version(table["section"], found) if found else None


def embargo_country(code: str) -> str | None:
    """The Part 746 key of a comprehensively embargoed destination (Cuba, Iran, North Korea,
    Syria), for the rules that treat those four apart (de minimis, exceptions)."""
    for key in ("cuba", "iran", "north_korea", "syria"):
        if _data()[key]["country"] == code:
            return key
    return None


def _all_items(f: Facts, v: Version, place: str, *, rule: str | None = None) -> Requirement:
    """A section that requires a license for every item subject to the EAR, but EAR99 food and
    medicine where it says so."""
    rule = rule or v.section
    if v.get("except_food_medicine") and f.ear99 and f.food_or_medicine:
        return Requirement(
            f"{rule}(a)",
            v.citation,
            False,
            f"{place}: EAR99 food and medicine are outside the license requirement of "
            f"{v.section}(a).",
            section=v.section,
        )
    note = ""
    if v.get("except_food_medicine") and f.ear99 and f.case.item.food_or_medicine is None:
        note = (
            " The case does not say the item is food or medicine (772.1); if it is EAR99 food "
            "or medicine, this requirement does not apply."
        )
    return Requirement(
        f"{rule}(a)",
        v.citation,
        True,
        f"{place}: a license is required for all items subject to the EAR"
        f"{' other than EAR99 food and medicine' if v.get('except_food_medicine') else ''} "
        f"({v.section}, in force from {v.effective}; {v.get('policy_note', '')}).{note}",
        policy=v.get("policy"),
        exceptions=v.exceptions,
        section=v.section,
    )


# -- 746.2 Cuba ----------------------------------------------------------------------------


def cuba(f: Facts) -> Requirement | None:
    """15 CFR 746.2: a license for every item subject to the EAR to Cuba (no food exclusion;
    EAR99 agricultural commodities may go under License Exception AGR). In force throughout."""
    if f.case.destination != "CU":
        return None
    v = version_on("cuba", f.day)
    return _all_items(f, v, "Cuba") if v else None


# -- 746.3 Iraq ----------------------------------------------------------------------------


def iraq(f: Facts) -> list[Requirement]:
    """15 CFR 746.3: CCL items controlled for NS, MT, NP, CW, CB, RS, CC, EI, SI, SL or UN
    reasons, some RS ECCNs, and any item for a military end use or end user. In force
    throughout (2014 text; 85 FR 4177 changed a cross-reference only)."""
    if f.case.destination != "IQ":
        return []
    v = version_on("iraq", f.day)
    if v is None:
        return []
    out = []
    if f.entry is not None:
        reasons = set(f.reasons) & set(v.get("reasons", ()))
        if reasons or f.base in v.get("rs_eccns", ()):
            why = ", ".join(sorted(reasons)) or "RS (746.3(a)(3))"
            out.append(
                Requirement(
                    "15 CFR 746.3(a)(1)",
                    v.citation,
                    True,
                    f"Iraq: {f.eccn} is controlled for {why}; 746.3(a) requires a license for "
                    "CCL items controlled for NS, MT, NP, CW, CB, RS, CC, EI, SI, SL or UN "
                    f"reasons ({v.get('policy_note')}).",
                    exceptions=v.exceptions,
                    section=v.section,
                )
            )
    military = _military(f)
    if military:
        out.append(
            Requirement(
                "15 CFR 746.3(a)(4)",
                v.citation,
                True,
                f"Iraq: {military}; 746.3(a)(4) requires a license for any item subject to "
                "the EAR for a 'military end-use' or a 'military end-user' not recognized as a "
                "legitimate military organization by the US Government (not for the "
                "Government of Iraq); policy of denial (746.3(b)(4)); no license exception "
                "(746.3(c)).",
                policy=v.get("military_policy"),
                exceptions=(),
                section=v.section,
            )
        )
    return out


def _military(f: Facts) -> str | None:
    from earmark.rules.case import EndUse

    if EndUse.MILITARY_END_USE in f.case.end_uses:
        return "the item is known to be for a military end use"
    party = next((p for p in f.case.parties if p.military_end_user), None)
    return f"'{party.name}' is a military end user" if party else None


# -- 746.4 North Korea ---------------------------------------------------------------------


def north_korea(f: Facts) -> Requirement | None:
    """15 CFR 746.4: every item subject to the EAR but EAR99 food and medicine; case-by-case
    review except luxury goods (Supp. No. 1 to Part 746), arms, WMD and NP/MT items (denial)."""
    if f.case.destination != "KP":
        return None
    v = version_on("north_korea", f.day)
    if v is None:
        return None
    found = _all_items(f, v, "North Korea")
    if not found.required:
        return found
    policy, why = _north_korea_policy(f, v)
    return Requirement(
        found.rule,
        found.citation,
        True,
        f"{found.text} Review: {why}",
        policy=policy,
        exceptions=found.exceptions,
        section=found.section,
    )


def _north_korea_policy(f: Facts, v: Version) -> tuple[str | None, str]:
    if set(f.reasons) & {"NP", "MT"} and f.base != "7A103":
        return v.get("np_mt_policy"), "NP or MT item: general policy of denial (746.4(b)(3))."
    if f.on_ccl:
        return v.get("ccl_policy"), (
            f"an item on the CCL: reviewed under {v.get('ccl_policy_section')} (746.4(b)(5)), "
            "where applications are generally denied."
        )
    luxury = f.case.item.luxury_good
    if luxury is None:
        words = _luxury_words(f.case.item.description or "", v.get("luxury_words", ()))
        if words:
            return v.get("luxury_policy"), (
                f"the description names a luxury good of Supp. No. 1 to Part 746 "
                f"({', '.join(words)}): general policy of denial (746.4(b)(1))."
            )
        return v.get("policy"), (
            "case by case (746.4(b)); the description names no luxury good of Supp. No. 1 to "
            "Part 746 (state item.luxury_good to settle it)."
        )
    if luxury:
        return v.get("luxury_policy"), "a luxury good: general policy of denial (746.4(b)(1))."
    return v.get("policy"), "not a luxury good: case by case (746.4(b))."


def _luxury_words(description: str, words: tuple[str, ...]) -> list[str]:
    text = description.casefold()
    if re.search(r"\bnot\s+(?:a\s+)?luxury\b", text):
        return []
    return [w for w in words if re.search(rf"\b{re.escape(w)}(?:s|es)?\b", text)]


# -- 746.6 Crimea, DNR and LNR -----------------------------------------------------------------


def ukraine_region(f: Facts) -> tuple[str | None, bool]:
    """The 746.6 region of the destination: (key, known). For Ukraine, the case's
    ``destination_region`` or the addresses of the ultimate consignee and end user (known only
    when every one of them gives one); for Russia, an address in Crimea or the DNR/LNR regions
    (which Russia claims) is read too. ``known`` is False when nothing says where it goes."""
    dest = f.case.destination
    if dest not in ("UA", "RU"):
        return None, True
    regions: dict[str, Any] = _data()["ukraine_regions"]["region"]
    stated = (f.case.destination_region or "").strip()
    if stated:
        return _region_named(stated, regions), True
    receivers = [p for p in f.case.parties if p.role.value in ("ultimate_consignee", "end_user")]
    for party in receivers:
        key = _region_in_text(party.address or "", regions)
        if key:
            return key, True
    if dest == "RU":
        return None, True
    if not receivers or any(not p.address for p in receivers):
        return None, False
    return None, True


def _region_named(stated: str, regions: dict[str, Any]) -> str | None:
    upper = stated.upper()
    for key, r in regions.items():
        if upper in r["codes"]:
            return key
    return _region_in_text(stated, regions)


def _region_in_text(text: str, regions: dict[str, Any]) -> str | None:
    lowered = text.casefold()
    for key, r in regions.items():
        if any(re.search(rf"\b{re.escape(n)}\b", lowered) for n in r["names"]):
            return key
    return None


def ukraine_regions(f: Facts) -> Requirement | None:
    """15 CFR 746.6: Crimea from 2015-01-29 (80 FR 4776); the so-called DNR and LNR regions
    from 2022-02-24 (87 FR 12226). Every item subject to the EAR except EAR99 food and
    medicine and free personal-communications software; policy of denial."""
    if f.case.destination not in ("UA", "RU"):
        return None
    v = version_on("ukraine_regions", f.day)
    if v is None:
        return None
    regions: dict[str, Any] = _data()["ukraine_regions"]["region"]
    key, known = ukraine_region(f)
    if f.case.destination == "RU" and key is None:
        return None  # Russia proper: 746.8
    if not known:
        return Requirement(
            "15 CFR 746.6(a)",
            v.citation,
            None if not f.food_or_medicine else False,
            "Ukraine: 746.6 requires a license for items to "
            + (
                "the Crimea region"
                if v.get("regions") == ["crimea"]
                else "the Crimea region and the so-called DNR and LNR regions"
            )
            + "; the case does not say where in Ukraine the item goes.",
            missing=("destination_region",) if not f.food_or_medicine else (),
            section=v.section,
        )
    if key is None:
        return Requirement(
            "15 CFR 746.6(a)",
            v.citation,
            False,
            "Ukraine, outside the Crimea, DNR and LNR regions: 746.6 does not apply.",
            section=v.section,
        )
    label = regions[key]["label"]
    if key not in v.get("regions", ()):
        return Requirement(
            "15 CFR 746.6(a)",
            v.citation,
            False,
            f"{label}: not yet covered by 746.6 on {f.day} (the DNR and LNR license "
            "requirement took effect on 2022-02-24, 87 FR 12226).",
            section=v.section,
        )
    paragraph = "(a)(1)" if key == "crimea" else "(a)(2)"
    software = _personal_communications(f)
    if software is not False:
        return Requirement(
            f"15 CFR 746.6{paragraph}",
            v.citation,
            False if software else None,
            f"{label}: 'software necessary to enable the exchange of personal communications "
            "over the internet' (EAR99 or 5D992.c, free to the public; 746.6(d)(3)) is outside "
            "the license requirement"
            + ("." if software else "; whether this software is such is not stated."),
            missing=() if software else ("item.personal_communications_software",),
            section=v.section,
        )
    found = _all_items(f, v, label, rule="15 CFR 746.6")
    return Requirement(
        f"15 CFR 746.6{paragraph}",
        found.citation,
        found.required,
        found.text,
        policy=found.policy,
        exceptions=found.exceptions,
        section=found.section,
    )


def _personal_communications(f: Facts) -> bool | None:
    """True/None when the item may be personal-communications software; False when not."""
    item = f.case.item
    if item.kind != "software" or not (f.ear99 or (f.eccn or "").startswith("5D992.C")):
        return False
    if item.personal_communications_software is None:
        return None
    return item.personal_communications_software


# -- 746.7 Iran ------------------------------------------------------------------------------


def iran(f: Facts) -> Requirement | None:
    """15 CFR 746.7: CCL items with an X-able column of 746.7(a)(1)(i) or in its list of ECCNs;
    from 2023-02-24 also Supp. No. 7 items and the Iran FDP rule (88 FR 12150). EAR99 items need
    OFAC's authorization (746.7(e)), which is the EAR's as well (746.7(a)(2)). No license
    exceptions (746.7(c))."""
    if f.case.destination != "IR":
        return None
    v = version_on("iran", f.day)
    if v is None:
        return None
    supp7 = "7" in (f.case.item.part746_supplements or [])
    if f.ear99:
        extra = (
            " The item is in Supp. No. 7 to Part 746: 746.7(a)(1)(ii) requires a BIS license too."
            if supp7 and v.get("supplement7")
            else ""
        )
        return Requirement(
            "15 CFR 746.7(e)",
            v.citation,
            True,
            "Iran: EAR99 items may not be exported or reexported without the authorization the "
            "Iranian Transactions and Sanctions Regulations (31 CFR Part 560) require; an OFAC "
            "authorization is the authorization under the EAR too (746.7(a)(2))." + extra,
            policy=v.get("policy") if extra else None,
            exceptions=(),
            section=v.section,
        )
    if f.entry is None:
        return None
    columns = {normalise_column(c) for c in v.get("columns", ())}
    listed = _in_eccn_list(f.eccn or "", v.get("eccns", ()))
    hit: bool | None = False
    named = []
    for control in f.entry.chart_controls:
        if control.column is None or normalise_column(control.column) not in columns:
            continue
        covered = coverage(f.eccn or "", control).covered
        if covered:
            hit = True
            named.append(normalise_column(control.column))
        elif covered is None and hit is False:
            hit = None
    if listed:
        hit = True
    if hit is False:
        return Requirement(
            "15 CFR 746.7(a)(1)",
            v.citation,
            False,
            f"Iran: {f.eccn} has none of the Country Chart columns 746.7(a)(1)(i) names and is "
            "not in its list of ECCNs.",
            section=v.section,
        )
    why = f"its {', '.join(dict.fromkeys(named))} column" if named else "its ECCN"
    return Requirement(
        "15 CFR 746.7(a)(1)",
        v.citation,
        hit,
        f"Iran: {f.eccn} is a CCL item caught by 746.7(a)(1)(i) through {why}; "
        f"{v.get('policy_note')}; no license exception may be used (746.7(c)).",
        policy=v.get("policy"),
        exceptions=(),
        missing=() if hit else ("the item's paragraph of its ECCN",),
        section=v.section,
    )


def _in_eccn_list(eccn: str, listed: tuple[str, ...]) -> bool:
    eccn = eccn.upper()
    return any(eccn == e.upper() or eccn.startswith(e.upper() + ".") for e in listed)


# -- 746.8 Russia and Belarus ----------------------------------------------------------------


def russia_belarus(f: Facts) -> Requirement | None:
    """15 CFR 746.8: Russia from 2022-02-24 (87 FR 12226), Belarus from 2022-03-02
    (87 FR 13048): CCL Categories 3-9, every CCL item from 2022-04-08 (87 FR 22130); EAR99
    items named in Supplements 2, 4, 5, 6 and 7 to Part 746 (746.5 and 746.10 until the 2024
    consolidation) and, from 2024-09-16, some EAR99 software. Policy of denial (746.8(b))."""
    dest = f.case.destination
    v = version_on("russia_belarus", f.day, dest)
    if v is None:
        return None
    place = "Russia" if dest == "RU" else "Belarus"
    if f.eccn is None:
        return Requirement(
            "15 CFR 746.8(a)(1)",
            v.citation,
            None,
            f"{place}: 746.8 turns on the item's classification.",
            missing=("item.eccn",),
            section=v.section,
        )
    if not f.ear99:
        category = (f.eccn or "0")[0]
        if category in v.get("ccl_categories", ()):
            cats = v.get("ccl_categories")
            scope = "any ECCN on the CCL" if len(cats) == 10 else "any ECCN in Categories 3 to 9"
            return Requirement(
                "15 CFR 746.8(a)(1)",
                v.citation,
                True,
                f"{place}: a license is required for items specified in {scope} "
                f"(746.8(a)(1), in force from {v.effective}; {v.get('policy_note')}).",
                policy=v.get("policy"),
                exceptions=v.exceptions,
                section=v.section,
            )
        return Requirement(
            "15 CFR 746.8(a)(1)",
            v.citation,
            False,
            f"{place}: on {f.day} 746.8(a)(1) covered only CCL Categories 3 to 9 "
            "(Categories 0-2 from 2022-04-08, 87 FR 22130).",
            section=v.section,
        )
    return _russia_ear99(f, v, place)


def russia_oil_gas(f: Facts) -> Requirement | None:
    """15 CFR 746.5 (from 2014-08-06), 746.8(a)(4) from the 2024 consolidation: items in Supp.
    No. 2 to Part 746 or the listed ECCNs, known to be for deepwater, Arctic offshore or shale
    oil or gas exploration or production in Russia (Belarus from 2022-09-15)."""
    from earmark.rules.case import EndUse

    table = _data()["russia_belarus"]
    rule = table["oil_gas"]
    since = rule["countries_from"].get(f.case.destination)
    if since is None or f.day < since:
        return None
    listed = "2" in (f.case.item.part746_supplements or []) or (f.base or "") in rule["eccns"]
    if not listed:
        return None
    consolidated = f.day >= table["consolidated"]["from"]
    section = rule["section_from_2024"] if consolidated else rule["section_before_2024"]
    known = EndUse.OIL_GAS_EXPLORATION in f.case.end_uses
    return Requirement(
        section,
        rule["citation"],
        known,
        f"The item is in Supp. No. 2 to Part 746 or the ECCNs {section} lists: a license is "
        "required when it is known to be for deepwater, Arctic offshore or shale oil or gas "
        "exploration or production in Russia or Belarus"
        + (" - as the case states; policy of denial." if known else " (no such end use stated)."),
        policy=rule["policy"] if known else None,
        section="15 CFR 746.5",
    )


def _russia_ear99(f: Facts, v: Version, place: str) -> Requirement | None:
    table = _data()["russia_belarus"]
    consolidated = f.day >= table["consolidated"]["from"]
    dest = f.case.destination
    in_force = [
        s
        for s in table["supplement"]
        if s["from"] <= f.day and s.get("countries_from", {}).get(dest, s["from"]) <= f.day
    ]
    stated = f.case.item.part746_supplements
    software = table["software"]
    software_in_force = f.case.item.kind == "software" and f.day >= software["from"]
    if not in_force and not software_in_force:
        return None
    if stated is None:
        names = ", ".join(s["number"] for s in in_force)
        return Requirement(
            "15 CFR 746.8" if consolidated else "15 CFR 746.5",
            v.citation,
            None,
            f"{place}: EAR99 items need a license when a Part 746 supplement names them "
            f"(Supplements {names} in force on {f.day}); the case does not say which, if any, "
            "names this item.",
            missing=("item.part746_supplements",),
            section=v.section,
        )
    caught = [s for s in in_force if s["number"] in stated]
    for s in caught:
        section = s["section_from_2024"] if consolidated else s["section_before_2024"]
        return Requirement(
            section,
            s["citation"],
            True,
            f"{place}: the EAR99 item is named in {s['title']}; a license is required "
            f"({section}); policy of denial with the case-by-case categories of 746.8(b).",
            policy=v.get("policy"),
            exceptions=v.exceptions,
            section=v.section,
        )
    if software_in_force:
        return Requirement(
            software["section"],
            software["citation"],
            None,
            f"{place}: EAR99 software of the kinds 746.8(a)(8)(ii) lists ({software['kinds']}) "
            "needs a license; the case does not say whether this software is one.",
            missing=("whether the EAR99 software is of a kind listed in 746.8(a)(8)(ii)",),
            section=v.section,
        )
    return Requirement(
        "15 CFR 746.8" if consolidated else "15 CFR 746.5",
        v.citation,
        False,
        f"{place}: the EAR99 item is named in none of the Part 746 supplements in force on "
        f"{f.day}: 746.8 does not require a license for it.",
        section=v.section,
    )


# -- 746.9 Syria -----------------------------------------------------------------------------


def syria(f: Facts) -> Requirement | None:
    """15 CFR 746.9: every item subject to the EAR but EAR99 food and medicine; policy of denial
    until 2025-09-02, then case by case with License Exception SPP for EAR99 items and CCD
    extended to Syria (FR Doc. 2025-16724)."""
    if f.case.destination != "SY":
        return None
    v = version_on("syria", f.day)
    return _all_items(f, v, "Syria") if v else None


def part746(f: Facts) -> list[Requirement]:
    """Every Part 746 requirement that reaches the case."""
    out: list[Requirement] = []
    for rule in (cuba, north_korea, ukraine_regions, iran, russia_belarus, russia_oil_gas, syria):
        found = rule(f)
        if found is not None:
            out.append(found)
    out.extend(iraq(f))
    return out
