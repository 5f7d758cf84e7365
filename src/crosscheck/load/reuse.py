"""The `reuse` hook of loading: documents loaded before, offered again, and fresh ones told of.

Loading knows nothing of where earlier documents are kept: a claims cache
(`crosscheck.speed.claims_reuse`) implements this protocol, and so does
anything else that keeps documents (a test's recorder, a server's memory).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple, Protocol

from crosscheck.errors import Diagnostic
from crosscheck.model.corpus import Document


class Article(NamedTuple):
    """An article found for a claims file: its document id, resolved path and text."""

    id: str
    path: Path
    text: str


ArticleFinder = Callable[[str], "Article | None"]
"""The article a claims file names (its `document.article` as written), if it is inside the corpus and readable."""


@dataclass(slots=True)
class Fresh:
    """One claims file loaded afresh: its document (None when it did not load), its problems and the texts it came from."""

    path: Path
    document: Document | None
    problems: list[Diagnostic]
    claims_text: str
    article_text: str | None
    """None when the article could not be read."""

    @property
    def clean(self) -> bool:
        """Loaded without a single diagnostic: a result that may be reused as it is."""
        return self.document is not None and not self.problems and self.article_text is not None


class Reuse(Protocol):
    """What loading asks of a keeper of loaded documents, in this order for one load."""

    def begin(self, registry_path: Path | None, registry_text: str | None) -> None:
        """A load starts with this registry (None: none found; text None: unreadable); every document depends on it."""

    def lookup(self, claims_path: Path, claims_text: str, article: ArticleFinder) -> Document | None:
        """The document kept for a claims file with this text, if it and its article are unchanged; else None."""

    def loaded(self, fresh: Fresh) -> None:
        """A claims file was loaded afresh (clean or not), before its document joins the corpus."""

    def finish(self) -> None:
        """The load is done: keep what was offered."""
