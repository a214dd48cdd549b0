"""The names a listed name holds within it, as the lists write them.

The lists pack several names into one field: "Universal Enterprise Limited [aka General
Technology Limited, aka Beijing Luo Luo Tech Development Limited] (Hong Kong Entity), and its
sub-units and successors"; "Huawei Technologies Co., Ltd. (Huawei). Affiliated Entity: Beijing
Huawei Longshine Information Technology Co., Ltd."; "CETC 24;Sichuan Solid Circuit Research
Institute;CETC 44"; "Rosoboronexport OJSC (ROE)". A party is named by each of these, so the
screening index holds each as an alias of the entry: the affiliate's own name, each "aka", each
part between semicolons, and the name without its bracketed abbreviation or trailing remark.
"""

from __future__ import annotations

import re

_AKA = re.compile(r"\[\s*(?:a\.?k\.?a\.?|f\.?k\.?a\.?)\s+([^\]]+)\]", re.I)
_AKA_PAREN = re.compile(r"\(\s*(?:a\.?k\.?a\.?|f\.?k\.?a\.?|formerly)\s+([^)]+)\)", re.I)
_AKA_SPLIT = re.compile(r",?\s*\b(?:a\.?k\.?a\.?|f\.?k\.?a\.?)\s+", re.I)
_AFFILIATE = re.compile(r"\bAffiliated Entit(?:y|ies)\s*:\s*", re.I)
_SUBORDINATE = re.compile(r"\bSubordinate (?:Institution|Entity|Unit)s?\s*[-:–]\s*", re.I)
_TAIL = re.compile(
    r",?\s*(?:and (?:its|their) (?:sub-units|subordinate|successors|subsidiaries).*|"
    r"including (?:its|their) .*)$"
    # What a listing adds after the body's name and a comma: "Ministry of Defence of the
    # Russian Federation, including the Armed Forces of Russia and all operating units ...";
    # "Pakistan Atomic Energy Commission (PAEC), and subordinate entity Nuclear reactors ..."
    r"|,\s*(?:including|and subordinate entit(?:y|ies))\b.*$"
    # "Wisdom Import and Export (Shanghai) Co., Ltd. and any successor, sub-unit, or
    # subsidiary thereof" (the Unverified List's form)
    r"|[;,]?\s*and any successors?\b.*$",
    re.I,
)
_BRACKETED = re.compile(r"\s*[\(\[][^\)\]]{1,60}[\)\]]")
_TRAILING_BRACKET = re.compile(r"\s*[\(\[][^\)\]]{1,60}[\)\]]\s*$")
_SPACES = re.compile(r"\s+")
# What any of the patterns above needs: a bracket, a semicolon, or one of their phrases.
_MAY_HOLD = re.compile(
    r"[\[(;]|affiliated|subordinate|\band (?:its|their|any)\b|\bincluding\b", re.I
)
_SHORT_BRACKETED = re.compile(r"\(([^()]{2,40})\)")
_REMARK = re.compile(
    r"\b(?:entity|branch|office|subsidiary|affiliate|formerly|successor|located|address|"
    r"including|and|the|of)\b|\d{3,}",
    re.I,
)


