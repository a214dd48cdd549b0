"""Russian names as German and French write them, and without the patronymic the lists
write: the same person."""

from __future__ import annotations

import pytest

from earmark.names.analyze import Kind, analyze
from earmark.names.normalize import phonetic, phonetic_forms
from earmark.screening import Screener


@pytest.mark.parametrize(
    ("theirs", "listed"),
    [
        ("setschin", "sechin"),  # German tsch
        ("prigoschin", "prigoshin"),  # German sch
        ("yevgueni", "yevgeniy"),  # French gue
        ("prigojine", "prigozhin"),  # French j and a final -ine
        ("poutine", "putin"),
        ("sergej", "sergey"),  # a final j after a vowel: German, Czech, Polish
        ("dmitrij", "dmitriy"),
        ("nikolaj", "nikolai"),
    ],
)
def test_german_and_french_spellings_fold_as_english_ones(theirs: str, listed: str) -> None:
    assert phonetic(theirs) == phonetic(listed)


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Igor Setschin", "SECHIN, Igor Ivanovich"),
        ("Yevgueni Prigojine", "PRIGOZHIN, Yevgeniy Viktorovich"),
        ("Vladimir Poutine", "PUTIN, Vladimir Vladimirovich"),
        ("Dmitrij Peskow", "PESKOV, Dmitriy Sergeevich"),
        ("Sergueï Choïgou", "SHOIGU, Sergei Kuzhugetovich"),  # French ch and ou
    ],
)
def test_a_russian_name_spelt_in_another_language_finds_the_person(query: str, listed: str) -> None:
    assert Screener().screen(query).matches[0].entry.name == listed


def test_a_patronymic_left_out_costs_less_than_another_word() -> None:
    screener = Screener()
    without = screener.match("Alexander Lukashenko", "LUKASHENKO, Alexander Grigorievich").score
    other = screener.match("Alexander Lukashenko", "LUKASHENKO, Alexander Grigoriev").score
    assert without > other


def test_a_german_sch_is_also_read_as_the_zh_it_writes() -> None:
    assert phonetic("prigozhin") in phonetic_forms("prigoschin")  # Пригожин
    assert phonetic_forms("setschin") == (phonetic("sechin"),)  # tsch is only ch
    assert Screener().screen("Jewgeni Prigoschin").matches[0].entry.name == (
        "PRIGOZHIN, Yevgeniy Viktorovich"
    )


def test_a_middle_name_left_out_costs_less_than_another_word() -> None:
    from earmark.screening.scorer import MIDDLE_NAME_LEFT, left_shares

    # "KHAMENEI, Ali Husseini": Husseini is a given name after the first
    assert left_shares(("khamenei", "ali", "husseini"), "KHAMENEI, Ali Husseini", True) == (
        1.0,
        1.0,
        MIDDLE_NAME_LEFT,
    )
    # not for a firm, nor for a name without the comma that tells the surname
    assert left_shares(("acme", "ali", "husseini"), "ACME, Ali Husseini", False) == (1.0,) * 3
    top = Screener().screen("Ali Khamenei").matches[0]
    assert top.entry.name == "KHAMENEI, Ali Husseini" and top.score >= 0.85, top


@pytest.mark.parametrize(
    "written",
    [
        "Obshchestvo S Ogranichennoi Otvetstvennostyu",
        "Obschestvo S Ogranichennoj Otvetstvennostju",  # as SDN-44160 writes it
        "OBSHESTVO S OGRANICHENNOY OTVETSTVENNOSTIU",
    ],
)
def test_a_russian_legal_form_romanised_any_way_is_the_legal_form(written: str) -> None:
    tokens = analyze(f"{written} Nipigaz", "name").scoring_tokens
    assert [(t.text, t.kind) for t in tokens] == [("llc", Kind.LEGAL), ("nipigaz", Kind.WORD)]


def test_a_listed_name_with_its_legal_form_romanised_otherwise_matches_the_form() -> None:
    # The Entity List writes "Aktcionernoe Obshestvo": the query's "JSC" is that legal form.
    best = Screener().screen("Sredne-Nevsky Sudostroyelny Plant JSC").matches[0]
    assert best.matched_name == "Aktcionernoe Obshestvo “Sredne-Nevsky Sudostroyelny Plant”"
    assert best.score >= 0.99


def test_a_french_ch_beside_an_ou_is_also_sh() -> None:
    assert "lukashenko" in phonetic_forms("loukachenko")
    assert phonetic_forms("chen") == ("chen",)  # an English ch stays ч
