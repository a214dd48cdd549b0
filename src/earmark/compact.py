"""Compact, fast-loading containers for the screening index and list snapshots (issue 15).

Unpickling the index used to rebuild some 350,000 Python objects one by one (25,900 list
entries, 56,000 name records, 250,000 deletion keys): about two seconds before the first
answer. Two containers cut that to a few tens of milliseconds:

* :class:`HashPostings` maps a string to a list of ints (the deletion, phonetic, skeleton,
  joined-word and whole-name tables) as three flat ``array`` buffers: the sorted 64-bit hashes
  of the keys, offsets, and the values. A buffer unpickles as one block of bytes. Two keys
  with the same hash share one list; every table it serves only proposes candidates that are
  then scored on their text, so a collision can add a candidate, never a match.
* :class:`ChunkedSeq` holds a long sequence of frozen dataclasses (entries, name records) as
  pickled chunks of their field tuples, and decodes a chunk when one of its items is first
  read. A screening reads the few dozen candidates it scores; a batch reads them all, once.
"""

from __future__ import annotations

import pickle
import zlib
from array import array
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import fields
from typing import Any, Generic, Protocol, TypeVar, overload

T = TypeVar("T")
CHUNK = 64  # items decoded together: small enough that one screening decodes little


class IdsByKey(Protocol):
    """A table from a string to record or word ids."""

    def get(self, key: str, default: Sequence[int] = ..., /) -> Sequence[int]: ...


class IdsByPosition(Protocol):
    """A table from a word id to record ids."""

    def __getitem__(self, i: int, /) -> Sequence[int]: ...


def key_hash(key: str) -> int:
    """A stable 64-bit hash (Python's own ``hash`` of a str changes from process to process):
    two fast checksums side by side; a rare collision only adds a candidate (above)."""
    data = key.encode()
    return (zlib.crc32(data) << 32) | zlib.adler32(data)


class HashPostings:
    """An immutable ``str -> list[int]`` table in three flat arrays."""

    __slots__ = ("_hashes", "_starts", "_values")

    def __init__(self, hashes: array[int], starts: array[int], values: array[int]) -> None:
        self._hashes, self._starts, self._values = hashes, starts, values

    @classmethod
    def build(cls, table: Mapping[str, Iterable[int]]) -> HashPostings:
        merged: dict[int, list[int]] = {}
        for key, ids in table.items():
            merged.setdefault(key_hash(key), []).extend(ids)
        hashes, starts, values = array("Q"), array("q", [0]), array("l")
        for h in sorted(merged):
            ids = merged[h]
            hashes.append(h)
            values.extend(sorted(set(ids)) if len(ids) > 1 else ids)
            starts.append(len(values))
        return cls(hashes, starts, values)

    def get(self, key: str, default: Sequence[int] = ()) -> Sequence[int]:
        h = key_hash(key)
        i = bisect_left(self._hashes, h)
        if i == len(self._hashes) or self._hashes[i] != h:
            return default
        return self._values[self._starts[i] : self._starts[i + 1]]

    def __len__(self) -> int:
        return len(self._hashes)

    def __getstate__(self) -> tuple[array[int], array[int], array[int]]:
        return self._hashes, self._starts, self._values

    def __setstate__(self, state: tuple[array[int], array[int], array[int]]) -> None:
        self._hashes, self._starts, self._values = state


