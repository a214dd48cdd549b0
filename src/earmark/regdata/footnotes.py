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

# The footnotes Supplement No. 4 to Part 744 uses, and the rule each ties an entry to.
FOOTNOTES = {
    1: "Entity List FDP rule, 734.9(e)(1)",
    2: "the Huawei entries' note on 744.11(a)(2) license requirements",
    3: "Russia/Belarus military end user FDP rule, 734.9(g)",
    4: "Entity List FDP rule, 734.9(e)(2)",
    5: "Entity List FDP rule, 734.9(e)(3)",
}

# Not followed by a digit ("EAR99", "734.9"), an opening parenthesis or ".<digit>".
_MARKER = re.compile(r"(?:\)|\bEAR\)?)\s?,?\s?([1-9])(?!\d|\(|\.\d)")


def parse_footnotes(text: str | None) -> tuple[int, ...]:
    """The footnote numbers in ``text``, sorted and without repeats."""
    if not text:
        return ()
    return tuple(sorted({int(m.group(1)) for m in _MARKER.finditer(text)}))


# Where a text cites the rule a footnote stands for but prints no marker digit: the 2020-2022
# Huawei entries cite "§ 736.2(b)(3)(vi)", the home of the footnote 1 rule until 87 FR 6022
# moved it to § 734.9(e)(1); a few later entries cite § 734.9(g) or (e)(2) without the digit.
_FOOTNOTE_RULES: tuple[tuple[re.Pattern[str], int], ...] = (
    (re.compile(r"736\.2\s*\(b\)\s*\(3\)\s*\(vi\)"), 1),
    (re.compile(r"734\.9\s*\(e\)\s*\(1\)"), 1),
    (re.compile(r"734\.9\s*\(g\)"), 3),
    (re.compile(r"734\.9\s*\(e\)\s*\(2\)"), 4),
    (re.compile(r"734\.9\s*\(e\)\s*\(3\)"), 5),
)


def infer_footnotes(text: str | None) -> tuple[int, ...]:
    """Footnotes implied by the FDP rule sections a text cites, for texts without markers."""
    if not text:
        return ()
    return tuple(sorted({n for pattern, n in _FOOTNOTE_RULES if pattern.search(text)}))


def strip_footnotes(text: str) -> str:
    """The text without its footnote markers, for display next to the parsed numbers."""
    out = text
    for match in reversed(list(_MARKER.finditer(text))):
        out = out[: match.start(1)] + out[match.end(1) :]
    return re.sub(r"  +", " ", out).strip()
