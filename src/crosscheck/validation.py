"""Validate claims beyond their schema, and build the located corpus.

Schema validity is checked while loading.  Here: ids known to the registry
(with "did you mean"), unique claim ids, the value kind a property declares,
and provenance — every quote stands in its article, and every value as
written stands in its quote.  Each claim's line and column in the article are
derived from where its quote is found.
"""

from __future__ import annotations

import functools
import gc
import multiprocessing
import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from crosscheck.cache import ClaimsCache, Entry, decode, digest, encode, text_digest
from crosscheck.corpus import Corpus, Document, LocatedClaim
from crosscheck.errors import Diagnostic, did_you_mean, json_path
from crosscheck.loading import (
    _resolved_cwd,
    Locator,
    Sources,
    discover,
    display_path,
    load_model,
    read_text,
    validate_text,
)
from crosscheck.models import Claim, ClaimsFile, Registry
from crosscheck.textspan import SearchableText, normalize_typography


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
    for attr in ("speaker", "entity"):
        ref = getattr(claim.value, attr, None)
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
    out = _Reporter(claims_path, text)
    article_path = _resolve_article(claims_path, root, claims_file.document.article, out)
    if article_path is None:
        return None, out.items
    article_text, problems = read_text(article_path, "article")
    if article_text is None:
        if problems and problems[0].code == "file-missing":
            out.add(("document", "article"), "article-missing", f"article {claims_file.document.article!r} not found (expected a text file next to the claims file)")
            return None, out.items
        return None, out.items + problems
    if not article_text.strip():
        out.add(("document", "article"), "article-empty", f"article {claims_file.document.article!r} is empty (expected the article text)")
        return None, out.items

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
    document = Document(
        id=doc_id,
        article_path=article_path,
        claims_path=claims_path,
        meta=claims_file.document,
        text=article_text,
        claims=tuple(located),
    )
    return document, out.items


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
    paths: Iterable[str | Path], registry: str | Path | None = None, *, cache: ClaimsCache | None = None
) -> LoadResult:
    """Load and validate every claims file under `paths`, with the registry found beside them.

    With a `cache`, files whose claims, article and registry are unchanged are taken from it,
    and freshly loaded clean files are written to it.
    """
    # Loading allocates millions of small, acyclic objects: the cyclic collector would rescan
    # them over and over (a third of the time).  Pause it, and afterwards move what was loaded
    # out of its sight (gc.freeze), since the corpus lives as long as the run.
    _resolved_dir_in.cache_clear()  # the file system may have changed since the last load
    _resolved_cwd.cache_clear()
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _load_corpus(paths, registry, cache)
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


def _registry_hash(path: Path | None) -> bytes:
    """Content hash of the registry (every cached file depends on it); a fixed value when there is none."""
    if path is None:
        return b"no-registry"
    try:
        return digest(path.read_bytes())
    except OSError:
        return b"unreadable-registry"


def load_document(
    path: Path, root: Path, registry: Registry | None, cache: ClaimsCache | None = None, registry_hash: bytes = b""
) -> tuple[Document | None, list[Diagnostic]]:
    """Load one claims file and its article: from the cache when every input hash matches, else afresh."""
    text, problems = read_text(path, "claims file")
    if text is None:
        return None, problems
    key = str(_resolved_dir(path.parent) / path.name)
    claims_hash = text_digest(text) if cache is not None else b""
    if cache is not None:
        entry = cache.get(key)
        if entry is not None and entry.claims_hash == claims_hash and entry.registry_hash == registry_hash:
            document = _from_cache(entry, path, root)
            if document is not None:
                return document, []
    claims_file, problems = validate_text(text, path, ClaimsFile, "claims file")
    if claims_file is None:
        return None, problems
    document, problems = build_document(claims_file, path, text, root, registry)  # type: ignore[arg-type]
    if cache is not None and document is not None and not problems:
        cache.put(key, Entry(claims_hash, registry_hash, document.meta.article, text_digest(document.text), encode(document)))
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
    return decode(entry.payload, display_path(article_path, resolved=True), article_path, claims_path, article_text)


PARALLEL_MIN_FILES = 400
"""Below this many claims files one process is faster than starting workers."""


