"""The data model of restricted-party list entries and datasets.

One model for every source (CSL, OFAC legacy CSV, the eCFR parse of the Entity List): the
source parsers in :mod:`earmark.regdata.sources` turn their rows into :class:`ListEntry`, and
the rest of earmark never sees a source format.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any


class ReviewPolicy(StrEnum):
    """License review policies as the Entity List and Part 744/746 state them, normalised."""

    PRESUMPTION_OF_DENIAL = "presumption_of_denial"
    POLICY_OF_DENIAL = "policy_of_denial"
    CASE_BY_CASE = "case_by_case"
    PRESUMPTION_OF_APPROVAL = "approval"
    # The entry points to another section for its policy (e.g. "See §744.3(d)").
    SEE_SECTION = "see_section"


class DateBasis(StrEnum):
    """Where an entry's effective date came from, best first (issue 2: timeline wins)."""

    TIMELINE = "timeline"  # a dated regulatory action in timeline.toml
    START_DATE = "start_date"  # the CSL start_date: the Federal Register publication date
    FEDERAL_REGISTER = "federal_register"  # a date printed beside the FR citation in the list
    FEDERAL_REGISTER_APPROX = "federal_register_approx"  # derived from the FR volume/page


@dataclass(frozen=True, slots=True)
class PolicyPart:
    """One clause of a review policy: a policy and the items or cases it covers."""

    policy: ReviewPolicy
    scope: str | None = None  # None: all items not covered by another clause
    section: str | None = None  # for SEE_SECTION: the section referred to, e.g. "744.3(d)"


@dataclass(frozen=True, slots=True)
class Address:
    text: str
    country: str | None = None  # ISO 3166-1 alpha-2


@dataclass(frozen=True, slots=True)
class EffectiveDate:
    value: date
    basis: DateBasis
    approximate: bool = False
    citation: str | None = None  # the FR citation or timeline event that fixes the date
    event: str | None = None  # timeline event id when basis is TIMELINE


@dataclass(frozen=True, slots=True)
class ListEntry:
    """An entry of a restricted-party list, in one snapshot of that list."""

    id: str  # stable: "<LIST>-<number>" or "<LIST>-<hash of name and country>"
    list: str  # list code: EL, SDN, DPL, UVL, MEU, ISN, DTC, SSI, PLC, CMIC, NS-MBS, CAP, FSE
    name: str
    aliases: tuple[str, ...] = ()
    type: str | None = None  # entity | individual | vessel | aircraft
    countries: tuple[str, ...] = ()
    addresses: tuple[Address, ...] = ()
    programs: tuple[str, ...] = ()
    federal_register: tuple[str, ...] = ()  # normalised "84 FR 22963", in list order
    license_requirement: str | None = None
    license_policy: str | None = None  # the text as published
    review_policy: tuple[PolicyPart, ...] = ()  # the text, normalised
    footnotes: tuple[int, ...] = ()  # Supp. 4 to Part 744 footnote markers, e.g. (1, 2)
    # True when no marker was printed and the footnotes come from the sections the text cites
    footnotes_inferred: bool = False
    effective: EffectiveDate | None = None
    start_date: date | None = None  # CSL start_date (FR publication date) when published
    remarks: str | None = None
    source_ids: tuple[str, ...] = ()  # ids in the source (CSL _id, OFAC ent_num, ...)
    url: str | None = None

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)

    @property
    def effective_date(self) -> date | None:
        return self.effective.value if self.effective else None

    @property
    def primary_policy(self) -> ReviewPolicy | None:
        """The policy for 'all other items': the clause without a scope, else the first one."""
        for part in self.review_policy:
            if part.scope is None:
                return part.policy
        return self.review_policy[0].policy if self.review_policy else None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = _jsonable(asdict(self))
        return out

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> ListEntry:
        eff = d.get("effective")
        return cls(
            id=d["id"],
            list=d["list"],
            name=d["name"],
            aliases=tuple(d.get("aliases", ())),
            type=d.get("type"),
            countries=tuple(d.get("countries", ())),
            addresses=tuple(Address(**a) for a in d.get("addresses", ())),
            programs=tuple(d.get("programs", ())),
            federal_register=tuple(d.get("federal_register", ())),
            license_requirement=d.get("license_requirement"),
            license_policy=d.get("license_policy"),
            review_policy=tuple(
                PolicyPart(ReviewPolicy(p["policy"]), p.get("scope"), p.get("section"))
                for p in d.get("review_policy", ())
            ),
            footnotes=tuple(d.get("footnotes", ())),
            footnotes_inferred=d.get("footnotes_inferred", False),
            effective=EffectiveDate(
                value=date.fromisoformat(eff["value"]),
                basis=DateBasis(eff["basis"]),
                approximate=eff.get("approximate", False),
                citation=eff.get("citation"),
                event=eff.get("event"),
            )
            if eff
            else None,
            start_date=date.fromisoformat(d["start_date"]) if d.get("start_date") else None,
            remarks=d.get("remarks"),
            source_ids=tuple(d.get("source_ids", ())),
            url=d.get("url"),
        )


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where a dataset came from: enough to fetch it again and to prove it is the same."""

    source: str  # what it is, in words
    origin: str  # repository, path and commit (or URL) it was copied from
    snapshot: date  # the date of the data
    source_sha256: str  # hash of the source file(s) as received
    licence: str = "US Government work, public domain (17 U.S.C. 105)"
    notes: str = ""


@dataclass(frozen=True, slots=True)
class Dataset:
    """One snapshot of one or more lists, as bundled."""

    id: str  # e.g. "csl-2026-07-31"
    title: str
    kind: str  # "lists" for restricted-party lists
    provenance: Provenance
    sha256: str  # hash of the bundled (normalised) file
    counts: dict[str, int] = field(default_factory=dict)  # entries per list code
    primary: bool = True  # False: an alternate parse used to enrich, not a list version
    file: str = ""  # path of the bundled file, relative to the data directory

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = _jsonable(asdict(self))
        return out

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Dataset:
        p = d["provenance"]
        return cls(
            id=d["id"],
            title=d["title"],
            kind=d["kind"],
            provenance=Provenance(
                source=p["source"],
                origin=p["origin"],
                snapshot=date.fromisoformat(p["snapshot"]),
                source_sha256=p["source_sha256"],
                licence=p.get("licence", ""),
                notes=p.get("notes", ""),
            ),
            sha256=d["sha256"],
            counts=dict(d.get("counts", {})),
            primary=d.get("primary", True),
            file=d.get("file", ""),
        )


def _jsonable(obj: Any) -> Any:
    """Dates as ISO strings, enums as values, tuples as lists; None and empty fields dropped."""
    if isinstance(obj, dict):
        return {k: _jsonable(v) for k, v in obj.items() if v is not None and v != () and v != []}
    if isinstance(obj, list | tuple):
        return [_jsonable(v) for v in obj]
    if isinstance(obj, date):
        return obj.isoformat()
    if isinstance(obj, StrEnum):
        return obj.value
    return obj
