"""Words of Russian, Persian, Arabic and Korean names written in Latin letters, read with the
lexicons that read those scripts.

"Obyedinennaya Aviastroitelnaya Korporatsiya" is Объединённая авиастроительная корпорация
written in Latin letters, and the list writes it "United Aircraft Corporation"; "Sherkat-e
Melli-ye Naft-e Iran" is شرکت ملی نفت ایران, the "National Iranian Oil Company". A Latin word
is looked up among the transliterations of the lexicon words (as pinyin is read with the
Chinese lexicon, :mod:`earmark.names.pinyin_reading`), and a word found is also known by the
lexicon's English renderings:

* Russian: a lexicon stem transliterated (anyascii) and folded (:func:`normalize.phonetic`)
  begins the folded word, and what is left is an inflected ending ("korporatsiya" is the stem
  корпораци, "corporation", with "ya");
* Persian and Arabic: a rendering of the lexicon that is the transliteration of its word
  (the same consonants: "melli", "sanaye", "sherkat"), compared by consonant skeleton;
* Korean: the Revised Romanization and McCune-Reischauer spellings of a lexicon word
  ("muyeok" and "muyok" for 무역, "trading").

The English renderings are only other forms of the word, which keeps its own spelling: a
listed name written in the transliteration still matches it letter for letter.
"""

from __future__ import annotations

import re
from functools import cache

from anyascii import anyascii

from earmark.names.lexicons import _romanised, lexicon_words
from earmark.names.normalize import phonetic, skeleton

MIN_STEM = 4  # letters of a folded Russian stem: shorter stems begin too many words
# What may follow a Russian stem, folded: the inflected endings in transliteration ("aya",
# "yy", "ogo", "ykh", "iy", "ye" fold to "aia", "i", "ogo", "ih", "i", "ie").
_ENDING = re.compile(r"[aeiouyjhmvg]{0,4}")
_LATIN = re.compile(r"[a-z]+")


@cache
def _russian() -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    for stem, renderings in lexicon_words("ru_lexicon.toml").items():
        # A hard or soft sign before е is written "ye": объединённ, "obyedinenn".
        spelt = stem.replace("ъе", "ъйе").replace("ье", "ьйе").replace("ъё", "ъйё")
        key = phonetic(anyascii(spelt).lower().replace("'", ""))
        if len(key) >= MIN_STEM and _LATIN.fullmatch(key):
            out.setdefault(key, _english(renderings, key))
    return out


@cache
def _by_skeleton() -> dict[str, tuple[str, ...]]:
    """Persian and Arabic transliterations (by skeleton) and Korean romanisations (exact)."""
    out: dict[str, tuple[str, ...]] = {}
    for word, renderings in lexicon_words("fa_ar_lexicon.toml").items():
        own = skeleton(anyascii(word).lower())
        for r in renderings:
            if " " not in r and len(r) >= 4 and skeleton(r) == own:
                out.setdefault("fa:" + r, _english(renderings, r))
    for word, renderings in lexicon_words("ko_lexicon.toml").items():
        for romanised in _romanised(word):
            # anyascii writes a final ㄱ as g; Revised Romanization as k ("muyeok").
            for spelling in {romanised, re.sub("g$", "k", romanised)}:
                if len(spelling) >= 4 and _LATIN.fullmatch(spelling):
                    out.setdefault("ko:" + spelling, _english(renderings, spelling))
    return out


def _english(renderings: tuple[str, ...], spelling: str) -> tuple[str, ...]:
    """The one-word renderings other than the spelling itself, the first first."""
    return tuple(r for r in dict.fromkeys(renderings) if " " not in r and r != spelling)


@cache
def latin_readings(word: str) -> tuple[str, ...]:
    """The English renderings of a Latin word that transliterates a lexicon word, or ()."""
    if len(word) < MIN_STEM or not word.isalpha():
        return ()
    table = _by_skeleton()
    found = table.get("fa:" + word) or table.get("ko:" + word)
    if found:
        return found
    folded = phonetic(word)
    russian = _russian()
    for cut in range(len(folded), MIN_STEM - 1, -1):
        renderings = russian.get(folded[:cut])
        if renderings and _ENDING.fullmatch(folded[cut:]):
            return tuple(r for r in renderings if r != word)
    return ()
