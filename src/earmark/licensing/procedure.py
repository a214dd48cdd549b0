"""License applications and licenses as BIS handles them: states, transitions, deadlines,
and the draw-down of a license by shipments. Pure rules, no database: ``earmark.store``
keeps the records and calls these to decide what may happen.

Application states: ``submitted`` (registered) -> ``referred`` (to the reviewing agencies,
each of which recommends approve, approve_with_conditions or deny) -> ``escalated`` while a
disagreement goes up (Operating Committee, ACEP, EARB, President) -> a final state:
``approved``, ``approved_with_conditions``, ``denied`` or ``returned_without_action``.
BIS may decide without referral (750.3(a)), and may return an application at any open step.
"""

from __future__ import annotations

import math
import tomllib
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

from earmark import errors
from earmark.errors import BadInput

OPEN = ("submitted", "referred", "escalated")
FINAL = ("approved", "approved_with_conditions", "denied", "returned_without_action")
RECOMMENDATIONS = ("approve", "approve_with_conditions", "deny")


@lru_cache(maxsize=1)
def procedure() -> dict[str, Any]:
    path = Path(__file__).resolve().parent / "data" / "procedure.toml"
    with path.open("rb") as fh:
        data: dict[str, Any] = tomllib.load(fh)
    return data


def agencies() -> dict[str, str]:
    result: dict[str, str] = procedure()["agencies"]
    return result


Refused = errors.Refused  # a transition or shipment the rules do not allow (409 over HTTP)


# -- applications --------------------------------------------------------------------------------


def check_refer(app: dict[str, Any], chosen: list[str]) -> None:
    if app["status"] != "submitted":
        raise Refused(application_name(app), f"cannot refer: it is {app['status']}")
    unknown = [a for a in chosen if a not in agencies()]
    if unknown or not chosen:
        raise BadInput("agencies", f"one or more of {', '.join(agencies())} (got {chosen!r})")


def check_recommend(app: dict[str, Any], agency: str, recommendation: str, done: set[str]) -> None:
    if recommendation not in RECOMMENDATIONS:
        raise BadInput("recommendation", f"one of {', '.join(RECOMMENDATIONS)}")
    if app["status"] not in ("referred", "escalated"):
        raise Refused(application_name(app), f"cannot take a recommendation: it is {app['status']}")
    if agency not in (app.get("agencies") or []):
        raise Refused("agency", f"{agency!r} was not referred {application_name(app)}")
    if agency in done:
        raise Refused("agency", f"{agency} has already recommended on {application_name(app)}")


def disagreement(recommendations: dict[str, str]) -> bool:
    """Agencies disagree when one would deny and another approve."""
    values = set(recommendations.values())
    return "deny" in values and bool(values - {"deny"})


def check_escalate(
    app: dict[str, Any],
    recommendations: dict[str, str],
    on: date | None = None,
    level_decided_on: date | None = None,
) -> str:
    """The next escalation level (750.4(f): OC, ACEP, EARB, President). An appeal from a
    level's decision comes within 5 days of it, or that decision is final (750.4(f))."""
    if app["status"] not in ("referred", "escalated"):
        raise Refused(application_name(app), f"cannot escalate: it is {app['status']}")
    if not disagreement(recommendations):
        raise Refused(application_name(app), "cannot escalate: the agencies do not disagree")
    order: list[str] = procedure()["escalation"]["order"]
    current = app.get("escalation")
    if current == order[-1]:
        raise Refused(application_name(app), "cannot escalate: it is before the President already")
    if level_decided_on is not None:
        if current is None:
            raise BadInput("decided_on", "only an appeal from an escalation level has one")
        _check_appeal(app, current, level_decided_on, on)
    return order[0] if current is None else order[order.index(current) + 1]


def _check_appeal(app: dict[str, Any], level: str, decided: date, on: date | None) -> None:
    appeal = procedure()["appeal"]
    if decided < date.fromisoformat(app["escalated_on"]):
        raise BadInput("decided_on", f"{decided} is before the escalation of {app['escalated_on']}")
    last = decided + timedelta(days=int(appeal["days"]))
    if on is not None and on < decided:
        raise BadInput("on", f"{on} is before the decision appealed ({decided})")
    if on is not None and on > last:
        raise Refused(
            application_name(app),
            f"cannot escalate: the {level} decision of {decided} became final after {last} "
            f"({appeal[level]})",
        )


