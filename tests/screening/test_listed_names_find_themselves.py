"""Every listed name and alias, screened exactly as written, finds its own entry first.

A listed spelling once found nothing ("HiSilicon Technologies Co., Ltd (HiSilicon)", repeated
words such as "BARRERA BARRERA, Daniel"), so a shipment to the party came out "no license".
The property runs over a fixed sample of 5,000 names and aliases of the bundled lists;
``bench/as_written.py`` runs it over all of them.
"""

from __future__ import annotations

import random

import pytest

from earmark.names import analyze
from earmark.screening import Screener

SAMPLE = 5000
SEED = 20261201


def test_every_sampled_listed_name_finds_its_own_entry_first(screener: Screener) -> None:
    index = screener.current_index()
    pairs = [(name, e.id) for e in index.entries for name in dict.fromkeys(e.names)]
    sample = random.Random(SEED).sample(pairs, SAMPLE)
    failures = []
    for name, entry_id in sample:
        matches = screener.screen(name, limit=10).matches
        own = next((m for m in matches if m.entry.id == entry_id), None)
        if own is None or own.score < 0.99 or matches[0].score > own.score:
            failures.append((name, entry_id, [(m.entry.id, m.score) for m in matches[:2]]))
    assert not failures, f"{len(failures)} of {SAMPLE}: {failures[:5]}"


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        (
            "HiSilicon Technologies Co., Ltd (HiSilicon)",
            "HiSilicon Technologies Co., Ltd (HiSilicon)",
        ),
        ("BARRERA BARRERA, Daniel", "BARRERA BARRERA, Daniel"),
        ("OO, Tun Tun", "OO, Tun Tun"),
        (
            "BEIJING LUO LUO TECHNOLOGY DEVELOPMENT CO LTD",
            "BEIJING LUO LUO TECHNOLOGY DEVELOPMENT CO LTD",
        ),
        ("Rosoboronexport OJSC (ROE)", "Rosoboronexport OJSC (ROE)"),
    ],
)  # fmt: skip
def test_a_listed_name_with_repeats_or_brackets_scores_one(
    screener: Screener, query: str, listed: str
) -> None:
    top = screener.screen(query).matches[0]
    assert top.score == 1.0
    assert analyze(top.matched_name).normalized == analyze(listed).normalized


def test_identical_normalised_names_score_one_and_others_at_most_099(screener: Screener) -> None:
    assert screener.match("Huawei Device Co., Ltd.", "HUAWEI DEVICE CO LTD").score == 1.0
    assert screener.match("Huawei Device Co., Ltd.", "Huawei Devices Co., Ltd.").score <= 0.99


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # a short name or abbreviation in brackets after the name
        ("BANK MELLI IRAN (BMI)", "BANK MELLI IRAN"),
        ("Huawei (Huawei)", "huawei"),
        # the listed name inside a longer query: with its address, with a note
        ("Hangzhou Hikvision Digital Technology Co., Ltd., No. 555 Qianmo Road, Binjiang District",
         "Hangzhou Hikvision Digital Technology Co., Ltd."),
        ("attn: procurement - Megvii Technology", "Megvii Technology"),
        # an affiliate's own name, which the Entity List writes after its parent's
        ("Beijing Huawei Longshine Information Technology Co., Ltd.",
         "Beijing Huawei Longshine Information Technology"),
        # a name inside an "aka" list
        ("Tiger Force Electronics", "Tiger Force Electronics"),
    ],
)  # fmt: skip
def test_nothing_around_a_listed_name_hides_it(
    screener: Screener, query: str, expected: str
) -> None:
    matches = screener.screen(query).matches
    assert matches, query
    assert expected.casefold() in (matches[0].entry.name + " " + matches[0].matched_name).casefold()


def test_a_part_of_the_query_that_reads_as_the_query_is_not_screened_again(
    screener: Screener,
) -> None:
    # "Huawei Technologies Co., Ltd." holds itself without the trailing dot: screening it
    # again would double the cost of most company names and could not change the answer.
    index = screener.current_index()
    ways = screener._queries(analyze("Huawei Technologies Co., Ltd."), index)
    assert [via for _, via in ways] == [None]
    held = screener._queries(analyze("Rosoboronexport OJSC (ROE)"), index)
    assert [a.normalized for a, _ in held][1:] and all(via for _, via in held[1:])
    assert len({a.normalized for a, _ in held}) == len(held)
