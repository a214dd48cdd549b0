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
  ("muyeok" and "muyok" for 무역, "trading");
* Turkish, written in Latin letters itself: the words of company names ("havacilik",
  "aviation"; tr_lexicon.toml), as folded.

The English renderings are only other forms of the word, which keeps its own spelling: a
listed name written in the transliteration still matches it letter for letter.
"""

from __future__ import annotations

import re
from functools import cache

from anyascii import anyascii
from rapidfuzz.distance import Levenshtein

from earmark.names.lexicons import _romanised, lexicon_words
from earmark.names.normalize import arabic_letters, phonetic, skeleton
from earmark.names.vocabulary import everyday_words

MIN_STEM = 4  # letters of a folded Russian stem: shorter stems begin too many words
# What may follow a Russian stem, folded: the inflected endings in transliteration ("aya",
# "yy", "ogo", "ykh", "iy", "ye" fold to "aia", "i", "ogo", "ih", "i", "ie").
_ENDING = re.compile(r"[aeiouyjhmvg]{0,4}")
_LATIN = re.compile(r"[a-z]+")
_BEFORE_VOWEL = re.compile(r"(?<=[aeiouy])l(?=[aeiouy])")


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
def _turkish() -> dict[str, tuple[str, ...]]:
    """Turkish words of company names, as folded, and their English (tr_lexicon.toml)."""
    return {w: _english(r, w) for w, r in lexicon_words("tr_lexicon.toml").items()}


@cache
def _by_skeleton() -> dict[str, tuple[str, ...]]:
    """Persian and Arabic transliterations (by skeleton) and Korean romanisations (exact),
    kept in the disk cache: building them reads the everyday words, which a command that
    screens one name does not need otherwise."""
    from earmark.diskcache import cached

    return cached("translit-lexicon", "1", _build_by_skeleton)


def _build_by_skeleton() -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    for word, renderings in lexicon_words("fa_ar_lexicon.toml").items():
        # letter by letter: ت then ح is "t", "h", not the "th" of ث (متحده, "mutahida")
        own = skeleton(_MARKS.sub("", arabic_letters(word).lower()))
        for r in renderings:
            if " " not in r and len(r) >= 4 and _transliterates(r, own):
                out.setdefault("fa:" + r, _english(renderings, r))
    for word, renderings in lexicon_words("ko_lexicon.toml").items():
        for romanised in (*_romanised(word), *_by_syllable(word)):
            # anyascii writes a final ㄱ, ㅂ, ㄷ as g, b, d; Revised Romanization as k, p, t
            # ("muyeok", "gwangeop"); and ㄹ as l, both systems as r before a vowel ("goryeo",
            # "koryo" for 고려).
            unvoiced = _unvoiced_final(romanised)
            for spelling in {romanised, unvoiced, _BEFORE_VOWEL.sub("r", unvoiced)}:
                if len(spelling) >= 4 and _LATIN.fullmatch(spelling):
                    out.setdefault("ko:" + spelling, _english(renderings, spelling))
        # A romanisation the lexicon gives as a rendering, in neither system ("chosun" for
        # 조선, as newspapers and firms write it; "ryonhap" for 련합): not an English word.
        for r in renderings[1:]:
            if _is_other_romanisation(r):
                out.setdefault("ko:" + r, _english(renderings, r))
    return out


def _is_other_romanisation(rendering: str) -> bool:
    return (
        len(rendering) >= 4
        and _LATIN.fullmatch(rendering) is not None
        and _is_romanised_korean(rendering)
        and rendering not in everyday_words()
    )


# anyascii writes the ayn and the hamza as marks ("sny`" for صنایع): no Latin spelling has them.
_MARKS = re.compile("[`']")


def _transliterates(rendering: str, own: str) -> bool:
    """Whether a rendering of a Persian or Arabic word is its transliteration: the word's
    consonant skeleton, or (not an English word) within one letter of it, since anyascii
    writes some letters as neither language says them (ض "d", z in Persian; ت and ح together
    "th", which the skeleton reads as ث)."""
    mine = skeleton(rendering)
    if mine == own:
        return True
    return (
        len(own) >= 3
        and rendering not in everyday_words()
        and Levenshtein.distance(mine, own, score_cutoff=1) <= 1
    )


_UNVOICED = {"g": "k", "d": "t", "b": "p", "j": "ch"}
_HANGUL_SYLLABLE = re.compile("[\uac00-\ud7a3]")


def _by_syllable(word: str) -> tuple[str, ...]:
    """A Hangul word romanised syllable by syllable as the two systems write it inside a
    word, where anyascii writes it as if each syllable stood alone: a final ㄱ, ㄷ, ㅂ before
    a consonant is k, t, p (창작사 "changjaksa", not "changjagsa"), and in McCune-Reischauer the
    plain consonant after it is tensed, written unvoiced (국가 "kukka", 보위성 "powisong" with
    its first consonant unvoiced too). () for a word not all Hangul syllables."""
    if not word or not all(_HANGUL_SYLLABLE.fullmatch(ch) for ch in word):
        return ()
    parts = [anyascii(ch).lower() for ch in word]
    rr: list[str] = []
    mr: list[str] = []
    for n, part in enumerate(parts):
        following = parts[n + 1][:1] if n + 1 < len(parts) else ""
        final = part[-1] if part[-1] in "gdb" and not part.endswith("ng") else ""
        # a final before a consonant, or at the end, is unreleased: k, t, p
        stopped = bool(final) and following not in tuple("aeiouwy")
        rr.append(part[:-1] + _UNVOICED[final] if stopped else part)
        m = part.replace("eo", "o").replace("eu", "u")
        if n == 0 or mr[-1][-1:] in ("k", "t", "p"):
            m = _UNVOICED.get(m[:1], m[:1]) + m[1:]  # first, or after a stop: unvoiced
        mr.append(m[:-1] + _UNVOICED[final] if stopped else m)
    return tuple(dict.fromkeys(("".join(rr), "".join(mr))))


def _unvoiced_final(romanised: str) -> str:
    """A final ㄱ, ㄷ, ㅂ as Revised Romanization writes it (k, t, p), where anyascii writes
    g, d, b ("muyeog" -> "muyeok")."""
    last = romanised[-1:]
    return romanised[:-1] + _UNVOICED[last] if last in ("g", "d", "b") else romanised


def _english(renderings: tuple[str, ...], spelling: str) -> tuple[str, ...]:
    """The one-word renderings other than the spelling itself, the first first; for a word
    rendered only in several words (인민군 "peoples army", 보위성 "state security"), the
    first of those: a name in the transliteration is then read in English whole
    (screening.index.read_in_english), though no one word of it stands for the word."""
    single = tuple(r for r in dict.fromkeys(renderings) if " " not in r and r != spelling)
    if single:
        return single
    return next(((r,) for r in renderings if " " in r), ())


@cache
def _rr_syllables() -> frozenset[str]:
    """Every Hangul syllable in Revised Romanization: as anyascii writes it, with a final
    ㄱ, ㄷ, ㅂ also as k, t, p and an initial ㄹ also as r ("jeong", "chal", "ryeon")."""
    out: set[str] = set()
    for code in range(0xAC00, 0xD7A4):
        rr = anyascii(chr(code)).lower()
        out.add(rr)
        out.add(_unvoiced_final(rr))
        if rr.startswith("l"):
            out.add("r" + rr[1:])
    return frozenset(out)


def _is_romanised_korean(word: str) -> bool:
    """Whether the word can be read as Revised Romanization syllables."""
    syllables = _rr_syllables()
    ends = {0}
    for i in range(len(word)):
        if i in ends:
            ends.update(
                j for j in range(i + 1, min(len(word), i + 6) + 1) if word[i:j] in syllables
            )
    return len(word) in ends


# The vowels only Revised Romanization writes ("Jeong", "Eun", "Yeo"), as McCune-Reischauer
# and the lists write North Korean names ("Jong", "Un", "Yo").
_RR_VOWELS = (("yeo", "yo"), ("eo", "o"), ("eu", "u"))


@cache
def korean_spellings(word: str) -> tuple[str, ...]:
    """A Latin word in Revised Romanization, with a vowel of its own (eo, eu), in the
    McCune-Reischauer spelling of the lists: its vowels ("jeongchal" -> "jongchal"), then also
    its first consonant unvoiced ("chongchal"). A word of three letters only when it is one
    syllable without an initial consonant (the "eun" of "Jong-eun"). () for other words."""
    if not ("eo" in word or "eu" in word) or not word.isalpha() or len(word) < 3:
        return ()
    if len(word) == 3 and word[0] not in "aeiouy":
        return ()
    if not _is_romanised_korean(word):
        return ()
    folded = word
    for rr, mr in _RR_VOWELS:
        folded = folded.replace(rr, mr)
    unvoiced = _UNVOICED.get(folded[:1], folded[:1]) + folded[1:]
    return tuple(dict.fromkeys(f for f in (folded, unvoiced) if f != word))


@cache
def latin_readings(word: str) -> tuple[str, ...]:
    """The English renderings of a Latin word that transliterates a lexicon word, or ()."""
    turkish = _turkish().get(word)  # "dis" (dış, foreign) is a word of three letters
    if turkish:
        return turkish
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
