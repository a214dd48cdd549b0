"""Evidence records: every screening and determination, parties and products.

``screen`` and ``check`` record by default (contract section 1): the inputs, the answer, the
data version and the regulations date, in one transaction with their audit rows and, for a
screening, the reviews of its hits.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from sqlalchemy import Connection, select
from sqlalchemy.exc import IntegrityError

from earmark.errors import BadInput, NotFound, Refused
from earmark.regdata.countries import require_country
from earmark.store import audit, reviews
from earmark.store.core import Store, Tx, fits
from earmark.store.schema import batch_chunks, decisions, parties, products, screenings

PARTY_KINDS = ("customer", "supplier", "consignee", "end_user", "intermediary", "other")


def record_screening(store: Store, result: Any, party_id: int | None = None) -> dict[str, Any]:
    """Store a screening (a ScreeningResult) and raise its hits for review; returns the
    contract payload with ``record`` and, on each match, its ``review``."""
    payload: dict[str, Any] = result.to_dict()
    with store.write(result.data_version) as tx:
        return _record_screening(tx, result, payload, party_id)


def record_screening_in(tx: Tx, result: Any, party_id: int | None = None) -> dict[str, Any]:
    """``record_screening`` inside a transaction the caller holds (group commit)."""
    return _record_screening(tx, result, result.to_dict(), party_id)


def record_decision_in(tx: Tx, case: Any, decision: dict[str, Any]) -> dict[str, Any]:
    """One determination recorded inside a transaction the caller holds (group commit)."""
    row = _record_decision(tx, case, decision)
    return {**decision, "record": {"decision_id": row["id"], "recorded_at": row["at"]}}


def _record_screening(
    tx: Tx, result: Any, payload: dict[str, Any], party_id: int | None
) -> dict[str, Any]:
    hits = (list(result.matches), result.as_of) if result.matches else None
    _insert_screenings(tx, [payload], [hits], party_id)
    return payload


def _screening_row(tx: Tx, payload: dict[str, Any], party_id: int | None) -> dict[str, Any]:
    query = payload["query"]
    return {
        "at": audit.now(),
        "actor": tx.actor,
        "name": query["name"],
        "query": audit.document(query),
        "result": audit.document(payload),
        "matches": len(payload["matches"]),
        "data_version": payload["data_version"],
        "as_of": payload.get("as_of"),
        "party_id": party_id,
    }


def record_decisions(store: Store, pairs: list[tuple[Any, dict[str, Any]]]) -> list[dict[str, Any]]:
    """Store determinations (case as given, decision) in one transaction: all or none.
    Returns each decision with ``record``."""
    out = []
    with store.write(pairs[0][1].get("data_version") if pairs else None) as tx:
        for case, decision in pairs:
            row = _record_decision(tx, case, decision)
            out.append({**decision, "record": {"decision_id": row["id"], "recorded_at": row["at"]}})
    return out


def _record_decision(tx: Tx, case: Any, decision: dict[str, Any]) -> dict[str, Any]:
    return tx.insert(decisions, _decision_row(tx, case, decision), "decision.record")


def _decision_row(tx: Tx, case: Any, decision: dict[str, Any]) -> dict[str, Any]:
    required = decision.get("license_required")
    return {
        "at": audit.now(),
        "actor": tx.actor,
        "case_id": None if decision.get("id") is None else str(decision["id"]),
        "date": decision["date"],
        "case": audit.document(case),
        "decision": audit.document(decision),
        "license_required": "null" if required is None else str(bool(required)).lower(),
        "data_version": decision.get("data_version") or "",
    }


# -- batch runs ----------------------------------------------------------------------------------


def record_batch_chunk(
    store: Store,
    run_id: str,
    chunk: int,
    task: str,
    rows: list[dict[str, Any]],
    results: list[dict[str, Any]],
) -> list[int | None]:
    """Record one chunk of a batch run in one transaction: a screening (with its hits raised
    for review) or a decision per good row, and the chunk's mark. A chunk already marked (a
    resumed run that stopped after recording, before writing its output) is not recorded
    again: its ids are returned as they were. Returns one record id (None: bad row) a row.

    ``results`` are the batch rows: a screening row carries its query under ``_query``; a
    decision row is the decision with ``error`` and ``matches`` added."""
    good = [r for r in results if r.get("error") is None]
    try:
        with store.write(good[0].get("data_version") if good else None) as tx:
            done = _chunk_ids(tx.conn, run_id, chunk)
            if done is not None:
                return done
            ids = (
                _record_batch_decisions(tx, rows, results)
                if task == "check"
                else _record_batch_screenings(tx, results)
            )
            tx.insert(
                batch_chunks,
                {
                    "run_id": run_id,
                    "chunk": chunk,
                    "task": task,
                    "rows": len(rows),
                    "record_ids": audit.canonical(ids),
                    "recorded_at": audit.now(),
                },
                "batch.chunk_recorded",
            )
    except IntegrityError:
        # Another process recorded the same chunk of the same run first (the same command
        # resumed twice at once): its records stand, and this one's were rolled back.
        with store.read() as conn:
            done = _chunk_ids(conn, run_id, chunk)
        if done is None:
            raise
        return done
    return ids


def _chunk_ids(conn: Connection, run_id: str, chunk: int) -> list[int | None] | None:
    found = (
        conn.execute(
            select(batch_chunks.c.record_ids).where(
                batch_chunks.c.run_id == run_id, batch_chunks.c.chunk == chunk
            )
        )
        .scalars()
        .first()
    )
    if found is None:
        return None
    ids: list[int | None] = json.loads(found)
    return ids


def _record_batch_decisions(
    tx: Tx, rows: list[dict[str, Any]], results: list[dict[str, Any]]
) -> list[int | None]:
    """The chunk's decisions with one statement (a bad row is reported in the output, and
    nothing was decided for it)."""
    good = [
        _decision_row(tx, row, {k: v for k, v in result.items() if k not in ("error", "matches")})
        for row, result in zip(rows, results, strict=True)
        if result.get("error") is None
    ]
    stored = iter(tx.insert_many(decisions, good, "decision.record"))
    return [None if r.get("error") is not None else int(next(stored)["id"]) for r in results]


def _record_batch_screenings(tx: Tx, results: list[dict[str, Any]]) -> list[int | None]:
    """The chunk's screenings with one statement; then the reviews of the rows with hits."""
    payloads: list[dict[str, Any] | None] = []
    for result in results:
        if result.get("error") is not None:
            payloads.append(None)
            continue
        query = result["_query"]
        payloads.append(
            {
                "query": query["query"],
                "threshold": result["threshold"],
                "as_of": query["as_of"],
                "matches": [dict(m) for m in result["matches"]],  # reviews are added to these
                "data_version": result["data_version"],
            }
        )
    good = [p for p in payloads if p is not None]
    # The matches with their entries, as screened in this process ("_hits"), or looked up
    # again here (a remote Dask worker returned the payload only).
    found = [r.get("_hits") for r in results if r.get("error") is None]
    hits = [h or (_hits_of(p) if p["matches"] else None) for p, h in zip(good, found, strict=True)]
    stored = _insert_screenings(tx, good, hits)
    ids = iter(int(row["id"]) for row in stored)
    return [None if payload is None else next(ids) for payload in payloads]


