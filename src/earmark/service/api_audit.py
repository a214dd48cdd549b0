"""The audit trail (cursor-paged, verify, head), evidence packs and API keys."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, Response

from earmark.errors import BadInput
from earmark.service import deps
from earmark.service.auth import ADMIN, AUDIT, Caller, need
from earmark.service.models import KeyRequest

router = APIRouter(prefix="/v1")
Auditor = Annotated[Caller, Depends(need(AUDIT))]


@router.get("/audit", tags=["audit"], summary="The audit trail, oldest first, cursor-paged")
def audit_rows(
    request: Request,
    who: Auditor,
    after: Annotated[int, Query(ge=0)] = 0,
    limit: Annotated[int, Query(ge=1, le=deps.MAX_PAGE)] = 50,
) -> dict[str, Any]:
    from earmark.store.audit import page

    with deps.store(request, who).read() as conn:
        return page(conn, after, limit)


@router.get("/audit/head", tags=["audit"], summary="The newest audit row: an anchor to keep")
def audit_head(request: Request, who: Auditor) -> dict[str, Any]:
    from earmark.store.audit import head

    with deps.store(request, who).read() as conn:
        return head(conn)


@router.get("/audit/verify", tags=["audit"], summary="Check the hash chain and every record")
def audit_verify(
    request: Request,
    who: Auditor,
    anchor: Annotated[list[str] | None, Query(max_length=20)] = None,
) -> dict[str, Any]:
    from earmark.store.audit import verify

    anchors = tuple(_anchor(a) for a in anchor or [])
    with deps.store(request, who).read() as conn:
        out: dict[str, Any] = verify(conn, anchors=anchors).to_dict()
    return out


def _anchor(text: str) -> tuple[int, str]:
    seq, _, digest = text.partition(":")
    if not seq.isdigit() or len(digest) != 64:
        raise BadInput("anchor", f"SEQ:HASH as printed by audit head, not {text[:80]!r}")
    return int(seq), digest


def evidence_pack(request: Request, who: Caller, kind: str, ref: str) -> dict[str, Any]:
    from earmark.store.evidence import build

    store = deps.store(request, who)
    if kind == "applications":
        return build(store, None, None, ref)
    if not ref.isdigit():
        raise BadInput(kind, f"a record id, not {ref[:40]!r}")
    pack = (
        build(store, int(ref), None, None)
        if kind == "decisions"
        else build(store, None, int(ref), None)
    )
    return pack


@router.get(
    "/evidence/{kind}/{ref}",
    tags=["audit"],
    summary="Evidence pack of a decision, screening or application (JSON, HTML or PDF)",
    response_model=None,
    responses={200: {"content": {"application/pdf": {}, "text/html": {}}}},
)
def evidence(
    kind: Literal["decisions", "screenings", "applications"],
    ref: str,
    request: Request,
    who: Auditor,
    format: Literal["json", "html", "pdf"] = "json",
) -> dict[str, Any] | Response:
    """The same content as `earmark audit export`; `format=html` is the printable page and
    `format=pdf` the same page as PDF (`audit export --pdf`)."""
    pack = evidence_pack(request, who, kind, ref)
    if format == "html":
        from earmark.store.evidence import render_html

        return HTMLResponse(render_html(pack))
    if format == "pdf":
        return pdf_response(pack, kind, ref)
    return pack


def pdf_response(pack: dict[str, Any], kind: str, ref: str) -> Response:
    from earmark.store.evidence_pdf import render_pdf

    name = f"evidence-{kind}-{''.join(c for c in ref if c.isalnum() or c in '-_')[:40]}.pdf"
    return Response(
        render_pdf(pack),
        media_type="application/pdf",
        headers={"Content-Disposition": f'inline; filename="{name}"'},
    )


@router.get("/keys", tags=["keys"], summary="API keys (never their secret)")
def keys_list(
    request: Request, who: Annotated[Caller, Depends(need(ADMIN))]
) -> list[dict[str, Any]]:
    from earmark.store.keys import list_keys

    with deps.store(request, who).read() as conn:
        return list_keys(conn)


@router.post("/keys", tags=["keys"], status_code=201, summary="Create a key (shown once)")
def keys_create(
    body: KeyRequest, request: Request, who: Annotated[Caller, Depends(need(ADMIN))]
) -> dict[str, Any]:
    """The key belongs to the admin who creates it; to make one for another person, run
    `earmark keys create --role ROLE --user NAME`."""
    from earmark.store.keys import create_key

    return create_key(deps.store(request, who), body.role)


@router.post("/keys/{key_id}/revoke", tags=["keys"], summary="Revoke a key")
def keys_revoke(
    key_id: int, request: Request, who: Annotated[Caller, Depends(need(ADMIN))]
) -> dict[str, Any]:
    from earmark.store.keys import revoke_key

    return revoke_key(deps.store(request, who), key_id)
