"""Japanese text read as the lists write Japanese names: kanji by their Japanese readings.

The lists write Japanese parties in Hepburn: 山口組 is "YAMAGUCHI-GUMI", 井上邦雄 "INOUE,
Kunio", 工藤會 "KUDO-KAI". Kanji have no reading of their own in a name (the Chinese lexicon
reads 山口 as "shankou"), so the words and their readings come from the UniDic dictionary
(unidic-lite, through the MeCab wrapper fugashi): each word's pronunciation, romanised in
modified Hepburn with the long vowels short as the lists write them ("kudo", "kobe"), and as
its kana spell it ("kudou"). A numeral and the counters after it are one word (六代目,
"rokudaime"); the second and later native words of a run are also read voiced (rendaku:
組 "kumi" and "gumi"). A katakana loanword whose dictionary entry gives its foreign spelling
is also known by that spelling (ラザルス, "lazarus").

The dictionary is loaded when first needed: most names have no Japanese.
"""

from __future__ import annotations

import threading
import tomllib
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from earmark.names.kana import DATA, hepburn
from earmark.names.normalize import fold

_LOCK = threading.Lock()  # a MeCab tagger is not safe to share between threads
_NUMERAL = "数詞"
_COUNTER = "助数詞可能"
_SUFFIX = "接尾辞"
_NATIVE = "和"  # UniDic's word origin (goshu) of native Japanese words


@dataclass(frozen=True, slots=True)
class JaWord:
    source: str  # the Japanese text of the word
    readings: tuple[str, ...]  # Hepburn readings, the lists' spelling first
    known: bool  # found in the dictionary (else read by the caller another way)


@dataclass(slots=True)
class _Morph:
    source: str
    kana: str  # as spelt (クドウ)
    pron: str  # as pronounced, long vowels with ー (クドー)
    native: bool
    numeral: bool
    attaches: bool  # a suffix, or a counter after a numeral: part of the word before it
    known: bool
    foreign: str  # the foreign spelling of a loanword (ラザルス-Lazarus), else ""


@cache
def _tagger() -> Any:
    # Imported here: the dictionary is 50 MB, and most names have no Japanese.
    import fugashi

    return fugashi.Tagger()


@cache
def _rendaku() -> tuple[tuple[str, str], ...]:
    with (DATA / "ja_kana.toml").open("rb") as fh:
        table = tomllib.load(fh)["rendaku"]
    return tuple(sorted(((k, str(v)) for k, v in table.items()), key=lambda kv: -len(kv[0])))


def _morphs(text: str) -> list[_Morph]:
    """The dictionary's words of the text, with what reading them needs."""
    with _LOCK:
        nodes = [(n.surface, n.feature, n.is_unk) for n in _tagger()(text)]
    out: list[_Morph] = []
    for surface, f, unknown in nodes:
        numeral = f.pos2 == _NUMERAL
        after_numeral = bool(out) and (out[-1].numeral or out[-1].attaches)
        attaches = bool(out) and (f.pos1 == _SUFFIX or (f.pos3 == _COUNTER and after_numeral))
        # UniDic writes a loanword's lemma with its foreign spelling: "ラザルス-Lazarus".
        _, _, spelling = (f.lemma or "").partition("-")
        foreign = spelling if spelling.isascii() else ""
        out.append(
            _Morph(surface, f.kana or "", f.pron or f.kana or "", f.goshu == _NATIVE,
                   numeral, attaches, not unknown and bool(f.kana), foreign)
        )  # fmt: skip
    return out


@lru_cache(maxsize=8192)
def words(text: str) -> tuple[JaWord, ...]:
    """The words of a run of Japanese text (kanji and kana) with their Hepburn readings; a
    word the dictionary does not know has no reading (``known`` False)."""
    out: list[JaWord] = []
    merged: list[list[_Morph]] = []
    for m in _morphs(text):
        if m.attaches and merged and all(p.known for p in merged[-1]) and m.known:
            merged[-1].append(m)
        else:
            merged.append([m])
    for i, parts in enumerate(merged):
        source = "".join(p.source for p in parts)
        if not all(p.known for p in parts):
            out.append(JaWord(source, (), False))
            continue
        said = "".join(hepburn(p.pron) for p in parts)
        spelt = "".join(hepburn(p.kana) for p in parts)
        forms = [said, spelt]
        if i and parts[0].native:
            forms.extend(_voiced(f) for f in (said, spelt))
        out.append(JaWord(source, tuple(dict.fromkeys(f for f in forms if f)), True))
    return tuple(out)


def _voiced(reading: str) -> str:
    """The reading with its first consonant voiced, as the second part of a compound."""
    for plain, voiced in _rendaku():
        if reading.startswith(plain):
            return voiced + reading[len(plain) :]
    return reading


@lru_cache(maxsize=8192)
def foreign_spelling(kana: str) -> str:
    """The foreign spelling of a katakana loanword or name, where the dictionary gives one
    for each of its words ("ラザルス" -> "lazarus", "センスタイム" -> "sensetime"), else ""."""
    morphs = _morphs(kana)
    if not morphs or not all(m.foreign for m in morphs):
        return ""
    return "".join(fold(m.foreign).replace(" ", "") for m in morphs)
