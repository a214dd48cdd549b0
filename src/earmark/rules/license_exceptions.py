"""License exceptions of Part 740: which could authorize a licensed transaction, and on what terms.

A license exception is listed in the decision only when the case's facts meet every term the
engine can check (dates, Country Groups, reasons for control, the ECCN's own paragraph, the
purpose of the transaction). Terms that depend on paperwork or facts outside the case (a
written assurance, a prior consignee statement, a classification report) are listed as the
exception's conditions in ``details.license_exception_conditions``, never assumed met. An
exception whose ECCN paragraph leaves it to the item's sub-paragraph is reported in
``details.license_exceptions_possible``.

Order of the checks (15 CFR 740.1-740.2): the general prohibitions that admit no exception
(denial orders), Part 744 bars (Entity List, MEU, Unverified List), the Part 746 embargoes,
the restrictions of 740.2 on items controlled for missile technology and crime control, then
each exception's own terms. The terms are data: ``rules/data/license_exceptions.toml``.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from earmark.regdata.ear_tables import CclEntry, EarTables, ExceptionFlag
from earmark.rules.case import Case
from earmark.rules.country_chart import covers_item
from earmark.rules.decision import Decision

_DATA = Path(__file__).resolve().parent / "data" / "license_exceptions.toml"


@dataclass(frozen=True, slots=True)
class ExceptionTerms:
    """One exception's terms, as the data file states them."""

    code: str
    section: str
    title: str
    conditions: tuple[str, ...]
    groups: tuple[str, ...] = ()  # the destination must be in one of these
    not_groups: tuple[str, ...] = ()
    not_to: tuple[str, ...] = ()
    reasons: tuple[str, ...] = ()  # the reasons requiring the license must be among these
    reasons_a6: tuple[str, ...] = ()  # STA to A:6 only
    kinds: tuple[str, ...] = ()
    purposes: tuple[str, ...] = ()
    list_based: bool = False  # the ECCN's own paragraph must allow it
    in_force_to: date | None = None
    removed_by: str | None = None
    paragraph_not_bundled: bool = False  # the ECCN flag it needs is not in the 2026 CCL


@dataclass(frozen=True, slots=True)
class Restrictions:
    cc_destinations: frozenset[str]
    cc_exceptions: frozenset[str]
    mt_exceptions: frozenset[str]
    nato_founding: frozenset[str]
    nato_joined: dict[str, date]

    def nato(self, country: str, on: date) -> bool:
        joined = self.nato_joined.get(country)
        return country in self.nato_founding or (joined is not None and on >= joined)


@dataclass(slots=True)
class Situation:
    """What the engine found before the exceptions step, which the exceptions depend on."""

    chart_reasons: tuple[str, ...]  # reasons whose Country Chart columns require the license
    entity_list_barred: bool  # an Entity List requirement that is not footnote-1-FDP only
    fdp_only: bool
    embargo_section: str | None
    end_user_lists: tuple[str, ...] = ()  # DPL, MEU, UVL hits applied
    # The exceptions the Part 744/746 rules that require the license leave open: None, Part
    # 740 as usual; a set, only those (empty: none). ``limited_by`` names the sections.
    allowed: frozenset[str] | None = None
    limited_by: tuple[str, ...] = ()


@lru_cache(maxsize=1)
def _document() -> dict[str, Any]:
    with _DATA.open("rb") as fh:
        return tomllib.load(fh)


@lru_cache(maxsize=1)
def load_terms() -> tuple[tuple[ExceptionTerms, ...], Restrictions]:
    raw = _document()
    terms = tuple(_terms(t) for t in raw["exception"])
    r, nato = raw["restrictions"], raw["nato"]
    restrictions = Restrictions(
        frozenset(r["cc_destinations"]),
        frozenset(r["cc_exceptions"]),
        frozenset(r["mt_exceptions"]),
        frozenset(nato["founding"]),
        {k: date.fromisoformat(v) for k, v in nato["joined"].items()},
    )
    return terms, restrictions


