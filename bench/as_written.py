"""Every listed name and alias, screened exactly as written: does it find its own entry first?

    .venv/bin/python bench/as_written.py
    .venv/bin/python bench/as_written.py --records 300   # in business records instead
    .venv/bin/python bench/as_written.py --pinyin        # known Chinese names in pinyin

Runs over every name and alias of the current lists (the test suite runs a fixed sample of
5,000) and prints the count found first at 0.99 or more, at 1.0, the misses, and the time per
screening; the baseline in the same run is a rapidfuzz WRatio brute force over a sample of 300.

``--records N``: N sampled listed entity names (seed 7), each written as business records
write a party in one field (an address after it, "M/s" or "c/o" before it, a trade name, a
branch, or cut short by a field of 35 characters: ``RECORDS``), and counted when an entry of
that name is the first hit (at the default threshold); the baselines are the name alone, and
rapidfuzz WRatio brute force on the same records (its best candidate is an entry of that name).
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Callable

from rapidfuzz import fuzz, process

from earmark.screening import Screener

RECORDS: dict[str, Callable[[str], str]] = {
    "address": "{}, 12 Main Road, Dubai, UAE".format,
    "M/s": "M/s {}".format,
    "c/o": "c/o {}".format,
    "d/b/a": "{} d/b/a Star Trading".format,
    "branch": "{} - Dubai Branch".format,
    # a field of 35 characters (SAP's NAME1, a SWIFT line): the names longer than that only
    "cut at 35": lambda name: name[:35] if len(name) > 35 else "",
}


def records(n: int) -> None:
    screener = Screener()
    index = screener.current_index()
    entries = [e for e in index.entries if e.type != "individual" and len(e.name) < 80]
    sample = random.Random(7).sample(entries, n)
    names = [r.name for r in index.records]
    owners = [index.entries[r.entry].name.casefold() for r in index.records]

    def own_first(written: str, name: str) -> bool:
        got = screener.screen(written).matches
        return bool(got) and got[0].entry.name.casefold() == name.casefold()

    alone = sum(own_first(e.name, e.name) for e in sample)
    print(f"{n} listed entity names (an entry of that name the first hit): alone {alone}")
    for how, form in RECORDS.items():
        kept = brute = total = 0
        for e in sample:
            written = form(e.name)
            if not written:
                continue
            total += 1
            kept += own_first(written, e.name)
            hit = process.extractOne(written, names, scorer=fuzz.WRatio)
            brute += bool(hit) and owners[hit[2]] == e.name.casefold()
        print(f"  {how:9} earmark {kept}/{total}   rapidfuzz WRatio brute force {brute}/{total}")


def pinyin_names() -> None:
    """Each known Chinese name (zh_known_names.toml) written in pinyin syllable by syllable
    ("Zhong Xin Guo Ji ..."): does an entry of its listed English name come first? The
    baseline is the same name in Chinese script."""
    from pypinyin import lazy_pinyin

    from earmark.names.chinese import zh_data

    screener = Screener()
    names: dict[str, str] = {}  # listed name -> its first Chinese name (of several spellings)
    for zh, en in sorted(zh_data().known_names.items()):
        names.setdefault(en, zh)

    def finds(query: str, en: str) -> bool:
        got = screener.screen(query).matches
        return bool(got) and got[0].entry.name.casefold() == en.casefold()

    script = sum(finds(zh, en) for en, zh in names.items())
    spaced = sum(finds(" ".join(lazy_pinyin(zh)).title(), en) for en, zh in names.items())
    print(f"{len(names)} known Chinese names, an entry of the listed name first: in pinyin "
          f"syllable by syllable {spaced}; in Chinese script (baseline) {script}")  # fmt: skip


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=_positive, help="business-record forms of N names")
    parser.add_argument("--pinyin", action="store_true", help="known Chinese names in pinyin")
    args = parser.parse_args()
    if args.records:
        records(args.records)
        return
    if args.pinyin:
        pinyin_names()
        return
    screener = Screener()
    index = screener.current_index()
    pairs = [(name, e.id) for e in index.entries for name in dict.fromkeys(e.names)]
    first = exact = 0
    misses = []
    t = time.perf_counter()
    for name, entry_id in pairs:
        matches = screener.screen(name, limit=10).matches
        own = next((m for m in matches if m.entry.id == entry_id), None)
        if own is not None and own.score >= 0.99 and matches[0].score <= own.score:
            first += 1
            exact += own.score == 1.0
        else:
            misses.append((name, entry_id, [(m.entry.id, m.score) for m in matches[:2]]))
    per = (time.perf_counter() - t) / len(pairs) * 1000
    print(f"{len(pairs):,} names and aliases: own entry first at >= 0.99: {first:,} "
          f"({first / len(pairs):.4%}); at 1.0: {exact:,}; {per:.3f} ms a screening")  # fmt: skip
    for miss in misses[:50]:
        print("  MISS", miss)
    names = [r.name for r in index.records]
    owners = [index.entries[r.entry].id for r in index.records]
    sample = random.Random(20261201).sample(pairs, 300)
    t = time.perf_counter()
    found = sum(
        1
        for name, entry_id in sample
        if (hit := process.extractOne(name, names, scorer=fuzz.WRatio))
        and owners[hit[2]] == entry_id
    )
    base = (time.perf_counter() - t) / len(sample) * 1000
    print(f"baseline rapidfuzz WRatio brute force (300): own entry first {found / 300:.3f}, "
          f"{base:.1f} ms a screening; earmark {base / per:.0f}x faster")  # fmt: skip


if __name__ == "__main__":
    main()
