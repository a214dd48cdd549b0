"""Country codes and names: every destination is keyed by its ISO 3166-1 alpha-2 code.

The registry is the bundled ``countries.json.gz`` (built by
:mod:`earmark.regdata.sources.ear_tables` from ISO 3166-1 and the names the EAR tables use).
It is read lazily on first use and cached. Kosovo, which has no ISO 3166-1 code, is ``XK``
(the user-assigned code in common use).
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

from earmark.errors import BadInput, DataError
from earmark.regdata.bundle import DATA_DIR, read_json_gz, sha256_file
from earmark.regdata.model import Dataset

COUNTRIES_FILE = "countries.json.gz"

_SPACES = re.compile(r"\s+")
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u00b4": "'"})


def normalise_key(text: str) -> str:
    """The lookup key of a country name: accents dropped, case-folded, '&' as 'and'.

    Used both when the registry is built and when it is queried, so the two always agree.
    """
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    plain = plain.translate(_QUOTES).casefold().replace("&", " and ")
    return _SPACES.sub(" ", plain).strip().rstrip(".").strip()


@dataclass(frozen=True, slots=True)
class Country:
    code: str  # ISO 3166-1 alpha-2 (XK for Kosovo)
    name: str  # short English name
    alpha3: str | None = None
    chart_name: str | None = None  # the row name in the Commerce Country Chart, if it has a row
    group_names: tuple[str, ...] = ()  # the names used in the Part 740 Country Group tables
    aliases: tuple[str, ...] = ()  # normalised lookup keys
    chart_inherits: str | None = None  # code whose Country Chart row applies (e.g. HK -> CN)


@dataclass(frozen=True, slots=True)
class CountryRegistry:
    dataset: Dataset
    countries: MappingProxyType[str, Country]
    lookup: MappingProxyType[str, str]  # normalised name or alias -> code

    def code(self, value: str) -> str | None:
        text = value.strip()
        if not text:
            return None
        if len(text) == 2 and text.upper() in self.countries:
            return text.upper()
        return self.lookup.get(normalise_key(text))

    def close_match(self, value: str) -> str | None:
        """The code of the nearest known name, for 'did you mean' hints."""
        key = normalise_key(value)
        if not key:
            return None
        found = difflib.get_close_matches(key, self.lookup.keys(), n=1, cutoff=0.75)
        return self.lookup[found[0]] if found else None


def dataset_from_meta(meta: Any, path: Path) -> Dataset:
    """The :class:`Dataset` record stored in a bundled file's ``_meta``, with the file's sha256.

    Shared by the EAR table loaders; raises ``KeyError``/``TypeError``/``ValueError`` on a bad
    record, which the callers turn into :class:`DataError`.
    """
    return Dataset.from_dict({**meta, "sha256": sha256_file(path)})


def _load(path: Path) -> CountryRegistry:
    raw: Any = read_json_gz(path)
    try:
        dataset = dataset_from_meta(raw["_meta"]["dataset"], path)
        countries = {
            code: Country(
                code=code,
                name=c["name"],
                alpha3=c.get("alpha3"),
                chart_name=c.get("chart_name"),
                group_names=tuple(c.get("group_names", ())),
                aliases=tuple(c.get("aliases", ())),
                chart_inherits=c.get("chart_inherits"),
            )
            for code, c in raw["countries"].items()
        }
        lookup = {str(k): str(v) for k, v in raw["lookup"].items()}
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise DataError(f"bundled data file corrupt: {path.name}: {exc!r}") from exc
    return CountryRegistry(dataset, MappingProxyType(countries), MappingProxyType(lookup))


@lru_cache(maxsize=4)
def load_countries(data_dir: Path | None = None) -> CountryRegistry:
    """The country registry from the bundled data (or from ``data_dir``), cached."""
    return _load((data_dir or DATA_DIR) / COUNTRIES_FILE)


def country_code(value: str) -> str | None:
    """The ISO alpha-2 code for an ISO code (any case), alpha-3 code, name or alias; else None.

    >>> country_code("Korea, South"), country_code("prc"), country_code("Hong Kong")
    ('KR', 'CN', 'HK')
    """
    return load_countries().code(value)


def require_country(value: str, field: str) -> str:
    """Like :func:`country_code`, but unknown input raises :class:`BadInput` naming ``field``."""
    registry = load_countries()
    code = registry.code(value)
    if code is not None:
        return code
    message = f"unknown country {value.strip()!r}"
    hint = registry.close_match(value)
    if hint is not None:
        message += f" (did you mean {registry.countries[hint].name!r}, {hint}?)"
    raise BadInput(field, message)


def country_name(code: str) -> str:
    """The short English name of a country given its code (or any name it is known by)."""
    registry = load_countries()
    found = registry.code(code)
    if found is None:
        raise BadInput("country", f"unknown country {code.strip()!r}")
    return registry.countries[found].name


def get_country(code: str) -> Country | None:
    """The registry record of a country (code, names, EAR names, aliases), or None."""
    registry = load_countries()
    found = registry.code(code)
    return registry.countries[found] if found else None
