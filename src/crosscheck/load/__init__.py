"""Loading a corpus: discover files, read and validate them, locate every claim (serial; see `corpus`).

`load_corpus(paths, registry=None, *, reuse=None, sources=None) -> LoadResult` is the
entry point; `reuse` is the hook (`load.reuse.Reuse`) through which a keeper of
loaded documents, such as the claims cache in `crosscheck.speed`, takes part.
"""

from crosscheck.load.corpus import LoadResult, find_article, find_sources, load_corpus
from crosscheck.load.reuse import Article, Fresh, Reuse

__all__ = ["Article", "Fresh", "LoadResult", "Reuse", "find_article", "find_sources", "load_corpus"]
