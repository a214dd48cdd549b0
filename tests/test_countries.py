"""The bundled country registry: codes, names and the aliases the EAR tables and lists use."""

from __future__ import annotations

from datetime import date

import pytest

from earmark.errors import BadInput
from earmark.regdata.bundle import DATA_DIR, sha256_file
from earmark.regdata.countries import (
    country_code,
    country_name,
    get_country,
    load_countries,
    normalise_key,
    require_country,
)
from earmark.regdata.ear_tables import load_ear_tables


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("CN", "CN"),
        ("cn", "CN"),
        ("  hk ", "HK"),
        ("CHN", "CN"),
        ("prk", "KP"),
        ("China", "CN"),
        ("PRC", "CN"),
        ("China (PRC)", "CN"),  # the Country Group tables' name
        ("People's Republic of China", "CN"),
        ("Hong Kong", "HK"),  # its own code, although the Part 740 alias map says China
        ("Macau", "MO"),
        ("Macao", "MO"),
        ("Korea, South", "KR"),
        ("South Korea", "KR"),
        ("Korea, North", "KP"),
        ("DPRK", "KP"),
        ("Burma", "MM"),
        ("Myanmar", "MM"),
        ("Türkiye", "TR"),
        ("Turkiye", "TR"),
        ("Turkey", "TR"),
        ("Seycheles", "SC"),  # the Country Chart's spelling
        ("Seychelles", "SC"),
        ("Congo (Democratic Republic of the)", "CD"),
        ("Congo (Democratic Republic of)", "CD"),
        ("Congo (Republic of the)", "CG"),
        ("Bahamas, The", "BS"),
        ("Gambia, The", "GM"),
        ("South Sudan, Republic of", "SS"),
        ("Czech Republic", "CZ"),
        ("Micronesia", "FM"),
        ("Micronesia (Federated State of)", "FM"),
        ("St. Kitts & Nevis", "KN"),
        ("Saint Kitts & Nevis", "KN"),
        ("Holy See", "VA"),
        ("Vatican City", "VA"),
        ("Cote d'Ivoire", "CI"),
        ("Côte d’Ivoire", "CI"),
        ("Cote d'lvoire", "CI"),  # misspelt in the Part 740 table
        ("Sint Maarten (the Dutch two-fifths of the island of Saint Martin)", "SX"),
        ("Crimea Region of Ukraine", "UA"),
        ("Russia", "RU"),
        ("Russian Federation", "RU"),
        ("Iran", "IR"),
        ("Syria", "SY"),
        ("United States", "US"),
        ("U.S.", "US"),
        ("UK", "GB"),
        ("Kosovo", "XK"),
        ("Liechtenstein", "LI"),
    ],
)
def test_country_code_accepts_codes_names_and_aliases(value: str, code: str) -> None:
    assert country_code(value) == code


@pytest.mark.parametrize("value", ["Atlantis", "XX", "", "   ", "Korea"])
def test_country_code_unknown(value: str) -> None:
    assert country_code(value) is None


def test_require_country() -> None:
    assert require_country("Burma", "destination") == "MM"
    with pytest.raises(BadInput) as err:
        require_country("Atlantis", "destination")
    assert err.value.field == "destination"
    assert err.value.message.startswith("unknown country 'Atlantis'")
    with pytest.raises(BadInput) as err:
        require_country("XX", "--country")
    assert err.value.field == "--country"
    assert "unknown country 'XX'" in str(err.value)


def test_require_country_hints_a_close_match() -> None:
    with pytest.raises(BadInput) as err:
        require_country("Chnia", "country")
    assert "did you mean 'China', CN?" in err.value.message


def test_country_name() -> None:
    assert country_name("CN") == "China"
    assert country_name("kr") == "South Korea"
    assert country_name("RU") == "Russia"
    assert country_name("XK") == "Kosovo"
    with pytest.raises(BadInput):
        country_name("XX")


def test_country_record_keeps_ear_names() -> None:
    cn = get_country("CN")
    assert cn is not None
    assert cn.chart_name == "China" and cn.group_names == ("China (PRC)",) and cn.alpha3 == "CHN"
    assert "prc" in cn.aliases and "chn" in cn.aliases
    hk = get_country("HK")
    assert hk is not None and hk.chart_name is None and hk.chart_inherits == "CN"
    cd = get_country("CD")
    assert cd is not None
    assert set(cd.group_names) == {
        "Congo (Democratic Republic of the)",
        "Congo (Democratic Republic of)",
    }
    assert get_country("Atlantis") is None


def test_normalise_key() -> None:
    assert normalise_key("  Côte  d’Ivoire. ") == "cote d'ivoire"
    assert normalise_key("St. Kitts & Nevis") == "st. kitts and nevis"


def test_every_ear_table_name_is_in_the_registry() -> None:
    reg = load_countries()
    tables = load_ear_tables()
    chart, groups = tables.country_chart, tables.country_groups
    for code in [*chart.rows, *chart.embargoed, *chart.territories]:
        assert code in reg.countries
    for code, names in groups.names.items():
        assert code in reg.countries
        for name in names:
            assert country_code(name) == code
    for code, row in chart.rows.items():
        assert country_code(row.name) == code
        assert reg.countries[code].chart_name == row.name


def test_registry_dataset() -> None:
    reg = load_countries()
    ds = reg.dataset
    assert ds.id == "countries-2026-07-23" and ds.kind == "ear_table"
    assert ds.sha256 == sha256_file(DATA_DIR / "countries.json.gz")
    assert ds.provenance.snapshot == date(2026, 7, 23)
    assert "5847b092f2a44117b2e18d06a8c6aa3e16106250" in ds.provenance.origin
    assert len(reg.countries) == ds.counts["countries"] == 250
