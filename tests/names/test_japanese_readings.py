"""How kanji are read as Japanese, and katakana loanwords by their foreign spelling."""

from __future__ import annotations

from earmark.names import analyze
from earmark.names.analyze import japanese_reading
from earmark.names.japanese import foreign_spelling, words
from earmark.names.kana import hepburn, loan_reading


def test_hepburn_writes_the_doubled_consonant_and_drops_the_long_vowel_mark() -> None:
    assert hepburn("ホッカイドー") == "hokkaido"
    assert hepburn("マッチャ") == "matcha"  # ッ before ch is t
    assert hepburn("クドー") == "kudo"


def test_kanji_are_read_by_their_japanese_readings_long_vowels_short_first() -> None:
    readings = {w.source: w.readings for w in words("井上邦雄")}
    assert readings == {"井上": ("inoue",), "邦雄": ("kunio",)}
    assert words("工藤")[0].readings == ("kudo", "kudou")  # as listed, then as spelt


def test_a_numeral_and_its_counters_are_one_word() -> None:
    assert [w.readings[0] for w in words("五代目")] == ["godaime"]


def test_a_native_word_after_another_is_also_read_voiced() -> None:
    assert words("山口組")[-1].readings == ("kumi", "gumi")  # rendaku
    assert words("住吉会")[-1].readings == ("kai",)  # a Sino-Japanese word is not voiced


def test_a_loanword_is_known_by_the_foreign_spelling_the_dictionary_gives() -> None:
    assert foreign_spelling("ラザルス") == "lazarus"
    assert foreign_spelling("カスペルスキー") == ""  # not in the dictionary: read by sound


def test_the_japanese_reading_keeps_the_chinese_lexicons_english() -> None:
    reading = japanese_reading("山口組株式会社")
    assert reading is not None
    assert reading.normalized.split()[:2] == ["yamaguchi", "kumi"]
    assert reading.tokens[-1].kind.value == "legal"


def test_a_name_without_kanji_has_no_japanese_reading() -> None:
    assert japanese_reading("Yamaguchi Trading") is None


def test_gongsi_is_company_or_corporation_as_a_legal_form() -> None:
    legal = analyze("中国电子科技集团公司").tokens[-1]
    assert legal.kind.value == "legal"
    assert "corp" in legal.forms


def test_chi_and_ji_of_a_foreign_name_also_read_ti_and_di() -> None:
    assert loan_reading("プーチン", soft=True) == "putin"  # the long vowel is the word's own
    assert loan_reading("ロスネフチ", soft=True) == "rosnefti"  # the soft т of Роснефть
    assert loan_reading("ウラジーミル", soft=True) == "uradimiru"
    assert loan_reading("スーダン") == "sudan"  # no added vowel dropped from a long one
