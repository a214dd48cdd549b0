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
cannot carry a match ("BELLETECH CORP" / "11420 CORP."). Where no distinctive word pairs,
the denominator is at least MIN_DENOMINATOR, so that names of generic words only need more
than those to match. Only
identical normalised names score 1.0; anything else is capped at 0.99 so that a review queue
can still be ranked.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from earmark.names.normalize import by_consonants, fold, skeleton
from earmark.names.vocabulary import everyday_words, vocabulary

UNPAIRED_LISTED = 0.75
UNPAIRED_QUERY = 1.0
MAX_NON_IDENTICAL = 0.99
# The least evidence a match of generic words needs, in weight: about two distinctive words.
# Names made of generic words only ("United Services Co., Ltd.") cannot score high on their
# shared generic words, however many, unless they are identical. Not applied when a
# distinctive word pairs: a coined name many listed firms bear weighs little for its many
# names ("Gazprom", in a hundred), and its typo ("Gazprum") was held under the threshold.
MIN_DENOMINATOR = 1.6
# A word left without a partner costs at least this much (a generic word weighs little as
# evidence for a match, but an unmatched "Trading" or "Electronics" is evidence against:
# "Apple Inc." is not "Apple Trading FZE"). Legal forms cost what they weigh.
UNPAIRED_PRESENCE = 0.4
LEGAL_PRESENCE = 0.05
# When no distinctive word agrees exactly (only typos of them) and fewer than two agree at
# all, the score is scaled by this: "Walmart"/"Welmart", "Canon"/"Cancon".
DISTINCTIVE = 0.5
TYPO_ONLY = 0.92
# Two different numbers ("13th" / "14th Research Institute", "Partners VII" / "VIII").
NUMBER_MISMATCH = 0.9
# A query of one word (but for legal forms) of everyday language that finds it in a longer
# listed name: "Orange S.A." / "BANK ORANGE", "Target Corporation" / "TARGET ELECTRONICS", or
# with another legal form: "Quantum Corporation" / "LLC QUANTUM". One shared common word is
# weak evidence of the same party; a listed name that is that word alone with no other legal
# form still scores high, and a coined name ("Inspur" / "INSPUR GROUP") is not discounted.
ONE_WORD = 0.93
# A listed name of one word of three letters or fewer found in a query that says more: letters
# many firms bear ("ETA Logistics GmbH" / ETA, "TCL Polska Sp. z o.o." / TCL, 0.82 -> 0.74).
SHORT_NAME_ONLY = 0.9
SHORT_NAME = 3
# Two different legal forms ("Deutsche Bank AG" / "Deutsche Bank GmbH"): another company of
# the same name, often; one side without a legal form is no conflict.
LEGAL_CONFLICT = 0.9
# The two sides of a patronym crossed ("SALMAN BIN MUHAMMAD" / "MUHAMMAD BIN SALMAN").
PATRONYM_CROSSED = 0.8
PATRONYMS = frozenset({"bin", "ibn", "bint", "binti", "ben", "ould", "walad", "binte"})
ACRONYM = 0.8
# A word of four to six letters that is the initials of every word of the listed name but its
# legal forms ("NUDT" / National University of Defense Technology, "IRGC" / Islamic
# Revolutionary Guard Corps), where the list gives no acronym: stronger than the initials of a
# part of it. Four letters or more: three are the initials of too many names ("SAP", "TCS").
FULL_ACRONYM = 0.85
MIN_ACRONYM, MAX_ACRONYM = 4, 6
WHOLE_ACRONYM = "acronym of the name"
# A distinctive word on each side left without a partner: one name part in place of another
# ("ABDULLAHI MOHAMED ..." / "ABDULLAHI OSMAN ..."), evidence of another party.
SUBSTITUTED = 0.75
# The query agrees only in generic words and legal forms, and the listed name has a word the
# query lacks: "National Investment Group" / "NATIONAL DEVELOPMENT AND INVESTMENT GROUP", or
# "Societe Generale" / "SOCIETE GENERALE DES PAINS". Nothing that agrees says which party.
GENERIC_ONLY = 0.85
# A Russian patronymic the lists write and users leave out ("LUKASHENKO, Alexander
# Grigorievich" / "Alexander Lukashenko"): left without a partner, it costs this share of what
# another listed word would.
PATRONYMIC_LEFT = 0.4
PATRONYMIC_ENDINGS = ("ovich", "evich", "ovna", "evna", "ichna")
# A person's middle name, listed as "SURNAME, Given Middle" ("KHAMENEI, Ali Husseini"), that
# a user leaves out ("Ali Khamenei"): it costs this share of what another listed word would.
MIDDLE_NAME_LEFT = 0.5
# A person's name that agrees only in names many listed people bear, while the listed name has
# one more ("Mohamed Salah" / "SALAH, Salah Abdallah Mohamed", "Kim Jong" / "KIM, Jong Man"):
# nothing that agrees says which of them. A word weighing less than COMMON_NAME_WEIGHT is such
# a name (mohamed, ahmed, hassan, ali, kim, jong, wang, wei, maria, garcia, sergei, ivanov
# weigh 0.6-0.81 in the bundled lists; khamenei, nasrallah, soleimani, maduro 0.87-0.94).
COMMON_NAMES_ONLY = 0.85
COMMON_NAME_WEIGHT = 0.82
# The words that name a corporate group as a whole, left over in the query beside the name of
# a group the lists hold many members of (a distinctive word in GROUP_POSTINGS listed names or
# more: huawei 215, gazprom 374, sberbank 173), cost what a legal form costs: "Huawei Group" is
# Huawei and its affiliates (0.77 before), "Gazprom Group" Gazprom. Not beside a rarer word
# ("Pearl Holdings plc" is not LA PEARL); a listed name's own extra words cost in full.
GROUP_POSTINGS = 100
GROUP_WORDS = frozenset(
    {"group", "groups", "groupe", "grupo", "gruppo", "gruppe", "grupp", "gruppa", "holding",
     "holdings", "konzern", "concern"}
)  # fmt: skip
# What a title weighs ("Sayyid", "Haji", "Dr": screening.index gives it this): nothing. A
# title pairs with another title, or with the same word where that names a firm ("Seyed
# Mousavi Trading"), never with another word of the name: "Sheikh" is not "Shah".
TITLE_WEIGHT = 0.0
# What a generic word or a place weighs at most (screening.index caps their weights with it):
# a word weighing this or less is a generic word.
GENERIC_CAP = 0.25


