"""A long name transliterated from a script without short vowels may differ in its vowels
alone, a coined name many listed firms bear may be misspelt, a name may be written as its
acronym: each still finds the party."""

from __future__ import annotations

import pytest

from earmark.screening import Screener
from earmark.screening.similarity import SKELETON, vowels_differ, word_similarity


@pytest.mark.parametrize(
    ("a", "b"),
    [("hezbollah", "hizballah"), ("mohammed", "muhammad"), ("abdulrahman", "abdelrahmen")],
)
def test_the_same_consonants_in_the_same_places_are_the_same_word(a: str, b: str) -> None:
    assert vowels_differ(a, b)
    assert word_similarity(a, b) == (SKELETON, "same consonants")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("kamilov", "kamalav"),  # seven letters or fewer: within the edit budget or not
        ("hezbollah", "hizbollah"),  # one vowel: an edit
        ("croporation", "corporaton"),  # a consonant moved
        ("hezbollah", "hizbullahs"),  # not the same length
    ],
)
def test_other_differences_are_not_a_matter_of_vowels(a: str, b: str) -> None:
    assert not vowels_differ(a, b)


def test_the_usual_english_spelling_finds_the_listed_one() -> None:
    matches = Screener().screen("Hezbollah").matches
    assert matches and matches[0].matched_name == "HIZBALLAH", matches[:1]


@pytest.mark.parametrize(("query", "listed"), [("Gazprum", "Gazprom"), ("Sberbenk", "SBERBANK")])
def test_a_typo_of_a_name_many_listed_firms_bear_finds_it(query: str, listed: str) -> None:
    # "Gazprom" is in a hundred listed names, so it weighs little; the least evidence asked of
    # generic words alone is not asked of it.
    matches = Screener().screen(query).matches
    assert matches and listed.casefold() in matches[0].matched_name.casefold(), matches[:1]


@pytest.mark.parametrize(
    ("acronym", "listed"),
    [("NUDT", "National University of Defense Technology"),
     ("CAEP", "Chinese Academy of Engineering Physics"),
     # "Corporation" is a letter of the acronym, in the middle and at the end
     ("AECC", "Aero Engine Corporation of China"),
     ("CSIGC", "China South Industries Group Corporation"),
     # a city in a subsidiary's name is no letter of the parent's acronym
     ("SMIC Tianjin", "Semiconductor Manufacturing International (Tianjin) Corporation")],
)  # fmt: skip
def test_the_acronym_of_a_whole_name_finds_it_where_the_list_gives_none(
    acronym: str, listed: str
) -> None:
    matches = Screener().screen(acronym, exclude_names=[acronym]).matches
    assert matches and matches[0].matched_name.startswith(listed), matches[:1]
    assert matches[0].explanation[0].how == "acronym of the name"


@pytest.mark.parametrize("acronym", ["HSBC", "KPMG", "TSMC", "NATO"])
def test_an_unlisted_acronym_is_not_a_hit(acronym: str) -> None:
    assert not Screener().screen(acronym).matches
