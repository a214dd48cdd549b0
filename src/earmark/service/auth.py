"""Who may do what: API keys (``Authorization: Bearer KEY`` or the UI's cookie), the one
role → permission table, and the per-key rate limit."""

from __future__ import annotations

import threading
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from fastapi import Request

from earmark.errors import EarmarkError, Forbidden

# The permissions, each one kind of action.
SCREEN = "screen"  # screen, match, check, check/diff, batch jobs
READ_LISTS = "read_lists"  # entries, lists, timeline
READ_RECORDS = "read_records"  # parties, products, reviews, applications, licenses, events, impact
PARTIES = "parties"  # add, edit, rescreen parties; add products
REVIEW = "review"  # clear, confirm, escalate hits
LICENSING = "licensing"  # applications (750.4 steps), licenses, shipments
AUDIT = "audit"  # audit trail, verify, evidence packs
METRICS = "metrics"  # /metrics
ADMIN = "admin"  # keys, list versions, policy events, impact --record

_SCREENER = frozenset({SCREEN, READ_LISTS})
ROLE_PERMISSIONS: dict[str, frozenset[str]] = {
    "screener": _SCREENER,
    "reviewer": _SCREENER | {READ_RECORDS, PARTIES, REVIEW},
    "licensing_officer": _SCREENER | {READ_RECORDS, PARTIES, LICENSING},
    "auditor": frozenset({READ_LISTS, READ_RECORDS, AUDIT, METRICS}),
    "admin": _SCREENER | {READ_RECORDS, PARTIES, REVIEW, LICENSING, AUDIT, METRICS, ADMIN},
}
PERMISSION_TEXT = {
    SCREEN: "screen, match and check",
    READ_LISTS: "read list entries, lists and the timeline",
    READ_RECORDS: "read stored records",
    PARTIES: "add and change parties and products",
    REVIEW: "clear, confirm or escalate hits",
    LICENSING: "work on applications, licenses and shipments",
    AUDIT: "read the audit trail and evidence",
    METRICS: "read the metrics",
    ADMIN: "manage keys, list versions and policy events",
}
COOKIE = "earmark_key"


class Unauthorized(EarmarkError):
    """No key, or a key that is unknown or revoked (401)."""


@dataclass(frozen=True)
class Caller:
    key_id: int
    role: str
    owner: str
    prefix: str
    via_cookie: bool = False

    @property
    def actor(self) -> str:
        return f"{self.owner} (key {self.key_id})"[:200]

    def may(self, permission: str) -> bool:
        return permission in ROLE_PERMISSIONS.get(self.role, frozenset())


class KeyCache:
    """Verified keys, by their hash, for a few seconds (a revocation takes effect within
    ``ttl``); the key itself is never kept."""

    def __init__(self, ttl: float) -> None:
        self.ttl = ttl
        self._seen: dict[str, tuple[float, dict[str, Any] | None]] = {}
        self._lock = threading.Lock()

    def lookup(self, key: str, load: Callable[[str], dict[str, Any] | None]) -> Any:
        from earmark.store.audit import sha256

        digest = sha256(key)
        now = time.monotonic()
        with self._lock:
            hit = self._seen.get(digest)
        if hit is not None and now - hit[0] < self.ttl:
            return hit[1]
        found = load(key)
        with self._lock:
            if len(self._seen) > 10_000:
                self._seen.clear()
            self._seen[digest] = (now, found)
        return found


class RateLimiter:
    """A token bucket per key: ``per_minute`` requests, refilled evenly; one process holds
    the counters (several workers each count their own)."""

    def __init__(self, per_minute: int) -> None:
        self.rate = per_minute / 60.0
        self.capacity = float(max(per_minute, 1))
        self._buckets: dict[int, tuple[float, float]] = {}
        self._lock = threading.Lock()

    def take(self, key_id: int) -> float:
        """0 if the request may go ahead, else the seconds to wait."""
        now = time.monotonic()
        with self._lock:
            tokens, last = self._buckets.get(key_id, (self.capacity, now))
            tokens = min(self.capacity, tokens + (now - last) * self.rate)
            if tokens >= 1.0:
                self._buckets[key_id] = (tokens - 1.0, now)
                return 0.0
            self._buckets[key_id] = (tokens, now)
            return (1.0 - tokens) / self.rate if self.rate > 0 else 60.0


class RateLimited(EarmarkError):
    def __init__(self, retry_after: float) -> None:
        super().__init__(f"too many requests for this key; retry after {retry_after:.0f} s")
        self.retry_after = max(1, int(retry_after + 0.999))


def caller(request: Request, form_token_checked: bool = False) -> Caller:
    """The caller of a request, checked against the store's key hashes, and rate-limited.
    ``form_token_checked``: a UI form whose CSRF token the route has checked already."""
    state = request.app.state
    key, via_cookie = _key_of(request)
    if key is None:
        raise Unauthorized("an API key is needed: Authorization: Bearer KEY")

    def load(k: str) -> dict[str, Any] | None:
        from earmark.store.keys import identify

        with state.runtime.store("earmark-service").read() as conn:
            return identify(conn, k)

    found = state.keys.lookup(key, load)
    if found is None:
        raise Unauthorized("the API key is unknown or revoked")
    who = Caller(found["id"], found["role"], found["owner"], found["prefix"], via_cookie)
    unsafe = request.method not in ("GET", "HEAD", "OPTIONS")
    header_ok = request.headers.get("x-requested-with") == "earmark"
    if via_cookie and unsafe and not (header_ok or form_token_checked):
        # A browser session: a cross-site form cannot set this header (CSRF).
        raise Forbidden("send a browser request without the X-Requested-With header", who.role)
    wait = state.limiter.take(who.key_id)
    if wait > 0:
        raise RateLimited(wait)
    request.state.caller = who
    return who


def csrf_token(key: str) -> str:
    """The token a UI form carries: derived from the session's key, so a cross-site page
    (which cannot read the page or the HttpOnly cookie) cannot make it."""
    from earmark.store.audit import sha256

    return sha256("earmark-form:" + key)[:32]


def _key_of(request: Request) -> tuple[str | None, bool]:
    header = request.headers.get("authorization")
    if header:
        scheme, _, value = header.partition(" ")
        if scheme.lower() == "bearer" and value.strip():
            return value.strip(), False
        return None, False
    cookie = request.cookies.get(COOKIE)
    if cookie:
        return cookie, True
    return None, False


def need(permission: str) -> Callable[[Request], Awaitable[Caller]]:
    """A route dependency: the caller, who must hold ``permission``. Async, so that it runs on
    the event loop (a key is looked up in the store once per cache period, not per request)."""

    async def dependency(request: Request) -> Caller:
        who = caller(request)
        if not who.may(permission):
            raise Forbidden(PERMISSION_TEXT[permission], who.role)
        return who

    dependency.__name__ = f"need_{permission}"
    _NEEDS[dependency] = permission
    return dependency


_NEEDS: dict[Callable[..., Any], str] = {}


def permission_of(dependency: Any) -> str | None:
    """The permission a ``need(...)`` dependency checks (None for anything else)."""
    try:
        return _NEEDS.get(dependency)
    except TypeError:  # not hashable: not one of ours
        return None
