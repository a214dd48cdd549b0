"""The screening index: every listed name and alias, its words, and how to find them fast.

Candidate retrieval never scans all entries. Each query word is looked up

* exactly, in the vocabulary of listed words;
* with one edit, through a deletion index (every listed word of 4+ letters is stored under
  itself and each of its one-letter deletions; a query word's own deletions meet it there);
* as an abbreviation of a common word (generic words and legal forms: "intl", "trdg");
* by consonant skeleton, for words written in Arabic script;
* by sound key, for words read from Hangul, kana or Cyrillic (:mod:`earmark.names.sounds`);
* by its first letters, for long words whose endings differ by two edits ("metallurgy" /
  "metallurgiya", "kizlyarsky" / "kizlyarskii"), which the deletion index cannot meet;
* joined with its neighbour ("Hua Wei" -> "huawei"), and against pairs of adjacent listed words
  joined ("Huawei" -> "hua wei").

Names that share enough query weight are then scored in full (:mod:`.scorer`). Word weights come
from how many listed names use the word (rare words weigh more), capped for generic words and
legal forms.
"""

from __future__ import annotations

import copy
import math
import re
from array import array
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise

from rapidfuzz.distance import OSA

from earmark.compact import (
    ChunkedSeq,
    FilteredPostings,
    HashPostings,
    IdsByKey,
    IdsByPosition,
    SortedNames,
)
from earmark.errors import BadInput
from earmark.names import AnalyzedName, Kind, analyze
from earmark.names.normalize import (
    by_consonants,
    has_han,
    phonetic,
    phonetic_forms,
    skeleton,
)
from earmark.names.sounds import sound_keys
from earmark.names.translit_lexicon import latin_readings
from earmark.names.variants import contained_names
from earmark.names.vocabulary import vocabulary
from earmark.regdata.bundle import gc_paused
from earmark.regdata.model import ListEntry
from earmark.screening.addresses import is_address_entry
from earmark.screening.scorer import (
    FULL_ACRONYM,
    GENERIC_CAP,
    MAX_ACRONYM,
    MIN_ACRONYM,
    TITLE_WEIGHT,
    UNPAIRED_LISTED,
    UNPAIRED_QUERY,
    QueryWord,
    acronym_spans,
    left_shares,
)
from earmark.screening.similarity import (
    ABBREVIATION,
    INITIAL,
    MIN_SIMILARITY,
    MIN_SOUNDED,
    MIN_VOWELS_DIFFER,
    SKELETON,
    budget,
    is_abbreviation,
    vowels_differ,
    word_similarity,
)

_VOWELS = re.compile("[aeiouy]")
LEGAL_WEIGHT = 0.05
INITIAL_WEIGHT = 0.3
MIN_WORD_WEIGHT = 0.35
COMMON_POSTINGS = 3000  # a word in more names than this does not retrieve candidates
FREQUENT_POSTINGS = 400  # nor does one in more than this when the query has a rarer word
LOOKUP_CACHE = 100_000  # query words remembered with their listed matches
MAX_CANDIDATES = 20
PREFIX = 6  # long words (PREFIX + 2 letters or more) are also found by their first letters
MAX_CONTAINED = 5
MAX_CUT = 10  # names a query cut short may have been cut from, at most


@dataclass(frozen=True, slots=True)
class _Lookup:
    """What one query word finds among the listed words."""

    found: dict[int, tuple[float, str]]  # listed word -> (similarity, how)
    reading_weight: float | None  # the weight of the listed word it reads as, if any
    postings: int  # listed names holding a word it matches
    retrieves: dict[int, tuple[float, str]]  # of ``found``, the words this index's names hold


@dataclass(frozen=True, slots=True)
class NameRecord:
    entry: int  # index into ScreeningIndex.entries
    name: str  # as listed
    alias: bool
    words: tuple[str, ...]
    weights: tuple[float, ...]
    normalized: str
    total: float  # sum of the weights
    word_ids: tuple[int, ...]
    bare: str  # the normalised name without legal forms
    # Per word, the share of its weight it costs left without a partner (scorer.score_name):
    # a person's middle names and Russian patronymics, which users leave out, cost less.
    left: tuple[float, ...] = ()


