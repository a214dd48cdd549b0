"""The source parsers on small files that carry each quirk of data/SOURCES.md."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from earmark.regdata.model import ReviewPolicy
from earmark.regdata.sources.csl import parse_csl_csv, parse_csl_reduced_json
from earmark.regdata.sources.entity_list import parse_nsfreg
from earmark.regdata.sources.ofac import decode_legacy, parse_sdn_set

FIX = Path(__file__).parent / "fixtures"


def test_csl_csv_quirks() -> None:
    parsed = parse_csl_csv(FIX / "csl_2022_sample.csv")
    assert parsed.report.rows == 5
    assert parsed.report.quirks["duplicate_row"] == 1  # same source and _id twice
    assert parsed.report.quirks["address_trailing_commas"] == 1
    assert parsed.report.quirks["policy_whitespace"] == 2
    assert parsed.report.quirks["citation_whitespace"] == 1
    by_name = {e.name: e for e in parsed.entries}
    bel = by_name["Bel Huawei Technologies LLC"]
    assert bel.list == "EL" and bel.id.startswith("EL-")
    assert bel.addresses[0].text == "5 Dzerzhinsky Ave., Minsk, 220036, BY"
    assert bel.addresses[0].country == "BY" and bel.countries == ("BY",)
    assert bel.federal_register == ("84 FR 43495", "85 FR 29852", "85 FR 36720", "85 FR 51603")
    assert bel.license_policy == "Presumption of denial."
    assert bel.primary_policy is ReviewPolicy.PRESUMPTION_OF_DENIAL
    assert bel.start_date == date(2019, 8, 21)
    plant = by_name["140 Repair Plant JSC"]
    assert plant.footnotes == (3,)
    assert plant.aliases == ("Open Joint Stock Company 140 Repair Plant", "JSC 140 Repair Plant")
    assert by_name["BANK OF KUNLUN CO LTD"].id == "CAP-15268"
    assert by_name["AEROCARIBBEAN AIRLINES"].id == "SDN-36"


def test_csl_reduced_json() -> None:
    parsed = parse_csl_reduced_json(FIX / "csl_2026_sample.json")
    entries = parsed.entries
    assert [e.list for e in entries] == ["EL", "EL", "EL", "EL", "SDN"]
    device = entries[1]
    assert device.footnotes == (1, 2)
    assert device.federal_register == ("84 FR 22963", "85 FR 51603")
    # Two entries with the same name and country get distinct, deterministic ids.
    assert entries[2].id != entries[3].id
    assert entries[3].id == entries[2].id + "-2" or entries[2].id == entries[3].id + "-2"
    assert entries[2].review_policy[-1].policy is ReviewPolicy.PRESUMPTION_OF_DENIAL
    sdn = entries[4]
    assert sdn.id == "SDN-36" and sdn.aliases == ("AERO-CARIBBEAN",)  # blank alias dropped
    assert sdn.programs == ("CUBA", "SDGT") and sdn.type == "entity"
    # The printed date beside a citation is kept for the effective-date rule.
    assert parsed.dated_citations[entries[3].id][0].published == date(2016, 3, 1)
    assert parsed.meta["sourceGeneratedAt"].startswith("2026-07-31")


def test_ids_are_stable_across_parses() -> None:
    a = parse_csl_reduced_json(FIX / "csl_2026_sample.json").entries
    b = parse_csl_reduced_json(FIX / "csl_2026_sample.json").entries
    assert [e.id for e in a] == [e.id for e in b]
    # ...and the same entry gets the same id in the 2022 CSV.
    old = {e.name: e.id for e in parse_csl_csv(FIX / "csl_2022_sample.csv").entries}
    assert old["Bel Huawei Technologies LLC"] == a[0].id


def test_legacy_decoding_falls_back_to_latin1() -> None:
    assert decode_legacy(b"CAF\xc9") == "CAFÉ"
    assert decode_legacy(b"\x80") == "€"  # cp1252
    assert decode_legacy(b"M\x81N") == "M\x81N"  # undefined in cp1252: read as Latin-1


def test_ofac_set_quirks() -> None:
    parsed = parse_sdn_set(FIX / "ofac_set")
    by_id = {e.id: e for e in parsed.entries}
    assert set(by_id) == {"SDN-36", "SDN-306", "SDN-9000", "SDN-9001"}
    assert parsed.report.quirks["duplicate_row"] == 1
    assert parsed.report.quirks["eof_marker_line"] >= 1
    cafe = by_id["SDN-9000"]
    assert cafe.name == "CAFÉ M\x81NCHEN GMBH"
    assert cafe.remarks == "Overflow start and overflow end."  # sdn_comments joined
    assert cafe.addresses[0].text == "Leopoldstr. 1, München, Germany"
    assert cafe.countries == ("DE",)
    assert by_id["SDN-36"].countries == ("CU",)
    assert by_id["SDN-306"].aliases == ("NATIONAL BANK OF CUBA",)  # alt.csv wins over remarks
    assert by_id["SDN-306"].programs == ("CUBA", "SDGT")
    assert by_id["SDN-9001"].type == "individual"


def test_ofac_aliases_from_remarks_when_no_alt_file(tmp_path: Path) -> None:
    (tmp_path / "sdn.csv").write_bytes((FIX / "ofac_set" / "sdn.csv").read_bytes())
    by_id = {e.id: e for e in parse_sdn_set(tmp_path / "sdn.csv").entries}
    assert by_id["SDN-306"].aliases == ("BNC",)
    assert by_id["SDN-9001"].aliases == ("ABBAS, Yasir 'Aziz",)  # apostrophe inside a name
    assert by_id["SDN-36"].aliases == ("AERO-CARIBBEAN",)


def test_nsfreg() -> None:
    parsed = parse_nsfreg(FIX / "nsfreg_sample.json", "EL")
    device, port = parsed.entries
    assert device.countries == ("CN",) and device.footnotes == (1, 2)
    assert [a.text for a in device.addresses] == [
        "Building 2, Zone B, Dongguan, China",
        "No. 2 Xincheng Road, Dongguan, China.",
    ]
    assert parsed.dated_citations[device.id][0].published == date(2019, 5, 21)
    assert port.countries == ("UA",)  # "Crimea Region of Ukraine"
