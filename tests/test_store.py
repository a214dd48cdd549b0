"""The store (issue 5): records, reviews, licensing, events, impact and the audit trail.

Every test runs against a fresh SQLite file and a fresh PostgreSQL schema.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select, text

from earmark.errors import BadInput
from earmark.licensing.procedure import Refused
from earmark.rules import Engine
from earmark.store import licenses as ls
from earmark.store import records, reviews
from earmark.store.audit import verify
from earmark.store.core import Store, dispose_all
from earmark.store.impact import impact, matcher
from earmark.store.schema import audit_log, decisions, hit_reviews, screenings
from tests.store_helpers import BACKENDS, fresh_url

HUAWEI = "Huawei Technologies Co., Ltd."


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine()


@pytest.fixture(params=BACKENDS)
def url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    yield from fresh_url(request.param, tmp_path)
    dispose_all()


@pytest.fixture
def store(url: str) -> Store:
    return Store(url, actor="alice")


def _count(store: Store, table: Any) -> int:
    with store.read() as conn:
        return int(conn.execute(select(func.count()).select_from(table)).scalar_one())


def _ok(store: Store) -> dict[str, Any]:
    with store.read() as conn:
        return verify(conn).to_dict()


# -- records and reviews ---------------------------------------------------------------------


def test_screening_is_recorded_and_hits_raised_once(store: Store, engine: Engine) -> None:
    result = engine.screener.screen("Huawei Device Co Ltd", country="CN")
    first = records.record_screening(store, result)
    assert first["record"]["screening_id"] == 1
    assert first["data_version"] == engine.regdata.version
    assert all(m["review"]["status"] == "potential" for m in first["matches"])
    again = records.record_screening(
        store, engine.screener.screen("Huawei Device Co Ltd", country="CN")
    )
    # The same pairs are not opened twice: one review per (name, entry).
    assert [m["review"]["id"] for m in again["matches"]] == [
        m["review"]["id"] for m in first["matches"]
    ]
    assert _count(store, hit_reviews) == len(first["matches"])
    assert _ok(store)["ok"]


def test_cleared_pair_is_not_raised_until_the_entry_changes(store: Store, engine: Engine) -> None:
    name = "Huawei Device Co Ltd"
    first = records.record_screening(store, engine.screener.screen(name, country="CN"))
    review_id = first["matches"][1]["review"]["id"]
    with store.write() as tx:
        cleared = reviews.decide(tx, review_id, "cleared", "different_name", "a different Huawei")
    assert cleared["reviewer"] == "alice" and cleared["reason_code"] == "different_name"
    second = records.record_screening(store, engine.screener.screen(name, country="CN"))
    brief = second["matches"][1]["review"]
    assert brief == {
        "id": review_id,
        "status": "cleared",
        "raised": False,
        "reason_code": "different_name",
    }
    # The listed entry changes (a new address, say): its fingerprint no longer matches.
    with store.write() as tx:
        tx.change(hit_reviews, review_id, {"entry_fingerprint": "0" * 64}, "test.entry_changed")
    third = records.record_screening(store, engine.screener.screen(name, country="CN"))
    raised = third["matches"][1]["review"]
    assert raised["status"] == "potential" and raised["raised"] is True
    assert "changed" in raised["why"]
    assert _ok(store)["ok"]


def test_review_decisions_need_known_reason_codes(store: Store, engine: Engine) -> None:
    first = records.record_screening(store, engine.screener.screen(HUAWEI, country="CN"))
    review_id = first["matches"][0]["review"]["id"]
    with pytest.raises(BadInput, match="reason"), store.write() as tx:
        reviews.decide(tx, review_id, "cleared", "looks fine", None)
    with store.write() as tx:
        reviews.decide(tx, review_id, "confirmed", "exact_name", None)
    with pytest.raises(BadInput, match="already confirmed"), store.write() as tx:
        reviews.decide(tx, review_id, "confirmed", "exact_name", None)


def test_party_status_follows_its_reviews(store: Store, engine: Engine) -> None:
    out = records.add_party(store, engine.screener, HUAWEI, "customer", "CN")
    assert out["party"]["status"] == "potential_match"
    for m in out["screening"]["matches"]:
        with store.write() as tx:
            reviews.decide(tx, m["review"]["id"], "cleared", "other", "test")
    with store.read() as conn:
        assert records.list_parties(conn)[0]["status"] == "clear"
    with pytest.raises(BadInput, match="kind"):
        records.add_party(store, engine.screener, "ACME", "friend")


def test_decisions_are_recorded_all_or_none(store: Store, engine: Engine) -> None:
    case = {
        "date": "2021-01-04",
        "destination": "CN",
        "item": {"eccn": "EAR99", "origin": "US"},
        "parties": [{"role": "end_user", "name": HUAWEI}],
    }
    decided = engine.check(case).to_dict()
    out = records.record_decisions(store, [(case, decided), (case, decided)])
    assert [o["record"]["decision_id"] for o in out] == [1, 2]
    with store.read() as conn:
        row = conn.execute(select(decisions).where(decisions.c.id == 1)).mappings().one()
    assert row["license_required"] == "true" and row["date"] == "2021-01-04"
    assert json.loads(row["decision"])["data_version"] == engine.regdata.version
    # A transaction that fails part-way keeps nothing of itself.
    with pytest.raises(KeyError), store.write() as tx:
        tx.insert(decisions, {k: v for k, v in row.items() if k != "id"}, "decision.record")
        raise KeyError("failure after the first insert")
    assert _count(store, decisions) == 2 and _ok(store)["ok"]


# -- license applications and licenses -----------------------------------------------------------

PARTIES = [{"role": "ultimate_consignee", "name": "Acme Networks GmbH", "country": "DE"}]


def _apply(
    store: Store,
    engine: Engine,
    on: str,
    parties: list[dict[str, Any]] | None = None,
    destination: str = "DE",
) -> dict[str, Any]:
    ccl = engine.regdata.ear.ccl
    items = ls.validate_items([{"eccn": "5A002.a", "quantity": 10, "value": 50000}], ccl)
    people = ls.validate_parties(parties or PARTIES)
    return ls.apply(
        store, "US Exporter Inc.", destination, people, items, "telecom", date.fromisoformat(on)
    )


def test_application_procedure_and_its_refusals(store: Store, engine: Engine) -> None:
    app = _apply(store, engine, "2026-01-05")
    assert app["number"] == "Z0000001" and app["status"] == "submitted"
    d = date.fromisoformat
    with pytest.raises(Refused, match="cannot take a recommendation"):
        ls.recommend(store, app["number"], "state", "approve", None, d("2026-01-06"))
    ls.refer(store, app["number"], ["state", "defense"], d("2026-01-08"))
    with pytest.raises(Refused, match="cannot refer: it is referred"):
        ls.refer(store, app["number"], ["energy"], d("2026-01-09"))
    ls.recommend(store, app["number"], "state", "deny", None, d("2026-01-20"))
    with pytest.raises(Refused, match="waiting for defense"):
        ls.decide(store, app["number"], "approved", d("2026-01-21"), None, [], None, None)
    rec = ls.recommend(store, app["number"], "defense", "approve", None, d("2026-01-25"))
    assert rec["disagreement"] is True
    with pytest.raises(Refused, match="disagree"):
        ls.decide(store, app["number"], "approved", d("2026-01-26"), None, [], None, None)
    escalated = ls.escalate(store, app["number"], d("2026-01-27"))
    assert escalated["escalation"] == "operating_committee"
    assert ls.escalate(store, app["number"], d("2026-02-05"))["escalation"] == "acep"
    out = ls.decide(
        store,
        app["number"],
        "approved_with_conditions",
        d("2026-02-10"),
        None,
        ["no reexport to D:5"],
        None,
        None,
    )
    lic = out["license"]
    assert lic["number"] == "D000001" and lic["issued_on"] == "2026-02-10"
    assert lic["expires_on"] == "2030-02-10"  # 750.7(g): four years
    with pytest.raises(Refused, match="cannot decide"):
        ls.decide(store, app["number"], "denied", d("2026-02-11"), None, [], None, None)
    assert _ok(store)["ok"]


def test_denied_application_cannot_be_approved(store: Store, engine: Engine) -> None:
    app = _apply(store, engine, "2026-01-05")
    ls.decide(store, app["number"], "denied", date(2026, 1, 10), "policy", [], None, None)
    with pytest.raises(Refused, match="it was denied on 2026-01-10"):
        ls.decide(store, app["number"], "approved", date(2026, 1, 11), None, [], None, None)


def test_shipments_draw_down_and_are_refused_with_the_reason(store: Store, engine: Engine) -> None:
    app = _apply(store, engine, "2026-01-05")
    lic = ls.decide(
        store, app["number"], "approved", date(2026, 1, 10), None, [], date(2026, 12, 31), None
    )["license"]
    n = lic["number"]
    out = ls.ship(store, n, "5A002.a", 4, 20000, date(2026, 2, 1))
    assert out["balance"][0]["quantity_left"] == 6 and out["balance"][0]["value_left"] == 30000
    with pytest.raises(Refused, match="exceeds the balance of 6"):
        ls.ship(store, n, "5A002.a", 7, 1000, date(2026, 2, 2))
    with pytest.raises(Refused, match="value balance"):
        ls.ship(store, n, "5A002.a", 1, 40000, date(2026, 2, 2))
    with pytest.raises(Refused, match="expired on 2026-12-31"):
        ls.ship(store, n, "5A002.a", 1, 10, date(2027, 1, 1))
    with pytest.raises(Refused, match=r"covers 5A002\.a, not 5A992\.c"):
        ls.ship(store, n, "5A992.c", 1, 10, date(2026, 2, 2))
    ls.set_status(store, n, "revoked", date(2026, 3, 1), "BIS letter")
    ls.ship(store, n, "5A002.a", 1, 10, date(2026, 2, 20))  # before the revocation
    with pytest.raises(Refused, match="revoked from 2026-03-01"):
        ls.ship(store, n, "5A002.a", 1, 10, date(2026, 3, 2))
    with pytest.raises(Refused, match="revoked on"):
        ls.set_status(store, n, "active", date(2026, 3, 3), "appeal")
    assert _ok(store)["ok"]


def test_overdue_applications_by_750_4_deadlines(store: Store, engine: Engine) -> None:
    _apply(store, engine, "2026-01-05")
    second = _apply(store, engine, "2026-01-05")
    ls.refer(store, second["number"], ["state"], date(2026, 1, 8))
    with store.read() as conn:
        report = ls.overdue_report(conn, date(2026, 1, 20))
    first = next(r for r in report if r["number"] == "Z0000001")
    referral = next(d for d in first["deadlines"] if d["deadline"] == "referral")
    assert referral["due"] == "2026-01-14" and referral["overdue"] is True  # 9 days, 750.4(c)
    other = next(r for r in report if r["number"] == second["number"])
    rec = next(d for d in other["deadlines"] if d["deadline"] == "recommendation")
    assert rec["due"] == "2026-02-07" and rec["overdue"] is False and rec["agency"] == "state"
    assert report[0]["overdue"] is True  # overdue ones first


def test_holds_move_the_deadlines_and_appeals_have_five_days(store: Store, engine: Engine) -> None:
    d = date.fromisoformat
    app = _apply(store, engine, "2026-01-05")
    n = app["number"]
    ls.hold(store, n, "information", d("2026-01-07"), "asked for the end-user statement")
    with pytest.raises(Refused, match="on hold already"):
        ls.hold(store, n, "pre_license_check", d("2026-01-08"), None)
    with store.read() as conn:
        (row,) = [r for r in ls.overdue_report(conn, d("2026-01-20")) if r["number"] == n]
    referral = next(x for x in row["deadlines"] if x["deadline"] == "referral")
    # 9 days from 01-05, plus the 13 days on hold so far (01-07 to 01-20): not overdue.
    assert row["on_hold"] == "information" and referral["days_on_hold"] == 13
    assert referral["due"] == "2026-01-27" and referral["overdue"] is False
    ls.resume(store, n, d("2026-01-17"))
    with store.read() as conn:
        (row,) = [r for r in ls.overdue_report(conn, d("2026-01-20")) if r["number"] == n]
    overall = next(x for x in row["deadlines"] if x["deadline"] == "overall")
    assert overall["due"] == "2026-04-15" and overall["days_on_hold"] == 10  # 90 + 10 days
    with pytest.raises(Refused, match="not on hold"):
        ls.resume(store, n, d("2026-01-18"))
    with pytest.raises(BadInput, match="reason"):
        ls.hold(store, n, "lunch", d("2026-01-18"), None)
    ls.refer(store, n, ["state", "defense"], d("2026-01-19"))
    ls.recommend(store, n, "state", "approve", None, d("2026-01-25"))
    ls.recommend(store, n, "defense", "deny", None, d("2026-01-26"))
    ls.escalate(store, n, d("2026-02-01"))
    with store.read() as conn:
        (row,) = [r for r in ls.overdue_report(conn, d("2026-02-01")) if r["number"] == n]
    oc = next(x for x in row["deadlines"] if x["deadline"] == "operating_committee")
    # 14 days after the deadline for recommendations (01-19 + 30 = 02-18): 03-04.
    assert oc["due"] == "2026-03-04" and "750.4(f)(1)(i)" in oc["rule"]
    with pytest.raises(Refused, match=r"became final after 2026-02-15 \(750.4\(f\)\(1\)\(ii\)"):
        ls.escalate(store, n, d("2026-02-20"), level_decided_on=d("2026-02-10"))
    out = ls.escalate(store, n, d("2026-02-14"), level_decided_on=d("2026-02-10"))
    assert out["escalation"] == "acep"
    assert _ok(store)["ok"]


def test_review_findings_of_session_4(store: Store, engine: Engine) -> None:
    """The independent review's findings, each fixed: the OC deadline follows a recommendation
    deadline moved by a hold; an event dated before a license's own later suspension is
    listed for a person; the applicant is checked on amendment; a decision ends an open
    hold; a status change dated before issue is refused."""
    d = date.fromisoformat
    n = _apply(store, engine, "2026-01-01")["number"]
    ls.refer(store, n, ["state", "defense"], d("2026-01-02"))
    ls.hold(store, n, "information", d("2026-01-05"), None)
    ls.resume(store, n, d("2026-01-25"))
    ls.recommend(store, n, "state", "approve", None, d("2026-01-26"))
    ls.recommend(store, n, "defense", "deny", None, d("2026-01-27"))
    ls.escalate(store, n, d("2026-01-28"))
    with store.read() as conn:
        (row,) = [r for r in ls.overdue_report(conn, d("2026-02-20")) if r["number"] == n]
    oc = next(x for x in row["deadlines"] if x["deadline"] == "operating_committee")
    assert oc["due"] == "2026-03-07" and not oc["overdue"]  # 02-01 + 20 held + 14
    with pytest.raises(BadInput, match="applicant: longer than 1000"):
        ls.amend(store, _apply(store, engine, "2026-01-01")["number"], {"applicant": "A" * 1001},
                 d("2026-01-02"), None)  # fmt: skip
    held = _apply(store, engine, "2026-01-01")["number"]
    ls.hold(store, held, "information", d("2026-01-03"), None)
    ls.decide(store, held, "denied", d("2026-01-09"), None, [], None, None)
    with store.read() as conn:
        assert ls.get_application(conn, held)["holds"][0]["ended_on"] == "2026-01-09"
    with pytest.raises(Refused, match="cannot resume: it is denied"):
        ls.resume(store, held, d("2026-01-10"))
    huawei = [{"role": "ultimate_consignee", "name": HUAWEI, "country": "CN"}]
    lic = _license(store, engine, "2026-01-10", parties=huawei, destination="CN")
    with pytest.raises(BadInput, match="before the license was issued"):
        ls.set_status(store, lic, "revoked", d("2026-01-01"), "backdated too far")
    ls.set_status(store, lic, "suspended", d("2026-03-01"), "query")
    out = ls.add_event(store, "Suspension", "suspend_licenses", d("2026-02-01"),
                       {"footnote": 1}, None, matcher(engine.screener))  # fmt: skip
    assert out["licenses_changed"] == []
    assert "after the event's date 2026-02-01" in out["licenses_not_changed"][0]["why"]
    assert _ok(store)["ok"]


def test_a_party_changed_while_an_edit_screens_it_is_not_overwritten(
    store: Store, engine: Engine
) -> None:
    party = records.add_party(store, engine.screener, "Acme Widgets Inc", "customer", "US")
    pid = party["party"]["id"]

    class Meanwhile:
        """Screens as asked; meanwhile another user renames the party."""

        def screen(self, name: str, **kw: Any) -> Any:
            records.edit_party(store, engine.screener, pid, {"name": HUAWEI, "country": "CN"})
            return engine.screener.screen(name, **kw)

    with pytest.raises(BadInput, match="changed meanwhile"):
        records.edit_party(store, Meanwhile(), pid, {"address": "1 Main St"})
    with store.read() as conn:
        (now,) = [p for p in records.list_parties(conn) if p["id"] == pid]
    assert now["name"] == HUAWEI and now["subject_key"].endswith("|CN")
    assert now["status"] == "potential_match"
    assert _ok(store)["ok"]


# -- policy events and impact ---------------------------------------------------------------------


def test_revocation_event_reaches_huawei_licenses(store: Store, engine: Engine) -> None:
    huawei = [{"role": "ultimate_consignee", "name": HUAWEI, "country": "CN"}]
    app = _apply(store, engine, "2023-01-03", huawei, "CN")
    lic = ls.decide(store, app["number"], "approved", date(2023, 1, 10), None, [], None, None)[
        "license"
    ]
    other = _apply(store, engine, "2023-01-03")
    other_lic = ls.decide(
        store, other["number"], "approved", date(2023, 1, 10), None, [], None, None
    )["license"]
    ls.ship(store, lic["number"], "5A002.a", 1, 100, date(2024, 6, 1), planned=True)
    out = ls.add_event(
        store,
        "Revocation of licenses for Huawei",
        "revoke_licenses",
        date(2024, 5, 7),
        {"footnote": 1},
        "news reports, May 2024",
        matcher(engine.screener),
    )
    assert out["licenses_changed"] == [lic["number"]]
    with store.read() as conn:
        assert ls.get_license(conn, other_lic["number"])["status"] == "active"
    report = impact(store, engine, date(2024, 6, 1))
    kinds = {(c["kind"], c.get("number") or c.get("license")) for c in report["changes"]}
    assert ("license", lic["number"]) in kinds
    assert ("planned_shipment", lic["number"]) in kinds
    with pytest.raises(Refused, match="revoked from 2024-05-07"):
        ls.ship(store, lic["number"], "5A002.a", 1, 100, date(2024, 6, 2))
    assert _ok(store)["ok"]


def _license(store: Store, engine: Engine, on: str = "2026-01-10", **kw: Any) -> str:
    app = _apply(store, engine, "2026-01-05", **kw)
    out = ls.decide(store, app["number"], "approved", date.fromisoformat(on), None, [], None, None)
    return str(out["license"]["number"])


def test_a_lifted_suspension_still_covers_its_own_days(store: Store, engine: Engine) -> None:
    n = _license(store, engine)
    d = date.fromisoformat
    ls.set_status(store, n, "suspended", d("2026-03-01"), "BIS: under review")
    ls.set_status(store, n, "active", d("2026-04-01"), "review ended")
    with pytest.raises(Refused, match="suspended from 2026-03-01 \\(BIS: under review\\)"):
        ls.ship(store, n, "5A002.a", 1, 10, d("2026-03-15"))  # inside the lifted suspension
    ls.ship(store, n, "5A002.a", 1, 10, d("2026-02-15"))  # before it
    ls.ship(store, n, "5A002.a", 1, 10, d("2026-04-02"))  # after it
    with pytest.raises(Refused, match="its status last changed on 2026-04-01"):
        ls.set_status(store, n, "suspended", d("2026-03-20"), "backdated")
    # A revocation may be backdated: it ends the license from its date, whatever came after.
    ls.set_status(store, n, "revoked", d("2026-03-20"), "BIS letter")
    with pytest.raises(Refused, match="revoked from 2026-03-20"):
        ls.ship(store, n, "5A002.a", 1, 10, d("2026-05-01"))
    with store.read() as conn:
        lic = ls.get_license(conn, n)
        history = [(h["status"], h["effective"]) for h in ls.status_history(conn, lic["id"])]
    assert (lic["status"], lic["status_on"]) == ("revoked", "2026-03-20")
    assert history == [
        ("active", "2026-01-10"),
        ("suspended", "2026-03-01"),
        ("active", "2026-04-01"),
        ("revoked", "2026-03-20"),
    ]
    # The shipment of 2026-04-02 now falls in the revoked period: impact says so.
    report = impact(store, engine, d("2026-05-01"))
    what = next(c["what"] for c in report["changes"] if c.get("number") == n)
    assert "falls in the revoked period from 2026-03-20" in what
    assert _ok(store)["ok"]


def test_planned_shipments_are_shipped_or_cancelled(store: Store, engine: Engine) -> None:
    n = _license(store, engine)
    d = date.fromisoformat
    planned = ls.ship(store, n, "5A002.a", 6, 30000, d("2026-02-01"), planned=True)
    sid = planned["shipment"]["id"]
    with pytest.raises(Refused, match="exceeds the balance of 4"):  # the plan holds its share
        ls.ship(store, n, "5A002.a", 5, 10, d("2026-02-02"))
    cancelled = ls.cancel_shipment(store, sid, "order cancelled")
    assert cancelled["balance"][0]["quantity_left"] == 10
    with pytest.raises(Refused, match="it is cancelled, not planned"):
        ls.complete_shipment(store, sid, d("2026-02-03"))
    second = ls.ship(store, n, "5A002.a", 2, 100, d("2026-03-01"), planned=True)["shipment"]
    ls.set_status(store, n, "suspended", d("2026-03-01"), "BIS: under review")
    with pytest.raises(Refused, match="suspended from 2026-03-01"):
        ls.complete_shipment(store, second["id"], d("2026-03-05"))
    ls.set_status(store, n, "active", d("2026-03-10"), "review ended")
    done = ls.complete_shipment(store, second["id"], d("2026-03-11"))
    assert done["shipment"]["status"] == "shipped" and done["shipment"]["ship_on"] == "2026-03-11"
    assert done["balance"][0]["quantity_left"] == 8
    with pytest.raises(BadInput, match="no shipment 999"):
        ls.cancel_shipment(store, 999, "x")
    with pytest.raises(BadInput, match="reason"):
        ls.cancel_shipment(store, second["id"], " ")
    assert _ok(store)["ok"]


def test_events_reach_licenses_valid_on_their_date(store: Store, engine: Engine) -> None:
    huawei = [{"role": "ultimate_consignee", "name": HUAWEI, "country": "CN"}]
    early = _license(store, engine, "2026-01-10", parties=huawei, destination="CN")
    late = _license(store, engine, "2026-06-10", parties=huawei, destination="CN")
    lifted = _license(store, engine, "2026-01-10", parties=huawei, destination="CN")
    ls.set_status(store, lifted, "suspended", date(2026, 2, 1), "query")
    ls.set_status(store, lifted, "active", date(2026, 7, 1), "answered")
    out = ls.add_event(
        store,
        "Suspension for Huawei",
        "suspend_licenses",
        date(2026, 5, 1),
        {"footnote": 1},
        None,
        matcher(engine.screener),
    )
    assert out["licenses_changed"] == [early]  # ``late`` was issued after the event's date
    assert [x["number"] for x in out["licenses_not_changed"]] == [lifted]
    assert "last changed on 2026-07-01" in out["licenses_not_changed"][0]["why"]
    with store.read() as conn:
        assert ls.get_license(conn, late)["status"] == "active"
    assert _ok(store)["ok"]


def test_no_new_licenses_event_shows_on_open_applications(store: Store, engine: Engine) -> None:
    huawei = [{"role": "ultimate_consignee", "name": HUAWEI, "country": "CN"}]
    app = _apply(store, engine, "2023-01-03", huawei, "CN")
    ls.add_event(
        store,
        "No new licenses for Huawei",
        "no_new_licenses",
        date(2023, 1, 30),
        {"names": [HUAWEI]},
        "reported halt",
        matcher(engine.screener),
    )
    report = impact(store, engine, date(2023, 2, 1))
    change = next(c for c in report["changes"] if c["kind"] == "application")
    assert change["number"] == app["number"] and "expect denial" in change["what"]


def test_impact_of_a_newer_list_on_stored_parties(store: Store, engine: Engine) -> None:
    before = records.ScreenerAsOf(engine.screener, date(2019, 5, 1))
    records.add_party(store, before, HUAWEI, "customer", "CN")
    records.add_party(store, before, "Siemens AG", "supplier", "DE")
    report = impact(store, engine, date(2019, 5, 20))
    changed = [c for c in report["changes"] if c["kind"] == "party"]
    assert [c["name"] for c in changed] == [HUAWEI]
    assert all(m["effective_date"] == "2019-05-16" for m in changed[0]["new_matches"][:1])


# -- audit trail ---------------------------------------------------------------------------------


def _tamper(store: Store, sql: str) -> None:
    with store.engine.begin() as conn:
        if store.dialect == "sqlite":
            conn.execute(text("DROP TRIGGER IF EXISTS audit_log_no_update"))
            conn.execute(text("DROP TRIGGER IF EXISTS audit_log_no_delete"))
        else:
            conn.execute(text("ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only"))
        conn.execute(text(sql))


def _some_records(store: Store, engine: Engine) -> None:
    for name in ("Huawei Device Co Ltd", "ZTE Corporation"):
        records.record_screening(store, engine.screener.screen(name))


def test_audit_log_refuses_updates(store: Store, engine: Engine) -> None:
    _some_records(store, engine)
    with pytest.raises(Exception, match="append-only"), store.engine.begin() as conn:
        conn.execute(text("UPDATE audit_log SET actor = 'mallory' WHERE seq = 1"))


@pytest.mark.parametrize(
    "sql, problem",
    [
        ("UPDATE audit_log SET actor = 'mallory' WHERE seq = 2", "does not match its hash"),
        ("DELETE FROM audit_log WHERE seq = 2", "missing"),
        (
            "DELETE FROM audit_log WHERE seq = (SELECT MAX(seq) FROM audit_log)",
            "removed from the end",
        ),
        ("UPDATE screenings SET name = 'Someone Else' WHERE id = 1", "edited"),
        ("DELETE FROM hit_reviews WHERE id = 1", "deleted"),
    ],
)
def test_audit_verify_detects_edits_and_deletions(
    store: Store, engine: Engine, sql: str, problem: str
) -> None:
    _some_records(store, engine)
    assert _ok(store)["ok"]
    _tamper(store, sql)
    result = _ok(store)
    assert not result["ok"] and any(problem in p["problem"] for p in result["problems"])


def test_cli_records_verifies_and_exports(cli: Any, url: str, tmp_path: Path) -> None:
    db = ["--database", url]
    screened = cli("screen", "Huawei Device Co Ltd", "--country", "CN", "--json", *db)
    assert screened.code == 0 and screened.json()["record"]["screening_id"] == 1
    assert cli("screen", "ACME", "--no-record", "--json", *db).json().get("record") is None
    case = tmp_path / "case.json"
    case.write_text(
        json.dumps(
            {
                "id": "c1",
                "date": "2021-01-04",
                "destination": "CN",
                "item": {"eccn": "EAR99", "origin": "US"},
                "parties": [{"role": "end_user", "name": HUAWEI}],
            }
        )
    )
    checked = cli("check", str(case), "--json", *db)
    assert checked.code == 0 and checked.json()["record"]["decision_id"] == 1
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps([json.loads(case.read_text()), {"date": "2021-01-04"}]))
    refused = cli("check", str(bad), "--json", *db)
    assert refused.code == 2 and "cases[1]" in refused.err
    verified = cli("audit", "verify", "--json", *db)
    assert verified.code == 0 and verified.json()["ok"] is True
    s = Store(url)
    assert _count(s, decisions) == 1 and _count(s, screenings) == 1  # the bad list stored nothing
    out = tmp_path / "pack"
    exported = cli("audit", "export", "--decision", "1", "--out", str(out), "--json", *db)
    assert exported.code == 0
    pack = json.loads((out / "evidence.json").read_text())
    assert pack["record"]["decision"]["license_required"] is True
    assert pack["audit"]["verified"]["ok"] and pack["data"]["datasets"]
    assert "15 CFR 744.11" in (out / "evidence.html").read_text()
    _tamper(s, "UPDATE decisions SET license_required = 'false' WHERE id = 1")
    altered = cli("audit", "verify", "--json", *db)
    assert altered.code == 1 and altered.json()["ok"] is False


def test_cli_keys_and_bad_input(cli: Any, url: str, tmp_path: Path) -> None:
    db = ["--database", url]
    made = cli("keys", "create", "--role", "reviewer", "--json", *db)
    assert made.code == 0 and made.json()["key"].startswith("em_")
    from earmark.store.keys import role_of

    with Store(url).read() as conn:
        assert role_of(conn, made.json()["key"]) == "reviewer"
        assert role_of(conn, "em_wrong") is None
    assert cli("keys", "create", "--role", "king", *db).code == 2
    assert cli("reviews", "clear", "99", "--reason", "other", *db).code == 2
    assert (
        cli(
            "licenses", "ship", "D000009", "--eccn", "EAR99", "--quantity", "1", "--value", "1", *db
        ).code
        == 2
    )
    long_sku = cli(
        "products",
        "add",
        "--sku",
        "x" * 300,
        "--description",
        "d",
        "--eccn",
        "EAR99",
        "--rationale",
        "r",
        *db,
    )
    assert long_sku.code == 2 and "--sku: longer than 200" in long_sku.err
    app = tmp_path / "app.json"
    app.write_text(
        json.dumps(
            {
                "applicant": "A",
                "destination": "DE",
                "parties": [{"name": "n" * 1001}],
                "items": [{"eccn": "5A002.a", "quantity": 1, "value": 1}],
            }
        )
    )
    long_party = cli("licenses", "apply", str(app), *db)
    assert long_party.code == 2 and "parties[0].name: longer than 1000" in long_party.err
    assert cli("screen", "x", "--database", "mysql://h/db").code == 2
    assert cli("screen", "x", "--database", "::").code == 2
    assert _ok(Store(url))["ok"]


def test_cli_edit_amend_hold_and_planned_shipments(cli: Any, url: str, tmp_path: Path) -> None:
    db = ["--database", url]
    added = cli("parties", "add", "Acme Widgets Inc", "--country", "US", "--json", *db)
    assert added.code == 0 and added.json()["party"]["status"] == "clear"
    pid = str(added.json()["party"]["id"])
    edited = cli("parties", "edit", pid, "--name", HUAWEI, "--country", "CN", "--json", *db)
    assert edited.code == 0, edited.err
    assert edited.json()["party"]["status"] == "potential_match"  # screened again at once
    kind = cli("parties", "edit", pid, "--kind", "supplier", "--json", *db)
    assert kind.code == 0 and "screening" not in kind.json()  # kind alone: no new screening
    for bad, field in (
        (["parties", "edit", pid], "party"),
        (["parties", "edit", pid, "--country", "XX"], "--country"),
        (["parties", "edit", "999", "--kind", "supplier"], "party"),
        (["parties", "edit", pid, "--kind", "king"], "--kind"),
    ):
        run = cli(*bad, *db)
        assert run.code == 2 and f"{field}:" in run.err and len(run.err.splitlines()) == 1, run.err
    app = tmp_path / "app.json"
    app.write_text(
        json.dumps(
            {
                "applicant": "US Exporter Inc.",
                "destination": "DE",
                "parties": [{"name": "Siemens AG", "country": "DE"}],
                "items": [{"eccn": "5A002.a", "quantity": 10, "value": 5000}],
            }
        )
    )
    applied = cli("licenses", "apply", str(app), "--on", "2026-01-05", "--json", *db)
    number = applied.json()["number"]
    amendment = tmp_path / "amend.json"
    amendment.write_text(
        json.dumps({"items": [{"eccn": "5A002.a", "quantity": 20, "value": 9000}]})
    )
    amended = cli("licenses", "amend", number, str(amendment), "--on", "2026-01-06", "--json", *db)
    assert amended.code == 0, amended.err
    assert amended.json()["items"][0]["quantity"] == 20 and amended.json()["review_policy"]
    amendment.write_text(json.dumps({"colour": "red"}))
    assert cli("licenses", "amend", number, str(amendment), *db).code == 2
    amendment.write_text("[" * 100_000 + "]" * 100_000)
    for command in (["licenses", "amend", number], ["licenses", "apply"], ["check"]):
        deep = cli(*command, str(amendment), *db)
        assert (
            deep.code == 2 and "nested too deeply" in deep.err and len(deep.err.splitlines()) == 1
        )
    held = cli("licenses", "hold", number, "--reason", "information", "--on", "2026-01-07", *db)
    assert held.code == 0, held.err
    assert cli("licenses", "hold", number, "--reason", "nap", *db).code == 2
    assert cli("licenses", "resume", number, "--on", "2026-01-06", *db).code == 2  # before hold
    assert cli("licenses", "resume", number, "--on", "2026-01-12", *db).code == 0
    decided = cli("licenses", "decide", number, "--decision", "approved", "--on", "2026-01-13",
                  "--json", *db)  # fmt: skip
    lic = decided.json()["license"]["number"]
    amendment.write_text(json.dumps({"end_use": "other"}))
    late = cli("licenses", "amend", number, str(amendment), *db)
    assert late.code == 2 and "750.4(a)(2)" in late.err
    planned = cli("licenses", "ship", lic, "--eccn", "5A002.a", "--quantity", "5", "--value",
                  "100", "--planned", "--on", "2026-02-01", "--json", *db)  # fmt: skip
    sid = str(planned.json()["shipment"]["id"])
    shipped = cli("licenses", "shipped", sid, "--on", "2026-02-03", "--json", *db)
    assert shipped.code == 0 and shipped.json()["shipment"]["status"] == "shipped"
    again = cli("licenses", "cancel-shipment", sid, "--reason", "x", *db)
    assert again.code == 2 and "it is shipped, not planned" in again.err
    assert cli("licenses", "shipped", "0", *db).code == 2
    shown = cli("licenses", "show", lic, "--json", *db).json()
    assert [h["status"] for h in shown["status_history"]] == ["active"]
    assert shown["balance"][0]["quantity_left"] == 15 and len(shown["shipments"]) == 1
    assert _ok(Store(url))["ok"]


def test_audit_rows_name_who_and_what(store: Store, engine: Engine) -> None:
    _some_records(store, engine)
    with store.read() as conn:
        rows = conn.execute(select(audit_log).order_by(audit_log.c.seq)).mappings().all()
    assert rows[0]["actor"] == "alice" and rows[0]["action"] == "screening.record"
    assert rows[0]["data_version"] == engine.regdata.version
    assert json.loads(rows[0]["after"])["name"] == "Huawei Device Co Ltd"


def test_unusable_databases_are_one_line_errors(cli: Any, tmp_path: Path) -> None:
    not_db = tmp_path / "notes.txt"
    not_db.write_text("not a database\n")
    broken = cli("screen", "ACME", "--database", f"sqlite:///{not_db}")
    assert broken.code == 1 and broken.err.count("\n") == 1 and "not a database" in broken.err
    gone = cli("screen", "ACME", "--database", "postgresql://nobody@127.0.0.1:1/db")
    assert gone.code == 1 and gone.err.startswith("earmark: error: database: cannot connect")
    assert not_db.read_text() == "not a database\n"


def test_schema_head_constant_matches_the_migrations() -> None:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from earmark.store import db

    cfg = Config()
    cfg.set_main_option("script_location", str(Path(db.__file__).parent / "migrations"))
    assert ScriptDirectory.from_config(cfg).get_current_head() == db.SCHEMA_HEAD


def test_an_open_read_does_not_hold_writers_up(store: Store, engine: Engine) -> None:
    _some_records(store, engine)
    with store.read() as conn:
        conn.execute(select(func.count()).select_from(screenings)).scalar_one()
        # A writer commits while the read transaction is still open.
        records.record_screening(store, engine.screener.screen("ACME Trading"))
    assert _count(store, screenings) == 3


# -- found by the independent review (session 3) ----------------------------------------------


def test_cut_tail_with_head_rewritten_is_caught_by_trigger_check_and_anchor(
    store: Store, engine: Engine
) -> None:
    from earmark.store.audit import head

    _some_records(store, engine)
    with store.read() as conn:
        anchor = head(conn)
    records.record_screening(store, engine.screener.screen("ZTE Kangxun Telecom"))
    # Drop the triggers, cut the newest records and rewrite the head to the new end.
    _tamper(store, f"DELETE FROM audit_log WHERE seq > {anchor['seq'] - 1}")
    with store.engine.begin() as conn:
        conn.execute(text("DELETE FROM hit_reviews WHERE screening_id > 1"))
        conn.execute(text("DELETE FROM screenings WHERE id > 1"))
        last = conn.execute(text("SELECT seq, hash FROM audit_log ORDER BY seq DESC")).first()
        assert last is not None
        conn.execute(
            text("UPDATE audit_head SET seq = :s, hash = :h WHERE id = 1"),
            {"s": last[0], "h": last[1]},
        )
    problems = _ok(store)["problems"]
    assert any("append-only trigger" in p["problem"] for p in problems)
    with store.read() as conn:
        anchored = verify(conn, anchors=((anchor["seq"], anchor["hash"]),)).to_dict()
    assert any("cut before it" in p["problem"] for p in anchored["problems"])


def test_non_finite_and_duplicate_amounts_are_refused(store: Store, engine: Engine) -> None:
    ccl = engine.regdata.ear.ccl
    for bad in (float("nan"), float("inf")):
        with pytest.raises(BadInput, match="finite"):
            ls.validate_items([{"eccn": "5A002.a", "quantity": bad, "value": 1}], ccl)
    with pytest.raises(BadInput, match="named twice") as exc:
        ls.validate_items(
            [{"eccn": "5A002.a", "quantity": 10, "value": 1}] * 2,
            ccl,
        )
    assert exc.value.field == "items[1].eccn"
    app = _apply(store, engine, "2026-01-05")
    n = ls.decide(store, app["number"], "approved", date(2026, 1, 10), None, [], None, None)[
        "license"
    ]["number"]
    for qty, value in ((float("nan"), 1.0), (1.0, float("nan")), (float("inf"), 1.0)):
        with pytest.raises(BadInput, match="finite"):
            ls.ship(store, n, "5A002.a", qty, value, date(2026, 2, 1))
    with pytest.raises(BadInput, match="no license"):
        ls.ship(store, "\u00b2", "5A002.a", 1, 1, date(2026, 2, 1))
    with pytest.raises(BadInput, match="no application"):
        ls.refer(store, "9" * 25, ["state"], date(2026, 2, 1))


def test_steps_are_dated_in_order_and_silence_is_no_objection(store: Store, engine: Engine) -> None:
    d = date.fromisoformat
    app = _apply(store, engine, "2026-01-05")
    ls.refer(store, app["number"], ["state", "defense"], d("2026-01-08"))
    ls.recommend(store, app["number"], "state", "approve", None, d("2026-01-20"))
    with pytest.raises(BadInput, match="before 2026-01-20"):
        ls.decide(
            store, app["number"], "returned_without_action", d("2026-01-10"), None, [], None, None
        )
    # Defense silent: refused up to its 30-day deadline, then deemed to have no objection.
    with pytest.raises(Refused, match="deemed to have no objection"):
        ls.decide(store, app["number"], "approved", d("2026-02-07"), None, [], None, None)
    out = ls.decide(store, app["number"], "approved", d("2026-02-08"), None, [], None, None)
    assert out["deemed_no_objection"] == ["defense"]
    assert "deemed no objection: defense" in out["application"]["decision_note"]
    other = _apply(store, engine, "2026-01-05")
    ls.refer(store, other["number"], ["state", "defense"], d("2026-01-08"))
    ls.recommend(store, other["number"], "state", "deny", None, d("2026-01-20"))
    ls.recommend(store, other["number"], "defense", "approve", None, d("2026-01-21"))
    with pytest.raises(BadInput, match="before 2026-01-21"):
        ls.escalate(store, other["number"], d("2026-01-15"))


def test_a_look_at_a_past_date_does_not_reopen_cleared_pairs(store: Store, engine: Engine) -> None:
    name = "Beijing Huawei Digital Technologies Co., Ltd."
    first = records.record_screening(store, engine.screener.screen(name, country="CN"))
    for m in first["matches"]:
        with store.write() as tx:
            reviews.decide(tx, m["review"]["id"], "cleared", "other", "checked by hand")
    past = engine.screener.screen(name, country="CN", as_of=date(2019, 6, 1))
    assert past.matches  # the entries read differently in 2019; the pairs stay cleared
    again = records.record_screening(store, past)
    cleared = {m["review"]["id"] for m in first["matches"]}
    seen = [m["review"] for m in again["matches"] if m["review"]["id"] in cleared]
    assert seen and all(r["status"] == "cleared" and not r["raised"] for r in seen), seen
    with pytest.raises(BadInput, match="note"), store.write() as tx:
        reviews.decide(tx, first["matches"][0]["review"]["id"], "confirmed", "other", " ")


def test_migration_0002_fills_license_history_from_the_audit_trail(url: str) -> None:
    """A store made before the status history: its licenses' changes are read back from the
    audit trail into the new table, each with an audit record, and the chain still verifies."""
    from earmark.store.core import Tx
    from earmark.store.db import make_engine, resolve_url, upgrade
    from earmark.store.schema import licenses

    eng = make_engine(resolve_url(url))
    upgrade(eng, "0001")
    with eng.begin() as conn:
        tx = Tx(conn, "old version")
        row = tx.insert(
            licenses,
            {
                "number": "D000001",
                "holder": "US Exporter Inc.",
                "parties": "[]",
                "items": '[{"eccn":"5A002.a","quantity":10.0,"value":100.0}]',
                "destination": "DE",
                "issued_on": "2025-01-10",
                "expires_on": "2029-01-10",
                "status": "active",
            },
            "license.issue",
        )
        for status, on in (("suspended", "2025-03-01"), ("active", "2025-04-01")):
            tx.change(
                licenses,
                row["id"],
                {"status": status, "status_on": on, "status_reason": f"to {status}"},
                f"license.{status}",
            )
        tx.chain.close()
    upgrade(eng)
    eng.dispose()
    store = Store(url, actor="alice")
    with store.read() as conn:
        history = [(h["status"], h["effective"]) for h in ls.status_history(conn, row["id"])]
    assert history == [
        ("active", "2025-01-10"),
        ("suspended", "2025-03-01"),
        ("active", "2025-04-01"),
    ]
    with pytest.raises(Refused, match="suspended from 2025-03-01"):
        ls.ship(store, "D000001", "5A002.a", 1, 1, date(2025, 3, 2))
    assert _ok(store)["ok"]


def test_a_bulk_insert_returns_each_row_under_its_own_id(store: Store) -> None:
    """Tx.insert_many (a batch chunk's screenings): the rows come back in the order given,
    with the ids the database gave them, after rows already there; the audit chain holds."""
    from earmark.store.schema import screenings

    def row(name: str) -> dict[str, Any]:
        return {
            "at": "2026-12-02T00:00:00+00:00",
            "actor": "alice",
            "name": name,
            "query": "{}",
            "result": "{}",
            "matches": 0,
            "data_version": "v",
            "as_of": None,
            "party_id": None,
        }

    with store.write() as tx:
        first = tx.insert(screenings, row("before"), "screening.record")
    names = [f"name {i}" for i in range(250)]
    with store.write() as tx:
        stored = tx.insert_many(screenings, [row(n) for n in names], "screening.record")
    assert [r["name"] for r in stored] == names
    assert all(r["id"] > first["id"] for r in stored)
    with store.read() as conn:
        by_id = dict(conn.execute(select(screenings.c.id, screenings.c.name)).all())
    assert all(by_id[r["id"]] == r["name"] for r in stored)
    assert _ok(store)["ok"]


def test_a_stored_document_is_sorted_compact_text_that_reads_back_as_given() -> None:
    from earmark.store.audit import document

    value = {"b": [1, 2.5e-05, None, True], "a": "华为 <b>=1+1</b>", "c": {"z": 1, "y": 0.5}}
    text = document(value)
    assert text == document(dict(reversed(list(value.items()))))  # key order does not matter
    assert text.startswith('{"a":"华为 <b>=1+1</b>","b":[1,') and '"c":{"y":0.5,"z":1}' in text
    assert json.loads(text) == value
    # What orjson refuses is written by the json module instead, not lost.
    assert json.loads(document({"n": 2**70, "s": "\ud800"})) == {"n": 2**70, "s": "\ud800"}
    # orjson would write a NaN or an infinity as null: they read back as written.
    back = json.loads(document({"x": [float("inf"), {"y": float("nan")}], "z": "null"}))
    assert back["x"][0] == float("inf") and math.isnan(back["x"][1]["y"]) and back["z"] == "null"
