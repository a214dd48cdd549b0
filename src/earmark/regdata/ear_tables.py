"""The EAR reference tables at run time: Country Chart, Country Groups, CCL, License Exceptions.

Everything is read from the gzip'd JSON bundled under ``earmark/regdata/data/ear/`` (built by
:mod:`earmark.regdata.sources.ear_tables`) and keyed by ISO 3166-1 alpha-2 code. Each table
carries the :class:`~earmark.regdata.model.Dataset` it was loaded from (provenance and the
sha256 of the bundled file), so decisions can be stamped with the data version.

Nothing here says a transaction is permitted: a Country Chart cell without an X means only that
no license is required *for that reason* (§ 738.4(a)(2)(ii)(B)), and a destination without a
row (the embargoed ones, or one the EAR does not name) gives ``None``, never ``False``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

from earmark.errors import BadInput, DataError
from earmark.regdata.bundle import DATA_DIR, read_json_gz
from earmark.regdata.countries import country_code, dataset_from_meta
from earmark.regdata.model import Dataset

EAR_DIR = "ear"
CHART_FILE = "country-chart.json.gz"
GROUPS_FILE = "country-groups.json.gz"
CCL_FILE = "ccl.json.gz"
EXCEPTIONS_FILE = "license-exceptions.json.gz"


def _code(value: str) -> str | None:
    """The ISO alpha-2 code of a destination given as a code (any case), name or alias."""
    return country_code(value)


def _frozen(mapping: Mapping[str, Any]) -> MappingProxyType[str, Any]:
    return MappingProxyType(dict(mapping))


# ---------------------------------------------------------------------------------------------
# Commerce Country Chart (Supp. No. 1 to Part 738)


@dataclass(frozen=True, slots=True)
class ChartRow:
    """The Country Chart row that applies to a destination."""

    code: str  # the row's country, e.g. "CN" (also when asked for "HK")
    name: str  # the row name as printed in the chart, e.g. "China"
    marks: frozenset[str]  # columns with an X, e.g. {"NS 1", "NS 2", ...}
    footnotes: tuple[int, ...]
    destination: str  # the destination asked for, e.g. "HK"
    inherited_basis: str | None = None  # why another country's row applies (HK -> CN)

    @property
    def inherited(self) -> bool:
        return self.destination != self.code

    def has_mark(self, column: str) -> bool:
        return normalise_column(column) in self.marks


@dataclass(frozen=True, slots=True)
class EmbargoPointer:
    """An embargoed destination: no marks at all, only a pointer to Part 746 (§ 742.19 for KP)."""

    code: str
    name: str
    pointer: str
    footnotes: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class TerritoryInheritance:
    """A destination governed by another's Country Chart row, and why (e.g. HK -> CN)."""

    code: str
    name: str
    row: str  # the code whose row applies
    basis: str
    groups: bool = False  # the parent's Country Groups apply too (HK only)


_COLUMN_RE = re.compile(r"^\s*([A-Za-z]{2})\s*(?:column\s*)?([0-9])\s*$", re.I)


def normalise_column(column: str) -> str:
    """'NS 2', 'ns2', 'NS Column 2' -> 'NS 2' (not checked against the chart)."""
    m = _COLUMN_RE.match(column)
    return f"{m.group(1).upper()} {m.group(2)}" if m else column.strip()


@dataclass(frozen=True, slots=True)
class CountryChart:
    dataset: Dataset
    citation: str
    columns: tuple[str, ...]
    column_labels: Mapping[str, str]
    footnotes: Mapping[int, str]
    rows: Mapping[str, ChartRow]  # own rows only, by code
    embargoed: Mapping[str, EmbargoPointer]
    territories: Mapping[str, TerritoryInheritance]
    territory_note: str | None
    all_destinations_entries: Mapping[str, Any]  # § 738.3(a)(1): entries the chart does not use
    notes: Mapping[str, str]

    def column(self, column: str, field: str = "column") -> str:
        """The canonical column name; BadInput if the chart has no such column."""
        name = normalise_column(column)
        if name not in self.columns:
            raise BadInput(field, f"unknown Country Chart column {column!r}")
        return name

    def row(self, code: str) -> ChartRow | None:
        """The row for a destination, following territory inheritance (HK -> China).

        None for an embargoed destination (see :meth:`embargo_pointer`) and for one the chart
        neither lists nor assigns to another row.
        """
        dest = _code(code)
        if dest is None:
            return None
        own = self.rows.get(dest)
        if own is not None:
            return own
        territory = self.territories.get(dest)
        if territory is None:
            return None
        parent = self.rows.get(territory.row)
        if parent is None:
            return None
        return replace(parent, destination=dest, inherited_basis=territory.basis)

    def license_required(self, code: str, column: str) -> bool | None:
        """True if the destination's cell in ``column`` has an X, False if not.

        None when the destination has no row: embargoed (Part 746, see :meth:`embargo_pointer`)
        or unknown. False is only "no license for this reason", not "permitted".
        """
        col = self.column(column)
        row = self.row(code)
        if row is None:
            return None
        return col in row.marks

    def embargo(self, code: str) -> EmbargoPointer | None:
        dest = _code(code)
        return self.embargoed.get(dest) if dest else None

    def embargo_pointer(self, code: str) -> str | None:
        """The chart's pointer text for an embargoed destination (Cuba, Iran, KP, Syria)."""
        found = self.embargo(code)
        return found.pointer if found else None

    def footnote(self, number: int) -> str:
        return self.footnotes[number]


