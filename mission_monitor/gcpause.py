"""Pausing Python's cyclic garbage collector around bulk work that makes many small objects.

Loading facts and reconciling them build hundreds of thousands of small values; every few
hundred new objects the collector runs, and its older-generation passes walk every object made
so far. On 200k facts those passes were 40% of ``Store.sourced_facts()`` and a third of
``reconcile`` (benchmarks/RESULTS.md). Reference counting still frees memory as usual while the
collector is paused; any cycle made meanwhile is collected once it runs again.

Imports nothing of ours, so every stage may use it.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def cyclic_gc_paused() -> Iterator[None]:
    """Pause the cyclic collector for the ``with`` block; it runs again after, unless it was
    already off when the block began (the caller's choice is kept). Nested and concurrent
    blocks leave it on in the end as long as it was on before the first of them."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
