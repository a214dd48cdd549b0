"""Legal forms of many countries read as one canonical token each: the same form written in
two countries' ways is the same form, and no form weighs as a name."""

from __future__ import annotations

import pytest

from earmark.names import Kind, analyze
from earmark.names.vocabulary import everyday_words, legal_fold, vocabulary


@pytest.mark.parametrize(
    ("name", "form"),
    [
        ("Kronos EOOD", "llc"),  # Bulgaria
        ("Metalac d.o.o.", "llc"),  # the former Yugoslavia
        ("Polmax Sp. z o.o.", "llc"),  # Poland
        ("Petrol AD", "jsc"),  # Bulgaria, Serbia
        ("Conviasa C.A.", "sa"),  # Venezuela
        ("Telkom Indonesia Tbk", "ltd"),  # Indonesia
        ("Cocina de Tijuana S. de R.L. de C.V.", "srl"),  # Mexico
        ("Alondra Produce S.P.R. de R.I.", "spr"),
        ("Al-Aqsa e.V.", "ev"),  # a German association
    ],
)
def test_a_national_legal_form_is_read_as_its_canonical_token(name: str, form: str) -> None:
    legal = [t.text for t in analyze(name).scoring_tokens if t.kind is Kind.LEGAL]
    assert legal == [form]


def test_one_form_written_two_ways_is_one_token() -> None:
    def legal(name: str) -> list[str]:
        return [t.text for t in analyze(name).scoring_tokens if t.kind is Kind.LEGAL]

    assert legal("TOV Kvant") == legal("Kvant LLC") == legal("Kvant OOD") == ["llc"]


def test_no_everyday_word_folds_onto_a_legal_form() -> None:
    # the romanisation fold is for the long words of Russian forms: "Pratt" is not PrAT
    v = vocabulary()
    folded = [
        w
        for w in everyday_words()
        if (w,) not in v.legal_phrases and (legal_fold(w),) in v.legal_folded
    ]
    assert folded == []
    assert [t.kind for t in analyze("Chloe Pratt").scoring_tokens] == [Kind.WORD, Kind.WORD]


@pytest.mark.parametrize("name", ["OU, Xiaoming", "Pat Smith", "Chloe Pratt"])
def test_a_name_that_spells_a_foreign_legal_form_is_a_name(name: str) -> None:
    assert all(t.kind is not Kind.LEGAL for t in analyze(name).scoring_tokens)
