"""Two words of a listed name written as one find the name, when the analysis would have read
one of them apart (a legal form, a place, a transliteration read in English)."""

from __future__ import annotations

import pytest

from earmark.names import analyze
from earmark.screening import Screener
from earmark.screening.screen import _written_together


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("FOXWHELPLIMITED", "FOXWHELP LIMITED"),  # a legal form written on
        ("PASKALOOO", "PASKAL OOO"),
        ("ZALIVVOSTOK", "ZALIV VOSTOK"),  # a transliteration read in English ("east")
        ("MALTEMANGELSEN", "MALTE MANGELSEN"),  # "Malte" is also a place's name
        ("mauricetaylor", "MAURICE TAYLOR"),  # two listed words a listed name has side by side
    ],
)
def test_two_words_written_as_one_find_the_name(
    screener: Screener, query: str, listed: str
) -> None:
    top = screener.screen(query).matches[0]
    assert listed.casefold() in (top.entry.name.casefold(), top.matched_name.casefold())
    assert top.via is not None and top.via.startswith("words written together")


def test_a_word_split_only_one_way(screener: Screener) -> None:
    index = screener.current_index()
    assert _written_together(index, analyze("FOXWHELPLIMITED")) == "foxwhelp limited"
    # a listed word as it stands, or a word no split makes of two known ones: nothing
    assert _written_together(index, analyze("Hikvision")) is None
    assert _written_together(index, analyze("Qwertyuiopasdf")) is None
    # two listed words that no listed name has side by side: a name of its own
    assert _written_together(index, analyze("Glencore plc")) is None


def test_two_arabic_script_words_find_the_listed_word_of_their_consonants(
    screener: Screener,
) -> None:
    # نصر الله (nsr, llh) is one listed word, NASRALLAH: the consonants of the two, joined
    matches = screener.screen("حسن نصر الله").matches
    assert matches and matches[0].entry.name == "NASRALLAH, Hasan", matches[:1]
    assert [w.listed for w in matches[0].explanation][1:] == ["nasrallah", "nasrallah"]
