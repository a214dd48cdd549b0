"""End-use and end-user controls of Part 744 that turn on what the exporter knows, one function
per section: the WMD end uses (744.2, 744.3, 744.4), military end uses and end users (744.21),
military-intelligence end uses (744.22), and the supercomputer, advanced-node IC and
semiconductor-equipment end uses (744.23). Their versions, dates and citations are data:
``data/part744.toml``; Supplement No. 2 to Part 744 is ``data/supp2_part744.toml``.

The facts are the case's ``end_uses`` (knowledge of an end use), each party's
``military_end_user`` and ``headquarters``, and the screening hits (the MEU List, Entity List
footnotes 3 and 5). An end use the case does not state is not known: these rules then do not
apply, as the regulations' knowledge standard says.
"""

from __future__ import annotations

import tomllib
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from earmark.rules.case import EndUse, Party
from earmark.rules.requirement import Facts, Requirement

DATA = Path(__file__).resolve().parent / "data" / "part744.toml"
SUPP2 = Path(__file__).resolve().parent / "data" / "supp2_part744.toml"
STRONG = 0.9  # a screening hit at or above this applies (engine.STRONG_MATCH)


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    with DATA.open("rb") as fh:
        return tomllib.load(fh)


@lru_cache(maxsize=1)
def _supp2() -> tuple[dict[str, Any], ...]:
    with SUPP2.open("rb") as fh:
        raw = tomllib.load(fh)
    versions = raw.get("version", [])
    return tuple(sorted(versions, key=lambda v: v["effective"]))


def hong_kong_as_china_from() -> date:
    found: date = _data()["hong_kong"]["as_china_from"]
    return found


def _on(rows: list[dict[str, Any]], day: date) -> dict[str, Any] | None:
    found = None
    for row in sorted(rows, key=lambda r: r["effective"]):
        if row["effective"] <= day:
            found = row
    return found


def supplement2_on(day: date) -> dict[str, Any] | None:
    """The version of Supplement No. 2 to Part 744 in force on ``day``."""
    found = None
    for v in _supp2():
        if v["effective"] <= day:
            found = v
    return found


def in_supplement2(f: Facts) -> bool | None:
    """Whether the item is listed in Supplement No. 2 to Part 744 on the case's date (None: its
    ECCN, or its paragraph, is not known)."""
    if f.eccn is None:
        return None
    if f.ear99:
        return False
    version = supplement2_on(f.day)
    if version is None:
        return None
    eccn = f.eccn
    unsure = False
    doubtful = [e.upper() for e in version.get("eccns_maybe_missing", ())]
    if any(eccn == e or eccn.startswith(e + ".") for e in doubtful):
        return None  # the bundled list may lack it (docs: supp2_part744.toml is unverified)
    for listed in version["eccns"]:
        listed = listed.upper()
        if eccn == listed or eccn.startswith(listed + "."):
            return True
        if listed.startswith(eccn + ".") or (
            "." in listed and listed.split(".")[0] == eccn.split(".")[0] and "." not in eccn
        ):
            unsure = True  # the supplement names a paragraph; the case gives only the entry
    return None if unsure else False


def _applied(f: Facts, lists: tuple[str, ...]) -> list[Any]:
    return [h for h in f.hits if h.applied and h.entry.list in lists]


# -- 744.21 military end use and end user ---------------------------------------------------


