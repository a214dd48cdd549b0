"""Build the screening evaluation sets in tests/data/screening from the bundled lists.

    python scripts/build_eval_sets.py

Seeded (reproducible). Writes:

* ``positives_dev.csv`` and ``positives_holdout.csv``: a query made from a listed entry, and the
  entry it must find. Kinds: ``alias`` (a real alias of the entry, searched with that alias left
  out of the index), ``typo``, ``reorder``, ``drop_legal``, ``abbreviate``, ``merge``, ``split``,
  ``extra_word``, ``missing_word``, ``initials`` (people), ``case_punct``. Entries are split into
  dev and holdout by a hash of their id: tune on dev, report both.
* ``negatives.csv``: names that must raise no match: real companies not on the lists
  (``real_companies.txt``, minus any whose normalised name is listed), names made of generic
  words only, and listed names whose distinctive word is replaced by an invented one.

The peer sets in tests/data/peer (yente, nomenklatura, watchman) are never used for tuning.
"""

from __future__ import annotations

import csv
import hashlib
import random
from pathlib import Path

from rapidfuzz import fuzz

from earmark.names import Kind, analyze
from earmark.names.vocabulary import vocabulary
from earmark.regdata import load_regdata
from earmark.regdata.model import ListEntry

OUT = Path(__file__).resolve().parents[1] / "tests" / "data" / "screening"
SEED = 20261121
PER_LIST = {"EL": 500, "SDN": 500, "DPL": 120, "MEU": 40, "UVL": 80, "ISN": 60, "DTC": 60,
            "SSI": 60, "CMIC": 40}  # fmt: skip
ABBREVIATIONS = {
    "technologies": "tech", "technology": "tech", "international": "intl", "corporation": "corp",
    "company": "co", "limited": "ltd", "industries": "ind", "industrial": "ind",
    "engineering": "eng", "electronics": "elec", "manufacturing": "mfg", "research": "res",
    "institute": "inst", "university": "univ", "development": "dev", "trading": "trdg",
    "group": "grp", "services": "svcs", "systems": "sys", "equipment": "equip",
}  # fmt: skip
EXTRA_WORDS = ["Group", "Holdings", "Branch", "Shenzhen", "Moscow", "Dubai", "Trading",
               "International", "Company", "Office", "Representative Office"]  # fmt: skip
GENERIC_PARTS = [
    ["Global", "International", "United", "General", "National", "First", "New", "Universal"],
    ["Trading", "Technology", "Industrial", "Engineering", "Electronics", "Logistics",
     "Investment", "Import Export", "Development", "Systems", "Solutions", "Services"],
    ["Company Limited", "Co., Ltd.", "Corp.", "LLC", "Group", "Holdings Ltd.", "Inc.", "GmbH",
     "JSC", "FZE"],
]  # fmt: skip
INVENTED = ["Zentrova", "Quilmarsh", "Brevandor", "Oktaris", "Lumiquest", "Farnsby", "Velocor",
            "Trindale", "Ashworx", "Pemberline", "Corvatek", "Muravin", "Jastrell", "Halvenor",
            "Skylance", "Doravent", "Ellisport", "Marquell", "Norvessa", "Tellurion"]  # fmt: skip


def main() -> None:
    rng = random.Random(SEED)
    rd = load_regdata()
    current = [lst.entry for lst in rd.lists.as_of(None)]
    listed_keys = {analyze(n).normalized for e in current for n in e.names if n.strip()}
    positives = build_positives(rng, current)
    dev = [p for p in positives if _bucket(p["expected_id"]) == "dev"]
    holdout = [p for p in positives if _bucket(p["expected_id"]) == "holdout"]
    fields = ["kind", "query", "expected_id", "expected_name", "list", "type", "country", "exclude"]
    _write(OUT / "positives_dev.csv", dev, fields)
    _write(OUT / "positives_holdout.csv", holdout, fields)
    negatives = build_negatives(rng, current, listed_keys)
    _write(OUT / "negatives.csv", negatives, ["kind", "query"])
    print(f"positives: dev {len(dev)}, holdout {len(holdout)}; negatives {len(negatives)}")


def _bucket(entry_id: str) -> str:
    return "dev" if int(hashlib.sha1(entry_id.encode()).hexdigest(), 16) % 2 == 0 else "holdout"


def build_positives(rng: random.Random, entries: list[ListEntry]) -> list[dict[str, str]]:
    by_list: dict[str, list[ListEntry]] = {}
    for e in entries:
        if len(e.name) >= 4:
            by_list.setdefault(e.list, []).append(e)
    out = []
    for code, n in PER_LIST.items():
        pool = sorted(by_list.get(code, []), key=lambda e: e.id)
        for e in rng.sample(pool, min(n, len(pool))):
            row = make_variant(rng, e)
            if row is not None:
                out.append(row)
    return out


def make_variant(rng: random.Random, e: ListEntry) -> dict[str, str] | None:
    person = e.type == "individual"
    kinds = ["typo", "reorder", "drop_legal", "abbreviate", "merge", "split", "extra_word",
             "missing_word", "case_punct"]  # fmt: skip
    if e.aliases:
        kinds += ["alias", "alias"]
    if person:
        kinds += ["initials", "initials"]
    rng.shuffle(kinds)
    for kind in kinds:
        query, exclude = _apply(rng, kind, e)
        if query and query.strip() and analyze(query).normalized != analyze(e.name).normalized:
            return {
                "kind": kind,
                "query": query,
                "expected_id": e.id,
                "expected_name": e.name,
                "list": e.list,
                "type": e.type or "",
                "country": e.countries[0] if e.countries else "",
                "exclude": exclude,
            }
    return None