def contained_names(name: str, short_names: bool = True) -> list[str]:
    """The other names ``name`` holds (not ``name`` itself), in order, without repeats;
    ``short_names``: also a short name in brackets on its own ("(HiSilicon)")."""
    if _MAY_HOLD.search(name) is None:  # most names: nothing below applies but the trim
        return _trimmed([name], name)
    found: list[str] = []
    for m in _AKA.finditer(name):
        found.extend(_AKA_SPLIT.split(m.group(1)))
    for m in _AKA_PAREN.finditer(name):
        found.extend(_AKA_SPLIT.split(m.group(1)))
    base = _AKA_PAREN.sub("", _AKA.sub("", name))
    if ";" in base:
        found.extend(base.split(";"))
    for pattern in (_AFFILIATE, _SUBORDINATE):
        parts = pattern.split(base)
        if len(parts) > 1:
            found.append(parts[-1])  # the affiliate's own name (not its parent's: that is
            # the parent's entry)
    stripped = _TAIL.sub("", base)
    found.append(stripped)
    brackets = [m.group(1) for m in _SHORT_BRACKETED.finditer(stripped)]
    if not any(_is_place_or_generic(b) for b in brackets):
        found.append(_BRACKETED.sub("", stripped))  # "X (Beijing) Corporation" stays itself
    elif (trailing := _TRAILING_BRACKET.sub("", stripped)) != stripped:
        # A bracket at the end is a remark on the name, whatever it says: "Rostec (Russian
        # Technologies State Corporation)" is also "Rostec".
        found.append(trailing)
    # A short name in brackets is the party's own short name or abbreviation: "(HiSilicon)",
    # "(ROE)", "(SMIC)". A longer remark ("Hong Kong Entity") is not a name.
    for m in _SHORT_BRACKETED.finditer(stripped) if short_names else ():
        inner = m.group(1).strip()
        if (
            not _REMARK.search(inner)
            and not _is_place_or_generic(inner)
            and not _abbreviates_words_inside(inner, stripped[: m.start()])
        ):
            found.append(inner)
    return _trimmed(found, name)


_WORD = re.compile(r"[A-Za-z]+")
_LINKS = frozenset({"of", "and", "the", "for"})


def _abbreviates_words_inside(inner: str, before: str) -> bool:
    """Whether the bracket abbreviates words just before it that follow a word of running
    text: "... reactors not under International Atomic Energy Agency (IAEA) safeguards"
    speaks of the IAEA, not of the listed party; "Pakistan Atomic Energy Commission (PAEC)"
    and "AVIC Flight Automatic Control Research Institute (FACRI)" are the party's own."""
    letters = inner.replace(".", "").lower()
    if not (2 <= len(letters) <= 8 and letters.isalpha()):
        return False
    words: list[str] = _WORD.findall(before)
    named = [i for i, w in enumerate(words) if w.lower() not in _LINKS]
    if len(named) <= len(letters):
        return False
    span = named[-len(letters) :]
    if "".join(words[i][0] for i in span).lower() != letters:
        return False
    return words[span[0] - 1].islower()  # "under", "by", "with": prose, not a name


def _trimmed(found: list[str], name: str) -> list[str]:
    """The names found, spaces and edge punctuation trimmed, without ``name`` and repeats."""
    out: dict[str, None] = {}
    for candidate in found:
        text = _SPACES.sub(" ", candidate).strip(" ,;.-–:")
        if len(text) >= 3 and text != name.strip() and any(ch.isalnum() for ch in text):
            out[text] = None
    return list(out)


def _is_place_or_generic(text: str) -> bool:
    """Whether a bracketed text says where or what kind ("Beijing", "Group"), not who."""
    from earmark.names.normalize import fold
    from earmark.names.places import places
    from earmark.names.vocabulary import vocabulary

    if _is_place(text):
        return True
    words = fold(text)
    table, vocab = places(), vocabulary()
    return bool(words) and all(
        w in vocab.generic or w in vocab.stopwords or w in vocab.legal_tokens
        or w in table.canonical
        for w in words.split()
    )  # fmt: skip


