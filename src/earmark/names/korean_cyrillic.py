"""Korean names written in Cyrillic, read back to the Hangul syllables they write.

Russian writes a Korean name syllable by syllable in the Kontsevich system, or in the older
renderings of the press: "Ким Чен Ын" is 김정은, which the lists write "KIM, Jong Un"; "Чхве
Сон Хи" is 최선희, "CHOE, Son Hui". Read letter for letter, "chen" and "yn" are neither
"jong" nor "un", and the words are too short to be compared by their sounds. A run of two to
five Cyrillic words (a hyphen parts a given name's syllables too), each a syllable the table
(data/ko_cyrillic.toml) writes, is read as such a name: each word is also known by the
spellings the lists use for the Hangul syllables it may write
(:func:`earmark.names.lexicons.syllable_forms`), the first word as a surname.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from itertools import product
from pathlib import Path

from earmark.names.lexicons import syllable_forms

DATA = Path(__file__).resolve().parent / "data" / "ko_cyrillic.toml"
_SYLLABLES = range(2, 6)  # words of a Korean name written syllable by syllable
_PARTS = re.compile(r"[\s\-‐]+")


@cache
def _table() -> dict[str, tuple[str, ...]]:
    """Cyrillic syllable -> the Hangul syllables it may write."""
    with DATA.open("rb") as fh:
        jamo = tomllib.load(fh)["jamo"]
    out: dict[str, list[str]] = {}
    medials, finals = jamo["medials"], jamo["finals"]
    for initials in (jamo["initials"], jamo["voiced"]):
        for i, m, f in product(range(len(initials)), range(len(medials)), range(len(finals))):
            syllable = chr(0xAC00 + (i * len(medials) + m) * len(finals) + f)
            for parts in product(initials[i], medials[m], finals[f]):
                spelt = _plain("".join(parts))
                if syllable not in out.setdefault(spelt, []):
                    out[spelt].append(syllable)
    return {k: tuple(v) for k, v in out.items()}


def _plain(cyrillic: str) -> str:
    return cyrillic.casefold().replace("ё", "е")


def read_name(run: str) -> list[tuple[str, tuple[str, ...]]] | None:
    """(word, Latin spellings) for each syllable of a Korean name written in Cyrillic, or
    None when the run is not one."""
    words = [w for w in _PARTS.split(run) if w]
    if len(words) not in _SYLLABLES:
        return None
    table = _table()
    hangul = [table.get(_plain(w)) for w in words]
    if not all(hangul):
        return None
    out = []
    for n, (word, syllables) in enumerate(zip(words, hangul, strict=True)):
        forms = (f for s in syllables or () for f in syllable_forms(s, first=n == 0))
        out.append((word, tuple(dict.fromkeys(forms))))
    return out