@dataclass(frozen=True)
class Unevaluated:
    """A Part 740 exception earmark does not evaluate, and why (reported, never assumed)."""

    code: str
    section: str
    title: str
    why: str
    in_force_from: date | None
    eccn_prefixes: tuple[str, ...] = ()
    destinations: tuple[str, ...] = ()
    activities: tuple[str, ...] = ()

    def applies(self, case: Case) -> bool:
        eccn = case.item.eccn or ""
        return (
            (self.in_force_from is None or self.in_force_from <= case.date)
            and (not self.eccn_prefixes or eccn.startswith(self.eccn_prefixes))
            and (not self.destinations or case.destination in self.destinations)
            and (not self.activities or case.activity.value in self.activities)
        )


@dataclass(frozen=True)
class EmbargoException:
    """An exception a Part 746 section opens (AGR, CCD, SPP), with the items it covers."""

    code: str
    section: str
    title: str
    items: tuple[str, ...]
    conditions: tuple[str, ...]
    kinds: tuple[str, ...] = ()
    in_force_from: date | None = None
    possible: tuple[str, ...] = ()  # items that may qualify, on a fact the case does not give

    def eligible(self, case: Case) -> tuple[bool | None, str]:
        if self.in_force_from is not None and case.date < self.in_force_from:
            return False, f"not in force before {self.in_force_from}"
        if self.kinds and case.item.kind not in self.kinds:
            return False, f"only for {' or '.join(self.kinds)}"
        eccn = (case.item.eccn or "").upper()
        for item in self.items:
            if item == "ear99_food" and eccn == "EAR99" and case.item.food_or_medicine:
                return True, "the item is EAR99 food or medicine"
            if item == "ear99" and eccn == "EAR99":
                return True, "the item is EAR99"
            if item[0].isdigit() and (eccn == item or eccn.startswith(item + ".")):
                return True, f"the item is in {item}"
        if "ear99" in self.possible and eccn == "EAR99":
            return None, f"an EAR99 item may qualify if it is of the kinds {self.section} lists"
        return False, "the item is not of the kinds it covers"


@lru_cache(maxsize=1)
def load_embargo_exceptions() -> tuple[EmbargoException, ...]:
    return tuple(
        EmbargoException(
            e["code"],
            e["section"],
            e["title"],
            tuple(e["items"]),
            tuple(e.get("conditions", ())),
            tuple(e.get("kinds", ())),
            e.get("from"),
            tuple(e.get("possible", ())),
        )
        for e in _document().get("embargo_exception", ())
    )


@lru_cache(maxsize=1)
def load_unevaluated() -> tuple[Unevaluated, ...]:
    return tuple(
        Unevaluated(
            u["code"],
            u["section"],
            u["title"],
            u["why"],
            date.fromisoformat(u["in_force_from"]) if "in_force_from" in u else None,
            tuple(u.get("eccn_prefixes", ())),
            tuple(u.get("destinations", ())),
            tuple(u.get("activities", ())),
        )
        for u in _document().get("not_evaluated", ())
    )


def _terms(t: dict[str, Any]) -> ExceptionTerms:
    to = t.get("in_force_to")
    return ExceptionTerms(
        code=t["code"],
        section=t["section"],
        title=t["title"],
        conditions=tuple(t.get("conditions", ())),
        groups=tuple(t.get("groups", ())),
        not_groups=tuple(t.get("not_groups", ())),
        not_to=tuple(t.get("not_to", ())),
        reasons=tuple(t.get("reasons", ())),
        reasons_a6=tuple(t.get("reasons_a6", ())),
        kinds=tuple(t.get("kinds", ())),
        purposes=tuple(t.get("purposes", ())),
        list_based=bool(t.get("list_based", False)),
        in_force_to=date.fromisoformat(to) if to else None,
        removed_by=t.get("removed_by"),
        paragraph_not_bundled=bool(t.get("paragraph_not_bundled", False)),
    )


# -- the bars that come before any exception's own terms ---------------------------------------


