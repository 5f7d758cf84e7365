"""Validate claims beyond their schema, and build the located corpus.

Schema validity is checked while loading.  Here: ids known to the registry
(with "did you mean"), unique claim ids, the value kind a property declares,
and provenance — every quote stands in its article, and every value as
written stands in its quote.  Each claim's line and column in the article are
derived from where its quote is found.
"""

from __future__ import annotations

import functools
import multiprocessing
import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator

from crosscheck.speed import gcpause as collector

from crosscheck.speed import runner as forking
from crosscheck.speed.claims_cache import ClaimsCache, Entry, decode, encode, text_digest
from crosscheck.speed.compact import compact_claims, share_fields_set
from crosscheck.model.corpus import Corpus, Document, LocatedClaim
from crosscheck.errors import Diagnostic, did_you_mean, json_path
from crosscheck.load.read import (
    _resolved_cwd,
    Locator,
    Sources,
    discover,
    display_path,
    load_registry,
    read_text,
    validate_text,
)
from crosscheck.model.claims import Claim, ClaimsFile
from crosscheck.model.registry import Registry
from crosscheck.text.search import SearchableText, normalize_typography


@dataclass(slots=True)
class LoadResult:
    """A corpus and every problem found while loading it."""

    corpus: Corpus
    diagnostics: list[Diagnostic] = field(default_factory=list)
    sources: Sources | None = None

    @property
    def ok(self) -> bool:
        return not any(d.severity == "error" for d in self.diagnostics)


def _preview(text: str, limit: int = 50) -> str:
    flat = " ".join(text.split())
    return repr(flat if len(flat) <= limit else flat[: limit - 3] + "...")


class _Reporter:
    """Collects diagnostics for one claims file, locating them only when there are some."""

    def __init__(self, path: Path, text: str):
        self.path = path
        self.locator = Locator(text)
        self.items: list[Diagnostic] = []

    def add(self, loc: tuple, code: str, message: str, severity: str = "error") -> None:
        line, column = self.locator.locate(loc)
        self.items.append(Diagnostic(display_path(self.path), line, column, code, message, json_path(loc), severity))


def _check_ids(claim: Claim, index: int, registry: Registry, out: _Reporter) -> None:
    """Ids must come from the registry; a drafted claim's proposed new ids are only a warning."""
    base = ("claims", index)
    severity = "warning" if claim.draft is not None else "error"
    if claim.subject not in registry.entities:
        hint = did_you_mean(claim.subject, registry.entities)
        out.add(base + ("subject",), "unknown-subject", f"unknown subject {claim.subject!r} (expected an entity id from the registry{hint})", severity)
    prop = registry.properties.get(claim.property)
    if prop is None:
        hint = did_you_mean(claim.property, registry.properties)
        out.add(base + ("property",), "unknown-property", f"unknown property {claim.property!r} (expected a property id from the registry{hint})", severity)
    elif prop.kind != claim.value.kind:
        out.add(
            base + ("value", "kind"),
            "kind-mismatch",
            f"property {claim.property!r} takes {prop.kind} values (expected kind {prop.kind}, found {claim.value.kind})",
        )
    fields = claim.value.__dict__  # a plain look-up: getattr on a missing field goes through pydantic's __getattr__
    for attr in ("speaker", "entity"):
        ref = fields.get(attr)
        if ref is not None and ref not in registry.entities:
            hint = did_you_mean(ref, registry.entities)
            out.add(base + ("value", attr), f"unknown-{attr}", f"unknown {attr} {ref!r} (expected an entity id from the registry{hint})", severity)


@functools.lru_cache(maxsize=4096)
def _resolved_dir_in(cwd: str, folder: Path) -> Path:
    return folder.resolve()


def _resolved_dir(folder: Path) -> Path:
    """`folder.resolve()`, remembered for the current load (cleared by every `load_corpus`)."""
    return _resolved_dir_in(os.getcwd(), folder)


def _resolve_article(claims_path: Path, root: Path, meta_article: str, out: _Reporter) -> Path | None:
    # a bare file name in an already resolved folder needs no resolve() unless it is a symlink
    folder = _resolved_dir(claims_path.parent)
    article = folder / meta_article
    if "/" in meta_article or "\\" in meta_article or meta_article in (".", "..") or article.is_symlink():
        article = article.resolve()
    root_resolved = _resolved_dir(root)
    if article != root_resolved and root_resolved not in article.parents:
        out.add(
            ("document", "article"),
            "outside-corpus",
            f"article path {meta_article!r} leaves the corpus folder (expected a file inside {display_path(root)})",
        )
        return None
    return article


