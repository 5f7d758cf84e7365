"""What both backends read back from their tables: claim rows grouped into fact groups, stored documents.

The backends select a claim as the same row (`ClaimRow`), so the grouping of an audit and the
documents of `claims_for_keys` are built here once, identically for SQLite and PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

from crosscheck.model.claims import Claim, DocumentMeta
from crosscheck.model.corpus import Document, LocatedClaim
from crosscheck.store import FactGroup, Key

ClaimRow = tuple[str, str, str, str, int, int, int, int, object]
"""(subject, property, document, claim JSON, start, end, line, column, drafted) as both stores select it."""

SELECT_CLAIM = 'subject, property, document, claim, start, "end", line, "column", drafted'
"""The columns of a `ClaimRow`, as both stores' tables name them."""


def located(row: ClaimRow) -> LocatedClaim:
    subject, prop, document, claim, start, end, line, column, drafted = row
    return LocatedClaim(Claim.model_validate_json(claim), document, start, end, line, column, bool(drafted))


def fact_groups(rows: Iterable[ClaimRow]) -> Iterator[FactGroup]:
    """Rows sorted by key, grouped: one (key, claims) per key, holding one group at a time."""
    key: Key | None = None
    claims: list[LocatedClaim] = []
    for row in rows:
        if key != (row[0], row[1]):
            if key is not None:
                yield key, tuple(claims)
            key, claims = (row[0], row[1]), []
        claims.append(located(row))
    if key is not None:
        yield key, tuple(claims)


def stored_document(doc_id: str, article_path: str, claims_path: str | None, meta: str,
                    claims: Iterable[LocatedClaim] = ()) -> Document:
    """A document as the archive keeps it: metadata, paths and the given claims, no article text."""
    return Document.of(
        doc_id, DocumentMeta.model_validate_json(meta), claims,
        article_path=Path(article_path), claims_path=Path(claims_path) if claims_path else None,
        text="",  # the archive keeps claims and their positions, not article texts
    )


def with_claims(bare: Document, claims: Iterable[LocatedClaim]) -> Document:
    """A stored document (as `documents(ids)` gives it, without claims) holding `claims`."""
    return Document.of(bare.id, bare.meta, claims, article_path=bare.article_path, claims_path=bare.claims_path, text="")


DocumentRow = tuple[str, "str | None", str]
"""(article path, claims path, meta JSON): a stored document's row without its id, as both stores select it."""


def archived_documents(found: dict[str, list[LocatedClaim]], rows: Mapping[str, DocumentRow]) -> list[Document]:
    """`claims_for_keys`'s answer: each document of `found`, from its row, with its claims in corpus order, sorted by id.

    Each document is built once, with its claims (not built bare, then again with them)."""
    return [stored_document(doc_id, *rows[doc_id], sorted(found[doc_id], key=lambda c: (c.start, c.claim.id))) for doc_id in sorted(found)]
