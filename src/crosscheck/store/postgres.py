"""The archive on PostgreSQL: one claims store shared by many CI runners and editors.

The `ClaimStore` of the SQLite store, on a server: `index` documents (idempotent by content
hash: an unchanged article is skipped, an edited one replaced, never duplicated),
`claims_for_keys` (one statement for all the keys, each looked up in the key index, so a check
costs what its keys match, not the archive's size), and `audit` (the whole archive streamed in key order, one fact
group at a time, through a server-side cursor).  `open_store("postgresql://...")` opens one; the
URL goes to psycopg whole (libpq's parameters: host, port, sslmode, passfile...), and messages
show it without its password.

Concurrent writers: each batch of documents is one transaction that upserts the documents
(`INSERT ... ON CONFLICT DO UPDATE ... WHERE the hash differs`) in id order, so two runs on
overlapping articles lock the same rows in the same order; the second waits for the first and
then finds the article already stored.  A run killed mid-index rolls back its open batch: each
article is left at its previous version or its new one, whole.  psycopg 3 is imported here only,
so SQLite users need not install it (`pip install 'crosscheck[postgres]'`).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Collection, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import psycopg
from psycopg import sql

from crosscheck.errors import StoreError
from crosscheck.model.corpus import Document, LocatedClaim
from crosscheck.store import ArchiveTotals, FactGroup, Key, display_url
from crosscheck.store.rows import SELECT_CLAIM, DocumentRow, archived_documents, fact_groups, located, stored_document

FORMAT_VERSION = 1
"""The layout of the tables below; a store of another version is refused, not guessed at."""

DEFAULT_SCHEMA = "crosscheck"
"""The PostgreSQL schema holding the store's tables, so they never meet a database's other tables."""

_SCHEMA_LOCK = 0x63637331  # "ccs1": advisory lock key taken while creating the tables
_TABLES = """
CREATE SCHEMA IF NOT EXISTS {schema};
CREATE TABLE IF NOT EXISTS {schema}.store_format (version integer NOT NULL);
CREATE TABLE IF NOT EXISTS {schema}.documents (
    id text COLLATE "C" PRIMARY KEY, article_path text NOT NULL, claims_path text, meta text NOT NULL,
    content_hash text NOT NULL
);
CREATE TABLE IF NOT EXISTS {schema}.claims (
    document text COLLATE "C" NOT NULL,
    ordinal integer NOT NULL,
    subject text COLLATE "C" NOT NULL, property text COLLATE "C" NOT NULL,
    claim text NOT NULL, start integer NOT NULL, "end" integer NOT NULL,
    line integer NOT NULL, "column" integer NOT NULL, drafted boolean NOT NULL,
    PRIMARY KEY (document, ordinal)
);
CREATE INDEX IF NOT EXISTS claims_by_key ON {schema}.claims (subject, property, document, ordinal);
"""
# COLLATE "C": keys sort by code point, as Python sorts strings, whatever the database's locale;
# the key index then serves both the lookups and the audit's order.  No foreign key from claims to
# documents: `index` deletes a replaced document's claims itself, in the same transaction, and a
# per-row check would slow every write.

_UPSERT = """
INSERT INTO {schema}.documents (id, article_path, claims_path, meta, content_hash)
SELECT * FROM unnest(%s::text[], %s::text[], %s::text[], %s::text[], %s::text[])
ON CONFLICT (id) DO UPDATE SET article_path = excluded.article_path, claims_path = excluded.claims_path,
    meta = excluded.meta, content_hash = excluded.content_hash
    WHERE documents.content_hash <> excluded.content_hash
RETURNING id
"""
_CLAIM_COLUMNS = '(document, ordinal, subject, property, claim, start, "end", line, "column", drafted)'

INDEX_BATCH_DOCUMENTS = 500
"""Documents per transaction: large enough to amortise a round trip, small enough that a
concurrent run waits briefly on the rows a batch holds."""

AUDIT_FETCH_ROWS = 5_000
"""Rows fetched per round trip from the audit's server-side cursor."""

_CLAIMS_FOR_KEYS = f"""
SELECT {", ".join(f"c.{column}" for column in SELECT_CLAIM.split(", "))}, d.article_path, d.claims_path, d.meta
FROM unnest(%s::text[], %s::text[]) AS k(subject, property)
JOIN {{schema}}.claims c ON c.subject = k.subject COLLATE "C" AND c.property = k.property COLLATE "C"
JOIN {{schema}}.documents d ON d.id = c.document
WHERE c.document <> ALL(%s::text[])
"""
# `claims_for_keys`'s one statement: a nested loop over the keys, each an index scan of
# claims_by_key (COLLATE "C": the index's collation), each claim joined to its document by the
# primary key.  The rows come in no particular order; `archived_documents` sorts them.

