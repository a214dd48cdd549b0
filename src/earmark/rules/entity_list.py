"""End-user controls: the Entity List (15 CFR 744.11, Supplement No. 4 to Part 744), with the
Huawei temporary general license (Supplement No. 7 to Part 744, 2019-05-20 to 2020-08-13) and
the standards exception (744.11(a)(1), from 2020-06-18); the Denied Persons List (764.3); the
Military End-User List (744.21); the Unverified List (744.15).

Party roles: the Entity List requirement applies when a listed entity is the purchaser, an
intermediate consignee, the ultimate consignee or the end user (748.5(c)-(f)). 85 FR 51335
(effective 2020-08-17) clarified this for all entries; being a clarification it did not change
the law, and earmark applies the same four roles before that date, citing the clarification
only from it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from earmark.regdata.model import ListEntry
from earmark.regdata.timeline import Timeline
from earmark.rules.case import Case, Purpose, Role
from earmark.rules.decision import Decision
from earmark.rules.requirement import Facts

CLARIFICATION = date(2020, 8, 17)  # 85 FR 51335
STANDARDS_EXCEPTION = date(2020, 6, 18)  # 85 FR 36719
TGL_CUTOFF = date(2019, 5, 16)  # contracts and handsets on or before this date
# The code each general authorization is named by in a decision's ``authorizations``.
AUTHORIZATION_CODES = {"huawei-tgl": "TGL", "huawei-security-research": "SECURITY-RESEARCH"}


@dataclass(frozen=True, slots=True)
class PartyHit:
    role: Role
    name: str
    entry: ListEntry
    score: float
    applied: bool  # a strong match; a weak one is reported, not applied
    address: str | None = None  # matched by the party's address (an address-only entry)


def is_huawei(entry: ListEntry) -> bool:
    return any(k in n.casefold() for n in entry.names for k in ("huawei", "hisilicon"))


def requirement_scope(entry: ListEntry) -> str:
    """What the entry's license requirement covers: all items, CCL items, or unknown."""
    text = (entry.license_requirement or "").casefold()
    if "all items subject to the ear" in text or "all items subjects to the ear" in text:
        return "all"
    if "items on the ccl" in text or "items listed on the ccl" in text:
        return "ccl"
    if "supplement no. 2 to part 744" in text:
        return "supp2"
    return "unknown"


_EXCEPT = re.compile(
    r"\bexcept(?:\s+for)?\b:?\s*(.+?)(?:\.\s+This license requirement|$)", re.I | re.S
)
_ECCN = re.compile(r"\b\d[A-E]\d{3}(?:\.[a-z0-9]+)*\b", re.I)


def requirement_covers(entry: ListEntry, f: Facts) -> tuple[bool | None, str, tuple[str, ...]]:
    """Whether the entry's license requirement covers this item: (covers, what it covers, the
    fact that would tell when it may). Reads the scope ("all items subject to the EAR", "items
    on the CCL and listed in supplement no. 7 to part 746") and the carve-outs the text makes
    ("except for food or medicine designated as EAR99", "except for EAR99-designated
    technology for the operation ... of UAVs released by the operator")."""
    scope = requirement_scope(entry)
    text = " ".join((entry.license_requirement or "").split())
    if scope == "unknown":
        return (
            None,
            "a license requirement earmark cannot read",
            (f"the scope of the license requirement of '{entry.name}'",),
        )
    if scope == "supp2":
        return None, "items in Supplement No. 2 to Part 744", ()  # decided by 744.21
    if scope == "ccl":
        supp7 = "supplement no. 7 to part 746" in text.casefold()
        what = "items on the CCL" + (" and items in Supp. No. 7 to Part 746" if supp7 else "")
        if f.eccn is None:
            return None, what, ("item.eccn",)
        if not f.ear99:
            return True, what, ()
        if not supp7:
            return False, what, ()
        listed = f.case.item.part746_supplements
        if listed is None:
            return None, what, ("item.part746_supplements",)
        return "7" in listed, what, ()
    carve = _EXCEPT.search(text)
    if carve is None or "standards organization" in carve.group(1).casefold():
        return True, "all items subject to the EAR", ()
    return _carve_out(carve.group(1).strip(" .;"), entry, f)


