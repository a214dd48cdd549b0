"""Honorifics before a person's name ("Sayyid", "Haji", "Dr", سید) are neither evidence for
a match nor against one, and stay words where they name a firm."""

from __future__ import annotations

import pytest

from earmark.names import Kind, analyze
from earmark.screening import Screener


def test_a_title_before_a_persons_name_is_a_title() -> None:
    kinds = [(t.text, t.kind) for t in analyze("Seyed Ali Khamenei").tokens]
    assert kinds[0] == ("seyed", Kind.TITLE)
    persian = analyze("سید علی خامنه\u200cای").tokens
    assert persian[0].kind is Kind.TITLE


@pytest.mark.parametrize("firm", ["Sayyed Brothers Engineering Co.", "MRS GmbH", "Haji"])
def test_a_title_that_names_a_firm_or_stands_alone_is_a_word(firm: str) -> None:
    assert all(t.kind is not Kind.TITLE for t in analyze(firm).tokens)


def test_a_title_the_list_does_not_write_costs_nothing(screener: Screener) -> None:
    plain = screener.match("Ali Khamenei", "KHAMENEI, Ali Husseini").score
    titled = screener.match("Seyed Ali Khamenei", "KHAMENEI, Ali Husseini").score
    assert titled == pytest.approx(plain, abs=0.005)
    assert screener.screen("Seyed Ali Khamenei").matches[0].entry.name == "KHAMENEI, Ali Husseini"


def test_a_title_does_not_stand_in_for_a_word_of_the_name(screener: Screener) -> None:
    # "Sheikh" is not the "Shah" of SHAH, Mullah Mohammed
    names = [m.matched_name for m in screener.screen("Sheikh Mohammed").matches]
    assert "SHAH, Mullah Mohammed" not in names


def test_a_persian_name_with_zhe_finds_its_latin_spelling(screener: Screener) -> None:
    # اژه‌ای is "Ejei" as the list writes it (ژ: zh or j)
    top = screener.screen("غلامحسین محسنی اژه\u200cای").matches[0]
    assert top.entry.name.startswith("MOHSENI-EJEI")


def test_a_title_after_the_arabic_article_is_a_familys_name() -> None:
    # "Al al-Sheikh" (آل الشيخ) and "El-Sayed" are family names
    assert all(t.kind is not Kind.TITLE for t in analyze("فداء آل الشيخ").tokens)
    assert all(t.kind is not Kind.TITLE for t in analyze("Mohamed El-Sayed").tokens)