def barred(situation: Situation, decision: Decision) -> bool:
    """True when no license exception can be used at all (the reason is recorded)."""
    if "DPL" in situation.end_user_lists:
        decision.because(
            "15 CFR 740.1(a)",
            None,
            "No license exception may be used where a denial order applies (General "
            "Prohibition 4).",
            "exception",
        )
        return True
    if situation.entity_list_barred:
        decision.because(
            "15 CFR 744.16(b)",
            None,
            "No license exception may be used for an Entity List party (744.16(b)); the entry "
            "allows none.",
            "exception",
        )
        return True
    if "UVL" in situation.end_user_lists:
        return True  # 744.15: the reason is given where the party was matched
    if situation.allowed is not None and not situation.allowed:
        decision.because(
            situation.limited_by[0] if situation.limited_by else "15 CFR 740.2",
            None,
            "No license exception may be used: " + ", ".join(situation.limited_by) + " allow none.",
            "exception",
        )
        return True
    return False


# -- each exception's own terms -----------------------------------------------------------------


def eligible(
    terms: ExceptionTerms,
    case: Case,
    entry: CclEntry | None,
    ear: EarTables,
    situation: Situation,
    restrictions: Restrictions,
) -> tuple[bool | None, str]:
    """(True, why) when the checkable terms are met; (None, what decides) when the ECCN's
    sub-paragraph would tell; (False, why not) otherwise."""
    if terms.in_force_to is not None and case.date > terms.in_force_to:
        return False, f"removed from {terms.in_force_to} ({terms.removed_by})"
    dest = case.destination
    groups = ear.country_groups.groups_of(dest)
    reasons = set(situation.chart_reasons)
    if "MT" in reasons and terms.code not in restrictions.mt_exceptions:
        return False, "the item is controlled for missile technology (740.2(a)(5))"
    if "CC" in reasons and not _cc_allowed(terms.code, dest, case.date, restrictions):
        return False, "crime-control items only to AU, JP, NZ or NATO, or under GOV, BAG, STA"
    if terms.groups and not groups & set(terms.groups):
        return False, f"the destination is not in Country Group {' or '.join(terms.groups)}"
    if groups & set(terms.not_groups) or dest in terms.not_to:
        return False, "not available to this destination"
    if terms.kinds and case.item.kind not in terms.kinds:
        return False, f"only for {' or '.join(terms.kinds)}"
    purpose = case.context.purpose.value if case.context.purpose else None
    if terms.purposes and purpose not in terms.purposes:
        return False, f"only where context.purpose is {' or '.join(terms.purposes)}"
    allowed = set(terms.reasons)
    if terms.reasons_a6 and "A:5" not in groups:
        allowed = set(terms.reasons_a6)  # STA to A:6: items controlled only for NS
    if allowed and not reasons <= allowed:
        return False, f"controlled for {', '.join(sorted(reasons - allowed))}"
    if terms.code == "ENC" and (entry is None or "EI" not in entry.reasons):
        return False, "not an encryption item (EI)"
    if terms.paragraph_not_bundled:
        return None, f"the ECCN's {terms.code} paragraph decides; the bundled CCL (2026) lacks it"
    if terms.list_based:
        return _ccl_paragraph(terms.code, case, entry)
    return True, terms.title


def _cc_allowed(code: str, dest: str, on: date, restrictions: Restrictions) -> bool:
    return (
        code in restrictions.cc_exceptions
        or dest in restrictions.cc_destinations
        or restrictions.nato(dest, on)
    )


def _ccl_paragraph(code: str, case: Case, entry: CclEntry | None) -> tuple[bool | None, str]:
    """The ECCN's "List Based License Exceptions" paragraph for LVS, GBS, TSR and STA."""
    if entry is None or case.item.eccn is None:
        return False, "EAR99 or unclassified items have no list-based exceptions"
    flag = entry.exception(code)
    if code == "STA":
        # STA is available unless the ECCN's STA paragraph (or 740.20(b)(2)) excludes the item.
        return _sta_paragraph(case.item.eccn, flag)
    if flag is None or flag.status == "no":
        return False, f"the ECCN's {code} paragraph says N/A"
    if code == "LVS":
        return _lvs_value(case, flag, _item_reasons(case.item.eccn, entry))
    if flag.status == "yes":
        return True, f"the ECCN's {code} paragraph says Yes"
    return _conditional(case.item.eccn, flag, _item_reasons(case.item.eccn, entry))


