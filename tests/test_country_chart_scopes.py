"""The Country Chart check reads control scopes as paragraphs, exclusions and conditions, and
the controls that name no column by the destinations they name (issue 13)."""

from __future__ import annotations

import pytest

from earmark.regdata.ear_tables import (
    Destinations,
    EarTables,
    load_ear_tables,
    read_scope,
    scope_coverage,
)
from earmark.rules.country_chart import _destination_named, chart_requirement, covers_item

SCOPE_9A610 = (
    "entire entry except: 9A610.b; parts and components controlled in 9A610.x if being "
    "exported or reexported for use in an aircraft controlled in 9A610.b; and 9A610.y"
)


@pytest.fixture(scope="module")
def ear() -> EarTables:
    return load_ear_tables()


def test_3e001_technology_for_3a001_commodities_needs_ns1_to_china(ear: EarTables) -> None:
    answer = chart_requirement(ear, "3E001", "CN", for_items=("3A001",))
    assert answer.required is True
    assert {"NS 1", "MT 1", "NP 1"} <= set(answer.columns)
    # Without knowing what the technology is for, the NS line is a question, not an answer.
    unknown = chart_requirement(ear, "3E001", "CN")
    assert unknown.required is None
    assert "NS (NS 1)" in unknown.text and "3A001" in unknown.text
    # Technology for 3A090 commodities exported from a D:5 destination: RS worldwide.
    assert chart_requirement(ear, "3E001", "FR", for_items=("3A090",)).required is None
    from_cn = chart_requirement(ear, "3E001", "FR", exported_from="CN", for_items=("3A090",))
    assert from_cn.required is True and from_cn.columns[0].startswith("RS (Worldwide")
    from_us = chart_requirement(ear, "3E001", "FR", exported_from="US", for_items=("3A090",))
    assert from_us.required is False


def test_9a610_x_parts_for_9a610_b_aircraft_depend_on_that_fact(ear: EarTables) -> None:
    assert covers_item("9A610.x", SCOPE_9A610, False) is None
    assert covers_item("9A610.x.1", SCOPE_9A610, False) is None
    assert covers_item("9A610.b", SCOPE_9A610, False) is False
    assert covers_item("9A610.y.1", SCOPE_9A610, False) is False
    assert covers_item("9A610.a", SCOPE_9A610, False) is True
    why = scope_coverage("9A610.x", read_scope("9A610", SCOPE_9A610))
    assert why.covered is None and any("aircraft controlled in 9A610.b" in q for q in why.questions)
    answer = chart_requirement(ear, "9A610.x", "CN")
    assert answer.required is None and "aircraft controlled in 9A610.b" in answer.text
    assert chart_requirement(ear, "9A610.a", "CN").required is True


def test_conditional_exclusions_elsewhere_are_questions_too() -> None:
    scope = "entire entry except 0A509.a for items for ECCN 0A502 or ECCN 0A508, and 0A509.d"
    assert covers_item("0A509.a", scope, False) is None
    assert covers_item("0A509.d", scope, False) is False
    assert covers_item("0A509.b", scope, False) is True
    mmic = (
        "“Monolithic Microwave Integrated Circuit” (“MMIC”) amplifiers in 3A001.b.2 and "
        "discrete microwave transistors in 3A001.b.3, except those 3A001.b.2 and b.3 items "
        "being exported or reexported for use in civil telecommunications applications"
    )
    assert covers_item("3A001.b.2", mmic, False) is None
    assert covers_item("3A001.b.4", mmic, False) is False
    five = "5A001.b (except .b.5), .c, .d, .f (except f.3), .g, and .j"
    assert covers_item("5A001.b.5", five, False) is False
    assert covers_item("5A001.b.1", five, False) is True
    assert covers_item("5A001.f.3", five, False) is False
    assert covers_item("5A001.e", five, False) is False
    assert covers_item("3B001.l", "3B001.a.4, c, d, f.1, f.5, f.6, k to n, p.2, p.4, r", False)
    # A scope that describes the items instead of naming paragraphs: the facts would tell.
    assert (
        covers_item("7A006", "commodities in this entry that meet the parameters of 7A106", False)
        is None
    )


