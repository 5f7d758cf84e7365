"""The archive: a SQLite claims store indexed by key, for checking new articles against it.

`index(corpus, store)` writes (or replaces) the claims of every document of a corpus;
`claims_for_keys(store, keys)` yields the stored claims sharing the given keys, one indexed
query per key, so checking a new article costs what its keys match, not the archive's size,
and the archive is never loaded into memory.  `with_archive(corpus, store)` adds those
claims to a corpus (as documents without text) so the ordinary engine compares them.
"""

from __future__ import annotations

import os
import sqlite3
from collections import defaultdict
from pathlib import Path
from typing import Iterable, Iterator

from crosscheck.model.corpus import Corpus, Document, LocatedClaim
from crosscheck.model.claims import Claim, DocumentMeta

_APPLICATION_ID = 0x63637331  # "ccs1"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    id TEXT PRIMARY KEY, article_path TEXT NOT NULL, claims_path TEXT, meta TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS claims (
    document TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    subject TEXT NOT NULL, property TEXT NOT NULL,
    claim TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    line INTEGER NOT NULL, "column" INTEGER NOT NULL, drafted INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS claims_by_key ON claims (subject, property);
CREATE INDEX IF NOT EXISTS claims_by_document ON claims (document);
"""

Key = tuple[str, str]
"""(subject, property): the part of a claim's key the store indexes; scope is compared by the engine."""


class StoreError(Exception):
    """The file is not a crosscheck claims store."""


def connect(path: str | os.PathLike[str], *, create: bool = False) -> sqlite3.Connection:
    """Open a claims store (creating it when asked); a foreign file is a StoreError, never trusted."""
    target = Path(path)
    if not create and not target.is_file():
        raise StoreError(f"{target}: no claims store (expected a file written by `crosscheck index`)")
    db = sqlite3.connect(target, timeout=10, isolation_level=None)
    try:
        app_id = db.execute("PRAGMA application_id").fetchone()[0]
        tables = db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        db.close()
        raise StoreError(f"{target}: not a claims store ({exc})") from None
    if app_id == 0 and tables == 0 and create:
        db.execute("PRAGMA journal_mode = WAL")
        db.execute(f"PRAGMA application_id = {_APPLICATION_ID}")
        db.executescript(_SCHEMA)
    elif app_id != _APPLICATION_ID:
        db.close()
        raise StoreError(f"{target}: not a claims store (expected a file written by `crosscheck index`)")
    db.execute("PRAGMA foreign_keys = ON")
    return db


def index(corpus: Corpus, store: str | os.PathLike[str]) -> int:
    """Write every document of `corpus` into the store, replacing earlier versions; returns the claim count."""
    db = connect(store, create=True)
    count = 0
    try:
        db.execute("BEGIN IMMEDIATE")
        try:
            for document in corpus.documents:
                db.execute("DELETE FROM documents WHERE id = ?", (document.id,))
                db.execute(
                    "INSERT INTO documents VALUES (?, ?, ?, ?)",
                    (document.id, str(document.article_path), str(document.claims_path) if document.claims_path else None,
                     document.meta.model_dump_json(by_alias=True, exclude_none=True)),
                )
                db.executemany(
                    "INSERT INTO claims VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [
                        (document.id, c.claim.subject, c.claim.property, c.claim.model_dump_json(exclude_none=True),
                         c.start, c.end, c.line, c.column, int(c.drafted))
                        for c in document.claims
                    ],
                )
                count += len(document.claims)
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
    finally:
        db.close()
    return count


def claims_for_keys(db: sqlite3.Connection, keys: Iterable[Key], exclude: Iterable[str] = ()) -> Iterator[tuple[str, LocatedClaim]]:
    """Stored claims with one of `keys`, as (document id, claim); one indexed query per key."""
    skip = set(exclude)
    for subject, prop in sorted(set(keys)):
        rows = db.execute(
            'SELECT document, claim, start, "end", line, "column", drafted FROM claims WHERE subject = ? AND property = ?',
            (subject, prop),
        )
        for document, claim, start, end, line, column, drafted in rows:
            if document not in skip:
                yield document, LocatedClaim(Claim.model_validate_json(claim), document, start, end, line, column, bool(drafted))


def with_archive(corpus: Corpus, store: str | os.PathLike[str]) -> tuple[Corpus, frozenset[str]]:
    """`corpus` plus the stored claims that share a key with it; also the ids of the new documents.

    A stored document with the same id as a new one is left out (the new version wins).
    """
    new_ids = frozenset(d.id for d in corpus.documents)
    keys = {c.key for c in corpus.claims}
    db = connect(store)
    try:
        found: dict[str, list[LocatedClaim]] = defaultdict(list)
        for document, claim in claims_for_keys(db, keys, exclude=new_ids):
            found[document].append(claim)
        archived = []
        for doc_id in sorted(found):
            row = db.execute("SELECT article_path, claims_path, meta FROM documents WHERE id = ?", (doc_id,)).fetchone()
            claims = tuple(sorted(found[doc_id], key=lambda c: (c.start, c.claim.id)))
            archived.append(Document.of(
                doc_id, DocumentMeta.model_validate_json(row[2]), claims, article_path=Path(row[0]),
                claims_path=Path(row[1]) if row[1] else None,
                text="",  # the archive keeps claims and their positions, not article texts
            ))
    finally:
        db.close()
    combined = Corpus(documents=sorted([*corpus.documents, *archived], key=lambda d: d.id), registry=corpus.registry,
                      registry_path=corpus.registry_path)
    return combined, new_ids