def _lvs_value(case: Case, flag: ExceptionFlag, reasons: frozenset[str]) -> tuple[bool | None, str]:
    """LVS: the value limit that applies to the item's paragraph, read segment by segment
    ("$5000; N/A for 4A003.b, c, and z", "$3,000 for .a through .c; $6,000 for .d")."""
    eccn = case.item.eccn or ""
    unclear = f"the LVS paragraph decides by sub-paragraph or use: {flag.text}"
    base: int | None = None
    specific: int | None = None
    for segment in (s.strip(" .") for s in flag.text.split(";") if s.strip(" .")):
        m = _AMOUNT.match(segment)
        hit: bool | None = False
        if m is None and segment.lower().startswith("n/a for"):
            hit = _in_list(eccn, segment[7:], reasons)
        elif m is not None and m.group(2):
            found = _in_list(eccn, m.group(3), reasons)
            if found is None:
                return None, unclear
            if found:
                specific = _dollars(m.group(1))
            continue
        elif m is not None:
            base, rest = _dollars(m.group(1)), m.group(3).strip(" ,")
            if not rest:
                continue
            start = next((len(p) for p in _EXCEPT if rest.lower().startswith(p)), None)
            if start is None:
                return None, unclear
            hit = _in_list(eccn, rest[start:], reasons)
        else:
            return None, unclear
        if hit is None:
            return None, unclear
        if hit:
            return False, f"the LVS paragraph excludes the item: {flag.text}"
    limit = specific if specific is not None else base
    if limit is None:
        return False, f"no LVS value for the item's paragraph: {flag.text}"
    if case.item.value is None:
        return None, "item.value decides whether the shipment is within the LVS limit"
    if case.item.value > limit:
        return False, f"net value {case.item.value:,.0f} above the limit of ${limit:,}"
    return True, f"net value {case.item.value:,.0f} within the limit of ${limit:,}"


# "$5,000", "$500 for 0A501.c, .d", "$5000, except N/A for MT"
_AMOUNT = re.compile(r"^\$([\d,]+)(\s+for\b)?(.*)$", re.S)
_EXCEPT = ("except n/a for", "n/a for", "except for", "except")
_REASONS = frozenset(("NS", "MT", "NP", "CB", "RS", "CC", "AT", "SL", "EI", "FC", "UN", "SS"))
_TOKEN = re.compile(r"^(?:ECCN\s+)?(\d[A-E]\d{3}(?:\.[a-z0-9]+)*|\.?[a-z](?:\.[a-z0-9]+)*)$")


def _dollars(text: str) -> int:
    return int(text.replace(",", ""))


def _item_reasons(eccn: str, entry: CclEntry) -> frozenset[str]:
    """The reasons for control whose scope may cover the item (any control not ruled out)."""
    return frozenset(
        c.reason
        for c in entry.chart_controls
        if c.reason and covers_item(eccn, c.scope, c.entire_entry) is not False
    )


def _in_list(eccn: str, text: str, item_reasons: frozenset[str]) -> bool | None:
    """Whether the item is named in a list of paragraphs or reasons ("5A001.a, b.5, .e and .h",
    "MT, NP"): True, False, or None when the list is not plain enough to read."""
    tokens = [t.strip() for t in re.split(r",|\band\b|\bor\b", text.strip(" .")) if t.strip()]
    path = [eccn.split(".")[0].upper(), *eccn.split(".")[1:]]
    named: list[list[str]] = []
    for raw in tokens:
        if raw.upper() in _REASONS:
            if raw.upper() in item_reasons:
                return True
            continue
        m = _TOKEN.match(raw)
        if m is None:
            return None
        parts = m.group(1).strip(".").split(".")
        if parts[0][:1].isdigit():
            if parts[0].upper() != path[0]:
                return None
            parts = parts[1:]
        named.append([path[0], *parts])
    below = False
    for p in named:
        if path[: len(p)] == p:
            return True
        if p[: len(path)] == path:
            below = True
    return None if below else False


