"""A listed body's name cut short by a field of 35 characters (SAP's NAME1, a SWIFT line)
finds the name it was cut from, when its whole words say which body."""

from __future__ import annotations

import pytest

from earmark.screening import Screener
from earmark.screening.screen import CUT_SHORT


@pytest.mark.parametrize(
    "listed",
    [
        "LIMITED LIABILITY COMPANY MODERN MARINE ARCTIC TRANSPORT SPG",
        "ALPHA M JOINT STOCK COMPANY RESEARCH AND PRODUCTION COMPLEX",
        "AKTSIONERNOE OBSHCHESTVO SURGUTINVESTNEFT",  # the word cut after five letters
    ],
)
def test_a_name_cut_at_35_characters_finds_its_entry(screener: Screener, listed: str) -> None:
    top = screener.screen(listed[:35]).matches[0]
    assert top.entry.name.casefold() == listed.casefold()
    assert top.score >= CUT_SHORT - 1e-9


def test_the_word_cut_in_two_is_shown_with_the_listed_word(screener: Screener) -> None:
    top = screener.screen("LIMITED LIABILITY COMPANY MODERN MA").matches[0]
    assert top.explanation[-1].listed == "marine"
    assert top.explanation[-1].how == "cut short"


@pytest.mark.parametrize(
    "query",
    [
        "Joint Stock Company Research Produc",  # generic words: the start of many names
        "LLC MODERN MA",  # too short to be a field's cut
    ],
)
def test_a_start_that_does_not_say_which_body_is_no_hit(screener: Screener, query: str) -> None:
    assert all(m.score < CUT_SHORT for m in screener.screen(query).matches)


def test_a_firm_is_not_the_same_name_as_a_person_of_its_word(screener: Screener) -> None:
    # "Mushroom" is a listed man's alias: a firm called Mushroom is not "the same name but for
    # the legal form" (0.98), as a person has no legal form
    for m in screener.screen("LIMITED LIABILITY COMPANY MUSHROOM").matches:
        if m.entry.type == "individual":
            assert m.name_score < 0.98


def test_a_name_cut_short_is_found_only_on_the_lists_asked_for(screener: Screener) -> None:
    query = "LIMITED LIABILITY COMPANY MODERN MA"  # an SDN entry's name, cut at 35
    assert [m.entry.list for m in screener.screen(query, lists=["SDN"]).matches] == ["SDN"]
    assert screener.screen(query, lists=["EL"]).matches == ()
