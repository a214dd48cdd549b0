"""Review of screening hits: potential match, then cleared (not a match) or confirmed.

One review per (screened name, listed entry). A cleared pair is remembered: the same name
screened again is not raised against the same entry, until the entry changes (its name,
aliases, addresses, countries, license requirement or policy, citations, footnotes or
remarks: its fingerprint); then the pair is raised again as a potential match. A confirmed
pair stays confirmed. Every step is in the audit trail with reviewer, reason code and note.
"""

from __future__ import annotations

import tomllib
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, select

from earmark.errors import BadInput, NotFound, Refused
from earmark.names.normalize import fold
from earmark.regdata.model import ListEntry
from earmark.store import audit
from earmark.store.core import Tx
from earmark.store.schema import hit_reviews, parties

STATUSES = ("potential", "cleared", "confirmed")
_FINGERPRINT_FIELDS = (
    "name",
    "aliases",
    "type",
    "countries",
    "addresses",
    "programs",
    "federal_register",
    "license_requirement",
    "license_policy",
    "footnotes",
    "remarks",
)


@lru_cache(maxsize=1)
def reason_codes() -> dict[str, dict[str, str]]:
    """The reason codes a reviewer may give, by decision (data/review_reasons.toml)."""
    path = Path(__file__).resolve().parent / "data" / "review_reasons.toml"
    with path.open("rb") as fh:
        data: dict[str, dict[str, str]] = tomllib.load(fh)
    return data


def subject_key(name: str, country: str | None) -> str:
    return " ".join(fold(name).split()) + "|" + (country or "").upper()


def fingerprint(entry: ListEntry) -> str:
    # Remembered per entry object (entries are immutable and a batch meets the same few
    # hundred again and again; the entry is kept with its digest so its id is not reused).
    known = _FINGERPRINTS.get(id(entry))
    if known is not None and known[0] is entry:
        return known[1]
    data = entry.to_dict()
    digest = audit.sha256(audit.canonical({k: data.get(k) for k in _FINGERPRINT_FIELDS}))
    if len(_FINGERPRINTS) >= _FINGERPRINTS_KEPT:
        _FINGERPRINTS.clear()
    _FINGERPRINTS[id(entry)] = (entry, digest)
    return digest


_FINGERPRINTS: dict[int, tuple[ListEntry, str]] = {}
_FINGERPRINTS_KEPT = 20_000


class Screened:
    """One screening whose hits are to be raised: the name, its country, the matches."""

    __slots__ = ("as_of", "country", "matches", "name", "screening_id")

    def __init__(
        self,
        name: str,
        country: str | None,
        matches: list[Any],
        screening_id: int,
        as_of: date | None = None,
    ) -> None:
        self.name, self.country, self.matches = name, country, matches
        self.screening_id, self.as_of = screening_id, as_of


_LOOKUP_BATCH = 500  # subject keys in one IN (...) (SQLite allows 999 parameters)


def raise_hits_many(tx: Tx, screened: list[Screened]) -> list[list[dict[str, Any]]]:
    """Open or reuse the review of each match of each screening (a batch chunk at once: one
    query for the reviews that exist, one statement for the new ones); returns, per
    screening, per match, the review as it stands. A pair raised twice in the same call is
    one review."""
    keys = sorted({subject_key(s.name, s.country) for s in screened if s.matches})
    existing: dict[tuple[str, str], dict[str, Any]] = {}
    for i in range(0, len(keys), _LOOKUP_BATCH):
        rows = tx.conn.execute(
            select(hit_reviews).where(hit_reviews.c.subject_key.in_(keys[i : i + _LOOKUP_BATCH]))
        ).mappings()
        for found in rows:
            existing[(found["subject_key"], found["entry_id"])] = dict(found)
    new: dict[tuple[str, str], dict[str, Any]] = {}
    plan: list[list[tuple[str, Any]]] = []  # per screening, per match: (how, what)
    for s in screened:
        key = subject_key(s.name, s.country)
        steps: list[tuple[str, Any]] = []
        for m in s.matches:
            entry: ListEntry = m.entry
            pair = (key, entry.id)
            if pair in new:
                steps.append(("new", pair))
                continue
            # The entry as the newest list version has it, whatever the screening's date: a
            # pair cleared today is not raised again by a look at how the entry read in 2019.
            # A screening without a date holds the newest versions already.
            digest = fingerprint(entry if s.as_of is None else _newest(entry))
            row = existing.get(pair)
            if row is None:
                new[pair] = {
                    "subject_key": key,
                    "subject_name": s.name,
                    "subject_country": (s.country or None),
                    "entry_id": entry.id,
                    "list": entry.list,
                    "entry_name": entry.name,
                    "entry_fingerprint": digest,
                    "score": float(m.score),
                    "status": "potential",
                    "raised_at": audit.now(),
                    "screening_id": s.screening_id,
                }
                steps.append(("new", pair))
            elif row["entry_fingerprint"] != digest and row["status"] == "cleared":
                existing[pair] = review = _reraise(tx, row, entry, m, digest, s.screening_id)
                steps.append(("brief", _brief(review, raised=True, why=_CHANGED)))
            else:
                steps.append(("brief", _brief(row, raised=row["status"] == "potential")))
        plan.append(steps)
    stored = tx.insert_many(hit_reviews, list(new.values()), "review.raise")
    created = {pair: row for pair, row in zip(new, stored, strict=True)}
    return [
        [_brief(created[what], raised=True) if how == "new" else what for how, what in steps]
        for steps in plan
    ]


_CHANGED = "the listed entry changed since clearing"


