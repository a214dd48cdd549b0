"""How names written by their sounds in other scripts are read and compared."""

from __future__ import annotations

import pytest

from earmark.names import analyze
from earmark.names.chinese import simplified
from earmark.names.kana import read_kana, romanise
from earmark.names.lexicons import syllable_forms
from earmark.names.normalize import clean_input, skeleton
from earmark.names.sounds import sound_key, sound_keys
from earmark.names.translit_lexicon import latin_readings
from earmark.names.variants import contained_names
from earmark.screening.similarity import sounds_alike, word_similarity


@pytest.mark.parametrize(
    "spelling", ["hikvision", "haikeubijeon", "haikubijon", "khikvizhn"]
)  # 하이크비전, ハイクビジョン, Хиквижн
def test_one_name_in_four_scripts_has_one_sound_key(spelling: str) -> None:
    assert sound_key(spelling) == "HKPSN"


def test_a_word_starting_with_a_vowel_says_so() -> None:
    assert sound_key("imcb") != sound_key("megubi")
    assert sound_key("islam").startswith("A")


def test_w_is_read_both_as_a_consonant_and_as_a_vowel() -> None:
    assert set(sound_keys("dahua")) & set(sound_keys("dahwa"))  # 다화
    assert set(sound_keys("huawei")) & set(sound_keys("khuavei"))  # Хуавэй


def test_an_english_soft_g_sounds_like_j() -> None:
    assert set(sound_keys("digital")) & set(sound_keys("didzhital"))  # Диджитал


def test_sounds_compare_only_words_read_by_sound() -> None:
    assert word_similarity("haikeubijeon", "hikvision", sounded="hangul")[1] == "same sounds"
    assert word_similarity("haikeubijeon", "hikvision")[0] == 0.0  # a Latin query: letters


@pytest.mark.parametrize(
    ("a", "b"),
    [("soni", "sona"),  # ソニー: too short to compare by sound
     ("sharapova", "zacharova")],  # Cyrillic spells nearly letter for letter
)  # fmt: skip
def test_sounds_alone_do_not_make_different_names_alike(a: str, b: str) -> None:
    assert sounds_alike(a, b, "cyrillic") == 0.0


def test_cyrillic_vowels_of_a_name_without_written_vowels_do_not_keep_it_apart() -> None:
    # Хезболла: the consonants of "Hizballah" in order, its vowels as Russian hears them
    assert sounds_alike("khezbolla", "hizballah", "cyrillic") > 0.8
    assert word_similarity("khezbolla", "hizballah")[0] < 0.7  # a Latin query: its letters


def test_a_short_key_needs_the_letters_to_look_alike() -> None:
    assert sounds_alike("hwawei", "huawei", "hangul") > 0.8  # 화웨이: key "HP"
    assert sounds_alike("hwawei", "hobbies", "hangul") == 0.0


def test_katakana_is_read_in_modified_hepburn_with_extended_kana() -> None:
    assert romanise("ファーウェイ") == "fawei"  # long vowel dropped, ファ fa, ウェ we
    assert romanise("ロステック") == "rosuteku"  # the doubling ッ dropped
    assert romanise("ジョン") == "jon"  # ジョ is one sound, not "jiyo"


def test_katakana_loanwords_read_as_english_and_f_also_as_h() -> None:
    read = read_kana("ファーウェイ・テクノロジーズ")
    assert read[0] == ("ファーウェイ", ("fawei", "hawei"), False)
    assert read[1] == ("テクノロジーズ", ("technologies",), True)


def test_a_brand_holding_a_loanword_is_read_whole() -> None:
    # "Vision" in ハイクビジョン is part of the brand: not split off as a generic word
    assert [known for _, _, known in read_kana("ハイクビジョン")] == [False]


def test_a_korean_syllable_has_the_spellings_the_lists_use() -> None:
    assert {"jeong", "jong", "chong"} <= set(syllable_forms("정"))
    assert {"ri", "lee"} <= set(syllable_forms("리", first=True))
    assert "ryong" in syllable_forms("룡")  # anyascii's initial l written r


def test_a_korean_person_is_also_read_surname_then_given_name() -> None:
    from earmark.names.analyze import readings

    (person,) = readings("김정은", most=1)
    surname, given = person.tokens
    assert "kim" in surname.forms and "jongun" in given.forms


@pytest.mark.parametrize(
    ("latin", "english"),
    [("korporatsiya", "corporation"), ("aviatsionnyy", "aviation"),
     ("obyedinennaya", "united"), ("sherkat", "company"), ("muyeok", "trading"),
     ("eunhaeng", "bank")],
)  # fmt: skip
def test_latin_transliterations_read_with_the_other_scripts_lexicons(
    latin: str, english: str
) -> None:
    assert english in latin_readings(latin)


@pytest.mark.parametrize("word", ["apple", "national", "goldman", "technologies"])
def test_english_words_are_not_read_as_transliterations(word: str) -> None:
    assert latin_readings(word) == ()


def test_the_arabic_article_is_read_apart() -> None:
    assert analyze("بشار الأسد").normalized == "bshr al sd"