# ---------------------------------------------------------------------------------------------
# Country Groups (Supp. No. 1 to Part 740)

_GROUP_RE = re.compile(r"^\s*([A-Ea-e])\s*:?\s*([0-9]?)\s*$")


@dataclass(frozen=True, slots=True)
class CountryGroups:
    dataset: Dataset
    citation: str
    labels: Mapping[str, str]  # "D:5" -> "U.S. arms-embargoed countries"
    notes: Mapping[str, str]  # e.g. notes["macau"]: Macau is not in D:5
    names: Mapping[str, tuple[str, ...]]  # code -> names as written in the tables
    territories: Mapping[str, TerritoryInheritance]
    group_members: Mapping[str, frozenset[str]]  # group -> codes its table lists
    memberships: Mapping[str, frozenset[str]]  # code -> groups whose tables list it

    @property
    def groups(self) -> tuple[str, ...]:
        return tuple(self.group_members)

    def group(self, group: str, field: str = "group") -> str:
        """The canonical group name ('d5', 'D:5' -> 'D:5'); BadInput if there is none such."""
        m = _GROUP_RE.match(group)
        name = (m.group(1).upper() + (f":{m.group(2)}" if m.group(2) else "")) if m else group
        if name not in self.group_members:
            raise BadInput(field, f"unknown Country Group {group!r}")
        return name

    def inherits(self, code: str) -> TerritoryInheritance | None:
        """The territory rule that gives ``code`` another country's groups, if one is used."""
        dest = _code(code)
        if dest is None or dest in self.memberships:
            return None
        territory = self.territories.get(dest)
        return territory if territory is not None and territory.groups else None

    def groups_of(self, code: str) -> frozenset[str]:
        """The groups a destination is in (CN -> D:1, D:3, D:4, D:5).

        Hong Kong, which the tables no longer list (85 FR 83788), takes China's groups; see
        :meth:`inherits`. A destination no table lists gives the empty set (Liechtenstein and
        the Cayman Islands inherit a Country Chart row, not Country Groups).
        """
        dest = _code(code)
        if dest is None:
            return frozenset()
        own = self.memberships.get(dest)
        if own is not None:
            return own
        territory = self.inherits(dest)
        return self.memberships.get(territory.row, frozenset()) if territory else frozenset()

    def in_group(self, code: str, group: str) -> bool:
        return self.group(group) in self.groups_of(code)

    def members(self, group: str) -> frozenset[str]:
        """The codes the group's table lists (territories that inherit are not added)."""
        return self.group_members[self.group(group)]


# ---------------------------------------------------------------------------------------------
# Commerce Control List (Supp. No. 1 to Part 774)

_ECCN_RE = re.compile(r"^([0-9])([A-Z])([0-9]{3})(?:\.([A-Za-z0-9]+(?:\.[A-Za-z0-9]+)*))?$")


@dataclass(frozen=True, slots=True)
class Eccn:
    """A parsed ECCN: '3A001.a.1' -> base '3A001', paragraph 'a.1'; or EAR99."""

    text: str  # normalised, e.g. "5A992.c"
    base: str  # "5A992", "EAR99" or "0Y521"
    category: str | None = None  # "0".."9"
    product_group: str | None = None  # "A".."E" ("Y" for the 0Y521 series)
    number: str | None = None  # "992"
    paragraph: str | None = None  # "c", "a.1"

    @property
    def is_ear99(self) -> bool:
        return self.base == "EAR99"

    @property
    def is_series(self) -> bool:
        """The 0Y521 series name: it stands for 0A521..0E521, it is not an entry itself."""
        return self.product_group == "Y"

    def __str__(self) -> str:
        return self.text


_ECCN_HELP = (
    "expected an ECCN such as 5A992, 5A992.c or 3A001.a.1 (a category digit 0-9, a product "
    "group A-E, three digits and an optional dotted paragraph), or EAR99"
)


def parse_eccn(text: str, field: str = "eccn") -> Eccn:
    """Parse and normalise an ECCN; malformed input raises :class:`BadInput` naming ``field``."""
    if not isinstance(text, str):
        raise BadInput(field, f"{_ECCN_HELP}; got {text!r}")
    return _parse_eccn(text, field)