@dataclass(frozen=True, slots=True)
class QueryWord:
    forms: tuple[str, ...]  # the word and its alternative renderings
    weight: float
    skeletal: bool = False
    shown: str = ""  # how the user wrote it, for explanations
    postings: int = 0  # listed names holding a word it matches (what retrieving by it costs)
    sounded: str = ""  # the script it was read from by its sounds (hangul, kana, cyrillic)
    abbreviates: bool = True  # written in Latin letters: it may abbreviate a generic word


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


# A listed word's similarity with each query word, in query order: one call per listed word
# (the caller memoises it per word, so a word shared by many candidates is compared once).
Similarity = Callable[[str], Sequence[tuple[float, str]]]


@dataclass(frozen=True, slots=True)
class NameScore:
    score: float
    words: tuple[WordMatch, ...]


def left_shares(words: Sequence[str], name: str, person: bool) -> tuple[float, ...]:
    """Per listed word, the share of its weight it costs left without a partner: a Russian
    patronymic PATRONYMIC_LEFT; in a person's name written "SURNAME, Given Middle ..." each
    given name after the first MIDDLE_NAME_LEFT; any other word all of it."""
    middle: set[str] = set()
    if person and name.count(",") == 1:
        surname, given = (fold(part).split() for part in name.split(","))
        middle = set(given[1:]) - set(surname) - set(given[:1])
    return tuple(
        PATRONYMIC_LEFT
        if w.endswith(PATRONYMIC_ENDINGS)
        else MIDDLE_NAME_LEFT
        if w in middle
        else 1.0
        for w in words
    )


