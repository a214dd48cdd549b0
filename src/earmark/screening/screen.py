"""Screening a party against the restricted-party lists, as of a date.

    screener = Screener()
    result = screener.screen("Huawei Device Co Ltd", country="CN")
    result.to_dict()  # the JSON shape of `earmark screen --json` (contract section 1)

The name decides whether an entry is a match; country, type and address only move the score a
little, and never take a name match below the threshold (an address must not hide an alias
hit). An entry that was not listed on the date asked for is not a hit.
"""

from __future__ import annotations

import contextlib
import gc
import re
import threading
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from typing import Any

from earmark.diskcache import cached
from earmark.errors import BadInput
from earmark.names import AnalyzedName, Kind, analyze
from earmark.names.analyze import (
    MAY_BE_CUT,
    hangul_chinese_reading,
    japanese_reading,
    readings,
)
from earmark.names.lexicons import has_hangul
from earmark.names.normalize import by_consonants, clean_input, fold, has_han
from earmark.names.places import places
from earmark.names.translit_lexicon import latin_readings
from earmark.names.variants import contained_names, written_parties
from earmark.names.vocabulary import everyday_words, vocabulary
from earmark.regdata import RegData, load_regdata
from earmark.regdata.lists import LIST_NAMES, History
from earmark.regdata.model import ListEntry
from earmark.screening.addresses import AddressIndex, AddressMatch
from earmark.screening.index import LEGAL_WEIGHT, ScreeningIndex, bare_name, read_in_english
from earmark.screening.scorer import (
    GENERIC_CAP,
    LEGAL_CONFLICT,
    NameScore,
    QueryWord,
    Similarity,
    WordMatch,
    is_everyday,
    query_shape,
    score_name,
)
from earmark.screening.similarity import word_similarity

# Calibrated on tests/data/screening (docs/screening.md): see bench/calibrate.py.
DEFAULT_THRESHOLD = 0.8
# Two or three single letters each followed by a dot, written together ("V.V.", "А.Б.").
_DOTTED_INITIALS = re.compile(r"(?<!\w)(?:[^\W\d_]\.){2,3}(?!\w)")
# Two or three initials written apart ("named after N. E. Bauman"): the lists also write them
# together ("NAMED AFTER NE BAUMAN", "Putin, V.V.").
_SPACED_INITIALS = re.compile(r"(?<!\w)(?:[^\W\d_]\.[ \t]*){1,2}[^\W\d_]\.(?!\w)")
# The kinds of party that bear no legal form (screening a name with one scales their score by
# scorer.LEGAL_CONFLICT).
_NO_LEGAL_FORM = ("vessel", "aircraft", "individual")
TYPES = ("entity", "individual", "vessel", "aircraft")
# The words the CSL ("Entity", "Individual", "Vessel", "Aircraft") and FollowTheMoney
# ("Organization", "Company", "LegalEntity", "Person", "Vessel", "Airplane") use for them.
TYPE_WORDS = {
    **{t: t for t in TYPES},
    "organization": "entity",
    "organisation": "entity",
    "company": "entity",
    "legalentity": "entity",
    "legal_entity": "entity",
    "person": "individual",
    "airplane": "aircraft",
}
COUNTRY_MATCH = 0.03
COUNTRY_MISMATCH = -0.05
TYPE_MISMATCH = -0.08
ADDRESS_MATCH = 0.03
CANDIDATE_MARGIN = 0.15
SAME_BUT_LEGAL_FORM = 0.98
# A listed name of two words or more, one of them distinctive, written whole and in one piece
# inside a longer query ("Hikvision Digital Technology Co., Ltd., No. 555 Qianmo Road").
CONTAINED = 0.86
MIN_TOGETHER = 8  # a word this long that no listed name holds may be two written together
# A query of 30 characters or more that is how a listed body's name begins, cut short as a
# field of 35 characters cuts it (SAP's NAME1, a SWIFT line): "LIMITED LIABILITY COMPANY
# MODERN MA" is "LIMITED LIABILITY COMPANY MODERN MARINE ARCTIC TRANSPORT SPG". Its whole words
# must hold a distinctive one longer than three letters, or two.
CUT_SHORT = 0.88
MIN_CUT_LENGTH = MAY_BE_CUT  # names.analyze reads no country code at the end of such a name
PART_OF_QUERY = 0.97  # a match of a name the query holds, not of the whole query: scaled
DISTINCTIVE = 0.5
# (query initials allowed, listed initials allowed), by whether the party may be a person
_INITIAL_RULES = ((False, False), (True, False), (True, True))
# A pure function of its arguments, asked again and again for the same pairs of words (the
# words of names a batch screens, of the listed names they find): remembered, bounded (some
# 15 MB at most).
_word_similarity = lru_cache(maxsize=65_536)(word_similarity)


