"""How alike two words are, in [0, 1], and why.

A word matches another when it is the same, a typo of it (an edit budget that grows with the
length: none up to 4 letters, one up to 7, two beyond; a transposition is one edit), an
abbreviation of a common word ("tech" for "technologies", "intl" for "international", "trdg"
for "trading": at least 3 letters, the same first letter, the letters in order), an initial of
a person's name, or, for words written in Arabic script, the same consonant skeleton. A
differing first letter costs extra: typos there are rarer than anywhere else.

Abbreviations and initials are allowed only where they are plausible (the caller says): a
distinctive name is not abbreviated in practice, so "Intel" must not find "Intellifusion" nor
"Vale" "Valente", and an initial stands for a given name, not for "Industries".
"""

from __future__ import annotations

from rapidfuzz.distance import OSA, Indel

from earmark.names.normalize import phonetic, phonetic_forms, skeleton
from earmark.names.sounds import sound_keys
from earmark.names.vocabulary import vocabulary

MIN_SIMILARITY = 0.7
ABBREVIATION = 0.85
INITIAL = 0.7
SKELETON = 0.9
# The same consonants, by class, in a word written by its sounds (Hangul, kana, Cyrillic):
# "haikeubijeon" / "hikvision" (:mod:`earmark.names.sounds`). The fewer the consonants, the
# more the letters must also look alike (Indel similarity): a key of five classes says much,
# one of two little ("hwawei" / "huawei"). The similarity grows with the looks, from SOUND.
# Looks are compared after folding transliteration variants (normalize.phonetic). Words of
# fewer than five letters are not compared by sound ("Sony" is not "Sona", as a typo budget
# allows no edit there); nor are acronyms, which are spelt out. Cyrillic spells a name nearly
# letter for letter, so a Cyrillic word must look more alike ("Sharapova" is not "Zacharova").
SOUND = 0.8
SOUND_LOOKS = 0.1
LOOKS_NEEDED = ((5, 0.55), (3, 0.65), (2, 0.8))  # (key length at least, looks at least)
STRICTER = {"cyrillic": 0.1}
MIN_SOUNDED = 5
PHONETIC = 0.92
PHONETIC_COST = 0.05
# Beyond the edit budget, words that still look alike ("Sechev" / "Sechin") count a little in
# a score, below what retrieval takes (MIN_SIMILARITY), so that they rank a pair but never
# find a candidate on their own; not a generic word or a legal form, which says nothing by its
# looks ("International" is not "National").
SOFT_MIN = 0.6
SOFT_FACTOR = 0.8


def budget(length: int) -> int:
    return 0 if length <= 4 else 1 if length <= 7 else 2


def is_abbreviation(short: str, long_: str) -> bool:
    """``short`` abbreviates ``long_``: same first letter, its letters in order, shorter."""
    if len(short) < 3 or len(short) > 0.75 * len(long_) or short[0] != long_[0]:
        return False
    it = iter(long_)
    return all(ch in it for ch in short)


