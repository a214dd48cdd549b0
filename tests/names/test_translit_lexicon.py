"""How Latin transliterations of Korean words are read."""

from __future__ import annotations

from earmark.names.translit_lexicon import korean_spellings, latin_readings


def test_revised_romanization_also_reads_in_the_lists_mccune_reischauer() -> None:
    assert korean_spellings("jeongchal") == ("jongchal", "chongchal")
    assert korean_spellings("eun") == ("un",)  # "Jong-eun" is the "Jong Un" of the lists
    assert korean_spellings("george") == ()  # not Korean syllables
    assert korean_spellings("geo") == ()  # three letters: only a syllable without a consonant
    assert "koryo" in latin_readings("goryeo")  # ㄹ before a vowel is r: 고려
