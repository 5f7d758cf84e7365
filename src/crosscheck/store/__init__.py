"""Claims stores: an archive of claims indexed by key, to check new articles against (`--against`).

`open_store(url)` opens one: a path, or `sqlite:///PATH`, is the SQLite backend (`store.sqlite`);
another backend (postgres, later) is a module implementing `ClaimStore` and an entry in
`BACKENDS`.  `with_archive(corpus, store)` adds to a corpus the stored claims that share a key
with it, as documents without text, so the ordinary engine compares them: checking a new
article costs what its keys match, not the archive's size, and the archive is never loaded
into memory.
"""

from __future__ import annotations

import importlib
import os
import re
from typing import TYPE_CHECKING, Iterable, Protocol

from crosscheck.errors import StoreError

if TYPE_CHECKING:
    from crosscheck.model.corpus import Corpus, Document

Key = tuple[str, str]
"""(subject, property): the part of a claim's key a store indexes; scope is compared by the engine."""

BACKENDS: dict[str, str] = {"sqlite": "crosscheck.store.sqlite"}
"""URL scheme -> the module whose `open_store(location, *, create, shown)` opens such a store."""

_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*)://")


class ClaimStore(Protocol):
    """What `crosscheck index` and `check --against` need of a store."""

    def index(self, documents: Iterable[Document]) -> int:
        """Write the documents' claims, replacing earlier versions of the same ids; returns the claim count."""
        ...

    def claims_for_keys(self, keys: Iterable[Key], exclude: Iterable[str] = ()) -> list[Document]:
        """The stored documents with a claim of one of `keys`, holding only those claims and no text.

        Sorted by id; the ids in `exclude` are left out (a new version of them is being checked)."""
        ...

    def close(self) -> None:
        """Release the store (a connection, a file lock)."""
        ...


def open_store(url: str | os.PathLike[str], *, create: bool = False) -> ClaimStore:
    """The store at `url`: a path or `sqlite:///PATH` (`sqlite:////abs/path` for an absolute one).

    `create`: make an empty store when there is none (`crosscheck index`); otherwise a missing
    store, a foreign file or an unknown scheme is a `StoreError` naming `url`.
    """
    shown = os.fspath(url)
    match = _SCHEME.match(shown)
    if match is None:
        scheme, location = "sqlite", shown
    else:
        scheme, rest = match[1].lower(), shown[match.end():]
        if scheme not in BACKENDS:
            raise StoreError(shown, f"unknown store scheme {match[1]!r} (expected a path or one of {', '.join(f'{s}:///PATH' for s in BACKENDS)})")
        if not rest.startswith("/") or rest == "/":
            raise StoreError(shown, f"expected {scheme}:///PATH (three slashes, then the path), found {shown!r}")
        location = rest[1:]
    backend = importlib.import_module(BACKENDS[scheme])
    store: ClaimStore = backend.open_store(location, create=create, shown=shown)
    return store


def with_archive(corpus: Corpus, store: ClaimStore) -> tuple[Corpus, frozenset[str]]:
    """`corpus` plus the stored claims that share a key with it; also the ids of the new documents.

    A stored document with the same id as a new one is left out (the new version wins).
    """
    from crosscheck.model.corpus import Corpus

    new_ids = frozenset(d.id for d in corpus.documents)
    archived = store.claims_for_keys({c.key for c in corpus.claims}, exclude=new_ids)
    combined = Corpus(documents=sorted([*corpus.documents, *archived], key=lambda d: d.id), registry=corpus.registry,
                      registry_path=corpus.registry_path)
    return combined, new_ids
