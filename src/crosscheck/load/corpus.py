"""Validate claims beyond their schema, and build the located corpus.

Schema validity is checked while loading.  Here: ids known to the registry
(with "did you mean"), unique claim ids, the value kind a property declares,
and provenance — every quote stands in its article, and every value as
written stands in its quote.  Each claim's line and column in the article are
derived from where its quote is found.

Loading is serial and keeps to itself: a `reuse` hook (`load.reuse`) may offer
documents loaded before and is told of every fresh one; the claims cache, the
parallel loader and memory compaction build on it in `crosscheck.speed`.
Past 300 lines because the load's steps (sources, registry, each claims file, its
article) are one pipeline whose parts the speed layer calls one by one.
"""

from __future__ import annotations

import functools
import os
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import cast

from crosscheck.errors import Diagnostic, did_you_mean, json_path
from crosscheck.kinds.table import kind_fits
from crosscheck.kinds.units import value_problems
from crosscheck.load.diagnostics import valid_claims
from crosscheck.load.read import (
    Locator,
    Sources,
    _resolved_cwd,
    discover,
    display_path,
    load_registry,
    read_text,
    real_path,
    shown_name,
    validate_text,
)
from crosscheck.load.reuse import Article, Fresh, Reuse
from crosscheck.load.text_agreement import disagreements
from crosscheck.model.claims import Claim, ClaimsFile
from crosscheck.model.corpus import Corpus, Document, Span
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
        out.add(base + ("subject",), "unknown-subject",
                f"unknown subject {claim.subject!r} (expected an entity id from the registry{hint})", severity)
    prop = registry.properties.get(claim.property)
    if prop is None:
        hint = did_you_mean(claim.property, registry.properties)
        out.add(base + ("property",), "unknown-property",
                f"unknown property {claim.property!r} (expected a property id from the registry{hint})", severity)
    elif not kind_fits(prop.kind, claim.value):
        out.add(
            base + ("value", "kind"),
            "kind-mismatch",
            f"property {claim.property!r} takes {prop.kind} values (expected kind {prop.kind}, found {claim.value.kind})",
        )
    for path, code, message in value_problems(claim.value, prop.unit if prop is not None else None):
        out.add(base + ("value", *path), code, message, severity)
    fields = claim.value.__dict__  # a plain look-up: getattr on a missing field goes through pydantic's __getattr__
    for attr in ("speaker", "entity"):
        ref = fields.get(attr)
        if ref is not None and ref not in registry.entities:
            hint = did_you_mean(ref, registry.entities)
            out.add(base + ("value", attr), f"unknown-{attr}",
                    f"unknown {attr} {ref!r} (expected an entity id from the registry{hint})", severity)


@functools.lru_cache(maxsize=4096)
def _resolved_dir_in(cwd: str, folder: Path) -> Path:
    return real_path(folder)


def _resolved_dir(folder: Path) -> Path:
    """`folder.resolve()`, remembered for the current load (cleared by `find_sources`)."""
    return _resolved_dir_in(os.getcwd(), folder)


def _resolve_article(claims_path: Path, root: Path, meta_article: str, out: _Reporter) -> Path | None:
    # a bare file name in an already resolved folder needs no resolve() unless it is a symlink
    folder = _resolved_dir(claims_path.parent)
    article = folder / meta_article
    # os.path.islink: a name too long is no link, not an error
    if "/" in meta_article or "\\" in meta_article or meta_article in (".", "..") or os.path.islink(article):
        article = real_path(article)
    root_resolved = _resolved_dir(root)
    if article != root_resolved and root_resolved not in article.parents:
        out.add(
            ("document", "article"),
            "outside-corpus",
            f"article path {meta_article!r} leaves the corpus folder (expected a file inside {display_path(root)})",
        )
        return None
    return article


def _build(
    claims_file: ClaimsFile, claims_path: Path, text: str, root: Path, registry: Registry | None,
    positions: Sequence[int] | None = None,
) -> tuple[Document | None, str | None, list[Diagnostic]]:
    """Check one parsed claims file against the registry and its article; locate every claim.

    Also returns the article text it read (a reuse hook may keep its hash); the document does
    not keep it (see `Document`).  `positions`: where each claim stands in the file's list, when
    `claims_file` holds only some of them (the valid ones of a file that failed validation).
    """
    out = _Reporter(claims_path, text)
    article_path = _resolve_article(claims_path, root, claims_file.document.article, out)
    if article_path is None:
        return None, None, out.items
    article_text, problems = read_text(article_path, "article")
    if article_text is None:
        if problems and problems[0].code == "file-missing":
            out.add(("document", "article"), "article-missing",
                    f"article {claims_file.document.article!r} not found (expected a text file next to the claims file)")
            return None, None, out.items
        return None, None, out.items + problems
    if not article_text.strip():
        out.add(("document", "article"), "article-empty", f"article {claims_file.document.article!r} is empty (expected the article text)")
        return None, None, out.items

    doc_id = display_path(article_path, resolved=True)
    searchable = SearchableText(article_text)
    ids = Counter(c.id for c in claims_file.claims)
    claims: list[Claim] = []
    spans: list[Span] = []
    placed = list(zip(range(len(claims_file.claims)) if positions is None else positions, claims_file.claims))
    for index, claim in placed:
        problems_before = len(out.items)
        if ids[claim.id] > 1:
            first = next(i for i, c in placed if c.id == claim.id)
            if first != index:
                out.add(("claims", index, "id"), "duplicate-id",
                        f"claim id {claim.id!r} is already used by claim #{first + 1} (expected unique ids)")
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
        if len(out.items) == problems_before:  # a claim already wrong (kind, text) is not read further
            for place, code, message in disagreements(claim):
                out.add(("claims", index, *place), code, message)
        claims.append(claim)
        spans.append((span.start, span.end, span.line, span.column))
    document = Document.placed(doc_id, claims_file.document, claims, spans, article_path=article_path, claims_path=claims_path)
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
    reuse: Reuse | None = None,
    sources: Sources | None = None,
) -> LoadResult:
    """Load and validate every claims file under `paths`, with the registry found beside them.

    `reuse`: documents loaded before, taken when their files are unchanged, and told of every
    fresh one.  `sources`: what `find_sources(paths, registry)` already found, when the caller
    needed it first.
    """
    if sources is None:
        sources = find_sources(paths, registry)
    result, registry_text = start(sources)
    if reuse is not None:
        reuse.begin(sources.registry, registry_text)
    loaded = [load_document(path, sources.roots[path], result.corpus.registry, reuse) for path in sources.claims_files]
    if reuse is not None:
        reuse.finish()
    return finish(result, loaded)