class SortedNames:
    """Record ids by their names in sorted order, as one string and two ``array`` buffers, to
    find every name that begins with a text (a name cut short by a field of 35 characters)."""

    __slots__ = ("_ids", "_starts", "_text")

    def __init__(self, text: str, starts: array[int], ids: array[int]) -> None:
        self._text, self._starts, self._ids = text, starts, ids

    @classmethod
    def build(cls, names: Iterable[tuple[str, int]]) -> SortedNames:
        ordered = sorted(names)
        starts, ids = array("q", [0]), array("l")
        for name, r_idx in ordered:
            starts.append(starts[-1] + len(name))
            ids.append(r_idx)
        return cls("".join(name for name, _ in ordered), starts, ids)

    def _name(self, i: int) -> str:
        return self._text[self._starts[i] : self._starts[i + 1]]

    def starting_with(self, prefix: str, limit: int) -> list[int]:
        """Ids of the names that begin with ``prefix`` and are longer, at most ``limit``."""
        lo, hi = 0, len(self._ids)
        while lo < hi:  # the first name not before ``prefix``
            mid = (lo + hi) // 2
            if self._name(mid) < prefix:
                lo = mid + 1
            else:
                hi = mid
        out: list[int] = []
        while lo < len(self._ids) and len(out) < limit and self._name(lo).startswith(prefix):
            if len(self._name(lo)) > len(prefix):
                out.append(self._ids[lo])
            lo += 1
        return out

    def __getstate__(self) -> tuple[str, array[int], array[int]]:
        return self._text, self._starts, self._ids

    def __setstate__(self, state: tuple[str, array[int], array[int]]) -> None:
        self._text, self._starts, self._ids = state


class FilteredPostings:
    """A restricted view of a table of record ids (a ``HashPostings`` or a list of lists):
    each list filtered on first use by ``keep[record]`` and remembered, so that a view costs
    nothing to make and only what its queries read."""

    __slots__ = ("_keep", "_memo", "_table")

    def __init__(self, table: Any, keep: Sequence[bool]) -> None:
        self._table, self._keep = table, keep
        self._memo: dict[Any, list[int]] = {}

    def _filtered(self, key: Any, ids: Iterable[int]) -> list[int]:
        mine = self._memo.get(key)
        if mine is None:
            keep = self._keep
            mine = self._memo[key] = [r for r in ids if keep[r]]
        return mine

    def get(self, key: str, default: Sequence[int] = ()) -> Sequence[int]:
        ids = self._table.get(key)
        return self._filtered(key, ids) if ids else default

    def __getitem__(self, i: int) -> list[int]:
        return self._filtered(i, self._table[i])


class ChunkedSeq(Sequence[T], Generic[T]):
    """A read-only sequence of frozen dataclasses, pickled as chunks decoded on first use."""

    def __init__(self, items: Sequence[T], cls: Callable[..., T]) -> None:
        self._cls = cls
        self._n = len(items)
        self._chunks: list[list[T] | None] = [
            list(items[i : i + CHUNK]) for i in range(0, self._n, CHUNK)
        ]
        self._blobs: list[bytes] | None = None

    def __len__(self) -> int:
        return self._n

    @overload
    def __getitem__(self, i: int) -> T: ...
    @overload
    def __getitem__(self, i: slice) -> list[T]: ...
    def __getitem__(self, i: int | slice) -> T | list[T]:
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(self._n))]
        if i < 0:
            i += self._n
        if not 0 <= i < self._n:
            raise IndexError(i)
        chunk = self._chunks[i // CHUNK]
        if chunk is None:
            chunk = self._decode(i // CHUNK)
        return chunk[i % CHUNK]

    def __iter__(self) -> Iterator[T]:
        for c in range(len(self._chunks)):
            chunk = self._chunks[c]
            yield from chunk if chunk is not None else self._decode(c)

    def _decode(self, c: int) -> list[T]:
        assert self._blobs is not None
        made = [self._cls(*values) for values in pickle.loads(self._blobs[c])]
        self._chunks[c] = made  # two threads may decode one chunk: the same items either way
        return made

    def __getstate__(self) -> dict[str, Any]:
        blobs = self._blobs
        if blobs is None:
            blobs = []
            for chunk in self._chunks:
                assert chunk is not None  # built in this process: every chunk is decoded
                rows = [tuple(getattr(x, f.name) for f in fields(x)) for x in chunk]  # type: ignore[arg-type]
                blobs.append(pickle.dumps(rows, protocol=pickle.HIGHEST_PROTOCOL))
        return {"cls": self._cls, "n": self._n, "blobs": blobs}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self._cls, self._n, self._blobs = state["cls"], state["n"], state["blobs"]
        self._chunks = [None] * len(state["blobs"])