def record_screenings_in(tx: Tx, results: list[Any]) -> list[dict[str, Any]]:
    """Many screenings (ScreeningResults) recorded in a transaction the caller holds, with
    one statement (the service's group commit): the payloads of ``record_screening_in``."""
    payloads = [r.to_dict() for r in results]
    hits = [(list(r.matches), r.as_of) if r.matches else None for r in results]
    _insert_screenings(tx, payloads, hits)
    return payloads


def _insert_screenings(
    tx: Tx,
    payloads: list[dict[str, Any]],
    hits: list[tuple[list[Any], date | None] | None],
    party_id: int | None = None,
) -> list[dict[str, Any]]:
    """Insert the screenings at once, raise their hits for review at once (one query, one
    statement), and mark each payload with its record and each match with its review.
    ``hits``: per payload, its matches (with their entries) and date, or None without any."""
    stored = tx.insert_many(
        screenings, [_screening_row(tx, p, party_id) for p in payloads], "screening.record"
    )
    with_hits = [(p, row, h) for p, row, h in zip(payloads, stored, hits, strict=True) if h]
    raised = reviews.raise_hits_many(
        tx,
        [
            reviews.Screened(p["query"]["name"], p["query"].get("country"), h[0], row["id"], h[1])
            for p, row, h in with_hits
        ],
    )
    for (payload, _, _), briefs in zip(with_hits, raised, strict=True):
        for match, brief in zip(payload["matches"], briefs, strict=True):
            match["review"] = brief
    for payload, row in zip(payloads, stored, strict=True):
        payload["record"] = {"screening_id": row["id"], "recorded_at": row["at"]}
    return stored


