"""The license determination, in the order of Supplement No. 1 to Part 732:

1. screen the parties as of the date (Entity List, Denied Persons, MEU, Unverified List);
2. subject to the EAR (734.3): origin, de minimis (734.4), foreign direct product (734.9);
3. license requirement: Country Chart (738), embargoes (746), end users (744, 764);
4. authorizations and exceptions: the Huawei TGL, the standards exception, Part 740;
5. review policy: the entry's, below-5G case-by-case for footnote 1 items (744.11(a)(2)(i)),
   and policy events reported beside it (the 2023 halt: press, not regulation).

Every step adds its reasons, with the CFR section and the Federal Register citation.
"""

from __future__ import annotations

import tomllib
from dataclasses import replace
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from earmark.errors import BadInput
from earmark.regdata import RegData, load_regdata
from earmark.regdata.countries import require_country
from earmark.rules.case import Case, parse_case, unknown_keys
from earmark.rules.country_chart import chart_requirement
from earmark.rules.decision import Decision, tri_or
from earmark.rules.designated_parties import designated_parties
from earmark.rules.destination_fdp import FdpFinding, destination_fdp
from earmark.rules.end_use import (
    advanced_computing,
    military_end_use,
    military_intelligence,
    weapons_of_mass_destruction,
)
from earmark.rules.entity_list import (
    PartyHit,
    entity_list,
    entry_policy,
    huawei_tgl,
    is_huawei,
    other_end_user_lists,
    standards_exception,
)
from earmark.rules.fdp import (
    Footnote1Facts,
    FootnoteRule,
    footnote1,
    footnote_fdp,
    footnote_rules,
    national_security,
)
from earmark.rules.jurisdiction import by_origin, de_minimis
from earmark.rules.license_exceptions import Situation, license_exceptions
from earmark.rules.part746 import part746, ukraine_region
from earmark.rules.requirement import Facts, Requirement, strictest
from earmark.screening import Screener

END_USER_LISTS = ("EL", "DPL", "MEU", "UVL", "SDN")
STRONG_MATCH = 0.9  # below this a hit is reported for review, not applied
SAME_PARTY_MARGIN = 0.02
HALT_EVENT = "huawei-license-halt-2023"


