"""Analyse a party name into typed tokens: the input of candidate retrieval and scoring.

    analyze("Huawei Device Co., Ltd.")  -> huawei (word), device (generic), ltd (legal)
    analyze("华为终端有限公司")          -> huawei (word), device|terminal (generic), ltd (legal)
    analyze("ОАО Ромашка")             -> jsc (legal), romashka (word)

Legal forms become one canonical token each ("Co., Ltd.", "Company Limited" -> ltd); generic
words and stopwords are marked so that the scorer can give them little or no weight.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from earmark.names import chinese, hangul_chinese, japanese, korean_cyrillic, pinyin_reading
from earmark.names.kana import has_kana, read_kana
from earmark.names.lexicons import (
    has_cyrillic,
    has_hangul,
    read_arabic_word,
    read_cyrillic_word,
    read_hangul,
    syllable_forms,
)
from earmark.names.normalize import (
    arabic_letters,
    clean_input,
    fold,
    has_han,
    is_arabic,
    split_han,
)
from earmark.names.numbers import read_numbers
from earmark.names.places import places
from earmark.names.translit_lexicon import korean_spellings, latin_readings
from earmark.names.vocabulary import MAX_PHRASE, legal_fold, vocabulary


class Kind(StrEnum):
    WORD = "word"
    GENERIC = "generic"
    LEGAL = "legal"
    TITLE = "title"  # an honorific before a person's name ("Sayyid", "Haji"): weighs nothing
    STOP = "stop"
    NUMBER = "number"
    INITIAL = "initial"


@dataclass(frozen=True, slots=True)
class Token:
    text: str  # canonical form
    kind: Kind
    alts: tuple[str, ...] = ()  # other renderings that count as the same word (Chinese)
    skeleton: bool = False  # written without short vowels (Arabic script): compare skeletons
    source: str = ""  # what the user wrote for it, when that differs (e.g. "技术", "Co., Ltd.")
    sound: str = ""  # the script of a name written by its sounds: hangul, kana or cyrillic

    @property
    def forms(self) -> tuple[str, ...]:
        return (self.text, *self.alts)


@dataclass(frozen=True, slots=True)
class AnalyzedName:
    original: str
    tokens: tuple[Token, ...]
    script: str  # "latin", "han", "arabic", "other" or "mixed"
    known_as: str | None = None  # listed English name of a known Chinese name

    @property
    def normalized(self) -> str:
        return " ".join(t.text for t in self.tokens)

    @property
    def scoring_tokens(self) -> tuple[Token, ...]:
        return tuple(t for t in self.tokens if t.kind is not Kind.STOP)


# Administrative suffixes that English renderings of Chinese names leave out.
_ADMINISTRATIVE = frozenset("市省区县")


@dataclass(frozen=True, slots=True)
class _Raw:
    text: str
    alts: tuple[str, ...] = ()
    skeleton: bool = False
    source: str = ""
    sound: str = ""


def readings(name: str, field: str = "name", most: int = 2) -> list[AnalyzedName]:
    """Other readings of a Chinese name (in script or pinyin) whose words have other renderings
    of several words: 工业大学 is "polytechnical university" and also "institute of
    technology"; reading k takes each word's k-th rendering where it has one (Korean words
    too). A Korean name of a few syllables no lexicon word covers is also read syllable by
    syllable, as the lists write Korean people ("KIM Jong Un" for 김정은)."""
    first = analyze(name, field)
    out: list[AnalyzedName] = []
    seen = {_all_forms(first)}
    for k in range(1, most + 1):
        if not _may_read_otherwise(first.original, k):
            continue  # no word with a k-th rendering of several words: the same tokens
        other = _analyze(name, field, True, k)
        if _all_forms(other) not in seen:
            seen.add(_all_forms(other))
            out.append(other)
    return out


def _may_read_otherwise(text: str, reading: int) -> bool:
    """Whether reading ``reading`` of the (cleaned) name may give other tokens than reading 0:
    a Hangul word (read as a person's syllables, or by its lexicon renderings), or a Chinese
    word, in script or in pinyin, with a ``reading``-th rendering where one is of several
    words (what :func:`_zh_raw` chooses by). Cheaper than the reading itself, which a name
    of plain pinyin or Chinese words would give unchanged."""
    if has_hangul(text):
        return True
    for han, run in split_han(chinese.simplified(text)):
        words: list[chinese.ZhWord | str] = (
            list(chinese.segment(run)) if han else pinyin_reading.read(fold(run).split())
        )
        for word in words:
            if isinstance(word, chinese.ZhWord) and _chosen(word.renderings, reading):
                return True
    return False


def _chosen(renderings: tuple[str, ...], reading: int) -> bool:
    """Whether reading ``reading`` takes a word's ``reading``-th rendering, not its first:
    where it has one and one of the two is of several words."""
    return 0 < reading < len(renderings) and " " in renderings[reading] + renderings[0]


# The reading index of a name whose kanji are read as Japanese (:func:`japanese_reading`).
_JAPANESE = -1


def japanese_reading(name: str, field: str = "name") -> AnalyzedName | None:
    """The name with its kanji read as Japanese, as the lists write Japanese parties (山口組
    "yamaguchi gumi", 井上邦雄 "inoue kunio"): words the Chinese lexicon knows keep their
    English (会社 "company"); None when the name has no kanji, or has no kana and the Chinese
    lexicon knows all its kanji words (华为技术: the reading would be the same), or reads as
    it does already."""
    if not has_han(name):
        return None
    runs = [run for han, run in split_han(chinese.simplified(name)) if han]
    if not has_kana(name) and all(w.known for run in runs for w in chinese.segment(run)):
        return None
    other = _analyze(name, field, True, _JAPANESE)
    return other if _all_forms(other) != _all_forms(analyze(name, field)) else None


# The reading index of a name whose Hangul is read as Chinese (:func:`hangul_chinese_reading`).
_HANGUL_CHINESE = -2


def hangul_chinese_reading(name: str, field: str = "name") -> AnalyzedName | None:
    """The name with the Hangul no Korean lexicon word covers read as the Chinese syllables it
    may write (중신궈지 zhong xin guo ji, SMIC: :mod:`earmark.names.hangul_chinese`); None when
    no stretch of it reads so."""
    if not has_hangul(name):
        return None
    other = _analyze(name, field, True, _HANGUL_CHINESE)
    return other if _all_forms(other) != _all_forms(analyze(name, field)) else None


def _all_forms(name: AnalyzedName) -> tuple[tuple[str, ...], ...]:
    return tuple(t.forms for t in name.tokens)


def analyze(name: str, field: str = "name", dedupe: bool = True) -> AnalyzedName:
    """Tokens of ``name``; BadInput (naming ``field``) when it is empty or too long.

    ``dedupe``: a word repeated in a listed name counts once ("HUAWEI TECHNOLOGIES CO., LTD.
    (HUAWEI)"); in a query the repetition is kept ("Johnson & Johnson" is not "Johnson").
    Remembered: batches screen the same names again and again."""
    return _analyze(name, field, dedupe)


@lru_cache(maxsize=65_536)
def _analyze(name: str, field: str, dedupe: bool, reading: int = 0) -> AnalyzedName:
    text = clean_input(name, field)
    raw: list[_Raw] = []
    scripts: set[str] = set()
    as_japanese = reading == _JAPANESE
    for han, run in split_han(text if as_japanese else chinese.simplified(text)):
        if han:
            scripts.add("han")
            raw.extend(_japanese_tokens(run) if as_japanese else _han_tokens(run, reading))
        else:
            for writing, words in _by_script(run):
                folded = fold(_EZAFE.sub("", words))
                if not writing and folded:
                    folded = _latin_articles(words, folded)
                if folded:
                    latin = "latin" if words.isascii() else "other"
                    scripts.add("arabic" if writing == "arabic" else latin)
                raw.extend(_run_tokens(writing, words, folded, reading))
    tokens = _classify(_country_code_at_end(_phrases(_uncontracted(raw)), len(text)), dedupe)
    script = scripts.pop() if len(scripts) == 1 else ("mixed" if scripts else "latin")
    if script in ("han", "mixed"):
        known = chinese.known_name(text)
    else:  # a known Chinese name in pinyin
        known = pinyin_reading.known_name(fold(text)) if script == "latin" else None
    return AnalyzedName(text, tokens, script, known)


# The scripts read apart from Latin, tested in this order (a word with Arabic letters is read
# as Arabic whatever else it holds).
_SCRIPTS: tuple[tuple[str, Callable[[str], bool]], ...] = (
    ("arabic", is_arabic),
    ("kana", has_kana),
    ("hangul", has_hangul),
    ("cyrillic", has_cyrillic),
)


def _script_of(word: str) -> str:
    """The script a word is read in: one of ``_SCRIPTS``, or "" (Latin and the rest)."""
    return next((name for name, has in _SCRIPTS if has(word)), "")


def _by_script(run: str) -> list[tuple[str, str]]:
    """The run's words in runs of one script, in order: each is read as its own script reads
    ("Nina محمدی" is a Latin "Nina" and a Persian "Mohammadi"; the Latin word compared by its
    consonants would find "Yvan" and "Yunnan"). A word of no script letters goes with the run
    before it, or else the run after."""
    if run.isascii():  # most names: one run, read as Latin
        return [("", run)]
    runs: list[tuple[str, list[str]]] = []
    before: list[str] = []  # words of no letters before the first run
    for word in run.split():
        if not any(c.isalpha() for c in word):
            (runs[-1][1] if runs else before).append(word)
            continue
        writing = _script_of(word)
        if runs and runs[-1][0] == writing:
            runs[-1][1].append(word)
        else:
            runs.append((writing, [word] if runs else [*before, word]))
    if not runs:
        return [("", run)]
    return [(writing, " ".join(words)) for writing, words in runs]


def _run_tokens(writing: str, run: str, folded: str, reading: int) -> list[_Raw]:
    """The raw tokens of a run of one script (``folded``: the run folded to Latin)."""
    if writing == "arabic":
        return _arabic_tokens(run)
    if writing == "kana":
        return _kana_tokens(run)
    if writing == "hangul":
        return _hangul_tokens(run, reading)
    if writing == "cyrillic":
        return _cyrillic_tokens(run)
    raw: list[_Raw] = []
    plain: list[str] = []
    contraction = vocabulary().contractions
    for word in [*pinyin_reading.read(folded.split()), None]:
        if isinstance(word, str):
            plain.append(word)
            continue
        raw.extend(_expanded(w, alts, contraction) for w, alts in read_numbers(plain))
        plain = []
        if word is not None:
            raw.extend(_zh_raw(word, reading))
    return raw


# The Persian ezafe written on its word in a Latin transliteration, "of" or the link of a noun
# to its adjective: "Sherkat-e Melli-ye Naft-e Iran" is "Sherkat Melli Naft Iran", as the lists
# also write it (the ezafe is "-e" after a consonant and "-ye" after a vowel; Library of Congress
# romanisation table for Persian, 2012).
_EZAFE = re.compile(r"(?<=[A-Za-z])-y?e(?![A-Za-z'])")


# The Arabic article as Latin transliterations write it: "al", and "el", "ol", "ul" (Egyptian,
# Persian and Urdu pronunciations: "Khatam ol-Anbia", "Ansar ul-Islam"), and before a "sun
# letter" assimilated to it, the consonant doubled ("ar-Rahman", "ad-Din", "ash-Shabab";
# ALA-LC romanisation tables for Arabic and Persian). All read "al", as the Arabic script reads
# (_ARTICLE): "KHATAM AL-ANBYA" is "KHATAM OL AMBIA". A vowel-l article is read so before
# another word, wherever it stands ("EL AISSAMI, Tareck" is "Tareck El Aissami"; a Spanish
# "el" reads the same on both sides); an assimilated one only before its own consonant ("an
# Nasr", not "an Order"), with a hyphen, or between two words, the second of three letters or
# more ("AT&T" keeps its "at").
_HYPHEN_ARTICLE = re.compile(
    r"(?i)(?<![A-Za-z'])(?:[aeou]l|[aeou](th|dh|sh|t|d|r|z|s|n)(?=-\1))-(?=[A-Za-z])"
)
_VOWEL_L = frozenset({"el", "ol", "ul"})
_SUN = ("th", "dh", "sh", "t", "d", "r", "z", "s", "n")


def _latin_articles(written: str, folded: str) -> str:
    """``folded`` (the fold of ``written``) with the Arabic article in its forms read "al"."""
    if "-" in written:
        hyphened = _HYPHEN_ARTICLE.sub("al-", written)
        if hyphened != written:
            folded = fold(_EZAFE.sub("", hyphened))
    words = folded.split()
    changed = False
    for i in range(len(words) - 1):
        if words[i] in _VOWEL_L or (i and _assimilated(words[i], words[i + 1])):
            words[i] = "al"
            changed = True
    if any(w.startswith("abd") for w in words):
        servant = _servant_of(words)
        changed = changed or servant != words
        words = servant
    return " ".join(words) if changed else folded


# "Servant of" before one of the names of God: عبد with the article, which the lists write
# "Abd al-Aziz", "Abdul Aziz", "Abdel Aziz", "Abdulaziz", "Abdelaziz" (and, the article
# assimilated, "Abd ar-Rahman", "Abdurrahman", "Abderrahmane"). All are read "abd" and the
# name, the article left out as "Abdul" leaves it: "ABDUL MAJID SAIDI" is "Abd al Majid
# Saidi" and "Abdelmajid Saidi", and a typo of "abd" ("Adb-al-Hamid") still pairs with it.
# A name that begins with "lah" is Abdullah, Abdallah, Abdullahi: one name, kept whole.
_ABDUL = re.compile(r"abd(?:[aeiu]|ou|o)(?:l|(th|dh|sh|[tdrzsn])(?=\1))([a-z]{4,})")
_ABDUL_ALONE = frozenset({"abdul", "abdel", "abdal", "abdol", "abdoul", "abdil"})


def _assimilated_abd(word: str, following: list[str]) -> bool:
    """ "Abdus" before "Salam", "Abdur" before "Rahman": the article assimilated."""
    return (
        len(word) == 5
        and word.startswith("abd")
        and word[3] in "aeiou"
        and word[4] in "tdrzsn"
        and bool(following)
        and following[0].startswith(word[4])
    )


def _servant_of(words: list[str]) -> list[str]:
    out: list[str] = []
    for i, word in enumerate(words):
        joined = _ABDUL.fullmatch(word)
        if word == "al" and out and out[-1] == "abd":
            continue  # the article of "Abd al-": one name with its abd, as "Abdul" is one
        if joined and not joined.group(2).startswith("lah"):
            out += ["abd", joined.group(2)]
        elif word in _ABDUL_ALONE or _assimilated_abd(word, words[i + 1 : i + 2]):
            out.append("abd")
        else:
            out.append(word)
    return out


def _assimilated(word: str, following: str) -> bool:
    """An assimilated article ("ar", "ash") before a word of its own consonant ("Rahman")."""
    if len(word) < 2 or word[0] not in "aeou" or len(following) < 3:
        return False
    sun = word[1:]
    return sun in _SUN and following.startswith(sun)


def _han_tokens(run: str, reading: int = 0) -> list[_Raw]:
    out = []
    for word in chinese.segment(run):
        if word.source in _ADMINISTRATIVE:
            continue  # 深圳市 is "Shenzhen" in an English name, not "Shenzhen City"
        out.extend(_zh_raw(word, reading))
    return out


# Dictionary words read together against the Chinese lexicon, at most (工業 大学, 株式 会社).
_MOST_JOINED = 4


def _japanese_tokens(run: str) -> list[_Raw]:
    """Kanji read as Japanese: the dictionary's words (:mod:`earmark.names.japanese`), those
    the Chinese lexicon knows, alone or a few together, as its English, the rest by their
    Japanese readings; words the dictionary lacks as Chinese."""
    words = japanese.words(run)
    lexicon = chinese.zh_data().words
    out: list[_Raw] = []
    i = 0
    while i < len(words):
        for size in range(min(_MOST_JOINED, len(words) - i), 0, -1):
            piece = chinese.simplified("".join(w.source for w in words[i : i + size]))
            if piece in lexicon:
                out.extend(_zh_raw(chinese.ZhWord(piece, lexicon[piece], True)))
                i += size
                break
        else:
            word = words[i]
            if word.known:
                out.append(_Raw(word.readings[0], word.readings[1:], source=word.source))
            else:
                out.extend(_han_tokens(chinese.simplified(word.source)))
            i += 1
    return out


def _uncontracted(raw: list[_Raw]) -> list[_Raw]:
    """A lexicon's rendering that is a contraction reads as the word it stands for, as a Latin
    word does (:func:`_expanded`): 电信 is "telecom", and the lists write "telecommunications"
    as often, which their "telecom" reads as."""
    table = vocabulary().contractions
    out = raw
    for i, r in enumerate(raw):
        full = table.get(r.text)
        if full and not r.skeleton:  # an Arabic-script skeleton ("mar") is no contraction
            if out is raw:
                out = list(raw)
            alts = tuple(dict.fromkeys((*full[1:], r.text, *r.alts)))
            out[i] = _Raw(full[0], alts, r.skeleton, r.source, r.sound)
    return out


def _expanded(word: str, alts: tuple[str, ...], table: dict[str, tuple[str, ...]]) -> _Raw:
    """A contraction reads as the word it stands for ("mfg" -> "manufacturing"), on both
    sides, with itself and the other readings as other forms."""
    full = table.get(word)
    if not full:
        english = latin_readings(word)
        if not english:  # most words: no reading, maybe a Korean spelling
            korean = korean_spellings(word)
            return _Raw(word, (*alts, *korean)) if korean else _Raw(word, alts)
        # A reading that is a legal form is also its canonical token, as listed names hold it:
        # "sherkat" is "company", listed as "co". A reading of several words is no other
        # form of the one word (the name is read in English whole: screening.index).
        single = tuple(r for r in english if " " not in r)
        other = (*single, *_legal_alts(english, ""), *korean_spellings(word))
        return _Raw(word, (*alts, *dict.fromkeys(other)))
    return _Raw(full[0], (*full[1:], word, *alts), source=word)


# The Arabic article written on its word: "الأسد" is "al-Assad" as the lists write it.
_ARTICLE = ("ال", "لل")


def _arabic_tokens(run: str) -> list[_Raw]:
    """Persian and Arabic words: the lexicon's English (with the transliteration as another
    form), else the transliteration compared by its consonants, its article apart."""
    out: list[_Raw] = []
    previous = ""
    for word in _servant_names(run.split()):
        after_abd, previous = previous == _ABD, word
        translit = _spelt(word)
        found = read_arabic_word(word)
        if found is None:
            bare = word.lstrip("و") if len(word) > 4 else word
            if bare.endswith("های") and len(bare) > 4:
                bare = bare[:-3] + "ای"  # the silent h before Persian -ei: خامنه‌ای, Khamenei
                translit = _spelt(bare)
            if bare.startswith(_ARTICLE) and len(bare) > 3:
                if not after_abd:  # "Abd al-Malik": the article is part of one name
                    out.append(_Raw("al"))
                bare = bare[2:]
                translit = _spelt(bare)
            # ض is d in Arabic ("Ramadan", "Fadl") and z in Persian ("Reza", "Ramezan")
            zad = _spelt(bare.replace("ض", "ز")) if "ض" in bare else []
            for n, w in enumerate(translit):
                alts = (zad[n],) if len(zad) == len(translit) and zad[n] != w else ()
                out.append(_Raw(w, alts, skeleton=True))
        else:
            # The transliteration beside the English is compared by its consonants too
            # (similarity.word_similarity compares only a form written without vowels so).
            rendered = _rendered(word, found, tuple(translit))
            out.extend(_Raw(r.text, r.alts, True, r.source) for r in rendered)
    return out


# "Servant of": عبد before one of the names of God, which bears the article. The script
# writes the two apart or together ("عبد الملك", "عبدالملك"); read apart, the article left
# out, as the Latin spellings are ("abd malik": _servant_of). عبدالله, Abdullah, is one name.
_ABD = "عبد"
_ABDULLAH = ("عبدالله", "عبداللہ")


def _servant_names(words: list[str]) -> list[str]:
    """The words, with عبد written on the name after it parted from it."""
    out: list[str] = []
    for word in words:
        rest = word[len(_ABD) :]
        parted = word.startswith(_ABD) and rest.startswith(_ARTICLE[0]) and len(rest) > 3
        if parted and word not in _ABDULLAH:
            out += [_ABD, rest]
        else:
            out.append(word)
    return out


def _spelt(word: str) -> list[str]:
    """An Arabic-script word transliterated letter by letter (normalize.arabic_letters),
    folded."""
    return fold(arabic_letters(word)).split()


def _cyrillic_tokens(run: str) -> list[_Raw]:
    """Russian words: the lexicon's English (with the transliteration as another form), else
    the transliteration. Legal forms stay transliterated (read as phrases after). A Korean
    name written syllable by syllable ("Ким Чен Ын") is also known by the spellings of the
    Hangul syllables it writes (:mod:`earmark.names.korean_cyrillic`)."""
    korean = korean_cyrillic.read_name(run)
    if korean is not None:
        return [_korean_syllable(fold(w), forms) for w, forms in korean]
    out: list[_Raw] = []
    for word in run.split():
        translit = fold(word).split()
        found = read_cyrillic_word(word)
        if found is None:
            if translit and translit[0].startswith("abd"):  # Абдулхаким, as "Abdulkhakim"
                translit = _servant_of(translit)
            out.extend(_Raw(w, alts, sound="cyrillic") for w, alts in read_numbers(translit))
        else:
            out.extend(_rendered(word, found, tuple(translit)))
    return out


def _korean_syllable(written: str, forms: tuple[str, ...]) -> _Raw:
    """A Korean syllable written in Cyrillic: its transliteration, unless a single letter
    (Ё, "e", which would read as an initial), and the spellings of its Hangul."""
    if len(written) > 1 or not forms:
        return _Raw(written, forms, sound="cyrillic")
    return _Raw(forms[0], (*forms[1:], written), sound="cyrillic")


_DIGITS = re.compile(r"(\d+)")
# A Korean person's name is two to four syllables (surname first).
_PERSON_SYLLABLES = range(2, 5)


def _hangul_tokens(run: str, reading: int = 0) -> list[_Raw]:
    """Hangul words: lexicon words as their English; the syllables between them romanised
    together and compared by sound ("hwawei" / "huawei"), or, in reading 1 and after, a
    person's name (the whole run: one word of two to four syllables, or a one-syllable surname
    and a given name in either order) in the spellings the lists use."""
    if reading > 0 and (person := _person_parts(run)) is not None:
        return _korean_person(*person)
    out: list[_Raw] = []
    # Digits written on a Hangul word are a word of their own: 39호실 is "39" and 호실.
    for chunk in _DIGITS.sub(r" \1 ", run).split():
        if not has_hangul(chunk):
            out.extend(_Raw(w) for w in fold(chunk).split())
            continue
        for source, renderings, known in read_hangul(chunk):
            if known:
                out.extend(_rendered(source, renderings, (), reading))
            elif reading == _HANGUL_CHINESE and (words := hangul_chinese.read(source)):
                out.extend(raw for word in words for raw in _zh_raw(word))
            else:
                out.append(_Raw(renderings[0], renderings[1:], source=source, sound="hangul"))
    return out


def _person_parts(run: str) -> tuple[str, str] | None:
    """(surname, given name) when the run may be a Korean person's name no lexicon word
    covers: "김정은", "김 정은" or "정은 김"."""
    chunks = run.split()
    if not all(has_hangul(c) and c.isalpha() for c in chunks):
        return None
    if any(known for c in chunks for _, _, known in read_hangul(c)):
        return None
    if len(chunks) == 1 and len(run) in _PERSON_SYLLABLES:
        return run[0], run[1:]
    if len(chunks) == 2:
        first, second = chunks
        if len(first) == 1 and len(second) in (1, 2, 3):
            return first, second
        if len(second) == 1 and len(first) in (1, 2, 3):
            return second, first  # written given name first
    return None


_MOST_GIVEN_FORMS = 12


def _korean_person(family: str, personal: str) -> list[_Raw]:
    """A Korean name as the lists write people: the surname, then the given name as one word
    in each spelling its syllables allow ("yona" for 연아); the lists' "Jong Un" meets
    "jongun" as two words written as one."""
    surname = syllable_forms(family, first=True)
    given = [""]
    for syllable in personal:
        given = [g + f for g in given for f in syllable_forms(syllable)][:_MOST_GIVEN_FORMS]
    return [
        _Raw(surname[0], surname[1:], source=family),
        _Raw(given[0], tuple(given[1:]), source=personal),
    ]


def _kana_tokens(run: str) -> list[_Raw]:
    """Japanese kana: loanwords of the lexicon as their English, the rest romanised and
    compared by sound (:mod:`earmark.names.kana`)."""
    out: list[_Raw] = []
    for chunk in run.split():
        if not has_kana(chunk):
            out.extend(_Raw(w) for w in fold(chunk).split())
            continue
        for source, renderings, known in read_kana(chunk):
            if known:
                out.extend(_rendered(source, renderings, ()))
                continue
            # A loanword or foreign name the dictionary spells in Latin letters (ラザルス,
            # "lazarus") is known by that spelling first.
            spelt = (japanese.foreign_spelling(source), *renderings)
            forms = [f for f in dict.fromkeys(fold(r).replace(" ", "") for r in spelt) if f]
            if forms:
                out.append(_Raw(forms[0], tuple(forms[1:]), source=source, sound="kana"))
    return out


def _rendered(
    source: str, renderings: tuple[str, ...], extra: tuple[str, ...], reading: int = 0
) -> list[_Raw]:
    """Raw tokens of a word known by its renderings: the first one's words are the tokens, or
    in reading k the k-th one's where the word has one of several words (보위성 "state
    security" and "ministry of state security")."""
    choice = renderings[reading] if _chosen(renderings, reading) else renderings[0]
    primary = choice.split()
    alts: tuple[str, ...] = ()
    if len(primary) == 1:
        singles = [r for r in renderings[1:] if " " not in r] + [e for e in extra if e]
        alts = tuple(dict.fromkeys(a for a in singles if a != primary[0]))
    return [_Raw(p, alts, source=source if i == 0 else "") for i, p in enumerate(primary)]


