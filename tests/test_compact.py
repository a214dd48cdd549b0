"""The compact containers of the screening index and the list snapshots keep what they hold:
the same answers as the dict and list they replace, before and after a pickle round trip."""

from __future__ import annotations

import pickle
import random
from dataclasses import dataclass

from earmark.compact import CHUNK, ChunkedSeq, FilteredPostings, HashPostings, SortedNames


@dataclass(frozen=True, slots=True)
class Item:
    key: str
    values: tuple[int, ...]
    note: str | None = None


def _table(n: int = 5_000, seed: int = 3) -> dict[str, list[int]]:
    rnd = random.Random(seed)
    return {
        f"w{rnd.getrandbits(40):x}": rnd.sample(range(10_000), rnd.randint(1, 5)) for _ in range(n)
    }


def test_every_key_finds_its_own_ids_and_an_unknown_key_finds_none() -> None:
    table = _table()
    postings = pickle.loads(pickle.dumps(HashPostings.build(table)))
    for key, ids in table.items():
        assert set(ids) <= set(postings.get(key))  # a hash collision may only add ids
    assert sum(sorted(postings.get(k)) == sorted(v) for k, v in table.items()) >= len(table) - 2
    assert list(postings.get("not a listed word")) == []


def test_a_chunked_sequence_gives_back_every_item_after_pickling() -> None:
    items = [
        Item(f"k{i}", tuple(range(i % 7)), None if i % 3 else "x") for i in range(3 * CHUNK + 5)
    ]
    seq = pickle.loads(pickle.dumps(ChunkedSeq(items, Item)))
    assert len(seq) == len(items)
    assert seq[len(items) - 1] == items[-1] and seq[-1] == items[-1] and seq[CHUNK] == items[CHUNK]
    assert list(seq) == items
    assert seq[2:5] == items[2:5]


def test_a_filtered_view_keeps_only_the_marked_records() -> None:
    table = _table(200)
    keep = [i % 2 == 0 for i in range(10_000)]
    view = FilteredPostings(HashPostings.build(table), keep)
    for key, ids in table.items():
        found = set(view.get(key))
        assert {i for i in ids if keep[i]} <= found  # a hash collision may only add ids
        assert all(keep[i] for i in found)
    lists = [[1, 2, 3, 4], [5], []]
    by_position = FilteredPostings(lists, keep)
    assert (
        list(by_position[0]) == [2, 4] and list(by_position[1]) == [] and list(by_position[2]) == []
    )


def test_sorted_names_find_every_longer_name_that_begins_with_a_text() -> None:
    rnd = random.Random(5)
    words = ["alpha", "alphabet", "beta", "llc", "modern", "marine", "media"]
    names = [" ".join(rnd.choices(words, k=rnd.randint(1, 4))) for _ in range(2_000)]
    table = pickle.loads(pickle.dumps(SortedNames.build((n, i) for i, n in enumerate(names))))
    for prefix in ("llc m", "llc modern ma", "alpha", "beta beta", "zeta", ""):
        expected = sorted(i for i, n in enumerate(names) if n.startswith(prefix) and n != prefix)
        assert sorted(table.starting_with(prefix, 10_000)) == expected
    assert len(table.starting_with("llc", 3)) == 3  # at most ``limit``
