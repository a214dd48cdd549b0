"""Analyse a party name into typed tokens: the input of candidate retrieval and scoring.

    analyze("Huawei Device Co., Ltd.")  -> huawei (word), device (generic), ltd (legal)
    analyze("华为终端有限公司")          -> huawei (word), device|terminal (generic), ltd (legal)
    analyze("ОАО Ромашка")             -> jsc (legal), romashka (word)

Legal forms become one canonical token each ("Co., Ltd.", "Company Limited" -> ltd); generic
words and stopwords are marked so that the scorer can give them little or no weight.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from earmark.names import chinese
from earmark.names.normalize import clean_input, fold, is_arabic, split_han
from earmark.names.vocabulary import MAX_PHRASE, vocabulary


class Kind(StrEnum):
    WORD = "word"
    GENERIC = "generic"
    LEGAL = "legal"
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


def analyze(name: str, field: str = "name", dedupe: bool = True) -> AnalyzedName:
    """Tokens of ``name``; BadInput (naming ``field``) when it is empty or too long.

    ``dedupe``: a word repeated in a listed name counts once ("HUAWEI TECHNOLOGIES CO., LTD.
    (HUAWEI)"); in a query the repetition is kept ("Johnson & Johnson" is not "Johnson").
    Remembered: batches screen the same names again and again."""
    return _analyze(name, field, dedupe)


@lru_cache(maxsize=65_536)
def _analyze(name: str, field: str, dedupe: bool) -> AnalyzedName:
    text = clean_input(name, field)
    raw: list[_Raw] = []
    scripts: set[str] = set()
    for han, run in split_han(text):
        if han:
            scripts.add("han")
            raw.extend(_han_tokens(run))
        else:
            arabic = is_arabic(run)
            folded = fold(run)
            if folded:
                scripts.add("arabic" if arabic else "latin" if run.isascii() else "other")
            raw.extend(_Raw(w, skeleton=arabic) for w in folded.split())
    tokens = _classify(_legal_forms(raw), dedupe)
    script = scripts.pop() if len(scripts) == 1 else ("mixed" if scripts else "latin")
    known = chinese.known_name(text) if "han" in (script, "mixed") else None
    return AnalyzedName(text, tokens, script, known)


def _han_tokens(run: str) -> list[_Raw]:
    out = []
    for word in chinese.segment(run):
        if word.source in _ADMINISTRATIVE:
            continue  # 深圳市 is "Shenzhen" in an English name, not "Shenzhen City"
        primary = word.renderings[0].split()
        alts: tuple[str, ...] = ()
        if len(primary) == 1:
            # Other one-word renderings, and the pinyin, count as the same word.
            singles = [r for r in word.renderings[1:] if " " not in r]
            if word.known:
                singles.append(chinese.pinyin(word.source))
            alts = tuple(dict.fromkeys(a for a in singles if a != primary[0]))
        for i, part in enumerate(primary):
            out.append(_Raw(part, alts, source=word.source if i == 0 else ""))
    return out


def _legal_forms(raw: list[_Raw]) -> list[_Raw | Token]:
    """Replace legal-form phrases, longest first, by one LEGAL token each."""
    vocab = vocabulary()
    phrases, starts = vocab.legal_phrases, vocab.legal_starts
    out: list[_Raw | Token] = []
    i = 0
    while i < len(raw):
        longest = starts.get(raw[i].text, 0)
        for size in range(min(longest, MAX_PHRASE, len(raw) - i), 0, -1):
            words = tuple(r.text for r in raw[i : i + size])
            canonical = phrases.get(words)
            if canonical is not None:
                source = " ".join(r.source or r.text for r in raw[i : i + size])
                out.append(Token(canonical, Kind.LEGAL, source=source))
                i += size
                break
        else:
            out.append(raw[i])
            i += 1
    return out


def _classify(items: list[_Raw | Token], dedupe: bool) -> tuple[Token, ...]:
    """Kinds for the tokens, without repeats when ``dedupe``."""
    vocab = vocabulary()
    out: list[Token] = []
    seen: set[str] = set()
    for item in items:
        if dedupe and item.text in seen:
            continue
        seen.add(item.text)
        if isinstance(item, Token):
            out.append(item)
            continue
        text = item.text
        if text in vocab.stopwords:
            kind = Kind.STOP
        elif text.isdigit():
            kind = Kind.NUMBER
        elif len(text) == 1:
            kind = Kind.INITIAL
        elif text in vocab.generic:
            kind = Kind.GENERIC
        else:
            kind = Kind.WORD
        out.append(Token(text, kind, item.alts, item.skeleton, item.source))
    return tuple(out)
