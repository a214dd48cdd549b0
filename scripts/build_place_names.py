"""Build src/earmark/names/data/place_names.json: country and city names in many languages.

    python scripts/build_place_names.py          # needs babel (the `build` extra)

A name written the way another language writes it ("Moskau Aviation Institute", "Islamic
Republic of Irán Shipping Lines", "Sberbank of Rossiya") must find the listed name. The
table maps every spelling, folded as earmark folds names (earmark.names.normalize.fold), to
one canonical token per place:

* countries: the territory names of CLDR (through babel) in the locales below, the ISO 3166
  alpha-3 codes that are not words, and names_extra.toml (abbreviations such as UAE, PRC, ROK,
  KSA, DPRK, RF; romanised native names such as Misr, Rossiya, Zhongguo; historic names);
* codes: each country's ISO 3166 alpha-2 code, read as the country only where a firm's name
  ends with it (earmark.names.analyze: "Bank Melli IR"; "Li Na" keeps its "na");
* cities: the exemplar city names CLDR gives each time zone, in the same locales, and the
  historic or alternate names of names_extra.toml (Bombay/Mumbai, Peking/Beijing, Kiev/Kyiv).

A spelling is dropped when it is shorter than 4 letters (unless it is a listed abbreviation),
when it would mean two places, or when it is a word of the generic-word, stopword or legal-form
lists (so "Inde" or "Chine" stay, but "Georgia" the given name is only ever Georgia). The build
is deterministic; the output records the babel and CLDR versions it came from.
"""

from __future__ import annotations

import json
import tomllib
import zoneinfo
from collections import defaultdict
from pathlib import Path

from earmark.names.normalize import fold

DATA = Path(__file__).resolve().parents[1] / "src" / "earmark" / "names" / "data"
OUT = DATA / "place_names.json"
EXTRA = DATA / "place_names_extra.toml"
LOCALES = (
    "en", "fr", "de", "es", "it", "pt", "nl", "sv", "da", "nb", "fi", "pl", "cs", "sk", "hu",
    "ro", "hr", "sr", "bg", "el", "tr", "ru", "uk", "be", "kk", "uz", "az", "hy", "ka", "ar",
    "fa", "ur", "he", "hi", "id", "ms", "vi", "th", "ko", "ja", "zh",
)  # fmt: skip
# Territories that are not countries of destination, or whose CLDR names are regions.
SKIP_TERRITORIES = {"EU", "EZ", "UN", "ZZ", "QO", "XA", "XB", "XK"}
MIN_LETTERS = 4


# German writes ä, ö, ü as ae, oe, ue where it has no umlauts ("Suedafrika", "Muenchen"); the
# other languages with these letters (Finnish, Swedish, Hungarian, Turkish) do not.
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})


def canonical(name: str) -> str:
    return fold(name).replace(" ", "")


def main() -> None:
    import babel
    from babel import Locale

    words = _reserved()
    with EXTRA.open("rb") as fh:
        extra = tomllib.load(fh)
    english = Locale.parse("en")
    spellings: dict[str, set[str]] = defaultdict(set)  # spelling -> canonical tokens
    kinds: dict[str, str] = {}

    forced: dict[str, str] = {}
    codes: dict[str, str] = {}  # ISO 3166 alpha-2, folded -> the country's token

    def add(spelling: str, token: str, kind: str, hand: bool = False) -> None:
        key = fold(spelling)
        if not key or (not hand and (len(key.replace(" ", "")) < MIN_LETTERS or key in words)):
            return
        spellings[key].add(token)
        kinds[token] = kind
        if hand:
            forced[key] = token

    for code, name in english.territories.items():
        if len(code) != 2 or not code.isalpha() or code in SKIP_TERRITORIES:
            continue
        token = canonical(extra.get("country_tokens", {}).get(code, name))
        codes[code.lower()] = token
        for loc in LOCALES:
            local = Locale.parse(loc).territories.get(code)
            if local:
                add(local, token, "country")
                if loc == "de":
                    add(local.translate(_UMLAUTS), token, "country")
        for spelling in extra.get("countries", {}).get(code, []):
            add(spelling, token, "country", hand=True)
    for zone in sorted(zoneinfo.available_timezones()):
        if "/" not in zone or zone.startswith(("Etc/", "SystemV/", "US/", "posix/", "right/")):
            continue
        default = zone.rsplit("/", 1)[1].replace("_", " ")
        city_en = english.time_zones.get(zone, {}).get("city") or default
        token = canonical(city_en)
        add(city_en, token, "city")
        for loc in LOCALES:
            local = Locale.parse(loc).time_zones.get(zone, {}).get("city")
            if local:
                add(local, token, "city")
                if loc == "de":
                    add(local.translate(_UMLAUTS), token, "city")
    for city, others in extra.get("cities", {}).items():
        token = canonical(city)
        add(city, token, "city", hand=True)
        for spelling in others:
            add(spelling, token, "city", hand=True)
    for key, token in forced.items():  # the hand table settles what CLDR leaves ambiguous
        spellings[key] = {token}
    table = {s: sorted(t)[0] for s, t in sorted(spellings.items()) if len(t) == 1}
    dropped = sorted(f"{s}: {', '.join(sorted(t))}" for s, t in spellings.items() if len(t) > 1)
    out = {
        "_meta": {
            "source": "CLDR through babel (territory names, time-zone exemplar cities) and "
            "names/data/place_names_extra.toml",
            "babel": babel.__version__,
            "cldr": str(dict(babel.core.get_global("cldr") or {}).get("version", "unknown")),
            "locales": list(LOCALES),
            "ambiguous_dropped": dropped,
            "built_by": "scripts/build_place_names.py",
        },
        "kinds": dict(sorted(kinds.items())),
        "spellings": table,
        "codes": dict(sorted(codes.items())),
    }
    OUT.write_text(json.dumps(out, ensure_ascii=False, indent=0, sort_keys=True) + "\n")
    print(f"{len(table)} spellings of {len(set(table.values()))} places -> {OUT}")


def _reserved() -> set[str]:
    """Words that must not be read as a place: generic words, stopwords, legal forms."""
    with (DATA / "generic_words.toml").open("rb") as fh:
        words = tomllib.load(fh)["words"]
    with (DATA / "legal_forms.toml").open("rb") as fh:
        forms = tomllib.load(fh)["forms"]
    out = set(words["generic"]) | set(words["stopwords"])
    for canonical_form, spellings in forms.items():
        out.add(canonical_form)
        out.update(spellings)
    return {fold(w) for w in out}


if __name__ == "__main__":
    main()
