"""The name score: weighted word-by-word alignment of a query name with a listed name.

Each word has a weight: rare words weigh much, generic words ("trading", "technology") little,
legal forms ("ltd", "llc") almost nothing, stopwords nothing (:mod:`earmark.screening.index`).
Words are paired greedily, most similar first, each word at most once; two adjacent words may
pair with one ("Hua Wei" / "Huawei") and the other way round. Then

    score = sum over pairs of similarity x (weight of the query words + weight of the listed words)
            / (weight of the paired words + weight of the unpaired query words
               + 0.5 x weight of the unpaired listed words)

so a query word left without a partner costs its full weight, a listed word left over half of
its weight ("Huawei" still finds "Huawei Technologies Co., Ltd."), and a shared generic word
cannot carry a match ("BELLETECH CORP" / "11420 CORP."). The denominator is at least
MIN_DENOMINATOR, so that names of generic words only need more than those to match. Only
identical normalised names score 1.0; anything else is capped at 0.99 so that a review queue
can still be ranked.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

UNPAIRED_LISTED = 0.5
UNPAIRED_QUERY = 1.0
MAX_NON_IDENTICAL = 0.99
# The least evidence a match needs, in weight: about two distinctive words. Names made of
# generic words only ("United Services Co., Ltd.") cannot score high on their shared generic
# words, however many, unless they are identical.
MIN_DENOMINATOR = 1.6


@dataclass(frozen=True, slots=True)
class QueryWord:
    forms: tuple[str, ...]  # the word and its alternative renderings
    weight: float
    skeletal: bool = False
    shown: str = ""  # how the user wrote it, for explanations
    postings: int = 0  # listed names holding a word it matches (what retrieving by it costs)


@dataclass(frozen=True, slots=True)
class WordMatch:
    query: str
    listed: str | None
    score: float
    how: str = ""

    def to_dict(self) -> dict[str, object]:
        out: dict[str, object] = {"query": self.query, "listed": self.listed, "score": self.score}
        if self.how:
            out["how"] = self.how
        return out


Similarity = Callable[[int, str], tuple[float, str]]


@dataclass(frozen=True, slots=True)
class NameScore:
    score: float
    words: tuple[WordMatch, ...]


def score_name(
    query: Sequence[QueryWord],
    listed: Sequence[str],
    listed_weights: Sequence[float],
    similarity: Similarity,
    identical: bool,
) -> NameScore:
    """Score one listed name; ``similarity(i, word)`` compares query word i with a listed word."""
    pairs: list[tuple[float, tuple[int, ...], tuple[int, ...], str]] = []
    for i in range(len(query)):
        for j, word in enumerate(listed):
            sim, how = similarity(i, word)
            if sim > 0:
                pairs.append((sim, (i,), (j,), how))
    pairs.extend(_merged_pairs(query, listed))
    pairs.sort(key=lambda p: (-p[0], -len(p[1]) - len(p[2])))

    used_q: set[int] = set()
    used_l: set[int] = set()
    matched: dict[int, tuple[float, str, str]] = {}
    numerator = 0.0
    for sim, qs, ls, how in pairs:
        if used_q.intersection(qs) or used_l.intersection(ls):
            continue
        used_q.update(qs)
        used_l.update(ls)
        weight = sum(query[i].weight for i in qs) + sum(listed_weights[j] for j in ls)
        numerator += sim * weight
        shown = " ".join(listed[j] for j in ls)
        for i in qs:
            matched[i] = (sim, shown, how if len(qs) == len(ls) else "joined words")

    paired_q = sum(w.weight for i, w in enumerate(query) if i in used_q)
    unpaired_q = sum(w.weight for i, w in enumerate(query) if i not in used_q)
    paired_l = sum(listed_weights[j] for j in used_l)
    unpaired_l = sum(w for j, w in enumerate(listed_weights) if j not in used_l)
    denominator = max(
        paired_q + UNPAIRED_QUERY * unpaired_q + paired_l + UNPAIRED_LISTED * unpaired_l,
        MIN_DENOMINATOR,
    )
    score = 1.0 if identical else min(numerator / denominator, MAX_NON_IDENTICAL)
    words = tuple(
        WordMatch(w.shown or w.forms[0], *(_rounded(matched[i]) if i in matched else (None, 0.0)))
        for i, w in enumerate(query)
    )
    return NameScore(round(score, 4), words)


def _rounded(m: tuple[float, str, str]) -> tuple[str, float, str]:
    sim, shown, how = m
    return shown, round(sim, 3), how


def _merged_pairs(
    query: Sequence[QueryWord], listed: Sequence[str]
) -> list[tuple[float, tuple[int, ...], tuple[int, ...], str]]:
    """Two adjacent words written as one, on either side: exact joins only."""
    out: list[tuple[float, tuple[int, ...], tuple[int, ...], str]] = []
    listed_index = {w: j for j, w in enumerate(listed)}
    for i in range(len(query) - 1):
        for a in query[i].forms:
            for b in query[i + 1].forms:
                j = listed_index.get(a + b)
                if j is not None:
                    out.append((0.97, (i, i + 1), (j,), "joined words"))
    for j in range(len(listed) - 1):
        joined = listed[j] + listed[j + 1]
        for i, w in enumerate(query):
            if joined in w.forms:
                out.append((0.97, (i,), (j, j + 1), "joined words"))
    return out
