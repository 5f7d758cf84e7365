"""Loading's `reuse` hook, as the speed layer implements it: compaction, and the claims cache.

`Compacting` shares what equal claims hold in common as each document is
loaded (`compact`); `Cached` also takes unchanged documents from a
`ClaimsCache` and writes clean fresh ones to it.  A cached document is reused
only when the content hashes of its claims file, its article and the registry
all equal the ones it was built from.
"""

from __future__ import annotations

from pathlib import Path

from crosscheck.load.corpus import resolved_path
from crosscheck.load.reuse import ArticleFinder, Fresh
from crosscheck.model.corpus import Document
from crosscheck.speed.claims_cache import ClaimsCache, Entry, decode, encode, text_digest
from crosscheck.speed.compact import compact_document


class Compacting:
    """A reuse hook that keeps nothing: it compacts every fresh document."""

    def begin(self, registry_path: Path | None, registry_text: str | None) -> None:
        pass

    def lookup(self, claims_path: Path, claims_text: str, article: ArticleFinder) -> Document | None:
        return None

    def loaded(self, fresh: Fresh) -> None:
        if fresh.document is not None:
            compact_document(fresh.document)

    def entry(self, fresh: Fresh) -> Entry | None:
        """What `keep` would store for a fresh file; None when nothing is kept (computable in a forked worker)."""
        return None

    def keep(self, path: Path, entry: Entry) -> None:
        """Store an entry `entry` made."""

    def finish(self) -> None:
        pass


class Cached(Compacting):
    """A reuse hook backed by a claims cache: unchanged files from it, clean fresh files into it."""

    def __init__(self, cache: ClaimsCache) -> None:
        self.cache = cache
        self.registry_hash = b""

    def begin(self, registry_path: Path | None, registry_text: str | None) -> None:
        # the content of the registry this run loaded (every cached file depends on it); a fixed value when there is none
        if registry_path is None:
            self.registry_hash = b"no-registry"
        elif registry_text is None:
            self.registry_hash = b"unreadable-registry"
        else:
            self.registry_hash = text_digest(registry_text)

    def lookup(self, claims_path: Path, claims_text: str, article: ArticleFinder) -> Document | None:
        entry = self.cache.get(str(resolved_path(claims_path)))
        if entry is None or entry.claims_hash != text_digest(claims_text) or entry.registry_hash != self.registry_hash:
            return None
        found = article(entry.article)
        if found is None or text_digest(found.text) != entry.article_hash:
            return None
        return decode(entry.payload, found.id, found.path, claims_path)

    def loaded(self, fresh: Fresh) -> None:
        super().loaded(fresh)
        entry = self.entry(fresh)
        if entry is not None:
            self.keep(fresh.path, entry)

    def entry(self, fresh: Fresh) -> Entry | None:
        if not fresh.clean:
            return None
        document, article_text = fresh.document, fresh.article_text
        assert document is not None and article_text is not None  # a clean result has both
        return Entry(text_digest(fresh.claims_text), self.registry_hash, document.meta.article, text_digest(article_text), encode(document))

    def keep(self, path: Path, entry: Entry) -> None:
        self.cache.put(str(resolved_path(path)), entry)

    def finish(self) -> None:
        self.cache.commit()