def _carve_out(carve: str, entry: ListEntry, f: Facts) -> tuple[bool | None, str, tuple[str, ...]]:
    what = f"all items subject to the EAR except {carve}"
    lowered = carve.casefold()
    ask = (
        f"whether the item is among those excepted from '{entry.name}''s license "
        f"requirement ({carve})",
    )
    if "food or medicine" in lowered or "food and medicine" in lowered:
        if f.food_or_medicine:
            return False, what, ()
        mass = [e for e in ("5A992.C", "5D992.C") if (f.eccn or "").startswith(e)]
        if mass and "government end user" in lowered:
            return (
                None,
                what,
                (
                    "whether the end user is a government end user or state-owned enterprise "
                    f"(the {mass[0]} carve-out of '{entry.name}')",
                ),
            )
        return True, what, ()
    if "ear99" in lowered and "technology" in lowered:
        if f.ear99 and f.case.item.kind == "technology":
            return None, what, ask
        return True, what, ()
    if f.ear99 or any(e.upper() == (f.eccn or "") for e in _ECCN.findall(carve)):
        return None, what, ask
    return True, what, ()


def entry_policy(entry: ListEntry, f: Facts) -> tuple[str | None, str, tuple[str, ...]]:
    """The entry's review policy for this item: the clause whose items it is, else the one
    for all other items. Returns (policy, which clause, the fact that would tell). A clause
    earmark cannot test against the item ("items uniquely required for ... 10 nanometers and
    below") that is stricter than the rest leaves the policy open (None) with its question."""
    from earmark.rules.requirement import POLICY_ORDER

    residual = entry.primary_policy.value if entry.primary_policy else None
    open_clauses: list[tuple[str, str]] = []
    for part in entry.review_policy:
        if part.scope is None:
            continue
        matched = _policy_clause_covers(part.scope, f)
        if matched:
            return part.policy.value, f"the clause for {part.scope}", ()
        if matched is None:
            open_clauses.append((part.policy.value, part.scope))
    if residual is None:
        return None, "no review policy stated", ()
    rank = POLICY_ORDER.index if residual in POLICY_ORDER else None
    stricter = [
        (p, scope)
        for p, scope in open_clauses
        if rank is not None and p in POLICY_ORDER and rank(p) < rank(residual)
    ]
    if stricter:
        policy, scope = stricter[0]
        return (
            None,
            f"the clause for {scope} ({policy.replace('_', ' ')}) may apply",
            (f"whether the item is among '{scope}' (the review policy of '{entry.name}')",),
        )
    return residual, "the clause for all other items" if len(entry.review_policy) > 1 else "", ()


def _policy_clause_covers(scope: str, f: Facts) -> bool | None:
    """Whether a policy clause's items include this item; None for a clause of a kind earmark
    does not test (infectious disease items, ISS uses, items for a named end use)."""
    lowered = scope.casefold()
    eccns = [e.upper() for e in _ECCN.findall(scope)]
    if "food and medicine" in lowered or "food or medicine" in lowered:
        return f.food_or_medicine or None if "space station" in lowered else f.food_or_medicine
    if lowered.startswith("items not described in"):
        return bool(f.eccn) and not f.ear99 and not any((f.eccn or "").startswith(e) for e in eccns)
    if eccns and any(f.eccn == e or (f.eccn or "").startswith(e + ".") for e in eccns):
        return True
    if "ear99 items" in lowered or lowered == "ear99":
        return f.ear99
    if "items listed on the ccl" in lowered or "items on the ccl" in lowered:
        return f.on_ccl is True
    if "category 5" in lowered or "telecommunications" in lowered:
        return bool(f.base) and (f.base or "").startswith("5")
    if eccns:
        return False  # a clause naming ECCNs that are not the item's
    return None


