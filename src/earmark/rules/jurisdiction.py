"""Is the item subject to the EAR? 15 CFR 734.3, with de minimis (734.4 and Supplement No. 2
to Part 734). The foreign direct product rules are in :mod:`earmark.rules.fdp`.

In force for the whole period earmark covers (2017 on); the de minimis levels were not changed
by the 2019-2020 Huawei rules (ear-rules.md s. 2). The zero-de-minimis items of 734.4(a) that
earmark can recognise from the facts given are the US 5E002 encryption technology and 600
series / 9x515 content to Country Group D:5; others are reported as facts to confirm.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from earmark.regdata.ear_tables import EarTables
from earmark.rules.case import Case
from earmark.rules.country_chart import chart_requirement
from earmark.rules.decision import Decision, tri_or
from earmark.rules.part746 import embargo_country, version_on
from earmark.rules.partners import partner_on

CFR_SUBJECT = "15 CFR 734.3"
CFR_DE_MINIMIS = "15 CFR 734.4"
LOW_LEVEL_GROUPS = ("E:1", "E:2")  # 10% instead of 25%: 734.4(c) and (d)


@dataclass(frozen=True, slots=True)
class DeMinimis:
    controlled: float
    total: float
    share: float
    threshold: float
    exceeded: bool


def by_origin(case: Case, decision: Decision) -> bool | None:
    """734.3(a)(1)-(2): items in the United States, and US-origin items anywhere."""
    item = case.item
    if item.excluded:
        decision.because(
            f"{CFR_SUBJECT}(b)",
            None,
            f"Excluded from the EAR as {item.excluded} (734.3(b)), as the case states.",
            "subject_to_ear",
        )
        return False
    if item.located_in_us or case.from_country == "US":
        decision.because(
            f"{CFR_SUBJECT}(a)(1)",
            None,
            "The item is in the United States: subject to the EAR.",
            "subject_to_ear",
        )
        return True
    if item.origin == "US":
        decision.because(
            f"{CFR_SUBJECT}(a)(2)",
            None,
            "A US-origin item is subject to the EAR wherever it is.",
            "subject_to_ear",
        )
        return True
    if item.origin is None:
        decision.missing("item.origin")
        return None
    return False


def de_minimis(case: Case, ear: EarTables, decision: Decision) -> bool | None:
    """734.3(a)(3) and 734.4: a foreign item whose controlled US content is above the level."""
    item = case.item
    if item.origin != "foreign":
        return False
    if item.us_software_shipped_separately:
        decision.because(
            f"{CFR_DE_MINIMIS}",
            None,
            "US software shipped separately from the foreign item is not eligible "
            "for de minimis: it is a US-origin item itself.",
            "de_minimis",
        )
    if item.us_content is None:
        decision.missing("item.us_content")
        return None
    zero = _zero_de_minimis(case, ear)
    if zero is not None:
        decision.because(f"{CFR_DE_MINIMIS}(a)", None, zero, "de_minimis")
        return True
    if not item.us_content:
        decision.because(
            f"{CFR_DE_MINIMIS}",
            None,
            "No US-origin content: de minimis does not bring the item in.",
            "de_minimis",
        )
        return False
    if item.value is None or item.value <= 0:
        decision.missing("item.value")
        return None
    controlled = 0.0
    unknown_value = 0.0
    unknown_fields = []
    for i, part in enumerate(item.us_content):
        counted = _controlled(part.eccn, case, ear, decision)
        if counted is None:
            unknown_fields.append(f"item.us_content[{i}].eccn")
            unknown_value += part.value
        elif counted:
            controlled += part.value
    groups = ear.country_groups.groups_of(case.destination)
    low = any(g in groups for g in LOW_LEVEL_GROUPS)
    if case.destination == "CU":
        # Cuba's 10% level and its EAR99 content date from 84 FR 56117 (2019-10-21).
        low = _cuba_rule(case) is not None
    threshold = 0.10 if low else 0.25
    share = controlled / item.value
    exceeded = share > threshold
    # Content of unknown classification matters only if, counted as controlled, it could tip
    # the share over the level.
    unknown = (
        bool(unknown_fields)
        and not exceeded
        and ((controlled + unknown_value) / item.value > threshold)
    )
    for field in unknown_fields if unknown else ():
        decision.missing(field)
    decision.details["de_minimis"] = {
        "controlled_us_content": round(controlled, 2),
        "total_value": item.value,
        "share": round(share, 4),
        "threshold": threshold,
        "exceeded": exceeded,
        "basis": "734.4(c): 10% for Country Groups E:1 and E:2"
        if low
        else "734.4(d): 25% for destinations outside Country Groups E:1 and E:2",
    }
    level = "(c)" if low else "(d)"
    decision.because(
        f"{CFR_DE_MINIMIS}{level}",
        None,
        f"Controlled US content {controlled:,.2f} of {item.value:,.2f} = {share:.1%}, "
        f"{'above' if exceeded else 'not above'} the {threshold:.0%} de minimis level for "
        f"{case.destination} (Supplement No. 2 to Part 734: only content that would itself "
        "need a license to the destination under the Country Chart or Part 746 counts; "
        "Entity List status never does).",
        "de_minimis",
    )
    if exceeded:
        return True
    if item.kind == "technology" and controlled > 0:
        # 734.4(c)(3)/(d)(3): de minimis may be relied on for technology only after a one-time
        # report to BIS.
        decision.missing("whether the one-time report of 734.4 for technology has been filed")
        decision.because(
            f"{CFR_DE_MINIMIS}{level}(3)",
            None,
            "Foreign technology commingled with US technology may rely on de "
            "minimis only after the one-time report to BIS.",
            "de_minimis",
        )
        return None
    return None if unknown else False


def _zero_de_minimis(case: Case, ear: EarTables) -> str | None:
    """734.4(a): US content for which there is no de minimis level, as the facts show it."""
    groups = ear.country_groups.groups_of(case.destination)
    d5 = "D:5" in groups or case.destination == "MO"
    for part in case.item.us_content or []:
        eccn = (part.eccn or "").upper()
        base = eccn.split(".")[0]
        if base == "5E002" and case.item.kind == "technology":
            return (
                "Foreign technology incorporating US 5E002 encryption technology has no "
                "de minimis level (734.4(a)): it is subject to the EAR."
            )
        if d5 and len(base) == 5 and (base[2] == "6" or base[2:] == "515"):
            return (
                f"US {eccn} content ('600 series' or 9x515) in an item for a Country Group "
                "D:5 destination has no de minimis level (734.4(a)(6)): subject to the EAR."
            )
    return None


def _controlled(
    eccn: str | None, case: Case, ear: EarTables, decision: Decision | None = None
) -> bool | None:
    """Would this US content need a license to the destination (Country Chart, Part 746)?"""
    if eccn is None:
        return None
    destination = case.destination
    ear99 = eccn.upper() == "EAR99"
    if embargo_country(destination) is not None:
        # EAR99 content counts for North Korea and Syria (BIS de minimis guidelines;
        # ear-rules.md s. 2) and for Cuba from 84 FR 56117; classified content counts for every
        # embargoed destination.
        if not ear99:
            return True
        cuba = _cuba_rule(case)
        return destination in ("KP", "SY") or bool(cuba and cuba["ear99_counts"])
    russia = version_on("russia_belarus", case.date, destination)
    if russia is not None:
        return _controlled_for_russia(eccn, case, ear, russia.get("ccl_categories", ()), decision)
    chart = chart_requirement(ear, eccn, destination).required
    if chart and _gbs(eccn, ear, destination):
        chart = False  # Supp. No. 2 to Part 734 (a)(1): content eligible for GBS is not counted
    return tri_or([chart, _part746(eccn, case, ear)])


def _cuba_rule(case: Case) -> dict[str, Any] | None:
    """The Cuba de minimis rule of 746.2's data, if in force on the case's date."""
    from earmark.rules.part746 import _data

    rule: dict[str, Any] = _data()["cuba"]["version"][0]["de_minimis"]
    return rule if case.date >= rule["from"] else None


def _gbs(eccn: str, ear: EarTables, destination: str) -> bool:
    """Whether US content could go to the destination under License Exception GBS (740.4):
    the entry says GBS: Yes and the destination is in Country Group B."""
    entry = ear.ccl.get(eccn)
    flag = entry.license_exceptions.get("GBS") if entry is not None else None
    return (
        flag is not None
        and flag.status == "yes"
        and "B" in ear.country_groups.groups_of(destination)
    )


def _part746(eccn: str, case: Case, ear: EarTables) -> bool | None:
    """Whether the content, exported from the US as it is, would need a license under a Part
    746 section reaching the destination (Iraq's CCL reasons, the Crimea, DNR and LNR regions).
    Part 744 is not used to identify controlled content (Supp. No. 2 to Part 734 (a)(1))."""
    from earmark.rules.part746 import part746, ukraine_region
    from earmark.rules.requirement import Facts

    item = case.item.model_copy(
        update={"eccn": eccn, "origin": "US", "us_content": None, "food_or_medicine": None}
    )
    content = case.model_copy(update={"item": item, "end_uses": [], "parties": case.parties})
    facts = Facts(content, ear, ear.ccl.get(eccn) if eccn.upper() != "EAR99" else None)
    facts.region = ukraine_region(facts)[0]
    found = part746(facts)
    return tri_or([r.required for r in found]) if found else False


def _controlled_for_russia(
    eccn: str, case: Case, ear: EarTables, categories: tuple[str, ...], decision: Decision | None
) -> bool | None:
    """746.8(a)(1) makes CCL content controlled for Russia and Belarus (Categories 3-9 until
    2022-04-08, then all); 746.8(a)(5) and (a)(12)(iii)(B): for a foreign item exported from a
    country of Supp. No. 3 to Part 746, AT-only content (and 9A991) is not counted, nor, in
    the 2024 text, EAR99 content."""
    partner = partner_on(case.from_country, case.date)
    if eccn.upper() == "EAR99":
        from earmark.rules.part746 import _data

        since = _data()["russia_belarus"]["de_minimis_ear99_partner"]["from"]
        if partner and case.date >= since:
            return False  # 746.8(a)(12)(iii)(B), the 2024 text; before it only AT-only content
        # EAR99 content counts where a Part 746 supplement names it; the case does not say.
        return None
    entry = ear.ccl.get(eccn)
    at_only = entry is not None and (set(entry.reasons) <= {"AT"} or entry.eccn == "9A991")
    if partner and at_only:
        if decision is not None:
            decision.because(
                "15 CFR 746.8(a)(5)",
                "87 FR 12226",
                f"US {eccn} content is AT-only and the item is exported from "
                f"{case.from_country}, a country of Supp. No. 3 to Part 746 ({partner}): it is "
                "not counted as controlled content for Russia or Belarus.",
                "de_minimis",
            )
        return False
    if eccn[0] in categories:
        return True
    return chart_requirement(ear, eccn, case.destination).required