def military_end_use(f: Facts) -> Requirement | None:
    """15 CFR 744.21: items of Supplement No. 2 to Part 744 (any item for Russia and Belarus
    from 2022-02-24) for a known 'military end use' in, or 'military end user' of, a covered
    country (China, Russia, Venezuela; Burma from 2021-03-08, Cambodia from 2021-12-09,
    Belarus from 2022-03-02, Nicaragua from 2024-03-15), or with a listed MEU party."""
    version = _on(_data()["mil"], f.day)
    if version is None:
        return None
    case = f.case
    contracts = _data()["mil_contracts"]
    who = _military_party(f, version)
    if who is None:
        return _weak_military_listing(f, version)
    group, why = who
    if (
        case.destination == contracts["country"]
        and case.context.contract_date is not None
        and case.context.contract_date < contracts["signed_before"]
    ):
        return Requirement(
            "15 CFR 744.21(h)",
            version["citation"],
            False,
            f"{why}; the contract was signed on {case.context.contract_date}, before "
            f"{contracts['signed_before']}: 744.21 does not apply (744.21(h)).",
            section="744.21",
        )
    scope = _military_items(f, group, version)
    required, scope_text, missing = scope
    policy = group["policy"]
    if group.get("food_medicine_policy") and f.food_or_medicine:
        policy = group["food_medicine_policy"]
    rule = "15 CFR 744.21(a)" if not why.startswith("listed") else "15 CFR 744.21(b)(1)(ii)"
    text = f"{why}; {scope_text}"
    if required is False:
        return Requirement(
            rule,
            version["citation"],
            False,
            text + " Any license required for another reason is reviewed under the "
            f"744.21(e) policy ({policy.replace('_', ' ')}; 744.21(e)(3)).",
            policy=policy,
            overlay=True,
            section="744.21",
        )
    return Requirement(
        rule,
        version["citation"],
        required,
        text + f" Review: {policy.replace('_', ' ')} (744.21(e)); no license exception but GOV "
        "(744.21(c)).",
        policy=policy,
        exceptions=("GOV",),
        missing=missing,
        section="744.21",
    )


def _weak_military_listing(f: Facts, version: dict[str, Any]) -> Requirement | None:
    """A weak match of an MEU List or Entity List footnote 3 entity: not applied, not ignored."""
    for hit in f.hits:
        if hit.applied:
            continue
        if hit.entry.list == "MEU" or (hit.entry.list == "EL" and 3 in hit.entry.footnotes):
            return Requirement(
                "15 CFR 744.21(b)(1)(ii)",
                version["citation"],
                None,
                f"'{hit.name}' may be the listed military end user '{hit.entry.name}' "
                f"(score {hit.score}); if it is, 744.21 requires a license.",
                missing=(
                    f"whether party '{hit.name}' is the listed '{hit.entry.name}' "
                    f"(score {hit.score})",
                ),
                section="744.21",
            )
    return None


def _military_party(f: Facts, version: dict[str, Any]) -> tuple[dict[str, Any], str] | None:
    """The 744.21 group the case falls in, and why: a known military end use in a covered
    country, a military end user of one, an MEU List party, or an Entity List footnote 3 party."""
    case = f.case
    groups: list[dict[str, Any]] = version["groups"]

    def group_of(country: str | None) -> dict[str, Any] | None:
        country = f.as_china(country)
        return next((g for g in groups if country in g["countries"]), None)

    for hit in _applied(f, ("MEU",)):
        country = (hit.entry.countries or (case.destination,))[0]
        g = group_of(country) or group_of(case.destination)
        if g is not None:
            return g, f"listed on the Military End-User List: '{hit.entry.name}' is a party"
    for hit in _applied(f, ("EL",)):
        if 3 in hit.entry.footnotes:
            g = next((g for g in groups if set(g["countries"]) & {"RU", "BY"}), None)
            if g is not None:
                return g, (
                    f"listed as a Russian or Belarusian 'military end user' (Entity List "
                    f"footnote 3): '{hit.entry.name}' is a party"
                )
    dest = group_of(case.destination)
    if dest is not None and EndUse.MILITARY_END_USE in case.end_uses and dest["end_use"]:
        return dest, f"the item is known to be for a 'military end use' in {case.destination}"
    for party in case.parties:
        if not party.military_end_user:
            continue
        home = party.country or case.destination
        g = group_of(home)
        # 'Military end users' outside their own country are only the listed ones (744.21(a)).
        if g is not None and g["end_user"] and home == (party.country or home):
            if party.country and party.country != case.destination and home not in g["countries"]:
                continue
            return g, f"'{party.name}' is a 'military end user' of {home} (744.21(g))"
    return None