def score_name(
    query: Sequence[QueryWord],
    listed: Sequence[str],
    listed_weights: Sequence[float],
    similarity: Similarity,
    identical: bool,
    shape: QueryShape | None = None,
    left: Sequence[float] = (),
    person: bool = False,
) -> NameScore:
    """Score one listed name; ``similarity(word)[i]`` compares query word i with a listed word.
    ``shape``: ``query_shape(query)``, when the caller scores the query against many names.
    ``left``: per listed word, the share of its weight it costs unpaired (``left_shares``;
    by default only a patronymic's is less than all). ``person``: the listed name is a
    person's."""
    pairs: list[tuple[float, tuple[int, ...], tuple[int, ...], str]] = []
    rows = [similarity(word) for word in listed]
    for i in range(len(query)):
        title = query[i].weight == TITLE_WEIGHT
        for j, row in enumerate(rows):
            sim, how = row[i]
            if sim > 0 and (sim >= 1.0 or title is (listed_weights[j] == TITLE_WEIGHT)):
                pairs.append((sim, (i,), (j,), how))
    pairs.extend(_merged_pairs(shape or query_shape(query), listed, listed_weights))
    pairs.sort(key=lambda p: (-p[0], -len(p[1]) - len(p[2])))

    used_q: set[int] = set()
    used_l: set[int] = set()
    matched: dict[int, tuple[float, str, str]] = {}
    pair_of: dict[int, tuple[int, ...]] = {}
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
            matched[i] = (
                sim,
                shown,
                how if len(qs) == len(ls) or how in ("acronym", WHOLE_ACRONYM) else "joined words",
            )
            pair_of[i] = ls

    paired_q = sum(w.weight for i, w in enumerate(query) if i in used_q)
    group = any(
        query[i].postings >= GROUP_POSTINGS and query[i].weight > GENERIC_CAP for i in used_q
    )
    unpaired_q = sum(
        LEGAL_PRESENCE if group and w.forms[0] in GROUP_WORDS else _presence(w.weight)
        for i, w in enumerate(query)
        if i not in used_q
    )
    paired_l = sum(listed_weights[j] for j in used_l)
    shares = left or tuple(
        PATRONYMIC_LEFT if word.endswith(PATRONYMIC_ENDINGS) else 1.0 for word in listed
    )
    unpaired_l = sum(
        _presence(w) * shares[j] for j, w in enumerate(listed_weights) if j not in used_l
    )
    denominator = paired_q + UNPAIRED_QUERY * unpaired_q + paired_l + UNPAIRED_LISTED * unpaired_l
    if not any(query[i].weight > GENERIC_CAP for i in used_q):
        denominator = max(denominator, MIN_DENOMINATOR)
    score = numerator / denominator
    if not identical:
        score *= _evidence(query, listed, listed_weights, matched, used_q, used_l)
        if person and _common_names_only(query, listed, listed_weights, used_q, used_l):
            score *= COMMON_NAMES_ONLY
        score *= _conflicts(query, listed, listed_weights, pair_of, used_q, used_l)
    score = 1.0 if identical else min(score, MAX_NON_IDENTICAL)
    words = tuple(
        WordMatch(w.shown or w.forms[0], *(_rounded(matched[i]) if i in matched else (None, 0.0)))
        for i, w in enumerate(query)
    )
    return NameScore(round(score, 4), words)


