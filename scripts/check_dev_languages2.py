"""Check tests/data/screening/dev_languages2.csv against the bundled list data.

    python scripts/check_dev_languages2.py

Checks: the CSV parses with csv.DictReader and has the expected header; queries are unique (and
not already rows of dev_languages.csv); every id in expected_ids is a current entry; expected_name,
list, type and country are those of the first id; group is "huawei" exactly for Huawei/HiSilicon
rows; exclude is empty except for kind ``alias``, where it equals the query and is a listed alias of
an expected entry that no other remaining name nearly repeats (Indel ratio < 96 after
lowercasing); a ``translit_alias`` query is none of the expected entries' names or aliases after
normalising case, punctuation and word order. Prints counts per kind; exits 1 on any problem.
Uses only earmark.regdata (not the screening engine).
"""

from __future__ import annotations

import csv
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

from earmark.regdata import load_regdata

DATA = Path(__file__).resolve().parents[1] / "tests" / "data" / "screening"
CSV = DATA / "dev_languages2.csv"
OLD = DATA / "dev_languages.csv"
FIELDS = [
    "kind",
    "query",
    "expected_ids",
    "expected_name",
    "list",
    "type",
    "country",
    "exclude",
    "group",
]
KINDS = {"korean", "japanese", "cyrillic", "persian", "arabic", "translit_alias", "alias"}


def ratio(a: str, b: str) -> float:
    """Indel similarity 0..100 (as rapidfuzz.fuzz.ratio), via the longest common subsequence."""
    if not a and not b:
        return 100.0
    prev = [0] * (len(b) + 1)
    for ca in a:
        cur = [0]
        for j, cb in enumerate(b):
            cur.append(prev[j] + 1 if ca == cb else max(prev[j + 1], cur[j]))
        prev = cur
    return 200.0 * prev[-1] / (len(a) + len(b))


def forms(s: str) -> set[str]:
    """Normalised forms of a Latin name: apostrophes dropped or spaced, word order ignored."""
    base = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode().lower()
    out = set()
    for apo in ("", " "):
        t = " ".join(re.sub(r"[^a-z0-9]+", " ", re.sub(r"['’`ʼ]", apo, base)).split())
        out |= {t, " ".join(sorted(t.split())), t.replace(" ", "")}
    return out


def main() -> int:
    current = {listing.entry.id: listing.entry for listing in load_regdata().lists.as_of(None)}
    with CSV.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        header = reader.fieldnames
        rows = list(reader)
    problems: list[str] = []
    if header != FIELDS:
        problems.append(f"header {header} != {FIELDS}")
    with OLD.open(encoding="utf-8", newline="") as fh:
        old = {r["query"] for r in csv.DictReader(fh)}
    seen: Counter[str] = Counter(r["query"] for r in rows)
    problems += [f"duplicate query {q!r}" for q, n in seen.items() if n > 1]
    problems += [
        f"query {r['query']!r} is already in dev_languages.csv" for r in rows if r["query"] in old
    ]
    for r in rows:
        q, kind = r["query"], r["kind"]
        ids = [i for i in r["expected_ids"].split("|") if i]
        where = f"{kind} {q!r}"
        if kind not in KINDS:
            problems.append(f"{where}: unknown kind")
        if not q.strip() or q != q.strip():
            problems.append(f"{where}: empty or padded query")
        missing = [i for i in ids if i not in current]
        if not ids or missing:
            problems.append(f"{where}: not current entries {missing or 'none given'}")
            continue
        if len(set(ids)) != len(ids):
            problems.append(f"{where}: repeated id")
        first = current[ids[0]]
        meta = (
            first.name,
            first.list,
            first.type or "",
            first.countries[0] if first.countries else "",
        )
        if (r["expected_name"], r["list"], r["type"], r["country"]) != meta:
            problems.append(f"{where}: name/list/type/country are not those of {ids[0]}")
        names = [n for i in ids for n in (current[i].name, *current[i].aliases)]
        huawei = any(w in current[i].name.casefold() for i in ids for w in ("huawei", "hisilicon"))
        if r["group"] != ("huawei" if huawei else ""):
            problems.append(f"{where}: group {r['group']!r}")
        if kind == "alias":
            if r["exclude"] != q:
                problems.append(f"{where}: exclude is not the query")
            if not any(q in current[i].aliases for i in ids):
                problems.append(f"{where}: not a listed alias of an expected entry")
            rest = [n for n in names if n != q]
            near = [n for n in rest if ratio(q.lower(), n.lower()) >= 96]
            if not rest or near:
                problems.append(f"{where}: nothing different left once excluded ({near[:1]})")
        elif r["exclude"]:
            problems.append(f"{where}: exclude set outside kind alias")
        if kind == "translit_alias":
            hit = [n for n in names if forms(n) & forms(q)]
            if hit:
                problems.append(f"{where}: already listed as {hit[0]!r}")
        elif kind != "alias" and q in names:
            problems.append(f"{where}: query is a listed name")
    for p in problems:
        print("PROBLEM", p)
    counts = Counter(r["kind"] for r in rows)
    for kind in sorted(counts):
        print(f"{kind:15} {counts[kind]:4}")
    print(f"{'total':15} {len(rows):4}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
