"""Listed people named "servant of" a name of God are found however the name is romanised:
"Abdul Majid", "Abd al-Majid", "Abdel Majid", "Abd-al-Majid", "Abdulmajid"."""

from __future__ import annotations

import random
import re

from earmark.regdata import load_regdata
from earmark.screening import Screener

# Abd, Abdul, Abdel, ... with the article or not, then the name (not Allah: Abdullah is one)
_SERVANT = re.compile(
    r"\b(Abd(?:ul|el|al|ol)?)[- ]?(?:al-|el-|ul-|al |el )?"
    r"(?!Allah|Alla\b|Ullah|Lah|Llah)([A-Z][a-z]{3,})"
)
_STYLES = ("Abdul {}", "Abd al-{}", "Abdel {}", "Abd-al-{}", "Abdul{}")
SAMPLE = 200


def _sample() -> list[tuple[str, str, str]]:
    rnd = random.Random(20261208)
    found = []
    for listing in load_regdata().lists.as_of():
        entry = listing.entry
        if entry.type == "individual":
            found += [(entry.id, n) for n in entry.names if _SERVANT.search(n)]
    rnd.shuffle(found)
    out = []
    for entry_id, name in found[:SAMPLE]:
        style = rnd.choice(_STYLES)
        part = _SERVANT.search(name)
        assert part is not None
        written = style.format(part.group(2).lower() if style.endswith("l{}") else part.group(2))
        out.append((entry_id, name, name[: part.start()] + written + name[part.end() :]))
    return out


def test_a_servant_of_name_romanised_otherwise_finds_its_entry_first(screener: Screener) -> None:
    missed = []
    for entry_id, listed, query in _sample():
        matches = screener.screen(query, limit=10).matches
        top = matches[0].score if matches else 0.0
        if not any(m.entry.id == entry_id and m.score == top for m in matches):
            missed.append((query, listed))
    assert missed == []
