"""Group commit: many small records (a screening, a decision) written in one transaction.

Each recording request waits on the database's commit, which is one fsync on SQLite
(``synchronous=FULL``) and one round trip on PostgreSQL; concurrent requests that each take
the write lock queue behind one another. A :class:`GroupWriter` gives one writer thread the
queue: it takes every request waiting (up to ``max_batch``), writes them in one transaction,
each audit row naming its own actor, and answers each after the commit (so an answer is only
ever given for a record that is durable). Should one of them fail, the group is rolled back
and each is written again in a transaction of its own, so that one request's bad record
never takes another's with it.

A kind of record written many at a time (a screening: ``submit_bulk``) is gathered from the
group by actor and data version and written with one INSERT per table
(``records.record_screenings_in``), instead of a statement per record.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field
from typing import Any

from earmark.store.core import Store, Tx


@dataclass
class _Item:
    actor: str
    data_version: str | None
    work: Callable[[Tx], Any] | None  # one record's work; or None with ``bulk``
    bulk: Callable[[Tx, list[Any]], list[Any]] | None = None
    arg: Any = None  # what ``bulk`` takes for this item
    future: Future[Any] = field(default_factory=Future)


class GroupWriter:
    def __init__(self, database: str | None, max_batch: int = 64) -> None:
        self.database = database
        self.max_batch = max_batch
        self._queue: queue.Queue[_Item | None] = queue.Queue()
        self._thread = threading.Thread(target=self._run, name="earmark-writer", daemon=True)
        self._thread.start()
        self.groups = 0
        self.records = 0

    def submit(
        self, actor: str, data_version: str | None, work: Callable[[Tx], Any]
    ) -> Future[Any]:
        """Queue ``work(tx)``; the future has its result once the transaction has committed."""
        item = _Item(actor, data_version, work)
        self._queue.put(item)
        return item.future

    def submit_bulk(
        self,
        actor: str,
        data_version: str | None,
        bulk: Callable[[Tx, list[Any]], list[Any]],
        arg: Any,
    ) -> Future[Any]:
        """Queue one record whose kind is written many at a time: the requests of a group
        that share ``bulk`` (and actor and data version) go to one ``bulk(tx, args)`` call,
        which returns one result an arg (one INSERT for all the group's screenings)."""
        item = _Item(actor, data_version, None, bulk, arg)
        self._queue.put(item)
        return item.future

    def close(self) -> None:
        self._queue.put(None)
        self._thread.join(10)

    def _run(self) -> None:
        while True:
            first = self._queue.get()
            if first is None:
                return
            batch = [first]
            while len(batch) < self.max_batch:
                try:
                    more = self._queue.get_nowait()
                except queue.Empty:
                    break
                if more is None:
                    self._write(batch)
                    return
                batch.append(more)
            self._write(batch)

    def _write(self, batch: list[_Item]) -> None:
        try:
            results = self._transaction(batch)
        except Exception as exc:
            if len(batch) == 1:
                batch[0].future.set_exception(exc)
                return
            for item in batch:  # one at a time: each succeeds or fails on its own
                try:
                    (result,) = self._transaction([item])
                except Exception as exc:
                    item.future.set_exception(exc)
                else:
                    item.future.set_result(result)
            return
        self.groups += 1
        self.records += len(batch)
        for item, result in zip(batch, results, strict=True):
            item.future.set_result(result)

    def _transaction(self, batch: list[_Item]) -> list[Any]:
        store = Store(self.database, batch[0].actor)
        done: dict[int, Any] = {}  # position in the batch -> its result
        with store.write(batch[0].data_version) as tx:
            for run in _runs(batch):
                first = batch[run[0]]
                tx.actor, tx.data_version = first.actor, first.data_version
                if first.bulk is not None:
                    results = first.bulk(tx, [batch[i].arg for i in run])
                    done.update(zip(run, results, strict=True))
                else:
                    assert first.work is not None
                    done[run[0]] = first.work(tx)
        return [done[i] for i in range(len(batch))]


def _runs(batch: list[_Item]) -> list[list[int]]:
    """The batch's items (by position) in runs: the items one ``bulk`` call can write
    together (same kind, actor and data version, wherever they are in the batch), and every
    other item on its own; in the order each run's first item arrived."""
    runs: dict[Any, list[int]] = {}
    for i, item in enumerate(batch):
        key = (id(item.bulk), item.actor, item.data_version) if item.bulk else ("one", i)
        runs.setdefault(key, []).append(i)
    return list(runs.values())
