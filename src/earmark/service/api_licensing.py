"""License applications (the 750.4 steps), licenses, shipments."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request

from earmark.service import deps
from earmark.service.auth import LICENSING, READ_RECORDS, Caller, need
from earmark.service.models import (
    AmendmentRequest,
    ApplicationRequest,
    CancelRequest,
    DecideRequest,
    EscalateRequest,
    HoldRequest,
    LicenseStatusRequest,
    OnDate,
    RecommendRequest,
    ReferRequest,
    ShipmentRequest,
)

router = APIRouter(prefix="/v1", tags=["licensing"])
Reader = Annotated[Caller, Depends(need(READ_RECORDS))]
Officer = Annotated[Caller, Depends(need(LICENSING))]


@router.get("/applications", summary="License applications")
def applications(
    request: Request, who: Reader, status: Annotated[str | None, Query(max_length=40)] = None
) -> list[dict[str, Any]]:
    from earmark.store.licenses import list_applications

    with deps.store(request, who).read() as conn:
        return list_applications(conn, status)


@router.get("/applications/overdue", summary="Open applications with their 750.4 deadlines")
def overdue(request: Request, who: Reader, on: date | None = None) -> list[dict[str, Any]]:
    from earmark.store.licenses import overdue_report

    with deps.store(request, who).read() as conn:
        return overdue_report(conn, deps.today(on))


@router.get("/applications/{ref}", summary="One application with its holds")
def application(ref: str, request: Request, who: Reader) -> dict[str, Any]:
    from earmark.store.licenses import get_application

    with deps.store(request, who).read() as conn:
        return get_application(conn, ref)


@router.post("/applications", status_code=201, summary="Submit an application (750.4)")
def apply(body: ApplicationRequest, request: Request, who: Officer) -> dict[str, Any]:
    from earmark.store.workflows import submit_application

    rt = deps.runtime(request)
    return submit_application(
        deps.store(request, who),
        rt.engine,
        body.application,
        deps.today(body.on),
        body.allow_unknown,
    )


@router.post("/applications/{ref}/amend", summary="Amend an application before referral")
def amend(ref: str, body: AmendmentRequest, request: Request, who: Officer) -> dict[str, Any]:
    from earmark.store.workflows import amend_application

    rt = deps.runtime(request)
    return amend_application(
        deps.store(request, who),
        rt.engine,
        ref,
        body.amendment,
        deps.today(body.on),
        body.allow_unknown,
    )


@router.post("/applications/{ref}/refer", summary="Refer to the reviewing agencies")
def refer(ref: str, body: ReferRequest, request: Request, who: Officer) -> dict[str, Any]:
    from earmark.store.licenses import refer as do

    chosen = [a.strip().casefold() for a in body.agencies if a.strip()]
    return do(deps.store(request, who), ref, chosen, deps.today(body.on))


@router.post("/applications/{ref}/recommend", summary="An agency's recommendation")
def recommend(ref: str, body: RecommendRequest, request: Request, who: Officer) -> dict[str, Any]:
    from earmark.store.licenses import recommend as do

    return do(
        deps.store(request, who),
        ref,
        body.agency.strip().casefold(),
        body.recommendation.strip().casefold(),
        body.conditions,
        deps.today(body.on),
    )


@router.post("/applications/{ref}/escalate", summary="Escalate a disagreement one level")
def escalate(ref: str, body: EscalateRequest, request: Request, who: Officer) -> dict[str, Any]:
    from earmark.store.licenses import escalate as do

    return do(deps.store(request, who), ref, deps.today(body.on), body.decided_on)


@router.post("/applications/{ref}/hold", summary="Stop the clock (750.4(b))")
def hold(ref: str, body: HoldRequest, request: Request, who: Officer) -> dict[str, Any]:
    from earmark.store.licenses import hold as do

    return do(deps.store(request, who), ref, body.reason, deps.today(body.on), body.note)


@router.post("/applications/{ref}/resume", summary="Start the clock again")
def resume(ref: str, body: OnDate, request: Request, who: Officer) -> dict[str, Any]:
    from earmark.store.licenses import resume as do

    return do(deps.store(request, who), ref, deps.today(body.on))


@router.post("/applications/{ref}/decide", summary="Decide; an approval issues the license")
def decide(ref: str, body: DecideRequest, request: Request, who: Officer) -> dict[str, Any]:
    from earmark.store.workflows import decide_application

    return decide_application(
        deps.store(request, who),
        deps.runtime(request).engine,
        ref,
        body.decision,
        deps.today(body.on),
        body.note,
        body.conditions,
        body.valid_until,
    )


@router.get("/licenses", summary="Licenses with status and balances")
def licenses(request: Request, who: Reader) -> list[dict[str, Any]]:
    from earmark.store.licenses import list_licenses

    with deps.store(request, who).read() as conn:
        return list_licenses(conn)


@router.get("/licenses/{ref}", summary="A license: balance, status history, shipments")
def license_one(ref: str, request: Request, who: Reader) -> dict[str, Any]:
    from earmark.store.licenses import describe_license

    with deps.store(request, who).read() as conn:
        return describe_license(conn, ref)


@router.post("/licenses/{ref}/shipments", status_code=201, summary="Draw a shipment down")
def ship(ref: str, body: ShipmentRequest, request: Request, who: Officer) -> dict[str, Any]:
    """Refused (409) after expiry or revocation, or beyond the balance; the refusal is kept
    in the audit trail."""
    from earmark.store.workflows import ship as do

    return do(
        deps.store(request, who),
        ref,
        body.eccn,
        body.quantity,
        body.value,
        deps.today(body.on),
        body.planned,
    )


@router.post("/licenses/{ref}/status", summary="Revoke, suspend or reinstate a license")
def license_status(
    ref: str, body: LicenseStatusRequest, request: Request, who: Officer
) -> dict[str, Any]:
    from earmark.store.licenses import set_status

    return set_status(deps.store(request, who), ref, body.status, deps.today(body.on), body.reason)


@router.post("/shipments/{shipment_id}/shipped", summary="A planned shipment went out")
def shipped(shipment_id: int, body: OnDate, request: Request, who: Officer) -> dict[str, Any]:
    from earmark.store.licenses import complete_shipment

    return complete_shipment(deps.store(request, who), shipment_id, deps.today(body.on))


@router.post("/shipments/{shipment_id}/cancel", summary="Cancel a planned shipment")
def cancel(shipment_id: int, body: CancelRequest, request: Request, who: Officer) -> dict[str, Any]:
    from earmark.store.licenses import cancel_shipment

    return cancel_shipment(deps.store(request, who), shipment_id, body.reason)
