"""Footnote markers of Supplement No. 4 to Part 744 (the Entity List).

The eCFR prints them as superscripts; every text export flattens them into bare digits glued to
the license-requirement text: "see §§ 734.9(e)1 and 744.11 of the EAR2", "(e) 1", "(g),3 746.8",
"of the EAR)4", "of the EAR) 4". A marker is a single digit that follows a closing parenthesis
or the word "EAR" (with at most a comma or a space between), and is not the start of a section
number or a paragraph.

Footnote 1 ties the entry to the Entity List foreign direct product rule (15 CFR 734.9(e)(1),
before 2022-02-03 15 CFR 736.2(b)(3)(vi)); footnote 3 to the Russia/Belarus military end user
FDP rule (734.9(g)); footnote 4 to 734.9(e)(2); footnote 5 to 734.9(e)(3).
"""

from __future__ import annotations

import re

# Not followed by a digit ("EAR99", "734.9"), an opening parenthesis or ".<digit>".
_MARKER = re.compile(r"(?:\)|\bEAR\)?)\s?,?\s?([1-9])(?!\d|\(|\.\d)")


def parse_footnotes(text: str | None) -> tuple[int, ...]:
    """The footnote numbers in ``text``, sorted and without repeats."""
    if not text:
        return ()
    return tuple(sorted({int(m.group(1)) for m in _MARKER.finditer(text)}))


def strip_footnotes(text: str) -> str:
    """The text without its footnote markers, for display next to the parsed numbers."""
    out = text
    for match in reversed(list(_MARKER.finditer(text))):
        out = out[: match.start(1)] + out[match.end(1) :]
    return re.sub(r"  +", " ", out).strip()