def _zh_raw(word: chinese.ZhWord, reading: int = 0) -> list[_Raw]:
    """A Chinese word (from script or read from pinyin) as raw tokens of its rendering (the
    ``reading``-th, where the word has one of several words)."""
    choice = word.renderings[reading] if _chosen(word.renderings, reading) else word.renderings[0]
    primary = choice.split()
    alts: tuple[str, ...] = ()
    if len(primary) == 1:
        # Other one-word renderings, and the pinyin, count as the same word.
        singles = [r for r in word.renderings[1:] if " " not in r]
        if word.known:
            singles.append(pinyin_reading.spelled(word.source))
        alts = tuple(dict.fromkeys(a for a in singles if a != primary[0]))
    return [
        _Raw(part, alts, source=word.source if i == 0 else "") for i, part in enumerate(primary)
    ]


def _phrases(raw: list[_Raw]) -> list[_Raw | Token]:
    """Replace legal-form phrases by one LEGAL token each and place names by their canonical
    token (a GENERIC word: "Moskau" -> "moscow"), longest phrase first. A word that is already
    the canonical name of a place keeps its own kind: "Sofia" and "Jordan" are also names of
    people."""
    vocab = vocabulary()
    table = places()
    out: list[_Raw | Token] = []
    folded = [legal_fold(r.text) for r in raw]
    i = 0
    while i < len(raw):
        text = raw[i].text
        longest = max(
            vocab.legal_starts.get(text, 0),
            vocab.legal_folded_starts.get(folded[i], 0),
            table.starts.get(text, 0),
        )
        for size in range(min(longest, MAX_PHRASE, len(raw) - i), 0, -1):
            words = tuple(r.text for r in raw[i : i + size])
            source = " ".join(r.source or r.text for r in raw[i : i + size])
            canonical = vocab.legal_phrases.get(words) or vocab.legal_folded.get(
                tuple(folded[i : i + size])
            )
            if canonical is not None:
                others = _legal_alts(raw[i].alts, canonical) if size == 1 else ()
                out.append(Token(canonical, Kind.LEGAL, others, source=source))
                i += size
                break
            place = table.phrases.get(words)
            if place is not None:
                out.append(Token(place, Kind.GENERIC, source=source))
                i += size
                break
        else:
            out.append(raw[i])
            i += 1
    return out


