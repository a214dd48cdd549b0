"""Place names in every language they are written in, read as one canonical token each.

"Moskau Aviation Institute", "Moskva Aviation Institute" and "Moscow Aviation Institute" all
read "moscow aviation institute"; "UAE", "U.A.E." and "United Arab Emirates" all read
"unitedarabemirates"; "Irán" is "iran". The table (data/place_names.json) is built by
scripts/build_place_names.py from CLDR (country names and the exemplar cities of time zones,
in 41 locales, through babel) and data/place_names_extra.toml (abbreviations, romanised native
names, historic names), with its provenance in its ``_meta``. Places weigh as generic words
in a name score: where a party is, not who it is.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "place_names.json"


@dataclass(frozen=True, slots=True)
class PlaceTable:
    phrases: dict[tuple[str, ...], str]  # ("united", "arab", "emirates") -> "unitedarabemirates"
    starts: dict[str, int]  # first word -> its longest phrase, in words
    canonical: frozenset[str]  # every canonical token
    codes: dict[str, str]  # ISO 3166 alpha-2 code, folded ("cn") -> the country's token

    @property
    def longest(self) -> int:
        return max(self.starts.values(), default=1)


@lru_cache(maxsize=1)
def places() -> PlaceTable:
    with DATA.open(encoding="utf-8") as fh:
        data = json.load(fh)
    spellings: dict[str, str] = data["spellings"]
    phrases: dict[tuple[str, ...], str] = {}
    starts: dict[str, int] = {}
    for spelling, token in spellings.items():
        words = tuple(spelling.split())
        if words and words != (token,):
            phrases[words] = token
    # A variant that ends another place's name is not read on its own: "republic china"
    # (Taiwan, the Republic of China) ends "peoples republic china" (China).
    variants = {v: t for w, t in phrases.items() if (v := _without_of(w)) != w}
    clashing = {
        phrase[i:]
        for phrase, token in (*phrases.items(), *variants.items())
        for i in range(1, len(phrase) - 1)
        if variants.get(phrase[i:], token) != token
    }
    for variant, token in variants.items():
        if variant not in clashing:
            phrases.setdefault(variant, token)
    for words in phrases:
        starts[words[0]] = max(starts.get(words[0], 0), len(words))
    return PlaceTable(phrases, starts, frozenset(spellings.values()), data["codes"])


_OF = frozenset({"of", "the"})


def _without_of(words: tuple[str, ...]) -> tuple[str, ...]:
    """A formal name without its "of": Russian and Persian say "Republic of Belarus" in the
    genitive (Республики Беларусь, "Respubliki Belarus"), read word by word as "republic
    belarus". The name itself when it has no "of" between two words."""
    kept = tuple(w for w in words if w not in _OF)
    inside = words[0] not in _OF and words[-1] not in _OF  # not CLDR's "Iran, Islamic Republic of"
    return kept if inside and 2 <= len(kept) < len(words) else words
