"""The partner countries of Supplement No. 3 to Part 746 (the Global Export Control Coalition):
exports from them are excluded from the Russia/Belarus and Iran FDP license requirements and
their AT-only US content is not counted for de minimis to Russia and Belarus (746.8(a)(4),
(a)(5), (a)(12)(iii); 746.7(a)(1)(iv)). Each country with the date it was added
(``data/supp3_part746.toml``).
"""

from __future__ import annotations

import tomllib
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parent / "data" / "supp3_part746.toml"


@lru_cache(maxsize=1)
def _countries() -> dict[str, dict[str, Any]]:
    with DATA.open("rb") as fh:
        raw = tomllib.load(fh)
    return {c["code"].upper(): c for c in raw.get("country", [])}


def partner_on(code: str | None, day: date) -> str | None:
    """The citation that put ``code`` in Supplement No. 3 to Part 746, if it was there on
    ``day``; None otherwise."""
    if not code:
        return None
    row = _countries().get(code.upper())
    if row is None or row["added"] > day:
        return None
    removed = row.get("removed")
    if removed is not None and removed <= day:
        return None
    return f"added {row['added']}, {row.get('citation', 'citation not recorded')}"
