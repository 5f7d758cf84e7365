"""The SQLite claims store: one file, claims indexed by (subject, property), one query per key.

A file is trusted only when it carries this store's `application_id`: a foreign SQLite file
(or any other file) is a `StoreError`, never read as claims.  `index` writes a run in one
transaction (`BEGIN IMMEDIATE`: a second writer waits for the first; a run killed mid-index
leaves the previous state), replacing each document it is given, unchanged or not.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator
from pathlib import Path

from pydantic import ValidationError

from crosscheck.errors import StoreError
from crosscheck.model.corpus import Document, LocatedClaim
from crosscheck.store import ArchiveTotals, FactGroup, Key
from crosscheck.store.rows import SELECT_CLAIM, DocumentRow, archived_documents, fact_groups, located, stored_document

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
_ID_CHUNK = 500
"""Ids per `IN (...)` query, well under SQLite's bound on parameters."""


_COLUMNS = {
    "documents": {"id", "article_path", "claims_path", "meta"},
    "claims": {"document", "subject", "property", "claim", "start", "end", "line", "column", "drafted"},
}
"""The tables and columns this store reads and writes: a file with our id but other tables is refused."""


def open_store(location: str, *, create: bool = False, shown: str | None = None) -> SqliteStore:
    """Open the store file at `location` (creating it when asked); `shown` is how errors name it."""
    shown = location if shown is None else shown
    target = Path(location)
    if not create and not target.is_file():
        raise StoreError(shown, f"{target}: no claims store (expected a file written by `crosscheck index`)")
    if target.exists() and not target.is_file():
        raise StoreError(shown, f"{target}: not a claims store "
                                "(expected a file written by `crosscheck index`, found a folder or a special file)")
    if create and not target.parent.is_dir():
        raise StoreError(shown, f"{target}: no folder {target.parent} to create the store in (expected an existing folder)")
    try:
        db = sqlite3.connect(target, timeout=10, isolation_level=None)
    except sqlite3.Error as exc:
        raise StoreError(shown, f"{target}: cannot open the store ({exc})") from None
    try:
        app_id, tables = db.execute(  # one statement, so both come from the same moment of the file
            "SELECT (SELECT application_id FROM pragma_application_id), (SELECT count(*) FROM sqlite_master)").fetchone()
        if app_id == 0 and tables == 0 and create:
            _create(db)
        elif app_id != _APPLICATION_ID:
            raise StoreError(shown, f"{target}: not a claims store (expected a file written by `crosscheck index`)")
        for table, columns in _COLUMNS.items():
            found = {row[1] for row in db.execute(f"PRAGMA table_info({table})")}
            if not columns <= found:
                raise StoreError(shown, f"{target}: a claims store without the table {table!r} as `crosscheck index` writes it "
                                        "(expected a store written by this version)")
        db.execute("PRAGMA foreign_keys = ON")
    except sqlite3.DatabaseError as exc:
        db.close()
        raise StoreError(shown, f"{target}: not a claims store ({exc})") from None
    except StoreError:
        db.close()
        raise
    return SqliteStore(db, shown)


def _create(db: sqlite3.Connection) -> None:
    """Write our id and the tables in one transaction: a run opening the file at the same moment sees an
    empty file or a whole store, never our id without the tables (which it would refuse)."""
    try:
        db.execute("PRAGMA journal_mode = WAL")
    except sqlite3.OperationalError:  # locked: another run is creating the store this moment, and sets WAL itself
        pass
    db.execute("BEGIN IMMEDIATE")
    try:
        if db.execute("PRAGMA application_id").fetchone()[0] == 0:  # else another run created it meanwhile
            db.execute(f"PRAGMA application_id = {_APPLICATION_ID}")
            for statement in _SCHEMA.split(";"):
                if statement.strip():
                    db.execute(statement)
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise


class SqliteStore:
    """A `ClaimStore` in one SQLite file."""

    def __init__(self, db: sqlite3.Connection, shown: str = "store") -> None:
        self._db = db
        self._shown = shown
        """How errors name the store."""

    def _broken(self, exc: Exception) -> StoreError:
        detail = " ".join(str(exc).split())[:200]
        return StoreError(self._shown, f"the claims store cannot be used: {detail} (expected a store written by `crosscheck index`)")

    def index(self, documents: Iterable[Document]) -> int:
        """Write every document in one transaction, replacing earlier versions; returns the claim count."""
        try:
            return self._index(documents)
        except sqlite3.DatabaseError as exc:
            raise self._broken(exc) from None

    def _index(self, documents: Iterable[Document]) -> int:
        db = self._db
        count = 0
        db.execute("BEGIN IMMEDIATE")
        try:
            for document in documents:
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
        return count

    def claims_for_keys(self, keys: Iterable[Key], exclude: Iterable[str] = ()) -> list[Document]:
        """The stored documents with claims of `keys`, holding only those claims; one indexed query per key.

        A row that does not read back (a damaged or hand-edited store) is a `StoreError`."""
        try:
            return self._claims_for_keys(keys, exclude)
        except (sqlite3.DatabaseError, ValidationError, TypeError, ValueError) as exc:
            raise self._broken(exc) from None

    def _claims_for_keys(self, keys: Iterable[Key], exclude: Iterable[str]) -> list[Document]:
        skip = set(exclude)
        found: dict[str, list[LocatedClaim]] = defaultdict(list)
        for key in sorted(set(keys)):
            for row in self._db.execute(f"SELECT {SELECT_CLAIM} FROM claims WHERE subject = ? AND property = ?", key):
                if row[2] not in skip:
                    found[row[2]].append(located(row))
        return archived_documents(found, self._document_rows(found))

    def audit(self) -> Iterator[FactGroup]:
        """Every stored claim, grouped by key in key order, in one read transaction; SQLite streams the rows from its key index."""
        self._db.execute("BEGIN")  # every read until the last group, `documents` too, sees one snapshot
        try:
            yield from fact_groups(self._db.execute(
                f"SELECT {SELECT_CLAIM} FROM claims ORDER BY subject, property, document, rowid"  # rowid: the order `index` wrote
            ))
        finally:
            self._db.execute("COMMIT")

    def documents(self, ids: Collection[str]) -> dict[str, Document]:
        return {doc_id: stored_document(doc_id, *row) for doc_id, row in self._document_rows(ids).items()}

    def _document_rows(self, ids: Collection[str]) -> dict[str, DocumentRow]:
        found: dict[str, DocumentRow] = {}
        wanted = sorted(set(ids))
        for i in range(0, len(wanted), _ID_CHUNK):
            chunk = wanted[i : i + _ID_CHUNK]
            marks = ",".join("?" * len(chunk))
            for row in self._db.execute(f"SELECT id, article_path, claims_path, meta FROM documents WHERE id IN ({marks})", chunk):
                found[row[0]] = row[1:]
        return found

    def totals(self) -> ArchiveTotals:
        documents = self._db.execute("SELECT count(*) FROM documents").fetchone()[0]
        claims, drafted = self._db.execute("SELECT count(*), coalesce(sum(drafted), 0) FROM claims").fetchone()
        return ArchiveTotals(documents, claims, drafted)

    def close(self) -> None:
        self._db.close()