# A name this long, written in a field of a fixed width, may end with a word cut short: two
# letters at its very end are not read as a country's code (screening reads such names as cut).
MAY_BE_CUT = 30


def _country_code_at_end(items: list[_Raw | Token], written_length: int) -> list[_Raw | Token]:
    """A firm's name that ends with a country's ISO code, its legal form aside ("Bank Melli
    IR", "SMIC CN Corporation", "Huawei Technologies DE GmbH"): the code is the country, a
    place (a GENERIC token). Only in a firm's name (it has a legal form or a generic word, or
    a place already): a person's last syllable is no code ("Li Na", "Wang Li")."""
    if len(items) < 2:
        return items
    end = len(items)
    while end > 1 and _is_legal(items[end - 1]):
        end -= 1
    last = items[end - 1]
    if not isinstance(last, _Raw) or len(last.text) != 2 or end < 2:
        return items
    country = places().codes.get(last.text)
    if country is None or not _firm_words([*items[: end - 1], *items[end:]]):
        return items
    if end == len(items) and written_length >= MAY_BE_CUT:
        return items  # two letters that end a long name may be a word cut short ("... MODERN MA")
    # The letters stay a form of it: the same firm written "AW Industrial Ltd" holds them.
    code = Token(country, Kind.GENERIC, (last.text, *last.alts), source=last.text)
    return [*items[: end - 1], code, *items[end:]]


