"""The speed layer: parallel, cached loading and comparison around the pure core.

Temporary: delegates to today's loader and engine until the speed layer of issue 12 lands.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Mapping, Sequence

if TYPE_CHECKING:
    from crosscheck.comparators import Comparator
    from crosscheck.load.corpus import LoadResult
    from crosscheck.load.read import Sources
    from crosscheck.model.corpus import Corpus
    from crosscheck.model.report import Report
    from crosscheck.rules import Rule
    from crosscheck.speed.claims_cache import ClaimsCache


def check(corpus: Corpus, rules: Sequence[Rule], comparators: Mapping[str, Comparator] | None = None, *, jobs: int | None = None) -> Report:
    """The engine's report on `corpus`, compared in `jobs` processes (None: as many as pay off)."""
    from crosscheck import engine
    from crosscheck.speed import runner

    if jobs is None:
        jobs = runner.jobs(sum(len(document.claims) for document in corpus.documents), engine.PARALLEL_MIN_CLAIMS)
    return engine.check(corpus, rules, comparators, jobs=jobs)


def load_corpus(paths: Iterable[str | Path], registry: str | Path | None = None, *, cache: ClaimsCache | None = None,
                sources: Sources | None = None, jobs: int | None = None) -> LoadResult:
    """`load.corpus.load_corpus`, in parallel and taking unchanged files from `cache`."""
    from crosscheck.load import corpus

    return corpus.load_corpus(paths, registry, cache=cache, sources=sources)
