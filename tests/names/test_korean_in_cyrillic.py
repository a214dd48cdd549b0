"""A Korean name written in Cyrillic, syllable by syllable, reads as the Hangul it writes."""

from __future__ import annotations

from earmark.names.korean_cyrillic import read_name


def test_each_syllable_is_known_by_the_spellings_the_lists_use() -> None:
    name = dict(read_name("Ким Чен Ын") or [])
    assert "kim" in name["Ким"]
    assert "jong" in name["Чен"]  # 정, ㅓ as the press writes it: е
    assert "un" in name["Ын"]
    assert "ri" in dict(read_name("Ли Сон Гвон") or [])["Ли"]  # a surname's customary spellings


def test_a_russian_name_is_not_read_as_korean_syllables() -> None:
    assert read_name("Иван Петров") is None
    assert read_name("Ким") is None  # one word: a surname alone says too little
    assert read_name("Ким Чен-Ын") is not None  # a hyphen parts the given name's syllables