def _is_legal(item: _Raw | Token) -> bool:
    return isinstance(item, Token) and item.kind is Kind.LEGAL


def _firm_words(items: list[_Raw | Token]) -> bool:
    """Whether the words hold a legal form, a place or a generic word of a firm's name."""
    generic = vocabulary().generic
    return any(isinstance(t, Token) or t.text in generic for t in items)


def _legal_alts(alts: tuple[str, ...], canonical: str) -> tuple[str, ...]:
    """The other legal forms a word may render (公司 is "company" or "corporation"): the
    listed "Corporation" is then the same legal form, not another one."""
    phrases = vocabulary().legal_phrases
    found = (phrases.get(tuple(a.split())) for a in alts)
    return tuple(dict.fromkeys(c for c in found if c is not None and c != canonical))


def _classify(items: list[_Raw | Token], dedupe: bool) -> tuple[Token, ...]:
    """Kinds for the tokens, without repeats when ``dedupe``."""
    vocab = vocabulary()
    out: list[Token] = []
    seen: set[str] = set()
    for item in items:
        if dedupe and item.text in seen and len(item.text) > 1:  # initials repeat: "V. V."
            continue
        seen.add(item.text)
        if isinstance(item, Token):
            out.append(item)
            continue
        text = item.text
        # The stopwords are Latin words ("an", "do"): a Korean, Japanese or Chinese syllable
        # that reads as one is a name (안, An; 도, Do; 翟, Di).
        if text in vocab.stopwords and not _read_by_syllable(item):
            kind = Kind.STOP
        elif text.isdigit():
            kind = Kind.NUMBER
        elif len(text) == 1:
            kind = Kind.INITIAL
        elif text in vocab.titles:
            kind = Kind.TITLE
        elif text in vocab.generic:
            kind = Kind.GENERIC
        else:
            kind = Kind.WORD
        out.append(Token(text, kind, item.alts, item.skeleton, item.source, item.sound))
    return _titles_of_persons(out)