def _military_items(
    f: Facts, group: dict[str, Any], version: dict[str, Any]
) -> tuple[bool | None, str, tuple[str, ...]]:
    if group["items"] == "supp2":
        listed = in_supplement2(f)
        supp = supplement2_on(f.day)
        cite = f" ({supp['citation']})" if supp else ""
        if listed is None:
            return (
                None,
                "744.21 reaches items in Supplement No. 2 to Part 744; whether this item is "
                "one depends on its classification.",
                ("item.eccn",)
                if f.eccn is None
                else (f"whether {f.eccn} is in Supplement No. 2 to Part 744 on {f.day}",),
            )
        if listed:
            return (
                True,
                f"{f.eccn} is in Supplement No. 2 to Part 744{cite}: a license is required.",
                (),
            )
        return (
            False,
            f"{f.eccn or 'the item'} is not in Supplement No. 2 to Part 744{cite}, the items "
            "744.21 reaches for this country.",
            (),
        )
    if group.get("except_food_medicine") and f.food_or_medicine:
        return (
            False,
            "EAR99 food and medicine are outside the Russia and Belarus military end user "
            "requirement of this version (744.21(a)).",
            (),
        )
    if version.get("unknown_text") == "food_medicine" and f.food_or_medicine:
        return (
            None,
            "whether this version (87 FR 34136) still excluded EAR99 food and medicine is not "
            "in the bundled texts.",
            ("the 744.21 text in force between 2022-06-06 and 2022-09-15 (87 FR 34136)",),
        )
    return True, "744.21 requires a license for any item subject to the EAR here.", ()


# -- 744.22 military-intelligence end use ----------------------------------------------------


def military_intelligence(f: Facts) -> Requirement | None:
    """15 CFR 744.22 (from 2021-03-16, 86 FR 4865): any item subject to the EAR for a known
    military-intelligence end use or end user in Belarus, Burma, Cambodia, China, Russia,
    Venezuela or Country Groups E:1/E:2."""
    if EndUse.MILITARY_INTELLIGENCE_END_USE not in f.case.end_uses:
        return None
    v = _on(_data()["mieu"], f.day)
    if v is None:
        return None
    dest = f.case.destination
    if f.as_china(dest) not in v["countries"] and not (f.groups() & set(v["groups"])):
        return None
    return Requirement(
        "15 CFR 744.22(a)",
        v["citation"],
        True,
        f"A known military-intelligence end use or end user in {dest}: 744.22 requires a "
        "license for any item subject to the EAR; presumption of denial.",
        policy=v["policy"],
        exceptions=("GOV",),
        section="744.22",
    )


# -- 744.2, 744.3, 744.4 WMD end uses --------------------------------------------------------


def weapons_of_mass_destruction(f: Facts) -> list[Requirement]:
    """15 CFR 744.2 (nuclear), 744.3 (missiles and UAVs), 744.4 (chemical and biological
    weapons): any item subject to the EAR for a known WMD end use; in force throughout."""
    out = []
    for row in _data()["wmd"]:
        if EndUse(row["end_use"]) in f.case.end_uses:
            out.append(
                Requirement(
                    f"{row['section']}(a)",
                    row["citation"],
                    True,
                    row["text"] + "; the case states this end use is known.",
                    exceptions=(),
                    section=row["section"].split()[-1],
                )
            )
    return out


# -- 744.23 advanced computing and semiconductor end uses ------------------------------------


def advanced_computing(f: Facts) -> list[Requirement]:
    """15 CFR 744.23: from 2022-10-07 (87 FR 62186) for the PRC; from 2023-11-17 (88 FR 73458)
    for Macau and Country Group D:5, with the headquarters test; from 2024-12-02 (89 FR 96818)
    with the design end use and the footnote 5 exclusion."""
    v = _on(_data()["adv"], f.day)
    if v is None:
        return []
    out: list[Requirement] = []
    covered = _adv_destination(f, v)
    uses = set(f.case.end_uses)
    if covered and EndUse.SUPERCOMPUTER in uses:
        out.append(_supercomputer(f, v))
    if covered and uses & {EndUse.ADVANCED_NODE_IC_PRODUCTION, EndUse.IC_PRODUCTION_UNKNOWN_NODE}:
        found = _advanced_node(f, v, uses)
        if found is not None:
            out.append(found)
    if covered and EndUse.ADVANCED_NODE_IC_DESIGN in uses and v.get("design"):
        out.append(_design(f, v))
    if covered and EndUse.SME_PRODUCTION in uses:
        out.append(_sme(f, v))
    found = _headquarters(f, v)
    if found is not None:
        out.append(found)
    return out


def _adv_destination(f: Facts, v: dict[str, Any]) -> bool:
    """Whether the known end use (the supercomputer, the fab, the SME production) is where
    the version reaches: "located in or destined to" (744.23(a)); the case's
    ``end_use_country``, else its destination."""
    where = f.case.end_use_country or f.case.destination
    place = f.as_china(where)
    if v["destinations"] == "PRC":
        return place == "CN"
    if v["destinations"] == "PRC+MO":
        return place in ("CN", "MO")
    return place == "MO" or "D:5" in f.groups(where)