@lru_cache(maxsize=4096)  # a batch names the same few hundred ECCNs again and again
def _parse_eccn(text: str, field: str) -> Eccn:
    raw = text.strip()
    if not raw:
        raise BadInput(field, f"empty ECCN: {_ECCN_HELP}")
    if raw.upper() == "EAR99":
        return Eccn(text="EAR99", base="EAR99")
    upper = raw[:5].upper() + raw[5:]
    m = _ECCN_RE.match(upper)
    if m is None:
        reason = ""
        head = raw[:5].upper()
        if len(head) >= 1 and not head[0].isdigit():
            reason = f": category {head[0]!r} is not a digit 0-9"
        elif len(head) >= 2 and head[1] not in "ABCDE":
            reason = f": product group {head[1]!r} is not one of A-E"
        elif len(head) < 5 or not head[2:5].isdigit():
            reason = ": the category and product group must be followed by three digits"
        elif len(raw) > 5:
            reason = f": paragraph {raw[5:]!r} is not a dotted paragraph such as .a.1"
        raise BadInput(field, f"malformed ECCN {raw!r}{reason}; {_ECCN_HELP}")
    category, group, number, paragraph = m.groups()
    if group == "Y" and number != "521":
        raise BadInput(field, f"malformed ECCN {raw!r}: product group 'Y' is only used by 0Y521")
    if group not in "ABCDEY":
        raise BadInput(field, f"malformed ECCN {raw!r}: product group {group!r} is not one of A-E")
    base = f"{category}{group}{number}"
    para = paragraph.lower() if paragraph else None
    return Eccn(
        text=f"{base}.{para}" if para else base,
        base=base,
        category=category,
        product_group=group,
        number=number,
        paragraph=para,
    )


# -- what a control covers: its scope read into paragraphs, exclusions and conditions ----------
#
# A control's scope is the text after "XX applies to": "entire entry", "entire entry except
# 0A501.y", "9A610.t, .u, .v, and .w", "entire entry except: 9A610.b; parts and components
# controlled in 9A610.x if being exported or reexported for use in an aircraft controlled in
# 9A610.b; and 9A610.y", "“technology” for commodities controlled by 3A001, 3A002 ...".
# :func:`read_scope` turns it into :class:`ScopePart` records; the build step stores them with
# each control, and :mod:`earmark.rules.country_chart` decides coverage from them.

SCOPE_OWN = "own"  # a paragraph of the entry itself ("9A610.x")
SCOPE_FOR = "for"  # software or technology *for* items of another entry ("for 3A001")
SCOPE_WORDS = "words"  # a description no paragraph settles ("presses ... below 69 MPa")


@dataclass(frozen=True, slots=True)
class ScopePart:
    """One paragraph (or range, or description) that a scope includes or excludes."""

    paragraph: str | None  # "9A610.x"; "3A001" for a SCOPE_FOR part; None: words only
    relation: str = SCOPE_OWN  # SCOPE_OWN | SCOPE_FOR | SCOPE_WORDS
    through: str | None = None  # the end of a range: "3C001 to 3C006", "3B001.k to n"
    condition: str | None = None  # the words that make the part depend on facts
    within: str | None = None  # a parenthetical exception: it applies under this paragraph

    def to_dict(self) -> dict[str, str | None]:
        return {
            "paragraph": self.paragraph,
            "relation": self.relation,
            "through": self.through,
            "condition": self.condition,
            "within": self.within,
        }

    @classmethod
    def from_dict(cls, raw: Mapping[str, Any]) -> ScopePart:
        return cls(
            raw["paragraph"], raw["relation"], raw["through"], raw["condition"], raw["within"]
        )


@dataclass(frozen=True, slots=True)
class ScopeReading:
    """A scope read: the entire entry or the ``include`` parts, less the ``exclude`` parts."""

    entire: bool
    include: tuple[ScopePart, ...] = ()
    exclude: tuple[ScopePart, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "entire": self.entire,
            "include": [p.to_dict() for p in self.include],
            "exclude": [p.to_dict() for p in self.exclude],
        }

    @classmethod
    def from_dict(cls, raw: Mapping[str, Any]) -> ScopeReading:
        return cls(
            bool(raw["entire"]),
            tuple(ScopePart.from_dict(p) for p in raw["include"]),
            tuple(ScopePart.from_dict(p) for p in raw["exclude"]),
        )


_S_FULL = r"\d[A-E]\d{3}(?:\.[a-z0-9]+)*"
_S_GROUP = r"\d[A-E](?![0-9A-Za-z])"
_S_SHORT = r"\.[a-z0-9]+(?:\.[a-z0-9]+)*"
_S_BARE = r"[a-z](?:\.[a-z0-9]+)*"
_SCOPE_REF = re.compile(
    rf"(?<![\w.])(?:(?P<full>{_S_FULL})|(?P<group>{_S_GROUP})|(?P<short>{_S_SHORT})"
    rf"|(?P<bare>{_S_BARE})(?=[\s,;:)]|\.(?:\s|$)|$))"
)
# Words between two references that make a list ("3A001.b, b.3 and .c") or a range.
_S_LIST = re.compile(r"^\s*(?:,\s*(?:and|or)?|and|or|and/or)\s*$")
_S_RANGE = re.compile(r"^\s*(?:to|through)\s*$")
# Words that start a condition: what follows is a fact the paragraph does not settle.
_S_CONDITION = re.compile(
    r"\b(?:if|when|unless|being|for use|that|which|having|with|below|above|meeting|for items "
    r"for|for lead|in the form|as applicable)\b",
    re.I,
)
_S_EXCEPT = re.compile(r"\b(?:except|EXCEPT|other than)\b[\s:,]*")
_S_FROM = re.compile(r",?\s*when exported from\b.*$", re.I | re.S)


def _seg_key(seg: str) -> tuple[int, int, str]:
    return (0, int(seg), "") if seg.isdigit() else (1, 0, seg)


