"""Batch jobs: POST /v1/batch (upload) → GET /v1/batch/{id} (progress) → …/result."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, File, Form, Request, UploadFile
from fastapi.responses import FileResponse, StreamingResponse

from earmark.service import deps
from earmark.service.auth import SCREEN, Caller, need

router = APIRouter(prefix="/v1", tags=["batch"])
Screener = Annotated[Caller, Depends(need(SCREEN))]


@router.post("/batch", status_code=202, summary="Start a batch job from an uploaded file")
def batch_start(
    request: Request,
    who: Screener,
    file: Annotated[UploadFile, File(description="id,name,... rows (.csv, .jsonl, .parquet)")],
    task: Annotated[Literal["screen", "check"], Form()] = "screen",
    output_format: Annotated[Literal["jsonl", "csv", "parquet"], Form()] = "jsonl",
    as_of: Annotated[date | None, Form()] = None,
    threshold: Annotated[float | None, Form(ge=0, le=1)] = None,
    limit: Annotated[int, Form(ge=1, le=200)] = 10,
    lists: Annotated[str | None, Form(max_length=200)] = None,
    allow_unknown: Annotated[bool, Form()] = False,
    record: Annotated[bool, Form()] = True,
) -> dict[str, Any]:
    jobs = request.app.state.jobs
    options = {
        "as_of": as_of.isoformat() if as_of else None,
        "threshold": threshold,
        "limit": limit,
        "lists": [c.strip().upper() for c in lists.split(",") if c.strip()] if lists else None,
        "allow_unknown": allow_unknown,
    }
    job = jobs.create(
        file.file.read(), file.filename or "", task, who.actor, output_format, options, record
    )
    jobs.start(job, deps.runtime(request))
    out: dict[str, Any] = job.view()
    return out


@router.get("/batch/{job_id}", summary="A batch job's state and progress")
def batch_status(job_id: str, request: Request, _: Screener) -> dict[str, Any]:
    out: dict[str, Any] = request.app.state.jobs.get(job_id).view()
    return out


@router.get(
    "/batch/{job_id}/events",
    summary="A job's progress as a stream of server-sent events, until it ends",
    response_class=StreamingResponse,
)
async def batch_events(job_id: str, request: Request, _: Screener) -> StreamingResponse:
    """`text/event-stream`: one `progress` event (the job's state as JSON) when it changes,
    at most twice a second, and a last `end` event when the job is done, failed or stopped."""
    jobs = request.app.state.jobs
    jobs.get(job_id)  # 404 before the stream starts

    async def events() -> AsyncIterator[bytes]:
        last = None
        while True:
            view = jobs.get(job_id).view()
            text = json.dumps(view, default=str)
            ended = view["state"] not in ("queued", "running")
            if text != last:
                name = "end" if ended else "progress"
                yield f"event: {name}\ndata: {text}\n\n".encode()
                last = text
            if ended or await request.is_disconnected():
                return
            await asyncio.sleep(0.5)

    return StreamingResponse(events(), media_type="text/event-stream")


@router.post("/batch/{job_id}/resume", status_code=202, summary="Resume a stopped or failed job")
def batch_resume(job_id: str, request: Request, _: Screener) -> dict[str, Any]:
    jobs = request.app.state.jobs
    job = jobs.get(job_id)
    jobs.start(job, deps.runtime(request))
    out: dict[str, Any] = job.view()
    return out


@router.get("/batch/{job_id}/result", summary="Download a finished job's output")
def batch_result(job_id: str, request: Request, _: Screener) -> FileResponse:
    path = request.app.state.jobs.result(job_id)
    return FileResponse(path, filename=f"earmark-{job_id}{path.suffix}")


@router.get("/batch/{job_id}/rejects", summary="Download a finished job's bad rows and reasons")
def batch_rejects(job_id: str, request: Request, _: Screener) -> FileResponse:
    path = request.app.state.jobs.rejects(job_id)
    return FileResponse(path, filename=f"earmark-{job_id}.rejects.jsonl")