def find_sources(paths: Iterable[str | Path], registry: str | Path | None = None) -> Sources:
    """`discover(paths, registry)`, forgetting what an earlier load resolved (the file system may have changed)."""
    _resolved_dir_in.cache_clear()
    _resolved_cwd.cache_clear()
    return discover(paths, registry)


def start(sources: Sources) -> tuple[LoadResult, str | None]:
    """A load's result before its claims files: missing paths, the registry and its problems; also the registry's text."""
    result = LoadResult(Corpus(), sources=sources)
    for missing in sources.missing:
        result.diagnostics.append(Diagnostic(display_path(missing), 1, 1, "path-missing",
                                             "no such file or folder (expected a claims file, article or corpus folder)"))
    for name in sources.undecodable:
        result.diagnostics.append(Diagnostic(
            shown_name(name), 1, 1, "file-name", "the file name is not valid UTF-8, not read (expected a UTF-8 file name)",
        ))
    for link in sources.outside:
        result.diagnostics.append(Diagnostic(
            (Path(display_path(link.parent)) / link.name).as_posix(), 1, 1, "outside-corpus",
            "a symlink to a file outside the corpus folder, not read (expected files inside the folders given)",
        ))
    registry_text = None
    if sources.registry is not None:
        loaded, registry_text, problems = load_registry(sources.registry)
        result.diagnostics.extend(problems)
        if loaded is not None:
            result.diagnostics.extend(registry_diagnostics(loaded, sources.registry, registry_text))
        result.corpus.registry = loaded
        result.corpus.registry_path = sources.registry
    return result, registry_text


Loaded = tuple[Document | None, list[Diagnostic]]
"""One claims file's document (None when it did not load) and its problems."""


def finish(result: LoadResult, loaded: Iterable[Loaded]) -> LoadResult:
    """`result` with the loaded documents and their problems, in a serial load's order."""
    for document, problems in loaded:
        result.diagnostics.extend(problems)
        if document is not None:
            result.corpus.documents.append(document)
    result.corpus.documents.sort(key=lambda d: d.id)
    result.diagnostics.sort(key=lambda d: d.sort_key)
    return result


def load_document(path: Path, root: Path, registry: Registry | None, reuse: Reuse | None = None) -> Loaded:
    """Load one claims file and its article: as `reuse` offers it when unchanged, else afresh (telling `reuse`)."""
    text, problems = read_text(path, "claims file")
    if text is None:
        return None, problems
    if reuse is not None:
        document = reuse.lookup(path, text, lambda written: find_article(path, root, written))
        if document is not None:
            return document, []
    fresh = load_fresh(path, root, text, registry)
    if reuse is not None:
        reuse.loaded(fresh)
    return fresh.document, fresh.problems


def load_fresh(path: Path, root: Path, text: str, registry: Registry | None) -> Fresh:
    """Validate and locate a claims file from its text."""
    claims_file, problems = validate_text(text, path, ClaimsFile, "claims file")
    if claims_file is None:
        valid = valid_claims(text, path)
        if valid is not None:  # every problem of the file in one pass: the valid claims are checked too
            _document, _text, more = _build(valid[0], path, text, root, registry, valid[1])
            problems = problems + more
        return Fresh(path, None, problems, text, None)
    document, article_text, problems = _build(cast(ClaimsFile, claims_file), path, text, root, registry)
    return Fresh(path, document, problems, text, article_text)


def find_article(claims_path: Path, root: Path, written: str) -> Article | None:
    """The article a claims file names as `written`, if it resolves inside the corpus and can be read."""
    article_path = _resolve_article(claims_path, root, written, _Reporter(claims_path, ""))
    if article_path is None:
        return None
    text, _problems = read_text(article_path, "article")
    if text is None:
        return None
    return Article(display_path(article_path, resolved=True), article_path, text)


def resolved_path(path: Path) -> Path:
    """`path` with its folder resolved (remembered for the current load): a claims file's identity across runs."""
    return _resolved_dir(path.parent) / path.name
