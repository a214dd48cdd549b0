"""Small helpers the routes share: the runtime, the caller's store, dates, paging."""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import Request

from earmark.runtime import Runtime
from earmark.service.auth import Caller
from earmark.store.core import Store

MAX_PAGE = 200


def runtime(request: Request) -> Runtime:
    rt: Runtime = request.app.state.runtime
    return rt


def store(request: Request, who: Caller) -> Store:
    return runtime(request).store(who.actor)


def today(on: date | None) -> date:
    return on if on is not None else date.today()


def page(rows: list[dict[str, Any]], after: int | None, limit: int, key: str = "id") -> Any:
    """A cursor page: the rows after the cursor, at most ``limit``, and the next cursor."""
    if after is not None:
        rows = [r for r in rows if int(r[key]) > after]
    shown = rows[:limit]
    more = len(rows) > limit
    return {
        "items": shown,
        "next": int(shown[-1][key]) if more and shown else None,
    }
