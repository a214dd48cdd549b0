"""A person written with the initial of a given name ("SAAB T.") is found: the initial stands
for any word of its letter, in retrieval as in scoring."""

from __future__ import annotations

import pytest

from earmark.screening import Screener


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("SAAB T.", "SAAB, Tony"),
        ("KARIMI M.", "KARIMI, Maziar"),
        ("HAKIMZADA J.", "HAKIMZADA, Jasmeet"),
    ],
)
def test_a_surname_and_an_initial_find_the_listed_person_first(
    screener: Screener, query: str, listed: str
) -> None:
    matches = screener.screen(query, type="individual").matches
    assert matches, f"nothing for {query!r}"
    assert matches[0].entry.name == listed
    assert 0.8 <= matches[0].score < 0.99  # a hit, but not as good as the whole given name


def test_the_initial_pairs_only_with_a_word_of_its_letter(screener: Screener) -> None:
    # "SAAB X." has no listed SAAB whose given name begins with X: the surname alone is weaker.
    found = {m.entry.name: m.score for m in screener.screen("SAAB T.", threshold=0.3).matches}
    other = {m.entry.name: m.score for m in screener.screen("SAAB X.", threshold=0.3).matches}
    assert other.get("SAAB, Tony", 0.0) < found["SAAB, Tony"]


def test_initials_alone_find_nobody(screener: Screener) -> None:
    assert screener.screen("T. M.").matches == ()


@pytest.mark.parametrize(
    ("query", "listed"),
    [("Putin, V.V.", "PUTIN, Vladimir Vladimirovich"),
     ("Путин В.В.", "PUTIN, Vladimir Vladimirovich")],
)  # fmt: skip
def test_initials_written_together_are_read_apart(query: str, listed: str) -> None:
    matches = Screener().screen(query).matches
    assert matches and matches[0].entry.name == listed, matches[:1]


def test_a_firm_with_dotted_initials_is_not_read_as_a_person() -> None:
    # "B.S. COMPANY OFFSHORE" read "B. S. ..." met any "... COMPANY OFFSHORE"
    matches = Screener().screen("B.S. COMPANY OFFSHORE").matches
    assert [m.entry.name for m in matches] == ["BS COMPANY OFFSHORE"], matches


@pytest.mark.parametrize("query", ["LDS Computer Systems Trading LLC", "L.D.S. Computer Systems"])
def test_letters_listed_apart_are_found_written_together(screener: Screener, query: str) -> None:
    # listed as "L D S COMPUTER SYSTEMS TRADING LLC": three letters, one word in the query
    top = screener.screen(query).matches
    assert top and top[0].entry.name == "L D S COMPUTER SYSTEMS TRADING LLC", top[:1]