def paragraph_path(ref: str) -> list[str]:
    """'3A001.b.2' -> ['3A001', 'b', '2']; '3B' (a product group) -> ['3B']."""
    head, *rest = ref.split(".")
    return [head.upper(), *rest]


def _resolve_short(short: str, previous: list[str] | None, base: str) -> list[str]:
    """A paragraph given without its ECCN: '.y' after '0A606.b' is 0A606.y, '.16' after
    '1C351.d.15' is 1C351.d.16, 'z.2.a' is <base>.z.2.a. A reference that starts with a letter
    is read from the entry's top level; one that starts with a number replaces the last
    numbered level of the previous reference."""
    segs = short.strip(".").split(".")
    prev = previous if previous and len(previous[0]) == 5 else [base]
    if not segs[0].isdigit():
        return [prev[0], *segs]
    depth = len(prev) - 1
    while depth >= 1 and not prev[depth].isdigit():
        depth -= 1
    if depth < 1:
        return [prev[0], *segs]
    return [*prev[:depth], *segs]


def _balanced_excepts(text: str) -> tuple[str, list[tuple[int, str]]]:
    """Cut each "(except ...)" out of ``text``: (the text with blanks, [(position, inside)])."""
    out = list(text)
    found: list[tuple[int, str]] = []
    spans: list[tuple[int, int]] = []
    for m in re.finditer(r"\(\s*except\b", text, re.I):
        if any(a <= m.start() <= b for a, b in spans):
            continue  # inside an exception already cut
        depth, end = 0, None
        for i in range(m.start(), len(text)):
            if text[i] == "(":
                depth += 1
            elif text[i] == ")":
                depth -= 1
                if depth == 0:
                    end = i
                    break
        if end is None:
            continue
        spans.append((m.start(), end))
        found.append((m.start(), text[m.end() : end].strip(" :,")))
        out[m.start() : end + 1] = " " * (end + 1 - m.start())
    return "".join(out), found


def _clause_parts(
    base: str,
    clause: str,
    previous: list[str] | None,
    relation_hint: str | None = None,
) -> tuple[list[tuple[int, ScopePart]], list[str] | None]:
    """The parts one clause names, with their positions: its references before any condition
    words, each with that condition. ``relation_hint``: the relation of the paragraph a
    parenthetical exception belongs to."""
    group = base[1] if len(base) == 5 else ""
    cond = _S_CONDITION.search(clause)
    cut = cond.start() if cond else len(clause)
    refs: list[tuple[int, int, list[str]]] = []
    last_end: int | None = None
    for m in _SCOPE_REF.finditer(clause, 0, cut):
        if m.group("full"):
            path = paragraph_path(m.group("full"))
        elif m.group("group"):
            path = [m.group("group").upper()]
        else:
            between = clause[last_end : m.start()] if last_end is not None else None
            if m.group("bare"):
                leading = between is None and not clause[: m.start()].strip(" ,:(")
                listed = between is not None and bool(
                    _S_LIST.match(between) or _S_RANGE.match(between)
                )
                if not (listed or (leading and previous is not None)):
                    continue  # a bare letter is a paragraph only in a list of them
            path = _resolve_short(m.group("short") or m.group("bare"), previous, base)
        refs.append((m.start(), m.end(), path))
        previous, last_end = path, m.end()
    # "2B004.b.3 and presses with ... below 69 MPa": the words after "and" are a description
    # of their own, and the condition is theirs, not the paragraph's.
    words_start: int | None = None
    if refs and cond:
        gap = re.match(r"\s*,?\s*(?:and|or)\s+(?=[^\W\d])", clause[refs[-1][1] : cut])
        if gap and clause[refs[-1][1] + gap.end() : cut].strip():
            words_start = refs[-1][1] + gap.end()
    condition = None if words_start is not None else " ".join(clause[cut:].split()).strip(" ,;.")
    parts: list[tuple[int, ScopePart]] = []
    i = 0
    while i < len(refs):
        start, end, path = refs[i]
        through: list[str] | None = None
        if i + 1 < len(refs) and _S_RANGE.match(clause[end : refs[i + 1][0]]):
            through = refs[i + 1][2]
            i += 1
        i += 1
        own = path[0] == base
        relation = SCOPE_OWN if own else SCOPE_FOR
        if not own and not (group in "DE" and re.search(r"\bfor\b", clause[:start], re.I)):
            relation = SCOPE_WORDS
        if relation_hint is not None and not own:
            relation = relation_hint
        paragraph = ".".join(path)
        parts.append(
            (
                start,
                ScopePart(
                    paragraph, relation, ".".join(through) if through else None, condition or None
                ),
            )
        )
    if words_start is not None:
        words = " ".join(clause[words_start:].split()).strip(" ,;.")
        parts.append((words_start, ScopePart(None, SCOPE_WORDS, condition=words)))
    if not parts:
        words = " ".join(clause.split()).strip(" ,;.")
        if words:
            parts.append((0, ScopePart(None, SCOPE_WORDS, condition=words)))
    return parts, previous


