"""Claims stores: an archive of claims indexed by key, to check new articles against (`--against`).

`open_store(url)` opens one: a path, or `sqlite:///PATH`, is the SQLite backend (`store.sqlite`);
`postgresql://...` (or `postgres://...`) is the PostgreSQL backend (`store.postgres`, with the
`postgres` extra).  A backend is a module implementing `ClaimStore` and an entry in `BACKENDS`.
`with_archive(corpus, store)` adds to a corpus the stored claims that share a key with it, as
documents without text, so the ordinary engine compares them: checking a new article costs what
its keys match, not the archive's size, and the archive is never loaded into memory.  `audit()`
streams the whole archive one fact group at a time, for `crosscheck audit` (`crosscheck.audit`).
"""

from __future__ import annotations

import importlib
import os
import re
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol
from urllib.parse import parse_qsl, urlencode, urlsplit

from crosscheck.errors import StoreError

if TYPE_CHECKING:
    from crosscheck.model.corpus import Corpus, Document, LocatedClaim

Key = tuple[str, str]
"""(subject, property): the part of a claim's key a store indexes; scope is compared by the engine."""

FactGroup = tuple[Key, tuple["LocatedClaim", ...]]
"""One fact's claims: its (subject, property) key and every stored claim with that key, in corpus order."""

BACKENDS: dict[str, str] = {
    "sqlite": "crosscheck.store.sqlite",
    "postgresql": "crosscheck.store.postgres",
    "postgres": "crosscheck.store.postgres",
}
"""URL scheme -> the module whose `open_store(location, *, create, shown)` opens such a store.

`location` is the path for `sqlite:///PATH` (the one file scheme) and the whole URL for the others."""

_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*)://")


@dataclass(frozen=True, slots=True)
class ArchiveTotals:
    """What the archive holds, for the audit report's summary."""

    documents: int
    claims: int
    drafted: int


class ClaimStore(Protocol):
    """What `crosscheck index`, `check --against` and `audit` need of a store."""

    def index(self, documents: Iterable[Document]) -> int:
        """Write the documents' claims, replacing earlier versions of the same ids; returns the claim count."""
        ...

    def claims_for_keys(self, keys: Iterable[Key], exclude: Iterable[str] = ()) -> list[Document]:
        """The stored documents with a claim of one of `keys`, holding only those claims and no text.

        Sorted by id; the ids in `exclude` are left out (a new version of them is being checked)."""
        ...

    def audit(self) -> Iterator[FactGroup]:
        """Every stored claim grouped by key, in key order, from one read snapshot, one group at a time.

        `documents` called while the groups are read sees the same snapshot."""
        ...

    def documents(self, ids: Collection[str]) -> dict[str, Document]:
        """The stored documents with these ids, by id: metadata and paths, without claims or text."""
        ...

    def totals(self) -> ArchiveTotals:
        ...

    def close(self) -> None:
        """Release the store (a connection, a file lock)."""
        ...


def open_store(url: str | os.PathLike[str], *, create: bool = False) -> ClaimStore:
    """The store at `url`: a path or `sqlite:///PATH` (`sqlite:////abs/path` for an absolute one),
    or `postgresql://[user@][host][:port]/database[?param=value...]` (libpq's URL, given to psycopg whole).

    `create`: make an empty store when there is none (`crosscheck index`); otherwise a missing
    store, a foreign file or an unknown scheme is a `StoreError` naming `url` (without its password).
    """
    given = os.fspath(url)
    shown = display_url(given)
    match = _SCHEME.match(given)
    if match is None:
        scheme, location = "sqlite", given
    else:
        scheme, rest = match[1].lower(), given[match.end():]
        if scheme not in BACKENDS:
            expected = ", ".join(["sqlite:///PATH", *(f"{s}://..." for s in BACKENDS if s != "sqlite")])
            raise StoreError(shown, f"unknown store scheme {match[1]!r} (expected a path or one of {expected})")
        if scheme != "sqlite":
            location = given
        elif not rest.startswith("/") or rest == "/":
            raise StoreError(shown, f"expected {scheme}:///PATH (three slashes, then the path), found {shown!r}")
        else:
            location = rest[1:]
    try:
        backend = importlib.import_module(BACKENDS[scheme])
    except ModuleNotFoundError as missing:  # a backend's driver comes with an extra named as its module
        if missing.name is None or missing.name.startswith("crosscheck"):
            raise
        extra = BACKENDS[scheme].rpartition(".")[2]
        raise StoreError(shown, f"{scheme}:// stores need the {missing.name!r} package: pip install 'crosscheck[{extra}]'") from None
    store: ClaimStore = backend.open_store(location, create=create, shown=shown)
    return store


def display_url(url: str) -> str:
    """`url` as messages may show it: a password (in the user part or the query) left out; a path unchanged."""
    parts = urlsplit(url)
    query = parse_qsl(parts.query, keep_blank_values=True)
    if not parts.scheme or (parts.password is None and all(name != "password" for name, _value in query)):
        return url
    netloc = parts.netloc.rpartition("@")[2]
    if parts.username is not None:
        netloc = f"{parts.username}@{netloc}"
    kept = urlencode([(name, value) for name, value in query if name != "password"], safe="/")
    return f"{parts.scheme}://{netloc}{parts.path}" + (f"?{kept}" if kept else "")


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