class ScreeningIndex:
    """Names and aliases of a set of list entries, indexed for retrieval."""

    def __init__(self, entries: Iterable[ListEntry]) -> None:
        with gc_paused():  # hundreds of thousands of acyclic objects: see regdata.bundle
            self._init(list(entries))

    def _init(self, entries: list[ListEntry]) -> None:
        # Entries and records are kept compact (earmark/compact.py), with the fields every
        # query reads as flat columns beside them, so that loading the index from the disk
        # cache rebuilds no per-entry object.
        self.entries: Sequence[ListEntry] = ChunkedSeq(entries, ListEntry)
        self.entry_ids: list[str] = [e.id for e in entries]
        self.entry_lists: list[str] = [e.list for e in entries]
        # What scoring asks of each candidate's entry, without decoding the entry's chunk.
        self.entry_types: list[str | None] = [e.type for e in entries]
        self.current_flags: dict[str, tuple[str, ...]] = {}  # set by the Screener's current index
        # The Entity List's address-only entries ("Address 01"), matched on addresses.
        self.address_entries: list[int] = [i for i, e in enumerate(entries) if is_address_entry(e)]
        self._lookups: dict[tuple[tuple[str, ...], bool, str, bool], _Lookup] = {}
        self._initials: dict[tuple[str, float], dict[int, tuple[float, float]]] = {}
        self._whole: ScreeningIndex | None = None  # set on a restricted view
        self._kept: list[bool] | None = None  # on a restricted view: the records it holds
        analysed: list[tuple[int, str, bool, AnalyzedName]] = []
        for e_idx, entry in enumerate(entries):
            seen: set[str] = set()
            own = set(entry.names)
            for n_idx, name in enumerate(_names_of(entry)):
                try:
                    a = analyze(name)
                except BadInput:
                    continue  # an empty or overlong listed name: nothing to match
                if a.normalized in seen:
                    continue  # the same name written another way: one record is enough
                if name not in own and all(t.kind is Kind.LEGAL for t in a.scoring_tokens):
                    # a name held in a listed one that is a legal form alone ("(Pvt)" of
                    # "... (Pvt) Ltd."); the list's own aliases stay, whatever they are ("SE")
                    continue
                seen.add(a.normalized)
                analysed.append((e_idx, name, n_idx > 0, a))
                translated = read_in_english(a)
                if translated is not None and translated.normalized not in seen:
                    seen.add(translated.normalized)
                    analysed.append((e_idx, name, True, translated))
        self._build(analysed)

    # -- building --------------------------------------------------------------------------

    def _build(self, analysed: list[tuple[int, str, bool, AnalyzedName]]) -> None:
        df: dict[str, int] = defaultdict(int)
        kinds: dict[str, Kind] = {}
        for *_, a in analysed:
            for t in a.scoring_tokens:
                df[t.text] += 1
                # A title's word weighs as a word where it names a firm ("SAYYED BROTHERS");
                # a person's record gives it TITLE_WEIGHT below.
                kinds.setdefault(t.text, Kind.WORD if t.kind is Kind.TITLE else t.kind)
        n = max(len(analysed), 2)
        self.vocab: dict[str, int] = {w: i for i, w in enumerate(df)}
        self.words: list[str] = list(df)
        self.weight: list[float] = [_weight(kinds[w], df[w], n) for w in self.words]
        self.df: list[int] = [df[w] for w in self.words]
        # Common words (generic words, legal forms) may be abbreviated; names are not.
        self.common: list[bool] = [kinds[w] in (Kind.GENERIC, Kind.LEGAL) for w in self.words]
        postings: list[list[int]] = [[] for _ in self.words]
        self.postings: IdsByPosition = postings
        records: list[NameRecord] = []
        joined: dict[str, list[int]] = defaultdict(list)
        # The same by consonant skeleton: one Arabic-script word for two listed ones
        # ("عبدالملك", bdlmlk, is "Abdul Malik").
        joined_skeletons: dict[str, list[int]] = defaultdict(list)
        # Records by their whole normalised name: a name written as listed is always found,
        # whatever retrieval's heuristics make of its words.
        by_normalized: dict[str, list[int]] = defaultdict(list)
        # Records by the initials of their words but legal forms and titles, four to six: a
        # query word that is them is the name's acronym ("NUDT", National University of
        # Defense Technology), where the list gives none.
        acronyms: dict[str, list[int]] = defaultdict(list)
        for e_idx, name, alias, a in analysed:
            words = tuple(t.text for t in a.scoring_tokens)
            if not words:
                continue
            r_idx = len(records)
            weights = tuple(
                TITLE_WEIGHT if t.kind is Kind.TITLE else self.weight[self.vocab[t.text]]
                for t in a.scoring_tokens
            )
            ids = tuple(self.vocab[w] for w in words)
            bare = bare_name(a)
            shares = left_shares(words, name, self.entries[e_idx].type == "individual")
            record = NameRecord(
                e_idx, name, alias, words, weights, a.normalized, sum(weights), ids, bare, shares
            )
            records.append(record)
            by_normalized[a.normalized].append(r_idx)
            for span in acronym_spans(words, weights):
                acronyms["".join(words[j][0] for j in span)].append(r_idx)
            for w in words:
                postings[self.vocab[w]].append(r_idx)
            for left, right in pairwise(words):
                joined[left + right].append(r_idx)
                joined_skeletons[skeleton(left + right)].append(r_idx)
            for first, second, third in zip(words, words[1:], words[2:], strict=False):
                if len(first) == len(second) == len(third) == 1:
                    # "L D S COMPUTER SYSTEMS" is found as "LDS Computer Systems" too (the
                    # scorer pairs a word with three listed words it joins)
                    joined[first + second + third].append(r_idx)
        deletes: dict[str, list[int]] = defaultdict(list)
        self.common_by_letter: dict[str, list[int]] = defaultdict(list)
        skeletons: dict[str, list[int]] = defaultdict(list)
        # Transliteration variants ("khuavei" / "huawei", "aleksandr" / "alexander") meet on
        # their folded spelling.
        phonetics: dict[str, list[int]] = defaultdict(list)
        sounds: dict[str, list[int]] = defaultdict(list)
        prefixes: dict[str, list[int]] = defaultdict(list)
        for t_idx, w in enumerate(self.words):
            if len(w) >= PREFIX + 2:
                prefixes[w[:PREFIX]].append(t_idx)
            # Acronyms ("mgb") are spelt out, not said: they have no sounds to compare.
            if len(w) >= MIN_SOUNDED and _VOWELS.search(w):
                for key in sound_keys(w):
                    sounds[key].append(t_idx)
            if len(w) >= 4:
                phonetics[phonetic(w)].append(t_idx)
            if len(w) >= 5:
                for key in {w, *_deletions(w)}:
                    deletes[key].append(t_idx)
            elif len(w) == 4:
                # a five-letter query word one letter longer ("wings" / WING) deletes to it:
                # a typo the scorer allows (an edit in five letters) that retrieval must find
                deletes[w].append(t_idx)
            if self.common[t_idx] and len(w) >= 4:
                self.common_by_letter[w[0]].append(t_idx)
            skeletons[skeleton(w)].append(t_idx)
        self.joined: IdsByKey = HashPostings.build(joined)
        self.joined_skeletons: IdsByKey = HashPostings.build(joined_skeletons)
        self.by_normalized: IdsByKey = HashPostings.build(by_normalized)
        self.acronyms: IdsByKey = HashPostings.build(acronyms)
        # Names of bodies in order: a query cut short by a field of 35 characters ("LIMITED
        # LIABILITY COMPANY MODERN MA") is the start of the name it was cut from.
        people = {i for i, e in enumerate(self.entries) if e.type == "individual"}
        self.cut_names = SortedNames.build(
            (r.normalized, r_idx) for r_idx, r in enumerate(records) if r.entry not in people
        )
        self.deletes: IdsByKey = HashPostings.build(deletes)
        self.skeletons: IdsByKey = HashPostings.build(skeletons)
        self.phonetic: IdsByKey = HashPostings.build(phonetics)
        self.sounds: IdsByKey = HashPostings.build(sounds)
        self.prefixes: IdsByKey = HashPostings.build(prefixes)
        self.records: Sequence[NameRecord] = ChunkedSeq(records, NameRecord)
        self.record_entry = array("l", (r.entry for r in records))
        self.record_total = array("d", (r.total for r in records))
        # The weight of a record's words but its legal forms: what a query must hold of it for
        # the record to lie inside the query (screen._contains reads the bare name so too).
        self.record_bare_total = array(
            "d",
            (
                sum(self.weight[self.vocab[w]] for w in r.bare.split() if w in self.vocab)
                for r in records
            ),
        )
        # What the estimate counts of a record's words left unpaired, as the scorer counts
        # them (NameRecord.left): a patronymic or a middle name at its full weight would keep
        # "Jewgeni Prigoschin" from "PRIGOZHIN, Yevgeniy Viktorovich" in retrieval.
        self.record_unpaired_total = array(
            "d",
            (sum(w * share for w, share in zip(r.weights, r.left, strict=True)) for r in records),
        )
        # Each record's word ids, flat: retrieval reads them for thousands of records a query.
        self.record_word_ids = array("l", (t for r in records for t in r.word_ids))
        self.record_word_start = array("l", [0])
        for r in records:
            self.record_word_start.append(self.record_word_start[-1] + len(r.word_ids))
        # Names made of generic words and legal forms only ("International Technology LLC"):
        # a query of such words can match only them, so it walks only their postings.
        plain = [all(w <= GENERIC_CAP for w in r.weights) for r in records]
        self.plain_postings: IdsByPosition = [[r for r in p if plain[r]] for p in postings]
        self.legal_words = sorted(
            {p[0] for p in vocabulary().legal_phrases if len(p) == 1 and len(p[0]) >= 5}
        )

    # -- querying --------------------------------------------------------------------------

    def query_words(
        self, name: AnalyzedName
    ) -> tuple[list[QueryWord], list[dict[int, tuple[float, str]]]]:
        """The query's words with weights, and for each the listed words it matches."""
        words: list[QueryWord] = []
        matches: list[dict[int, tuple[float, str]]] = []
        han = has_han(name.original)
        for token in name.scoring_tokens:
            # A word read from another script (kanji, Hangul, Arabic, or Chinese read from
            # pinyin) abbreviates nothing: "舞 伊藤" (mai, ito) is not MATERIALS INTERNATIONAL.
            abbreviates = not token.source or token.source.isascii()
            hit = self._lookup(token.forms, token.skeleton, token.sound, abbreviates)
            kind = token.kind
            if not hit.found and kind is Kind.WORD and self._misspelt_legal_form(token.text):
                kind = Kind.LEGAL  # "Limitd", "CfMPANY": a legal form with a typo
            weight = self._query_weight(kind, hit.reading_weight)
            # A Latin word read as pinyin has its Chinese as its source: the user wrote the
            # Latin ("Huawei"), and the explanation does not show them 华为.
            shown = token.source if token.source and (han or not has_han(token.source)) else ""
            shown = shown or token.text
            words.append(
                QueryWord(
                    token.forms,
                    weight,
                    token.skeleton,
                    shown,
                    hit.postings,
                    token.sound,
                    abbreviates,
                )
            )
            matches.append(hit.retrieves)
        return words, matches

    def _lookup(
        self, forms: tuple[str, ...], skeletal: bool, sounded: str = "", abbreviates: bool = True
    ) -> _Lookup:
        """Listed words matching any of the forms, with similarity (memoised: batches repeat
        words such as given names and generic words many times)."""
        key = (forms, skeletal, sounded, abbreviates)
        cached = self._lookups.get(key)
        if cached is None:
            if len(self._lookups) >= LOOKUP_CACHE:
                self._lookups.clear()
            cached = self._lookups[key] = self._found(forms, skeletal, sounded, abbreviates)
        return cached

    def forget_lookups(self) -> None:
        """Drop the memo of word lookups (benchmarks: to time a batch from cold)."""
        self._lookups.clear()

    def _found(
        self, forms: tuple[str, ...], skeletal: bool, sounded: str, abbreviates: bool
    ) -> _Lookup:
        if self._whole is not None:
            # A view: the whole index's reading, retrieving only words its names hold (any
            # word of a name in the view has a posting in the view, so scoring is unchanged).
            whole = self._whole._lookup(forms, skeletal, sounded, abbreviates)
            mine = {t: hit for t, hit in whole.found.items() if self.postings[t]}
            return _Lookup(whole.found, whole.reading_weight, whole.postings, mine)
        found = self._find(forms, skeletal, sounded, abbreviates)
        # The word's own rarity: as listed if it is a listed word, else that of the listed
        # word it is a typo of. Not that of a word it might abbreviate: "Mann" is not a
        # common word because "management" is.
        readings = [(sim, t) for t, (sim, how) in found.items() if how != "abbreviation"]
        reading = self.weight[max(readings)[1]] if readings else None
        # ``df`` counts the word in every listed name, so that a restricted view retrieves
        # as the whole index does.
        postings = sum(self.df[t_idx] for t_idx in found)
        return _Lookup(found, reading, postings, found)

    def _find(
        self, forms: tuple[str, ...], skeletal: bool, sounded: str = "", abbreviates: bool = True
    ) -> dict[int, tuple[float, str]]:
        found: dict[int, tuple[float, str]] = {}
        for form in forms:
            exact = self.vocab.get(form)
            if exact is not None:
                found[exact] = (1.0, "exact")
            candidates: set[int] = set()
            if len(form) >= 4:
                for key in (form, *_deletions(form)):
                    candidates.update(self.deletes.get(key, ()))
            if len(form) >= PREFIX + 2:
                candidates.update(self.prefixes.get(form[:PREFIX], ()))
            # Abbreviations are short ("trdg" is also a listed word); a legal form abbreviates
            # nothing else ("srl" is not "switzerland").
            if abbreviates and 3 <= len(form) <= 6 and form not in vocabulary().legal_tokens:
                for t_idx in self.common_by_letter.get(form[0], ()):
                    if t_idx not in candidates and is_abbreviation(form, self.words[t_idx]):
                        found.setdefault(t_idx, (ABBREVIATION, "abbreviation"))
            consonants = by_consonants(form, forms, skeletal)
            if consonants:
                candidates.update(self.skeletons.get(skeleton(form), ()))
            elif len(form) >= MIN_VOWELS_DIFFER:
                self._vowels_differ(form, found)
            if len(form) >= 4:
                for key in phonetic_forms(form):
                    candidates.update(self.phonetic.get(key, ()))
            if sounded and len(form) >= MIN_SOUNDED:
                for key in sound_keys(form):
                    candidates.update(self.sounds.get(key, ()))
            for t_idx in candidates:
                if t_idx in found and found[t_idx][0] >= 1.0:
                    continue
                sim, how = word_similarity(
                    form,
                    self.words[t_idx],
                    consonants,
                    self.common[t_idx],
                    sounded=sounded,
                    abbreviates=abbreviates,
                )
                if sim >= MIN_SIMILARITY and sim > found.get(t_idx, (0.0, ""))[0]:
                    found[t_idx] = (sim, how)
        return found

    def _vowels_differ(self, form: str, found: dict[int, tuple[float, str]]) -> None:
        """Listed words of the Latin ``form``'s consonants that differ from it in vowels alone
        (similarity.vowels_differ), found by its skeleton; only those: the skeleton's other
        words are no candidates of a word written with its vowels."""
        for t_idx in self.skeletons.get(skeleton(form), ()):
            word = self.words[t_idx]
            if t_idx not in found and not self.common[t_idx] and vowels_differ(form, word):
                found[t_idx] = (SKELETON, "same consonants")

    def _misspelt_legal_form(self, word: str) -> bool:
        if len(word) < 5:
            return False
        allowed = budget(len(word))
        return any(
            OSA.distance(word, legal, score_cutoff=allowed) <= allowed for legal in self.legal_words
        )

    @staticmethod
    def _query_weight(kind: Kind, reading_weight: float | None) -> float:
        if kind is Kind.LEGAL:
            return LEGAL_WEIGHT
        if kind is Kind.TITLE:
            return TITLE_WEIGHT
        if kind is Kind.INITIAL:
            return INITIAL_WEIGHT
        weight = 1.0 if reading_weight is None else reading_weight  # unlisted: rare
        return min(weight, GENERIC_CAP) if kind is Kind.GENERIC else weight

    def candidates(
        self,
        words: list[QueryWord],
        matches: list[dict[int, tuple[float, str]]],
        allowed: Callable[[int], bool] | None = None,
        floor: float = 0.0,
        contained: bool = False,
    ) -> list[int]:
        """Record ids whose estimated score reaches ``floor``, best first (at most
        MAX_CANDIDATES); with ``contained``, also records of two words or more whose every
        word the query holds (a listed name inside a longer query), at most MAX_CONTAINED.

        The estimate is the scorer's formula with each query word paired with its best listed
        word in the record, without the one-to-one constraint: close to the final score, and
        cheap enough to rank every record that shares a word with the query.
        """
        numerator: dict[int, float] = defaultdict(float)
        paired: dict[int, float] = defaultdict(float)
        informative = [i for i, w in enumerate(words) if w.weight > LEGAL_WEIGHT]
        use = informative or list(range(len(words)))
        # An initial ("T." of "SAAB T.") stands for any word of its letter: it retrieves nothing
        # but adds to what the other words retrieved, as the scorer pairs it.
        initials = {i for i, w in enumerate(words) if _is_initial(w)}
        use = [i for i in use if i not in initials] or use
        # Rare words retrieve; generic words and legal forms only add to what they retrieved
        # (a true match shares a rare word), unless the query has nothing but generic words.
        drivers = [i for i in use if words[i].weight > GENERIC_CAP] or use
        # Of those, words in very many names (common given names) only add to what rarer words
        # retrieved, when there are rarer words: a true match shares the rarer word too.
        rare = [i for i in drivers if words[i].postings <= FREQUENT_POSTINGS]
        drivers = rare or drivers
        # A title adds nothing to a record's score: it is not looked for.
        extras = [
            i for i in range(len(words)) if i not in drivers and words[i].weight != TITLE_WEIGHT
        ]
        plain = all(words[i].weight <= GENERIC_CAP for i in drivers)
        for i in drivers:
            self._accumulate(
                words[i].weight,
                matches[i],
                len(use) > 1,
                numerator,
                paired,
                plain and not contained,
            )
        self._joined_words(words, numerator, paired)
        self._acronym_records(words, numerator, paired)
        if not numerator:
            return []  # no listed word of the query's in any record (of this view)
        total_q = sum(w.weight for w in words)
        bonus = sum(2 * words[i].weight for i in extras)  # at most what the extras can add
        # Per extra word, what pairing it with each listed word it matches adds (numerator,
        # paired weight): computed once here, not once per record.
        tables = [self._extra_table(words[i], matches[i], i in initials) for i in extras]
        # At most what the extras can pair of a record's weight: a record whose unpaired
        # weight is more cannot lie wholly inside the query (tested before the costly pairing).
        extra_cap = sum(max((wc for _, wc in table.values()), default=0.0) for table in tables)
        ranked = []
        inside: list[tuple[float, int]] = []
        totals, entry_of = self.record_total, self.record_entry
        unpaired_totals, bare_totals = self.record_unpaired_total, self.record_bare_total
        word_start = self.record_word_start  # a record's words: word_start[r + 1] - word_start[r]
        word_ids = self.record_word_ids
        base_q, unpaired_listed = UNPAIRED_QUERY * total_q, UNPAIRED_LISTED
        inside_cap = extra_cap + 1e-9
        for r_idx, num in numerator.items():  # the hot loop: thousands of records a query
            pr, total = paired[r_idx], totals[r_idx]
            unpaired = unpaired_totals[r_idx] - pr
            if unpaired < 0.0:
                unpaired = 0.0
            pw = -1.0  # the paired weight with the extras, once computed
            if (num + bonus) / (base_q + pr + unpaired_listed * unpaired) >= floor:
                if extras:
                    ids = word_ids[word_start[r_idx] : word_start[r_idx + 1]]
                    with_extras, pw = _add_extras(ids, tables, num, pr)
                else:
                    with_extras, pw = num, pr
                unpaired = max(unpaired_totals[r_idx] - pw, 0.0)
                estimate = with_extras / (total_q + pw + UNPAIRED_LISTED * unpaired)
                if estimate >= floor:
                    # Whether the entry may match (listed on the date, on a list asked for):
                    # tested last, on the few records that could reach the floor.
                    if allowed is None or allowed(entry_of[r_idx]):
                        ranked.append((estimate, r_idx))
                    continue
            # Below the floor: still a candidate if its name but the legal forms lies inside
            # the query (the scorer raises such a record to screen.CONTAINED).
            bare = bare_totals[r_idx]
            if contained and bare - pr <= inside_cap:
                start, end = word_start[r_idx], word_start[r_idx + 1]
                if end - start >= 2:
                    if pw < 0.0:
                        _, pw = _add_extras(word_ids[start:end], tables, num, pr)
                    if pw >= bare - 1e-9 and (allowed is None or allowed(entry_of[r_idx])):
                        inside.append((total, r_idx))
        ranked.sort(reverse=True)
        inside.sort(reverse=True)
        return [r for _, r in ranked[:MAX_CANDIDATES]] + [r for _, r in inside[:MAX_CONTAINED]]

    def _extra_table(
        self, word: QueryWord, found: dict[int, tuple[float, str]], initial: bool
    ) -> dict[int, tuple[float, float]]:
        """What pairing an extra word with each listed word it matches adds (numerator, paired
        weight); an initial matches every listed word of its letter too."""
        weight = self.weight
        own = {t: (sim * (word.weight + weight[t]), weight[t]) for t, (sim, _) in found.items()}
        if not initial:
            return own
        table = self._initial_table(word)
        return table if own.items() <= table.items() else {**table, **own}

    def _initial_table(self, word: QueryWord) -> dict[int, tuple[float, float]]:
        """What an initial adds paired with each listed word of its letter, itself as written
        (remembered per letter and weight: the same few tables serve every query, not copied)."""
        key = (word.forms[0], word.weight)
        table = self._initials.get(key)
        if table is None:
            letter, wq, weight = word.forms[0], word.weight, self.weight
            table = self._initials[key] = {
                t: ((1.0 if w == letter else INITIAL) * (wq + weight[t]), weight[t])
                for t, w in enumerate(self.words)
                if w[0] == letter
            }
        return table

    def cut_from(self, normalized: str, allowed: Callable[[int], bool] | None) -> list[int]:
        """Records of bodies whose normalised name begins with ``normalized`` and goes on (and
        may match): the names a query cut short may have been cut from."""
        found = self.cut_names.starting_with(normalized, MAX_CUT)
        kept = self._kept
        return [
            r
            for r in found
            if (kept is None or kept[r]) and (allowed is None or allowed(self.record_entry[r]))
        ]

    def same_names(self, normalized: str, allowed: Callable[[int], bool] | None) -> list[int]:
        """Records whose whole normalised name is ``normalized`` (and may match)."""
        return [
            r
            for r in self.by_normalized.get(normalized, ())
            if allowed is None or allowed(self.record_entry[r])
        ]

    def _accumulate(
        self,
        wq: float,
        found: dict[int, tuple[float, str]],
        skip_common: bool,
        numerator: dict[int, float],
        paired: dict[int, float],
        plain: bool = False,
    ) -> None:
        """Add one query word's best pairing in each record that holds a word it matches
        (``plain``: only in the records of generic words and legal forms)."""
        postings = self.plain_postings if plain else self.postings
        hits = [
            (sim * (wq + self.weight[t_idx]), self.weight[t_idx], t_idx)
            for t_idx, (sim, _) in found.items()
            if not (skip_common and self.df[t_idx] > COMMON_POSTINGS)
        ]
        if len(hits) == 1:  # the usual case: one listed word, no maximum to take per record
            value, wc, t_idx = hits[0]
            if not numerator:  # the first word: every record is new (dict.fromkeys is in C)
                numerator.update(dict.fromkeys(postings[t_idx], value))
                paired.update(dict.fromkeys(postings[t_idx], wc))
                return
            for r_idx in postings[t_idx]:
                numerator[r_idx] += value
                paired[r_idx] += wc
            return
        best: dict[int, tuple[float, float]] = {}
        for value, wc, t_idx in sorted(hits):  # ascending: the best value written last
            best.update(dict.fromkeys(postings[t_idx], (value, wc)))  # in C, not per record
        if not numerator:  # the first word: 0.0 + value is value
            numerator.update({r_idx: value for r_idx, (value, _) in best.items()})
            paired.update({r_idx: wc for r_idx, (_, wc) in best.items()})
            return
        for r_idx, (value, wc) in best.items():
            numerator[r_idx] += value
            paired[r_idx] += wc

    def restricted(self, keep: Callable[[int], bool]) -> ScreeningIndex:
        """The index with only the names of the entries kept (``keep(entry index)``).

        The words, weights and retrieval rules stay those of the whole index, so a name scores
        the same in the view as in the whole index; only the postings are shorter. Screening
        for the end-user lists (about a sixth of the names) then walks a sixth of the postings.
        """
        view = copy.copy(self)  # shallow: vocabulary, weights and records are shared
        view._whole, view._lookups = self, {}
        kept = [keep(e) for e in self.record_entry]
        view.postings = FilteredPostings(self.postings, kept)
        view.plain_postings = FilteredPostings(self.plain_postings, kept)
        view.joined = FilteredPostings(self.joined, kept)
        view.joined_skeletons = FilteredPostings(self.joined_skeletons, kept)
        view.by_normalized = FilteredPostings(self.by_normalized, kept)
        view.acronyms = FilteredPostings(self.acronyms, kept)
        view._kept = kept
        return view

    def _acronym_records(
        self, words: list[QueryWord], numerator: dict[int, float], paired: dict[int, float]
    ) -> None:
        """Credit records whose words' initials a query word is (scorer: FULL_ACRONYM)."""
        for w in words:
            form = w.forms[0]
            acronym = MIN_ACRONYM <= len(form) <= MAX_ACRONYM and form.isalpha()
            if acronym and not w.skeletal and w.abbreviates:  # as the scorer pairs them
                for r_idx in self.acronyms.get(form, ()):
                    total = self.record_total[r_idx]
                    numerator[r_idx] += FULL_ACRONYM * (w.weight + total)
                    paired[r_idx] += total

    def _joined_words(
        self, words: list[QueryWord], numerator: dict[int, float], paired: dict[int, float]
    ) -> None:
        """Credit records where two words are written as one, on either side."""
        for i in range(len(words) - 1):  # "Hua Wei" -> "huawei"
            for a in words[i].forms:
                for b in words[i + 1].forms:
                    t_idx = self.vocab.get(a + b)
                    if t_idx is not None:
                        wc = self.weight[t_idx]
                        for r_idx in self.postings[t_idx]:
                            numerator[r_idx] += words[i].weight + words[i + 1].weight + wc
                            paired[r_idx] += wc
        for i in range(len(words) - 1):  # "نصر الله" (nsr llh) -> "nasrallah"
            if words[i].skeletal and words[i + 1].skeletal:
                joined = skeleton(words[i].forms[0] + words[i + 1].forms[0])
                if len(joined) >= 3:
                    for t_idx in self.skeletons.get(joined, ()):
                        wc = self.weight[t_idx]
                        for r_idx in self.postings[t_idx]:
                            numerator[r_idx] += 0.88 * (words[i].weight + words[i + 1].weight + wc)
                            paired[r_idx] += wc
        for w in words:  # "Huawei" -> "hua wei"
            for form in w.forms:
                for r_idx in self.joined.get(form, ()):
                    numerator[r_idx] += 2 * w.weight
                    paired[r_idx] += w.weight
            if by_consonants(w.forms[0], w.forms, w.skeletal) and len(w.forms[0]) >= 4:
                for r_idx in self.joined_skeletons.get(skeleton(w.forms[0]), ()):
                    numerator[r_idx] += 1.8 * w.weight
                    paired[r_idx] += w.weight