def build_document(
    claims_file: ClaimsFile, claims_path: Path, text: str, root: Path, registry: Registry | None
) -> tuple[Document | None, list[Diagnostic]]:
    """Check one parsed claims file against the registry and its article; locate every claim."""
    document, _article_text, problems = _build(claims_file, claims_path, text, root, registry)
    return document, problems


def _build(
    claims_file: ClaimsFile, claims_path: Path, text: str, root: Path, registry: Registry | None
) -> tuple[Document | None, str | None, list[Diagnostic]]:
    """`build_document`, also returning the article text it read (the cache stores its hash).

    The document does not keep the text (see `Document`), and its claims are compacted.
    """
    out = _Reporter(claims_path, text)
    article_path = _resolve_article(claims_path, root, claims_file.document.article, out)
    if article_path is None:
        return None, None, out.items
    article_text, problems = read_text(article_path, "article")
    if article_text is None:
        if problems and problems[0].code == "file-missing":
            out.add(("document", "article"), "article-missing", f"article {claims_file.document.article!r} not found (expected a text file next to the claims file)")
            return None, None, out.items
        return None, None, out.items + problems
    if not article_text.strip():
        out.add(("document", "article"), "article-empty", f"article {claims_file.document.article!r} is empty (expected the article text)")
        return None, None, out.items

    doc_id = display_path(article_path, resolved=True)
    searchable = SearchableText(article_text)
    ids = Counter(c.id for c in claims_file.claims)
    located: list[LocatedClaim] = []
    for index, claim in enumerate(claims_file.claims):
        if ids[claim.id] > 1:
            first = next(i for i, c in enumerate(claims_file.claims) if c.id == claim.id)
            if first != index:
                out.add(("claims", index, "id"), "duplicate-id", f"claim id {claim.id!r} is already used by claim #{first + 1} (expected unique ids)")
        if registry is not None:
            _check_ids(claim, index, registry, out)
        span = searchable.find(claim.quote)
        if span is None:
            matched = searchable.closest_prefix(claim.quote)
            quote_norm = normalize_typography(claim.quote)
            where = f"; it diverges after {_preview(quote_norm[:matched])}" if matched >= 10 else ""
            out.add(
                ("claims", index, "quote"),
                "quote-not-found",
                f"quote not found in {doc_id} (expected verbatim article text, found {_preview(claim.quote)}{where})",
            )
            continue
        if normalize_typography(claim.text) not in normalize_typography(claim.quote):
            out.add(
                ("claims", index, "text"),
                "text-not-in-quote",
                f"value as written is not in the quote (expected a part of the quote, found {_preview(claim.text)})",
            )
        located.append(
            LocatedClaim(claim, doc_id, span.start, span.end, span.line, span.column, drafted=claim.draft is not None)
        )
    compact_claims(claims_file.claims)
    share_fields_set(claims_file.document)
    document = Document(
        id=doc_id,
        article_path=article_path,
        claims_path=claims_path,
        meta=claims_file.document,
        text=None,
        claims=tuple(located),
    )
    return document, article_text, out.items


def registry_diagnostics(registry: Registry, path: Path, text: str | None) -> list[Diagnostic]:
    """Cross-references inside the registry: a duration's `counts_from` names a date property."""
    out = _Reporter(path, text or "")
    for prop_id, prop in registry.properties.items():
        if prop.counts_from is None:
            continue
        loc = ("properties", prop_id, "counts_from")
        target = registry.properties.get(prop.counts_from)
        if prop.kind != "duration":
            out.add(loc, "counts-from", f"counts_from is only for duration properties (expected kind duration, found {prop.kind})")
        elif target is None:
            hint = did_you_mean(prop.counts_from, registry.properties)
            out.add(loc, "unknown-property", f"unknown property {prop.counts_from!r} (expected a date property id{hint})")
        elif target.kind != "date":
            out.add(loc, "counts-from", f"counts_from must name a date property (expected kind date, found {target.kind})")
    return out.items


