"""Every dated version of a Part 744, Part 746 or FDP rule has its effective date, its Federal
Register citation and whether it was verified in a dated text (the brief's property)."""

from __future__ import annotations

import re
import tomllib
from datetime import date
from importlib import resources
from typing import Any

import pytest

FR = re.compile(r"^\d{2} FR \d+$|^FR Doc\. \d{4}-\d+$")


def _data(name: str) -> dict[str, Any]:
    text = resources.files("earmark.rules").joinpath("data", name).read_text(encoding="utf-8")
    return tomllib.loads(text)


def _versions() -> list[tuple[str, dict[str, Any]]]:
    out: list[tuple[str, dict[str, Any]]] = []
    for key, table in _data("part746.toml").items():
        if isinstance(table, dict):
            out += [(f"part746.{key}", v) for v in table.get("version", [])]
            out += [(f"part746.{key}.supplement", v) for v in table.get("supplement", [])]
    p744 = _data("part744.toml")
    for key in ("mil", "mieu", "adv", "wmd", "designated"):
        out += [(f"part744.{key}", v) for v in p744[key]]
    fdp = _data("fdp_rules.toml")
    for key in ("rule", "footnote_rule", "destination_rule"):
        out += [(f"fdp_rules.{key}", v) for v in fdp[key]]
    return out


VERSIONS = _versions()


def test_there_are_versions_of_every_kind() -> None:
    kinds = {k.split(".")[0] for k, _ in VERSIONS}
    assert kinds == {"part746", "part744", "fdp_rules"} and len(VERSIONS) >= 50


@pytest.mark.parametrize(("where", "version"), VERSIONS, ids=[k for k, _ in VERSIONS])
def test_each_version_has_a_date_a_citation_and_a_status(where: str, version: dict) -> None:
    start = version.get("effective", version.get("effective_from", version.get("from")))
    assert isinstance(start, date), f"{where}: no effective date"
    end = version.get("effective_to")
    assert end is None or (isinstance(end, date) and end >= start), f"{where}: ends before start"
    citation = str(version.get("citation", ""))
    assert FR.match(citation), f"{where}: citation {citation!r} is not a Federal Register one"
    assert version.get("status") in ("verified", "background"), f"{where}: no status"
