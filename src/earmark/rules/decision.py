"""The decision on a case (contract section 2) and the reasons that make it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

# The fields of a decision that carry its answer (the rest explain it).
ANSWER_FIELDS = (
    "subject_to_ear",
    "license_required",
    "review_policy",
    "license_exceptions",
    "authorizations",
    "missing_facts",
)


@dataclass(frozen=True, slots=True)
class Reason:
    rule: str  # the CFR section, e.g. "15 CFR 744.11"
    citation: str | None  # the Federal Register citation, e.g. "84 FR 22961"
    text: str  # plain language
    step: str = ""  # subject_to_ear, de_minimis, fdp, license, exception, policy, screening

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"rule": self.rule, "citation": self.citation, "text": self.text}
        if self.step:
            out["step"] = self.step
        return out


@dataclass
class Decision:
    id: str | None
    date: date
    subject_to_ear: bool | None = None
    license_required: bool | None = None
    review_policy: str | None = None
    license_exceptions: list[str] = field(default_factory=list)
    authorizations: list[str] = field(default_factory=list)
    matched_parties: list[dict[str, Any]] = field(default_factory=list)
    reasons: list[Reason] = field(default_factory=list)
    missing_facts: list[str] = field(default_factory=list)
    data_version: str = ""
    details: dict[str, Any] = field(default_factory=dict)

    def because(self, rule: str, citation: str | None, text: str, step: str = "") -> None:
        self.reasons.append(Reason(rule, citation, text, step))

    def missing(self, fact: str) -> None:
        if fact not in self.missing_facts:
            self.missing_facts.append(fact)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "date": self.date.isoformat(),
            "subject_to_ear": self.subject_to_ear,
            "license_required": self.license_required,
            "review_policy": self.review_policy,
            "license_exceptions": self.license_exceptions,
            "authorizations": self.authorizations,
            "matched_parties": self.matched_parties,
            "reasons": [r.to_dict() for r in self.reasons],
            "missing_facts": self.missing_facts,
            "data_version": self.data_version,
            "details": self.details,
        }


def tri_or(values: list[bool | None]) -> bool | None:
    """True if any is True; False if all are False; None (unknown) otherwise."""
    if any(v is True for v in values):
        return True
    if all(v is False for v in values):
        return False
    return None