def word_similarity(
    a: str,
    b: str,
    skeletal: bool = False,
    common: bool = False,
    initials: bool = False,
    sounded: str = "",
    abbreviates: bool = True,
) -> tuple[float, str]:
    """(similarity, how) for query word ``a`` and listed word ``b``; (0, "") below 0.7.
    ``common``: ``b`` is a generic word or a legal form, which may be abbreviated (but not by
    another legal form: "srl" is not "switzerland") and is never paired by its looks alone.
    ``abbreviates``: ``a`` was written in Latin letters, and may be an abbreviation (a name
    read from kanji, "mai", abbreviates no "materials")."""
    if a == b:
        return 1.0, "exact"
    if skeletal:
        sa, sb = skeleton(a), skeleton(b)
        if sa == sb:
            return SKELETON, "same consonants"
    if sounded and len(a) >= MIN_SOUNDED and len(b) >= MIN_SOUNDED:
        alike = sounds_alike(a, b, sounded)
        if alike:
            found = _edits(a, b, 0.0)
            return found if found[0] > alike else (alike, "same sounds")
    la, lb = len(a), len(b)
    if la == 1 or lb == 1:
        return (INITIAL, "initial") if initials and a[0] == b[0] else (0.0, "")
    if not common and abs(la - lb) > 0.4 * max(la, lb):
        return 0.0, ""  # too different in length for any of the measures below
    short, long_ = (a, b) if la < lb else (b, a)
    if (
        abbreviates
        and common
        and a not in vocabulary().legal_tokens
        and is_abbreviation(short, long_)
    ):
        return ABBREVIATION, "abbreviation"
    found = _edits(a, b, 0.0)
    if found[0] == 0.0 and SOFT_FACTOR and la >= 3 and lb >= 3 and not common:
        ratio = OSA.normalized_similarity(phonetic(a), phonetic(b))
        if ratio >= SOFT_MIN:
            soft = min(ratio * SOFT_FACTOR, MIN_SIMILARITY - 0.01)
            found = (round(soft, 3), "similar spelling")
    if found[0] < SKELETON and not common and vowels_differ(a, b):
        return SKELETON, "same consonants"
    if found[0] < 1.0 and len(a) >= 4:
        # Transliteration variants: compare again with them folded, for a little less.
        pb = phonetic(b)
        for pa in phonetic_forms(a):
            if pa != a or pb != b:
                if pa == pb:
                    return PHONETIC, "spelling variant"
                variant = _edits(pa, pb, PHONETIC_COST)
                if variant[0] > found[0]:
                    found = (variant[0], "spelling variant")
    return found


def vowels_differ(a: str, b: str) -> bool:
    """Two long words of the same consonants in the same places, differing in two vowels or
    more: the mark of a name transliterated from a script that writes no short vowels
    ("Hezbollah" / "Hizballah", "Mohammed" / "Muhammad"), compared as Arabic script's
    consonant skeletons are. One vowel is within the edit budget of a word this long."""
    if len(a) != len(b) or len(a) < MIN_VOWELS_DIFFER:
        return False
    differ = 0
    for x, y in zip(a, b, strict=True):
        if x != y:
            if x not in _LATIN_VOWELS or y not in _LATIN_VOWELS:
                return False
            differ += 1
    return differ >= 2


MIN_VOWELS_DIFFER = 8
_LATIN_VOWELS = frozenset("aeiou")


def _edits(a: str, b: str, cost: float) -> tuple[float, str]:
    la, lb = len(a), len(b)
    longest = max(la, lb)
    allowed = budget(longest)
    if allowed == 0 or abs(la - lb) > allowed:
        return 0.0, ""
    edits = OSA.distance(a, b, score_cutoff=allowed)
    if edits > allowed:
        return 0.0, ""
    sim = 1.0 - 0.8 * edits / longest - (0.1 if a[0] != b[0] else 0.0) - cost
    return (sim, f"{edits} edit{'s' if edits > 1 else ''}") if sim >= MIN_SIMILARITY else (0.0, "")


def sounds_alike(a: str, b: str, script: str = "") -> float:
    """The similarity of two words with a sound key in common, or 0."""
    shared = set(sound_keys(a)) & set(sound_keys(b))
    if not shared:
        return 0.0
    length = max(len(k.lstrip("A")) for k in shared)
    needed = next((least for size, least in LOOKS_NEEDED if length >= size), None)
    if needed is None:
        return 0.0
    pa, pb = phonetic(a), phonetic(b)
    looks = Indel.normalized_similarity(pa, pb)
    least = needed + STRICTER.get(script, 0.0)
    if looks < least:
        # Cyrillic: the same consonants in the same order, four or more, differing in
        # vowels only: a name of a script without short vowels, written by its sounds
        # ("Хезболла" / "Hizballah"); its vowels say nothing against it. Not Hangul or kana,
        # whose added vowels and l/r leave fewer consonants apart (로스텍 is not "Lastik").
        same = skeleton(pa)
        if script != "cyrillic" or len(same) < MIN_SAME_CONSONANTS or same != skeleton(pb):
            return 0.0
        looks = least
    return round(SOUND + SOUND_LOOKS * looks, 3)


MIN_SAME_CONSONANTS = 4