def _jobs(files: int) -> int:
    """Worker processes to use: CROSSCHECK_JOBS, else every core for a large corpus, else 1."""
    wanted = os.environ.get("CROSSCHECK_JOBS")
    if wanted and wanted.isdigit():
        jobs = int(wanted)
    else:
        jobs = (os.cpu_count() or 1) if files >= PARALLEL_MIN_FILES else 1
    if jobs > 1 and "fork" not in multiprocessing.get_all_start_methods():
        return 1  # workers inherit the registry and caches by forking; elsewhere stay serial
    return max(1, min(jobs, files))


_WORKER_REGISTRY: Registry | None = None


def _work(task: tuple[Path, Path]) -> tuple:
    """In a worker: load one claims file afresh; return what the parent needs, compactly."""
    path, root = task
    text, problems = read_text(path, "claims file")
    if text is None:
        return problems, None
    claims_file, problems = validate_text(text, path, ClaimsFile, "claims file")
    if claims_file is None:
        return problems, None
    document, problems = build_document(claims_file, path, text, root, _WORKER_REGISTRY)  # type: ignore[arg-type]
    if document is None:
        return problems, None
    return problems, (encode(document), document.id, str(document.article_path), document.text, text_digest(text))


def _load_parallel(sources: Sources, result: LoadResult, cache: ClaimsCache | None, registry_hash: bytes, jobs: int) -> None:
    """Load claims files in `jobs` forked workers: cache hits here, misses there.

    Workers send back the same compact payload the cache stores, so the parent only decodes.
    """
    global _WORKER_REGISTRY
    misses: list[tuple[Path, Path]] = []
    for path in sources.claims_files:
        root = sources.roots[path]
        if cache is not None:
            text, _problems = read_text(path, "claims file")
            if text is not None:
                entry = cache.get(str(_resolved_dir(path.parent) / path.name))
                if entry is not None and entry.claims_hash == text_digest(text) and entry.registry_hash == registry_hash:
                    document = _from_cache(entry, path, root)
                    if document is not None:
                        result.corpus.documents.append(document)
                        continue
        misses.append((path, root))
    if not misses:
        return
    _WORKER_REGISTRY = result.corpus.registry
    try:
        with multiprocessing.get_context("fork").Pool(min(jobs, len(misses))) as pool:
            chunk = max(1, len(misses) // (jobs * 8))
            for (path, _root), (problems, loaded) in zip(misses, pool.imap(_work, misses, chunksize=chunk)):
                result.diagnostics.extend(problems)
                if loaded is None:
                    continue
                payload, doc_id, article, article_text, claims_hash = loaded
                document = decode(payload, doc_id, Path(article), path, article_text)
                if document is None:  # pragma: no cover - a payload we just wrote always decodes
                    raise RuntimeError(f"worker result for {path} does not decode")
                result.corpus.documents.append(document)
                if cache is not None and not problems:
                    cache.put(str(_resolved_dir(path.parent) / path.name),
                              Entry(claims_hash, registry_hash, document.meta.article, text_digest(article_text), payload))
    finally:
        _WORKER_REGISTRY = None


def _load_corpus(paths: Iterable[str | Path], registry: str | Path | None, cache: ClaimsCache | None) -> LoadResult:
    sources = discover(paths, registry)
    result = LoadResult(Corpus(), sources=sources)
    for missing in sources.missing:
        result.diagnostics.append(Diagnostic(display_path(missing), 1, 1, "path-missing", "no such file or folder (expected a claims file, article or corpus folder)"))
    if sources.registry is not None:
        loaded, registry_text, problems = load_model(sources.registry, Registry, "registry")
        result.diagnostics.extend(problems)
        if loaded is not None:
            result.diagnostics.extend(registry_diagnostics(loaded, sources.registry, registry_text))
        result.corpus.registry = loaded
        result.corpus.registry_path = sources.registry
    registry_hash = _registry_hash(sources.registry) if cache is not None else b""
    jobs = _jobs(len(sources.claims_files))
    if jobs > 1:
        _load_parallel(sources, result, cache, registry_hash, jobs)
    else:
        for path in sources.claims_files:
            document, problems = load_document(path, sources.roots[path], result.corpus.registry, cache, registry_hash)
            result.diagnostics.extend(problems)
            if document is not None:
                result.corpus.documents.append(document)
    if cache is not None:
        cache.commit()
    result.corpus.documents.sort(key=lambda d: d.id)
    result.diagnostics.sort(key=lambda d: d.sort_key)
    return result
