"""Japanese and Korean renderings of listed names find the entry; unlisted names do not."""

from __future__ import annotations

import pytest

from earmark.names import analyze
from earmark.names.lexicons import loan_forms, syllable_forms
from earmark.names.sounds import sound_key
from earmark.screening import Screener


def _top(screener: Screener, query: str, **kw: str) -> str:
    matches = screener.screen(query, **kw).matches
    assert matches, f"nothing for {query!r}"
    top = matches[0]
    return f"{top.entry.name} | {' | '.join(top.entry.aliases)}".casefold()


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("山口組", "yamaguchi-gumi"),  # kanji read as Japanese, 組 voiced after 山口
        ("五代目工藤會", "kudo-kai"),  # 五代目 "godaime", 會 the old form of 会
        ("篠田健一", "shinoda, kenichi"),  # a person, surname first (健一 a usual Kenichi)
    ],
)  # fmt: skip
def test_a_kanji_name_read_as_japanese_finds_the_listed_party(
    screener: Screener, query: str, listed: str
) -> None:
    assert listed in _top(screener, query)


def test_a_katakana_name_and_a_loanword_suffix_are_read_apart(screener: Screener) -> None:
    assert "kaspersky" in _top(screener, "カスペルスキー・ラボ")  # ラボ is "lab"


def test_a_korean_word_is_also_read_in_its_other_rendering() -> None:
    readings = {t.text for t in analyze("국가보위성").tokens}
    assert {"state", "security"} <= readings  # the first rendering; the other via readings()


def test_a_final_eo_in_hangul_is_also_the_english_er() -> None:
    assert "bagner" in loan_forms("바그너")  # Wagner


def test_a_final_h_after_a_vowel_is_not_heard() -> None:
    assert sound_key("hezbollah") == sound_key("hejbolla")  # 헤즈볼라
    assert sound_key("mohsen") != sound_key("mosen")  # only at the end of the word


@pytest.mark.parametrize(
    "query",
    ["山田電機株式会社", "北海道電力株式会社", "佐藤一郎", "トヨタ自動車株式会社"],
)  # fmt: skip
def test_an_unlisted_japanese_name_sharing_a_generic_word_is_not_a_hit(
    screener: Screener, query: str
) -> None:
    assert not screener.screen(query).matches


def test_a_korean_z_written_with_its_added_vowel_is_z() -> None:
    assert "hezbolla" in loan_forms("헤즈볼라")  # 즈 in a cluster: z, not the j of 주


def test_a_known_chinese_name_is_known_without_its_legal_form_or_latin_bracket() -> None:
    known = analyze("中芯国際集成電路製造(SMIC)").known_as  # Japanese forms, no 有限公司
    assert known is not None and known.startswith("Semiconductor Manufacturing International")


def test_a_pair_reads_the_first_name_as_a_screened_name_is_read(screener: Screener) -> None:
    assert screener.match("山田太郎", "Yamada Taro").score >= 0.9  # kanji read as Japanese
    assert screener.match("山田太郎", "Tanaka Hanako").score < 0.5


def test_a_russian_name_in_katakana_finds_the_listed_person() -> None:
    matches = Screener().screen("ウラジーミル・プーチン").matches
    assert matches and matches[0].entry.name == "PUTIN, Vladimir Vladimirovich", matches[:1]


@pytest.mark.parametrize(
    ("query", "listed"),
    [("Ким Чен Ын", "KIM, Jong Un"),  # the press's older rendering: ㅓ as е
     ("Ким Ё Чжон", "KIM, Yo Jong")],  # Kontsevich; a one-letter syllable is no initial
)  # fmt: skip
def test_a_korean_name_in_cyrillic_finds_the_listed_person(query: str, listed: str) -> None:
    matches = Screener().screen(query).matches
    assert matches and matches[0].entry.name == listed, matches[:1]


@pytest.mark.parametrize(
    ("query", "listed"),
    [("카스퍼스키 랩", "AO Kaspersky Lab"),  # 랩 alone is "lab"; no r before the s
     ("이란 에어", "Iran Air"),
     ("스베르뱅크", "SBERBANK")],  # 뱅크 inside one word: part of the foreign name
)  # fmt: skip
def test_english_words_in_hangul_are_read_alone_and_left_inside_a_name(
    screener: Screener, query: str, listed: str
) -> None:
    assert listed.casefold() in _top(screener, query).casefold()


def test_an_r_after_a_vowel_before_a_consonant_is_not_heard() -> None:
    from earmark.names.sounds import sound_keys

    assert set(sound_keys("kaspersky")) & set(sound_keys("kaseupeoseuki"))


def test_a_korean_syllable_ends_as_its_romanisation_writes_it() -> None:
    assert syllable_forms("박", first=True)[:2] == ("bak", "pak")  # not anyascii's "bag"
    assert syllable_forms("욱") == ("uk",)
    assert syllable_forms("정")[0] == "jeong"  # ng stays


def test_a_korean_name_is_not_another_by_the_letters_of_its_final_consonant(
    screener: Screener,
) -> None:
    # 박찬욱 (Park Chan-wook) spelt letter by letter, "chanug", was one edit from "Chang"
    assert not screener.screen("박찬욱").matches
    assert screener.screen("박정천").matches[0].entry.name == "PAK, Jong Chon"


def test_a_chinese_syllable_that_spells_a_latin_stopword_is_a_name(screener: Screener) -> None:
    # 翟 reads "di", an Italian stopword: the surname was dropped, and "军 翟" was the army
    assert [t.text for t in analyze("翟 军").scoring_tokens] == ["di", "army"]
    names = [m.entry.name for m in screener.screen("军 翟").matches]
    assert "ISLAMIC REVOLUTIONARY GUARD CORPS" not in names  # its alias "army" alone


def test_a_name_read_from_kanji_abbreviates_no_generic_word(screener: Screener) -> None:
    # 舞 伊藤 (Mai Ito) read "mai", "ito": not abbreviations of "materials international"
    assert not screener.screen("舞 伊藤").matches
    assert screener.match("Intl Trdg", "INTERNATIONAL TRADING").score > 0.8  # Latin ones do
