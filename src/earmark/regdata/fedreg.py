"""Federal Register citations: parsing, and dates derived from them.

The lists write citations in many ways: "84 FR 22963", "58 F.R. 42719 8/11/93",
"85 FR 51603, 8/20/20", "46 F.R. 46154 9/17/81 and 46 F.R. 19290 3/30/81", "61.F.R. 12802",
"78 FR 3319 (1/16/2013)", "Vol. 87, No. 123, 06/28/2022" (no page). Each becomes a
:class:`Citation`. A volume of the Federal Register is one calendar year (volume 1 is 1936), and
pages grow through the year, so a citation alone dates its document to within a few days: see
:class:`PageDates`.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from datetime import date

FIRST_VOLUME_YEAR = 1935  # volume N is the year 1935 + N (84 FR is 2019)

_DATE = r"\(?\s*(\d{1,2})/(\d{1,2})/(\d{2,4})\s*\)?"
_CITE = re.compile(
    rf"(\d{{1,3}})\s*\.?\s*(?:F\.?\s*R\.?|Fed\.?\s*Reg\.?)\s*(\d{{1,3}}(?:,\d{{3}})+|\d{{1,6}})"
    rf"(?:[\s,]*{_DATE})?",
    re.I,
)
_VOL_ISSUE = re.compile(rf"Vol\.?\s*(\d{{1,3}}),?\s*No\.?\s*(\d{{1,3}}),?\s*{_DATE}", re.I)


@dataclass(frozen=True, slots=True, order=True)
class Citation:
    volume: int
    page: int | None
    published: date | None = None
    issue: int | None = None  # for "Vol. 87, No. 123" citations that give no page

    def __str__(self) -> str:
        if self.page is None:
            return f"{self.volume} FR No. {self.issue}"
        return f"{self.volume} FR {self.page}"

    @property
    def year(self) -> int:
        return FIRST_VOLUME_YEAR + self.volume


def parse_citations(text: str | None) -> list[Citation]:
    """Every citation in ``text``, in the order written; dates kept where they are printed."""
    if not text:
        return []
    found: list[tuple[int, Citation]] = []
    for m in _CITE.finditer(text):
        volume, page = int(m.group(1)), int(m.group(2).replace(",", ""))
        found.append((m.start(), Citation(volume, page, _date(volume, *m.groups()[2:5]))))
    for m in _VOL_ISSUE.finditer(text):
        volume = int(m.group(1))
        published = _date(volume, m.group(3), m.group(4), m.group(5))
        found.append((m.start(), Citation(volume, None, published, int(m.group(2)))))
    return [c for _, c in sorted(found, key=lambda pair: pair[0])]


def first_citation(text: str) -> tuple[int, int] | None:
    """(volume, page) of the first paged citation in ``text``, or None."""
    paged = [c for c in parse_citations(text) if c.page is not None]
    return (paged[0].volume, paged[0].page or 0) if paged else None


def normalise_citations(text: str | None) -> tuple[str, ...]:
    """The citations of ``text`` as "84 FR 22963" strings, without repeats, in order."""
    return tuple(dict.fromkeys(str(c) for c in parse_citations(text)))


def earliest(citations: list[Citation]) -> Citation | None:
    """The oldest citation: on the Entity List the first one is the entry's addition."""
    paged = [c for c in citations if c.page is not None]
    return min(paged, key=lambda c: (c.volume, c.page or 0)) if paged else None


def _date(volume: int, month: str | None, day: str | None, year: str | None) -> date | None:
    if not (month and day and year):
        return None
    y = int(year)
    if y < 100:
        y += 1900 if y > FIRST_VOLUME_YEAR - 1900 else 2000
    try:
        published = date(y, int(month), int(day))
    except ValueError:
        return None
    # A date that contradicts the volume is a typo in the list; the volume is more reliable.
    return published if published.year == FIRST_VOLUME_YEAR + volume else None


class PageDates:
    """Publication dates of Federal Register pages, learned from dated citations.

    ``date_of(citation)`` gives the publication date of the nearest known page at or before the
    cited page in the same volume: the document cannot have been published earlier than that.
    Without a known page before it, 1 January of the volume's year. Dates from here are always
    approximate.
    """

    def __init__(self, known: list[Citation]) -> None:
        by_volume: dict[int, dict[int, date]] = {}
        for c in known:
            if c.page is not None and c.published is not None:
                pages = by_volume.setdefault(c.volume, {})
                # Keep the earliest date seen for a page: list typos tend to be later dates.
                pages[c.page] = min(c.published, pages.get(c.page, c.published))
        self._pages = {v: sorted(p.items()) for v, p in by_volume.items()}

    def __len__(self) -> int:
        return sum(len(p) for p in self._pages.values())

    def date_of(self, citation: Citation) -> date:
        if citation.published is not None:
            return citation.published
        pages = self._pages.get(citation.volume, [])
        if citation.page is not None and pages:
            i = bisect.bisect_right(pages, (citation.page, date.max)) - 1
            if i >= 0:
                return pages[i][1]
        return date(citation.year, 1, 1)