def _common_names_only(
    query: Sequence[QueryWord],
    listed: Sequence[str],
    listed_weights: Sequence[float],
    used_q: set[int],
    used_l: set[int],
) -> bool:
    """Every word that agrees is a name many listed people bear, and the listed person has a
    name the query lacks (a patronymic aside: users leave it out of a Russian name)."""
    return (
        bool(used_q)
        and all(query[i].weight < COMMON_NAME_WEIGHT for i in used_q)
        and any(
            w > LEGAL_PRESENCE and not listed[j].endswith(PATRONYMIC_ENDINGS)
            for j, w in enumerate(listed_weights)
            if j not in used_l
        )
    )


def _presence(weight: float) -> float:
    return weight if weight <= LEGAL_PRESENCE else max(weight, UNPAIRED_PRESENCE)


def _evidence(
    query: Sequence[QueryWord],
    listed: Sequence[str],
    listed_weights: Sequence[float],
    matched: dict[int, tuple[float, str, str]],
    used_q: set[int],
    used_l: set[int],
) -> float:
    """A factor below 1 where the words that agree are weak evidence: only typos of the
    distinctive words, or two different numbers."""
    factor = 1.0
    distinctive = [i for i, w in enumerate(query) if w.weight >= DISTINCTIVE and i in matched]
    # A word read from another script by its sounds never agrees letter for letter: that is
    # not the weak evidence of a typo.
    weak = [i for i in distinctive if matched[i][0] < 0.95 and matched[i][2] not in _NOT_TYPOS]
    if distinctive and len(distinctive) < 2 and len(weak) == len(distinctive):
        factor *= TYPO_ONLY
    content = [i for i, w in enumerate(query) if w.weight > LEGAL_PRESENCE]
    if (
        len(content) == 1
        and (
            any(w > LEGAL_PRESENCE for j, w in enumerate(listed_weights) if j not in used_l)
            or _legal_forms_differ(query, listed_weights, used_q, used_l)
        )
        and is_everyday(query[content[0]].forms[0])
    ):
        factor *= ONE_WORD
    if _short_name_in_longer_query(query, listed, listed_weights, used_q):
        factor *= SHORT_NAME_ONLY
    if (
        used_q
        and all(query[i].weight <= GENERIC_CAP for i in used_q)
        and any(w > LEGAL_PRESENCE for j, w in enumerate(listed_weights) if j not in used_l)
    ):
        factor *= GENERIC_ONLY
    q_numbers = {query[i].forms[0] for i in range(len(query)) if i not in used_q}
    l_numbers = {listed[j] for j in range(len(listed)) if j not in used_l}
    if any(n.isdigit() for n in q_numbers) and any(n.isdigit() for n in l_numbers):
        factor *= NUMBER_MISMATCH
    return factor


def _short_name_in_longer_query(
    query: Sequence[QueryWord],
    listed: Sequence[str],
    listed_weights: Sequence[float],
    used_q: set[int],
) -> bool:
    """The listed name is one word of three letters or fewer (its legal forms aside), and the
    query says more than it: "ETA Logistics GmbH" / ETA, "TCL Polska Sp. z o.o." / TCL."""
    said = [j for j, w in enumerate(listed_weights) if w > LEGAL_PRESENCE]
    return (
        len(said) == 1
        and len(listed[said[0]]) <= SHORT_NAME
        and any(w.weight > LEGAL_PRESENCE for i, w in enumerate(query) if i not in used_q)
    )


# How a word agrees that is not the weak evidence of a typo: read from another script by its
# sounds, or the initials of the listed name's every word ("NUDT" / National University of
# Defense Technology).
_NOT_TYPOS = ("same sounds", WHOLE_ACRONYM)


def is_everyday(text: str) -> bool:
    """Whether a word is one of everyday language, which any firm may bear ("Orange",
    "Target"), not a coined name ("Inspur", "Megvii"): a coined name found in a longer listed
    name is the same party far more often (names.vocabulary.everyday_words). A word of three
    letters or fewer counts as everyday: letters are shared by many firms ("BP" is not "BP
    INZHINIRING")."""
    return len(text) <= 3 or text in everyday_words()


