"""Drafted documents for a run: articles without a claims file, drafted and keyed against the corpus.

`crosscheck check` calls `draft_documents` for the articles `loading.discover`
found without a claims file.  Each is drafted from its text; then drafted claims
are matched across all documents (`matching.align_keys`) so a drafted claim that
states the same fact as an annotated one takes the annotated key, and two
drafted claims that agree on a fact share one key.  Every drafted claim stays
marked (`LocatedClaim.drafted`) with its confidence.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from crosscheck.extract.ambiguous_keys import mark_ambiguous_keys
from crosscheck.extract.draft import NoClaims, claims_file
from crosscheck.extract.draft_cache import DraftCache
from crosscheck.extract.matching import align_keys
from crosscheck.model.claims import Claim, ClaimsFile
from crosscheck.model.corpus import Document, LocatedClaim
from crosscheck.model.registry import Registry
from crosscheck.text.search import SearchableText


def _locate(claim: Claim, document: str, searchable: SearchableText) -> LocatedClaim | None:
    span = claim.draft.span if claim.draft and claim.draft.span else None
    if span is not None:
        line, column = searchable.position(span[0])
        return LocatedClaim(claim, document, span[0], span[1], line, column, drafted=True)
    found = searchable.find(claim.quote)
    if found is None:
        return None
    return LocatedClaim(claim, document, found.start, found.end, found.line, found.column, drafted=True)


def draft_documents(articles: Sequence[tuple[str, Path, str]], existing: Sequence[Document] = (),
                    registry: Registry | None = None, drafts: DraftCache | None = None) -> list[Document]:
    """Documents for `(document id, article path, text)` triples, keyed against `existing` documents.

    Articles with nothing to draft are left out.  `existing` documents are not changed.  With `drafts`,
    an article drafted before under the same configuration is read back instead of parsed again.
    """
    drafted: dict[str, tuple[Path, str, ClaimsFile]] = {}
    for doc_id, path, text in articles:
        stored = drafts.get(text, path.name) if drafts is not None else None
        if stored is None:
            try:
                stored = claims_file(text, path.name, registry=registry)
            except NoClaims:
                continue
            if drafts is not None:
                drafts.put(text, path.name, stored)
        drafted[doc_id] = (path, text, stored)
    pool: dict[str, list[Claim]] = {d.id: [c.claim for c in d.claims] for d in existing}
    pool.update({doc_id: list(cf.claims) for doc_id, (_, _, cf) in drafted.items()})
    aligned = align_keys(pool, registry)
    out: list[Document] = []
    for doc_id, (path, text, cf) in sorted(drafted.items()):
        searchable = SearchableText(text)
        claims = mark_ambiguous_keys(aligned[doc_id])
        located = tuple(lc for c in claims if (lc := _locate(c, doc_id, searchable)) is not None)
        out.append(Document.of(doc_id, cf.document, located, article_path=path, text=text, drafted=True))
    return out