@dataclass(frozen=True, slots=True)
class Match:
    entry: ListEntry
    matched_name: str
    score: float
    name_score: float
    explanation: tuple[WordMatch, ...]
    adjustments: tuple[tuple[str, float], ...] = ()
    flags: tuple[str, ...] = ()
    via: str | None = None  # e.g. a known Chinese name that led to the match

    def to_dict(self) -> dict[str, Any]:
        e = self.entry
        out: dict[str, Any] = {
            "entry_id": e.id,
            "list": e.list,
            "name": e.name,
            "matched_name": self.matched_name,
            "score": self.score,
            "name_score": self.name_score,
            "countries": list(e.countries),
            "federal_register": list(e.federal_register),
            "license_requirement": e.license_requirement,
            "license_policy": e.license_policy,
            "review_policy": e.primary_policy.value if e.primary_policy else None,
            "footnotes": list(e.footnotes),
            "effective_date": e.effective_date.isoformat() if e.effective_date else None,
            "explanation": [w.to_dict() for w in self.explanation],
        }
        if self.adjustments:
            out["adjustments"] = [{"reason": r, "delta": d} for r, d in self.adjustments]
        if self.flags:
            out["flags"] = list(self.flags)
        if self.via:
            out["via"] = self.via
        return out


@dataclass(frozen=True, slots=True)
class ScreeningResult:
    query: dict[str, Any]
    threshold: float
    matches: tuple[Match, ...]
    data_version: str
    as_of: date | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "query": self.query,
            "threshold": self.threshold,
            "as_of": self.as_of.isoformat() if self.as_of else None,
            "matches": [m.to_dict() for m in self.matches],
            "data_version": self.data_version,
        }


@dataclass
class _Scope:
    index: ScreeningIndex
    _histories: list[History] | None = None
    # Restricted views, built on first use and kept: by list codes, or by entry ids.
    _views: dict[tuple[str, frozenset[str]], ScreeningIndex] = field(default_factory=dict)

    def for_lists(self, wanted: set[str]) -> ScreeningIndex:
        """The index restricted to the names on these lists."""
        return self._view("lists", frozenset(wanted), self.index.entry_lists)

    def for_entries(self, only: frozenset[str]) -> ScreeningIndex:
        """The index restricted to these entry ids (a re-screening against what changed)."""
        return self._view("entries", only, self.index.entry_ids)

    def _view(self, by: str, keys: frozenset[str], column: list[str]) -> ScreeningIndex:
        view = self._views.get((by, keys))
        if view is None:
            view = self.index.restricted(lambda e_idx: column[e_idx] in keys)
            self._views[(by, keys)] = view
        return view

    def entry_histories(self, regdata: RegData) -> list[History]:
        if self._histories is None:
            by_id = regdata.lists.histories
            self._histories = [by_id[i] for i in self.index.entry_ids]
        return self._histories