_RETRIES = 3
"""Attempts per batch when PostgreSQL breaks a deadlock with another writer (the batch is rolled back whole)."""


def open_store(location: str, *, create: bool = False, shown: str | None = None) -> PostgresStore:
    """The store at the URL `location` (`BACKENDS`' entry point); `shown` names it in errors (default: without password)."""
    return PostgresStore(location, create=create, shown=shown)


@contextmanager
def _reported(shown: str) -> Iterator[None]:
    """A database error (lost connection, missing rights, a full disk) as a StoreError naming the store."""
    try:
        yield
    except psycopg.Error as exc:
        raise StoreError(shown, f"{type(exc).__name__}: {_message(exc)}") from None


def _message(exc: psycopg.Error) -> str:
    """psycopg's message on one line (libpq's run over several)."""
    return " ".join(str(exc).split())


@dataclass(frozen=True, slots=True)
class _Row:
    """A document as written: its row, its claims' rows and the hash of both."""

    document: tuple[str, str, str | None, str]
    claims: list[tuple[object, ...]]
    content_hash: str


def _rows(document: Document) -> _Row:
    claims_path = str(document.claims_path) if document.claims_path else None
    head = (document.id, str(document.article_path), claims_path,
            document.meta.model_dump_json(by_alias=True, exclude_none=True))
    digest = hashlib.sha256(json.dumps(head, ensure_ascii=False).encode("utf-8"))
    claims: list[tuple[object, ...]] = []
    for ordinal, c in enumerate(document.claims):
        row = (document.id, ordinal, c.claim.subject, c.claim.property, c.claim.model_dump_json(exclude_none=True),
               c.start, c.end, c.line, c.column, c.drafted)
        digest.update(repr(row[4:]).encode("utf-8"))  # the claim as written and where it stands: all a row holds
        claims.append(row)
    return _Row(head, claims, digest.hexdigest())


