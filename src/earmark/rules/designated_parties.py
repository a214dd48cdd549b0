"""Parties OFAC designates, whom the EAR also reaches: 15 CFR 744.8 (weapons of mass
destruction proliferators, [NPWMD]), 744.12 (Specially Designated Global Terrorists,
[SDGT]), 744.13 (Specially Designated Terrorists, [SDT]) and 744.14 (Foreign Terrorist
Organizations, [FTO]). Each requires a license for any item subject to the EAR when the
designated party is a party to the transaction; no license exception; review under a general
policy of denial. In force throughout the period earmark covers.

The program tags come from the SDN list entry in force on the case's date (the first bundled
snapshot on or after it), so a designation added later (the cartels' [FTO] and [SDGT] of
February 2025) does not reach an earlier date.
"""

from __future__ import annotations

from earmark.rules.end_use import _data
from earmark.rules.requirement import Facts, Requirement


def designated_parties(f: Facts) -> list[Requirement]:
    out: list[Requirement] = []
    rows = _data()["designated"]
    for hit in f.hits:
        if hit.entry.list != "SDN":
            continue
        programs = {p.strip("[] ").upper() for p in hit.entry.programs}
        for row in rows:
            if not programs & set(row["programs"]):
                continue
            tag = "/".join(sorted(programs & set(row["programs"])))
            if not hit.applied:
                out.append(
                    Requirement(
                        row["section"],
                        row["citation"],
                        None,
                        f"'{hit.name}' may be the [{tag}] designee '{hit.entry.name}' "
                        f"(score {hit.score}); {row['section']} would require a license for "
                        "any item subject to the EAR.",
                        missing=(
                            f"whether party '{hit.name}' is the listed '{hit.entry.name}' "
                            f"(score {hit.score})",
                        ),
                        section=row["section"].split()[-1],
                    )
                )
                continue
            out.append(
                Requirement(
                    row["section"],
                    row["citation"],
                    True,
                    f"'{hit.entry.name}' is designated [{tag}] by OFAC ({row['title']}) and is "
                    f"the {hit.role.value.replace('_', ' ')} here: {row['section']} requires a "
                    "license for any item subject to the EAR, with no license exception and a "
                    "general policy of denial (to avoid duplication, a US person whom OFAC "
                    "authorizes for the same transaction needs no separate BIS authorization).",
                    policy=row["policy"],
                    exceptions=(),
                    section=row["section"].split()[-1],
                )
            )
    return out
