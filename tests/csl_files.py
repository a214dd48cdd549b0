"""Writing list entries as trade.gov's consolidated.csv, to test loading a new list version."""

from __future__ import annotations

import csv
from pathlib import Path

from earmark.regdata.model import ListEntry
from earmark.regdata.sources.common import UNNUMBERED

COLUMNS = [
    "_id", "source", "entity_number", "type", "programs", "name", "title", "addresses",
    "federal_register_notice", "start_date", "end_date", "standard_order",
    "license_requirement", "license_policy", "call_sign", "vessel_type", "gross_tonnage",
    "gross_registered_tonnage", "vessel_flag", "vessel_owner", "remarks", "source_list_url",
    "alt_names", "citizenships", "dates_of_birth", "nationalities", "places_of_birth",
    "source_information_url", "ids",
]  # fmt: skip


def write_csl_csv(path: Path, entries: list[ListEntry]) -> None:
    with path.open("w", newline="", encoding="utf-8") as fh:
        out = csv.DictWriter(fh, COLUMNS)
        out.writeheader()
        for n, e in enumerate(entries, 1):
            row = dict.fromkeys(COLUMNS, "")
            row.update(
                {
                    "_id": str(n),
                    "source": f"List ({e.list}) - earmark test file",
                    "entity_number": "" if e.list in UNNUMBERED else e.id.split("-")[-1],
                    "type": (e.type or "").title(),
                    "programs": "; ".join(e.programs),
                    "name": e.name,
                    "addresses": "; ".join(a.text for a in e.addresses),
                    "federal_register_notice": "; ".join(e.federal_register),
                    "start_date": e.start_date.isoformat() if e.start_date else "",
                    "license_requirement": e.license_requirement or "",
                    "license_policy": e.license_policy or "",
                    "remarks": e.remarks or "",
                    "alt_names": "; ".join(e.aliases),
                }
            )
            out.writerow(row)
