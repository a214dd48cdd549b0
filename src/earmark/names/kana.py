"""Japanese kana read as the Latin spellings the lists give foreign names.

Japanese writes a foreign firm's name in katakana by its sounds ("Huawei" is ファーウェイ,
"Hikvision" ハイクビジョン) and the English words of the name as katakana loanwords
(テクノロジーズ, "technologies"). A kana run is read longest word first against a lexicon of
those loanwords (data/ja_lexicon.toml); the kana between them are romanised in modified
Hepburn (data/ja_kana.toml), with the long-vowel mark and the doubled consonant left out as the
Latin spelling leaves them out, and compared with listed words by sound
(:mod:`earmark.names.sounds`). Japanese hears the "h" of "hua" as the "f" of フ: a reading
with f also gives one with h. Kanji are not read here: they go with Chinese characters,
and are also read as Japanese by :mod:`earmark.names.japanese`.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from pathlib import Path

from earmark.names.lexicons import segment

DATA = Path(__file__).resolve().parent / "data"
_KANA = re.compile(r"[\u3041-\u3096\u30a1-\u30fa\u30fc\u30fd\u30fe]")
_HIRAGANA_TO_KATAKANA = 0x60
_LONG_VOWEL = "ー"
_DOUBLING = "ッ"
_SEPARATORS = re.compile(r"[・゠=＝･]")


def has_kana(text: str) -> bool:
    return _KANA.search(text) is not None


@cache
def _kana() -> dict[str, str]:
    with (DATA / "ja_kana.toml").open("rb") as fh:
        return {k: str(v) for k, v in tomllib.load(fh)["kana"].items()}


@cache
def _lexicon() -> dict[str, tuple[str, ...]]:
    with (DATA / "ja_lexicon.toml").open("rb") as fh:
        return {k: tuple(str(x) for x in v) for k, v in tomllib.load(fh)["words"].items() if v}


def katakana(text: str) -> str:
    """Hiragana written as katakana; the separators of a katakana name as spaces."""
    chars = [
        chr(ord(ch) + _HIRAGANA_TO_KATAKANA) if "\u3041" <= ch <= "\u3096" else ch for ch in text
    ]
    return _SEPARATORS.sub(" ", "".join(chars))


def romanise(run: str) -> str:
    """The modified Hepburn reading of a katakana run, without long vowels or doubled
    consonants; characters that are not kana are kept."""
    return "".join(reading for _, reading in _syllables(run))


def hepburn(kana: str) -> str:
    """The modified Hepburn reading of a Japanese word's kana (hiragana or katakana), as the
    lists write Japanese names: as :func:`romanise`, the long-vowel mark left out ("クドー"
    "kudo"), but the doubling ッ written as the doubled consonant ("ホッカイドー" "hokkaido",
    "tch" before "ch")."""
    pieces = katakana(kana).split(_DOUBLING)
    out = romanise(pieces[0])
    for piece in pieces[1:]:
        reading = romanise(piece)
        if reading[:1].isalpha() and reading[0] not in "aeiou":
            out += "t" if reading.startswith("ch") else reading[0]
        out += reading
    return out


def _syllables(run: str) -> list[tuple[str, str]]:
    """The run's kana units (a two-kana syllable where the table has one) with their Hepburn
    readings; the long-vowel mark kept on its unit but not read, the doubling ッ left out."""
    table = _kana()
    out: list[tuple[str, str]] = []
    i = 0
    while i < len(run):
        pair = run[i : i + 2]
        if len(pair) == 2 and pair in table:
            out.append((pair, table[pair]))
            i += 2
            continue
        ch = run[i]
        if ch == _LONG_VOWEL and out:  # kept on its unit: a long vowel is no added one
            out[-1] = (out[-1][0] + ch, out[-1][1])
        elif ch not in (_LONG_VOWEL, _DOUBLING):
            out.append((ch, table.get(ch, ch)))
        i += 1
    return out


# The vowel Japanese adds after a consonant of a foreign word to make a syllable of it: u after
# most consonants (ス su, ク ku, ル ru, "Kaspersky" is カスペルスキー), o after t and d (ト to).
_EPENTHETIC = {
    **dict.fromkeys("クグスズフブプムル", "u"),
    **dict.fromkeys("トド", "o"),
}
_VOWEL_KANA = set("アイウエオァィゥェォヤユヨャュョー")
_LOAN = {"チ": "ti", "ジ": "di", "ヂ": "di"}


def loan_reading(run: str, soft: bool = False) -> str:
    """The romanisation of a katakana run with the vowels Japanese adds to a foreign word's
    consonants dropped where another consonant follows ("kasuperusuki" is "kasperski"), and
    ツ read as the "tu" it also writes (ツポレフ, "Tupolev"); the last kana keeps its vowel (the
    reading without it comes within a typo of the listed word and is scored as a typo, for
    less than by sound). ``soft``: チ, ジ and ヂ read as the "ti" and "di" they write too, in
    Russian names above all (プーチン "putin", ロスネフチ "rosnefti", the soft т of Роснефть)."""
    units = _syllables(run)
    kana = [unit for unit, _ in units]
    bare = [unit.rstrip(_LONG_VOWEL) for unit in kana]
    parts = [_LOAN.get(b, r) if soft else r for b, (_, r) in zip(bare, units, strict=True)]
    parts = ["tu" if b == "ツ" else part for b, part in zip(bare, parts, strict=True)]
    for j in range(len(parts) - 1):
        vowel = _EPENTHETIC.get(kana[j])
        if vowel and parts[j].endswith(vowel) and kana[j + 1][0] not in _VOWEL_KANA:
            parts[j] = parts[j][: -len(vowel)]
    return "".join(parts)


def readings(romaji: str) -> tuple[str, ...]:
    """The romanisation, and with the f of フ read as h where it stands before a vowel other
    than u ("fawei" is also "hawei": Huawei)."""
    other = re.sub(r"f(?=[aeio])", "h", romaji)
    return (romaji, other) if other != romaji else (romaji,)


def read_kana(run: str) -> list[tuple[str, tuple[str, ...], bool]]:
    """(source, renderings, known) for the words of a kana run: lexicon words longest first
    (known), the kana between them romanised together (not known)."""
    lex = _lexicon()
    return [
        part
        for chunk in katakana(run).split()
        for part in segment(chunk, lex, _read_unknown, shortest=2)
    ]


def _read_unknown(kana: str) -> tuple[str, ...]:
    """The readings of kana no lexicon word covers: Hepburn, then as a foreign name."""
    loans = readings(loan_reading(kana))
    if any(k in _LOAN for k in kana.replace(_LONG_VOWEL, "")):
        loans += readings(loan_reading(kana, soft=True))
    return tuple(dict.fromkeys(readings(romanise(kana)) + loans))
