"""Listed Russian people written in Cyrillic find their entry.

The Cyrillic is made here from the list's Latin spelling by a table of the usual English
transliteration read backwards (shch -> щ, zh -> ж, kh -> х, ...): another method than the
engine's, which reads Cyrillic forwards (anyascii and its folds), so the test does not check
the engine against itself. "Sergey Chemezov" becomes "Сергей Чемезов"."""

from __future__ import annotations

import random
import re

from earmark.regdata import load_regdata
from earmark.screening import Screener

_DIGRAPHS = (
    ("shch", "щ"), ("zh", "ж"), ("kh", "х"), ("ts", "ц"), ("ch", "ч"), ("sh", "ш"), ("yu", "ю"),
    ("ya", "я"), ("yo", "ё"), ("iy", "ий"), ("yy", "ый"), ("ye", "е"), ("ey", "ей"),
    ("ay", "ай"), ("oy", "ой"),
)  # fmt: skip
_LETTERS = dict(
    a="а", b="б", v="в", g="г", d="д", e="е", z="з", i="и", y="ы", k="к", l="л", m="м", n="н",
    o="о", p="п", r="р", s="с", t="т", u="у", f="ф", h="х", c="к", j="й", w="в", x="кс",
)  # fmt: skip
_RUSSIAN_SURNAME = re.compile(r"(?:ov|ev|in|kiy|skiy|sky|enko|ova|eva|ina|aya)$", re.I)
SAMPLE = 200


def cyrillic(word: str) -> str:
    w, out, i = word.lower(), "", 0
    while i < len(w):
        for latin, cyr in _DIGRAPHS:
            if w.startswith(latin, i):
                out, i = out + cyr, i + len(latin)
                break
        else:
            initial_e = w[i] == "e" and (i == 0 or w[i - 1] in "aeiou")
            out, i = out + ("э" if initial_e else _LETTERS.get(w[i], w[i])), i + 1
    return out.capitalize()


def _people() -> list[tuple[str, str]]:
    found = []
    for listing in load_regdata().lists.as_of():
        e = listing.entry
        if e.type != "individual" or "RU" not in e.countries or e.name.count(",") != 1:
            continue
        surname, given = (part.strip() for part in e.name.split(","))
        if re.fullmatch(r"[A-Za-z \-]+", surname + given) and _RUSSIAN_SURNAME.search(surname):
            words = [cyrillic(w) for w in given.split()]
            found.append((e.id, " ".join([*words[:1], cyrillic(surname)])))
    random.Random(20261208).shuffle(found)
    return found[:SAMPLE]


def test_the_sample_is_the_size_asked_for() -> None:
    assert len(_people()) == SAMPLE
    assert cyrillic("Chemezov") == "Чемезов" and cyrillic("Sergey") == "Сергей"


def test_a_listed_russian_written_in_cyrillic_finds_the_entry() -> None:
    # found at the default threshold (a namesake may rank first: the same name, two entries)
    screener = Screener()
    missed = [
        (entry_id, query)
        for entry_id, query in _people()
        if not any(m.entry.id == entry_id for m in screener.screen(query).matches)
    ]
    assert missed == []
