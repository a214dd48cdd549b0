"""Persian, Arabic and Korean words of party names read as the English the lists write.

The lists write Iranian, Arab and North Korean parties in English or in a transliteration
("BANK MELLI IRAN", "NATIONAL IRANIAN TANKER COMPANY", "KOREA MINING DEVELOPMENT TRADING
CORPORATION"). A query in the party's own script is read word by word (Persian and Arabic:
words between spaces; Korean: longest word first, as Chinese) against a lexicon of the words
of company and organisation names (data/fa_ar_lexicon.toml, data/ko_lexicon.toml); a word
the lexicon does not know keeps its transliteration, which the scorer compares by consonants.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from functools import cache
from pathlib import Path

from anyascii import anyascii

DATA = Path(__file__).resolve().parent / "data"
_HANGUL = re.compile(r"[\uac00-\ud7a3]")
# Arabic letters written differently in Persian (ي ى -> ی, ك -> ک), the tied ة as ه, and the
# tatweel and short-vowel marks dropped.
_ARABIC_FOLD = str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک", "ة": "ه", "أ": "ا", "إ": "ا",
                              "آ": "ا", "ـ": None, "\u200c": ""})  # fmt: skip
_MARKS = re.compile(r"[\u064b-\u065f\u0670]")


@cache  # three lexicons: a smaller cache reloads them in turn
def _lexicon(name: str) -> dict[str, tuple[str, ...]]:
    with (DATA / name).open("rb") as fh:
        words = tomllib.load(fh)["words"]
    if name.startswith("fa"):
        # Spellings that fold to one key (with and without the zero-width non-joiner, Arabic
        # and Persian letters) pool their renderings, the first spelling's first: a later
        # "ملی\u200c" = ["national"] must not drop the "melli" of "ملی".
        folded: dict[str, tuple[str, ...]] = {}
        for k, v in words.items():
            if v:
                key = _fold_arabic(k)
                folded[key] = tuple(dict.fromkeys((*folded.get(key, ()), *v)))
        return folded
    return {k: tuple(v) for k, v in words.items() if v}


def lexicon_words(name: str) -> dict[str, tuple[str, ...]]:
    """The words of one lexicon file and their renderings (Persian and Arabic keys folded)."""
    return _lexicon(name)


def _fold_arabic(word: str) -> str:
    return _MARKS.sub("", word.translate(_ARABIC_FOLD))


def read_arabic_word(word: str) -> tuple[str, ...] | None:
    """The English renderings of a Persian or Arabic word, or None when not known."""
    lex = _lexicon("fa_ar_lexicon.toml")
    key = _fold_arabic(word)
    for stem in _without_clitics(key):
        found = lex.get(stem)
        if found is not None:
            return found
    return None


# What Arabic writes on the front of a word: "and" (و, ف), "with" or "by" (ب), "like" (ك),
# "for" (ل; with the article, لل: للتجارة is ل + التجارة, "for the trade"), and the article.
_CLITICS = ("و", "ف", "ب", "ك", "ل")


def _without_clitics(key: str) -> list[str]:
    """The word, then the word without what is written on its front, the article last:
    والكويت -> الكويت -> كويت, للعلوم -> العلوم -> علوم."""
    out = [key]
    if key.startswith("لل") and len(key) > 4:
        out.append("ال" + key[2:])
    elif key[:1] in _CLITICS and len(key) > 3:
        out.append(key[1:])
    for stem in list(out):
        if stem.startswith("ال") and len(stem) > 3:
            out.append(stem[2:])
    return out


_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
# Inflected endings of Russian adjectives and nouns, longest first.
_ENDINGS = sorted(
    [
        "ого",
        "его",
        "ому",
        "ему",
        "ыми",
        "ими",
        "ая",
        "яя",
        "ое",
        "ее",
        "ые",
        "ие",
        "ый",
        "ий",
        "ой",
        "ую",
        "юю",
        "ых",
        "их",
        "ом",
        "ем",
        "ой",
        "ей",
        "ами",
        "ями",
        "ах",
        "ях",
        "ов",
        "ев",
        "а",
        "я",
        "ы",
        "и",
        "у",
        "ю",
        "е",
        "о",
        "ь",
        # Ukrainian and Belarusian endings ("ісламської", "мінскі", "цягачоў").
        "ої",
        "ій",
        "ів",
        "оў",
        "і",
        "ї",
    ],
    key=len,
    reverse=True,
)


def has_cyrillic(text: str) -> bool:
    return _CYRILLIC.search(text) is not None


def read_cyrillic_word(word: str) -> tuple[str, ...] | None:
    """The English renderings of a Russian word, found whole or by its stem."""
    lex = _lexicon("ru_lexicon.toml")
    key = word.casefold().strip("«»\"'().,")
    found = lex.get(key)
    if found is not None:
        return found
    for ending in _ENDINGS:
        if key.endswith(ending) and len(key) - len(ending) >= 3:
            found = lex.get(key[: -len(ending)])
            if found is not None:
                return found
    return None


def has_hangul(text: str) -> bool:
    return _HANGUL.search(text) is not None


def read_hangul(run: str) -> list[tuple[str, tuple[str, ...], bool]]:
    """(source, renderings, known) for the words of a Hangul run: lexicon words longest first
    (known); the syllables between them romanised together (not known). A one-syllable word
    counts only where it does not break a run of unknown syllables; a last syllable after a
    lexicon word may be the suffix of a body's name (:func:`_suffixes`). An English word
    written alone (랩, "lab") is read only so, as a run of its own (:func:`_whole_words`)."""
    whole = _whole_words().get(run)
    if whole:
        return [(run, whole, True)]
    parts = segment(run, _lexicon("ko_lexicon.toml"), _read_unknown, shortest=1)
    if len(parts) >= 2 and parts[-2][2] and not parts[-1][2]:
        found = _suffixes().get(parts[-1][0])
        if found:  # 개발 + 국: "development" + "administration"
            parts[-1] = (parts[-1][0], found, True)
    return parts


@cache
def _suffixes() -> dict[str, tuple[str, ...]]:
    """The one-syllable Sino-Korean suffixes of names of bodies (국 "bureau", 성 "ministry")."""
    with (DATA / "ko_lexicon.toml").open("rb") as fh:
        table = tomllib.load(fh).get("suffixes", {})
    return {k: tuple(v) for k, v in table.items()}


@cache
def _whole_words() -> dict[str, tuple[str, ...]]:
    """English words Korean writes by their sound, read as such only alone: inside a longer
    word they are part of a foreign name written as one (스베르뱅크, Sberbank)."""
    with (DATA / "ko_lexicon.toml").open("rb") as fh:
        table = tomllib.load(fh).get("whole_words", {})
    return {k: tuple(v) for k, v in table.items()}


def _read_unknown(hangul: str) -> tuple[str, ...]:
    """The romanisations of Hangul no lexicon word covers: those of :func:`_romanised`, then
    the spellings of a foreign name written in Hangul (:func:`loan_forms`)."""
    return tuple(dict.fromkeys(_romanised(hangul) + loan_forms(hangul)))


_SYLLABLE = re.compile(r"[A-Z][a-z]*")
_FINAL = {"g": "k", "d": "t", "b": "p"}
_EPENTHETIC = re.compile(r"^([^aeiouwy]+)eu(l?)$")
# The consonant of 즈 and 츠 in a cluster is the English z and ts the rules write with them
# (재즈 jazz, 헤즈볼라 Hezbollah, 피츠버그 Pittsburgh), not the j and ch of the romanisation.
_CLUSTERED = {"j": "z", "ch": "ts"}


def loan_forms(hangul: str) -> tuple[str, ...]:
    """A foreign name written in Hangul by the loanword rules (National Institute of Korean
    Language, "Oeraeeo pyogibeop", 1986) read back to its Latin spelling: the syllable-final
    ㄱ, ㄷ, ㅂ as the k, t, p that Revised Romanization writes (anyascii gives g, d, b:
    "Teg"); an ㄹ as r but after another ㄹ ("Rostek"); and, in a second form, the vowel 으
    that Korean adds to split a consonant cluster dropped ("스", "플": 로스텍 "rostek",
    아이플라이텍 "aipllaitek"); a final 어 also as "er", the English ending that the rules
    write without its r (바그너 "bagner", Wagner); 즈 and 츠 in a cluster as z and ts
    (헤즈볼라 "hezbolla"). The 으 of the last syllable is kept: the
    spelling without it comes within a typo of the listed word and is scored as a typo, for
    less than by sound ("sberbangk" / "sberbank"). () for a run that is not all Hangul syllables."""
    if not all("\uac00" <= ch <= "\ud7a3" for ch in hangul):
        return ()
    syllables = [s.lower() for s in _SYLLABLE.findall(anyascii(hangul))]
    if len(syllables) != len(hangul):
        return ()
    plain: list[str] = []
    for i, syl in enumerate(syllables):
        if syl.startswith("l") and not (i and plain[-1].endswith("l")):
            syl = "r" + syl[1:]
        if syl[-1:] in _FINAL and not syl.endswith("ng"):
            syl = syl[:-1] + _FINAL[syl[-1]]
        plain.append(syl)
    clipped = [
        _CLUSTERED.get(m.group(1), m.group(1)) + m.group(2)
        if (m := _EPENTHETIC.match(syl)) and i < len(plain) - 1
        else syl
        for i, syl in enumerate(plain)
    ]
    forms = ["".join(plain), "".join(clipped)]
    if plain[-1].endswith("eo"):
        # A final 어 also writes the English "-er" (final r is not written: 바그너, Wagner).
        forms.extend([f[:-2] + "er" for f in forms if f.endswith("eo")])
    return tuple(dict.fromkeys(forms))


def segment(
    run: str,
    lexicon: dict[str, tuple[str, ...]],
    romanise: Callable[[str], tuple[str, ...]],
    shortest: int = 1,
) -> list[tuple[str, tuple[str, ...], bool]]:
    """A run of a script written without spaces between words (Hangul, kana) read against a
    lexicon, longest word first: (source, renderings, known) for each lexicon word of
    ``shortest`` characters or more, and for each stretch between them, romanised."""
    longest = max((len(k) for k in lexicon), default=1)
    out: list[tuple[str, tuple[str, ...], bool]] = []
    unknown = ""
    i = 0
    while i < len(run):
        for size in range(min(longest, len(run) - i), shortest - 1, -1):
            piece = run[i : i + size]
            if piece in lexicon and (size > 1 or not unknown):
                if unknown:
                    out.append((unknown, romanise(unknown), False))
                    unknown = ""
                out.append((piece, lexicon[piece], True))
                i += size
                break
        else:
            unknown += run[i]
            i += 1
    if unknown:
        out.append((unknown, romanise(unknown), False))
    return out


def _romanised(hangul: str) -> tuple[str, ...]:
    """The Revised Romanization anyascii gives ("gwangseon"), and the McCune-Reischauer-like
    spelling North Korean names are listed in ("kwangson"): initial g, d, b, j unvoiced, eo
    and eu as o and u."""
    rr = anyascii(hangul).lower()
    mr = rr.replace("eo", "o").replace("eu", "u").replace("ae", "ae")
    if mr[:1] in "gdbj":
        mr = {"g": "k", "d": "t", "b": "p", "j": "ch"}[mr[0]] + mr[1:]
    return (rr, mr) if mr != rr else (rr,)


@cache
def _surnames() -> dict[str, tuple[str, ...]]:
    with (DATA / "ko_lexicon.toml").open("rb") as fh:
        table = tomllib.load(fh).get("surnames", {})
    return {k: tuple(v) for k, v in table.items()}


_UNVOICED = {"g": "k", "d": "t", "b": "p", "j": "ch"}
_ASPIRATED = {"t": "th", "p": "ph", "k": "kh"}


def _final_unvoiced(spelt: str) -> str:
    """A syllable's last consonant as the Revised Romanization writes it: anyascii spells the
    letter (박 "bag", 욱 "ug"), the romanisation the sound (Bak, "uk"), as names are written."""
    last = spelt[-1:]
    if last in "gdb" and not spelt.endswith("ng") and len(spelt) > 1:
        return spelt[:-1] + _UNVOICED[last]
    return spelt


def syllable_forms(syllable: str, first: bool = False) -> tuple[str, ...]:
    """The spellings of one Hangul syllable of a person's name: Revised Romanization
    (anyascii: "jeong"), McCune-Reischauer's vowels ("jong") and its unvoiced initial
    ("chong"), the aspirated initials North Korean names keep ("Thae", "Phyo"), "shi" for
    "si"; for the surname (``first``), its customary spellings ("Lee", "Ri", "Rhee" for 이)."""
    rr = _final_unvoiced(anyascii(syllable).lower())
    mr = rr.replace("yeo", "yo").replace("eo", "o").replace("eu", "u")
    forms = [rr, mr]
    if mr[:1] == "l":  # anyascii writes an initial ㄹ as l; the lists as r ("Ryong", "Ri")
        mr = "r" + mr[1:]
        forms.append(mr)
    if mr[:1] in _UNVOICED:
        forms.append(_UNVOICED[mr[0]] + mr[1:])
    if mr[:1] in _ASPIRATED and mr[1:2] != "h":
        forms.append(_ASPIRATED[mr[0]] + mr[1:])
    if mr.startswith("si"):
        forms.append("sh" + mr[1:])
    if "oe" in mr:
        forms.append(mr.replace("oe", "oi"))
    if first:
        forms.extend(_surnames().get(syllable, ()))
    return tuple(dict.fromkeys(f for f in forms if f))
