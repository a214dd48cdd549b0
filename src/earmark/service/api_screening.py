"""POST /v1/screen, /v1/match, /v1/check, /v1/check/diff; entries, lists and the timeline."""

from __future__ import annotations

import asyncio
from datetime import date
from typing import Annotated, Any

import orjson
from fastapi import APIRouter, Depends, File, Form, Query, Request, UploadFile
from fastapi.responses import Response

from earmark.errors import BadInput
from earmark.service import deps
from earmark.service.auth import ADMIN, READ_LISTS, SCREEN, Caller, need
from earmark.service.lean import LeanRoute
from earmark.service.models import CheckRequest, DiffRequest, MatchRequest, ScreenRequest

TAGS: list[Any] = ["screening and determination"]
# The hot routes: served by a lean handler (service/lean.py), documented by FastAPI as usual.
hot = APIRouter(prefix="/v1", tags=TAGS, route_class=LeanRoute)
router = APIRouter(prefix="/v1", tags=TAGS)
# Dates as ISO text, datetimes as str() gives them (as the standard library's default=str did).
_JSON_OPTIONS = orjson.OPT_NON_STR_KEYS | orjson.OPT_PASSTHROUGH_DATETIME
JSON = "application/json"


def _json(payload: Any) -> Response:
    """The hot routes' answer, serialised once (orjson; the payload is the library's
    JSON-ready dict already, so there is no second validation of a large answer)."""
    return Response(orjson.dumps(payload, default=str, option=_JSON_OPTIONS), media_type=JSON)


@hot.post(
    "/screen",
    summary="Screen a name against the restricted-party lists as of a date",
    response_class=Response,
    responses={200: {"content": {"application/json": {}}}},
)
async def screen(
    body: ScreenRequest, request: Request, who: Annotated[Caller, Depends(need(SCREEN))]
) -> Response:
    """The same JSON as `earmark screen --json`; recorded (and its hits raised for review)
    unless `record` is false."""
    from earmark.store.records import record_screenings_in

    rt = deps.runtime(request)
    result = rt.screener.screen(
        body.name,
        country=body.country,
        type=body.type,
        address=body.address,
        lists=body.lists,
        as_of=body.as_of,
        limit=body.limit,
        threshold=body.threshold,
    )
    # Screening is CPU work (done here, on the event loop); recording goes to the group-commit
    # writer (store/group.py), and the answer waits for its commit.
    if body.record:
        future = rt.writer.submit_bulk(who.actor, result.data_version, record_screenings_in, result)
        payload = await asyncio.wrap_future(future)
    else:
        payload = result.to_dict()
    request.app.state.metrics.screened(len(result.matches))
    return _json(payload)


@hot.post(
    "/match",
    summary="Score two names (or pairs) with the screening scorer",
    response_class=Response,
    responses={200: {"content": {"application/json": {}}}},
)
async def match(
    body: MatchRequest, request: Request, _: Annotated[Caller, Depends(need(SCREEN))]
) -> Response:
    screener = deps.runtime(request).screener
    if body.pairs is not None:
        if body.a is not None or body.b is not None:
            raise BadInput("pairs", "give either a and b or pairs, not both")
        out = []
        for p in body.pairs:
            scored = screener.match(p.a, p.b, p.type)
            out.append({"a": p.a, "b": p.b, "score": scored.score})
        return _json({"pairs": out})
    if body.a is None or body.b is None:
        raise BadInput("b" if body.a else "a", "two names are needed (or pairs)")
    scored = screener.match(body.a, body.b, body.type)
    return _json({"score": scored.score, "explanation": [w.to_dict() for w in scored.words]})


@hot.post(
    "/check",
    summary="Decide one case: subject to the EAR, license required, policy",
    response_class=Response,
    responses={200: {"content": {"application/json": {}}}},
)
async def check(
    body: CheckRequest, request: Request, who: Annotated[Caller, Depends(need(SCREEN))]
) -> Response:
    """The same JSON as `earmark check --json`; recorded unless `record` is false."""
    rt = deps.runtime(request)
    decision: dict[str, Any] = rt.engine.check(body.case, "case", body.allow_unknown).to_dict()
    if body.record:
        from earmark.store.records import record_decision_in

        made = decision
        future = rt.writer.submit(
            who.actor, made.get("data_version"), lambda tx: record_decision_in(tx, body.case, made)
        )
        decision = await asyncio.wrap_future(future)
    request.app.state.metrics.decided(decision.get("license_required"))
    return _json(decision)


@router.post("/check/diff", summary="One case on two dates, and what changed between them")
def check_diff(
    body: DiffRequest, request: Request, _: Annotated[Caller, Depends(need(SCREEN))]
) -> dict[str, Any]:
    from earmark.rules.diff import decide_on_two_dates

    first, second = body.dates
    out: dict[str, Any] = decide_on_two_dates(
        deps.runtime(request).engine, body.case, first, second, "case", body.allow_unknown
    )
    return out


@router.get("/entries/{entry_id}", summary="One list entry as it stood on a date")
def entry(
    entry_id: str,
    request: Request,
    _: Annotated[Caller, Depends(need(READ_LISTS))],
    as_of: date | None = None,
) -> dict[str, Any]:
    from earmark.store.workflows import entry_versions, entry_view

    rd = deps.runtime(request).regdata
    out = entry_view(rd, entry_id, as_of)
    out["versions"] = entry_versions(rd, entry_id)
    return out


@router.get("/lists", summary="Each restricted-party list: version, entries, dates")
def lists(
    request: Request,
    _: Annotated[Caller, Depends(need(READ_LISTS))],
    as_of: date | None = None,
) -> dict[str, Any]:
    rd = deps.runtime(request).regdata
    return {
        "as_of": (as_of or rd.lists.newest_snapshot).isoformat(),
        "data_version": rd.version,
        "lists": [v.to_dict() for v in rd.list_versions(as_of)],
    }


@router.post("/lists", summary="Load a new list version (trade.gov CSL CSV or JSON)")
def load_list(
    request: Request,
    who: Annotated[Caller, Depends(need(ADMIN))],
    file: Annotated[UploadFile, File()],
    snapshot: Annotated[date, Form()],
    format: Annotated[str | None, Form()] = None,
) -> dict[str, Any]:
    """`earmark lists load` as an upload; the service reloads its data and index after it."""
    import tempfile
    from pathlib import Path

    from earmark.store.workflows import load_list_version

    rt = deps.runtime(request)
    suffix = Path(file.filename or "list.csv").suffix or ".csv"
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"upload{suffix}"
        path.write_bytes(file.file.read())
        out = load_list_version(deps.store(request, who), path, snapshot, format)
    rt.reload()
    return out


@router.get("/timeline", summary="The dated regulatory actions")
def timeline(
    request: Request,
    _: Annotated[Caller, Depends(need(READ_LISTS))],
    as_of: date | None = None,
    series: Annotated[str | None, Query(max_length=100)] = None,
) -> dict[str, Any]:
    from earmark.store.workflows import timeline as build

    return build(deps.runtime(request).regdata, as_of, series)