def test_skeletons_fold_letters_the_lists_write_two_ways() -> None:
    assert skeleton("zawahiri") == skeleton("dhwhry")  # ظ as z or dh
    assert skeleton("sadegh") == skeleton("sdq")  # ق as gh in Persian names
    assert skeleton("javad") == skeleton("jwd")  # Persian و for v


def test_a_zero_width_non_joiner_stays_inside_the_word() -> None:
    assert clean_input("هسته\u200cای") == "هستهای"


def test_japanese_kanji_forms_read_as_chinese_ones_but_shared_characters_stay() -> None:
    assert simplified("開発集団国営") == "开发集团国营"
    assert simplified("研究所") == "研究所"  # jp2t alone would write 硏


def test_a_trailing_bracket_is_a_remark_on_the_name() -> None:
    assert "Rostec" in contained_names("Rostec (Russian Technologies State Corporation)")
    # a bracket inside the name is part of it
    assert contained_names("Hwa Tsing (Beijing) Technology Co., Ltd.") == [
        "Hwa Tsing (Beijing) Technology Co., Ltd"
    ]


@pytest.mark.parametrize("written", ["김정은", "김 정은", "정은 김"])
def test_a_korean_name_is_read_as_a_person_in_either_order(written: str) -> None:
    from earmark.names.analyze import readings

    (person,) = readings(written, most=1)
    assert {"kim", "jongun"} <= {f for t in person.tokens for f in t.forms}


def test_a_given_name_alone_is_not_split_into_a_surname() -> None:
    from earmark.names.analyze import readings

    # "지아 안" is Jia An, given name first: "ji" is not a surname here
    (person,) = readings("지아 안", most=1)
    assert [t.text for t in person.tokens] == ["an", "jia"]


def test_hangul_loanword_reads_final_consonants_as_rr_and_drops_the_split_vowel() -> None:
    from earmark.names.lexicons import loan_forms

    assert loan_forms("로스텍") == ("roseutek", "rostek")  # final ㄱ k, ㄹ r, 스 s
    assert loan_forms("방크") == ("bangkeu",)  # ng kept; the last 으 kept
    assert loan_forms("Hangul") == ()


def test_katakana_loanword_reading_drops_added_vowels_and_reads_tsu_as_tu() -> None:
    from earmark.names.kana import loan_reading

    assert loan_reading("カスペルスキー") == "kasperski"
    assert loan_reading("ツポレフ") == "tuporefu"  # the last kana keeps its vowel
    assert loan_reading("センスタイム") == "senstaimu"


def test_persian_spellings_folding_to_one_key_keep_every_rendering() -> None:
    from earmark.names.lexicons import lexicon_words

    assert {"melli", "national"} <= set(lexicon_words("fa_ar_lexicon.toml")["ملی"])


def test_persian_ezafe_written_on_a_latin_word_is_left_out() -> None:
    from earmark.names import analyze

    tokens = [t.forms[0] for t in analyze("Bank-e Melli-ye Iran").scoring_tokens]
    assert tokens == ["bank", "melli", "iran"]
    assert [t.forms[0] for t in analyze("Ye Jianming").scoring_tokens] == ["ye", "jianming"]


def test_ukrainian_and_belarusian_endings_are_cut_to_the_stem() -> None:
    from earmark.names.lexicons import read_cyrillic_word

    assert read_cyrillic_word("ісламської") == ("islamic",)
    assert read_cyrillic_word("цягачоў") == ("tractor", "tractors")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        # (word, compared by consonants, read by sound)
        ("Nina محمدی", [("nina", False, ""), ("mhmdy", True, "")]),
        ("Марʼяна Martin", [("maryana", False, "cyrillic"), ("martin", False, "")]),
        ("서연 Hardiansyah", [("seoyeon", False, "hangul"), ("hardiansyah", False, "")]),
        ("さゆり Smith", [("sayuri", False, "kana"), ("smith", False, "")]),
    ],
)
def test_each_word_of_a_name_in_two_scripts_is_read_as_its_own_script_reads(
    name: str, expected: list[tuple[str, bool, str]]
) -> None:
    # A Latin word beside a Persian one is not compared by its consonants ("nina" would be
    # "nn" and find "Yunnan"), nor one beside Cyrillic by its sounds.
    tokens = analyze(name).scoring_tokens
    assert [(t.text, t.skeleton, t.sound) for t in tokens] == expected


def test_a_word_of_no_letters_stays_with_its_neighbour_in_another_script() -> None:
    assert [t.text for t in analyze("ООО & Ромашка").tokens][-1] == "romashka"
    assert [t.text for t in analyze("2 Ромашка").tokens] == ["2", "romashka"]


@pytest.mark.parametrize(("name", "surname"), [("안 건우", "an"), ("도 경수", "do")])
def test_a_korean_syllable_that_reads_as_an_english_stopword_is_a_name(
    name: str, surname: str
) -> None:
    # 안 (Ahn) and 도 (Do) are family names, not the English "an" and Portuguese "do".
    words = [t.text for t in analyze(name).scoring_tokens]
    assert words[0] == surname and len(words) == 2


def test_latin_stopwords_still_stop_in_latin_script() -> None:
    assert [t.text for t in analyze("An Apple of Gold").scoring_tokens] == ["apple", "gold"]
