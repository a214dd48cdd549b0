"""How a Chinese name written in Hangul is read back to its Chinese words."""

from __future__ import annotations

import pytest

from earmark.names.analyze import hangul_chinese_reading
from earmark.names.hangul_chinese import read


@pytest.mark.parametrize(
    ("hangul", "chinese"),
    [("하이캉웨이스", "海康威视"),  # hai kang wei si
     ("상하이", "上海"),
     ("광저우", "广州"),  # ㅈ + 우 for zhou: the glide after ㅈ is not written
     ("선전", "深圳")],
)  # fmt: skip
def test_hangul_of_chinese_syllables_reads_as_the_lexicon_word(hangul: str, chinese: str) -> None:
    assert [w.source for w in read(hangul)] == [chinese]


@pytest.mark.parametrize("korean", ["조선", "삼성", "김정은", "신화", "쿠팡"])
def test_korean_words_do_not_read_as_chinese(korean: str) -> None:
    assert read(korean) == ()  # 조, 삼, 김: no Chinese syllable is written so


def test_the_chinese_reading_is_one_more_reading_of_the_name() -> None:
    reading = hangul_chinese_reading("하이캉웨이스")
    assert reading is not None and reading.normalized == "hikvision"
    assert hangul_chinese_reading("조선무역") is None
