"""Evidence records: every screening and determination, parties and products.

``screen`` and ``check`` record by default (contract section 1): the inputs, the answer, the
data version and the regulations date, in one transaction with their audit rows and, for a
screening, the reviews of its hits.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import Connection, select

from earmark.errors import BadInput
from earmark.regdata.countries import require_country
from earmark.store import audit, reviews
from earmark.store.core import Store, Tx, fits
from earmark.store.schema import decisions, parties, products, screenings

PARTY_KINDS = ("customer", "supplier", "consignee", "end_user", "intermediary", "other")


def record_screening(store: Store, result: Any, party_id: int | None = None) -> dict[str, Any]:
    """Store a screening (a ScreeningResult) and raise its hits for review; returns the
    contract payload with ``record`` and, on each match, its ``review``."""
    payload: dict[str, Any] = result.to_dict()
    with store.write(result.data_version) as tx:
        return _record_screening(tx, result, payload, party_id)


def _record_screening(
    tx: Tx, result: Any, payload: dict[str, Any], party_id: int | None
) -> dict[str, Any]:
    query = payload["query"]
    row = tx.insert(
        screenings,
        {
            "at": audit.now(),
            "actor": tx.actor,
            "name": query["name"],
            "query": audit.canonical(query),
            "result": audit.canonical(payload),
            "matches": len(payload["matches"]),
            "data_version": payload["data_version"],
            "as_of": payload.get("as_of"),
            "party_id": party_id,
        },
        "screening.record",
    )
    briefs = reviews.raise_hits(
        tx, query["name"], query.get("country"), list(result.matches), row["id"], result.as_of
    )
    for match, brief in zip(payload["matches"], briefs, strict=True):
        match["review"] = brief
    payload["record"] = {"screening_id": row["id"], "recorded_at": row["at"]}
    return payload


def record_decisions(store: Store, pairs: list[tuple[Any, dict[str, Any]]]) -> list[dict[str, Any]]:
    """Store determinations (case as given, decision) in one transaction: all or none.
    Returns each decision with ``record``."""
    out = []
    with store.write(pairs[0][1].get("data_version") if pairs else None) as tx:
        for case, decision in pairs:
            required = decision.get("license_required")
            row = tx.insert(
                decisions,
                {
                    "at": audit.now(),
                    "actor": tx.actor,
                    "case_id": decision.get("id"),
                    "date": decision["date"],
                    "case": audit.canonical(case),
                    "decision": audit.canonical(decision),
                    "license_required": "null" if required is None else str(bool(required)).lower(),
                    "data_version": decision.get("data_version") or "",
                },
                "decision.record",
            )
            out.append({**decision, "record": {"decision_id": row["id"], "recorded_at": row["at"]}})
    return out


# -- parties and products -----------------------------------------------------------------------


class ScreenerAsOf:
    """A screener bound to a date: a party screened as of a past date (what was known then)."""

    def __init__(self, screener: Any, as_of: date | None) -> None:
        self.screener, self.as_of = screener, as_of

    def screen(self, name: str, **kw: Any) -> Any:
        return self.screener.screen(name, as_of=self.as_of, **kw)


def add_party(
    store: Store,
    screener: Any,
    name: str,
    kind: str,
    country: str | None = None,
    address: str | None = None,
    type_: str | None = None,
) -> dict[str, Any]:
    """Store a party and screen it at once (its status follows the reviews of its hits)."""
    if kind not in PARTY_KINDS:
        raise BadInput("--kind", f"one of {', '.join(PARTY_KINDS)} (got {kind!r})")
    if country:
        country = require_country(country, "--country")
    result = screener.screen(name, country=country, type=type_, address=address)
    name = result.query["name"]
    with store.write(result.data_version) as tx:
        stamp = audit.now()
        party = tx.insert(
            parties,
            {
                "name": name,
                "subject_key": reviews.subject_key(name, country),
                "country": country,
                "address": address,
                "kind": kind,
                "type": type_,
                "status": "clear",
                "created_at": stamp,
                "updated_at": stamp,
            },
            "party.add",
        )
        return _screened(tx, party["id"], result)


def _screened(tx: Tx, party_id: int, result: Any) -> dict[str, Any]:
    """Record a party's screening; its status follows the reviews of its hits."""
    payload = _record_screening(tx, result, result.to_dict(), party_id)
    status = reviews.party_status({m["review"]["status"] for m in payload["matches"]})
    party = tx.change(
        parties,
        party_id,
        {
            "status": status,
            "last_screening_id": payload["record"]["screening_id"],
            "updated_at": audit.now(),
        },
        "party.screened",
    )
    return {"party": party, "screening": payload}


def rescreen_party(store: Store, screener: Any, party_id: int) -> dict[str, Any]:
    """Screen a stored party again (after a new list version, or as of another date): the
    screening is recorded, new hits are raised for review, and the status follows."""
    with store.read() as conn:
        row = conn.execute(select(parties).where(parties.c.id == party_id)).mappings().first()
    if row is None:
        raise BadInput("party", f"no party with id {party_id}")
    result = screener.screen(
        row["name"], country=row["country"], type=row["type"], address=row["address"]
    )
    with store.write(result.data_version) as tx:
        return _screened(tx, party_id, result)


def list_parties(conn: Connection, status: str | None = None) -> list[dict[str, Any]]:
    query = select(parties).order_by(parties.c.id)
    if status is not None:
        query = query.where(parties.c.status == status)
    return [dict(r) for r in conn.execute(query).mappings()]


def add_product(
    store: Store, sku: str, description: str, eccn: str, rationale: str, ccl: Any
) -> dict[str, Any]:
    """A product with its classification (an ECCN of the CCL, or EAR99) and why."""
    sku, description, rationale = sku.strip(), description.strip(), rationale.strip()
    for field, value in (
        ("--sku", sku),
        ("--description", description),
        ("--rationale", rationale),
    ):
        if not value:
            raise BadInput(field, "must not be empty")
    fits(sku, 200, "--sku")
    fits(description, 1000, "--description")
    parsed = ccl.parse_eccn(eccn, "--eccn")
    ccl.require(parsed, "--eccn")
    with store.write() as tx:
        exists = tx.conn.execute(select(products.c.id).where(products.c.sku == sku)).first()
        if exists:
            raise BadInput("--sku", f"a product {sku!r} exists already (id {exists[0]})")
        stamp = audit.now()
        return tx.insert(
            products,
            {
                "sku": sku,
                "description": description,
                "eccn": parsed.text,
                "rationale": rationale,
                "created_at": stamp,
                "updated_at": stamp,
            },
            "product.add",
        )


def list_products(conn: Connection) -> list[dict[str, Any]]:
    return [dict(r) for r in conn.execute(select(products).order_by(products.c.id)).mappings()]