def _conflicts(
    query: Sequence[QueryWord],
    listed: Sequence[str],
    listed_weights: Sequence[float],
    pair_of: dict[int, tuple[int, ...]],
    used_q: set[int],
    used_l: set[int],
) -> float:
    """A factor below 1 where the names disagree in structure: different legal forms, or
    the parts of a patronym crossed."""
    factor = 1.0
    if _legal_forms_differ(query, listed_weights, used_q, used_l):
        factor *= LEGAL_CONFLICT
    q_left = [
        w.weight for i, w in enumerate(query) if i not in used_q and w.weight > LEGAL_PRESENCE
    ]
    l_left = [w for j, w in enumerate(listed_weights) if j not in used_l and w > LEGAL_PRESENCE]
    if q_left and l_left and max(q_left + l_left) >= DISTINCTIVE:
        factor *= SUBSTITUTED
    q_marks = [i for i, w in enumerate(query) if w.forms[0] in PATRONYMS]
    l_marks = [j for j, w in enumerate(listed) if w in PATRONYMS]
    for qm in q_marks:
        for lm in l_marks:
            before_q, after_q = pair_of.get(qm - 1, ()), pair_of.get(qm + 1, ())
            if (lm + 1) in before_q or (lm - 1) in after_q:
                return factor * PATRONYM_CROSSED
    return factor


def _legal_forms_differ(
    query: Sequence[QueryWord], listed_weights: Sequence[float], used_q: set[int], used_l: set[int]
) -> bool:
    """Both names have a legal form, and none of one pairs with one of the other."""
    q_legal = [i for i, w in enumerate(query) if 0 < w.weight <= LEGAL_PRESENCE]
    l_legal = [j for j, w in enumerate(listed_weights) if 0 < w <= LEGAL_PRESENCE]
    return (
        bool(q_legal and l_legal)
        and not any(i in used_q for i in q_legal)
        and not any(j in used_l for j in l_legal)
    )


def _rounded(m: tuple[float, str, str]) -> tuple[str, float, str]:
    sim, shown, how = m
    return shown, round(sim, 3), how


@dataclass(frozen=True, slots=True)
class QueryShape:
    """What the joined-word and acronym pairings need of a query, worked out once for all
    the listed names it is scored against (:func:`query_shape`)."""

    joined_pairs: tuple[tuple[int, str], ...]  # (i, a form of word i + one of word i + 1)
    joined_triples: tuple[tuple[int, str], ...]  # (i, words i, i + 1 and i + 2 joined)
    by_form: dict[str, list[int]]  # form -> the query words that have it, in order
    skeletons: tuple[tuple[int, str], ...]  # (i, consonant skeleton) of skeletal words
    # (i, skeleton of words i and i + 1 joined) where both are written in Arabic script
    joined_skeletons: tuple[tuple[int, str], ...]
    first_forms: tuple[str, ...]
    initials: str  # the first letter of each word's first form
    acronyms: tuple[tuple[int, str], ...]  # (i, word) of words that may be acronyms
    # (i, word) of words that may be a whole name's acronym (MIN_ACRONYM to MAX_ACRONYM)
    whole_acronyms: tuple[tuple[int, str], ...] = ()


