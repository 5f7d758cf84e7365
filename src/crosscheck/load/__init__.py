"""Loading a corpus: discover files, read and validate them, locate every claim (serial; see `corpus`).

`load_corpus(paths, registry=None, *, reuse=None, sources=None) -> LoadResult` is the
entry point; `reuse` is the hook (`load.reuse.Reuse`) through which a keeper of
loaded documents, such as the claims cache in `crosscheck.speed`, takes part.
Names are loaded lazily: a warm run that only discovers files (`load.read`) does
not import the validation machinery.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from crosscheck.load.corpus import LoadResult, find_article, find_sources, load_corpus
    from crosscheck.load.reuse import Article, Fresh, Reuse

__all__ = ["Article", "Fresh", "LoadResult", "Reuse", "find_article", "find_sources", "load_corpus"]

_HOMES = {
    "LoadResult": "crosscheck.load.corpus", "find_article": "crosscheck.load.corpus", "find_sources": "crosscheck.load.corpus",
    "load_corpus": "crosscheck.load.corpus", "Article": "crosscheck.load.reuse", "Fresh": "crosscheck.load.reuse",
    "Reuse": "crosscheck.load.reuse",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'crosscheck.load' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(home), name)
