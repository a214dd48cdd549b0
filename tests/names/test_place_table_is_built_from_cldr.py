"""The place-name table is what scripts/build_place_names.py makes from CLDR, byte for byte,
and every spelling in it is folded as names are."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from earmark.names import analyze
from earmark.names.normalize import fold
from tests.conftest import REPO

TABLE = REPO / "src" / "earmark" / "names" / "data" / "place_names.json"


def test_the_committed_table_is_the_build_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("babel")
    spec = importlib.util.spec_from_file_location("bpn", REPO / "scripts" / "build_place_names.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    monkeypatch.setattr(module, "OUT", tmp_path / "place_names.json")
    module.main()
    assert (tmp_path / "place_names.json").read_text() == TABLE.read_text()


def test_every_spelling_is_folded_and_has_provenance() -> None:
    table = json.loads(TABLE.read_text())
    assert table["_meta"]["cldr"] != "unknown" and table["_meta"]["babel"]
    for spelling in table["spellings"]:
        assert fold(spelling) == spelling, spelling


def test_a_formal_name_said_without_its_of_is_the_same_place() -> None:
    # Республики Беларусь, "Respubliki Belarus": the genitive, read word by word
    assert [t.text for t in analyze("Министерство обороны Республики Беларусь").scoring_tokens] == [
        "ministry",
        "defense",
        "belarus",
    ]
    assert analyze("Republic Belarus").normalized == analyze("Republic of Belarus").normalized
    # "Republic China" ends "Peoples Republic China": not read as Taiwan on its own; and
    # CLDR's inverted "Iran, Islamic Republic of" gives no "Iran Islamic Republic"
    assert analyze("Republic China").normalized != analyze("Taiwan").normalized
    assert analyze("Iran Islamic Republic Broadcasting").normalized.startswith("iran islamic")


@pytest.mark.parametrize(
    ("name", "country"),
    [
        ("Bank Melli IR", "iran"),
        ("SMIC CN Corporation", "china"),
        ("Huawei Technologies DE GmbH", "germany"),
    ],
)
def test_a_country_code_ending_a_firms_name_is_the_country(name: str, country: str) -> None:
    assert country in [t.text for t in analyze(name).scoring_tokens]


@pytest.mark.parametrize(
    "name", ["Li Na", "Wang Li", "Gazprom RU", "LIMITED LIABILITY COMPANY MODERN MA"]
)
def test_two_letters_ending_a_persons_or_a_bare_name_stay_letters(name: str) -> None:
    # "na" is Namibia's code and "li" Liechtenstein's: not in a person's name; nor "ma" at
    # the end of a long name, which may be a word cut short by a field
    assert analyze(name).normalized.split()[-1] == name.lower().split()[-1]