def _list_parts(
    base: str,
    text: str,
    previous: list[str] | None = None,
    relation_hint: str | None = None,
) -> tuple[list[ScopePart], list[ScopePart]]:
    """(parts named, parts excepted in parentheses) of a list of paragraphs."""
    blanked, inner = _balanced_excepts(text)
    # A new clause starts at "; " and at ", and <a paragraph of the entry>".
    cuts = [0]
    for m in re.finditer(rf";|,\s+(?:and|or)\s+(?={base}\.)", blanked):
        cuts.append(m.start())
        cuts.append(m.end())
    cuts.append(len(blanked))
    parts: list[ScopePart] = []
    excepted: list[ScopePart] = []
    for start, end in zip(cuts[::2], cuts[1::2], strict=True):
        raw_clause = blanked[start:end]
        lead = re.match(r"^\s*(?:and|or)\s+(?:to\s+)?", raw_clause)
        skip = lead.end() if lead else 0
        clause = raw_clause[skip:]
        if not clause.strip(" ,.:"):
            continue
        found, previous = _clause_parts(base, clause, previous, relation_hint)
        for pos, inside in inner:
            if not start <= pos < end:
                continue
            # The exception belongs to the last paragraph named before it.
            before = [p for at, p in found if p.paragraph and start + skip + at < pos]
            anchor = before[-1] if before else (parts[-1] if parts else None)
            where = anchor.paragraph if anchor else None
            sub, _ = _list_parts(
                base,
                inside,
                paragraph_path(where) if where else None,
                anchor.relation if anchor and anchor.relation != SCOPE_OWN else None,
            )
            excepted.extend(
                ScopePart(p.paragraph, p.relation, p.through, p.condition, where) for p in sub
            )
        parts.extend(p for _, p in found)
    return parts, excepted


def read_scope(eccn: str, scope: str) -> ScopeReading:
    """Read a control's scope for the entry ``eccn`` (see :class:`ScopePart`)."""
    base = eccn.split(".")[0].upper()
    text = " ".join(scope.split())
    text = re.sub(r"(\d[A-E]\d{3})\.\s+(?=[a-z]\b)", r"\1.", text)
    text = re.split(r"\.\s+Note:", text)[0]
    text = _S_FROM.sub("", text).strip().rstrip(".").strip()
    entire = re.match(r"(?:the\s+)?entire\s+entry\b[\s,:;.]*", text, re.I)
    exclude_text = ""
    if entire:
        rest = text[entire.end() :]
        if not rest:
            return ScopeReading(True)
        m = _S_EXCEPT.match(rest)
        if m:
            include: list[ScopePart] = []
            exclude_text = rest[m.end() :]
        else:
            include, _ = _list_parts(base, rest)  # "the entire entry as applicable for ..."
            return ScopeReading(False, tuple(include))
    else:
        blanked, _ = _balanced_excepts(text)
        m = _S_EXCEPT.search(blanked)
        include_text = text[: m.start()] if m else text
        exclude_text = text[m.end() :] if m else ""
        include, paren = _list_parts(base, include_text)
        if not include:
            include = [ScopePart(None, SCOPE_WORDS, condition=text)]
    exclude: list[ScopePart] = []
    if not entire:
        exclude.extend(paren)
    if exclude_text:
        # "except those ... items being exported for civil telecommunications, or 3A001.z to
        # ...": a reference after ", or" starts the list of included items again.
        again = re.search(rf",\s+or\s+(?={base}\.)", exclude_text)
        if again and not entire:
            more, _ = _list_parts(base, exclude_text[again.end() :])
            include.extend(more)
            exclude_text = exclude_text[: again.start()]
        named, inner = _list_parts(base, exclude_text)
        exclude.extend(named)
        exclude.extend(inner)
    return ScopeReading(bool(entire), tuple(include), tuple(exclude))


def _path_match(path: list[str], ref: list[str], through: list[str] | None) -> bool | None:
    """True if ``path`` is (under) ``ref`` or in the range ref..through, None if ``ref`` is
    under ``path`` (the item is less precise than the paragraph), False otherwise."""
    if through is None or len(through) != len(ref):
        if path[: len(ref)] == ref:
            return True
        if ref[: len(path)] == path:
            return None
        # A product group ("3B") holds every entry that starts with it.
        return len(ref) == 1 and len(ref[0]) == 2 and path[0].startswith(ref[0])
    lead, low, high = ref[:-1], ref[-1], through[-1]
    if len(ref) == 1:  # a range of entries: 3C001 to 3C006
        if len(path[0]) != 5 or path[0][:2] != low[:2] or low[:2] != high[:2]:
            return False
        return low[2:] <= path[0][2:] <= high[2:]
    if path[: len(lead)] != lead:
        return None if lead[: len(path)] == path else False
    if len(path) == len(lead):
        return None
    seg = path[len(lead)]
    if seg.isdigit() != low.isdigit() or low.isdigit() != high.isdigit():
        return False
    return _seg_key(low) <= _seg_key(seg) <= _seg_key(high)


@dataclass(frozen=True, slots=True)
class Coverage:
    """Whether a control covers an item: True, False, or None with the questions that decide."""

    covered: bool | None
    questions: tuple[str, ...] = ()