def _is_initial(word: QueryWord) -> bool:
    # as screen._similarity pairs initials: none in Arabic script
    return len(word.forms[0]) == 1 and word.forms[0].isalpha() and not word.skeletal


def _add_extras(
    word_ids: Sequence[int],
    tables: list[dict[int, tuple[float, float]]],
    numerator: float,
    paired: float,
) -> tuple[float, float]:
    """A record's numerator and paired weight with each extra word's best pairing added
    (``tables``: per extra word, listed word -> (numerator, paired weight) it adds)."""
    for table in tables:
        best_value, best_wc = 0.0, 0.0
        for t_idx in word_ids:
            hit = table.get(t_idx)
            if hit is not None and hit[0] > best_value:
                best_value, best_wc = hit
        numerator += best_value
        paired += best_wc
    return numerator, paired


# Generic words a translated name needs when it has no distinctive one: three of them name one
# body ("central bank russia", "moscow industrial bank"), two name too many ("trade bank").
MIN_GENERIC_TRANSLATED = 3


def read_in_english(name: AnalyzedName) -> AnalyzedName | None:
    """A listed name written in a transliteration ("SILOVYE MASHINY", "SHERKAT-E MELLI-YE
    NAFT") read in English with the lexicons (earmark.names.translit_lexicon), when that
    differs: the list's own English alias may be missing ("POWER MACHINES"). None otherwise,
    and when the English holds no distinctive word and fewer than MIN_GENERIC_TRANSLATED words
    ("JSC ENERGIYA" is not "JSC Energy", a name any firm may bear; "BANK MELLI IRAN" is the
    "National Bank of Iran")."""
    words = [t.text for t in name.tokens]
    english = [(latin_readings(w) or (w,))[0] for w in words]
    if english == words:
        return None
    try:
        translated = analyze(" ".join(english))
    except BadInput:
        return None
    content = [t for t in translated.tokens if t.kind in (Kind.WORD, Kind.GENERIC)]
    if not any(t.kind is Kind.WORD for t in content) and len(content) < MIN_GENERIC_TRANSLATED:
        return None
    # Another spelling of a title only ("Hajji" / "Haji") is no other name: titles weigh nothing.
    return None if _said(translated) == _said(name) else translated


