"""Chinese names written in pinyin, read with the lexicon that reads Chinese script.

"Hangzhou Haikang Weishi Shuzi Jishu Gufen Youxian Gongsi" is 杭州海康威视数字技术股份有限公司
written in Latin letters; the listed name is "Hangzhou Hikvision Digital Technology Co., Ltd.".
Each word of ``data/zh_lexicon.toml`` of two characters or more is also known by its pinyin
(pypinyin, without tones: 海康威视 -> "haikangweishi", 股份有限公司 -> "gufenyouxiangongsi"), so
a run of pinyin words is read like the Chinese it spells: longest lexicon word first, over
the word boundaries the writer chose ("Haikang Weishi", "HaikangWeishi" and "haikangweishi"
are the same), with or without tone marks (folding has removed them). A word that is not
pinyin, or pinyin the lexicon does not know, stays as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib.metadata import version

from earmark.diskcache import cached
from earmark.names.chinese import ZhWord, pinyin, without_legal_form, zh_data
from earmark.names.normalize import has_han
from earmark.names.vocabulary import vocabulary

MAX_SPAN = 6  # Latin words one lexicon word may be spread over ("you xian gong si")
# One syllable is too ambiguous to read alone, but after a province or city these two are its
# administrative word: "Jilin Sheng Shunda Maoyi" is 吉林省顺达贸易 (JILIN PROVINCE SHUNDA
# TRADING), "Shenzhen Shi ..." 深圳市 (SHENZHEN CITY ...).
_AFTER_PLACE = {"sheng": "省", "shi": "市"}


@dataclass(frozen=True, slots=True)
class PinyinLexicon:
    words: dict[str, str]  # pinyin without spaces -> the Chinese word of the lexicon
    syllables: frozenset[str]
    longest: int  # in letters
    spelled: dict[str, str]  # each lexicon word -> chinese.pinyin(word), kept with the rest
    known: dict[str, str]  # a known Chinese name in pinyin, without spaces -> its listed name


@lru_cache(maxsize=1)
def pinyin_lexicon() -> PinyinLexicon:
    """The lexicon read in pinyin (kept in the disk cache: building it loads pypinyin)."""
    return cached("pinyin-lexicon", version("pypinyin"), _build_pinyin_lexicon)


def _build_pinyin_lexicon() -> PinyinLexicon:
    data = zh_data()
    words: dict[str, str] = {}
    syllables: set[str] = set()
    for zh in sorted(data.words, key=lambda w: (-len(w), w)):
        parts = [pinyin(ch) for ch in zh]
        syllables.update(p for p in parts if p.isascii() and p.isalpha())
        if len(zh) < 2 or not all(p.isascii() and p.isalpha() for p in parts):
            continue  # one character is too ambiguous in Latin letters
        words.setdefault("".join(parts), zh)
    syllables.update(_extra_syllables())
    spelled = {zh: pinyin(zh) for zh in data.words}
    longest = max(map(len, words), default=0)
    return PinyinLexicon(words, frozenset(syllables), longest, spelled, _known_in_pinyin())


def _known_in_pinyin() -> dict[str, str]:
    """The known Chinese names (``zh_known_names.toml``) in pinyin, without spaces, as written,
    without the legal form at the end, and without the 市 or 省 after a city or province
    ("shenzhenshihaisi..." and "shenzhenhaisi..."): the listed English name of each."""
    out: dict[str, str] = {}
    for zh, en in zh_data().known_names.items():
        bare = without_legal_form(zh)
        for form in (zh, bare, *(_ADMINISTRATIVE.sub("", f) for f in (zh, bare))):
            # Its characters only (a bracket, "（天津）", is no letter of the key either), read
            # together: 都 is "du" in 成都, not the "dou" of the character alone.
            spelt = "".join(pinyin("".join(ch for ch in form if has_han(ch))).split())
            if spelt.isascii() and spelt.isalpha():
                out.setdefault(spelt, en)
    return out


_ADMINISTRATIVE = re.compile("(?<=.)[市省](?=.)")


def known_name(latin: str) -> str | None:
    """The listed English name of a known Chinese name written in pinyin, whole ("Zhongxin
    Guoji Jicheng Dianlu Zhizao Youxian Gongsi" is SMIC), or None."""
    key = "".join(ch for ch in latin if ch.isalpha())
    return pinyin_lexicon().known.get(key) if len(key) >= 8 else None


def spelled(zh: str) -> str:
    """``chinese.pinyin(zh)``, without loading pypinyin when the word is in the lexicon."""
    known = pinyin_lexicon().spelled.get(zh)
    return known if known is not None else pinyin(zh)


def _extra_syllables() -> set[str]:
    """The syllables of the commonest characters of names, beyond those of the lexicon."""
    common = (
        "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子"
        "说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当"
        "使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你"
        "明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果"
        "料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农"
        "指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济"
        "阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议"
        "声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影"
        "算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除"
        "消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆"
        "包火住调满县局照参红细引听该铁价严龙飞"
    )
    return {pinyin(ch) for ch in common}


@lru_cache(maxsize=65_536)
def is_pinyin(word: str) -> bool:
    """Whether the word is made of pinyin syllables only ("jishu", "youxiangongsi")."""
    return _segments(word) is not None


@lru_cache(maxsize=65_536)
def _segments(word: str) -> tuple[str, ...] | None:
    """The word cut into pinyin syllables, longest first (None if it cannot be)."""
    syllables = pinyin_lexicon().syllables
    n = len(word)
    best: list[tuple[str, ...] | None] = [None] * (n + 1)
    best[n] = ()
    for i in range(n - 1, -1, -1):
        for j in range(min(n, i + 6), i, -1):
            rest = best[j]
            if rest is not None and word[i:j] in syllables:
                best[i] = (word[i:j], *rest)
                break
    return best[0]


def read(words: list[str]) -> list[ZhWord | str]:
    """The words with each run of pinyin that spells lexicon words replaced by those words
    (as the Chinese reader would give them); other words unchanged. A run is read only when
    it holds a lexicon word of two syllables or more."""
    if not any(len(w) >= 4 and is_pinyin(w) for w in words):
        return list(words)
    lex = pinyin_lexicon()
    out: list[ZhWord | str] = []
    i = 0
    while i < len(words):
        if not is_pinyin(words[i]):
            out.append(words[i])
            i += 1
            continue
        found = _longest(words, i, lex)
        if found is None and _after_place(out, words[i]):
            out.append(_word(_AFTER_PLACE[words[i]]))
            i += 1
            continue
        if found is None:
            inner = _split_word(words[i], lex)
            out.extend(inner if inner is not None else [words[i]])
            i += 1
            continue
        span, zh = found
        out.append(_word(zh))
        i += span
    return out


def _after_place(read_so_far: list[ZhWord | str], word: str) -> bool:
    """Whether ``word`` is "sheng" or "shi" right after the name of a province or city."""
    if word not in _AFTER_PLACE or not read_so_far:
        return False
    before = read_so_far[-1]
    return isinstance(before, ZhWord) and before.renderings[0] in vocabulary().places


def _longest(words: list[str], i: int, lex: PinyinLexicon) -> tuple[int, str] | None:
    """The most words from ``i`` whose letters spell one lexicon word."""
    joined = ""
    best: tuple[int, str] | None = None
    for span in range(1, min(MAX_SPAN, len(words) - i) + 1):
        w = words[i + span - 1]
        if not is_pinyin(w):
            break
        joined += w
        if len(joined) > lex.longest:
            break
        zh = lex.words.get(joined)
        if zh is not None:
            best = (span, zh)
    return best


def _split_word(word: str, lex: PinyinLexicon) -> list[ZhWord | str] | None:
    """A word written without spaces ("huaweijishuyouxiangongsi"): lexicon words longest
    first, the rest by syllables kept together; None unless two lexicon words are found."""
    if len(word) < 8:
        return None
    out: list[ZhWord | str] = []
    found = 0
    rest = ""
    i = 0
    while i < len(word):
        for j in range(min(len(word), i + lex.longest), i + 3, -1):
            zh = lex.words.get(word[i:j])
            if zh is not None and (j == len(word) or is_pinyin(word[j:])):
                if rest:
                    out.append(rest)
                    rest = ""
                out.append(_word(zh))
                found += 1
                i = j
                break
        else:
            rest += word[i]
            i += 1
    if rest:
        out.append(rest)
    return out if found >= 2 else None


def _word(zh: str) -> ZhWord:
    return ZhWord(zh, zh_data().words[zh], True)