def load_corpus(
    paths: Iterable[str | Path],
    registry: str | Path | None = None,
    *,
    cache: ClaimsCache | None = None,
    sources: Sources | None = None,
) -> LoadResult:
    """Load and validate every claims file under `paths`, with the registry found beside them.

    With a `cache`, files whose claims, article and registry are unchanged are taken from it,
    and freshly loaded clean files are written to it.  `sources`: what `discover(paths,
    registry)` already found, when the caller needed it first.
    """
    # Loading allocates millions of small, acyclic objects: the cyclic collector would rescan
    # them over and over (a third of the time).  Pause it, and afterwards move what was loaded
    # out of its sight (gc.freeze), since the corpus lives as long as the run.
    if sources is None:
        _resolved_dir_in.cache_clear()  # the file system may have changed since the last load
        _resolved_cwd.cache_clear()
    with collector.paused(freeze=True):
        return _load_corpus(sources if sources is not None else discover(paths, registry), cache)


def _registry_hash(path: Path | None, text: str | None) -> bytes:
    """Content hash of the registry text this run loaded (every cached file depends on it); a fixed value when there is none."""
    if path is None:
        return b"no-registry"
    if text is None:
        return b"unreadable-registry"
    return text_digest(text)


def load_document(
    path: Path, root: Path, registry: Registry | None, cache: ClaimsCache | None = None, registry_hash: bytes = b""
) -> tuple[Document | None, list[Diagnostic]]:
    """Load one claims file and its article: from the cache when every input hash matches, else afresh."""
    text, problems = read_text(path, "claims file")
    if text is None:
        return None, problems
    if cache is not None:
        document = _cached(cache, path, root, text, registry_hash)
        if document is not None:
            return document, []
    return _load_fresh(path, root, text, registry, cache, registry_hash)


def _cache_key(path: Path) -> str:
    return str(_resolved_dir(path.parent) / path.name)


def _cached(cache: ClaimsCache, path: Path, root: Path, text: str, registry_hash: bytes) -> Document | None:
    """The cached document for a claims file with this text, if every input hash still matches."""
    entry = cache.get(_cache_key(path))
    if entry is None or entry.claims_hash != text_digest(text) or entry.registry_hash != registry_hash:
        return None
    return _from_cache(entry, path, root)


def _load_fresh(
    path: Path, root: Path, text: str, registry: Registry | None, cache: ClaimsCache | None, registry_hash: bytes
) -> tuple[Document | None, list[Diagnostic]]:
    """Validate and locate a claims file from its text; queue a clean result for the cache."""
    claims_file, problems = validate_text(text, path, ClaimsFile, "claims file")
    if claims_file is None:
        return None, problems
    document, article_text, problems = _build(claims_file, path, text, root, registry)  # type: ignore[arg-type]
    if cache is not None and document is not None and not problems:
        cache.put(_cache_key(path), Entry(text_digest(text), registry_hash, document.meta.article, text_digest(article_text), encode(document)))  # type: ignore[arg-type]
    return document, problems


def _from_cache(entry: Entry, claims_path: Path, root: Path) -> Document | None:
    """The cached document, if its article still resolves inside the corpus with the same content."""
    out = _Reporter(claims_path, "")
    article_path = _resolve_article(claims_path, root, entry.article, out)
    if article_path is None:
        return None
    article_text, _problems = read_text(article_path, "article")
    if article_text is None or text_digest(article_text) != entry.article_hash:
        return None
    return decode(entry.payload, display_path(article_path, resolved=True), article_path, claims_path)


PARALLEL_MIN_FILES = 400
"""Below this many claims files one process is faster than starting workers."""


_Task = tuple[Path, Path]
_Loaded = tuple[Document | None, list[Diagnostic]]


def _work(tasks: list[_Task], registry: Registry | None, payloads: bool) -> list[tuple]:
    """In a worker: load a chunk of claims files afresh; return what the parent needs to rebuild them.

    For each file: its problems and, when it loaded, the document's parts (metadata, claims,
    where each quote stands), the hashes of the claims file and the article, and with
    `payloads` the cache's payload.  The parts travel pickled in one message per chunk: cheaper
    for the parent to rebuild than the JSON payload is to validate, and the claims are compacted
    first, so the shared parts travel once per chunk.
    """
    out: list[tuple] = []
    for path, root in tasks:
        text, problems = read_text(path, "claims file")
        if text is None:
            out.append((problems, None))
            continue
        claims_file, problems = validate_text(text, path, ClaimsFile, "claims file")
        if claims_file is None:
            out.append((problems, None))
            continue
        document, article_text, problems = _build(claims_file, path, text, root, registry)  # type: ignore[arg-type]
        if document is None:
            out.append((problems, None))
            continue
        parts = (
            document.meta,
            [c.claim for c in document.claims],
            [(c.start, c.end, c.line, c.column) for c in document.claims],
            document.id,
            str(document.article_path),
            text_digest(article_text),  # type: ignore[arg-type]
            text_digest(text),
            encode(document) if payloads else None,
        )
        out.append((problems, parts))
    return out