def scope_coverage(
    item: str,
    reading: ScopeReading,
    for_items: tuple[str, ...] | None = None,
) -> Coverage:
    """Whether ``reading`` covers ``item`` ("9A610.x.1"). ``for_items``: the ECCNs of the
    items the software or technology is for, when known ("3A001" for 3E001 technology for
    3A001 commodities); without them a scope that names them gives None."""
    path = paragraph_path(item)
    questions: list[str] = []
    wanted: list[str] = []  # the items a SCOPE_FOR part names

    def match(part: ScopePart, ask: bool = True) -> bool | None:
        if part.relation == SCOPE_WORDS or part.paragraph is None:
            if ask:
                questions.append(part.condition or "the description of the item")
            return None
        ref = paragraph_path(part.paragraph)
        through = paragraph_path(part.through) if part.through else None
        if part.relation == SCOPE_FOR:
            what = part.paragraph + (f" to {part.through}" if part.through else "")
            if for_items is None:
                if ask:
                    wanted.append(what)
                return None
            results = [_path_match(paragraph_path(f), ref, through) for f in for_items]
            if True in results:
                return True
            if None in results:
                if ask:
                    wanted.append(what)
                return None
            return False
        found = _path_match(path, ref, through)
        if found is None and ask:
            questions.append(f"the item's paragraph under {item} ({part.paragraph})")
        return found

    if reading.entire:
        covered: bool | None = True
    else:
        covered = False
        for part in reading.include:
            got = match(part)
            if got is True and part.condition:
                questions.append(part.condition)
                got = None
            if got is True:
                covered = True
                break
            if got is None:
                covered = None
        if covered is False:
            return Coverage(False)
    for part in reading.exclude:
        if part.within is not None:
            anchor = ScopePart(part.within, SCOPE_OWN)
            if paragraph_path(part.within)[0] != path[0]:
                anchor = ScopePart(part.within, SCOPE_FOR)
            inside = match(anchor, ask=False)
            if inside is False:
                continue
        got = match(part)
        if got is True and not part.condition:
            return Coverage(False)
        if got is True:
            questions.append(f"excluded {part.condition}")
            covered = None
        elif got is None:
            covered = None
    if covered is True:
        return Coverage(True)
    if covered is None:
        if wanted:
            listed = ", ".join(dict.fromkeys(wanted))
            questions.insert(0, f"which items the {item} item is for ({listed})")
        return Coverage(None, tuple(dict.fromkeys(questions)))
    return Coverage(False)


# -- where a control applies: destinations read from the Country Chart cell -------------------


@dataclass(frozen=True, slots=True)
class Destinations:
    """Destinations named in a control that does not use a chart column."""

    countries: tuple[str, ...] = ()  # ISO codes included
    groups: tuple[str, ...] = ()  # Country Groups included ("D:5")
    worldwide: bool = False  # all destinations (less the exclusions)
    except_countries: tuple[str, ...] = ()
    except_groups: tuple[str, ...] = ()
    from_countries: tuple[str, ...] = ()  # only when exported from these ...
    from_groups: tuple[str, ...] = ()  # ... or from a destination in these groups
    condition: str | None = None  # a test the bundled data cannot make (CWC States Parties)
    basis: str = ""  # where the reading comes from: the cell's words or the section cited

    @property
    def from_condition(self) -> bool:
        return bool(self.from_countries or self.from_groups)

    def to_dict(self) -> dict[str, Any]:
        return {
            "countries": list(self.countries),
            "groups": list(self.groups),
            "worldwide": self.worldwide,
            "except_countries": list(self.except_countries),
            "except_groups": list(self.except_groups),
            "from_countries": list(self.from_countries),
            "from_groups": list(self.from_groups),
            "condition": self.condition,
            "basis": self.basis,
        }

    @classmethod
    def from_dict(cls, raw: Mapping[str, Any]) -> Destinations:
        return cls(
            countries=tuple(raw["countries"]),
            groups=tuple(raw["groups"]),
            worldwide=bool(raw["worldwide"]),
            except_countries=tuple(raw["except_countries"]),
            except_groups=tuple(raw["except_groups"]),
            from_countries=tuple(raw["from_countries"]),
            from_groups=tuple(raw["from_groups"]),
            condition=raw["condition"],
            basis=raw["basis"],
        )


@dataclass(frozen=True, slots=True)
class ChartControl:
    """One line of an ECCN's License Requirements table (reason, scope, Country Chart column)."""

    reason: str | None  # "NS", "AT", ...; None for e.g. "Russian industry sector sanctions"
    scope: str  # what it applies to: "entire entry", "entire entry except 0A501.y", ...
    entire_entry: bool  # scope is exactly the entire entry
    column: str | None  # "NS 2" when the text names a column
    refers_elsewhere: bool  # no column: the text points elsewhere ("See § 746.1", Macau/D:5...)
    references: tuple[str, ...]  # sections cited: "746.1(b)", "742.6(a)(6)(iii)(A)", "part 746"
    control: str  # the source text of the control
    text: str  # the source text of the Country Chart cell
    reading: ScopeReading | None = None  # the scope read (None: read it from ``scope``)
    destinations: Destinations | None = None  # where a control without a column applies

    def scope_reading(self, eccn: str) -> ScopeReading:
        """The scope read into paragraphs (stored by the build step, else read now)."""
        if self.reading is not None:
            return self.reading
        return ScopeReading(True) if self.entire_entry else read_scope(eccn, self.scope)