def listed_at_a_time_of_day(entry: ListEntry, on: date, timeline: Timeline) -> bool:
    """Whether the entry took effect during ``on`` at a stated time (Huawei: 16:15 ET on
    2019-05-16), so that the time of the shipment decides."""
    eff = entry.effective
    if eff is None or eff.value != on or eff.event is None:
        return False
    try:
        return timeline.get(eff.event).effective_time is not None
    except KeyError:
        return False


def entity_list(
    f: Facts,
    decision: Decision,
    fdp_only: bool,
    timeline: Timeline | None = None,
) -> bool | None:
    """744.11: a license is required when a listed entity is a party, to the extent its entry
    says. Returns True, False or None (a weak match or an entry whose scope is unclear)."""
    case = f.case
    required: bool | None = False
    seen_parties: set[tuple[str, str]] = set()
    for hit in (h for h in f.hits if h.entry.list == "EL"):
        if (hit.role.value, hit.name) in seen_parties:
            continue  # the party's best entry gives the reason; the others are in matched_parties
        if not hit.applied:
            decision.missing(
                f"whether party '{hit.name}' is the listed '{hit.entry.name}' (score {hit.score})"
            )
            required = None if required is False else required
            continue
        covers, what, missing = requirement_covers(hit.entry, f)
        if requirement_scope(hit.entry) == "supp2":
            continue  # a 744.21 listing: the military end use rule decides
        for fact in missing:
            decision.missing(fact)
        if covers is False:
            decision.because(
                "15 CFR 744.11",
                hit.entry.federal_register[0] if hit.entry.federal_register else None,
                f"'{hit.entry.name}' is on the Entity List; its license requirement covers "
                f"{what}, which does not include this item.",
                "license",
            )
            continue
        if covers is None:
            required = None if required is False else required
            continue
        first = hit.entry.federal_register[0] if hit.entry.federal_register else None
        roles = "purchaser, intermediate consignee, ultimate consignee or end user"
        clarified = (
            " (85 FR 51335 clarified these roles from 2020-08-17)"
            if (case.date >= CLARIFICATION)
            else ""
        )
        since = (
            hit.entry.effective_date.isoformat() if hit.entry.effective_date else "an unknown date"
        )
        listed = (
            f"The address of '{hit.name}' is the listed address '{hit.address}' "
            f"({hit.entry.name}), which"
            if hit.address
            else f"'{hit.entry.name}'"
        )
        text = (
            f"{listed} is on the Entity List (effective {since}) and "
            f"{'its party' if hit.address else 'it'} is the "
            f"{hit.role.value.replace('_', ' ')} here; the entry requires a license for "
            f"{what} when it is a {roles}{clarified}."
        )
        if fdp_only and 1 in hit.entry.footnotes:
            text += (
                " The item is subject to the EAR only under the footnote 1 FDP rule:"
                " 744.11(a)(2)(i) requires the license and allows Part 740 license exceptions"
                " whose terms are met."
            )
        decision.because("15 CFR 744.11", first, text, "license")
        seen_parties.add((hit.role.value, hit.name))
        if timeline is not None and listed_at_a_time_of_day(hit.entry, case.date, timeline):
            event = timeline.get(hit.entry.effective.event or "") if hit.entry.effective else None
            at = event.effective_time if event else "a time of day"
            decision.missing(
                f"the time of the shipment on {case.date} (the listing took effect at {at})"
            )
            # Listed during that day: before the time, no requirement yet.
            required = None if required is False else required
            continue
        f.el_applied.append(hit)
        required = True
    return required


def standards_exception(
    case: Case, reasons: tuple[str, ...], timeline: Timeline, decision: Decision
) -> bool:
    """744.11(a)(1): releases of EAR99 or AT-only technology to a listed entity to revise or
    develop a standard need no license. In force from 2020-06-18 (85 FR 36719); broadened to
    "standards-related activity" on 2022-09-09 (87 FR 55241) and revised on 2024-07-18
    (89 FR 58265), per the timeline series ``standards-exception``. earmark applies the
    EAR99 / AT-only scope of every version; the wider scope of the later versions (some
    3D/3E/4D/4E/5D/5E items) is asked for as a fact rather than assumed."""
    if case.context.purpose is not Purpose.STANDARDS_DEVELOPMENT or case.item.kind != "technology":
        return False
    version = timeline.version_in_force("standards-exception", case.date)
    if version is None:
        return False
    if case.item.eccn is None:
        decision.missing("item.eccn")
        return False
    if reasons and set(reasons) != {"AT"}:
        if version.effective_from >= date(2022, 9, 9):
            decision.missing(
                "whether the technology is among the items the standards-related activity "
                "authorization of 744.11(a)(1) covers beyond EAR99 and AT-only"
            )
        return False
    decision.because(
        "15 CFR 744.11(a)(1)",
        version.citation,
        f"{version.title} (in force from {version.effective_from}): release of EAR99 or "
        "anti-terrorism-only technology for standards work needs no Entity List license.",
        "license",
    )
    return True


