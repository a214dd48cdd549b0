"""``earmark demo``: the main job on the bundled data, printed for a person to read.

It grows with each capability; today it shows the regulatory data layer at work: the lists as
of three dates around the Huawei listing, the Huawei entries with their footnotes and effective
dates, and the rule versions in force on a few dates of the Huawei story.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Any

from rich.rule import Rule
from rich.table import Table

from earmark.cli.app import app
from earmark.cli.options import JsonFlag, console, emit_json
from earmark.regdata import RegData, load_regdata

DATES = (date(2019, 5, 15), date(2019, 5, 17), date(2020, 9, 1))
SERIES = ("huawei-tgl", "el-fdp-footnote1", "standards-exception")


@app.command("demo")
def demo_cmd(json_out: JsonFlag = False) -> None:
    """Run the main job on the bundled data and print readable results."""
    rd = load_regdata()
    summary = _summary(rd)
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
        "lists_now": [v.to_dict() for v in rd.list_versions()],
        "lists_on": counts,
        "huawei_entity_list": {
            "entries": len(huawei),
            "with_footnote_1": sum(1 for e in huawei if 1 in e.footnotes),
            "effective": dict(sorted(by_date.items())),
        },
        "rules_in_force": rules,
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

    console.print(Rule("Rule versions in force"))
    for d, versions in summary["rules_in_force"].items():
        shown = ", ".join(f"{s}: {v or '-'}" for s, v in versions.items())
        console.print(f"  {d}  {shown}")
    console.print(
        "\nNext: [bold]earmark lists --as-of 2020-01-01[/bold], "
        "[bold]earmark entries --contains huawei --list EL[/bold], "
        "[bold]earmark timeline --series huawei-tgl[/bold], [bold]earmark --help[/bold]"
    )