class PostgresStore:
    """A `ClaimStore` in a PostgreSQL database (`postgresql://user@host/db`), its tables in the schema `crosscheck`."""

    def __init__(self, url: str, *, create: bool = False, shown: str | None = None) -> None:
        """Connect; with `create`, make the tables if they are missing.  No store there is a StoreError."""
        self.shown = display_url(url) if shown is None else shown
        self._schema, self._schema_name = sql.Identifier(DEFAULT_SCHEMA), DEFAULT_SCHEMA
        try:
            self._conn = psycopg.connect(url, autocommit=True)
        except psycopg.Error as exc:
            raise StoreError(self.shown, f"cannot connect to PostgreSQL ({_message(exc)})") from None
        try:
            with _reported(self.shown):
                if create:
                    self._create()
                self._check_format()
        except BaseException:
            self._conn.close()
            raise

    def _sql(self, text: str) -> sql.Composed:
        return sql.SQL(text).format(schema=self._schema)

    def _create(self) -> None:
        with self._conn.transaction():
            self._conn.execute("SELECT pg_advisory_xact_lock(%s)", (_SCHEMA_LOCK,))  # two first runs at once
            marker, tables = self._conn.execute(
                "SELECT to_regclass(%(s)s || '.store_format'), (SELECT count(*) FROM pg_tables WHERE schemaname = %(name)s)",
                {"s": self._schema.as_string(self._conn), "name": self._schema_name},
            ).fetchone() or (None, 0)
            if marker is None and tables:
                raise StoreError(self.shown, f"schema {self._schema_name!r} holds other tables, not a claims store")
            self._conn.execute(self._sql(_TABLES))
            if self._conn.execute(self._sql("SELECT 1 FROM {schema}.store_format")).fetchone() is None:
                self._conn.execute(self._sql("INSERT INTO {schema}.store_format VALUES (%s)"), (FORMAT_VERSION,))

    def _check_format(self) -> None:
        """One round trip: the format table's versions, or the error of there being no such table."""
        try:
            versions = [row[0] for row in self._conn.execute(self._sql("SELECT version FROM {schema}.store_format"))]
        except psycopg.errors.UndefinedTable:
            expected = "expected one written by `crosscheck index`"
            raise StoreError(self.shown, f"no claims store in schema {self._schema_name!r} ({expected})") from None
        if versions != [FORMAT_VERSION]:
            raise StoreError(self.shown, f"not a claims store of format {FORMAT_VERSION} (found {versions})")

    def close(self) -> None:
        self._conn.close()

    def index(self, documents: Iterable[Document], *, batch_documents: int = INDEX_BATCH_DOCUMENTS) -> int:
        """Write the documents' claims, replacing edited ones and skipping unchanged ones; returns their claim count.

        One transaction per `batch_documents` documents, taken in id order (the lock order of every writer)."""
        documents = sorted({d.id: d for d in documents}.values(), key=lambda d: d.id)  # the last of an id wins, as on SQLite
        with _reported(self.shown):
            for i in range(0, len(documents), batch_documents):
                self._write_batch([_rows(d) for d in documents[i : i + batch_documents]])
        return sum(len(d.claims) for d in documents)

    def _write_batch(self, rows: list[_Row]) -> None:
        for attempt in range(_RETRIES):
            try:
                with self._conn.transaction():
                    columns = [list(column) for column in zip(*(r.document for r in rows))]
                    changed = {found[0] for found in self._conn.execute(self._sql(_UPSERT), [*columns, [r.content_hash for r in rows]])}
                    if not changed:
                        return
                    self._conn.execute(self._sql("DELETE FROM {schema}.claims WHERE document = ANY(%s)"), (sorted(changed),))
                    copy_claims = self._sql(f"COPY {{schema}}.claims {_CLAIM_COLUMNS} FROM STDIN")
                    with self._conn.cursor() as cursor, cursor.copy(copy_claims) as copy:
                        for row in rows:
                            if row.document[0] in changed:
                                for claim in row.claims:
                                    copy.write_row(claim)
                return
            except psycopg.errors.DeadlockDetected:
                if attempt == _RETRIES - 1:
                    raise

    def claims_for_keys(self, keys: Iterable[Key], exclude: Iterable[str] = ()) -> list[Document]:
        """The stored documents with claims of `keys`, holding only those claims, sorted by id; one round trip.

        One statement takes every key at once (`_CLAIMS_FOR_KEYS`): the server looks each key up
        in the key index and joins its documents, so a new article's forty keys cost one round
        trip and no query per document, whatever the archive's size.
        """
        wanted = sorted(set(keys))
        if not wanted:
            return []
        with _reported(self.shown):
            rows = self._conn.execute(self._sql(_CLAIMS_FOR_KEYS),
                                      ([k[0] for k in wanted], [k[1] for k in wanted], sorted(set(exclude)))).fetchall()
        found: dict[str, list[LocatedClaim]] = {}
        stored: dict[str, DocumentRow] = {}
        for row in rows:
            doc_id = row[2]
            if doc_id not in stored:
                stored[doc_id] = row[-3:]
            found.setdefault(doc_id, []).append(located(row[:-3]))
        return archived_documents(found, stored)

    def documents(self, ids: Collection[str]) -> dict[str, Document]:
        """The stored documents with these ids (metadata and paths, without claims or text)."""
        with _reported(self.shown):
            rows = self._conn.execute(
                self._sql("SELECT id, article_path, claims_path, meta FROM {schema}.documents WHERE id = ANY(%s)"), (list(ids),),
            ).fetchall()
        return {row[0]: stored_document(*row) for row in rows}

    def audit(self) -> Iterator[FactGroup]:
        """Every stored claim grouped by key, in key order, from one snapshot; rows arrive in fetches, never all at once."""
        with _reported(self.shown), self._conn.transaction():
            self._conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")  # `documents` sees the same state
            with self._conn.cursor(name="crosscheck_audit") as cursor:
                cursor.itersize = AUDIT_FETCH_ROWS
                cursor.execute(self._sql(f"SELECT {SELECT_CLAIM} FROM {{schema}}.claims ORDER BY subject, property, document, ordinal"))
                yield from fact_groups(cursor)

    def totals(self) -> ArchiveTotals:
        with _reported(self.shown):
            documents = self._conn.execute(self._sql("SELECT count(*) FROM {schema}.documents")).fetchone()
            claims = self._conn.execute(self._sql("SELECT count(*), count(*) FILTER (WHERE drafted) FROM {schema}.claims")).fetchone()
        assert documents is not None and claims is not None  # aggregates always return a row
        return ArchiveTotals(documents[0], claims[0], claims[1])

