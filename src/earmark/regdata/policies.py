"""Normalise the "License review policy" column of the Entity List and the other BIS lists.

The published text comes in dozens of spellings ("Presumption of denial.", "Presumption of
Denial", "Presumption for denial.", "casa-by-case", trailing spaces) and often in clauses:
"Case-by-case review for ECCNs 1A004.c, ...; presumption of denial for all other items subject
to the EAR." Each clause becomes a :class:`PolicyPart`; the clause that covers "all other items"
(or the only clause) has ``scope=None`` and is the entry's primary policy.
"""

from __future__ import annotations

import re

from earmark.regdata.model import PolicyPart, ReviewPolicy

# Order matters: "policy of denial" before the bare word "denial".
_POLICY_PATTERNS: tuple[tuple[re.Pattern[str], ReviewPolicy], ...] = (
    (re.compile(r"presumption\s+(?:of|for)\s+denial", re.I), ReviewPolicy.PRESUMPTION_OF_DENIAL),
    (re.compile(r"policy\s+of\s+denial", re.I), ReviewPolicy.POLICY_OF_DENIAL),
    (re.compile(r"presumption\s+of\s+approval", re.I), ReviewPolicy.PRESUMPTION_OF_APPROVAL),
    (re.compile(r"ca[sz]a?e?[\s-]*by[\s-]*case", re.I), ReviewPolicy.CASE_BY_CASE),
)
# Clauses end at ";", at a sentence end (not "U.S."), or where a new policy phrase starts.
_CLAUSE_BREAK = re.compile(
    r";(?!\s*\d[A-E]\d{3})|(?<!U\.S)\.\s+(?=[A-Z])"
    r"|\s+(?=(?:Case-by|Presumption of|Presumption for|Policy of)\b)"
)
_EXCEPT = re.compile(r"\s*except\s+case[\s-]*by[\s-]*case\s+(?:review\s+)?for\s+(.+)$", re.I)
_SECTION = re.compile(r"\b(7\d\d\.\d+(?:\s*\([a-z0-9]+\))*)", re.I)
_APART_FROM = re.compile(
    r",?\s*apart from (.+?),? which will be reviewed on a case[\s-]*by[\s-]*case basis", re.I
)
# A clause is "for everything else" when it says so, or names no particular items.
_RESIDUAL = re.compile(
    r"all\s+other\s+items|^all\s+items\s+subject\s+to\s+the\s+EAR\W*$|^all\s+items\s+to\s+include",
    re.I,
)
_SCOPE_LEAD = re.compile(r"^\s*(?:review|basis)?\s*(?:for|of)?\s*", re.I)


def normalise_policy(text: str | None) -> tuple[PolicyPart, ...]:
    """Parse a review-policy text into clauses; () for an empty or unrecognised text."""
    if not text or not text.strip():
        return ()
    text = " ".join(text.split())
    parts: list[PolicyPart] = []
    for clause in _CLAUSE_BREAK.split(text):
        found = _clause(clause)
        if not found and parts and parts[-1].section is None and _sections(clause):
            # "Policy of denial. See §§ 746.8(b) and 744.21(e).": the reference belongs to
            # the clause before it.
            last = parts.pop()
            found = [PolicyPart(last.policy, last.scope, _sections(clause))]
        parts.extend(found)
    if not parts:
        sections = _sections(text)
        return (PolicyPart(ReviewPolicy.SEE_SECTION, None, sections),) if sections else ()
    return tuple(parts)


def _clause(clause: str) -> list[PolicyPart]:
    # "Policy of denial for all items ... apart from food and medicine designated as EAR99,
    # which will be reviewed on a case-by-case basis": two policies in one clause.
    carve_out = _APART_FROM.search(clause) or _EXCEPT.search(clause)
    if carve_out:
        head = clause[: carve_out.start()]
        return [*_clause(head), PolicyPart(ReviewPolicy.CASE_BY_CASE, carve_out.group(1).strip())]
    for pattern, policy in _POLICY_PATTERNS:
        match = pattern.search(clause)
        if match:
            rest = clause[match.end() :]
            return [PolicyPart(policy, _scope(rest), _sections(rest))]
    return []


def _scope(rest: str) -> str | None:
    rest = re.sub(r"\bsee\s+§.*$", "", rest, flags=re.I)
    rest = _SCOPE_LEAD.sub("", rest).strip(" .,")
    if not rest or _RESIDUAL.search(rest):
        return None
    return rest


def _sections(text: str) -> str | None:
    """The sections a "See §§ ..." reference names, e.g. "744.2(d), 744.3(d)"."""
    see = re.search(r"\b(?:see|specified\s+in|set\s+forth\s+in)\b(.*)$", text, re.I)
    if not see:
        return None
    found = [re.sub(r"\s+", "", s) for s in _SECTION.findall(see.group(1))]
    return ", ".join(found) or None