class Screener:
    """Screens names against the lists; builds its indexes on first use and keeps them."""

    def __init__(self, regdata: RegData | None = None) -> None:
        self.regdata = regdata or load_regdata()
        self._scopes: dict[str, _Scope] = {}
        self._lock = threading.Lock()
        self._addresses: AddressIndex | None = None

    # -- scopes ------------------------------------------------------------------------------

    def current_index(self) -> ScreeningIndex:
        """The index of the lists as of the newest snapshot (built once, cached on disk)."""
        return self._current_scope().index

    def forget_lookups(self) -> None:
        """Drop every index's memo of word lookups, and the memo of word similarities
        (benchmarks: to time a batch from cold)."""
        _word_similarity.cache_clear()
        for scope in self._scopes.values():
            for index in (scope.index, *scope._views.values()):
                index.forget_lookups()

    def _current_scope(self) -> _Scope:
        return self._scope("current", self._build_current)

    def _scope(self, name: str, build: Callable[[], ScreeningIndex]) -> _Scope:
        """The named index: built once (or loaded from the disk cache) and kept."""
        with self._lock:
            if name not in self._scopes:
                self._scopes[name] = _Scope(cached(name, self.regdata.version, build))
                _freeze()
            return self._scopes[name]

    def _build_current(self) -> ScreeningIndex:
        store = self.regdata.lists
        index = ScreeningIndex(lst.entry for lst in store.as_of(None))
        # The data's doubts about each current entry, worked out once with the index (they
        # depend only on the data version): a screening then reads no listing history.
        day = store.newest_snapshot
        for e_id in index.entry_ids:
            history = store.histories.get(e_id)
            if history is not None and (flags := history.flags(day)):
                index.current_flags[e_id] = flags
        return index

    def _history_scope(self) -> _Scope:
        """The index of every entry ever listed, for screening as of a past date."""
        return self._scope("history", self._build_history)

    def _build_history(self) -> ScreeningIndex:
        store = self.regdata.lists
        listings = (store.listing(i) for i in store.histories)
        return ScreeningIndex(lst.entry for lst in listings if lst is not None)

    def screen_address(self, address: str, as_of: date | None = None) -> list[AddressMatch]:
        """The address-only entries (the Entity List's "Address 01" ...) that a party's
        address matches on the date."""
        if self._addresses is None:
            index = self._history_scope().index
            entries = [index.entries[i] for i in index.address_entries]
            with self._lock:
                self._addresses = AddressIndex(self.regdata, entries)
        return self._addresses.match(clean_input(address, "address"), as_of)

    # -- screening ---------------------------------------------------------------------------

    def screen(
        self,
        name: str,
        *,
        country: str | None = None,
        type: str | None = None,
        address: str | None = None,
        lists: Iterable[str] | None = None,
        as_of: date | None = None,
        limit: int = 10,
        threshold: float | None = None,
        exclude_names: Collection[str] = (),
        only_entries: frozenset[str] | None = None,
    ) -> ScreeningResult:
        """Screen ``name``. ``exclude_names``: listed names to leave out of the index for this
        query (evaluation: search with an alias without finding the alias itself).
        ``only_entries``: match only these current entries (what changed since a list
        version: ``ListStore.changed_since``); the words weigh what they weigh in the whole
        index, so a name scores against an entry as it does in a full screening."""
        analysed = analyze(name, "name")
        if address is not None:
            address = clean_input(address, "address") if address.strip() else None
        cc = _country(country)
        kind = _type(type)
        wanted = _lists(lists, self.regdata.lists.list_codes)
        cut = DEFAULT_THRESHOLD if threshold is None else _threshold(threshold)
        if limit < 1:
            raise BadInput("limit", "must be at least 1")
        if only_entries is not None and as_of is not None:
            raise BadInput("as_of", "a re-screening against changed entries is as of today")
        index, allowed = self._scope_for(as_of, wanted)
        if only_entries is not None:
            # The lists asked for are still tested by ``allowed``; the view holds the rest.
            index = self._current_scope().for_entries(only_entries)

        best: dict[int, Match] = {}
        for query, via in self._queries(analysed, index):
            scored = self._score(index, query, allowed, cc, kind, address, cut, via, exclude_names)
            for m_idx, match in scored:
                if m_idx not in best or match.score > best[m_idx].score:
                    best[m_idx] = match
        # Ties: a name listed as the query writes it ("Huawei Tech Investment, PT" reads as
        # "... Co., Ltd." does), then the lists that carry EAR license requirements first (EL,
        # MEU, UVL, DPL, ...).
        order = {code: i for i, code in enumerate(LIST_NAMES)}
        written = " ".join(name.split()).casefold()
        matches = sorted(
            best.values(),
            key=lambda m: (
                -m.score,
                " ".join(m.matched_name.split()).casefold() != written,
                order.get(m.entry.list, 99),
                m.entry.name,
            ),
        )
        matches = [self._for_date(m, as_of) for m in matches[:limit]]
        echo: dict[str, Any] = {"name": name}
        for key, value in (("country", cc), ("type", kind), ("address", address)):
            if value:
                echo[key] = value
        if wanted is not None:
            echo["lists"] = sorted(wanted)
        return ScreeningResult(echo, cut, tuple(matches), self.regdata.version, as_of)

    def _scope_for(
        self, as_of: date | None, wanted: set[str] | None
    ) -> tuple[ScreeningIndex, Callable[[int], bool] | None]:
        """The index for the date, and which of its entries may match (None: all).

        The test runs only on the few candidates retrieval finds, not over every entry, so
        that a batch of cases on as many dates costs no more than one on a single date."""
        if as_of is None:
            scope = self._current_scope()
            if wanted is None:
                return scope.index, None
        else:
            scope = self._history_scope()
        lists, histories = scope.index.entry_lists, scope.entry_histories(self.regdata)
        index = scope.index if wanted is None else scope.for_lists(wanted)

        def allowed(e_idx: int) -> bool:
            if wanted is not None and lists[e_idx] not in wanted:
                return False
            return as_of is None or histories[e_idx].listed_on(as_of)

        return index, allowed

    def _queries(
        self, analysed: AnalyzedName, index: ScreeningIndex
    ) -> list[tuple[AnalyzedName, str | None]]:
        """The query, and the other ways to read it: the names it holds ("BANK MELLI IRAN
        (BMI)" holds "BANK MELLI IRAN"; "M/s Mateas Limited, 12 Main Road" holds "Mateas
        Limited"), other renderings of its Chinese and Korean words (a Korean person's
        syllables read one by one), its kanji read as Japanese, its Hangul read as Chinese, and
        the listed English name of a known Chinese name."""
        queries: list[tuple[AnalyzedName, str | None]] = [(analysed, None)]
        held = contained_names(analysed.original, short_names=False)
        written = written_parties(analysed.original)
        # and what those hold: "Consignee: Aviation Industry Corporation of China (AVIC),
        # Beijing" holds "Aviation Industry Corporation of China (AVIC)", which holds the name
        # without its bracket
        within = [n for part in written for n in contained_names(part, short_names=False)]
        for inner in dict.fromkeys((*held, *written, *within)):
            try:
                part = analyze(inner)
            except BadInput:
                continue
            if any(t.kind is not Kind.LEGAL for t in part.scoring_tokens):
                # a part that is a legal form alone ("...; Ltd") names no one
                queries.append((part, f"part of the query: {inner}"))
        if any(t.source and has_han(t.source) for t in analysed.tokens):
            for other in readings(analysed.original):
                queries.append((other, "another rendering of its Chinese words"))
            if (japanese := japanese_reading(analysed.original)) is not None:
                queries.append((japanese, "its kanji read as Japanese"))
        elif any(t.source and has_hangul(t.source) for t in analysed.tokens):
            for other in readings(analysed.original, most=1):
                queries.append((other, "another reading of its Korean words"))
            if (chinese := hangul_chinese_reading(analysed.original)) is not None:
                queries.append((chinese, "its Hangul read as Chinese"))
        if _transliterated(analysed) and (english := read_in_english(analysed)):
            # "Choson Inmingun" is "korea peoples army" (KOREAN PEOPLE'S ARMY), "Otkrytoe
            # Aktsinoernoe Obshchestvo" (misspelt) "open joint stock company", a legal form:
            # read in English whole, as a listed transliteration is indexed in English too
            queries.append((english, f"read in English: {english.original}"))
        if _DOTTED_INITIALS.search(analysed.original) and _may_be_a_person(analysed):
            # "Putin, V.V." and "Путин В.В.": initials written together read as one word
            # ("vv"); a person's are also read apart, as "V. V." reads
            apart = _DOTTED_INITIALS.sub(lambda m: m.group(0).replace(".", ". "), analysed.original)
            with contextlib.suppress(BadInput):
                queries.append((analyze(apart), f"initials read apart: {apart.strip()}"))
        if _SPACED_INITIALS.search(analysed.original):
            joined = _SPACED_INITIALS.sub(lambda m: "".join(m.group(0).split()), analysed.original)
            with contextlib.suppress(BadInput):
                queries.append((analyze(joined), f"initials read together: {joined.strip()}"))
        if (together := _written_together(index, analysed)) is not None:
            with contextlib.suppress(BadInput):
                queries.append((analyze(together), f"words written together: {together}"))
        if analysed.known_as:
            queries.append(
                (
                    analyze(analysed.known_as),
                    f"known Chinese name of {analysed.known_as}",
                )
            )
        # A reading whose every word is a form of the same word of one read before finds
        # nothing more (the known name of 中国电子科技集团公司 is how its words read already;
        # "Acme Widgets Inc." holds "Acme Widgets Inc", its trailing dot trimmed).
        kept = queries[:1]
        for query, via in queries[1:]:
            if not any(_within(query, earlier) for earlier, _ in kept):
                kept.append((query, via))
        return kept

    def _score(
        self,
        index: ScreeningIndex,
        analysed: AnalyzedName,
        allowed: Callable[[int], bool] | None,
        country: str | None,
        kind: str | None,
        address: str | None,
        threshold: float,
        via: str | None,
        exclude: Collection[str] = (),
    ) -> list[tuple[int, Match]]:
        words, found = index.query_words(analysed)
        if not words:
            return []
        # Country and address can add up to this much; the estimate may be a little optimistic.
        floor = threshold - CANDIDATE_MARGIN
        # A listed name inside a longer query (a name with its address, "attn: ..."): its
        # records score low against the whole query, so retrieval looks for them too.
        candidates = index.candidates(words, found, allowed, floor, contained=len(words) >= 3)
        same = index.same_names(analysed.normalized, allowed)
        cut = (
            index.cut_from(analysed.normalized, allowed)
            if len(analysed.original) >= MIN_CUT_LENGTH and len(words) >= 2
            else []
        )
        if not (candidates or same or cut):
            return []  # most names, against the few entries of a re-screening: nothing to score
        sims = {flags: _similarity(index, words, found, *flags) for flags in _INITIAL_RULES}
        # The same name but for the legal form counts as nearly identical only when the name
        # has a distinctive word, or two generic ones ("Defense Systems" / "JSC Defense
        # Systems"): "Electronic Co., Ltd." is not "LES Electronic", nor "Russia Ltd" "AB Rossiya".
        bare = bare_name(analysed)
        if not any(w.weight > GENERIC_CAP for w in words) and len(bare.split()) < 2:
            bare = ""
        per_entry: dict[int, tuple[NameScore, str]] = {}
        shape = query_shape(words)
        firm = any(t.kind is Kind.LEGAL for t in analysed.scoring_tokens)
        same_words: dict[
            tuple[tuple[str, ...], tuple[float, ...], tuple[bool, bool], bool], NameScore
        ] = {}
        for r_idx in dict.fromkeys((*candidates, *same, *cut)):
            record = index.records[r_idx]
            if record.name in exclude:
                continue
            entry_type = index.entry_types[record.entry]
            rule = (entry_type not in ("entity", "vessel", "aircraft"), entry_type == "individual")
            identical = record.normalized == analysed.normalized
            # The same words (a name on two lists, or twice on one) score the same: their
            # weights are the index's, the rule and identity the same.
            key = (record.words, record.left, rule, identical)
            scored = same_words.get(key) or score_name(
                words,
                record.words,
                record.weights,
                sims[rule],
                identical,
                shape,
                record.left,
                person=entry_type == "individual",
            )
            same_words[key] = scored
            if firm and entry_type in _NO_LEGAL_FORM and not identical:
                # "Zenith Bank Plc" / the vessel ZENITH: a legal form names a company, and a
                # vessel, an aircraft or a person has none ("LLC Mushroom" is not a man).
                scored = NameScore(round(scored.score * LEGAL_CONFLICT, 4), scored.words)
            if (
                not identical
                and bare
                and record.bare == bare
                and entry_type != "individual"
                and not _firm_of_one_word(bare, words, record)
            ):
                # The same name but for the legal form ("Defense Systems" / "JSC Defense
                # Systems"): as good as identical, though not identical. A person has no legal
                # form: "LLC Mushroom" is not a man called "Mushroom".
                scored = NameScore(max(scored.score, SAME_BUT_LEGAL_FORM), scored.words)
            if (
                scored.score < CONTAINED
                and entry_type != "individual"
                and _contains(index, record, scored, words)
            ):
                scored = NameScore(CONTAINED, scored.words)
            if scored.score < CUT_SHORT and r_idx in cut:
                scored = _cut_short(index, scored, record, analysed, words)
            scored = _capped(scored, via)
            prior = per_entry.get(record.entry)
            if prior is None or scored.score > prior[0].score:
                per_entry[record.entry] = (scored, record.name)
        out = []
        for e_idx, (scored, matched) in per_entry.items():
            if scored.score + COUNTRY_MATCH + ADDRESS_MATCH < threshold:
                continue  # no context can lift it to the threshold: its entry is not read
            entry = index.entries[e_idx]
            adjustments = _adjustments(entry, country, kind, address)
            adjusted = scored.score + sum(d for _, d in adjustments)
            if scored.score < threshold and adjusted < threshold:
                continue
            final = max(adjusted, threshold) if scored.score >= threshold else adjusted
            final = min(final, scored.score if scored.score >= 1.0 else 0.99)
            match = Match(
                entry, matched, round(final, 4), scored.score, scored.words, adjustments, via=via
            )
            out.append((e_idx, match))
        return out

    def _for_date(self, match: Match, as_of: date | None) -> Match:
        """The entry's version for the date, with the data's doubts about it."""
        store = self.regdata.lists
        day = as_of or store.newest_snapshot
        if as_of is None:
            # The current index holds the current versions and their doubts already.
            flags = self._current_scope().index.current_flags.get(match.entry.id, ())
            return replace(match, flags=flags) if flags else match
        listing = store.listing(match.entry.id, as_of)
        if listing is None:
            return match
        entry, undone = self.regdata.entry_on(listing.entry, as_of)
        flags = listing.flags(day) + (("text_as_amended_later_undone",) if undone else ())
        return Match(
            entry,
            match.matched_name,
            match.score,
            match.name_score,
            match.explanation,
            match.adjustments,
            flags,
            match.via,
        )

    # -- pairs -------------------------------------------------------------------------------

    def match(self, a: str, b: str, type: str | None = None) -> NameScore:
        """Score name ``a`` against name ``b`` with the scorer ``screen`` uses."""
        _type(type)
        index = self.current_index()
        qa, qb = analyze(a, "name_a"), analyze(b, "name_b")
        listed = tuple(t.text for t in qb.scoring_tokens)
        # The second name's words weigh what they would weigh as a query.
        b_words, _ = index.query_words(qb)
        weights = tuple(w.weight for w in b_words)
        kind = _type(type)
        best: NameScore | None = None
        # The first name is read in every way a screened name is (山田太郎 as Japanese too).
        for query, via in self._queries(qa, index):
            words, found = index.query_words(query)
            rule = (kind in (None, "individual"), kind == "individual")
            sim = _similarity(index, words, found, *rule)
            identical = query.normalized == qb.normalized
            scored = _capped(
                score_name(words, listed, weights, sim, identical, person=rule[1]), via
            )
            if best is None or scored.score > best.score:
                best = scored
        assert best is not None  # the name itself is always read
        return best


