"""``earmark demo``: the main job on the bundled data, printed for a person to read.

It grows with each capability; today it shows the regulatory data layer at work (the lists as
of three dates around the Huawei listing, the Huawei entries with their footnotes and effective
dates, the rule versions in force on a few dates of the Huawei story) and screens the parties
of the contract's example cases (``examples/cases.json``, a copy of contract/examples) as of
each case's date, in Latin and Chinese script, and checks the cases (``earmark check``).
"""

from __future__ import annotations

import json
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

from rich.markup import escape
from rich.rule import Rule
from rich.table import Table

from earmark.cli.app import app
from earmark.cli.options import Database, JsonFlag, console, emit_json, open_store
from earmark.regdata import RegData, load_regdata

DATES = (date(2019, 5, 15), date(2019, 5, 17), date(2020, 9, 1))
SERIES = ("huawei-tgl", "el-fdp-footnote1", "standards-exception")
EXAMPLES = Path(__file__).resolve().parent / "examples" / "cases.json"
EXTRA_QUERIES = (("华为技术有限公司", "2021-06-01"), ("海思半导体有限公司", "2021-06-01"))


@app.command("demo")
def demo_cmd(database: Database = None, json_out: JsonFlag = False) -> None:
    """Run the main job on the bundled data and print readable results.

    The records part writes to the store (the default SQLite file unless --database)."""
    rd = load_regdata()
    summary = _summary(rd)
    summary["records"] = _records(rd, open_store(database, "earmark-demo"))
    if json_out:
        emit_json(summary)
        return
    _print(summary)


def _summary(rd: RegData) -> dict[str, Any]:
    counts = {d.isoformat(): {v.list: v.entries for v in rd.list_versions(d)} for d in DATES}
    huawei = [
        lst.entry
        for lst in rd.lists.as_of(None, ["EL"])
        if any(k in n.casefold() for n in lst.entry.names for k in ("huawei", "hisilicon"))
    ]
    by_date = Counter(
        f"{e.effective.value} ({e.effective.event or e.effective.basis.value})"
        if e.effective
        else "unknown"
        for e in huawei
    )
    rules = {
        d.isoformat(): {
            s: (v.id if (v := rd.timeline.version_in_force(s, d)) else None) for s in SERIES
        }
        for d in DATES
    }
    return {
        "data_version": rd.version,
        "screenings": _screenings(rd),
        "checks": _checks(rd),
        "lists_now": [v.to_dict() for v in rd.list_versions()],
        "lists_on": counts,
        "huawei_entity_list": {
            "entries": len(huawei),
            "with_footnote_1": sum(1 for e in huawei if 1 in e.footnotes),
            "effective": dict(sorted(by_date.items())),
        },
        "rules_in_force": rules,
    }


def _screenings(rd: RegData) -> list[dict[str, Any]]:
    from earmark.screening import Screener

    screener = Screener(rd)
    queries = [
        (party["name"], party.get("country"), example["case"]["date"])
        for example in json.loads(EXAMPLES.read_text())
        for party in example["case"].get("parties", [])
    ]
    queries += [(name, None, day) for name, day in EXTRA_QUERIES]
    out = []
    for name, country, day in queries:
        result = screener.screen(name, country=country, as_of=date.fromisoformat(day), limit=3)
        out.append({
            "name": name,
            "as_of": day,
            "matches": [
                {"list": m.entry.list, "name": m.entry.name, "score": m.score,
                 "footnotes": list(m.entry.footnotes)}
                for m in result.matches
            ],
        })  # fmt: skip
    return out


def _checks(rd: RegData) -> list[dict[str, Any]]:
    from earmark.rules import Engine

    engine = Engine(rd)
    out = []
    for example in json.loads(EXAMPLES.read_text()):
        d = engine.check(example["case"]).to_dict()
        agrees = all(d[k] == v for k, v in example["expected"].items())
        out.append(
            {
                "id": d["id"],
                "date": d["date"],
                "subject_to_ear": d["subject_to_ear"],
                "license_required": d["license_required"],
                "review_policy": d["review_policy"],
                "agrees_with_expected": agrees,
                "decisive_reason": _decisive(d["reasons"]),
            }
        )
    return out


