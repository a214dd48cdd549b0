"""Word lists of party names: legal forms, generic words, titles, stopwords (data/*.toml)."""

from __future__ import annotations

import gzip
import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from earmark.diskcache import cached

DATA = Path(__file__).resolve().parent / "data"
MAX_PHRASE = 8  # longest legal-form phrase, in words


@dataclass(frozen=True, slots=True)
class Vocabulary:
    legal_phrases: dict[tuple[str, ...], str]  # ("company", "limited") -> "ltd"
    legal_starts: dict[str, int]  # first word of a phrase -> its longest phrase, in words
    # The same phrases with their long words folded (legal_fold): "obschestvo",
    # "obshestvo" and "obshchestvo" are one word written three ways.
    legal_folded: dict[tuple[str, ...], str]
    legal_folded_starts: dict[str, int]
    legal_tokens: frozenset[str]  # the canonical tokens: "ltd", "llc", ...
    generic: frozenset[str]
    stopwords: frozenset[str]
    titles: frozenset[str]  # honorifics before a person's name: "sayyid", "haji", "dr"
    contractions: dict[str, tuple[str, ...]]  # "mfg" -> ("manufacturing",)
    places: frozenset[str]  # places.toml: the places that qualify a name (also in generic)


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    with (DATA / "legal_forms.toml").open("rb") as fh:
        forms = tomllib.load(fh)["forms"]
    with (DATA / "generic_words.toml").open("rb") as fh:
        words = tomllib.load(fh)["words"]
    phrases: dict[tuple[str, ...], str] = {}
    for canonical, spellings in forms.items():
        for spelling in (canonical, *spellings):
            phrases[tuple(spelling.split())] = canonical
    # Only phrases of long words (and single letters: the "s" of "obshchestvo s ..."): a short
    # form matches as written, or "Pratt" would fold onto Ukraine's "PrAT".
    folded = {
        tuple(legal_fold(w) for w in phrase): c
        for phrase, c in phrases.items()
        if all(len(w) >= MIN_FOLDED or len(w) == 1 for w in phrase)
    }
    with (DATA / "places.toml").open("rb") as fh:
        places = tomllib.load(fh)["words"]["places"]
    return Vocabulary(
        legal_phrases=phrases,
        legal_starts=_starts(phrases),
        legal_folded=folded,
        legal_folded_starts=_starts(folded),
        legal_tokens=frozenset(forms),
        # Places qualify a name (where, not who): they weigh like generic words.
        generic=frozenset(
            w
            for w in (*words["generic"], *words["generic_other_languages"], *places)
            if " " not in w
        ),
        stopwords=frozenset(words["stopwords"]),
        titles=frozenset(words["titles"]),
        contractions=_contractions(),
        places=frozenset(places),
    )


def _starts(phrases: dict[tuple[str, ...], str]) -> dict[str, int]:
    starts: dict[str, int] = {}
    for phrase in phrases:
        starts[phrase[0]] = max(starts.get(phrase[0], 0), len(phrase))
    return starts


# Russian legal forms come romanised many ways in the lists themselves (SDN, Entity List):
# "obshchestvo", "obschestvo", "obshestvo"; "aktsionernoe", "aktsionernoye",
# "aktcionernoe"; "ogranichennoy", "ogranichennoi", "ogranichennoj"; "otvetstvennostyu",
# "otvetstvennostiu". The fold writes each of these one way. Only words of five letters or
# more are folded: the short forms ("ao", "sa", "zao") are exact.
_FOLD_STEPS = (
    (re.compile(r"s?sh?ch"), "sh"),
    (re.compile(r"tc|tz"), "ts"),
    (re.compile(r"kh"), "h"),
    (re.compile(r"[yj]"), "i"),
    (re.compile(r"(?<=[aeiou])i(?=[aeiou])"), ""),
    (re.compile(r"(.)\1"), r"\1"),
)
MIN_FOLDED = 5


@lru_cache(maxsize=65_536)
def legal_fold(word: str) -> str:
    """A word of a legal form written one way whichever romanisation wrote it."""
    if len(word) < MIN_FOLDED:
        return word
    for pattern, replacement in _FOLD_STEPS:
        word = pattern.sub(replacement, word)
    return word


def _contractions() -> dict[str, tuple[str, ...]]:
    with (DATA / "contractions.toml").open("rb") as fh:
        table = tomllib.load(fh)["contractions"]
    return {short: tuple(words) for short, words in table.items()}


@lru_cache(maxsize=1)
def everyday_words() -> frozenset[str]:
    """Words of everyday language in the languages company names are mostly written in
    (data/common_words.txt.gz, built by scripts/build_common_words.py from wordfreq: a Zipf
    frequency of 3 or more, once per million words). Loaded on first use, from the disk cache
    (a sixth of the time of reading the 170,000 lines: a batch worker's first rows need it)."""
    return cached("everyday-words", "1", _read_everyday_words)


def _read_everyday_words() -> frozenset[str]:
    with gzip.open(DATA / "common_words.txt.gz", "rt", encoding="utf-8") as fh:
        return frozenset(line.rstrip("\n") for line in fh if not line.startswith("#"))