def _hits_of(payload: dict[str, Any]) -> tuple[list[Any], date | None]:
    """A screening's matches as a batch worker returned them (the contract payload), with
    their entries looked up again here for the reviews of its hits, and its date."""
    from earmark.regdata import load_regdata

    as_of = date.fromisoformat(payload["as_of"]) if payload.get("as_of") else None
    lists = load_regdata().lists
    return [_Hit(lists, m, as_of) for m in payload["matches"]], as_of


class _Hit:
    def __init__(self, lists: Any, match: dict[str, Any], as_of: date | None) -> None:
        listing = lists.listing(match["entry_id"], as_of)
        if listing is None:
            raise BadInput("data", f"entry {match['entry_id']} is not in the loaded lists")
        self.entry, self.score = listing.entry, float(match["score"])


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
        raise BadInput("kind", f"one of {', '.join(PARTY_KINDS)} (got {kind!r})")
    if country:
        country = require_country(country, "country")
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
                "type": result.query.get("type"),  # in the contract's words
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


def rescreen_party(
    store: Store, screener: Any, party_id: int, result: Any = None
) -> dict[str, Any]:
    """Screen a stored party again (after a new list version, or as of another date): the
    screening is recorded, new hits are raised for review, and the status follows.
    ``result``: a screening of the party done already (by ``impact``), recorded as it is."""
    row = _party(store, party_id)
    if result is None:
        result = screener.screen(
            row["name"], country=row["country"], type=row["type"], address=row["address"]
        )
    with store.write(result.data_version) as tx:
        return _screened(tx, party_id, result)


def _party(store: Store, party_id: int) -> dict[str, Any]:
    with store.read() as conn:
        row = conn.execute(select(parties).where(parties.c.id == party_id)).mappings().first()
    if row is None:
        raise NotFound("party", f"no party with id {party_id}")
    return dict(row)


PARTY_FIELDS = ("name", "kind", "country", "address", "type")


def edit_party(
    store: Store, screener: Any, party_id: int, changes: dict[str, str | None]
) -> dict[str, Any]:
    """Change a stored party (the audit trail keeps it before and after). A change of what
    identifies it (name, country, address, type) screens it again at once, so its status
    follows the party as it now reads; a change of kind alone does not."""
    changes = {k: v for k, v in changes.items() if k in PARTY_FIELDS}
    if not changes:
        raise BadInput("party", "say what to change (--name, --kind, --country, --address, --type)")
    if "kind" in changes and changes["kind"] not in PARTY_KINDS:
        raise BadInput("kind", f"one of {', '.join(PARTY_KINDS)} (got {changes['kind']!r})")
    if "name" in changes and not (changes["name"] or "").strip():
        raise BadInput("name", "must not be empty")
    for field in ("country", "address", "type"):
        if field in changes and not (changes[field] or "").strip():
            changes[field] = None  # an empty value clears it
    if changes.get("country"):
        changes["country"] = require_country(str(changes["country"]), "country")
    for field in ("name", "address"):
        if changes.get(field):
            fits(str(changes[field]), 1000, f"--{field}")
    row = _party(store, party_id)
    party = {**row, **changes}
    result = None
    if set(changes) - {"kind"}:
        result = screener.screen(
            party["name"], country=party["country"], type=party["type"], address=party["address"]
        )
        party["name"] = result.query["name"]
        party["type"] = result.query.get("type")
    values = {
        **{k: party[k] for k in changes},
        "name": party["name"],
        "type": party["type"],
        "subject_key": reviews.subject_key(str(party["name"]), party["country"]),
        "updated_at": audit.now(),
    }
    with store.write(result.data_version if result else None) as tx:
        now = tx.conn.execute(
            select(parties.c.updated_at).where(parties.c.id == party_id).with_for_update()
        ).scalar_one()
        if now != row["updated_at"]:  # changed while this edit screened: not overwritten
            raise Refused("party", f"party {party_id} was changed meanwhile; edit it again")
        edited = tx.change(parties, party_id, values, "party.edit")
        if result is None:
            return {"party": edited}
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
        ("sku", sku),
        ("description", description),
        ("rationale", rationale),
    ):
        if not value:
            raise BadInput(field, "must not be empty")
    fits(sku, 200, "sku")
    fits(description, 1000, "description")
    parsed = ccl.parse_eccn(eccn, "eccn")
    ccl.require(parsed, "eccn")
    with store.write() as tx:
        exists = tx.conn.execute(select(products.c.id).where(products.c.sku == sku)).first()
        if exists:
            raise BadInput("sku", f"a product {sku!r} exists already (id {exists[0]})")
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