def _req(
    f: Facts,
    v: dict[str, Any],
    paragraph: str,
    required: bool | None,
    text: str,
    missing: tuple[str, ...] = (),
    policy: str | None = None,
) -> Requirement:
    return Requirement(
        f"15 CFR 744.23{paragraph}",
        v["citation"],
        required,
        text
        + ("" if required is False else f" ({v['policy_note']}; no license exceptions, 744.23(c))"),
        policy=(policy if policy is not None or paragraph == "(a)(3)(i)" else v["policy"])
        if required is not False
        else None,
        exceptions=() if required is not False else None,
        missing=missing,
        section="744.23",
    )


def _supercomputer(f: Facts, v: dict[str, Any]) -> Requirement:
    items = v["supercomputer_items"]
    if items == "all":
        return _req(
            f,
            v,
            "(a)(1)",
            True,
            "The item is known to be for a 'supercomputer' in the PRC: 744.23(a)(1) requires "
            "a license for any item subject to the EAR.",
        )
    if f.eccn is None:
        return _req(
            f,
            v,
            "(a)(1)",
            None,
            "744.23(a)(1) reaches listed ICs and computers; the item's ECCN is not given.",
            ("item.eccn",),
        )
    base = f.base or ""
    ic_bases = {i.split(":")[1] for i in items if i.startswith("IC:")}
    other = {i for i in items if not i.startswith("IC:")}
    if base in other:
        return _req(
            f,
            v,
            "(a)(1)",
            True,
            f"{f.eccn} for a 'supercomputer' in Macau or D:5: "
            "744.23(a)(1)(i)(B) requires a license.",
        )
    if base in ic_bases and (base.startswith("3A") or f.case.item.kind == "commodity"):
        return _req(
            f,
            v,
            "(a)(1)",
            True,
            f"An integrated circuit in {base} for a "
            "'supercomputer' in Macau or D:5: 744.23(a)(1)(i)(A) requires a license.",
        )
    return _req(
        f,
        v,
        "(a)(1)",
        False,
        f"{f.eccn} is outside the item scope of 744.23(a)(1)(i) in force on {f.day} (ICs in "
        "3A001, 3A991, 4A994, 5A002, 5A004, 5A992; computers, assemblies and components in "
        "4A003, 4A004, 4A994, 5A002, 5A004, 5A992).",
    )


def _advanced_node(f: Facts, v: dict[str, Any], uses: set[EndUse]) -> Requirement | None:
    if v.get("footnote5_exclusion"):
        listed = [h for h in _applied(f, ("EL",)) if 5 in h.entry.footnotes]
        if listed:
            return _req(
                f,
                v,
                "(a)(2)(iv)",
                False,
                f"'{listed[0].entry.name}' has an Entity List footnote 5: the advanced-node "
                "requirements of 744.23(a)(2)(i)-(ii) do not apply (744.23(a)(2)(iv)); its "
                "entry's own requirement does.",
            )
    if EndUse.ADVANCED_NODE_IC_PRODUCTION in uses:
        if v["advanced_node_items"] == "all":
            return _req(
                f,
                v,
                "(a)(2)(i)",
                True,
                "The item is known to be for the development "
                "or production of ICs at a facility producing advanced-node ICs in "
                "Macau or D:5: 744.23(a)(2)(i) requires a license for any item subject "
                "to the EAR.",
            )
        on_ccl = f.on_ccl
        if on_ccl is None:
            return _req(
                f,
                v,
                "(a)(2)(i)",
                None,
                "744.23(a)(2)(i) (2022) reaches items on the "
                "CCL; the item's classification is not given.",
                ("item.eccn",),
            )
        return _req(
            f,
            v,
            "(a)(2)(i)",
            on_ccl,
            "An advanced-node IC production facility in the PRC: 744.23(a)(2)(i) (2022) "
            + (
                "requires a license for items on the CCL."
                if on_ccl
                else "reaches only items on the CCL; an EAR99 item is outside it."
            ),
        )
    base = f.base
    if base is None:
        if f.eccn is None:
            return _req(
                f,
                v,
                "(a)(2)(ii)",
                None,
                "744.23(a)(2)(ii) reaches Category 3 B-E items; the item's ECCN is not given.",
                ("item.eccn",),
            )
        return _req(
            f,
            v,
            "(a)(2)(ii)",
            False,
            "744.23(a)(2)(ii) reaches only Category 3 "
            "product group B-E items; an EAR99 item is outside it.",
        )
    caught = base[0] == "3" and base[1] in "BCDE"
    return _req(
        f,
        v,
        "(a)(2)(ii)",
        caught,
        f"{f.eccn} for IC production at a facility whose node is unknown: 744.23(a)(2)(ii) "
        + (
            "requires a license for Category 3 product group B-E items."
            if caught
            else "reaches only Category 3 product group B-E items."
        ),
    )