def _transliterated(analysed: AnalyzedName) -> bool:
    """Whether a word of the name is a transliteration the lexicons read in English, and no
    English word itself ("Industry" is also "industries", "Iran" "iranian": reading those
    finds nothing new, and costs a second screening)."""
    read = [t.text for t in analysed.tokens if t.kind is not Kind.STOP and latin_readings(t.text)]
    # the everyday words are loaded only for a name with a word the lexicons read
    return bool(read) and any(word not in everyday_words() for word in read)


def _may_be_a_person(analysed: AnalyzedName) -> bool:
    """A short name without a legal form or a generic word ("Putin, V.V."), not a firm's
    ("B.S. COMPANY OFFSHORE")."""
    tokens = analysed.scoring_tokens
    return len(tokens) <= MAX_PERSON_WORDS and all(
        t.kind not in (Kind.LEGAL, Kind.GENERIC) for t in tokens
    )


MAX_PERSON_WORDS = 4


def _written_together(index: ScreeningIndex, analysed: AnalyzedName) -> str | None:
    """The query with each long word no listed name holds split in two known words, when one
    split is found ("FOXWHELPLIMITED" -> "foxwhelp limited", "ZALIVVOSTOK" -> "zaliv vostok"),
    or None (``_split_in_two`` says which splits count)."""
    if analysed.script != "latin":
        return None
    out: list[str] = []
    for token in analysed.tokens:
        word = token.text
        if token.kind is Kind.WORD and len(word) >= MIN_TOGETHER and word not in index.vocab:
            parts = _split_in_two(word, index)
            if parts is not None:
                out.extend(parts)
                continue
        out.append(word)
    return " ".join(out) if len(out) > len(analysed.tokens) else None