def huawei_tgl(case: Case, timeline: Timeline, decision: Decision) -> str | None:
    """The Huawei temporary general license in force on the date, if it covers the case."""
    purpose = case.context.purpose
    version = timeline.version_in_force("huawei-tgl", case.date)
    research = timeline.version_in_force("huawei-security-research", case.date)
    if version is None and research is None:
        return None
    if purpose is None:
        decision.missing("context.purpose")
        return None
    if version is None and purpose is Purpose.CYBERSECURITY_RESEARCH:
        version = research
    if version is None:
        return None
    ok = _tgl_covers(case, purpose, version.id, decision)
    if not ok:
        return None
    until = version.effective_to or "now"
    code = AUTHORIZATION_CODES.get(version.series, version.series)
    label = f"{code}: {version.title} ({version.citation}, {version.effective_from} to {until})"
    rule = (
        "15 CFR 744 Supplement No. 7"
        if version.series == "huawei-tgl"
        else "15 CFR 744 Supplement No. 4 (footnote to the Huawei entries)"
    )
    decision.because(
        rule,
        version.citation,
        f"Authorized by {label} for {purpose.value.replace('_', ' ')}: it overcomes the Entity "
        "List requirement only (not a Country Chart or other requirement), subject to its "
        "certification and record conditions.",
        "exception",
    )
    return label


def _tgl_covers(case: Case, purpose: Purpose, version_id: str, decision: Decision) -> bool:
    ctx = case.context
    if purpose is Purpose.EXISTING_NETWORK_SUPPORT:
        if ctx.contract_date is None:
            decision.missing("context.contract_date")
            return False
        return ctx.contract_date <= TGL_CUTOFF
    if purpose is Purpose.EXISTING_HANDSET_SUPPORT:
        if ctx.supported_item_available_since is None:
            decision.missing("context.supported_item_available_since")
            return False
        return ctx.supported_item_available_since <= TGL_CUTOFF
    if purpose is Purpose.CYBERSECURITY_RESEARCH:
        return True
    if purpose is Purpose.STANDARDS_DEVELOPMENT:
        return version_id == "huawei-tgl-2019-05"  # 5G standards work: the first version only
    return False


def other_end_user_lists(hits: list[PartyHit], decision: Decision) -> bool | None:
    """Denied Persons (764.3: prohibited) and the Unverified List (744.15); the MEU List is
    read by the military end use rule (:func:`earmark.rules.end_use.military_end_use`). A weak
    match of a denied person is neither applied nor ignored: the answer waits for review."""
    required: bool | None = False
    for hit in hits:
        if hit.entry.list == "DPL" and not hit.applied:
            decision.missing(
                f"whether party '{hit.name}' is the denied person '{hit.entry.name}' "
                f"(score {hit.score})"
            )
            required = None if required is False else required
            continue
        if not hit.applied:
            continue
        if hit.entry.list == "DPL":
            decision.because(
                "15 CFR 764.3",
                None,
                f"'{hit.entry.name}' is subject to a denial order: no participation "
                "in any transaction involving items subject to the EAR.",
                "license",
            )
            required = True
        elif hit.entry.list == "UVL":
            decision.because(
                "15 CFR 744.15",
                None,
                f"'{hit.entry.name}' is on the Unverified List: no license exception "
                "may be used and a UVL statement is needed before shipping.",
                "exception",
            )
    return required