def _receive(tasks: list[_Task], results: list[tuple], cache: ClaimsCache | None, registry_hash: bytes) -> list[_Loaded]:
    """Turn a worker's results for `tasks` into documents (one chunk at a time, so results never pile up)."""
    out: list[_Loaded] = []
    for (path, _root), (problems, parts) in zip(tasks, results):
        if parts is None:
            out.append((None, problems))
            continue
        meta, claims, spans, doc_id, article, article_hash, claims_hash, payload = parts
        compact_claims(claims)  # shares what repeats across chunks, too
        share_fields_set(meta)
        located = tuple(
            LocatedClaim(claim, doc_id, start, end, line, column, drafted=claim.draft is not None)
            for claim, (start, end, line, column) in zip(claims, spans)
        )
        document = Document(id=doc_id, article_path=Path(article), claims_path=path, meta=meta, text=None, claims=located)
        if cache is not None and not problems:
            cache.put(_cache_key(path), Entry(claims_hash, registry_hash, meta.article, article_hash, payload))
        out.append((document, problems))
    return out


def _load_parallel(sources: Sources, result: LoadResult, cache: ClaimsCache | None, registry_hash: bytes, jobs: int) -> list[_Loaded]:
    """Load claims files with `jobs - 1` forked workers and this process: cache hits here, misses shared.

    The misses are cut into chunks; this process and the workers take the next chunk from a
    shared counter whenever they are free.  A worker sends back, per chunk, its compacted
    claims pickled in one message, so a worker's chunk costs this process only unpickling and
    wrapping them (about 4 us a claim, a twelfth of loading it), done between its own chunks.
    Results are kept in chunk order, so the corpus and its diagnostics come out as a serial
    load gives them.
    """
    loaded: list[_Loaded] = []
    misses: list[_Task] = []
    for path in sources.claims_files:
        root = sources.roots[path]
        if cache is not None:
            text, problems = read_text(path, "claims file")
            if text is None:
                loaded.append((None, problems))
                continue
            document = _cached(cache, path, root, text, registry_hash)
            if document is not None:
                loaded.append((document, []))
                continue
        misses.append((path, root))  # its text is read again where it loads: keeping them all costs memory
    if not misses:
        return loaded
    size = max(1, min(_CHUNK_FILES, len(misses) // (jobs * 8)))
    chunks = [misses[i : i + size] for i in range(0, len(misses), size)]
    done: list[list[_Loaded] | None] = [None] * len(chunks)
    registry = result.corpus.registry

    def receive(message: tuple[int, list[tuple]]) -> None:
        index, results = message
        done[index] = _receive(chunks[index], results, cache, registry_hash)

    with _Workers(min(jobs - 1, len(chunks)), chunks, registry, cache is not None) as workers:
        while (index := workers.take()) is not None:
            done[index] = [_load_here(task, registry, cache, registry_hash) for task in chunks[index]]
            for message in workers.ready():
                receive(message)
        for message in workers.rest():
            receive(message)
    for index, chunk in enumerate(done):
        if chunk is None:  # a worker died with it: load it here
            chunk = [_load_here(task, registry, cache, registry_hash) for task in chunks[index]]
        loaded.extend(chunk)
    return loaded


_CHUNK_FILES = 16
"""Claims files per chunk of parallel work: small enough to balance, large enough to amortise a hand-off."""
_PIPE_BYTES = 1 << 20
"""Pipe buffer asked for (Linux): a worker can run a few chunks ahead of this process without blocking."""


class _Workers:
    """Forked workers that take chunks from a shared counter and send their results through a pipe each.

    Everything a worker needs (chunks, registry) it inherits by forking, so only results travel.
    """

    def __init__(self, count: int, chunks: list, registry: Registry | None, payloads: bool):
        context = multiprocessing.get_context("fork")
        self._next = context.Value("q", 0)
        self._chunks = len(chunks)
        self._readers: list[Any] = []
        self._processes: list[Any] = []
        for _ in range(count):
            reader, writer = context.Pipe(duplex=False)
            _grow_pipe(writer.fileno())
            process = context.Process(target=_worker_loop, args=(chunks, self._next, writer, registry, payloads), daemon=True)
            process.start()
            writer.close()  # the worker holds its copy: EOF here once it exits
            self._readers.append(reader)
            self._processes.append(process)

    def take(self) -> int | None:
        """The next chunk for this process, or None when every chunk is taken."""
        return _take(self._next, self._chunks)

    def ready(self) -> Iterator[tuple[int, list[tuple]]]:
        """Results that have arrived, without waiting."""
        return self._messages(timeout=0)

    def rest(self) -> Iterator[tuple[int, list[tuple]]]:
        """Every remaining result, until the workers are done (or dead: their chunks stay missing)."""
        return self._messages(timeout=None)

    def _messages(self, timeout: float | None) -> Iterator[tuple[int, list[tuple]]]:
        from multiprocessing.connection import wait

        while self._readers:
            ready = wait(self._readers, timeout)
            if not ready:
                return
            for reader in ready:
                try:
                    message = reader.recv()
                except EOFError:
                    self._readers.remove(reader)
                    reader.close()
                    continue
                if isinstance(message, str):
                    raise RuntimeError(f"a loading worker failed:\n{message}")
                yield message

    def __enter__(self) -> _Workers:
        return self

    def __exit__(self, *exc: object) -> None:
        for reader in self._readers:
            reader.close()
        for process in self._processes:
            process.join(timeout=1 if exc[0] is None else 0)
            if process.is_alive():
                process.terminate()
                process.join()


def _grow_pipe(fd: int) -> None:
    try:
        import fcntl

        fcntl.fcntl(fd, getattr(fcntl, "F_SETPIPE_SZ", 1031), _PIPE_BYTES)
    except (ImportError, OSError):  # pragma: no cover - not Linux, or a lower limit: smaller steps
        pass


def _take(counter: Any, total: int) -> int | None:
    with counter.get_lock():
        index = counter.value
        if index >= total:
            return None
        counter.value = index + 1
    return index


def _worker_loop(chunks: list, counter: Any, writer: Any, registry: Registry | None, payloads: bool) -> None:
    """In a worker: load chunks until none is left, sending each chunk's results."""
    try:
        while (index := _take(counter, len(chunks))) is not None:
            writer.send((index, _work(chunks[index], registry, payloads)))
    except BaseException:  # noqa: BLE001 - reported to the parent, which fails loudly
        import traceback

        writer.send(traceback.format_exc())
    finally:
        writer.close()


def _load_here(task: _Task, registry: Registry | None, cache: ClaimsCache | None, registry_hash: bytes) -> _Loaded:
    """Load one cache miss in this process."""
    path, root = task
    text, problems = read_text(path, "claims file")
    if text is None:
        return None, problems
    return _load_fresh(path, root, text, registry, cache, registry_hash)


def _load_corpus(sources: Sources, cache: ClaimsCache | None) -> LoadResult:
    result = LoadResult(Corpus(), sources=sources)
    for missing in sources.missing:
        result.diagnostics.append(Diagnostic(display_path(missing), 1, 1, "path-missing", "no such file or folder (expected a claims file, article or corpus folder)"))
    registry_text = None
    if sources.registry is not None:
        loaded, registry_text, problems = load_registry(sources.registry)
        result.diagnostics.extend(problems)
        if loaded is not None:
            result.diagnostics.extend(registry_diagnostics(loaded, sources.registry, registry_text))
        result.corpus.registry = loaded
        result.corpus.registry_path = sources.registry
    registry_hash = _registry_hash(sources.registry, registry_text) if cache is not None else b""
    jobs = forking.jobs(len(sources.claims_files), PARALLEL_MIN_FILES)
    if jobs > 1:
        loaded = _load_parallel(sources, result, cache, registry_hash, jobs)
    else:
        registry_model = result.corpus.registry
        loaded = [load_document(path, sources.roots[path], registry_model, cache, registry_hash) for path in sources.claims_files]
    for document, problems in loaded:
        result.diagnostics.extend(problems)
        if document is not None:
            result.corpus.documents.append(document)
    if cache is not None:
        cache.commit()
    result.corpus.documents.sort(key=lambda d: d.id)
    result.diagnostics.sort(key=lambda d: d.sort_key)
    return result
