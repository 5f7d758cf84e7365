"""The speed layer around the pure core: forked processes, collector pauses, compaction, caches.

`check` and `load_corpus` give exactly what `engine.check` and `load.load_corpus`
give, faster: with every core for a large corpus (`runner`, the one process pool),
with the claims cache, and with loaded claims compacted.  Loaded lazily: importing
`crosscheck.speed` costs nothing until one of them is used.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from crosscheck.speed.parallel_check import check
    from crosscheck.speed.parallel_load import load_corpus

__all__ = ["check", "load_corpus"]

_HOMES = {"check": "crosscheck.speed.parallel_check", "load_corpus": "crosscheck.speed.parallel_load"}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'crosscheck.speed' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(home), name)
