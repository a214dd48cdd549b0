"""``earmark demo``: the main job on the bundled data, printed for a person to read.

It grows with each capability; today it shows the regulatory data layer at work.
"""

from __future__ import annotations

from datetime import date

from rich.rule import Rule
from rich.table import Table

from earmark.cli.app import app
from earmark.cli.options import console
from earmark.regdata import load_regdata


@app.command("demo")
def demo_cmd() -> None:
    """Run the main job on the bundled data and print readable results."""
    rd = load_regdata()
    console.print(Rule("earmark demo: the regulatory data layer"))
    console.print(f"data version [bold]{rd.version}[/bold]\n")

    table = Table(title="Restricted-party lists: now, and as of 2019-05-15 / 2019-05-17")
    for col in ("list", "name", "entries now", "2019-05-15", "2019-05-17", "snapshot"):
        table.add_column(
            col, justify="right" if col[0].isdigit() or col.startswith("entries") else "left"
        )
    before = {v.list: v.entries for v in rd.list_versions(date(2019, 5, 15))}
    after = {v.list: v.entries for v in rd.list_versions(date(2019, 5, 17))}
    for v in rd.list_versions():
        table.add_row(
            v.list,
            v.name,
            f"{v.entries:,}",
            f"{before.get(v.list, 0):,}",
            f"{after.get(v.list, 0):,}",
            str(v.snapshot),
        )
    console.print(table)

    huawei = [
        lst.entry
        for lst in rd.lists.as_of(None, ["EL"])
        if any(k in n.casefold() for n in lst.entry.names for k in ("huawei", "hisilicon"))
    ]
    by_date: dict[str, int] = {}
    for e in huawei:
        key = f"{e.effective.value} ({e.effective.basis.value})" if e.effective else "unknown"
        by_date[key] = by_date.get(key, 0) + 1
    console.print(Rule("Huawei and HiSilicon on the Entity List (2026-07-31 CSL)"))
    console.print(
        f"{len(huawei)} entries; footnote 1 (Entity List FDP rule) on "
        f"{sum(1 for e in huawei if 1 in e.footnotes)}"
    )
    for key, n in sorted(by_date.items()):
        console.print(f"  effective {key}: {n}")
    console.print(
        "\nNext: [bold]earmark lists --as-of 2020-01-01[/bold], "
        "[bold]earmark entries --contains huawei --list EL[/bold], "
        "[bold]earmark --help[/bold]"
    )
