"""The Arabic article in its Latin spellings reads "al", as the Arabic script reads it."""

from __future__ import annotations

import pytest

from earmark.names import analyze
from earmark.names.normalize import phonetic, skeleton


@pytest.mark.parametrize(
    ("written", "as_al"),
    [
        ("KHATAM OL ANBIA", "KHATAM AL-ANBIA"),  # Persian "ol"
        ("Ansar ul-Islam", "Ansar al-Islam"),  # Urdu "ul"
        ("EL AISSAMI MADDAH, Tareck", "AL AISSAMI MADDAH, Tareck"),  # Egyptian "el", first
        ("Abd ar-Rahman", "Abd al-Rahman"),  # assimilated to a sun letter, hyphenated
        ("Nasr ad Din Ahmad", "Nasr al Din Ahmad"),  # assimilated, between two words
        ("ash-Shabab", "al-Shabab"),
    ],
)
def test_every_spelling_of_the_article_reads_al(written: str, as_al: str) -> None:
    assert analyze(written).normalized == analyze(as_al).normalized


@pytest.mark.parametrize(
    "name",
    [
        "AT&T Inc",  # "at" before a one-letter word
        "As Soon Trading",  # an assimilated form first, without a hyphen
        "Holding an Order LLC",  # "an" before a word of another consonant
        "Juan Carlos El",  # a last word is no article
    ],
)
def test_words_that_only_look_like_the_article_keep_their_spelling(name: str) -> None:
    assert "al" not in analyze(name).normalized.split()


def test_an_n_before_b_is_compared_as_the_m_it_is_said() -> None:
    assert phonetic("anbya") == phonetic("ambia")
    assert skeleton("anbia") == skeleton("ambia")
    assert skeleton("anabia") != skeleton("amabia")  # only where the two letters meet
