"""Text normalisation of party names: Unicode, scripts, case, punctuation.

Latin text keeps its letters without accents; Cyrillic, Greek, Arabic, Hebrew and the other
scripts are transliterated to Latin with anyascii. Chinese (Han) text is not handled here: it
goes through :mod:`earmark.names.chinese`, which knows company-name words. Arabic-script words
lose their short vowels in writing, so their transliteration is a consonant skeleton ("mhmd");
such tokens are marked so that the scorer compares skeletons.
"""

from __future__ import annotations

import html
import re
import unicodedata
from functools import lru_cache

from anyascii import anyascii

from earmark.errors import BadInput

MAX_NAME_LENGTH = 1000

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b\u200e\u200f\u2028\u2029\ufeff]")
# The zero-width non-joiner and joiner sit inside a word (Persian "هسته‌ای", "nuclear"): they go
# without splitting it; but before the Arabic article they join two words written as one
# ("خاتم‌الانبیاء", Khatam al-Anbiya), and split them.
_JOINER_MARKS = re.compile("[\u200c\u200d]")
_JOINED_ARTICLE = re.compile("[\u200c\u200d](?=ال)")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# Scripts that write consonants and leave short vowels out: Arabic (and Persian, Urdu), Hebrew.
_ARABIC = re.compile(r"[\u0590-\u05ff\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")
# Apostrophes and dots inside words join ("O'Brien", "U.S."); other punctuation splits.
_JOINERS = re.compile(r"(?<=\w)['’`´.](?=\w)")
# The dot after an abbreviated legal form parts it from what follows, written without a space:
# "Co.Ltd" is "Co. Ltd", not one word "coltd" (the dot of "A.H." or "K.ARMA" joins).
_LEGAL_DOT = re.compile(r"\b(co|corp|inc|ltd|llc|pte|pvt|plc|jsc|pjsc)\.(?=[a-z])")
_SPLITTERS = re.compile(r"[^0-9a-z\s]+")
# Single letters joined by hyphens are one abbreviation: "A-K-S" is "aks", as "A.K.S." is.
_HYPHENATED_LETTERS = re.compile(r"\b[a-z](?:-[a-z])+\b")
# Arabic waw and yeh stand for w/u/o and y/i/e: they go with the vowels.
_VOWELS = re.compile(r"[aeiouyw]+")
# Spellings that transliterations of the same sound use ("Aleksandr"/"Alexander",
# "Khaled"/"Haled", "Yusuf"/"Iusuf"), folded for a second comparison; with the German and French
# spellings of Russian and Arabic names that English never writes so (tsch and sch: "Setschin",
# "Prigoschin"; gue and gui: "Yevgueni"; dj: "Djamal"; a final -ine: "Poutine", "Prigojine").
_PHONETIC = (
    ("tsch", "ch"), ("sch", "sh"), ("gue", "ge"), ("gui", "gi"), ("dj", "j"), ("ks", "x"),
    ("kh", "h"), ("ph", "f"), ("ou", "u"), ("oo", "u"), ("ee", "i"), ("ya", "ia"),
    ("yu", "iu"), ("ye", "ie"), ("y", "i"), ("dzh", "j"), ("zh", "j"), ("tch", "ch"),
    ("ck", "k"), ("q", "k"), ("w", "v"), ("th", "t"), ("dh", "d"), ("gh", "g"),
    ("nb", "mb"),  # an n before b is said m, and often so written: "Anbia" / "Ambia", "Istanbul"
)  # fmt: skip
_REPEATS = re.compile(r"(.)\1+")


def clean_input(name: str, field: str = "name") -> str:
    """The name with control characters removed; BadInput when it is empty or too long."""
    if not isinstance(name, str):
        raise BadInput(field, "must be text")
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        raise BadInput(field, "not valid UTF-8 text") from None
    if "&" in name and ";" in name:  # pasted from a web page: "Co &amp; Ltd", "&#39;"
        name = html.unescape(name)
    joined = _JOINER_MARKS.sub("", _JOINED_ARTICLE.sub(" ", name))
    text = unicodedata.normalize("NFKC", _CONTROL.sub(" ", joined))
    text = " ".join(text.split())
    if not text:
        raise BadInput(field, "empty name")
    if len(text) > MAX_NAME_LENGTH:
        raise BadInput(field, f"too long ({len(text):,} characters; at most {MAX_NAME_LENGTH:,})")
    return text


def arabic_letters(word: str) -> str:
    """An Arabic-script word transliterated letter by letter (anyascii). Where a letter's d,
    t, s, k, g, z or c meets the h of ه or ح, a y (a vowel to the skeleton) is put between
    them: no short vowel is written there, and the two would read as the one letter "dh",
    "th", "sh"... stands for (حاجی‌زاده "hjyzdyh", Hajizadeh, not the ذ of "hjyzz")."""
    parts: list[str] = []
    for ch in word:
        letter = anyascii(ch)
        if parts and letter.lower() == "h" and parts[-1][-1:].lower() in _DIGRAPH_FIRST:
            parts.append("y")
        parts.append(letter)
    return "".join(parts)


_DIGRAPH_FIRST = frozenset("dtskgzc")