def query_shape(query: Sequence[QueryWord]) -> QueryShape:
    pairs = tuple(
        (i, a + b)
        for i in range(len(query) - 1)
        for a in query[i].forms
        for b in query[i + 1].forms
    )
    triples = tuple(
        (i, a + query[i + 1].forms[0] + query[i + 2].forms[0])
        for i in range(len(query) - 2)
        for a in query[i].forms[:1]
    )
    by_form: dict[str, list[int]] = {}
    for i, w in enumerate(query):
        for form in dict.fromkeys(w.forms):
            by_form.setdefault(form, []).append(i)
    skeletons = tuple(
        (i, skeleton(w.forms[0]))
        for i, w in enumerate(query)
        if by_consonants(w.forms[0], w.forms, w.skeletal)
    )
    joined_skeletons = tuple(
        (i, skeleton(query[i].forms[0] + query[i + 1].forms[0]))
        for i in range(len(query) - 1)
        if query[i].skeletal and query[i + 1].skeletal and _join_keeps_letters(query, i)
    )
    first = tuple(w.forms[0] for w in query)
    # An acronym is written in Latin letters: the English of 军, "army", is no acronym.
    acronyms = tuple(
        (i, w)
        for i, w in enumerate(first)
        if 2 <= len(w) <= 5
        and w.isalpha()
        and query[i].abbreviates
        and (len(w) > 2 or query[i].weight > LEGAL_PRESENCE)
    )
    initials = "".join(w[0] for w in first)
    whole = tuple(
        (i, w)
        for i, w in enumerate(first)
        if MIN_ACRONYM <= len(w) <= MAX_ACRONYM
        and w.isalpha()
        and not query[i].skeletal
        and query[i].abbreviates
    )
    return QueryShape(
        pairs, triples, by_form, skeletons, joined_skeletons, first, initials, acronyms, whole
    )


def _join_keeps_letters(query: Sequence[QueryWord], i: int) -> bool:
    """Whether words i and i + 1 joined keep every consonant: where one ends on the consonant
    the next begins with, the skeleton of the two joined drops one of them, and "طه حسين"
    (Taha Hussein: th, hsn) would read as the one word "TAHSIN" (thsn)."""
    left, right = skeleton(query[i].forms[0]), skeleton(query[i + 1].forms[0])
    return not (left and right and left[-1] == right[0])


def _merged_pairs(
    shape: QueryShape, listed: Sequence[str], listed_weights: Sequence[float] = ()
) -> list[tuple[float, tuple[int, ...], tuple[int, ...], str]]:
    """Two adjacent words written as one, on either side: exact joins only.

    The pairs come in the order the greedy pairing breaks ties by (its sort is stable): within
    each kind of pair, by listed then query position."""
    out: list[tuple[float, tuple[int, ...], tuple[int, ...], str]] = []
    listed_index = {w: j for j, w in enumerate(listed)}
    for i, joined in shape.joined_pairs:
        j = listed_index.get(joined)
        if j is not None:
            out.append((0.97, (i, i + 1), (j,), "joined words"))
    if shape.joined_skeletons:
        # "نصر الله" (nsr, llh) is "NASRALLAH": two words of Arabic script, one listed word
        for j, word in enumerate(listed):
            listed_skeleton = skeleton(word)
            for i, joined in shape.joined_skeletons:
                if joined == listed_skeleton and len(joined) >= 3:
                    out.append((0.88, (i, i + 1), (j,), "joined words"))
    by_form, skeletal = shape.by_form, shape.skeletons
    joins: list[tuple[float, tuple[int, ...], tuple[int, ...], str]] = []
    skeletons: list[tuple[float, tuple[int, ...], tuple[int, ...], str]] = []
    triples: list[tuple[float, tuple[int, ...], tuple[int, ...], str]] = []
    for j in range(len(listed) - 1):
        joined = listed[j] + listed[j + 1]
        exact = by_form.get(joined, ())
        for i in exact:
            joins.append((0.97, (i,), (j, j + 1), "joined words"))
        if skeletal:
            joined_skeleton = skeleton(joined)
            for i, skel in skeletal:
                # "عبدالملك" (bdlmlk) is "Abdul Malik": the consonants of the two words
                if i not in exact and skel == joined_skeleton:
                    skeletons.append((0.88, (i,), (j, j + 1), "joined words"))
        if j + 2 < len(listed):
            for i in by_form.get(joined + listed[j + 2], ()):
                triples.append((0.95, (i,), (j, j + 1, j + 2), "joined words"))
    out += joins + skeletons + triples
    for i, joined in shape.joined_triples:
        j = listed_index.get(joined)
        if j is not None:
            out.append((0.95, (i, i + 1, i + 2), (j,), "joined words"))
    out.extend(_acronyms(shape, listed, listed_weights))
    return out