def _reraise(
    tx: Tx, row: dict[str, Any], entry: ListEntry, match: Any, digest: str, screening_id: int
) -> dict[str, Any]:
    return tx.change(
        hit_reviews,
        row["id"],
        {
            "status": "potential",
            "entry_fingerprint": digest,
            "entry_name": entry.name,
            "score": float(match.score),
            "raised_at": audit.now(),
            "screening_id": screening_id,
            # The clearing no longer stands; the audit trail keeps who cleared and why.
            "reason_code": None,
            "note": None,
            "reviewer": None,
            "decided_at": None,
        },
        "review.reraise_entry_changed",
    )


def _brief(row: dict[str, Any], raised: bool, why: str | None = None) -> dict[str, Any]:
    out = {"id": row["id"], "status": row["status"], "raised": raised}
    if row.get("reason_code"):
        out["reason_code"] = row["reason_code"]
    if why:
        out["why"] = why
    return out


def decide(
    tx: Tx, review_id: int, status: str, reason_code: str, note: str | None
) -> dict[str, Any]:
    """Clear or confirm a potential match (a confirmed one may also be cleared on appeal)."""
    if status not in ("cleared", "confirmed"):
        raise BadInput("status", "cleared or confirmed")
    codes = reason_codes()["cleared" if status == "cleared" else "confirmed"]
    if reason_code not in codes:
        raise BadInput("reason", f"one of {', '.join(codes)} for {status} (got {reason_code!r})")
    if reason_code == "other" and not (note or "").strip():
        raise BadInput("note", "the reason 'other' is stated in the note")
    row = (
        tx.conn.execute(select(hit_reviews).where(hit_reviews.c.id == review_id))
        .mappings()
        .one_or_none()
    )
    if row is None:
        raise NotFound("review", f"no review {review_id}")
    if row["status"] == status:
        raise Refused("review", f"review {review_id} is already {status}")
    review = tx.change(
        hit_reviews,
        review_id,
        {
            "status": status,
            "reason_code": reason_code,
            "note": note,
            "reviewer": tx.actor,
            "decided_at": audit.now(),
        },
        f"review.{'clear' if status == 'cleared' else 'confirm'}",
    )
    _update_party_status(tx, review["subject_key"])
    return review


def _update_party_status(tx: Tx, key: str) -> None:
    """A stored party's status follows its reviews: confirmed > potential > clear."""
    statuses = {
        r.status
        for r in tx.conn.execute(
            select(hit_reviews.c.status).where(hit_reviews.c.subject_key == key)
        )
    }
    status = party_status(statuses)
    for p in tx.conn.execute(select(parties).where(parties.c.subject_key == key)).mappings():
        if p["status"] != status:
            tx.change(
                parties, p["id"], {"status": status, "updated_at": audit.now()}, "party.status"
            )


def _newest(entry: ListEntry) -> ListEntry:
    from earmark.regdata import load_regdata

    listing = load_regdata().lists.listing(entry.id)
    return listing.entry if listing is not None else entry


def party_status(review_statuses: set[str]) -> str:
    if "confirmed" in review_statuses:
        return "confirmed_match"
    if "potential" in review_statuses:
        return "potential_match"
    return "clear"


def listing(
    conn: Connection, status: str | None = None, limit: int | None = None, offset: int = 0
) -> list[dict[str, Any]]:
    """Reviews, oldest first; all of them unless ``limit`` (with ``offset``) pages them."""
    query = select(hit_reviews).order_by(hit_reviews.c.id)
    if status is not None:
        if status not in STATUSES:
            raise BadInput("status", f"one of {', '.join(STATUSES)}")
        query = query.where(hit_reviews.c.status == status)
    if limit is not None:
        if limit < 1:
            raise BadInput("limit", "must be at least 1")
        query = query.limit(limit)
    if offset:
        if offset < 0:
            raise BadInput("offset", "must not be negative")
        query = query.offset(offset)
    return [dict(r) for r in conn.execute(query).mappings()]


def get_review(conn: Connection, review_id: int) -> dict[str, Any]:
    row = (
        conn.execute(select(hit_reviews).where(hit_reviews.c.id == review_id))
        .mappings()
        .one_or_none()
    )
    if row is None:
        raise NotFound("review", f"no review {review_id}")
    return dict(row)


def escalate(tx: Tx, review_id: int, reason: str, note: str | None) -> dict[str, Any]:
    """Escalate an open hit to a senior reviewer: it stays potential, and the audit trail
    keeps who escalated it, why and when."""
    review = get_review(tx.conn, review_id)
    if review["status"] != "potential":
        raise Refused("review", f"review {review_id} is {review['status']}, not open")
    if not reason.strip():
        raise BadInput("reason", "say why it is escalated")
    seq = tx.note(
        "review.escalate",
        f"hit_reviews:{review_id}",
        {"reason": reason.strip(), "note": note, "by": tx.actor},
    )
    return {**review, "escalated": {"reason": reason.strip(), "note": note, "audit_seq": seq}}


def escalated(conn: Connection) -> dict[int, dict[str, Any]]:
    """The newest escalation of each review escalated (its reason, note, who, audit seq)."""
    import json as _json

    from earmark.store.schema import audit_log

    rows = conn.execute(
        select(audit_log.c.seq, audit_log.c.entity_id, audit_log.c.after, audit_log.c.at)
        .where(audit_log.c.action == "review.escalate")
        .order_by(audit_log.c.seq)
    ).mappings()
    out: dict[int, dict[str, Any]] = {}
    for r in rows:
        subject = str(r["entity_id"])
        if not subject.startswith("hit_reviews:"):
            continue
        try:
            detail = _json.loads(r["after"]) if isinstance(r["after"], str) else {}
        except ValueError:
            detail = {}
        out[int(subject.split(":", 1)[1])] = {**detail, "at": r["at"], "audit_seq": r["seq"]}
    return out