def _conditional(
    eccn: str, flag: ExceptionFlag, reasons: frozenset[str]
) -> tuple[bool | None, str]:
    """ "Yes for 1A004.a, .b" / "Yes, except 2E003.b, .e" / "Yes, except N/A for MT"."""
    text = flag.text.strip()
    lowered = text.lower()
    covered: bool | None = None
    for prefix, inside in (("yes, for", True), ("yes for", True), ("yes, except", False)):
        if lowered.startswith(prefix):
            rest = text[len(prefix) :].strip()
            if rest.lower().startswith("n/a for"):
                rest = rest[7:]
            elif rest.lower().startswith("for "):
                rest = rest[4:]
            named = _in_list(eccn, rest, reasons)
            covered = None if named is None else named is inside
            break
    if covered is None:
        return None, f"the {flag.symbol} paragraph decides by sub-paragraph or use: {text}"
    return covered, f"the {flag.symbol} paragraph: {text}"


def _sta_paragraph(eccn: str, flag: ExceptionFlag | None) -> tuple[bool | None, str]:
    if flag is None:
        return True, "the ECCN's STA paragraph adds no restriction"
    text = flag.text
    marker = text.lower().find("may not be used")
    if marker < 0:
        return None, f"the STA paragraph sets conditions: {text}"
    tail = text[marker:]
    named = covers_item(eccn, tail, False)
    if named is False:
        return True, "the item is not among those the STA paragraph excludes"
    return None, f"the STA paragraph may exclude the item: {text}"


# -- the step ---------------------------------------------------------------------------------


def license_exceptions(
    case: Case, ear: EarTables, situation: Situation, decision: Decision
) -> None:
    """Add the license exceptions that could authorize the transaction, with their terms."""
    if barred(situation, decision):
        return
    if "MEU" in situation.end_user_lists:
        decision.because(
            "15 CFR 744.21(a)",
            None,
            "Military end user: no license exception except GOV for U.S. Government use "
            "(744.21(a)).",
            "exception",
        )
    terms, restrictions = load_terms()
    entry = ear.ccl.get(case.item.eccn) if case.item.eccn else None
    conditions: dict[str, list[str]] = {}
    possible: dict[str, str] = decision.details.get("license_exceptions_possible", {})
    allowed = situation.allowed
    if allowed is not None:
        decision.because(
            ", ".join(situation.limited_by),
            None,
            "Only these license exceptions may be used here: " + ", ".join(sorted(allowed)) + ".",
            "exception",
        )
    for special in load_embargo_exceptions():
        if allowed is None or special.code not in allowed:
            continue
        fits, why = special.eligible(case)
        if fits is None:
            possible[special.code] = why
        if fits:
            decision.license_exceptions.append(special.code)
            conditions[special.code] = list(special.conditions)
            decision.because(
                special.section, None, f"{special.code} ({special.title}): {why}.", "exception"
            )
    for t in terms:
        if "MEU" in situation.end_user_lists and t.code != "GOV":
            continue
        if allowed is not None and t.code not in allowed:
            continue
        ok, why = eligible(t, case, entry, ear, situation, restrictions)
        if ok is True:
            decision.license_exceptions.append(t.code)
            conditions[t.code] = list(t.conditions)
            decision.because(t.section, None, f"{t.code} ({t.title}): {why}.", "exception")
        elif ok is None:
            possible[t.code] = why
    if conditions:
        decision.details["license_exception_conditions"] = conditions
    unchecked = {
        u.code: f"{u.section} ({u.title}): {u.why}"
        for u in load_unevaluated()
        if u.applies(case) and (allowed is None or u.code in allowed)
    }
    if allowed is not None:
        known = {t.code for t in terms} | {e.code for e in load_embargo_exceptions()}
        for code in sorted(allowed - known - set(unchecked)):
            unchecked[code] = f"allowed by {', '.join(situation.limited_by)}; not evaluated"
    if unchecked:
        decision.details["license_exceptions_not_evaluated"] = unchecked
    if possible:
        decision.details["license_exceptions_possible"] = possible
    if situation.fdp_only and decision.license_exceptions:
        decision.because(
            "15 CFR 744.11(a)(2)(i)",
            None,
            "The item is subject to the EAR only under the footnote 1 FDP rule: license "
            "exceptions may be used when their terms are met.",
            "exception",
        )