DECISIVE = (
    "15 CFR 736.2(b)(3)",
    "15 CFR 734.9",
    "15 CFR 744.11",
    "15 CFR 734.4",
    "15 CFR 738.4",
)


def _decisive(reasons: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The reason that settles the case, for a one-line summary."""
    for prefix in DECISIVE:
        hit = next((r for r in reasons if r["rule"].startswith(prefix)), None)
        if hit is not None:
            return hit
    return reasons[0] if reasons else None


def _records(rd: RegData, store: Any) -> dict[str, Any]:
    """The work around the answers, in the store: record the example checks, screen a party
    as of before its listing, take a Huawei license through BIS's procedure, revoke it by a
    policy event (the 2024 revocations are the model), and see the impact; then verify the
    audit trail."""
    from earmark.licensing.procedure import Refused
    from earmark.rules import Engine
    from earmark.store import licenses as ls
    from earmark.store.audit import verify
    from earmark.store.impact import impact, matcher, review_policy
    from earmark.store.records import ScreenerAsOf, add_party, record_decisions

    engine = Engine(rd)
    cases = [e["case"] for e in json.loads(EXAMPLES.read_text())]
    recorded = record_decisions(store, [(c, engine.check(c).to_dict()) for c in cases])

    huawei = "Huawei Technologies Co., Ltd."
    # screened on 2019-05-01, before the Huawei listing
    before = ScreenerAsOf(engine.screener, date(2019, 5, 1))
    party = add_party(store, before, huawei, "customer", "CN")["party"]
    parties = ls.validate_parties([{"role": "ultimate_consignee", "name": huawei, "country": "CN"}])
    items = ls.validate_items([{"eccn": "5A992.c", "quantity": 1000, "value": 250000}], rd.ear.ccl)
    on = date(2021, 3, 1)
    with store.read() as conn:
        policy = review_policy(engine, conn, "CN", parties, items, on)
    application = ls.apply(
        store, "Demo Exporter Inc.", "CN", parties, items, "4G handsets", on, policy
    )
    number = application["number"]
    ls.refer(store, number, ["state", "defense", "energy"], date(2021, 3, 9))
    for agency in ("state", "defense", "energy"):
        ls.recommend(store, number, agency, "approve_with_conditions", "no 5G", date(2021, 4, 1))
    lic = ls.decide(
        store,
        number,
        "approved_with_conditions",
        date(2021, 4, 20),
        None,
        ["no 5G-capable items"],
        None,
        policy,
    )["license"]
    ls.ship(store, lic["number"], "5A992.c", 400, 100000, date(2021, 6, 1))
    ls.ship(store, lic["number"], "5A992.c", 100, 25000, date(2024, 6, 1), planned=True)
    event = ls.add_event(
        store,
        "Revocation of export licenses for Huawei (reported)",
        "revoke_licenses",
        date(2024, 5, 7),
        {"footnote": 1},
        "press reports of 2024-05-07",
        matcher(engine.screener),
    )
    try:
        ls.ship(store, lic["number"], "5A992.c", 10, 2500, date(2024, 6, 3))
        refused = None
    except Refused as exc:
        refused = exc.message
    report = impact(store, engine, date(2024, 6, 3))
    with store.read() as conn:
        checked = verify(conn)
    return {
        "store": store.describe(),
        "decisions_recorded": [r["record"]["decision_id"] for r in recorded],
        "party": {"name": party["name"], "status_2019_05_01": party["status"]},
        "application": number,
        "review_policy": [i["review_policy"] for i in policy["items"]],
        "license": lic["number"],
        "licenses_revoked_by_event": event["licenses_changed"],
        "shipment_after_revocation": refused,
        "impact": [
            f"{c['kind']} {c.get('name') or c.get('number') or c.get('license')}: {c['what']}"
            for c in report["changes"]
            if c.get("name") == huawei
            or c.get("number") == lic["number"]
            or c.get("license") == lic["number"]
            or c.get("number") == number
        ],
        "audit": checked.to_dict() | {"problems": checked.problems[:3]},
    }


def _print(summary: dict[str, Any]) -> None:
    console.print(Rule("earmark demo: the regulatory data layer"))
    console.print(f"data version [bold]{summary['data_version']}[/bold]\n")
    table = Table(title="Restricted-party lists now, and as of dates in the Huawei story")
    table.add_column("list")
    table.add_column("now", justify="right")
    for d in summary["lists_on"]:
        table.add_column(d, justify="right")
    table.add_column("snapshot")
    for v in summary["lists_now"]:
        row = [f"{summary['lists_on'][d].get(v['list'], 0):,}" for d in summary["lists_on"]]
        table.add_row(v["list"], f"{v['entries']:,}", *row, v["snapshot"])
    console.print(table)

    hw = summary["huawei_entity_list"]
    console.print(Rule("Huawei and HiSilicon on the Entity List"))
    console.print(
        f"{hw['entries']} entries; {hw['with_footnote_1']} carry footnote 1 "
        "(the Entity List foreign direct product rule, 15 CFR 734.9(e))"
    )
    for key, n in hw["effective"].items():
        console.print(f"  effective {key}: {n}")

    console.print(Rule("Screening the parties of the example cases, as of each case's date"))
    for s in summary["screenings"]:
        top = s["matches"][0] if s["matches"] else None
        found = (
            f"{top['list']} {escape(top['name'])} ({top['score']:.2f}"
            + (f", footnotes {top['footnotes']})" if top["footnotes"] else ")")
            if top
            else "no match"
        )
        console.print(f"  {escape(s['name'])} on {s['as_of']}: {found}")

    console.print(Rule("Checking the example cases (earmark check)"))
    for c in summary["checks"]:
        yes = {True: "yes", False: "no", None: "indeterminate"}
        console.print(
            f"  {c['id']} on {c['date']}: subject {yes[c['subject_to_ear']]}, license "
            f"{yes[c['license_required']]}, policy {c['review_policy'] or '-'} "
            + escape(f"[{'agrees' if c['agrees_with_expected'] else 'DIFFERS'} with the expected]")
        )
        if c["decisive_reason"]:
            r = c["decisive_reason"]
            console.print(f"      {escape(r['rule'])}: {escape(r['text'][:110])}")

    console.print(Rule("Rule versions in force"))
    for d, versions in summary["rules_in_force"].items():
        shown = ", ".join(f"{s}: {v or '-'}" for s, v in versions.items())
        console.print(f"  {d}  {shown}")
    r = summary["records"]
    console.print(Rule(f"Records in the store ({escape(r['store'])})"))
    console.print(f"  example decisions recorded: ids {r['decisions_recorded']}")
    console.print(
        f"  {escape(r['party']['name'])}, screened as of 2019-05-01: "
        f"{r['party']['status_2019_05_01']}"
    )
    console.print(
        f"  application {r['application']} (review policy {r['review_policy']}) -> license "
        f"{r['license']}; revoked by the 2024 event: {r['licenses_revoked_by_event']}"
    )
    console.print(f"  shipment on 2024-06-03: {escape(str(r['shipment_after_revocation']))}")
    for line in r["impact"]:
        console.print(f"  impact as of 2024-06-03: {escape(line)}")
    audit = r["audit"]
    console.print(
        f"  audit trail: {'verified' if audit['ok'] else 'ALTERED'}, {audit['records']} records"
    )
    console.print(
        "\nNext: [bold]earmark screen 华为终端有限公司[/bold], "
        "[bold]earmark check CASE.json --diff 2019-05-15 2019-05-17[/bold], "
        "[bold]earmark lists --as-of 2020-01-01[/bold], [bold]earmark --help[/bold]; "
        "docs/screening.md and docs/determination.md say how and how well."
    )
