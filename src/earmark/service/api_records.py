"""Parties, products, the review queue, policy events and impact reports."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request

from earmark.service import deps
from earmark.service.auth import ADMIN, PARTIES, READ_RECORDS, REVIEW, Caller, need
from earmark.service.models import (
    BulkReview,
    ImpactRequest,
    PartyChange,
    PartyRequest,
    ProductRequest,
    RescreenRequest,
    ReviewDecision,
)

router = APIRouter(prefix="/v1")
Limit = Annotated[int, Query(ge=1, le=deps.MAX_PAGE)]
After = Annotated[int | None, Query(ge=0)]


@router.get("/parties", tags=["parties"], summary="Stored parties (cursor-paged)")
def parties_list(
    request: Request,
    who: Annotated[Caller, Depends(need(READ_RECORDS))],
    status: Annotated[str | None, Query(max_length=40)] = None,
    after: After = None,
    limit: Limit = 50,
) -> Any:
    from earmark.store.records import list_parties

    with deps.store(request, who).read() as conn:
        return deps.page(list_parties(conn, status), after, limit)


@router.post("/parties", tags=["parties"], status_code=201, summary="Store a party and screen it")
def parties_add(
    body: PartyRequest, request: Request, who: Annotated[Caller, Depends(need(PARTIES))]
) -> dict[str, Any]:
    from earmark.store.records import add_party

    return add_party(
        deps.store(request, who),
        deps.runtime(request).screener,
        body.name,
        body.kind,
        body.country,
        body.address,
        body.type,
    )


@router.post("/parties/rescreen", tags=["parties"], summary="Screen stored parties again")
def parties_rescreen_all(
    body: RescreenRequest, request: Request, who: Annotated[Caller, Depends(need(PARTIES))]
) -> dict[str, Any]:
    """Every party, or `ids`, as of `as_of` (after a new list version): recorded, new hits
    raised for review."""
    from earmark.store.workflows import rescreen_parties

    screener = deps.runtime(request).screener
    return {
        "rescreened": rescreen_parties(deps.store(request, who), screener, body.ids, body.as_of)
    }


@router.patch("/parties/{party_id}", tags=["parties"], summary="Change a party (screened again)")
def parties_edit(
    party_id: int,
    body: PartyChange,
    request: Request,
    who: Annotated[Caller, Depends(need(PARTIES))],
) -> dict[str, Any]:
    from earmark.store.records import edit_party

    return edit_party(
        deps.store(request, who),
        deps.runtime(request).screener,
        party_id,
        body.model_dump(exclude_unset=True),
    )


@router.post("/parties/{party_id}/rescreen", tags=["parties"], summary="Screen a party again")
def parties_rescreen(
    party_id: int,
    request: Request,
    who: Annotated[Caller, Depends(need(PARTIES))],
    as_of: date | None = None,
) -> dict[str, Any]:
    from earmark.store.records import ScreenerAsOf, rescreen_party

    screener = ScreenerAsOf(deps.runtime(request).screener, as_of)
    return rescreen_party(deps.store(request, who), screener, party_id)


@router.get("/products", tags=["products"], summary="Products with their classification")
def products_list(
    request: Request, who: Annotated[Caller, Depends(need(READ_RECORDS))]
) -> list[dict[str, Any]]:
    from earmark.store.records import list_products

    with deps.store(request, who).read() as conn:
        return list_products(conn)


@router.post("/products", tags=["products"], status_code=201, summary="Classify a product")
def products_add(
    body: ProductRequest, request: Request, who: Annotated[Caller, Depends(need(PARTIES))]
) -> dict[str, Any]:
    from earmark.store.records import add_product

    return add_product(
        deps.store(request, who),
        body.sku,
        body.description,
        body.eccn,
        body.rationale,
        deps.runtime(request).regdata.ear.ccl,
    )


@router.get("/reviews", tags=["reviews"], summary="The review queue, filtered and cursor-paged")
def reviews_list(
    request: Request,
    who: Annotated[Caller, Depends(need(READ_RECORDS))],
    status: Annotated[str, Query(max_length=20)] = "potential",
    list_code: Annotated[str | None, Query(alias="list", max_length=20)] = None,
    min_score: Annotated[float | None, Query(ge=0, le=1)] = None,
    raised_before: date | None = None,
    escalated_only: Annotated[bool, Query(alias="escalated")] = False,
    after: After = None,
    limit: Limit = 50,
) -> Any:
    """`status` is potential (default), cleared, confirmed or all; `raised_before` gives the
    ones waiting since before a date (their age); `escalated=true` the escalated ones. Each
    row has `escalated`: the newest escalation (reason, note, by, at) or null."""
    from earmark.store.reviews import escalated, listing

    with deps.store(request, who).read() as conn:
        rows = listing(conn, None if status == "all" else status)
        up = escalated(conn)
    rows = [{**r, "escalated": up.get(int(r["id"]))} for r in rows]
    if escalated_only:
        rows = [r for r in rows if r["escalated"]]
    if list_code:
        rows = [r for r in rows if r["list"] == list_code.strip().upper()]
    if min_score is not None:
        rows = [r for r in rows if r["score"] >= min_score]
    if raised_before is not None:
        rows = [r for r in rows if r["raised_at"][:10] < raised_before.isoformat()]
    return deps.page(rows, after, limit)


@router.get("/reviews/reasons", tags=["reviews"], summary="Reason codes to clear or confirm")
def reviews_reasons(
    _: Annotated[Caller, Depends(need(READ_RECORDS))],
) -> dict[str, dict[str, str]]:
    from earmark.store.reviews import reason_codes

    return reason_codes()


@router.get("/reviews/{review_id}", tags=["reviews"], summary="One review")
def reviews_one(
    review_id: int, request: Request, who: Annotated[Caller, Depends(need(READ_RECORDS))]
) -> dict[str, Any]:
    from earmark.store.reviews import get_review

    with deps.store(request, who).read() as conn:
        return get_review(conn, review_id)


def _decide(request: Request, who: Caller, review_id: int, status: str, body: Any) -> Any:
    from earmark.store.reviews import decide

    with deps.store(request, who).write() as tx:
        return decide(tx, review_id, status, body.reason, body.note)


@router.post("/reviews/{review_id}/clear", tags=["reviews"], summary="Clear a hit")
def reviews_clear(
    review_id: int,
    body: ReviewDecision,
    request: Request,
    who: Annotated[Caller, Depends(need(REVIEW))],
) -> dict[str, Any]:
    out: dict[str, Any] = _decide(request, who, review_id, "cleared", body)
    return out


@router.post("/reviews/{review_id}/confirm", tags=["reviews"], summary="Confirm a hit")
def reviews_confirm(
    review_id: int,
    body: ReviewDecision,
    request: Request,
    who: Annotated[Caller, Depends(need(REVIEW))],
) -> dict[str, Any]:
    out: dict[str, Any] = _decide(request, who, review_id, "confirmed", body)
    return out


@router.post(
    "/reviews/{review_id}/escalate", tags=["reviews"], summary="Escalate a hit (stays open)"
)
def reviews_escalate(
    review_id: int,
    body: ReviewDecision,
    request: Request,
    who: Annotated[Caller, Depends(need(REVIEW))],
) -> dict[str, Any]:
    from earmark.store.reviews import escalate

    with deps.store(request, who).write() as tx:
        return escalate(tx, review_id, body.reason, body.note)


@router.post("/reviews/bulk", tags=["reviews"], summary="Clear or confirm many with one reason")
def reviews_bulk(
    body: BulkReview, request: Request, who: Annotated[Caller, Depends(need(REVIEW))]
) -> dict[str, Any]:
    """All or none: one transaction."""
    from earmark.store.reviews import decide

    status = "cleared" if body.action == "clear" else "confirmed"
    with deps.store(request, who).write() as tx:
        done = [decide(tx, i, status, body.reason, body.note) for i in body.ids]
    return {"decided": done}


@router.get("/events", tags=["policy events"], summary="Policy events on record")
def events_list(
    request: Request, who: Annotated[Caller, Depends(need(READ_RECORDS))]
) -> list[dict[str, Any]]:
    from earmark.store.licenses import list_events

    with deps.store(request, who).read() as conn:
        return list_events(conn)


@router.post("/events", tags=["policy events"], status_code=201, summary="Record a policy event")
def events_add(
    body: dict[str, Any],
    request: Request,
    who: Annotated[Caller, Depends(need(ADMIN))],
    allow_unknown: bool = False,
) -> dict[str, Any]:
    """The body is an EVENT document (docs/formats.md): name, kind, effective, parties,
    footnote, source."""
    from earmark.store.workflows import add_policy_event

    rt = deps.runtime(request)
    return add_policy_event(deps.store(request, who), rt.engine, body, allow_unknown)


@router.get("/impact", tags=["impact"], summary="Impact report as of a date (read only)")
def impact_get(
    request: Request,
    who: Annotated[Caller, Depends(need(READ_RECORDS))],
    as_of: date | None = None,
) -> dict[str, Any]:
    from earmark.store.workflows import impact_report

    rt = deps.runtime(request)
    return impact_report(deps.store(request, who), rt.engine, deps.today(as_of), False)


@router.post("/impact", tags=["impact"], summary="Impact report, recording the re-screenings")
def impact_post(
    body: ImpactRequest, request: Request, who: Annotated[Caller, Depends(need(ADMIN))]
) -> dict[str, Any]:
    from earmark.store.workflows import impact_report

    rt = deps.runtime(request)
    return impact_report(deps.store(request, who), rt.engine, deps.today(body.as_of), body.record)