def _split_in_two(word: str, index: ScreeningIndex) -> tuple[str, str] | None:
    """The one split of ``word`` into two known words, one of them listed (None when there is
    none, or more than one: "coralest" is only coral + est). Two listed words only where a
    listed name has them side by side ("mauricetaylor"), or both of five letters or more
    ("harisfazal"), not any two ("glen core", "middle ton")."""
    listed, adjacent = index.vocab, None
    found = []
    for i in range(2, len(word) - 1):
        left, right = word[:i], word[i:]
        a, b = left in listed, right in listed
        if a and b:
            if adjacent is None:
                adjacent = bool(index.joined.get(word))
            if adjacent or min(len(left), len(right)) >= 5:
                found.append((left, right))
        elif (a and _known(right)) or (b and _known(left)):
            found.append((left, right))
    return found[0] if len(found) == 1 else None


def _known(part: str) -> bool:
    """A word the analysis knows: a legal form ("ooo", "ao"), or of three letters or more a
    generic word, a place ("swiss") or a transliteration the lexicons read ("vostok")."""
    vocab = vocabulary()
    if (part,) in vocab.legal_phrases:
        return True
    return len(part) >= 3 and (
        part in vocab.generic or (part,) in places().phrases or bool(latin_readings(part))
    )


def _within(name: AnalyzedName, other: AnalyzedName) -> bool:
    """Whether each word of ``name`` is, in its place, a form of the same kind of the word of
    ``other``."""
    return len(name.tokens) == len(other.tokens) and all(
        t.kind is o.kind and set(t.forms) <= set(o.forms)
        for t, o in zip(name.tokens, other.tokens, strict=True)
    )


