"""Count the dated versions of every table and rule the engine reads, and check that each has
an effective date, a citation and a status (the counts in the issue-13 closing note).

    .venv/bin/python scripts/table_versions.py
"""

from __future__ import annotations

import re
import tomllib
from datetime import date
from importlib import resources
from typing import Any

from earmark.regdata.amendments import amendment_log

TABLES = ("country_chart", "country_groups", "ccl", "entity_list")
START, END = date(2017, 1, 1), date(2026, 12, 1)


def _rules_data(name: str) -> dict[str, Any]:
    text = resources.files("earmark.rules").joinpath("data", name).read_text(encoding="utf-8")
    return tomllib.loads(text)


def table_versions() -> dict[str, tuple[int, int]]:
    """Per table: amendments in the log, distinct versions from START to END."""
    log = amendment_log()
    out = {}
    for table in TABLES:
        touching = [a for a in log.amendments if table in a.tables]
        dates = sorted({a.effective for a in touching if START < a.effective <= END})
        out[table] = (len(touching), len(dates) + 1)
    return out


def rule_versions() -> dict[str, list[dict[str, Any]]]:
    """Each dated rule version of Part 744, Part 746 and the FDP rules, by rule."""
    out: dict[str, list[dict[str, Any]]] = {}
    p746 = _rules_data("part746.toml")
    for key, table in p746.items():
        if isinstance(table, dict) and "version" in table:
            out[f"{table['section']} ({key})"] = table["version"]
    p744 = _rules_data("part744.toml")
    for key, title in (("mil", "744.21"), ("mieu", "744.22"), ("adv", "744.23")):
        out[f"15 CFR {title}"] = p744[key]
    for key in ("wmd", "designated"):
        for v in p744[key]:
            out.setdefault(str(v["section"]), []).append(v)
    fdp = _rules_data("fdp_rules.toml")
    for key in ("rule", "footnote_rule", "destination_rule"):
        for v in fdp[key]:
            family = re.sub(r"(-\d{4})?(-\d{2})?$", "", v["id"])
            out.setdefault(f"FDP {family}", []).append(v)
    return out


def undated(versions: dict[str, list[dict[str, Any]]]) -> list[str]:
    """Versions without an effective date, a citation or a status."""
    bad = []
    for rule, vs in versions.items():
        for v in vs:
            if not (v.get("effective") or v.get("effective_from")):
                bad.append(f"{rule}: {v.get('id')} has no effective date")
            if not v.get("citation"):
                bad.append(f"{rule}: {v.get('id')} has no citation")
            if v.get("status") not in ("verified", "background"):
                bad.append(f"{rule}: {v.get('id')} has no status")
    return bad


def main() -> None:
    log = amendment_log()
    verified = sum(a.status == "verified" for a in log.amendments)
    print(f"amendment log: {len(log.amendments)} rules ({verified} verified)")
    for table, (n, count) in table_versions().items():
        print(f"  {table:16} {n:3} amendments, {count:3} versions {START} to {END}")
    versions = rule_versions()
    print(f"rule versions: {sum(len(v) for v in versions.values())} in {len(versions)} rules")
    for rule, vs in versions.items():
        print(f"  {rule:40} {len(vs)}")
    for line in undated(versions):
        print(f"  UNDATED {line}")


if __name__ == "__main__":
    main()
