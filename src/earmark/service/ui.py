"""The web UI at /: server-rendered Jinja2 pages (autoescaped: list and user text is data),
one small vanilla script for the keyboard, no build step.

The browser logs in once with an API key; the key is kept in an HttpOnly, SameSite=Strict
cookie and the same role table applies. Forms that change something carry a token derived
from the key (CSRF)."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, FastAPI, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader

from earmark.errors import BadInput, EarmarkError, Forbidden
from earmark.service import deps
from earmark.service.auth import (
    AUDIT,
    COOKIE,
    LICENSING,
    READ_LISTS,
    READ_RECORDS,
    REVIEW,
    SCREEN,
    Caller,
    Unauthorized,
    caller,
    csrf_token,
)

HERE = Path(__file__).resolve().parent
router = APIRouter(include_in_schema=False)
env = Environment(
    loader=FileSystemLoader(HERE / "templates"),
    autoescape=True,  # every template, whatever its name
    trim_blocks=True,
    lstrip_blocks=True,
)
_FR = re.compile(r"^(\d+) FR (\d+)$")


def fr_link(citation: str) -> str | None:
    """The Federal Register page of a citation such as '84 FR 22961'."""
    m = _FR.match(citation.strip())
    if not m:
        return None
    return f"https://www.federalregister.gov/citation/{m.group(1)}-FR-{m.group(2)}"


def band(score: float) -> str:
    return "high" if score >= 0.95 else "medium" if score >= 0.88 else "low"


def words(text: str, marked: set[str]) -> list[tuple[str, bool]]:
    """The text in pieces, each marked when it is a word that matched: a Latin word by its
    stem (``technology`` marks "Technologies"), other scripts as written (``华为`` inside
    "华为技术有限公司")."""
    patterns = []
    for token in sorted((t for t in marked if t), key=len, reverse=True):
        if token.isascii():
            stem = token[:-1] if len(token) >= 5 else token
            patterns.append(r"\b" + re.escape(stem) + r"\w*")
        else:
            patterns.append(re.escape(token))
    if not patterns:
        return [(text, False)] if text else []
    out: list[tuple[str, bool]] = []
    last = 0
    for m in re.finditer("|".join(patterns), text, flags=re.IGNORECASE):
        if m.start() > last:
            out.append((text[last : m.start()], False))
        out.append((m.group(0), True))
        last = m.end()
    if last < len(text):
        out.append((text[last:], False))
    return out


def _fold(word: str) -> str:
    return re.sub(r"[^\w]", "", word.casefold())


env.globals.update(fr_link=fr_link, band=band, words=words)


def mount_static(app: FastAPI) -> None:
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")


def _page(request: Request, who: Caller | None, template: str, **context: Any) -> HTMLResponse:
    rt = deps.runtime(request)
    key = request.cookies.get(COOKIE, "")
    html = env.get_template(template).render(
        who=who,
        csrf=csrf_token(key) if key else "",
        newest_list=rt.regdata.lists.newest_snapshot.isoformat(),
        data_version=rt.regdata.version,
        today=date.today().isoformat(),
        path=request.url.path,
        **context,
    )
    return HTMLResponse(html)


def _who(request: Request, permission: str, form_token: str | None = None) -> Caller:
    checked = False
    if form_token is not None:
        key = request.cookies.get(COOKIE, "")
        if not key or form_token != csrf_token(key):
            raise Forbidden("send this form without its token", "browser")
        checked = True
    who = caller(request, form_token_checked=checked)
    if not who.may(permission):
        raise Forbidden(f"open this page ({permission})", who.role)
    return who


def _guard(request: Request, permission: str, render: Any, token: str | None = None) -> Response:
    """Run a page: to the login page without a key, an error page for bad input or a role
    without the permission (never a traceback)."""
    try:
        who = _who(request, permission, token)
        result: Response = render(who)
        return result
    except Unauthorized:
        return RedirectResponse(f"/login?next={request.url.path}", status_code=303)
    except Forbidden as exc:
        return _error(request, 403, str(exc))
    except BadInput as exc:
        status = 404 if type(exc).__name__ == "NotFound" else 422
        return _error(request, status, f"{exc.field}: {exc.message}")
    except EarmarkError as exc:
        return _error(request, 500, str(exc))


def _error(request: Request, status: int, message: str) -> HTMLResponse:
    page = _page(request, None, "error.html", status=status, message=message)
    page.status_code = status
    return page


def _day(value: str | None, field: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise BadInput(field, f"not a date in the form YYYY-MM-DD: {value[:40]!r}") from None


# -- login -------------------------------------------------------------------------------------


@router.get("/login")
def login_page(request: Request, next: str = "/") -> HTMLResponse:
    return _page(request, None, "login.html", next=next if next.startswith("/") else "/", error="")


@router.post("/login")
def login(
    request: Request, key: Annotated[str, Form(max_length=200)], next: Annotated[str, Form()] = "/"
) -> Response:
    from earmark.store.keys import identify

    with deps.runtime(request).store("earmark-service").read() as conn:
        found = identify(conn, key.strip())
    if found is None:
        page = _page(
            request, None, "login.html", next=next, error="That key is unknown or revoked."
        )
        page.status_code = 401
        return page
    target = next if next.startswith("/") and not next.startswith("//") else "/"
    response = RedirectResponse(target, status_code=303)
    response.set_cookie(
        COOKIE,
        key.strip(),
        httponly=True,
        samesite="strict",
        secure=request.url.scheme == "https",
        max_age=12 * 3600,
    )
    return response


@router.get("/logout")
def logout() -> Response:
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(COOKIE)
    return response


# -- screening ---------------------------------------------------------------------------------


@router.get("/")
def screen_page(
    request: Request,
    q: str = "",
    country: str = "",
    type: str = "",
    as_of: str = "",
) -> Response:
    def render(who: Caller) -> Response:
        result = None
        if q.strip():
            rt = deps.runtime(request)
            result = rt.screener.screen(
                q[:1000],
                country=country or None,
                type=type or None,
                as_of=_day(as_of, "as_of"),
            ).to_dict()
        return _page(
            request,
            who,
            "screen.html",
            q=q,
            country=country,
            type=type,
            as_of=as_of,
            result=result,
        )

    return _guard(request, SCREEN, render)


@router.get("/entries/{entry_id}")
def entry_page(request: Request, entry_id: str, q: str = "", as_of: str = "") -> Response:
    def render(who: Caller) -> Response:
        from earmark.store.workflows import entry_versions, entry_view

        rt = deps.runtime(request)
        day = _day(as_of, "as_of")
        entry = entry_view(rt.regdata, entry_id, day)
        marked_query: set[str] = set()
        marked_entry: set[str] = set()
        matched = None
        if q.strip():
            names = [entry["name"], *entry.get("aliases", [])]
            names += [v["name"] for v in entry_versions(rt.regdata, entry_id) if v["name"]]
            best = max(
                ((rt.screener.match(q[:1000], n, None), n) for n in names),
                key=lambda pair: pair[0].score,
            )
            matched = {"name": best[1], "score": best[0].score}
            for w in best[0].words:
                if w.score > 0:
                    marked_query.update(_fold(t) for t in str(w.query).split())
                    marked_entry.update(_fold(t) for t in str(w.listed or "").split())
        return _page(
            request,
            who,
            "entry.html",
            entry=entry,
            q=q,
            as_of=as_of,
            matched=matched,
            marked_query=marked_query,
            marked_entry=marked_entry,
            versions=entry_versions(rt.regdata, entry_id),
        )

    return _guard(request, READ_LISTS, render)


# -- reviews -----------------------------------------------------------------------------------


@router.get("/reviews")
def reviews_page(
    request: Request,
    status: str = "potential",
    list: str = "",
    min_score: str = "",
    raised_before: str = "",
    sel: int = 0,
) -> Response:
    def render(who: Caller) -> Response:
        from earmark.store.reviews import escalated, listing, reason_codes

        with deps.store(request, who).read() as conn:
            rows = listing(conn, None if status == "all" else status)
            up = escalated(conn)
        rows = [{**r, "escalated": up.get(int(r["id"]))} for r in rows]
        if list:
            rows = [r for r in rows if r["list"] == list.strip().upper()]
        if min_score:
            try:
                floor = float(min_score)
            except ValueError:
                raise BadInput("min_score", "a number from 0 to 1") from None
            rows = [r for r in rows if r["score"] >= floor]
        return _page(
            request,
            who,
            "reviews.html",
            rows=rows[:500],
            status=status,
            list=list,
            min_score=min_score,
            reasons=reason_codes(),
            sel=sel,
            can_review=who.may(REVIEW),
        )

    return _guard(request, READ_RECORDS, render)


@router.post("/reviews/{review_id}/decide")
def review_decide(
    request: Request,
    review_id: int,
    action: Annotated[str, Form()],
    reason: Annotated[str, Form(max_length=64)],
    csrf: Annotated[str, Form()],
    note: Annotated[str, Form(max_length=4000)] = "",
    back: Annotated[str, Form()] = "/reviews",
) -> Response:
    def render(who: Caller) -> Response:
        from earmark.store.reviews import decide, escalate

        with deps.store(request, who).write() as tx:
            if action == "escalate":
                escalate(tx, review_id, reason, note or None)
            elif action in ("clear", "confirm"):
                status = "cleared" if action == "clear" else "confirmed"
                decide(tx, review_id, status, reason, note or None)
            else:
                raise BadInput("action", "clear, confirm or escalate")
        target = back if back.startswith("/") and not back.startswith("//") else "/reviews"
        return RedirectResponse(target, status_code=303)

    return _guard(request, REVIEW, render, csrf)


@router.post("/reviews/bulk")
def review_bulk(
    request: Request,
    reason: Annotated[str, Form(max_length=64)],
    csrf: Annotated[str, Form()],
    ids: Annotated[list[int] | None, Form()] = None,
    note: Annotated[str, Form(max_length=4000)] = "",
) -> Response:
    def render(who: Caller) -> Response:
        from earmark.store.reviews import decide

        if not ids:
            raise BadInput("ids", "tick the hits to clear")
        with deps.store(request, who).write() as tx:
            for i in ids:
                decide(tx, i, "cleared", reason, note or None)
        return RedirectResponse("/reviews", status_code=303)

    return _guard(request, REVIEW, render, csrf)


# -- transaction check ---------------------------------------------------------------------------


def _example_case() -> str:
    path = HERE.parent / "cli" / "examples" / "cases.json"
    try:
        cases = json.loads(path.read_text(encoding="utf-8"))
        return json.dumps(cases[0]["case"], indent=2, ensure_ascii=False)
    except (OSError, ValueError, KeyError, IndexError):
        return "{}"


def _tree(decision: dict[str, Any]) -> list[dict[str, Any]]:
    """The reasons grouped by step, in the order the engine took the steps."""
    steps: dict[str, list[dict[str, Any]]] = {}
    for r in decision.get("reasons", []):
        steps.setdefault(str(r.get("step") or "other"), []).append(r)
    return [{"step": s, "reasons": rs} for s, rs in steps.items()]


@router.get("/check")
def check_page(request: Request) -> Response:
    def render(who: Caller) -> Response:
        return _page(
            request,
            who,
            "check.html",
            case_text=_example_case(),
            second="",
            result=None,
            diff=None,
            error="",
        )

    return _guard(request, SCREEN, render)


@router.post("/check")
def check_run(
    request: Request,
    case: Annotated[str, Form(max_length=200_000)],
    csrf: Annotated[str, Form()],
    second: Annotated[str, Form(max_length=20)] = "",
) -> Response:
    def render(who: Caller) -> Response:
        from earmark.rules.diff import decide_on_two_dates
        from earmark.store.records import record_decisions

        rt = deps.runtime(request)
        try:
            data = json.loads(case)
        except (ValueError, RecursionError):
            raise BadInput("case", "not valid JSON") from None
        decision = rt.engine.check(data, "case").to_dict()
        decision = record_decisions(deps.store(request, who), [(data, decision)])[0]
        request.app.state.metrics.decided(decision.get("license_required"))
        diff = None
        other = _day(second, "second")
        if other is not None:
            first = date.fromisoformat(decision["date"])
            diff = decide_on_two_dates(rt.engine, data, first, other, "case", False)
            mine = {(r["rule"], r["text"]) for r in diff["decisions"][0]["reasons"]}
            theirs = {(r["rule"], r["text"]) for r in diff["decisions"][1]["reasons"]}
            diff["trees"] = [_tree(d) for d in diff["decisions"]]
            diff["only"] = [mine - theirs, theirs - mine]
        return _page(
            request,
            who,
            "check.html",
            case_text=case,
            second=second,
            result=decision,
            tree=_tree(decision),
            diff=diff,
            error="",
        )

    return _guard(request, SCREEN, render, csrf)


# -- licenses and the timeline ---------------------------------------------------------------------


@router.get("/licenses")
def licenses_page(request: Request, on: str = "") -> Response:
    def render(who: Caller) -> Response:
        from earmark.store import licenses as ls

        day = _day(on, "on") or date.today()
        with deps.store(request, who).read() as conn:
            apps = ls.list_applications(conn)
            deadlines = {r["number"]: r for r in ls.overdue_report(conn, day)}
            lics = [ls.describe_license(conn, str(x["id"])) for x in ls.list_licenses(conn)]
        return _page(
            request,
            who,
            "licenses.html",
            apps=apps,
            deadlines=deadlines,
            licenses=lics,
            on=day.isoformat(),
            can_edit=who.may(LICENSING),
        )

    return _guard(request, READ_RECORDS, render)


@router.get("/timeline")
def timeline_page(request: Request, impact: str = "") -> Response:
    def render(who: Caller) -> Response:
        from earmark.store.workflows import impact_report, timeline

        rt = deps.runtime(request)
        tl = timeline(rt.regdata, None, None)
        report = None
        day = _day(impact, "impact")
        if day is not None:
            report = impact_report(deps.store(request, who), rt.engine, day, False)
        return _page(
            request, who, "timeline.html", events=tl["events"], report=report, impact=impact
        )

    return _guard(request, READ_RECORDS, render)


# -- evidence ---------------------------------------------------------------------------------


@router.get("/evidence/{kind}/{ref}")
def evidence_page(request: Request, kind: str, ref: str, format: str = "html") -> Response:
    def render(who: Caller) -> Response:
        from earmark.service.api_audit import evidence_pack, pdf_response
        from earmark.store.evidence import render_html

        if kind not in ("decisions", "screenings", "applications"):
            raise BadInput("kind", "decisions, screenings or applications")
        if format not in ("html", "pdf"):
            raise BadInput("format", "html or pdf")
        pack = evidence_pack(request, who, kind, ref)
        if format == "pdf":
            return pdf_response(pack, kind, ref)
        # The same page as `earmark audit export` writes (store/evidence.py escapes it).
        return HTMLResponse(render_html(pack, pdf_link="?format=pdf"))

    return _guard(request, AUDIT, render)
