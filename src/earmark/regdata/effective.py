"""The date an Entity List (or other BIS list) entry took effect.

The CSL ``start_date`` is the Federal Register *publication* date, but a listing can take effect
earlier: Huawei was listed effective 2019-05-16 and published 2019-05-21; the August 2019
affiliates effective 2019-08-19, published 2019-08-21. So (issue 2):

1. the timeline's effective date wins, when the entry's first citation falls inside a dated
   regulatory action of ``timeline.toml`` (an action whose date is only background knowledge,
   verified "K", does not outrank a published start_date);
2. then the CSL ``start_date``, unless it is of another year than the first citation: the CSL
   then gives the date of a later revision of the entry, not of its listing;
3. then a date printed beside the first citation in a list ("85 FR 51603, 8/20/20"), only when
   that citation is one of the entry's own;
4. then a date derived from the citation's volume and page (marked approximate).
"""

from __future__ import annotations

from datetime import date

from earmark.regdata.fedreg import Citation, PageDates, earliest, parse_citations
from earmark.regdata.model import DateBasis, EffectiveDate
from earmark.regdata.timeline import Timeline


def effective_date(
    citations: tuple[str, ...],
    *,
    timeline: Timeline,
    start_date: date | None = None,
    dated: list[Citation] | None = None,
    pages: PageDates | None = None,
) -> EffectiveDate | None:
    first = earliest([c for text in citations for c in parse_citations(text)])
    if start_date is not None and first is not None and start_date.year != first.year:
        start_date = None  # a revision's publication date, not the listing's
    if first is not None:
        event = timeline.event_for_citation(str(first))
        if event is not None and (event.verified == "V" or start_date is None):
            return EffectiveDate(
                event.effective_from, DateBasis.TIMELINE, citation=str(first), event=event.id
            )
    if start_date is not None:
        return EffectiveDate(start_date, DateBasis.START_DATE, citation=_str(first))
    own = {(c.volume, c.page) for text in citations for c in parse_citations(text)}
    printed = earliest(
        [c for c in dated or [] if c.published is not None and (c.volume, c.page) in own]
    )
    if printed is not None and printed.published is not None:
        return EffectiveDate(printed.published, DateBasis.FEDERAL_REGISTER, citation=str(printed))
    if first is not None and pages is not None:
        return EffectiveDate(
            pages.date_of(first),
            DateBasis.FEDERAL_REGISTER_APPROX,
            approximate=True,
            citation=str(first),
        )
    return None


def _str(citation: Citation | None) -> str | None:
    return str(citation) if citation else None
