"""Addresses listed on their own: the Entity List's high-diversion-risk addresses ("Address 01"
... in Hong Kong, listed since 2024 for items on the CCL and in Supp. No. 7 to Part 746).

Such an entry has no name to match; the party's address is what matches it. Two addresses
match when the words of the listed one are nearly all in the party's (token-set similarity of
the folded texts at least ``MATCH``) and every number of the listed address (unit, floor,
street number) is in the party's: "Unit 04, 7/F" is not "Unit 05, 7/F".
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from rapidfuzz import fuzz

from earmark.names.normalize import fold
from earmark.regdata import RegData
from earmark.regdata.model import ListEntry

MATCH = 0.9
_ADDRESS_ONLY = re.compile(r"^address\s*\d+$", re.I)
_NUMBER = re.compile(r"\d+")
_STOP = {"hong", "kong", "china", "kowloon", "road", "rd", "street", "st", "no"}


@dataclass(frozen=True, slots=True)
class AddressMatch:
    entry: ListEntry
    listed_address: str
    score: float


def is_address_entry(entry: ListEntry) -> bool:
    return bool(_ADDRESS_ONLY.match(entry.name.strip()))


class AddressIndex:
    """Every address-only entry ever listed, matched against a party's address on a date."""

    def __init__(self, regdata: RegData, entries: Iterable[ListEntry]) -> None:
        self.regdata = regdata
        self.entries = [e for e in entries if is_address_entry(e)]

    def match(self, address: str, on: date | None) -> list[AddressMatch]:
        asked = _words(address)
        numbers = set(_NUMBER.findall(asked))
        out = []
        store = self.regdata.lists
        for entry in self.entries:
            history = store.histories.get(entry.id)
            if on is not None and history is not None and not history.listed_on(on):
                continue
            for listed in entry.addresses:
                text = _words(listed.text)
                if not set(_NUMBER.findall(text)) <= numbers:
                    continue
                score = fuzz.token_set_ratio(text, asked) / 100
                if score >= MATCH:
                    current = store.listing(entry.id, on) if on is not None else None
                    out.append(
                        AddressMatch(current.entry if current else entry, listed.text, score)
                    )
                    break
        return sorted(out, key=lambda m: -m.score)


def _words(text: str) -> str:
    folded = fold(text)
    folded = re.sub(r"(\d+)\s*/\s*f\b", r"\1 floor", folded)
    return " ".join(w for w in re.split(r"[^\w]+", folded) if w and w not in _STOP)
