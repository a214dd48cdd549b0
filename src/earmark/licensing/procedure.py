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


class Refused(BadInput):
    """A transition or shipment the rules do not allow: names what and why."""


# -- applications --------------------------------------------------------------------------------


def check_refer(app: dict[str, Any], chosen: list[str]) -> None:
    if app["status"] != "submitted":
        raise Refused(_name(app), f"cannot refer: it is {app['status']}")
    unknown = [a for a in chosen if a not in agencies()]
    if unknown or not chosen:
        raise BadInput("--agencies", f"one or more of {', '.join(agencies())} (got {chosen!r})")


def check_recommend(app: dict[str, Any], agency: str, recommendation: str, done: set[str]) -> None:
    if recommendation not in RECOMMENDATIONS:
        raise BadInput("--recommendation", f"one of {', '.join(RECOMMENDATIONS)}")
    if app["status"] not in ("referred", "escalated"):
        raise Refused(_name(app), f"cannot take a recommendation: it is {app['status']}")
    if agency not in (app.get("agencies") or []):
        raise Refused("--agency", f"{agency!r} was not referred {_name(app)}")
    if agency in done:
        raise Refused("--agency", f"{agency} has already recommended on {_name(app)}")


def disagreement(recommendations: dict[str, str]) -> bool:
    """Agencies disagree when one would deny and another approve."""
    values = set(recommendations.values())
    return "deny" in values and bool(values - {"deny"})


def check_escalate(app: dict[str, Any], recommendations: dict[str, str]) -> str:
    """The next escalation level (750.4: OC, ACEP, EARB, President)."""
    if app["status"] not in ("referred", "escalated"):
        raise Refused(_name(app), f"cannot escalate: it is {app['status']}")
    if not disagreement(recommendations):
        raise Refused(_name(app), "cannot escalate: the agencies do not disagree")
    order: list[str] = procedure()["escalation"]["order"]
    current = app.get("escalation")
    if current == order[-1]:
        raise Refused(_name(app), "cannot escalate: it is before the President already")
    return order[0] if current is None else order[order.index(current) + 1]


def check_decide(
    app: dict[str, Any], decision: str, recommendations: dict[str, str], on: date | None = None
) -> list[str]:
    """Refuse a decision the procedure does not allow yet; returns the agencies deemed to have
    no objection (silent past their recommendation deadline, E.O. 12981 sec. 5(a) [K])."""
    if decision not in FINAL:
        raise BadInput("--decision", f"one of {', '.join(FINAL)}")
    if app["status"] in FINAL:
        raise Refused(_name(app), f"cannot decide: it was {app['status']} on {app['decided_on']}")
    if decision == "returned_without_action":
        return []
    deemed: list[str] = []
    if app["status"] == "referred":
        pending = [a for a in app.get("agencies") or [] if a not in recommendations]
        due = _due(procedure()["deadlines"]["recommendation"], app)
        if pending and (on is None or on <= due):
            raise Refused(
                _name(app),
                f"cannot decide: waiting for {', '.join(pending)} (an agency silent after "
                f"{due} is deemed to have no objection)",
            )
        deemed = pending
        if disagreement(recommendations):
            raise Refused(
                _name(app),
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
    due = _due(rule, app)
    out: dict[str, Any] = {
        "deadline": name,
        "due": due.isoformat(),
        "overdue": on > due,
        "days_left": (due - on).days,
        "rule": rule["text"],
    }
    if who:
        out["agency"] = who
    return out


def _due(rule: dict[str, Any], app: dict[str, Any]) -> date:
    return date.fromisoformat(app[rule["from"]]) + timedelta(days=int(rule["days"]))


def _name(app: dict[str, Any]) -> str:
    return f"application {app['number']}"


# -- licenses and shipments ------------------------------------------------------------------------


def expiry(issued: date, valid_until: date | None) -> date:
    if valid_until is not None:
        if valid_until < issued:
            raise BadInput("--valid-until", "before the issue date")
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
        used = [s for s in shipped if s["eccn"] == item["eccn"]]
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


def check_shipment(
    lic: dict[str, Any],
    ship_on: date,
    eccn: str,
    quantity: float,
    value: float,
    balance: list[Balance],
) -> None:
    """Refuse a shipment after expiry, before issue, after a suspension or revocation, for an
    item the license does not cover, or beyond its quantity or value balance."""
    name = f"license {lic['number']}"
    if not 0 < quantity < math.inf:
        raise BadInput("--quantity", f"must be a finite number more than 0 (got {quantity})")
    if not 0 <= value < math.inf:
        raise BadInput("--value", f"must be a finite number of 0 or more (got {value})")
    if ship_on < date.fromisoformat(lic["issued_on"]):
        raise Refused(name, f"refused: the license was issued on {lic['issued_on']}")
    if ship_on > date.fromisoformat(lic["expires_on"]):
        raise Refused(name, f"refused: the license expired on {lic['expires_on']}")
    if lic["status"] in ("revoked", "suspended") and ship_on >= date.fromisoformat(
        lic["status_on"]
    ):
        raise Refused(
            name, f"refused: {lic['status']} from {lic['status_on']} ({lic['status_reason']})"
        )
    line = next((b for b in balance if b.eccn == eccn), None)
    if line is None:
        covered = ", ".join(b.eccn for b in balance)
        raise Refused("--eccn", f"refused: {name} covers {covered}, not {eccn}")
    if quantity > line.quantity_left + 1e-9:
        raise Refused(
            "--quantity", f"refused: {quantity:g} exceeds the balance of {line.quantity_left:g}"
        )
    if value > line.value_left + 0.005:
        raise Refused(
            "--value", f"refused: {value:,.2f} exceeds the value balance of {line.value_left:,.2f}"
        )
