"""A loaded corpus: articles, their claims located in the text, and the registry.

These are plain data objects handed from loading to the engine; the engine
never reads files.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from crosscheck.model.claims import Claim, DocumentMeta
from crosscheck.model.registry import Registry


@dataclass(frozen=True, slots=True)
class LocatedClaim:
    """A claim with the place in its article where its quote stands."""

    claim: Claim
    document: str
    """Id of the document: the article path relative to the working directory, posix style."""
    start: int
    """Character offset of the quote in the article text."""
    end: int
    """Character offset just past the quote."""
    line: int
    """1-based line of the quote in the article."""
    column: int
    """1-based column of the quote in the article."""
    drafted: bool = False
    """True for claims drafted from the text rather than annotated."""

    @property
    def key(self) -> tuple[str, str]:
        """The comparison key without scope: (subject, property)."""
        return (self.claim.subject, self.claim.property)


Span = tuple[int, int, int, int]
"""Where a quote stands in its article: start and end offsets, 1-based line and column."""


@dataclass(frozen=True, slots=True, init=False)
class Document:
    """One article and its claims; built by `Document.of` (the one factory).

    A document loaded from files does not keep its article text: once the quotes are located
    nothing downstream reads it, and for a large corpus it would be a sixth of the memory.
    `text` reads it again on demand.
    """

    id: str
    """The article path relative to the working directory, posix style (also the report's `document`)."""
    article_path: Path
    claims_path: Path | None
    """The claims file; None when the claims were drafted from the text."""
    meta: DocumentMeta
    claims: tuple[LocatedClaim, ...]
    drafted: bool
    """True for a document drafted from its text (it has no claims file)."""
    _text: str | None

    @classmethod
    def of(
        cls,
        id: str,
        meta: DocumentMeta,
        claims: Iterable[LocatedClaim],
        *,
        article_path: Path,
        claims_path: Path | None = None,
        text: str | None = None,
        drafted: bool = False,
    ) -> Document:
        """A document of `claims`, already located in its article.

        `text=None` means "not kept": `text` reads the article from `article_path` when asked.
        """
        document = object.__new__(cls)
        for name, value in (("id", id), ("article_path", article_path), ("claims_path", claims_path), ("meta", meta),
                            ("claims", tuple(claims)), ("drafted", drafted), ("_text", text)):
            object.__setattr__(document, name, value)
        return document

    @classmethod
    def placed(cls, id: str, meta: DocumentMeta, claims: Iterable[Claim], spans: Iterable[Span], *,
               article_path: Path, claims_path: Path | None = None, text: str | None = None) -> Document:
        """`of` for claims given with their spans (as loading finds them and the caches store them).

        A claim counts as drafted when it carries a draft record.
        """
        located = (
            LocatedClaim(claim, id, start, end, line, column, drafted=claim.draft is not None)
            for claim, (start, end, line, column) in zip(claims, spans, strict=True)
        )
        return cls.of(id, meta, located, article_path=article_path, claims_path=claims_path, text=text)

    @property
    def spans(self) -> list[Span]:
        """Where each claim's quote stands, in claim order (what `placed` takes back)."""
        return [(c.start, c.end, c.line, c.column) for c in self.claims]

    @property
    def text(self) -> str:
        """The article text: kept, or read again from `article_path` (UTF-8, without a byte order mark)."""
        if self._text is not None:
            return self._text
        return Path(self.article_path).read_bytes().decode("utf-8").removeprefix("\ufeff")


@dataclass(slots=True)
class Corpus:
    """Every document of a run, plus the registry that gives their ids meaning."""

    documents: list[Document] = field(default_factory=list)
    registry: Registry | None = None
    registry_path: Path | None = None

    @property
    def claims(self) -> list[LocatedClaim]:
        """All claims of all documents, in document order."""
        return [c for d in self.documents for c in d.claims]