# How a party is written in one free-text field of an order, an invoice or a customer master
# (queries only: the lists write their names without these). A form of address or delivery
# before the name ("M/s", "Messrs.", "c/o", "attn:"); a second name it trades under ("d/b/a",
# "t/a", "trading as"); its address after a comma (a part that holds an address word or
# begins "No. 5" or "P.O. Box": a part that is only a number names a unit, "CASIC 3rd Academy,
# 31 Research Institute"); a branch after a dash ("- Dubai Branch").
_ADDRESSED = re.compile(
    r"^\s*(?:m/s\.?|messrs\.?|c/o|care of|attn\.?\s*:?|attention\s*:|to\s*:|"
    # the labels of a party's field on a payment, a shipping document or an order
    r"(?:(?:ultimate|intermediate)\s+)?consignee\s*:|end[ -]user\s*:|"
    r"(?:beneficiary|account|customer|supplier|vendor|payee|payer)(?:\s+name)?\s*:|"
    r"(?:buyer|seller|shipper|exporter|importer|applicant|purchaser|manufacturer|agent|"
    r"forwarder|carrier|notify(?:\s+party)?|party)\s*:|"
    r"(?:ship|sold|bill|deliver|remit|pay)\s+to\s*:?)\s*",
    re.I,
)
# An account number after the name ("JSC Rosoboronexport Account 40702810"): no name's part.
_ACCOUNT = re.compile(
    r"\s+(?:account|acct\.?|a/c|iban|swift|bic)(?:\s+(?:no\.?|number))?\s*:?\s*[\w-]*\d[\w -]*$",
    re.I,
)
_TRADES_AS = re.compile(
    r"\s+(?:d/b/a|d\.b\.a\.|dba|t/a|trading as|doing business as|operating as)\s+", re.I
)
_ADDRESS_PART = re.compile(
    r"^\s*(?:no\.?\s*\d|p\.?\s?o\.?\s*box\b)|\d+/f\b|\b(?:road|rd|street|str|st|avenue|ave|lane|"
    r"boulevard|blvd|highway|building|bldg|tower|floor|flat|suite|room|block|plot|district|"
    r"sector|zone|square|plaza|p\.?\s?o\.?\s*box|postal code|zip)\b\.?",
    re.I,
)
_BRANCH = re.compile(r"\s+[-–]\s+[^-–]{0,40}\b(?:branch|office|representative office)\s*$", re.I)


def written_parties(query: str) -> list[str]:
    """The party names a query written as in business records holds (not ``query`` itself):
    "M/s Mateas Limited, 12 Main Road, Dubai" holds "Mateas Limited"; "Acme LLC d/b/a Star
    Trading" holds "Acme LLC" and "Star Trading"."""
    whole = query.strip(" ,;.-–:")
    names = [part for part in _TRADES_AS.split(_ADDRESSED.sub("", query)) if part.strip()]
    out: dict[str, None] = {}
    for name in names:
        before = _without_address(_ACCOUNT.sub("", name))
        for part in (before, *_fields_before_address(name)):
            held = _SPACES.sub(" ", _BRANCH.sub("", part)).strip(" ,;.-–:")
            if len(held) >= 3 and held != whole and any(ch.isalnum() for ch in held):
                out[held] = None
    return list(out)


def _without_address(name: str) -> str:
    """The name before the first part, after a comma, that reads as an address, or is only
    a place ("..., Beijing", "..., Moscow, Russian Federation")."""
    parts = name.split(",")
    for i in range(1, len(parts)):
        if _is_address(parts[i]):
            return ",".join(parts[:i])
    return name


def _fields_before_address(name: str) -> list[str]:
    """Where two parts or more come before an address, each of them: "Sales Dept., SMIC, 18
    Zhangjiang Road" is a department and a firm at an address. A legal form after a comma is
    its name's ("Huawei Technologies Co., Ltd.", "Gazprom Transgaz Ukhta, OOO")."""
    parts: list[str] = []
    for part in name.split(","):
        if parts and _is_legal_form(part):
            parts[-1] += "," + part
        else:
            parts.append(part)
    first = next((i for i in range(1, len(parts)) if _is_address(parts[i])), None)
    return parts[:first] if first is not None and first >= 2 else []


def _is_legal_form(text: str) -> bool:
    from earmark.names.normalize import fold
    from earmark.names.vocabulary import vocabulary

    return tuple(fold(text).split()) in vocabulary().legal_phrases


def _is_address(part: str) -> bool:
    return _ADDRESS_PART.search(part) is not None or _is_place(part)


def _is_place(text: str) -> bool:
    """Whether the text is the name of a place alone ("Beijing", "Russian Federation")."""
    from earmark.names.normalize import fold
    from earmark.names.places import places

    words = fold(text)
    table = places()
    return bool(words) and (
        tuple(words.split()) in table.phrases or words.replace(" ", "") in table.canonical
    )
