"""The web layer's cache: a value asked for by many threads at once is made once."""

from __future__ import annotations

import threading
import time

import pytest

from mission_monitor.web.data import LRU


def test_a_value_asked_for_at_once_is_made_once() -> None:
    cache = LRU(4)
    made: list[int] = []
    start = threading.Barrier(8)

    def make() -> str:
        made.append(1)
        time.sleep(0.05)
        return "record"

    def ask() -> None:
        start.wait()
        for _ in range(50):
            assert cache.get_or_make("today", make) == "record"

    threads = [threading.Thread(target=ask) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(made) == 1


def test_a_failed_make_is_not_cached_and_can_be_retried() -> None:
    cache = LRU(2)

    def fail() -> str:
        raise RuntimeError("database gone")

    with pytest.raises(RuntimeError):
        cache.get_or_make("k", fail)
    assert cache.get_or_make("k", lambda: "ok") == "ok"
    cache.get_or_make("a", lambda: "a")
    cache.get_or_make("b", lambda: "b")
    assert cache.get_or_make("k", lambda: "made again") == "made again"  # evicted: size 2
