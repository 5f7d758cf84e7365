"""Pausing Python's cyclic garbage collector around bulk work.

Loading a corpus and comparing it allocate millions of small objects that
hold no reference cycles and live until the run ends; the cyclic collector
would rescan them again and again as they pile up (a third of the loading
time, a quarter of the engine's).  Reference counting still frees everything
that dies, so pausing the collector only defers cycle detection.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused(*, freeze: bool = False) -> Iterator[None]:
    """Run the block with the collector off; `freeze` moves what survived out of its sight afterwards."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if freeze:
            gc.freeze()
        if enabled:
            gc.enable()
