"""Chinese-script names: segment with a lexicon of company-name words, pinyin for the rest.

A name such as 华为技术有限公司 is read longest word first against ``data/zh_lexicon.toml``:
华为 -> "huawei", 技术 -> "technology" (or "technologies", "tech"), 有限公司 -> "co ltd". Text
the lexicon does not know is romanised with pypinyin, two characters to a word (most Chinese
words have two), so 海思 becomes "haisi" when the lexicon lacks it. ``data/zh_known_names.toml``
maps the full Chinese names of listed entities to their listed English names.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from earmark.names.normalize import has_han

DATA = Path(__file__).resolve().parent / "data"


@dataclass(frozen=True, slots=True)
class ZhWord:
    source: str  # the Chinese text
    renderings: tuple[str, ...]  # English (or pinyin) renderings, most usual first
    known: bool  # from the lexicon (True) or romanised with pypinyin (False)


@dataclass(frozen=True, slots=True)
class ZhData:
    words: dict[str, tuple[str, ...]]
    longest: int
    known_names: dict[str, str]  # Chinese full name -> listed English name


@lru_cache(maxsize=1)
def zh_data() -> ZhData:
    """The lexicon and the known names (kept in the disk cache: reading them takes OpenCC)."""
    from earmark.diskcache import cached

    return cached("zh-data", "1", _build_zh_data)


def _build_zh_data() -> ZhData:
    words: dict[str, tuple[str, ...]] = {}
    path = DATA / "zh_lexicon.toml"
    if path.exists():
        with path.open("rb") as fh:
            raw = tomllib.load(fh).get("words", {})
        # Keys are read as Simplified characters, as the text is (Traditional and Japanese
        # forms of a word meet their Simplified form; renderings of both are kept).
        for key, renderings in raw.items():
            if renderings:
                simple = simplified(key)
                words[simple] = tuple(dict.fromkeys((*words.get(simple, ()), *renderings)))
    known: dict[str, str] = {}
    path = DATA / "zh_known_names.toml"
    if path.exists():
        with path.open("rb") as fh:
            for entity in tomllib.load(fh).get("entity", []):
                for zh in entity.get("zh", []):
                    known[zh] = entity["en"]
    return ZhData(words, max((len(w) for w in words), default=1), known)


def segment(run: str) -> list[ZhWord]:
    """Words of a run of Han characters: lexicon words first, pinyin pairs for the rest."""
    data = zh_data()
    out: list[ZhWord] = []
    unknown = ""
    i = 0
    while i < len(run):
        for size in range(min(data.longest, len(run) - i), 0, -1):
            piece = run[i : i + size]
            if piece in data.words:
                out.extend(_romanise(unknown))
                unknown = ""
                out.append(ZhWord(piece, data.words[piece], True))
                i += size
                break
        else:
            unknown += run[i]
            i += 1
    out.extend(_romanise(unknown))
    return out


def simplified(text: str) -> str:
    """Traditional characters as Simplified ones (OpenCC t2s), so that one lexicon reads both:
    華為技術 -> 华为技术. Text without Han characters is returned as it is."""
    if not has_han(text):
        return text
    return "".join(_from_japanese(ch) for ch in str(_converter("t2s").convert(text)))


@lru_cache(maxsize=4)
def _converter(config: str) -> Any:
    import opencc

    return opencc.OpenCC(config)


@lru_cache(maxsize=8192)
def _from_japanese(ch: str) -> str:
    """A Japanese simplified form (shinjitai) as the Chinese one: 発 -> 发, 団 -> 团, 営 -> 营
    (OpenCC jp2t, then t2s). Only where that lands on another Simplified character: 研 and 衛
    are also Chinese, and jp2t would make them 硏 and 衞."""
    if not ("\u3400" <= ch <= "\u9fff"):
        return ch
    traditional = str(_converter("jp2t").convert(ch))
    simple = str(_converter("t2s").convert(traditional))
    return simple if traditional != ch and simple != traditional else ch


# A bracket of Latin letters in a Chinese name: its own abbreviation, "中芯国际...(SMIC)".
_LATIN_BRACKET = re.compile(r"[（(][\x00-\x7f]*[）)]")


def known_name(text: str) -> str | None:
    """The listed English name of a known Chinese name, ignoring spaces; failing that, also
    ignoring a bracket of Latin letters, the legal form at the end and the script's forms
    (Simplified, Traditional or Japanese): 中芯国際集成電路製造(SMIC) is 中芯国际集成电路制造
    有限公司, Semiconductor Manufacturing International Corporation."""
    key = "".join(text.split())
    found = zh_data().known_names.get(key)
    if found is None and has_han(key):
        found = _known_without_legal_form().get(without_legal_form(_LATIN_BRACKET.sub("", key)))
    return found


@lru_cache(maxsize=1)
def _known_without_legal_form() -> dict[str, str]:
    out: dict[str, str] = {}
    for zh, en in zh_data().known_names.items():
        out.setdefault(without_legal_form(zh), en)
    return out


def without_legal_form(name: str) -> str:
    """The name in Simplified characters without the lexicon words of legal forms at its end
    (有限公司, 股份有限公司: the lexicon words whose first rendering is a legal form), the
    longest first, leaving at least one character. By suffix, not by segmenting the name: a
    segmentation also reads every other word's pinyin, which this lookup does not need."""
    text = simplified(name)
    stripped = True
    while stripped:
        stripped = False
        for form in _legal_words():
            if len(text) > len(form) and text.endswith(form):
                text, stripped = text[: -len(form)], True
                break
    return text


@lru_cache(maxsize=1)
def _legal_words() -> tuple[str, ...]:
    """The lexicon words whose first rendering is a legal form, longest first."""
    from earmark.names.vocabulary import vocabulary

    phrases = vocabulary().legal_phrases
    words = zh_data().words
    legal = [w for w, renderings in words.items() if tuple(renderings[0].split()) in phrases]
    return tuple(sorted(legal, key=len, reverse=True))


@lru_cache(maxsize=65_536)
def pinyin(text: str) -> str:
    # Imported here: pypinyin's tables take 0.6 s to load, and most names have no Chinese.
    from pypinyin import lazy_pinyin

    return "".join(lazy_pinyin(text))


def _romanise(text: str) -> list[ZhWord]:
    """Two characters to a word; three characters are read as a person's name, surname first
    (习近平 -> "xi", "jinping"), as Latin-script lists write Chinese names."""
    if len(text) == 3:
        return [
            ZhWord(text[0], (pinyin(text[0]),), False),
            ZhWord(text[1:], (pinyin(text[1:]),), False),
        ]
    return [
        ZhWord(text[i : i + 2], (pinyin(text[i : i + 2]),), False) for i in range(0, len(text), 2)
    ]