def _capped(scored: NameScore, via: str | None) -> NameScore:
    """A score found by another reading of the query is never identical (at most 0.99); one
    found by a name the query holds is scaled by PART_OF_QUERY, so that the names it finds keep
    their order ("YARD NO.131080" written whole before "YARD NO.131040")."""
    if via and via.startswith("part of"):
        return NameScore(round(scored.score * PART_OF_QUERY, 4), scored.words)
    if via and scored.score >= 1.0:
        scored = NameScore(0.99, scored.words)
    return scored


def _similarity(
    index: ScreeningIndex,
    words: list[QueryWord],
    found: list[dict[int, tuple[float, str]]],
    query_initials: bool,
    listed_initials: bool,
) -> Similarity:
    """Word similarity for one query, from what retrieval found, computing the rest once.

    Initials stand for given names, never for common words: an initial the user typed may
    match a listed word when the listed party may be a person (``query_initials``); an
    initial in the listed name only when the list says the party is a person
    (``listed_initials``), so that "T-MOTOR" does not find "Toyota Motor"."""
    rows: dict[str, tuple[tuple[float, str], ...]] = {}

    def one(i: int, word: str, t_idx: int | None) -> tuple[float, str]:
        if t_idx is not None and t_idx in found[i]:
            return found[i][t_idx]
        common = t_idx is not None and index.common[t_idx]
        # Arabic script writes no initials: a word transliterated to one letter (دعاء "d") is
        # no given name's initial.
        initials = not common and (
            (query_initials and len(words[i].forms[0]) == 1 and not words[i].skeletal)
            or (listed_initials and len(word) == 1)
        )
        best = (0.0, "")
        for form in words[i].forms:
            consonants = by_consonants(form, words[i].forms, words[i].skeletal)
            s = _word_similarity(
                form, word, consonants, common, initials, words[i].sounded, words[i].abbreviates
            )
            if s[0] > best[0]:
                best = s
        return best

    def sim(word: str) -> tuple[tuple[float, str], ...]:
        row = rows.get(word)
        if row is None:
            t_idx = index.vocab.get(word)
            row = rows[word] = tuple(one(i, word, t_idx) for i in range(len(words)))
        return row

    return sim