def _acronyms(
    shape: QueryShape, listed: Sequence[str], listed_weights: Sequence[float] = ()
) -> list[tuple[float, tuple[int, ...], tuple[int, ...], str]]:
    """A word of 2 to 5 letters that is the initials of as many adjacent words on the other
    side ("PLA" / "People's Liberation Army"), stopwords skipped; a query word that is the
    initials of every listed word but the legal forms (FULL_ACRONYM)."""
    out: list[tuple[float, tuple[int, ...], tuple[int, ...], str]] = []
    if shape.whole_acronyms and listed_weights:
        for span in acronym_spans(listed, listed_weights):
            initials = "".join(listed[j][0] for j in span)
            for i, word in shape.whole_acronyms:
                if word == initials:
                    out.append((FULL_ACRONYM, (i,), span, WHOLE_ACRONYM))
    if shape.acronyms:
        # One letter a word: a span of words has the initials of the same span of this string.
        listed_initials = "".join(w[0] for w in listed)
        for i, word in shape.acronyms:
            for j in _initials_at(word, listed, listed_initials):
                out.append((ACRONYM, (i,), tuple(range(j, j + len(word))), "acronym"))
    for j, word in enumerate(listed):
        # A legal form of two letters is no acronym of the query's words: "AG & CARLON, S.A.
        # DE C.V." does not hold "Alberto Gomez" (a longer one may be: "LLC" / "Limited
        # Liability Cfmpany").
        legal = bool(listed_weights) and listed_weights[j] <= LEGAL_PRESENCE and len(word) == 2
        if 2 <= len(word) <= 5 and word.isalpha() and not legal:
            for i in _initials_at(word, shape.first_forms, shape.initials):
                out.append((ACRONYM, tuple(range(i, i + len(word))), (j,), "acronym"))
    return out


def acronym_spans(
    listed: Sequence[str], listed_weights: Sequence[float]
) -> tuple[tuple[int, ...], ...]:
    """The words of a listed name whose initials may be its whole acronym: all but legal
    forms and titles ("NUDT"), and those with "Corporation" and "Company" too, which are
    letters of many acronyms wherever they stand (AECC, Aero Engine Corporation of China;
    CSIGC, China South Industries Group Corporation). MIN_ACRONYM to MAX_ACRONYM words."""
    if len(listed) < MIN_ACRONYM:
        return ()
    said = tuple(j for j, w in enumerate(listed_weights) if w > LEGAL_PRESENCE)
    spans = [said]
    if not _ACRONYM_FORMS.isdisjoint(listed):
        spans.append(tuple(j for j, w in enumerate(listed) if j in said or w in _ACRONYM_FORMS))
    places = vocabulary().places  # the cities and regions of names (places.toml)
    if not places.isdisjoint(listed):
        # A city in a subsidiary's name is no letter of its parent's acronym: "SMIC Tianjin"
        # is Semiconductor Manufacturing International (Tianjin) Corporation.
        spans += [tuple(j for j in span if listed[j] not in places) for span in list(spans)]
    return tuple(span for span in dict.fromkeys(spans) if MIN_ACRONYM <= len(span) <= MAX_ACRONYM)


_ACRONYM_FORMS = frozenset({"corp", "co"})


def _initials_at(word: str, words: Sequence[str], initials: str) -> list[int]:
    """Where ``word`` is the initials (``initials``: their first letters) of as many adjacent
    ``words`` of two letters or more, in order."""
    out = []
    at = initials.find(word)
    while at != -1:
        if all(len(w) > 1 for w in words[at : at + len(word)]):
            out.append(at)
        at = initials.find(word, at + 1)
    return out
