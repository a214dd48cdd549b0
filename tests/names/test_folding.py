"""How a name's text is cleaned and folded before its words are read."""

from __future__ import annotations

from earmark.names.normalize import clean_input, fold


def test_a_legal_form_written_on_the_next_word_is_parted_from_it() -> None:
    assert fold("Hikvision Digital Technology Co.Ltd") == "hikvision digital technology co ltd"
    assert fold("K.ARMA") == "karma"  # letters joined by a dot stay one word


def test_a_name_pasted_from_a_web_page_has_its_entities_read() -> None:
    assert clean_input("Smith &amp; Sons") == "Smith & Sons"
    assert clean_input("AT&T; Inc") == "AT&T; Inc"  # no entity: as written
