"""Retrieval keeps every record the scorer would pass: a match at or above the threshold is
found at that threshold, not only when a lower threshold widens the candidates."""

from __future__ import annotations

import csv
from pathlib import Path

from earmark.screening import Screener

DEV = Path(__file__).resolve().parents[1] / "data" / "screening"


def _missed_at(screener: Screener, query: str, threshold: float) -> set[str]:
    wide = screener.screen(query, threshold=0.5, limit=50).matches
    narrow = screener.screen(query, threshold=threshold, limit=50).matches
    return {m.entry.id for m in wide if m.score >= threshold} - {m.entry.id for m in narrow}


def test_a_plural_finds_the_four_letter_listed_word(screener: Screener) -> None:
    # "wings" is one letter from WING: the typo the scorer allows, which retrieval must find
    top = screener.screen("أجنحة الشام للطيران").matches  # Cham Wings Airlines, in Arabic
    assert top and top[0].entry.name == "CHAM WINGS AIRLINES", top[:1]


def test_a_listed_name_inside_a_longer_query_is_found_without_its_legal_form(
    screener: Screener,
) -> None:
    # "Huawei Technologies Co., Ltd." lies inside the query but for its legal form
    names = {
        m.entry.name for m in screener.screen("Huawei Technologies Paraguay S.A. Dubai").matches
    }
    assert {"Huawei Technologies Paraguay S.A.", "Huawei Technologies Co., Ltd."} <= names


def test_raising_the_threshold_loses_almost_no_match_above_it(screener: Screener) -> None:
    with (DEV / "positives_dev.csv").open(encoding="utf-8") as fh:
        queries = [row["query"] for row in csv.DictReader(fh)]
    lost = [q for q in queries if _missed_at(screener, q, 0.8)]
    # The few left: a record past the candidate cap (MAX_CANDIDATES records), or one the
    # scorer pairs by a looser word likeness than retrieval looks for.
    assert len(lost) <= len(queries) // 100, lost
