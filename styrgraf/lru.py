"""Caches bounded in bytes: query analyses, results, analyst lists, search answers."""
from __future__ import annotations

import sys
import threading
from collections import OrderedDict
from typing import Any


class BytesLRU:
    """A map that forgets its least recently used entries to stay within `max_bytes`.

    An entry's size is the caller's estimate (see estimate_size) plus ENTRY_OVERHEAD (the map's
    slot and bookkeeping), so that an empty value counts too: a cache keyed by user input (query
    texts, search words) otherwise grows with every distinct key. Entries over `max_entry` bytes
    are not kept."""

    ENTRY_OVERHEAD = 256

    def __init__(self, max_bytes: int, max_entry: int | None = None):
        self.max_bytes = max_bytes
        self.max_entry = max_bytes if max_entry is None else max_entry
        self.bytes = 0
        self._data: OrderedDict[Any, tuple[Any, int]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Any) -> Any:
        """The value, or None."""
        with self._lock:
            hit = self._data.get(key)
            if hit is None:
                return None
            self._data.move_to_end(key)
            return hit[0]

    def put(self, key: Any, value: Any, size: int) -> None:
        size += self.ENTRY_OVERHEAD
        with self._lock:
            old = self._data.pop(key, None)
            if old is not None:
                self.bytes -= old[1]
            if size > self.max_entry:
                return
            self._data[key] = (value, size)
            self.bytes += size
            while self.bytes > self.max_bytes:
                self.bytes -= self._data.popitem(last=False)[1][1]

    def clear(self) -> None:
        with self._lock:
            self._data.clear()
            self.bytes = 0

    def __len__(self) -> int:
        return len(self._data)


def estimate_size(value: Any) -> int:
    """Bytes that strings, bytes, numbers and lists, tuples and dicts of them take (shared
    objects are counted each time: an estimate on the safe side)."""
    if isinstance(value, (list, tuple)):
        return sys.getsizeof(value) + sum(map(estimate_size, value))
    if isinstance(value, dict):
        return sys.getsizeof(value) + sum(estimate_size(k) + estimate_size(v) for k, v in value.items())
    return sys.getsizeof(value)