@dataclass(frozen=True, slots=True)
class ExceptionFlag:
    """A list-based License Exception line of an ECCN (LVS, GBS, TSR, STA, ENC, ...)."""

    symbol: str
    text: str  # as printed, e.g. "$1500", "Yes, except N/A for MT", "N/A"
    status: str  # "yes" | "no" | "conditional" (read the text)
    value_usd: int | None = None  # LVS: the dollar limit


@dataclass(frozen=True, slots=True)
class CclItem:
    paragraph: str | None
    kind: str  # "item" | "text" | "note"
    depth: int
    text: str


@dataclass(frozen=True, slots=True)
class CclEntry:
    eccn: str
    category: str
    product_group: str
    heading: str
    reason_text: str | None  # the "Reason for Control" line as printed
    reasons: tuple[str, ...]  # codes: the printed ones, then any only the controls name
    other_reasons: tuple[str, ...]  # e.g. ("foreign policy",)
    chart_controls: tuple[ChartControl, ...]
    license_exceptions: Mapping[str, ExceptionFlag]
    sta_special_conditions: str | None
    related_controls: str | None
    items: tuple[CclItem, ...] | None = None  # categories 1, 3, 4 and 5 only
    top_level_paragraphs: Mapping[str, str] | None = None
    source_flags: tuple[str, ...] = ()  # parser remarks, e.g. "requirementCellEmptyInSource"

    def exception(self, symbol: str) -> ExceptionFlag | None:
        return self.license_exceptions.get(symbol.strip().upper())

    @property
    def lvs_value(self) -> int | None:
        flag = self.license_exceptions.get("LVS")
        return flag.value_usd if flag else None


@dataclass(frozen=True, slots=True)
class Ccl:
    dataset: Dataset
    citation: str
    entries: Mapping[str, CclEntry]
    deep_categories: tuple[str, ...]

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[str]:
        return iter(self.entries)

    def __contains__(self, eccn: object) -> bool:
        return isinstance(eccn, str | Eccn) and self.get(eccn) is not None

    @staticmethod
    def parse_eccn(text: str, field: str = "eccn") -> Eccn:
        return parse_eccn(text, field)

    def get(self, eccn: str | Eccn) -> CclEntry | None:
        """The entry of an ECCN or of its base for a paragraph ('3A001.a.1' -> 3A001)."""
        try:
            parsed = eccn if isinstance(eccn, Eccn) else parse_eccn(eccn)
        except BadInput:
            return None
        return self.entries.get(parsed.base)

    def require(self, eccn: str | Eccn, field: str = "eccn") -> CclEntry | None:
        """The entry; None for EAR99; BadInput if malformed or not on the CCL."""
        parsed = eccn if isinstance(eccn, Eccn) else parse_eccn(eccn, field)
        if parsed.is_ear99:
            return None
        entry = self.entries.get(parsed.base)
        if entry is None:
            raise BadInput(
                field,
                f"ECCN {parsed.text!r} is not on the Commerce Control List "
                f"({self.dataset.provenance.snapshot.isoformat()})",
            )
        return entry

    def reasons_for_control(self, eccn: str | Eccn, field: str = "eccn") -> tuple[str, ...]:
        """The reason codes of the ECCN's entry (empty for EAR99)."""
        entry = self.require(eccn, field)
        return entry.reasons if entry else ()

    def chart_controls(self, eccn: str | Eccn, field: str = "eccn") -> tuple[ChartControl, ...]:
        """The entry's License Requirements lines (empty for EAR99); scopes are not applied."""
        entry = self.require(eccn, field)
        return entry.chart_controls if entry else ()


# ---------------------------------------------------------------------------------------------
# License Exceptions (Part 740)


@dataclass(frozen=True, slots=True)
class LicenseException:
    symbol: str
    section: str  # "740.13"
    citation: str  # "15 C.F.R. § 740.13"
    title: str
    symbols: tuple[str, ...]  # all symbols of the section (740.8: NAC and ACA)


@dataclass(frozen=True, slots=True)
class LicenseExceptions:
    dataset: Dataset
    citation: str
    by_symbol: Mapping[str, LicenseException]

    def get(self, symbol: str) -> LicenseException | None:
        return self.by_symbol.get(symbol.strip().upper())

    def __getitem__(self, symbol: str) -> LicenseException:
        found = self.get(symbol)
        if found is None:
            raise KeyError(symbol)
        return found

    def __contains__(self, symbol: object) -> bool:
        return isinstance(symbol, str) and self.get(symbol) is not None

    @property
    def symbols(self) -> tuple[str, ...]:
        return tuple(self.by_symbol)


# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class EarTables:
    country_chart: CountryChart
    country_groups: CountryGroups
    ccl: Ccl
    license_exceptions: LicenseExceptions

    @property
    def datasets(self) -> tuple[Dataset, ...]:
        return (
            self.country_chart.dataset,
            self.country_groups.dataset,
            self.ccl.dataset,
            self.license_exceptions.dataset,
        )

    @property
    def data_version(self) -> Mapping[str, str]:
        """Dataset id -> sha256 of the bundled file, to stamp decisions with."""
        return MappingProxyType({d.id: d.sha256 for d in self.datasets})


def _read(path: Path) -> tuple[Any, Dataset]:
    raw = read_json_gz(path)
    try:
        return raw, dataset_from_meta(raw["_meta"]["dataset"], path)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise DataError(f"bundled data file corrupt: {path.name}: _meta: {exc!r}") from exc


