"""How Latin transliterations of Korean words are read."""

from __future__ import annotations

from earmark.names.translit_lexicon import korean_spellings, latin_readings


def test_revised_romanization_also_reads_in_the_lists_mccune_reischauer() -> None:
    assert korean_spellings("jeongchal") == ("jongchal", "chongchal")
    assert korean_spellings("eun") == ("un",)  # "Jong-eun" is the "Jong Un" of the lists
    assert korean_spellings("george") == ()  # not Korean syllables
    assert korean_spellings("geo") == ()  # three letters: only a syllable without a consonant
    assert "koryo" in latin_readings("goryeo")  # ㄹ before a vowel is r: 고려


def test_a_persian_transliteration_reads_though_anyascii_marks_the_ayn() -> None:
    # anyascii writes صنایع "sny`": the ayn's mark is no letter of a Latin spelling.
    assert latin_readings("sanaye")[:1] == ("industries",)


def test_a_persian_transliteration_within_a_letter_of_anyascii_reads() -> None:
    # مستضعفین: anyascii writes ض "d", Persian says z ("Mostazafin").
    assert "oppressed" in latin_readings("mostazafin")
    assert "missile" in latin_readings("mushaki")


def test_an_english_word_is_never_read_as_a_persian_one() -> None:
    # within one letter of a lexicon word's skeleton, but English: "defense" stays English
    assert latin_readings("defense") == ()


def test_turkish_words_of_company_names_read_in_english() -> None:
    assert latin_readings("havacilik")[:1] == ("aviation",)
    assert latin_readings("dis")[:1] == ("foreign",)  # dış: a word of three letters
    assert latin_readings("celik") == ()  # Çelik is as often a surname: left out


def test_arabic_transliterations_read_as_the_lexicon_words_they_spell() -> None:
    assert latin_readings("muqawama")[:1] == ("resistance",)
    assert latin_readings("islamiyya")[:1] == ("islamic",)
    # متحده is compared letter by letter: ت then ح is not the "th" of ث
    assert latin_readings("mutahida")[:1] == ("united",)


def test_korean_words_are_romanised_syllable_by_syllable_too() -> None:
    # 국가: McCune-Reischauer tenses the g after the final k ("kukka"); 창작사: the final ㄱ
    # before a consonant is k in both systems ("changjaksa", not anyascii's "changjagsa")
    assert latin_readings("kukka")[:1] == ("state",)
    assert latin_readings("changjaksa") == ("art studio",)
    assert latin_readings("inmingun") == ("peoples army",)  # a word rendered only in several