def _design(f: Facts, v: dict[str, Any]) -> Requirement:
    if f.case.item.kind not in ("software", "technology"):
        return _req(
            f,
            v,
            "(a)(2)(iii)",
            False,
            "744.23(a)(2)(iii) reaches ECAD and TCAD "
            "software and technology; the item is a commodity.",
        )
    return _req(
        f,
        v,
        "(a)(2)(iii)",
        True,
        "Software or technology known to be for the design of an advanced-node IC to be "
        "produced in Macau or D:5: 744.23(a)(2)(iii) requires a license for ECAD and TCAD "
        "software and technology (if this is neither, the requirement does not apply).",
    )


def _sme(f: Facts, v: dict[str, Any]) -> Requirement:
    on_ccl = f.on_ccl
    if on_ccl is None:
        return _req(
            f,
            v,
            "(a)(4)",
            None,
            "744.23(a)(4) reaches items on the CCL; the item's classification is not given.",
            ("item.eccn",),
        )
    return _req(
        f,
        v,
        "(a)(4)",
        on_ccl,
        "The item is known to be for the development or production of front-end IC production "
        "equipment in Macau or D:5: 744.23(a)(4) "
        + (
            "requires a license for items on the CCL."
            if on_ccl
            else "reaches only items specified on the CCL; an EAR99 item is outside it."
        ),
    )


def _headquarters(f: Facts, v: dict[str, Any]) -> Requirement | None:
    """744.23(a)(3)(i), from 2023-11-17: advanced computing items to a destination outside
    D:1/D:4/D:5 (or inside A:5/A:6) for an entity headquartered in Macau or D:5."""
    if not v.get("headquarters") or f.eccn is None or not _hq_item(f.eccn, v):
        return None
    groups = f.groups()
    restricted = bool(groups & {"D:1", "D:4", "D:5"}) and not groups & {"A:5", "A:6"}
    if restricted or f.case.destination == "MO":
        return None  # 742.6(a)(6)(iii) and 744.23(a)(1)-(2) speak for these destinations
    unknown: list[str] = []
    for i, party in enumerate(f.case.parties):
        hq = _hq(party)
        if hq is None:
            unknown.append(f"parties[{i}].headquarters")
            continue
        if hq == "MO" or "D:5" in f.groups(hq):
            return _req(
                f,
                v,
                "(a)(3)(i)",
                True,
                f"{f.eccn} to {f.case.destination} for '{party.name}', headquartered (or "
                f"with its ultimate parent) in {hq}: 744.23(a)(3)(i) requires a license.",
                policy=v.get("headquarters_policy"),
            )
    if unknown or not f.case.parties:
        return _req(
            f,
            v,
            "(a)(3)(i)",
            None,
            f"{f.eccn}: 744.23(a)(3)(i) requires a license when an entity headquartered in "
            "Macau or D:5 (or whose ultimate parent is) is a party; the case does not say where "
            "every party is headquartered.",
            tuple(unknown) or ("parties",),
        )
    return _req(
        f,
        v,
        "(a)(3)(i)",
        False,
        "No party is headquartered in Macau or D:5: 744.23(a)(3)(i) does not apply.",
    )


def _hq(party: Party) -> str | None:
    return party.headquarters.upper() if party.headquarters else None


def _hq_item(eccn: str, v: dict[str, Any]) -> bool:
    eccn = eccn.upper()
    for listed in v.get("headquarters_items", ()):
        listed = listed.upper()
        if listed.endswith(".Z"):
            if eccn == listed or eccn.startswith(listed + "."):
                return True
        elif eccn == listed or eccn.startswith(listed + "."):
            return True
    return False
