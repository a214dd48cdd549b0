"""`earmark check` finds HiSilicon under its listed name (the FDP case of 2022)."""

from __future__ import annotations

from earmark.rules import Engine


def test_a_foreign_chip_to_hisilicon_as_listed_needs_a_license() -> None:
    decision = Engine().check(
        {
            "date": "2022-06-01",
            "activity": "reexport",
            "from_country": "TW",
            "destination": "CN",
            "item": {"eccn": "5A992.c", "origin": "foreign", "value": 50.0, "us_content": [],
                     "plant_direct_product_of": ["3E001"], "telecom_generation": "5G"},
            "parties": [{"role": "purchaser", "name": "HiSilicon Technologies Co., Ltd (HiSilicon)",
                         "country": "CN"}],
        }
    )  # fmt: skip
    assert decision.subject_to_ear is True and decision.license_required is True
    assert any(m["applied"] and "HiSilicon" in m["listed_name"] for m in decision.matched_parties)
