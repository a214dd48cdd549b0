"""A listing that describes the body after its name ("Ministry of Defence of the Russian
Federation, including the Armed Forces of Russia and all operating units ...") is found by
the name alone, in English and in Russian; an abbreviation in the description names someone
else."""

from __future__ import annotations

import pytest

from earmark.names.variants import contained_names
from earmark.screening import Screener

RUSSIAN_MOD = "Ministry of Defence of the Russian Federation, including the Armed Forces"


@pytest.mark.parametrize(
    "query",
    [
        "Ministry of Defence of the Russian Federation",
        "Russian Ministry of Defense",
        "Министерство обороны Российской Федерации",
        "Минобороны России",
    ],
)
def test_the_russian_ministry_of_defence_is_found_by_its_name(
    screener: Screener, query: str
) -> None:
    best = screener.screen(query).matches[0]
    assert best.entry.name.startswith(RUSSIAN_MOD)
    assert best.entry.list == "EL"


def test_a_description_after_a_comma_is_not_the_name() -> None:
    assert contained_names("Pakistan Atomic Energy Commission (PAEC), and subordinate entity X")[
        :1
    ] == ["Pakistan Atomic Energy Commission (PAEC)"]


def test_an_abbreviation_of_words_in_running_text_is_not_the_partys_name(
    screener: Screener,
) -> None:
    listed = (
        "Department of Atomic Energy facilities: Nuclear reactors (including power plants) "
        "not under International Atomic Energy Agency (IAEA) safeguards"
    )
    assert "IAEA" not in contained_names(listed)
    assert "PAEC" in contained_names("Pakistan Atomic Energy Commission (PAEC)")
    assert "FACRI" in contained_names("AVIC Flight Automatic Control Research Institute (FACRI)")
    assert not screener.screen("IAEA").matches


def test_and_any_successor_is_not_part_of_the_name(screener: Screener) -> None:
    listed = "Wisdom Import and Export (Shanghai) Co., Ltd. and any successor, sub-unit"
    assert contained_names(listed)[:1] == ["Wisdom Import and Export (Shanghai) Co., Ltd"]
    assert screener.screen("Wisdom Import and Export (Shanghai) Co., Ltd.").matches[0].score == 1


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Cocina de Tijuana", "COCINA DE TIJUANA, S. DE R.L. DE C.V."),
        ("Alondra Produce", "ALONDRA PRODUCE, S.P.R. DE R.I."),
        ("High Nutrition", "HIGH NUTRITION SOCIEDAD DE RESPONSABILIDAD LIMITADA"),
    ],
)
def test_mexican_legal_forms_are_legal_forms(screener: Screener, query: str, listed: str) -> None:
    best = screener.screen(query).matches[0]
    assert best.entry.name == listed
    assert best.score >= 0.95