def _said(name: AnalyzedName) -> list[str]:
    return [t.text for t in name.tokens if t.kind is not Kind.TITLE]


def _names_of(entry: ListEntry) -> list[str]:
    """The entry's names and aliases, and the names they hold within them (an "aka", an
    affiliate's own name, parts between semicolons: earmark.names.variants)."""
    out: dict[str, None] = {}
    for name in entry.names:
        out[name] = None
        for inner in contained_names(name):
            out.setdefault(inner, None)
    return list(out)


def bare_name(name: AnalyzedName) -> str:
    """The name without its legal forms and titles: "JSC Defense Systems" is "defense
    systems", "Sayyid Ali Khamenei" "ali khamenei"."""
    return " ".join(t.text for t in name.scoring_tokens if t.kind not in _UNSAID)


_UNSAID = (Kind.LEGAL, Kind.TITLE)


def _weight(kind: Kind, df: int, n: int) -> float:
    if kind is Kind.LEGAL:
        return LEGAL_WEIGHT
    if kind is Kind.INITIAL:
        return INITIAL_WEIGHT
    rarity = math.log(n / df) / math.log(n)
    weight = MIN_WORD_WEIGHT + (1.0 - MIN_WORD_WEIGHT) * rarity
    return min(weight, GENERIC_CAP) if kind is Kind.GENERIC else weight


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}
