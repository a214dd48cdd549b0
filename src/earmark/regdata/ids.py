"""Stable entry ids.

Lists that number their entries (OFAC's ent_num, also used by the CSL for the Treasury lists)
give "<LIST>-<number>". The BIS and State lists have no numbers: their id is "<LIST>-" and ten
hex digits of a hash of the entry's name key, so that the same entry gets the same id in every
snapshot and every rebuild. Entries with the same name (the Entity List has a few, in several
countries or differing only in address) get "-2", "-3" in the order of their first Federal
Register citation, then countries. Where a later snapshot spells a name differently, the build
carries the earlier id forward (scripts/build_regdata.py, ``carry_ids_forward``).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

_NON_WORD = re.compile(r"[^0-9a-z]+")


def name_key(name: str) -> str:
    """Case, accents, punctuation and spacing folded: only for ids and joins, not screening."""
    folded = unicodedata.normalize("NFKD", name.casefold())
    ascii_only = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return _NON_WORD.sub(" ", ascii_only).strip()


def numbered_id(list_code: str, number: str) -> str:
    return f"{list_code}-{number.strip()}"


def hashed_id(list_code: str, name: str) -> str:
    digest = hashlib.sha1(name_key(name).encode()).hexdigest()[:10]
    return f"{list_code}-{digest}"


def disambiguate(ids: list[str]) -> list[str]:
    """Suffix repeated ids with -2, -3, ... in the order given."""
    seen: dict[str, int] = {}
    out = []
    for i in ids:
        seen[i] = seen.get(i, 0) + 1
        out.append(i if seen[i] == 1 else f"{i}-{seen[i]}")
    return out