def _load_chart(path: Path) -> CountryChart:
    raw, dataset = _read(path)
    rows = {
        code: ChartRow(
            code=code,
            name=r["name"],
            marks=frozenset(r["marks"]),
            footnotes=tuple(r["footnotes"]),
            destination=code,
        )
        for code, r in raw["rows"].items()
    }
    embargoed = {
        code: EmbargoPointer(code, e["name"], e["pointer"], tuple(e["footnotes"]))
        for code, e in raw["embargoed"].items()
    }
    territories = {
        code: TerritoryInheritance(code, t["name"], t["row"], t["basis"], bool(t["groups"]))
        for code, t in raw["territory_inheritance"].items()
    }
    return CountryChart(
        dataset=dataset,
        citation=raw["citation"],
        columns=tuple(raw["columns"]),
        column_labels=_frozen(raw["column_labels"]),
        footnotes=MappingProxyType({int(k): v for k, v in raw["footnotes"].items()}),
        rows=_frozen(rows),
        embargoed=_frozen(embargoed),
        territories=_frozen(territories),
        territory_note=raw.get("territory_inheritance_note"),
        all_destinations_entries=_frozen(raw["all_destinations_entries"]),
        notes=_frozen(raw["notes"]),
    )


def _load_groups(path: Path, territories: Mapping[str, TerritoryInheritance]) -> CountryGroups:
    raw, dataset = _read(path)
    members = {gid: frozenset(codes) for gid, codes in raw["groups"].items()}
    by_code: dict[str, set[str]] = {}
    for gid, codes in members.items():
        for code in codes:
            by_code.setdefault(code, set()).add(gid)
    return CountryGroups(
        dataset=dataset,
        citation=raw["citation"],
        labels=_frozen(raw["labels"]),
        notes=_frozen(raw["notes"]),
        names=MappingProxyType({c: tuple(n) for c, n in raw["names"].items()}),
        territories=territories,
        group_members=_frozen(members),
        memberships=MappingProxyType({c: frozenset(g) for c, g in by_code.items()}),
    )


def _entry(e: dict[str, Any]) -> CclEntry:
    items = e.get("items")
    tlp = e.get("top_level_paragraphs")
    return CclEntry(
        eccn=e["eccn"],
        category=e["category"],
        product_group=e["product_group"],
        heading=e["heading"],
        reason_text=e.get("reason_text"),
        reasons=tuple(e["reasons"]),
        other_reasons=tuple(e["other_reasons"]),
        chart_controls=tuple(
            ChartControl(
                reason=c["reason"],
                scope=c["scope"],
                entire_entry=c["entire_entry"],
                column=c["column"],
                refers_elsewhere=c["refers_elsewhere"],
                references=tuple(c["references"]),
                control=c["control"],
                text=c["text"],
                reading=ScopeReading.from_dict(c["reading"]) if c.get("reading") else None,
                destinations=Destinations.from_dict(c["destinations"])
                if c.get("destinations")
                else None,
            )
            for c in e["chart_controls"]
        ),
        license_exceptions=MappingProxyType(
            {
                s: ExceptionFlag(s, f["text"], f["status"], f.get("value_usd"))
                for s, f in e["licence_exceptions"].items()
            }
        ),
        sta_special_conditions=e.get("sta_special_conditions"),
        related_controls=e.get("related_controls"),
        items=tuple(CclItem(i["paragraph"], i["kind"], i["depth"], i["text"]) for i in items)
        if items is not None
        else None,
        top_level_paragraphs=_frozen(tlp) if tlp is not None else None,
        source_flags=tuple(e.get("source_flags", ())),
    )


def _load_ccl(path: Path) -> Ccl:
    raw, dataset = _read(path)
    entries = {eccn: _entry(e) for eccn, e in raw["entries"].items()}
    return Ccl(
        dataset=dataset,
        citation=raw["citation"],
        entries=_frozen(entries),
        deep_categories=tuple(raw.get("deep_categories", ())),
    )


def _load_exceptions(path: Path) -> LicenseExceptions:
    raw, dataset = _read(path)
    by_symbol: dict[str, LicenseException] = {}
    for e in raw["exceptions"]:
        symbols = tuple(e["symbols"])
        for symbol in symbols:
            by_symbol[symbol] = LicenseException(
                symbol, e["section"], e["citation"], e["title"], symbols
            )
    return LicenseExceptions(dataset, raw["citation"], _frozen(by_symbol))


@lru_cache(maxsize=4)
def load_ear_tables(data_dir: Path | None = None) -> EarTables:
    """All four tables from the bundled data (or from ``data_dir``), loaded once and cached."""
    ear = (data_dir or DATA_DIR) / EAR_DIR
    try:
        chart = _load_chart(ear / CHART_FILE)
        groups = _load_groups(ear / GROUPS_FILE, chart.territories)
        ccl = _load_ccl(ear / CCL_FILE)
        exceptions = _load_exceptions(ear / EXCEPTIONS_FILE)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise DataError(f"bundled EAR tables corrupt under {ear}: {exc!r}") from exc
    return EarTables(chart, groups, ccl, exceptions)