def _cut_short(
    index: ScreeningIndex,
    scored: NameScore,
    record: Any,
    analysed: AnalyzedName,
    words: list[QueryWord],
) -> NameScore:
    """CUT_SHORT for a listed name the query is the start of (``index.cut_from``), when the
    query's whole words say which body; the word cut in two is shown with the listed one."""
    rest = record.normalized[len(analysed.normalized) :]
    at = len(analysed.normalized.split()) - 1
    listed = record.normalized.split()[at]
    whole = words if rest.startswith(" ") else words[:-1]
    distinctive = [w.forms[0] for w in whole if w.weight >= DISTINCTIVE]
    # A word cut after five letters or more says as much as the distinctive word it begins,
    # if that is no word of everyday language ("AKTSIONERNOE OBSHCHESTVO SURGUTINVE", not
    # "... RESEARCH PRODUC").
    t_idx = index.vocab.get(listed)
    cut_word = len(whole) < len(words)
    said = t_idx is not None and index.weight[t_idx] >= DISTINCTIVE and not is_everyday(listed)
    if cut_word and len(words[-1].forms[0]) >= 5 and said:
        distinctive.append(listed)
    if not (len(distinctive) >= 2 or any(len(w) > 3 for w in distinctive)):
        return scored
    shown = tuple(
        WordMatch(w.query, listed, 1.0, "cut short")
        if i == len(scored.words) - 1 and cut_word
        else w
        for i, w in enumerate(scored.words)
    )
    return NameScore(CUT_SHORT, shown)


