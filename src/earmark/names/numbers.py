"""Numbers written as words or ordinals read as digits: "Forty-Four", "44th", "fourty four" and
"44" are one token "44"; "First" and "1st" are "1". Names of units, brigades and research
institutes are written both ways ("Brigade Forty-Four" / "Brigade 44", "14th Research
Institute" / "Fourteenth Research Institute")."""

from __future__ import annotations

import re

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
}  # fmt: skip
_ORDINAL_DIGITS = re.compile(r"^(\d+)(?:st|nd|rd|th)$")


def read_numbers(words: list[str]) -> list[tuple[str, tuple[str, ...]]]:
    """Each word with the other ways of writing it: "44th" and "forty four" (two words) are
    the one word "44"; a small number keeps its word and gains its digits as another form
    ("three" also reads "3", "3" also "three"; "second" and "2nd" also read "2"), so that
    "One Electronics" is not "First Electronics" but "Three Percenters" is "3 Percenters"."""
    out: list[tuple[str, tuple[str, ...]]] = []
    i = 0
    while i < len(words):
        w = words[i]
        nxt = words[i + 1] if i + 1 < len(words) else ""
        m = _ORDINAL_DIGITS.match(w)
        if w in _TENS and (
            (nxt in _UNITS and 0 < _UNITS[nxt] < 10) or (nxt in _ORDINALS and _ORDINALS[nxt] < 10)
        ):
            out.append((str(_TENS[w] + _UNITS.get(nxt, _ORDINALS.get(nxt, 0))), ()))
            i += 2
            continue
        if w in _TENS and nxt.isdigit() and len(nxt) == 1:  # "Forty 4"
            out.append((str(_TENS[w] + int(nxt)), ()))
            i += 2
            continue
        if m:
            value = int(m.group(1))
            word = _WORDS_OF.get(value)
            out.append((str(value), (word,) if word else ()))
        elif w in _TENS:
            out.append((str(_TENS[w]), (w,)))
        elif w in _UNITS:
            out.append((w, (str(_UNITS[w]),)))
        elif w in _ORDINALS:
            out.append((str(_ORDINALS[w]), (w,)) if w != "first" else (w, ("1",)))
        elif w.isdigit() and int(w) in _CARDINAL_OF:
            out.append((w, (_CARDINAL_OF[int(w)],)))
        else:
            out.append((w, ()))
        i += 1
    return out


_WORDS_OF = {v: k for k, v in _ORDINALS.items()}
_CARDINAL_OF = {v: k for k, v in _UNITS.items()}
