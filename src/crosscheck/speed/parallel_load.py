"""Loading a corpus with every core, and with the claims cache: the same result as a serial load.

This process first takes what the cache still holds; the misses are cut into
chunks that this process and forked workers load (`runner.run_each`: each takes
the next chunk when it is free).  A worker sends back, per chunk, its compacted
claims as plain parts pickled in one message (cheaper for this process to
rebuild than a cache payload is to validate, and the claims are compacted
first, so the shared parts travel once per chunk), along with the cache entry
it made.  Rebuilding a worker's chunk costs this process about 4 us a claim, a
twelfth of loading it, done between its own chunks.  Chunks are kept in order,
so the corpus and its diagnostics come out as a serial load gives them.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from pathlib import Path

from crosscheck import load
from crosscheck.load.corpus import Loaded, LoadResult, find_article, find_sources, finish, load_fresh, start
from crosscheck.load.read import Sources, read_text
from crosscheck.model.corpus import Document
from crosscheck.model.registry import Registry
from crosscheck.speed import gcpause, runner
from crosscheck.speed.claims_cache import ClaimsCache, Entry
from crosscheck.speed.claims_reuse import Cached, Compacting
from crosscheck.speed.compact import compact_document

PARALLEL_MIN_FILES = 400
"""Below this many claims files one process is faster than starting workers."""
_CHUNK_FILES = 16
"""Claims files per chunk of parallel work: small enough to balance, large enough to amortise a hand-off."""

_Task = tuple[Path, Path]
"""A claims file and the corpus root it was found under."""
_Done = tuple[Path, Document | None, list, Entry | None]
"""A loaded file: its path, document, problems and the cache entry to keep (if any)."""


def load_corpus(
    paths: Iterable[str | Path],
    registry: str | Path | None = None,
    *,
    cache: ClaimsCache | None = None,
    sources: Sources | None = None,
    jobs: int | None = None,
) -> LoadResult:
    """`load.load_corpus`, compacted, with `cache` and in `jobs` processes (None: every core for a large corpus).

    With a `cache`, files whose claims, article and registry are unchanged are taken from it,
    and freshly loaded clean files are written to it.
    """
    reuse = Cached(cache) if cache is not None else Compacting()
    if sources is None:
        sources = find_sources(paths, registry)
    count = len(sources.claims_files)
    processes = runner.jobs(count, PARALLEL_MIN_FILES) if jobs is None else max(1, min(jobs, count))
    # Loading allocates millions of small, acyclic objects: the cyclic collector would rescan
    # them over and over (a third of the time).  Pause it, and afterwards move what was loaded
    # out of its sight (gc.freeze), since the corpus lives as long as the run.
    with gcpause.paused(freeze=True):
        if processes <= 1 or not runner.can_fork():
            return load.load_corpus(paths, registry, reuse=reuse, sources=sources)
        return _load_parallel(sources, reuse, processes)


def _load_parallel(sources: Sources, reuse: Compacting, processes: int) -> LoadResult:
    result, registry_text = start(sources)
    reuse.begin(sources.registry, registry_text)
    loaded: list[Loaded] = []
    misses: list[_Task] = []
    for path in sources.claims_files:
        root = sources.roots[path]
        if isinstance(reuse, Cached):
            text, problems = read_text(path, "claims file")
            if text is None:
                loaded.append((None, problems))
                continue
            document = reuse.lookup(path, text, partial(find_article, path, root))
            if document is not None:
                loaded.append((document, []))
                continue
        misses.append((path, root))  # its text is read again where it loads: keeping them all costs memory
    size = max(1, min(_CHUNK_FILES, len(misses) // (processes * 8)))
    chunks = [misses[i : i + size] for i in range(0, len(misses), size)]
    registry = result.corpus.registry
    done: list[list[Loaded]] = [[] for _ in chunks]

    def work(index: int) -> list[_Done]:  # forked workers inherit the chunks and the registry
        return _load_chunk(chunks[index], registry, reuse)

    for index, files in runner.run_each(work, len(chunks), processes, _pack, _unpack):
        for path, document, problems, entry in files:
            if entry is not None:
                reuse.keep(path, entry)
            done[index].append((document, problems))
    reuse.finish()
    for chunk in done:
        loaded.extend(chunk)
    return finish(result, loaded)


def _load_chunk(tasks: list[_Task], registry: Registry | None, reuse: Compacting) -> list[_Done]:
    """Load a chunk of claims files afresh, compacted, each with the cache entry to keep (made here: in a worker, if forked)."""
    out: list[_Done] = []
    for path, root in tasks:
        text, problems = read_text(path, "claims file")
        if text is None:
            out.append((path, None, problems, None))
            continue
        fresh = load_fresh(path, root, text, registry)
        if fresh.document is not None:
            compact_document(fresh.document)
        out.append((path, fresh.document, fresh.problems, reuse.entry(fresh)))
    return out


def _pack(files: list[_Done]) -> list[tuple]:
    """A worker's chunk as plain parts: metadata, claims and spans instead of documents."""
    out: list[tuple] = []
    for path, document, problems, entry in files:
        if document is None:
            out.append((path, None, problems, entry))
            continue
        parts = (document.id, str(document.article_path), document.meta, [c.claim for c in document.claims], document.spans)
        out.append((path, parts, problems, entry))
    return out


def _unpack(message: list[tuple]) -> list[_Done]:
    out: list[_Done] = []
    for path, parts, problems, entry in message:
        if parts is None:
            out.append((path, None, problems, entry))
            continue
        doc_id, article, meta, claims, spans = parts
        document = Document.placed(doc_id, meta, claims, spans, article_path=Path(article), claims_path=path)
        compact_document(document)  # shares what repeats across chunks, too
        out.append((path, document, problems, entry))
    return out