def check_decide(
    app: dict[str, Any], decision: str, recommendations: dict[str, str], on: date | None = None
) -> list[str]:
    """Refuse a decision the procedure does not allow yet; returns the agencies deemed to have
    no objection (silent past their recommendation deadline, 750.4(e))."""
    if decision not in FINAL:
        raise BadInput("decision", f"one of {', '.join(FINAL)}")
    if app["status"] in FINAL:
        raise Refused(
            application_name(app), f"cannot decide: it was {app['status']} on {app['decided_on']}"
        )
    if decision == "returned_without_action":
        return []
    deemed: list[str] = []
    if app["status"] == "referred":
        pending = [a for a in app.get("agencies") or [] if a not in recommendations]
        due = _due(procedure()["deadlines"]["recommendation"], app, on)
        if pending and (on is None or on <= due):
            raise Refused(
                application_name(app),
                f"cannot decide: waiting for {', '.join(pending)} (an agency silent after "
                f"{due} is deemed to have no objection)",
            )
        deemed = pending
        if disagreement(recommendations):
            raise Refused(
                application_name(app),
                "cannot decide: the agencies disagree; escalate to the Operating Committee (750.4)",
            )
    return deemed


def deadlines(
    app: dict[str, Any], recommendations: dict[str, str], on: date
) -> list[dict[str, Any]]:
    """The deadlines that apply to an open application now, each with its due date and
    whether it is overdue on ``on``."""
    if app["status"] not in OPEN:
        return []
    rules = procedure()["deadlines"]
    # Referral to the President meets the 90-day rule (750.4(a)(1)).
    out = (
        []
        if app.get("escalation") == "president"
        else [_deadline("overall", rules["overall"], app, on)]
    )
    if app["status"] == "submitted":
        out.append(_deadline("referral", rules["referral"], app, on))
    if app["status"] == "referred":
        for agency in app.get("agencies") or []:
            if agency not in recommendations:
                out.append(_deadline("recommendation", rules["recommendation"], app, on, agency))
    if app["status"] == "escalated" and app.get("escalation") in rules:
        out.append(_deadline(app["escalation"], rules[app["escalation"]], app, on))
    return out


def _deadline(
    name: str, rule: dict[str, Any], app: dict[str, Any], on: date, who: str | None = None
) -> dict[str, Any]:
    due = _due(rule, app, on)
    out: dict[str, Any] = {
        "deadline": name,
        "due": due.isoformat(),
        "overdue": on > due,
        "days_left": (due - on).days,
        "rule": rule["text"],
    }
    held = held_days(app.get("holds") or [], _start(rule, app, on), on)
    if held:
        out["days_on_hold"] = held  # not counted (750.4(b)): the due date moved by them
    if who:
        out["agency"] = who
    return out


def _start(rule: dict[str, Any], app: dict[str, Any], on: date | None = None) -> date:
    if rule["from"] == "recommendations_due":  # 750.4(f)(1)(i): as moved by any holds
        return _due(procedure()["deadlines"]["recommendation"], app, on)
    return date.fromisoformat(app[rule["from"]])


def _due(rule: dict[str, Any], app: dict[str, Any], on: date | None = None) -> date:
    """The deadline's day: its start plus its days, plus the days on hold since the start
    (750.4(b)); a hold still open counts up to ``on``."""
    start = _start(rule, app, on)
    held = held_days(app.get("holds") or [], start, on)
    return start + timedelta(days=int(rule["days"]) + held)


def held_days(holds: list[dict[str, Any]], start: date, on: date | None) -> int:
    total = 0
    for hold in holds:
        begin = max(date.fromisoformat(hold["started_on"]), start)
        end = date.fromisoformat(hold["ended_on"]) if hold.get("ended_on") else on or begin
        total += max(0, (end - begin).days)
    return total


def check_hold(app: dict[str, Any], reason: str) -> None:
    reasons: dict[str, str] = procedure()["holds"]
    if reason not in reasons:
        raise BadInput("reason", f"one of {', '.join(reasons)} (750.4(b))")
    if app["status"] not in OPEN:
        raise Refused(application_name(app), f"cannot hold: it is {app['status']}")
    if any(not h.get("ended_on") for h in app.get("holds") or []):
        raise Refused(application_name(app), "it is on hold already")


def check_resume(app: dict[str, Any], on: date) -> dict[str, Any]:
    """The open hold that ``on`` ends."""
    if app["status"] not in OPEN:
        raise Refused(application_name(app), f"cannot resume: it is {app['status']}")
    holds: list[dict[str, Any]] = app.get("holds") or []
    hold = next((h for h in holds if not h.get("ended_on")), None)
    if hold is None:
        raise Refused(application_name(app), "it is not on hold")
    if on < date.fromisoformat(hold["started_on"]):
        raise BadInput("on", f"{on} is before the hold began ({hold['started_on']})")
    return hold


def application_name(app: dict[str, Any]) -> str:
    return f"application {app['number']}"


# -- licenses and shipments ------------------------------------------------------------------------