def has_han(text: str) -> bool:
    return _HAN.search(text) is not None


def is_arabic(text: str) -> bool:
    return _ARABIC.search(text) is not None


def split_han(text: str) -> list[tuple[bool, str]]:
    """Runs of Han and non-Han text, in order: [(is_han, run), ...]."""
    if not has_han(text):
        return [(False, text)]
    runs: list[tuple[bool, str]] = []
    for ch in text:
        han = _HAN.match(ch) is not None
        if runs and runs[-1][0] == han:
            runs[-1] = (han, runs[-1][1] + ch)
        else:
            runs.append((han, ch))
    return runs


def fold(text: str) -> str:
    """Latin letters and digits, lower case, words separated by single spaces."""
    ascii_text = anyascii(text).casefold().replace("&", " and ")
    ascii_text = _HYPHENATED_LETTERS.sub(lambda m: m.group(0).replace("-", ""), ascii_text)
    ascii_text = _LEGAL_DOT.sub(r"\1 ", ascii_text)
    joined = _JOINERS.sub("", ascii_text)
    return " ".join(_SPLITTERS.sub(" ", joined).split())


@lru_cache(maxsize=262_144)
def phonetic(token: str) -> str:
    """The token with transliteration variants folded ("aleksandr" -> "alexandr"; "Yevgeniy",
    "Evgeny" and "Evgenii" -> "evgeni")."""
    if token.startswith(("ye", "je")) and len(token) > 4:
        # Yevgeniy / Evgeniy, Yelena / Elena, and the German and Slavic "je" of the same
        # sound (Jewgeni, Jelena, Jegor); pinyin has no "je" to confuse with it
        token = token[1:]
    if len(token) > 4 and token[-1] == "j" and token[-2] in "aeio":
        token = token[:-1] + "i"  # German, Czech and Polish j: Sergej, Jurij, Nikolaj
    for a, b in _PHONETIC:
        token = token.replace(a, b)
    token = _REPEATS.sub(r"\1", token)
    if token.endswith("ine") and len(token) > 5:
        token = token[:-1]
    return token[:-1] if token.endswith("ii") else token


def phonetic_forms(token: str) -> tuple[str, ...]:
    """:func:`phonetic`, and where the word has a German "sch" not of "tsch", the phonetic
    of the word with it read as the "zh" it also writes, or a French "ch" beside an "ou", with
    it read as the "sh" it writes (Пригожин is "Prigoschin" in German,
    Нижний "Nischni"; the "sh" of Шойгу is "Schoigu")."""
    first = phonetic(token)
    if "ou" in token and _FRENCH_CH.search(token):
        # French writes ш "ch" (and ч "tch"), with its "ou" for у: "Loukachenko" is Lukashenko,
        # "Choïgou" Shoigu. Only beside an "ou": the English "ch" is ч.
        french = phonetic(_FRENCH_CH.sub("sh", token))
        return (first,) if french == first else (first, french)
    if "sch" not in token.replace("tsch", ""):
        return (first,)
    voiced = phonetic(_GERMAN_SCH.sub("zh", token))
    return (first,) if voiced == first else (first, voiced)


_GERMAN_SCH = re.compile("(?<!t)sch")
_FRENCH_CH = re.compile("(?<![tsc])ch")


# Arabic letters the lists write in several ways (ظ ذ as z or dh, ث as s or th, ق as q, k or,
# in Persian names, gh: "Sadegh"; غ as gh or g), and the final h of a Persian word ending in a
# vowel ("zadeh", خامنه), v, which Persian writes with the و of w, u and o ("Javad"), and ژ,
# zh or j ("Ezhei" / "Ejei"), and the c of an English spelling, a k ("Caspian" / کاسپین):
# folded on both sides before the vowels go.
_SKELETON_FOLDS = (
    ("ck", "k"),
    ("zh", "j"),
    ("dh", "z"),
    ("th", "s"),
    ("gh", "k"),
    ("q", "k"),
    ("g", "k"),
    ("v", "w"),
    ("nb", "mb"),
)
_ENGLISH_C = re.compile("c(?!h)")
_FINAL_H = re.compile(r"(?<=[a-z])h$")


def by_consonants(form: str, forms: tuple[str, ...], skeletal: bool) -> bool:
    """Whether a form of a word written in Arabic script (``skeletal``) is compared by its
    consonant skeleton: the transliteration of a word no lexicon knows ("khmny", "riysy"),
    and of a lexicon word the form written without vowels ("std" beside "headquarters" and
    "setad"); the English rendering is compared as written."""
    return skeletal and (len(forms) == 1 or _LATIN_VOWEL.search(form) is None)


_LATIN_VOWEL = re.compile("[aeiou]")


@lru_cache(maxsize=262_144)
def skeleton(token: str) -> str:
    """Consonant skeleton for comparing words written without short vowels (Arabic script)."""
    folded = _ENGLISH_C.sub("k", token)  # not the c of ch: "Warrich" is not "rqyh"
    for a, b in _SKELETON_FOLDS:
        folded = folded.replace(a, b)
    folded = _FINAL_H.sub("", folded) if len(folded) > 3 else folded
    return _REPEATS.sub(r"\1", _VOWELS.sub("", folded)) or token
