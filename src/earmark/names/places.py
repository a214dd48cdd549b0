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

    @property
    def longest(self) -> int:
        return max(self.starts.values(), default=1)


@lru_cache(maxsize=1)
def places() -> PlaceTable:
    with DATA.open(encoding="utf-8") as fh:
        spellings: dict[str, str] = json.load(fh)["spellings"]
    phrases: dict[tuple[str, ...], str] = {}
    starts: dict[str, int] = {}
    for spelling, token in spellings.items():
        words = tuple(spelling.split())
        if not words or words == (token,):
            continue
        phrases[words] = token
        starts[words[0]] = max(starts.get(words[0], 0), len(words))
    return PlaceTable(phrases, starts, frozenset(spellings.values()))
