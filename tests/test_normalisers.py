"""Review policies, footnote markers and Federal Register citations as the lists print them."""

from __future__ import annotations

from datetime import date

import pytest

from earmark.regdata.fedreg import (
    Citation,
    PageDates,
    earliest,
    normalise_citations,
    parse_citations,
)
from earmark.regdata.footnotes import parse_footnotes, strip_footnotes
from earmark.regdata.model import ReviewPolicy
from earmark.regdata.policies import normalise_policy

POD = ReviewPolicy.PRESUMPTION_OF_DENIAL
CBC = ReviewPolicy.CASE_BY_CASE


@pytest.mark.parametrize(
    "text",
    [
        "Presumption of denial",
        "Presumption of denial.",
        "Presumption of Denial",
        "Presumption of denial. ",
        "Presumption for denial.",
        "  presumption  of denial ",
    ],
)
def test_presumption_of_denial_spellings(text: str) -> None:
    parts = normalise_policy(text)
    assert [(p.policy, p.scope) for p in parts] == [(POD, None)]


def test_clauses_keep_scope_and_residual() -> None:
    parts = normalise_policy(
        "Case-by-case review for ECCNs 1A004.c, 1A004.d, 1A995, 1A999.a, 1D003, 2A983, 2D983, "
        "and 2E983, and for EAR99 items described in the Note to ECCN 1A995; casa-by-case review "
        "for items necessary to detect, identify and treat infectious disease; and presumption "
        "of denial for all other items subject to the EAR."
    )
    assert [p.policy for p in parts] == [CBC, CBC, POD]
    assert parts[0].scope is not None and parts[0].scope.startswith("ECCNs 1A004.c")
    assert parts[2].scope is None  # "all other items": the residual clause


def test_policy_of_denial_with_carve_out_and_reference() -> None:
    parts = normalise_policy(
        "Policy of denial for all items subject to the EAR apart from food and medicine "
        "designated as EAR99, which will be reviewed on a case-by-case basis. "
        "See §§ 746.8(b) and 744.21(e)."
    )
    assert parts[0].policy is ReviewPolicy.POLICY_OF_DENIAL and parts[0].scope is None
    assert parts[1].policy is CBC and parts[1].scope == "food and medicine designated as EAR99"
    assert parts[1].section == "746.8(b), 744.21(e)"


def test_us_abbreviation_does_not_split_a_clause() -> None:
    parts = normalise_policy(
        "Policy of denial; Case-by-case basis for U.S. Government supported space programs."
    )
    assert parts[1].scope == "U.S. Government supported space programs"


def test_see_section_policy() -> None:
    parts = normalise_policy("See §§ 744.2(d), 744.3(d), and 744.4(d) of this part.")
    assert parts[0].policy is ReviewPolicy.SEE_SECTION
    assert parts[0].section == "744.2(d), 744.3(d), 744.4(d)"


def test_case_by_case_then_approval() -> None:
    parts = normalise_policy(
        "Case-by-case for all items listed on the CCL. Presumption of approval for EAR99 items"
    )
    assert [(p.policy, p.scope) for p in parts] == [
        (CBC, "all items listed on the CCL"),
        (ReviewPolicy.PRESUMPTION_OF_APPROVAL, "EAR99 items"),
    ]


@pytest.mark.parametrize("text", ["", "   ", None])
def test_empty_policy(text: str | None) -> None:
    assert normalise_policy(text) == ()


# The five spellings of the Huawei license requirement in the 2026 CSL, and other markers.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("For all items subject to the EAR, see §§ 734.9(e)1 and 744.11 of the EAR2", (1, 2)),
        ("For all items subject to the EAR, see §§ 734.9(e)1, and 744.11 of the EAR2", (1, 2)),
        ("For All Items Subject to the EAR (See §734.9(e)1, and §744.11 of the EAR)2.", (1, 2)),
        ("For all items subject to the EAR, see §§ 734.9(e) 1 and 744.11 of the EAR 2", (1, 2)),
        ("For all items subject to the EAR. (See §§ 734.9(g),3 746.8(a)(3), and 744.21(b))", (3,)),
        ("For all items subject to the EAR. (See §§ 734.9(g), 3 746.8(a)(3))", (3,)),
        ("For all items subject to the EAR. (See §§ 734.9(e)(2) and 744.11 of the EAR)4", (4,)),
        ("For all items subject to the EAR. (See §§ 734.9(e)(2) and 744.11 of the EAR) 4", (4,)),
        ("For all items subject to the EAR. (See §§734.4(a)(9), 734.9(e)(3), and 744.11)5", (5,)),
        ("For all items subject to the EAR. (See § 744.11 of the EAR)", ()),
        ("except for EAR99-designated technology", ()),
        ("authorized pursuant to General License No. 11 of December 20, 2016.", ()),
        ("", ()),
    ],
)
def test_footnote_markers(text: str, expected: tuple[int, ...]) -> None:
    assert parse_footnotes(text) == expected


def test_strip_footnotes_keeps_sections() -> None:
    assert strip_footnotes("see §§ 734.9(g),3 746.8(a)(3)") == "see §§ 734.9(g), 746.8(a)(3)"
    assert strip_footnotes("see §§ 734.9(e) 1 and 744.11 of the EAR 2") == (
        "see §§ 734.9(e) and 744.11 of the EAR"
    )


def test_citation_formats() -> None:
    cites = parse_citations(
        "46 F.R. 46154 9/17/81 and 46 F.R. 19290 3/30/81; 84 FR 22963, 61.F.R. 12802 "
        "78 FR 3319 (1/16/2013) Vol. 87, No. 123, 06/28/2022"
    )
    assert [str(c) for c in cites] == [
        "46 FR 46154",
        "46 FR 19290",
        "84 FR 22963",
        "61 FR 12802",
        "78 FR 3319",
        "87 FR No. 123",
    ]
    assert cites[0].published == date(1981, 9, 17)
    assert cites[4].published == date(2013, 1, 16)
    assert cites[5].published == date(2022, 6, 28)
    assert earliest(cites) == cites[1]  # the lower page of volume 46


def test_citation_date_contradicting_volume_is_dropped() -> None:
    (cite,) = parse_citations("84 FR 22963 5/21/18")  # volume 84 is 2019
    assert cite.published is None


def test_normalise_citations_dedupes_and_trims() -> None:
    assert normalise_citations("85 FR 51603;  87 FR 6026; 85 FR 51603 ") == (
        "85 FR 51603",
        "87 FR 6026",
    )


def test_page_dates_bracket_from_below() -> None:
    pages = PageDates(
        [
            Citation(84, 22961, date(2019, 5, 21)),
            Citation(84, 43493, date(2019, 8, 21)),
        ]
    )
    assert pages.date_of(Citation(84, 30000)) == date(2019, 5, 21)
    assert pages.date_of(Citation(84, 100)) == date(2019, 1, 1)  # nothing known before it
    assert pages.date_of(Citation(90, 5)) == date(2025, 1, 1)  # unknown volume: its year
    assert pages.date_of(Citation(84, 5, date(2019, 1, 2))) == date(2019, 1, 2)
