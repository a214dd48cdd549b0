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

import typer

from earmark.cli import render
from earmark.cli.options import Database, JsonFlag, emit_json, runtime
from earmark.runtime import Runtime

DATES = (date(2019, 5, 15), date(2019, 5, 17), date(2020, 9, 1))
SERIES = ("huawei-tgl", "el-fdp-footnote1", "standards-exception")
EXAMPLES = Path(__file__).resolve().parent / "examples" / "cases.json"
EXTRA_QUERIES = (("华为技术有限公司", "2021-06-01"), ("海思半导体有限公司", "2021-06-01"))


def register(app: typer.Typer) -> None:
    app.command("demo")(demo_cmd)


def demo_cmd(database: Database = None, json_out: JsonFlag = False) -> None:
    """Run the main job on the bundled data and print readable results.

    The records part writes to a store of its own, never to yours: an SQLite file that the
    demo names and starts afresh on each run (demo.sqlite in the earmark data directory),
    unless --database names another store."""
    rt = runtime(database, "earmark-demo")
    if not database:
        rt = runtime(_demo_store(rt.settings.data_dir), "earmark-demo")
    summary = _summary(rt)
    summary["records"] = _records(rt)
    if json_out:
        emit_json(summary)
        return
    _print(summary)


def _demo_store(folder: Path | None) -> str:
    """The demo's own SQLite file, removed first so that each run starts from nothing."""
    from earmark.paths import data_dir
    from earmark.store.core import forget

    path = (folder or data_dir()) / "demo.sqlite"
    path.parent.mkdir(parents=True, exist_ok=True)
    url = f"sqlite:///{path}"
    forget(url)
    for suffix in ("", "-journal", "-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    return url


def _summary(rt: Runtime) -> dict[str, Any]:
    rd = rt.regdata
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
        "screenings": _screenings(rt),
        "checks": _checks(rt),
        "lists_now": [v.to_dict() for v in rd.list_versions()],
        "lists_on": counts,
        "huawei_entity_list": {
            "entries": len(huawei),
            "with_footnote_1": sum(1 for e in huawei if 1 in e.footnotes),
            "effective": dict(sorted(by_date.items())),
        },
        "rules_in_force": rules,
    }


def _screenings(rt: Runtime) -> list[dict[str, Any]]:
    screener = rt.screener
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


def _checks(rt: Runtime) -> list[dict[str, Any]]:
    engine = rt.engine
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


def _records(rt: Runtime) -> dict[str, Any]:
    """The work around the answers, in the store: record the example checks, screen a party
    as of before its listing, take a Huawei license through BIS's procedure, revoke it by a
    policy event (the 2024 revocations are the model), and see the impact; then verify the
    audit trail."""
    from earmark.licensing.procedure import Refused
    from earmark.store import licenses as ls
    from earmark.store.audit import verify
    from earmark.store.impact import impact, matcher, review_policy
    from earmark.store.records import ScreenerAsOf, add_party, record_decisions

    rd, engine, store = rt.regdata, rt.engine, rt.store()
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
    render.rule("earmark demo: the regulatory data layer")
    render.line("data version ", render.bold(summary["data_version"]))
    dates = list(summary["lists_on"])
    render.table(
        "Restricted-party lists now, and as of dates in the Huawei story",
        ("list", "now", *dates, "snapshot"),
        (
            (
                v["list"],
                f"{v['entries']:,}",
                *(f"{summary['lists_on'][d].get(v['list'], 0):,}" for d in dates),
                v["snapshot"],
            )
            for v in summary["lists_now"]
        ),
        right=("now", *dates),
    )

    hw = summary["huawei_entity_list"]
    render.rule("Huawei and HiSilicon on the Entity List")
    render.say(
        f"{hw['entries']} entries; {hw['with_footnote_1']} carry footnote 1 "
        "(the Entity List foreign direct product rule, 15 CFR 734.9(e))"
    )
    for key, n in hw["effective"].items():
        render.say(f"  effective {key}: {n}")

    render.rule("Screening the parties of the example cases, as of each case's date")
    for s in summary["screenings"]:
        top = s["matches"][0] if s["matches"] else None
        found = (
            f"{top['list']} {top['name']} ({top['score']:.2f}"
            + (f", footnotes {top['footnotes']})" if top["footnotes"] else ")")
            if top
            else "no match"
        )
        render.say(f"  {s['name']} on {s['as_of']}: {found}")

    render.rule("Checking the example cases (earmark check)")
    for c in summary["checks"]:
        render.say(
            f"  {c['id']} on {c['date']}: subject {render.tri(c['subject_to_ear'])}, license "
            f"{render.tri(c['license_required'])}, policy {c['review_policy'] or '-'} "
            f"[{'agrees' if c['agrees_with_expected'] else 'DIFFERS'} with the expected]"
        )
        if c["decisive_reason"]:
            r = c["decisive_reason"]
            render.say(f"      {r['rule']}: {r['text'][:110]}")

    render.rule("Rule versions in force")
    for d, versions in summary["rules_in_force"].items():
        shown = ", ".join(f"{s}: {v or '-'}" for s, v in versions.items())
        render.say(f"  {d}  {shown}")
    r = summary["records"]
    render.rule("Records, in the demo's own store")
    render.say(f"  store: {r['store']} (started afresh on each run; yours is not touched)")
    render.say(f"  example decisions recorded: ids {r['decisions_recorded']}")
    render.say(
        f"  {r['party']['name']}, screened as of 2019-05-01: {r['party']['status_2019_05_01']}"
    )
    render.say(
        f"  application {r['application']} (review policy {r['review_policy']}) -> license "
        f"{r['license']}; revoked by the 2024 event: {r['licenses_revoked_by_event']}"
    )
    render.say(f"  shipment on 2024-06-03: {r['shipment_after_revocation']}")
    for line in r["impact"]:
        render.say(f"  impact as of 2024-06-03: {line}")
    audit = r["audit"]
    render.say(
        f"  audit trail: {'verified' if audit['ok'] else 'ALTERED'}, {audit['records']} records"
    )
    render.say(
        "\nNext: earmark screen 华为终端有限公司 | earmark check examples/huawei-cases.json "
        "--diff 2019-05-15 2019-05-17 | earmark lists --as-of 2020-01-01 | earmark --help. "
        "docs/formats.md describes every input file; examples/ has ready-to-run ones."
    )