class Engine:
    def __init__(self, regdata: RegData | None = None, screener: Screener | None = None) -> None:
        self.regdata = regdata or load_regdata()
        self.screener = screener or Screener(self.regdata)

    def check(self, data: Any, where: str = "case", allow_unknown: bool = False) -> Decision:
        """The decision on one case. A key the case format does not define is bad input,
        unless ``allow_unknown``: then it is ignored and listed in details.ignored_fields."""
        case = parse_case(data, where, allow_unknown)
        self._validate(case, where)
        decision = Decision(case.id, case.date, data_version=self.regdata.version)
        unknown = unknown_keys(data, where) if allow_unknown else []
        if unknown:
            decision.details["ignored_fields"] = unknown
        newest = self.regdata.lists.newest_snapshot
        if case.date > newest:
            decision.details["lists_as_of"] = newest.isoformat()
            decision.because(
                "data",
                None,
                f"The lists are those of the newest bundled snapshot ({newest}); parties listed "
                f"between then and {case.date} are not known to this data version.",
                "screening",
            )
        ear = self.regdata.ear_on(case.date)
        self._versions(case, decision)
        self._decide(case, decision, ear)
        self._table_gaps(case, decision)
        return decision

    def _decide(self, case: Case, decision: Decision, ear: Any) -> None:
        """The determination with these tables (those of the date, or a variant of them)."""
        hits = self._screen(case, decision)
        entry = ear.ccl.get(case.item.eccn) if case.item.eccn else None
        f = Facts(case, ear, entry, hits)
        f.region = ukraine_region(f)[0]
        origin = by_origin(case, decision)
        facts = self._footnote1_facts(case, hits)
        minimis = de_minimis(case, ear, decision) if origin is False else False
        fdp = footnote1(case, facts, decision) if origin is False else False
        ns_fdp = self._ns_fdp(case, ear, decision) if origin is False and fdp is not True else False
        other = self._footnote_fdp(case, hits, decision) if origin is False else []
        findings = destination_fdp(f) if origin is False else []
        for found in findings:
            found.reason.record(decision, "fdp")
        decision.subject_to_ear = tri_or(
            [origin, minimis, fdp, ns_fdp, *(o for _, o in other), *(x.subject for x in findings)]
        )
        if decision.subject_to_ear is False:
            decision.license_required = False
            decision.because(
                "15 CFR 734.3",
                None,
                "Not subject to the EAR: no EAR license requirement applies.",
                "subject_to_ear",
            )
            return
        fdp_only = fdp is True and origin is False and minimis is not True
        # An item subject to the EAR only under a destination FDP rule takes that rule's
        # license requirement (746.8(a)(2), 746.7(a)(1)(iii)), with its partner exclusion;
        # None when de minimis, undecided, might make it subject as well.
        destination_fdp_only: bool | None = False
        if origin is False and fdp is not True and any(x.subject for x in findings):
            destination_fdp_only = True if minimis is False else None if minimis is None else False
        situation = self._license(
            case, f, decision, fdp_only, fdp is True, other, findings, destination_fdp_only
        )
        if decision.license_required:
            license_exceptions(case, ear, situation, decision)
        if decision.subject_to_ear is None and decision.license_required:
            # Every requirement found applies only to items subject to the EAR, which is not
            # settled: the answer waits for the missing facts.
            decision.license_required = None
            decision.review_policy = None
            decision.license_exceptions = []
            decision.because(
                "15 CFR 734.3",
                None,
                "A license would be required if the item is subject to the EAR, which the "
                "facts given do not settle (see missing_facts).",
                "subject_to_ear",
            )

    def _table_gaps(self, case: Case, decision: Decision) -> None:
        """Where the answer turns on a Country Group membership the amendment log cannot date
        (the 2026 membership is used for earlier dates), decide again without it: an answer
        that changes is not known for this date (null, with the membership as the fact)."""
        dated = self.regdata.dated
        countries = {case.destination, *(p.headquarters for p in case.parties if p.headquarters)}
        for country in sorted(c for c in countries if c):
            for gap in dated.log.gaps_for(country, case.date):
                decision.details.setdefault("table_gaps", []).append(gap.note)
                variant = dated.without(case.date, gap)
                other = Decision(case.id, case.date, data_version=decision.data_version)
                self._decide(case, other, variant)
                changed = [
                    k
                    for k in ("subject_to_ear", "license_required", "review_policy")
                    if getattr(other, k) != getattr(decision, k)
                ]
                if not changed:
                    decision.because(
                        "data",
                        None,
                        f"Country Group {gap.group} for {country} on {case.date}: {gap.note}; "
                        "the answer is the same with or without that membership.",
                        "data",
                    )
                    continue
                for key in changed:
                    if key != "review_policy" or decision.license_required is not None:
                        setattr(decision, key, None)
                if "license_required" in changed or "subject_to_ear" in changed:
                    decision.license_exceptions = []
                decision.missing(
                    f"whether {country} was in Country Group {gap.group} on {case.date} "
                    "(the amendment log does not date the membership)"
                )
                decision.because(
                    "data",
                    None,
                    f"Country Group {gap.group} for {country} on {case.date}: {gap.note}; "
                    f"the answer turns on it ({', '.join(changed)} differ without it).",
                    "data",
                )

    # -- steps -------------------------------------------------------------------------------

    def _validate(self, case: Case, where: str) -> None:
        require_country(case.destination, f"{where}.destination")
        if case.from_country:
            require_country(case.from_country, f"{where}.from_country")
        for i, party in enumerate(case.parties):
            self._check_name(party.name, f"{where}.parties[{i}].name")
            if party.country:
                require_country(party.country, f"{where}.parties[{i}].country")
        self._check_region(case, where)
        if case.end_use_country:
            require_country(case.end_use_country, f"{where}.end_use_country")
        for i, party in enumerate(case.parties):
            if party.headquarters:
                require_country(party.headquarters, f"{where}.parties[{i}].headquarters")
        ccl = self.regdata.ear_on(case.date).ccl
        if case.item.eccn is not None:
            ccl.require(ccl.parse_eccn(case.item.eccn, f"{where}.item.eccn"), f"{where}.item.eccn")
        for i, part in enumerate(case.item.us_content or []):
            if part.eccn is not None:
                field = f"{where}.item.us_content[{i}].eccn"
                ccl.require(ccl.parse_eccn(part.eccn, field), field)
        if case.date > date.today():
            raise BadInput(f"{where}.date", f"{case.date} is in the future")
        item = case.item
        for name in ("direct_product_of", "plant_direct_product_of"):
            for i, eccn in enumerate(getattr(item, name) or []):
                self.regdata.ear.ccl.parse_eccn(eccn, f"{where}.item.{name}[{i}]")
        if item.us_content and item.origin == "US":
            raise BadInput(
                f"{where}.item.us_content",
                "US content is a fact of foreign-made items; this item is US-origin",
            )
        total = sum(p.value for p in item.us_content or [])
        if item.value is not None and total > item.value:
            raise BadInput(
                f"{where}.item.us_content",
                f"US content {total:,.2f} exceeds the item's value {item.value:,.2f}",
            )
        if item.developed_by:
            self._check_name(item.developed_by, f"{where}.item.developed_by")
        for i, name in enumerate(case.knowledge.incorporated_into_items_of):
            if name.strip():
                self._check_name(name, f"{where}.knowledge.incorporated_into_items_of[{i}]")
        since = case.context.supported_item_available_since
        if since is not None and since > case.date:
            raise BadInput(
                f"{where}.context.supported_item_available_since",
                f"{since} is after the date of the case {case.date}",
            )

    def _screen(self, case: Case, decision: Decision) -> list[PartyHit]:
        hits: list[PartyHit] = []
        for party in case.parties:
            result = self.screener.screen(
                party.name,
                country=party.country,
                address=party.address,
                lists=END_USER_LISTS,
                as_of=case.date,
                limit=3,
            )
            best = max((m.score for m in result.matches), default=0.0)
            for m in result.matches:
                # The best match applies when strong; a runner-up only when as strong (the same
                # party listed twice), else it is reported for review, not applied.
                applied = m.score >= STRONG_MATCH and m.score >= best - SAME_PARTY_MARGIN
                hits.append(PartyHit(party.role, party.name, m.entry, m.score, applied))
                decision.matched_parties.append(
                    {
                        "name": party.name,
                        "role": party.role.value,
                        "entry_id": m.entry.id,
                        "list": m.entry.list,
                        "listed_name": m.entry.name,
                        "score": m.score,
                        "footnotes": list(m.entry.footnotes),
                        "applied": applied,
                        **({"flags": list(m.flags)} if m.flags else {}),
                    }
                )
            if party.address:
                for a in self.screener.screen_address(party.address, case.date):
                    hits.append(
                        PartyHit(party.role, party.name, a.entry, a.score, True, a.listed_address)
                    )
                    decision.matched_parties.append(
                        {
                            "name": party.name,
                            "role": party.role.value,
                            "entry_id": a.entry.id,
                            "list": a.entry.list,
                            "listed_name": a.entry.name,
                            "listed_address": a.listed_address,
                            "score": round(a.score, 4),
                            "footnotes": list(a.entry.footnotes),
                            "applied": True,
                            "matched_by": "address",
                        }
                    )
        return hits

    def _footnote_fdp(
        self, case: Case, hits: list[PartyHit], decision: Decision
    ) -> list[tuple[FootnoteRule, bool | None]]:
        out = []
        for rule in footnote_rules():
            if case.date < rule.effective_from:
                continue
            party = next(
                (h.name for h in hits if h.applied and rule.footnote in h.entry.footnotes), None
            ) or self._footnote_name(
                case.knowledge.incorporated_into_items_of, case.date, rule.footnote
            )
            if party is None:
                # A weak match of a footnote entity is neither applied nor ignored.
                weak = next(
                    (h for h in hits if not h.applied and rule.footnote in h.entry.footnotes),
                    None,
                )
                party = f"?{weak.name}" if weak else None
            out.append((rule, footnote_fdp(case, rule, party, decision)))
        return out

    def _ns_fdp(self, case: Case, ear: Any, decision: Decision) -> bool | None:
        ns: bool | None = None
        if case.item.eccn is not None:
            entry = ear.ccl.get(case.item.eccn)
            ns = entry is not None and "NS" in entry.reasons
        groups = ear.country_groups.groups_of(case.destination)
        return national_security(case, ns, groups, decision)

    @staticmethod
    def _check_name(name: str, field: str) -> None:
        from earmark.names.normalize import clean_input

        clean_input(name, field)

    def _footnote1_facts(self, case: Case, hits: list[PartyHit]) -> Footnote1Facts:
        party = next((h.name for h in hits if h.applied and 1 in h.entry.footnotes), None)
        weak = next((h for h in hits if not h.applied and 1 in h.entry.footnotes), None)
        if party is None and weak is not None:
            # A weak match is not applied, nor is it ignored: the FDP answer waits for it.
            party = f"?{weak.name}"
        incorporation = self._footnote_name(case.knowledge.incorporated_into_items_of, case.date, 1)
        designer = self._footnote_name([case.item.developed_by or ""], case.date, 1)
        return Footnote1Facts(party, incorporation, designer)

    def _footnote_name(self, names: list[str], on: date, footnote: int) -> str | None:
        """The first name that is a strong match of a listed entity with this footnote."""
        for name in (n for n in names if n.strip()):
            result = self.screener.screen(name, lists=["EL"], as_of=on, limit=3)
            if any(
                m.score >= STRONG_MATCH and footnote in m.entry.footnotes for m in result.matches
            ):
                return name
        return None

    def _license(
        self,
        case: Case,
        f: Facts,
        decision: Decision,
        fdp_only: bool,
        fdp_caught: bool,
        footnote_rules_caught: list[tuple[FootnoteRule, bool | None]],
        findings: list[FdpFinding],
        destination_fdp_only: bool | None,
    ) -> Situation:
        """Every license requirement that reaches the case, recorded with its reasons; the
        answer is True if any requires a license, and the review policy the strictest."""
        ear = f.ear
        parts: list[bool | None] = []
        requirements: list[Requirement] = []
        chart_required: bool | None = None
        # Part 746: the embargoes and special controls of the destination.
        fdp_sections = {x.rule.license.split("(")[0] for x in findings if x.subject}
        for req in part746(f):
            owed_to_ofac = req.rule.endswith("(e)")  # 746.7(e) holds whatever the EAR requires
            if req.section in fdp_sections and destination_fdp_only and not owed_to_ofac:
                continue  # the FDP rule's own requirement (746.8(a)(2)) speaks for the item
            if (
                req.section in fdp_sections
                and destination_fdp_only is None
                and req.required
                and not owed_to_ofac
            ):
                req = replace(
                    req,
                    required=None,
                    text=req.text + " Whether it applies beside the FDP rule's own requirement "
                    "turns on whether the item is subject to the EAR otherwise (de minimis).",
                )
            requirements.append(req)
        # Part 738: the Country Chart (which points embargoed destinations to Part 746).
        pointer = ear.country_chart.embargo_pointer(case.destination)
        if pointer is not None:
            decision.because(
                "15 CFR 738.4",
                None,
                f"The Country Chart has no row for {case.destination}: {pointer}; Part 746 "
                "decides.",
                "license",
            )
        elif case.item.eccn is None:
            decision.missing("item.eccn")
            parts.append(None)
        else:
            answer = chart_requirement(
                ear, case.item.eccn, case.destination, exported_from=case.from_country
            )
            decision.because("15 CFR 738.4", None, answer.text, "license")
            chart_required = self._dated_chart(f, answer, decision)
            if answer.columns:
                decision.details["country_chart"] = list(answer.columns)
            parts.append(chart_required)
        # Part 744: end users and end uses.
        el_required = entity_list(f, decision, fdp_only, self.regdata.timeline)
        if fdp_caught:
            el_required = self._footnote1_license(case, decision)
        timeline = self.regdata.timeline
        if el_required and standards_exception(case, f.reasons, timeline, decision):
            el_required = False
        parts.append(el_required)
        parts.append(other_end_user_lists(f.hits, decision))
        for rule, caught in footnote_rules_caught:
            if caught:
                requirements.append(self._footnote_rule_license(case, rule))
        for found in findings:
            if found.license is not None and found.subject is not False:
                requirements.append(found.license)
        for end_use_rule in (military_end_use, military_intelligence):
            found_req = end_use_rule(f)
            if found_req is not None:
                requirements.append(found_req)
        requirements.extend(weapons_of_mass_destruction(f))
        requirements.extend(advanced_computing(f))
        requirements.extend(designated_parties(f))
        for req in requirements:
            req.record(decision)
            if not req.overlay or req.required is not False:
                parts.append(req.required)
        decision.license_required = tri_or(parts)
        huawei = [h for h in f.hits if h.applied and h.entry.list == "EL" and is_huawei(h.entry)]
        if el_required and huawei:
            tgl = huawei_tgl(case, self.regdata.timeline, decision)
            if tgl:
                decision.authorizations.append(tgl)
        self._policy(case, f, decision, fdp_only, el_required, chart_required, requirements)
        binding = [r for r in requirements if r.required]
        limits = [r for r in binding if r.exceptions is not None]
        allowed: frozenset[str] | None = None
        for r in limits:
            codes = frozenset(r.exceptions or ())
            allowed = codes if allowed is None else allowed & codes
        # 744.16(b): no exception for an entity whose entry allows none; the footnote 1 FDP
        # rule (744.11(a)(2)(i)) lets an item subject only under it use one with its own
        # entity, not with another listed party.
        barring = [h for h in f.el_applied if not (fdp_only and 1 in h.entry.footnotes)]
        return Situation(
            chart_reasons=tuple(self._chart_reasons(decision)) if chart_required else (),
            entity_list_barred=bool(barring) or (bool(el_required) and not fdp_only),
            fdp_only=fdp_only,
            embargo_section=next((r.rule for r in limits), None),
            end_user_lists=tuple(
                sorted(
                    {
                        h.entry.list
                        for h in f.hits
                        if h.applied and h.entry.list in ("DPL", "UVL", "MEU")
                    }
                )
            ),
            allowed=allowed,
            limited_by=tuple(dict.fromkeys(r.rule for r in limits)),
        )

    @staticmethod
    def _dated_chart(f: Facts, answer: Any, decision: Decision) -> bool | None:
        """The chart answer, unless the entry was revised after the date by a rule whose earlier
        text the amendment log lacks: then only a requirement from a Country Chart column
        (columns did not change in those revisions) stands; otherwise the answer waits."""
        unknown = getattr(f.ear.ccl, "unknown", {})
        amendment = unknown.get(f.base or "")
        if amendment is None:
            required: bool | None = answer.required
            return required
        by_column = any(not c.startswith(("RS (", "NS (", "EI (")) for c in answer.columns)
        if answer.required and by_column:
            return True
        decision.missing(
            f"the text of ECCN {f.base} before {amendment.effective} ({amendment.citation}): "
            "the bundled CCL has only its later text"
        )
        return None

    def _footnote1_license(self, case: Case, decision: Decision) -> bool:
        """744.11(a)(2)(i) (before 2022-02-03: 736.2(b)(3)(vi) and footnote 1): an item subject
        under the footnote 1 FDP rule needs a license to any destination, end user or party,
        whoever the parties are."""
        version = decision.details.get("fdp_rule", "")
        citation = {
            "el-fdp-footnote1-2020-05": "85 FR 29849",
            "el-fdp-footnote1-2020-08": "85 FR 51596",
        }.get(version, "87 FR 6022")
        rule = (
            "15 CFR 744.11(a)(2)(i)"
            if case.date >= date(2022, 2, 3)
            else "15 CFR 736.2(b)(3)(vi) and footnote 1 to Supp. No. 4 to Part 744"
        )
        decision.because(
            rule,
            citation,
            "The item is subject to the EAR under the Entity List foreign direct "
            "product rule: a license is required to any destination, end user "
            "or party.",
            "license",
        )
        return True

    @staticmethod
    def _footnote_rule_license(case: Case, rule: FootnoteRule) -> Requirement:
        """The license requirement of a footnote 3 or 4 FDP rule: 746.8(a)(3) (policy of denial
        in all cases, 746.8(b)) or 744.11(a)(2)(ii) and (v) (the entry's policy)."""
        if rule.footnote == 3:
            from earmark.rules.partners import partner_on

            partner = partner_on(case.from_country, case.date)
            if partner:
                return Requirement(
                    rule.license_cfr,
                    rule.citation,
                    False,
                    f"Exported from {case.from_country}, a country of Supplement No. 3 to Part "
                    f"746 ({partner}): the {rule.title} license requirement does not apply "
                    "(746.8(a)(4)).",
                    section="746.8",
                )
            return Requirement(
                rule.license_cfr,
                rule.citation,
                True,
                f"An item subject to the EAR under the {rule.title} needs a license "
                f"({rule.license_cfr}); policy of denial in all cases (746.8(b)).",
                policy="policy_of_denial",
                exceptions=(),
                section="746.8",
            )
        return Requirement(
            rule.license_cfr,
            rule.citation,
            True,
            f"An item subject to the EAR under the {rule.title} needs a license "
            f"({rule.license_cfr}).",
            section=rule.license_cfr.split()[2].split("(")[0],
        )

    def _policy(
        self,
        case: Case,
        f: Facts,
        decision: Decision,
        fdp_only: bool,
        el_required: bool | None,
        chart_required: bool | None,
        requirements: list[Requirement],
    ) -> None:
        """The review policy: the strictest of the policies of every requirement that applies
        (a Denied Persons order, the Entity List entry's clause for the item, the Part 744 and
        746 sections, the Country Chart's Part 742 policies)."""
        if not decision.license_required:
            return
        candidates: list[str | None] = []
        applied = [h for h in f.hits if h.applied and h.entry.list in ("EL", "DPL")]
        if any(h.entry.list == "DPL" for h in applied):
            candidates.append("policy_of_denial")
        entries = {h.entry.id: h.entry for h in f.el_applied}
        if el_required and not entries and fdp_only:
            # The footnote 1 rule through incorporation only: the entity named in the case.
            entry = self._incorporated_entry(case)
            if entry is not None:
                entries[entry.id] = entry
        policies = (
            [self._entity_policy(case, f, decision, fdp_only, e) for e in entries.values()]
            if el_required
            else []
        )
        if el_required and any(p is None for p in policies):
            decision.review_policy = None  # one listed party's clause is open: see missing_facts
            return
        candidates.extend(policies)
        for req in requirements:
            if req.policy and (req.required or req.overlay):
                candidates.append(req.policy)
            if req.required and req.policy is None and req.missing:
                decision.review_policy = None  # the rule's policy turns on a missing fact
                return
        if chart_required:
            candidates.append(self._chart_policy(decision))
        decision.review_policy = strictest(candidates)

    def _incorporated_entry(self, case: Case) -> Any:
        for name in case.knowledge.incorporated_into_items_of:
            if not name.strip():
                continue
            result = self.screener.screen(name, lists=["EL"], as_of=case.date, limit=1)
            if result.matches and result.matches[0].score >= STRONG_MATCH:
                return result.matches[0].entry
        return None

    def _entity_policy(
        self, case: Case, f: Facts, decision: Decision, fdp_only: bool, entry: Any
    ) -> str | None:
        policy, clause, questions = entry_policy(entry, f)
        for question in questions:
            decision.missing(question)
        if fdp_only and 1 in entry.footnotes and case.date >= date(2020, 8, 17):
            gen = case.item.telecom_generation
            if gen is None:
                decision.missing("item.telecom_generation")
            elif gen in ("2G", "3G", "4G"):
                policy = "case_by_case"
                clause = ""
                decision.because(
                    "15 CFR 744.11(a)(2)(i)",
                    "85 FR 51596",
                    f"Footnote 1 items able to support telecommunications below 5G ({gen}) "
                    "are reviewed case by case.",
                    "policy",
                )
        decision.because(
            "15 CFR 744.11(a)",
            None,
            f"Review policy of the entry '{entry.name}': {entry.license_policy or 'not stated'}"
            + (f" ({clause} applies to this item)." if clause else "."),
            "policy",
        )
        self._policy_events(case, decision, entry)
        return policy

    def _chart_policy(self, decision: Decision) -> str:
        policies = _part742_policies()
        reasons = [r for r in self._chart_reasons(decision) if r in policies]
        chosen = [policies[r] for r in reasons] or [policies["NS"]]
        for reason, p in zip(reasons, chosen, strict=False):
            decision.because(p["section"], None, f"{reason}: {p['note']}.", "policy")
        return (
            "policy_of_denial"
            if any(p["policy"] == "policy_of_denial" for p in chosen)
            else "case_by_case"
        )

    def _versions(self, case: Case, decision: Decision) -> None:
        """Which version of each EAR table the answer used (details.versions), and the table
        facts the amendment log cannot date for the destination."""
        decision.details["versions"] = self.regdata.dated.versions(case.date)

    def _check_region(self, case: Case, where: str) -> None:
        region = case.destination_region
        if not region:
            return
        code = region.strip().upper()
        if len(code) > 3 and code[2] == "-" and code[:2].isalpha() and code[:2] != case.destination:
            raise BadInput(
                f"{where}.destination_region",
                f"{region!r} is a region of {code[:2]}, not of the destination {case.destination}",
            )

    @staticmethod
    def _chart_reasons(decision: Decision) -> list[str]:
        """The reasons for control whose columns require the license ("NS 2" -> "NS")."""
        columns = decision.details.get("country_chart", [])
        return list(dict.fromkeys(c.split()[0] for c in columns))

    def _policy_events(self, case: Case, decision: Decision, entry: Any) -> None:
        if not is_huawei(entry):
            return
        try:
            event = self.regdata.timeline.get(HALT_EVENT)
        except KeyError:
            return
        if case.date >= event.effective_from:
            decision.because(
                "policy event (not a regulation)",
                None,
                f"{event.title} ({event.effective_from}; sources: {'; '.join(event.sources[:2])}). "
                "The regulation text did not change; expect denial in practice.",
                "policy",
            )
            decision.details["policy_events"] = [event.id]


@lru_cache(maxsize=1)
def _part742_policies() -> dict[str, dict[str, str]]:
    path = Path(__file__).resolve().parent / "data" / "part742_policies.toml"
    with path.open("rb") as fh:
        policies: dict[str, dict[str, str]] = tomllib.load(fh)["reasons"]
    return policies


def check_many(
    items: list[Any], engine: Engine | None = None, allow_unknown: bool = False
) -> list[Decision]:
    engine = engine or Engine()
    return [engine.check(item, f"cases[{i}]", allow_unknown) for i, item in enumerate(items)]
