"""Words of Arabic and Persian names: clitics written on a word, two words joined before the
article, and the transliteration of a lexicon word compared by its consonants."""

from __future__ import annotations

import pytest

from earmark.names import analyze
from earmark.names.lexicons import read_arabic_word
from earmark.names.normalize import by_consonants, clean_input, skeleton
from earmark.screening import Screener


@pytest.mark.parametrize(
    ("word", "english"),
    [
        ("والكويت", "kuwait"),  # "and" and the article on the word
        ("للعلوم", "sciences"),  # "for the"
        ("للتجارة", "trading"),
        ("بنك", "bank"),  # nothing on it
    ],
)
def test_a_clitic_on_the_front_of_a_word_is_read_off(word: str, english: str) -> None:
    found = read_arabic_word(word)
    assert found is not None and english in found


def test_a_joiner_before_the_article_splits_two_words() -> None:
    assert clean_input("خاتم\u200cالانبیاء") == "خاتم الانبیاء"
    assert clean_input("هسته\u200cای") == "هستهای"  # a suffix stays on its word


def test_only_a_form_without_vowels_of_a_lexicon_word_is_compared_by_consonants() -> None:
    setad = next(t for t in analyze("ستاد اجرایی").tokens if t.text == "headquarters")
    assert by_consonants("std", setad.forms, setad.skeleton)
    assert not by_consonants("headquarters", setad.forms, setad.skeleton)
    # a word no lexicon knows: its one form, whatever letters anyascii gave it
    assert by_consonants("riysy", ("riysy",), True)


def test_an_english_c_is_a_k_in_a_skeleton() -> None:
    assert skeleton("caspian") == skeleton("kaspyn")


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("هواپیمایی کاسپین", "CASPIAN AIRLINES"),
        ("ستاد اجرایی فرمان حضرت امام", "EXECUTION OF IMAM KHOMEINI'S ORDER"),
        ("القاعدة في جزيرة العرب", "AL-QA'IDA IN THE ARABIAN PENINSULA"),
        ("بنك اليمن والكويت للتجارة والاستثمار", "YEMEN KUWAIT BANK FOR TRADE AND INVESTMENT"),
    ],
)
def test_arabic_and_persian_names_of_listed_bodies(query: str, listed: str) -> None:
    top = Screener().screen(query).matches[0]
    assert top.entry.name.casefold().startswith(listed.casefold())


def test_a_letter_before_the_h_of_he_is_not_read_as_a_digraph() -> None:
    # حاجی‌زاده: د then ه, no vowel written between; "dh" would be the skeleton's ذ (z)
    token = analyze("حاجی‌زاده").tokens[0]
    assert skeleton(token.text) == skeleton("hajizadeh")


def test_zad_is_read_as_the_d_of_arabic_and_the_z_of_persian() -> None:
    token = analyze("رضایی").tokens[0]  # Rezaei
    assert token.forms == ("rdyy", "rzyy")


def test_a_persian_name_with_zad_and_a_joined_surname_finds_the_listed_person() -> None:
    matches = Screener().screen("امیرعلی حاجی‌زاده").matches
    assert matches and matches[0].entry.name == "HAJIZADEH, Amir Ali", matches[:1]


def test_a_name_the_lists_write_with_its_article_keeps_it() -> None:
    # القاعدة is AL QA'IDA: the lexicon's English keeps the article the lists write
    assert analyze("تنظيم القاعدة").normalized.split()[-2:] == ["al", "qaida"]