def test_ei_items_need_a_license_to_all_destinations_but_canada(ear: EarTables) -> None:
    # 5E002 technology for 5A002.a commodities (its RS lines are for 5A002.z ones).
    for eccn, for_items in (
        ("5A002.a", None),
        ("5A004.a", None),
        ("5D002.a.1", None),
        ("5E002.a", ("5A002.a",)),
    ):
        china = chart_requirement(ear, eccn, "CN", for_items=for_items)
        assert china.required is True
        assert any(c.startswith("EI (") for c in china.columns), eccn
        canada = chart_requirement(ear, eccn, "CA", for_items=for_items)
        assert canada.required is False, (eccn, canada.text)
    # The UK has no NS 1 mark: EI alone requires the license.
    uk = chart_requirement(ear, "5A002.a", "GB")
    assert uk.required is True and uk.columns == ("EI (Refer to § 742.15 of the EAR.)",)
    entry = ear.ccl.get("5A002")
    assert entry is not None
    ei = next(c for c in entry.chart_controls if c.reason == "EI")
    assert ei.destinations is not None and ei.destinations.worldwide
    assert ei.destinations.except_countries == ("CA",) and "742.15(a)" in ei.destinations.basis


def test_destination_scopes_are_decided_by_country_groups(ear: EarTables) -> None:
    groups = ear.country_groups.groups_of
    d145 = Destinations(
        countries=("AE",), groups=("D:1", "D:4", "D:5"), except_groups=("A:5", "A:6")
    )
    assert _destination_named("", "China", "CN", groups("CN"), scope=d145) is True
    assert _destination_named("", "UAE", "AE", groups("AE"), scope=d145) is True
    # Israel is in D:4 and in A:6: excluded.
    assert _destination_named("", "Israel", "IL", groups("IL"), scope=d145) is False
    assert _destination_named("", "France", "FR", groups("FR"), scope=d145) is False
    # Hong Kong takes China's row and groups.
    assert _destination_named("", "China", "HK", groups("HK"), scope=d145, row_code="CN") is True
    origin = Destinations(worldwide=True, from_countries=("MO",), from_groups=("D:5",))
    assert _destination_named("", "France", "FR", groups("FR"), scope=origin) is None
    assert (
        _destination_named(
            "",
            "France",
            "FR",
            groups("FR"),
            scope=origin,
            exported_from="MO",
            origin_groups=groups("MO"),
        )
        is True
    )
    cwc = Destinations(except_countries=("IL", "TW"), condition="not a CWC State Party")
    assert _destination_named("", "Israel", "IL", groups("IL"), scope=cwc) is False
    assert _destination_named("", "India", "IN", groups("IN"), scope=cwc) is None
    # Read from the bundled entries.
    e0d606 = ear.ccl.get("0D606")
    assert e0d606 is not None
    rs = next(c for c in e0d606.chart_controls if c.scope == "0D606.y")
    assert rs.destinations is not None and rs.destinations.countries == ("CN", "RU", "VE")
    assert chart_requirement(ear, "0D606.y", "CN").required is True
    assert chart_requirement(ear, "0D606.y", "FR").required is False
    assert chart_requirement(ear, "3A001.z.1.b", "AE").required is True


def test_every_control_without_a_column_has_its_destinations_read_or_says_why(
    ear: EarTables,
) -> None:
    """A control that names no chart column and is not a UN or sector-sanctions pointer has
    destinations, unless its cell names none (a bare pointer earmark does not model)."""
    unread: list[str] = []
    for eccn, entry in ear.ccl.entries.items():
        for c in entry.chart_controls:
            if c.column is None and c.reason not in (None, "UN") and c.destinations is None:
                unread.append(f"{eccn} {c.reason}: {c.text}")
    print("\n".join(["", f"{len(unread)} controls name no destination:", *unread]))
    # § 742.6(a)(11) (3B993 ... 3E994), § 742.3(b) (4A001 NP "N/A"), and 1D018's MT row whose
    # cell is empty in the source.
    assert all("742.6(a)(11)" in u or u.startswith(("4A001 NP", "1D018 MT")) for u in unread), (
        unread
    )
