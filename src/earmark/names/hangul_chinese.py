"""Chinese names written in Hangul, read back to pinyin and then by the Chinese lexicon.

Korean writes a Chinese firm's name by the sounds of its Chinese syllables, under the
transcription rules for Chinese (data/ko_zh_transcription.toml): 中芯国际 (SMIC) is 중신궈지,
zhong xin guo ji. A Hangul stretch no Korean lexicon word covers is cut into the Hangul of
Chinese syllables in every way the table allows, and a reading whose syllables spell words
of the Chinese lexicon (:mod:`earmark.names.pinyin_reading`) is taken. Korean's own words
rarely read so: a syllable ending in ㄱ, ㄷ, ㅂ or ㄹ (but 얼, er) is no Chinese syllable.
"""

from __future__ import annotations

import tomllib
from functools import cache, lru_cache

from earmark.names.chinese import DATA, ZhWord, zh_data

_CONSONANTS = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"  # the initial consonants, in Unicode order
_PALATAL = frozenset("ㅈㅉㅊ")
# After ㅈ ㅉ ㅊ the y-glides ㅑ ㅖ ㅛ ㅠ are written ㅏ ㅔ ㅗ ㅜ (vowel indexes in Unicode).
_UNGLIDED = {2: 0, 7: 5, 12: 8, 17: 13}
_ONLY_GLIDED = frozenset("jqx")  # their u is ü, written in [syllables]
_OWN_I = frozenset({"zh", "ch", "sh", "r", "z", "c", "s"})  # zhi, si ...: in [syllables]
_MOST_READINGS = 64


def _with_initial(consonant: str, hangul: str) -> str:
    """The Hangul of a final (written with ㅇ) with the consonant of an initial instead."""
    code = ord(hangul[0]) - 0xAC00
    vowel, final = (code % 588) // 28, code % 28
    if consonant in _PALATAL:
        vowel = _UNGLIDED.get(vowel, vowel)
    lead = _CONSONANTS.index(consonant)
    return chr(0xAC00 + (lead * 21 + vowel) * 28 + final) + hangul[1:]


@cache
def _table() -> dict[str, tuple[str, ...]]:
    """The Hangul of each Chinese syllable -> the syllables written so (중: zhong, jiong)."""
    from earmark.names.pinyin_reading import pinyin_lexicon

    with (DATA / "ko_zh_transcription.toml").open("rb") as fh:
        data = tomllib.load(fh)
    valid = pinyin_lexicon().syllables
    spelt: dict[str, str] = {k: str(v) for k, v in data["syllables"].items()}
    for initial, consonant in data["initials"].items():
        for final, hangul in data["finals"].items():
            if initial in _ONLY_GLIDED and not final.startswith(("i", "v")):
                continue
            if initial in _OWN_I and final == "i":
                continue
            syllable = initial + final
            if syllable in valid:
                spelt.setdefault(syllable, _with_initial(str(consonant), str(hangul)))
    out: dict[str, list[str]] = {}
    for syllable, hangul in spelt.items():
        out.setdefault(hangul, []).append(syllable)
    return {k: tuple(v) for k, v in out.items()}


def _readings(hangul: str) -> list[list[str]]:
    """The ways to cut the Hangul into Chinese syllables (at most _MOST_READINGS)."""
    table = _table()
    partial: list[tuple[int, list[str]]] = [(0, [])]
    done: list[list[str]] = []
    while partial and len(done) < _MOST_READINGS:
        at, syllables = partial.pop()
        if at == len(hangul):
            done.append(syllables)
            continue
        for size in (1, 2):
            for syllable in table.get(hangul[at : at + size], ()):
                if len(partial) < _MOST_READINGS:
                    partial.append((at + size, [*syllables, syllable]))
    return done


@lru_cache(maxsize=8192)
def read(hangul: str) -> tuple[ZhWord, ...]:
    """The Chinese lexicon words the Hangul spells as Chinese syllables, or () when no
    reading of it spells lexicon words only (중신궈지 -> 中芯国际)."""
    from earmark.names.pinyin_reading import pinyin_lexicon
    from earmark.names.pinyin_reading import read as read_pinyin

    if len(hangul) < 2:
        return ()
    lexicon = pinyin_lexicon().words
    for syllables in _readings(hangul):
        whole = lexicon.get("".join(syllables))  # one word: 화웨이, huawei
        if whole is not None:
            return (ZhWord(whole, zh_data().words[whole], True),)
        words = read_pinyin(syllables)
        if words and all(isinstance(w, ZhWord) for w in words):
            return tuple(w for w in words if isinstance(w, ZhWord))
    return ()
