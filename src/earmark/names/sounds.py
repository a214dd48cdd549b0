"""Sound keys: how a word written in another script is compared with the Latin spelling a list
gives it.

Korean, Japanese and Russian write a foreign name by its sounds, in their own syllables:
"Hikvision" is 하이크비전 (haikeubijeon), ハイクビジョン (haikubijon) and Хиквижн (khikvizhn).
The romanisations share little letter for letter, but they keep the consonants in order, each
in a class of sounds those scripts do not tell apart: b/p/v/f/w, k/g/q, t/d, s/z/j/ch/sh/zh/ts,
l/r, h/kh. The vowels they add to split consonant clusters ("keu", "ku") and the vowels they
hear differently are left out; a word that starts with a vowel says so. Every key above is
"HKPSN", as is that of "hikvision". A "w" is a consonant in Cyrillic's rendering ("v") and a
vowel in Korean's "hwa": a word has a key with it and one without.

Only words read from those scripts (and not found in a lexicon) are compared by sound: a Latin
query is compared by its letters, so the coarse classes cannot make innocent Latin names alike.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Spellings of one sound written with several letters, before the letters are classed.
_DIGRAPHS = (
    ("shch", "S"), ("tch", "S"), ("dzh", "S"), ("sch", "S"), ("zh", "S"), ("sh", "S"),
    ("ch", "S"), ("ts", "S"), ("tz", "S"), ("kh", "H"), ("ph", "P"), ("th", "T"), ("ck", "K"),
    ("ng", "N"), ("qu", "K"), ("x", "KS"),
)  # fmt: skip
_SOFT_C = re.compile(r"c(?=[eiy])")
_CLASSES = str.maketrans(
    {
        **dict.fromkeys("bpvfw", "P"),  # w: see sound_keys
        **dict.fromkeys("kgqc", "K"),
        **dict.fromkeys("td", "T"),
        **dict.fromkeys("szj", "S"),
        **dict.fromkeys("lr", "L"),
        "m": "M",
        "n": "N",
        "h": "H",
        **dict.fromkeys("aeiouy", None),
    }
)
_REPEATS = re.compile(r"(.)\1+")
# A word-final h after a vowel is not heard ("Hezbollah", "Allah"): Korean, Japanese and
# Russian write none (헤즈볼라 "hejeubolla", Хезболла).
_SILENT_H = re.compile(r"(?<=[aeiou])h$")
_VOWEL_START = "aeiou"


@lru_cache(maxsize=262_144)
def sound_key(word: str) -> str:
    """The classes of the consonants of a romanised word, in order, repeats merged; "A" first
    when the word starts with a vowel."""
    text = _SILENT_H.sub("", _SOFT_C.sub("s", word.lower()))
    for digraph, cls in _DIGRAPHS:
        text = text.replace(digraph, cls)
    key = _REPEATS.sub(r"\1", text.translate(_CLASSES)).upper()
    return "A" + key if word[:1].lower() in _VOWEL_START else key


_SOFT_G = re.compile(r"g(?=[eiy])")


def sound_keys(word: str) -> tuple[str, ...]:
    """The word's key, and its keys with "w" read as a vowel, with an English soft "g" read
    as "j" ("digital" is Диджитал, didzhital), and without an r after a vowel before a
    consonant, where those differ."""
    keys = [sound_key(word)]
    if "w" in word:
        keys.append(sound_key(word.replace("w", "u")))
    if _SOFT_G.search(word):
        keys.append(sound_key(_SOFT_G.sub("j", word)))
    if _CODA_R.search(word):
        # Korean writes no r after a vowel before a consonant, as English says none there:
        # "Kaspersky" is 카스퍼스키 (kaseupeoseuki)
        keys.append(sound_key(_CODA_R.sub("", word)))
    return tuple(dict.fromkeys(keys))


_CODA_R = re.compile(r"(?<=[aeiou])r(?=[^aeiouyr])")
