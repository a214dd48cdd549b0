"""A listed name written as an order or a customer master writes it (with the address after
it, "M/s" or "c/o" before it, a trade name or a branch) finds what the name alone finds."""

from __future__ import annotations

import random

import pytest

from earmark.regdata import load_regdata
from earmark.screening import Screener

RECORDS = {
    "address": "{}, 12 Main Road, Dubai, UAE",
    "messrs": "M/s {}",
    "care of": "c/o {}",
    "trades as": "{} d/b/a Bright Star Trading",
    "branch": "{} - Dubai Branch",
    "beneficiary": "Beneficiary: {}, Ferdowsi Ave, Tehran",
    "consignee and city": "Ultimate consignee: {}, Shenzhen",
    "remit to an account": "Remit to {} Account 40702810",
}


def _sample(n: int = 120) -> list[str]:
    entries = [lst.entry for lst in load_regdata().lists.as_of(None)]
    names = sorted({e.name for e in entries if e.type != "individual" and len(e.name) < 80})
    return random.Random(20261203).sample(names, n)


@pytest.mark.parametrize("record", sorted(RECORDS))
def test_a_listed_name_in_a_record_finds_its_entry(screener: Screener, record: str) -> None:
    missed = []
    for name in _sample():
        alone = screener.screen(name).matches
        if not alone:
            continue
        written = RECORDS[record].format(name)
        found = screener.screen(written).matches
        # an entry tied first with the name alone will do: at a tie the name listed as the
        # query writes it comes first, and the record writes more than the name
        first = {m.entry.name for m in alone if m.score == alone[0].score}
        if not found or found[0].entry.name not in first or found[0].score < 0.9:
            missed.append((written, found[0].entry.name if found else None))
    assert missed == []


def test_the_address_is_not_read_as_part_of_the_name(screener: Screener) -> None:
    match = screener.screen("MATEAS LIMITED, 12 Main Road, Dubai, UAE").matches[0]
    assert match.matched_name.upper() == "MATEAS LIMITED"
    assert match.via == "part of the query: MATEAS LIMITED"


@pytest.mark.parametrize(
    ("query", "listed"),
    [("Attn: Sales Dept., SMIC, 18 Zhangjiang Road, Shanghai", "Semiconductor Manufacturing"),
     ("Consignee: Aviation Industry Corporation of China (AVIC), Beijing",
      "AVIATION INDUSTRY CORPORATION OF CHINA")],
)  # fmt: skip
def test_a_firm_among_the_fields_before_an_address_is_found(
    screener: Screener, query: str, listed: str
) -> None:
    top = screener.screen(query).matches
    assert top and top[0].entry.name.startswith(listed), top[:1]