def expiry(issued: date, valid_until: date | None) -> date:
    if valid_until is not None:
        if valid_until < issued:
            raise BadInput("valid_until", "before the issue date")
        return valid_until
    years = int(procedure()["license"]["validity_years"])
    try:
        return issued.replace(year=issued.year + years)
    except ValueError:  # 29 February
        return issued.replace(year=issued.year + years, day=28)


@dataclass(frozen=True)
class Balance:
    eccn: str
    quantity: float
    value: float
    used_quantity: float
    used_value: float

    @property
    def quantity_left(self) -> float:
        return self.quantity - self.used_quantity

    @property
    def value_left(self) -> float:
        return self.value - self.used_value

    def to_dict(self) -> dict[str, Any]:
        return {
            "eccn": self.eccn,
            "quantity": self.quantity,
            "value": self.value,
            "quantity_left": round(self.quantity_left, 6),
            "value_left": round(self.value_left, 2),
        }


def balances(items: list[dict[str, Any]], shipped: list[dict[str, Any]]) -> list[Balance]:
    out = []
    for item in items:
        # A cancelled shipment draws nothing; a planned one holds its share until cancelled.
        used = [s for s in shipped if s["eccn"] == item["eccn"] and s["status"] != "cancelled"]
        out.append(
            Balance(
                item["eccn"],
                float(item["quantity"]),
                float(item["value"]),
                sum(float(s["quantity"]) for s in used),
                sum(float(s["value"]) for s in used),
            )
        )
    return out


def status_on(history: list[dict[str, Any]], day: date) -> dict[str, Any] | None:
    """The status in force on ``day``: the latest change dated on or before it. A revocation
    is final: once in force, no later change undoes it. None before the license was issued."""
    when = day.isoformat()
    in_force = [h for h in history if h["effective"] <= when]
    revoked = [h for h in in_force if h["status"] == "revoked"]
    if revoked:
        return min(revoked, key=lambda h: (h["effective"], h["id"]))
    return max(in_force, key=lambda h: (h["effective"], h["id"])) if in_force else None


def check_status_change(
    history: list[dict[str, Any]], status: str, on: date, name: str, issued_on: str | None = None
) -> None:
    """Status changes are kept in date order; a revocation may be dated before later changes
    (it ends the license from its date whatever came after), a suspension or reinstatement
    may not, since it would rewrite which suspension a later reinstatement lifted."""
    if issued_on is not None and on.isoformat() < issued_on:
        raise BadInput("on", f"{on} is before the license was issued ({issued_on})")
    revoked = next((h for h in history if h["status"] == "revoked"), None)
    if revoked is not None:
        raise Refused(name, f"cannot change: revoked on {revoked['effective']}")
    current = status_on(history, date.max)
    if current is not None and current["status"] == status:
        raise Refused(name, f"it is {status} already (from {current['effective']})")
    latest = max((h["effective"] for h in history), default=None)
    if status != "revoked" and latest is not None and on.isoformat() < latest:
        raise Refused(
            name, f"cannot mark it {status} from {on}: its status last changed on {latest}"
        )


def check_shipment(
    lic: dict[str, Any],
    ship_on: date,
    eccn: str,
    quantity: float,
    value: float,
    balance: list[Balance],
    history: list[dict[str, Any]],
) -> None:
    """Refuse a shipment after expiry, before issue, on a date the license was suspended or
    revoked (by its status history, so a lifted suspension still covers its own days), for an
    item the license does not cover, or beyond its quantity or value balance."""
    name = f"license {lic['number']}"
    if not 0 < quantity < math.inf:
        raise BadInput("quantity", f"must be a finite number more than 0 (got {quantity})")
    if not 0 <= value < math.inf:
        raise BadInput("value", f"must be a finite number of 0 or more (got {value})")
    if ship_on < date.fromisoformat(lic["issued_on"]):
        raise Refused(name, f"refused: the license was issued on {lic['issued_on']}")
    if ship_on > date.fromisoformat(lic["expires_on"]):
        raise Refused(name, f"refused: the license expired on {lic['expires_on']}")
    status = status_on(history, ship_on)
    if status is not None and status["status"] in ("revoked", "suspended"):
        raise Refused(
            name,
            f"refused: {status['status']} from {status['effective']} ({status['reason']})",
        )
    line = next((b for b in balance if b.eccn == eccn), None)
    if line is None:
        covered = ", ".join(b.eccn for b in balance)
        raise Refused("eccn", f"refused: {name} covers {covered}, not {eccn}")
    if quantity > line.quantity_left + 1e-9:
        raise Refused(
            "quantity", f"refused: {quantity:g} exceeds the balance of {line.quantity_left:g}"
        )
    if value > line.value_left + 0.005:
        raise Refused(
            "value", f"refused: {value:,.2f} exceeds the value balance of {line.value_left:,.2f}"
        )