_READ_BY_SYLLABLE = ("hangul", "kana")


def _read_by_syllable(item: _Raw) -> bool:
    """A word read from Hangul, kana or Chinese characters: a syllable that spells a Latin
    stopword is a name there (안 "an", 도 "do"; 翟 "di", 那 "na")."""
    return item.sound in _READ_BY_SYLLABLE or has_han(item.source)


def _titles_of_persons(tokens: list[Token]) -> tuple[Token, ...]:
    """Titles stay titles only in what reads as a person's name, beside another word of it:
    in "Sayyed Brothers Engineering Co." or "MRS GmbH" the word names the firm."""
    if not any(t.kind is Kind.TITLE for t in tokens):
        return tuple(tokens)
    firm = any(t.kind in (Kind.LEGAL, Kind.GENERIC) for t in tokens)
    person = not firm and any(t.kind is Kind.WORD for t in tokens)
    return tuple(
        Token(t.text, Kind.WORD, t.alts, t.skeleton, t.source, t.sound)
        if t.kind is Kind.TITLE and not (person and _titled(tokens, i))
        else t
        for i, t in enumerate(tokens)
    )


def _titled(tokens: list[Token], i: int) -> bool:
    """A title after the Arabic article is a family's name ("Al al-Sheikh", "El-Sayed")."""
    return i == 0 or tokens[i - 1].text not in ("al", "el")