def _firm_of_one_word(bare: str, words: list[QueryWord], record: Any) -> bool:
    """A name of one word with another legal form on each side: "Quantum Corporation" and
    "LLC QUANTUM" are two firms that chose the same word, not one firm written two ways."""
    if " " in bare:
        return False
    mine = {w.forms[0] for w in words if w.weight == LEGAL_WEIGHT}
    pairs = zip(record.words, record.weights, strict=True)
    theirs = {w for w, weight in pairs if weight == LEGAL_WEIGHT}
    return bool(mine and theirs and not mine & theirs)


def _contains(
    index: ScreeningIndex, record: Any, scored: NameScore, words: list[QueryWord]
) -> bool:
    """Whether every word of the listed name but its legal forms is in the query as written
    (exact, or written joined), next to each other (legal forms may stand between), one of
    them distinctive and longer than three letters (or a number), or two distinctive. Not for
    people: "Robert Henry Anderson" is not "Robert Anderson"; nor is "Formula One Group" "ONE
    GROUP": a short word is in many names."""
    bare = record.bare.split()
    distinctive = [
        w for w in bare if w in index.vocab and index.weight[index.vocab[w]] >= DISTINCTIVE
    ]
    if len(bare) < 2 or not (
        len(distinctive) >= 2 or any(w.isdigit() or len(w) > 3 for w in distinctive)
    ):
        return False
    # Written as listed: exact, or nearly (a consonant skeleton or a typo is not enough).
    positions = [i for i, w in enumerate(scored.words) if w.listed is not None and w.score >= 0.95]
    paired = {part for i in positions for part in (scored.words[i].listed or "").split()}
    if not positions or not set(bare) <= paired:
        return False
    legal = {i for i, w in enumerate(words) if w.weight <= LEGAL_WEIGHT}
    span = range(min(positions), max(positions) + 1)
    return all(i in positions or i in legal for i in span)


def _freeze() -> None:
    """Move everything alive now (the index: hundreds of thousands of objects that live as
    long as the process) out of the garbage collector's sight, so that its full collections
    during screening do not walk the index again and again."""
    gc.freeze()


def _adjustments(
    entry: ListEntry, country: str | None, kind: str | None, address: str | None
) -> tuple[tuple[str, float], ...]:
    out: list[tuple[str, float]] = []
    if country and entry.countries:
        if country in entry.countries:
            out.append((f"country {country} matches", COUNTRY_MATCH))
        else:
            out.append(
                (f"country {country} not among {','.join(entry.countries)}", COUNTRY_MISMATCH)
            )
    if kind and entry.type and kind != entry.type:
        out.append((f"type {kind} but listed as {entry.type}", TYPE_MISMATCH))
    if address and entry.addresses:
        asked = {w for w in fold(address).split() if len(w) >= 3}
        for listed in entry.addresses:
            words = {w for w in fold(listed.text).split() if len(w) >= 3}
            if asked and len(asked & words) >= max(2, len(asked) // 2):
                out.append(("address matches", ADDRESS_MATCH))
                break
    return tuple(out)


def _country(value: str | None) -> str | None:
    if value is None:
        return None
    if not value.strip():
        raise BadInput("country", "empty: give an ISO code or leave the option out")
    from earmark.regdata.countries import require_country

    return require_country(value, "country")


def _type(value: str | None) -> str | None:
    if value is None or not value.strip():
        return None
    kind = TYPE_WORDS.get(value.strip().casefold().replace(" ", ""))
    if kind is None:
        raise BadInput(
            "type",
            f"unknown type {value!r}; one of {', '.join(TYPES)} (or organization, company, "
            "legalentity, person, airplane)",
        )
    return kind


def _lists(value: Iterable[str] | None, known: tuple[str, ...]) -> set[str] | None:
    if value is None:
        return None
    codes = {c.strip().upper() for c in value if c.strip()}
    unknown = sorted(codes - set(known))
    if unknown or not codes:
        raise BadInput(
            "lists", f"unknown list {', '.join(unknown) or '(none)'}; known: {', '.join(known)}"
        )
    return codes


def _threshold(value: float) -> float:
    if not 0.0 <= value <= 1.0:
        raise BadInput("threshold", f"must be between 0 and 1, not {value}")
    return value