def _apply(rng: random.Random, kind: str, e: ListEntry) -> tuple[str | None, str]:
    words = e.name.replace(",", " ").split()
    tokens = analyze(e.name).tokens
    distinctive = [t.text for t in tokens if t.kind is Kind.WORD]
    if kind == "alias":
        alias = rng.choice(e.aliases)
        return alias, alias
    if kind == "typo":
        long_at = [i for i, w in enumerate(words) if len(w) >= 5 and w.isalpha()]
        if not long_at:
            return None, ""
        i = rng.choice(long_at)
        words[i] = _typo(rng, words[i])
        return " ".join(words), ""
    if kind == "reorder" and len(words) >= 2:
        rng.shuffle(words)
        return " ".join(words), ""
    if kind == "drop_legal":
        kept = [t.source or t.text for t in tokens if t.kind is not Kind.LEGAL]
        return (" ".join(kept) if len(kept) < len(tokens) else None), ""
    if kind == "abbreviate":
        changed = [ABBREVIATIONS.get(w.lower().strip(".,"), w) for w in words]
        return (" ".join(changed) if changed != words else None), ""
    if kind == "merge" and len(distinctive) >= 2:
        i = rng.randrange(len(distinctive) - 1)
        merged = [*distinctive[:i], distinctive[i] + distinctive[i + 1], *distinctive[i + 2 :]]
        return " ".join(merged), ""
    if kind == "split":
        splittable = [x for x in distinctive if len(x) >= 8]
        if not splittable:
            return None, ""
        chosen = rng.choice(splittable)
        cut = rng.randrange(3, len(chosen) - 3)
        parts = (x if x != chosen else f"{chosen[:cut]} {chosen[cut:]}" for x in distinctive)
        return " ".join(parts), ""
    if kind == "extra_word":
        return f"{e.name} {rng.choice(EXTRA_WORDS)}", ""
    if kind == "missing_word" and len(distinctive) >= 3:
        drop = rng.randrange(1, len(distinctive))
        return " ".join(w for i, w in enumerate(distinctive) if i != drop), ""
    if kind == "initials" and len(words) >= 2:
        given = [i for i, w in enumerate(words) if len(w) > 2 and i != 0] or [1]
        i = rng.choice(given)
        words[i] = words[i][0] + "."
        return " ".join(words), ""
    if kind == "case_punct":
        noisy = e.name.upper() if rng.random() < 0.5 else e.name.lower()
        return noisy.replace(",", "").replace(".", " . ").replace("-", " "), ""
    return None, ""


def _typo(rng: random.Random, word: str) -> str:
    i = rng.randrange(1, len(word) - 1)
    op = rng.choice(["sub", "del", "ins", "swap"])
    letter = rng.choice("abcdefghijklmnopqrstuvwxyz")
    if op == "sub":
        return word[:i] + letter + word[i + 1 :]
    if op == "del":
        return word[:i] + word[i + 1 :]
    if op == "ins":
        return word[:i] + letter + word[i:]
    return word[: i - 1] + word[i] + word[i - 1] + word[i + 1 :]


def build_negatives(
    rng: random.Random, entries: list[ListEntry], listed_keys: set[str]
) -> list[dict[str, str]]:
    out = []
    for line in (OUT / "real_companies.txt").read_text().splitlines():
        name = line.strip()
        if name and not name.startswith("#") and analyze(name).normalized not in listed_keys:
            out.append({"kind": "real_company", "query": name})
    seen: set[str] = set()
    while len(seen) < 200:
        parts = [rng.choice(p) for p in GENERIC_PARTS]
        if rng.random() < 0.5:
            parts = [rng.choice(GENERIC_PARTS[0]), *parts[1:]]
        seen.add(" ".join(parts))
    # A listed party may itself bear a generic name ("General Technology Limited"): a query of
    # that name is a true match, not a negative. Keep only names no listed name resembles.
    bare = {_bare(k) for k in listed_keys}
    out.extend(
        {"kind": "generic_words", "query": q}
        for q in sorted(seen)
        if not any(fuzz.ratio(_bare(analyze(q).normalized), b) >= 90 for b in bare)
    )
    companies = sorted((e for e in entries if e.list == "EL" and e.type != "individual"),
                       key=lambda e: e.id)  # fmt: skip
    for e in rng.sample(companies, 300):
        tokens = analyze(e.name).tokens
        words = [t for t in tokens if t.kind is Kind.WORD]
        if not words:
            continue
        invented = rng.choice(INVENTED)
        query = " ".join(invented if t == words[0] else (t.source or t.text) for t in tokens)
        if analyze(query).normalized not in listed_keys:
            out.append({"kind": "replaced_word", "query": query})
    return out


def _bare(normalized: str) -> str:
    """A normalised name without its legal-form tokens."""
    legal = vocabulary().legal_tokens
    return " ".join(w for w in normalized.split() if w not in legal)


def _write(path: Path, rows: list[dict[str, str]], fields: list[str]) -> None:
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


if __name__ == "__main__":
    main()
