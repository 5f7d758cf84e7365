"""The claims cache: validated, located claims of unchanged files, kept in SQLite between runs.

A claims file's entry is reused only when the content hashes of the claims file, of its
article and of the registry all equal the ones it was built from; anything else is a miss and
the file is loaded from scratch.  Only files that loaded without a single diagnostic are cached,
so a warm run reports exactly what a cold one does.

The same database keeps the last report of each kind of run (`reportcache`), reused
whole when no byte it was computed from has changed.

Safety: WAL mode and one transaction per run's writes (a crash mid-write leaves the previous
state); a busy database is skipped, not waited on for long, because the cache is only a
speed-up.  Only a file crosscheck created (its SQLite header carries our application id) is ever
moved aside and rebuilt, when it is corrupted or of another format version; any other file or
folder at the cache's path is a `CrosscheckError` (exit 2) and stays untouched.  Each entry
carries a digest of its payload, and a payload that fails the digest or validation is a miss.
"""

from __future__ import annotations

import errno
import hashlib
import os
import sqlite3
import stat
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from crosscheck.errors import CrosscheckError, Diagnostic
from crosscheck.model.claims import SCHEMA_VERSION, Claim, DocumentMeta
from crosscheck.model.corpus import Document
from crosscheck.speed.compact import compact_document

CACHE_DIR = ".crosscheck"
CACHE_NAME = "cache.db"
FORMAT = 3
"""Bump when the stored payload changes shape."""
_APPLICATION_ID = 0x63636B31  # "cck1": marks the file as ours
_SQLITE_MAGIC = b"SQLite format 3\x00"
_APPLICATION_ID_AT = 68
"""Where SQLite keeps the application id in a database file's 100-byte header (big-endian)."""


def _package_version() -> str:
    try:
        return metadata.version("crosscheck-news")
    except metadata.PackageNotFoundError:  # pragma: no cover - running from a source tree
        return "unknown"


_STAMP = f"crosscheck-cache {FORMAT} models {SCHEMA_VERSION} crosscheck {_package_version()}"
_FOREIGN = "not a crosscheck cache"
BUSY_MS = 2000
"""How long a read or write waits for another run's lock before the cache is skipped."""
BATCH_ROWS = 256
"""Entries queued in memory before they are written into the run's open transaction."""


def _hasher() -> hashlib.blake2b:
    return hashlib.blake2b(digest_size=16)


def digest(*parts: bytes) -> bytes:
    """The content hash used for claims files, articles, registries and payloads (of the parts in order)."""
    h = _hasher()
    for part in parts:
        h.update(part)
    return h.digest()


def text_digest(text: str) -> bytes:
    return digest(text.encode("utf-8", "surrogatepass"))


def _ignored_by_git(folder: Path) -> None:
    """Give crosscheck's own cache folder a `.gitignore` of `*`, so that no one commits the cache by accident.

    Only the `.crosscheck` folder (a `--cache FILE` elsewhere is the user's folder), and only when
    it has none: a file someone wrote there is theirs.
    """
    ignore = folder / ".gitignore"
    if not ignore.exists():
        try:
            ignore.write_text("# created by crosscheck: the cache is rebuilt on demand, never committed\n*\n", encoding="utf-8")
        except OSError:
            pass  # a cache that works without it is still a cache


def default_path(paths: Iterable[str | Path]) -> Path:
    """`.crosscheck/cache.db` next to the corpus: in the first folder given, or the first file's folder."""
    for raw in paths:
        path = Path(raw)
        folder = path if os.path.isdir(path) else path.parent  # os.path: a name too long is not a folder, not an error
        return folder / CACHE_DIR / CACHE_NAME
    return Path(CACHE_DIR) / CACHE_NAME


class _Payload(BaseModel):
    """What is stored for one claims file: its metadata, claims and where each quote stands."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    meta: DocumentMeta
    claims: list[Claim]
    spans: list[tuple[int, int, int, int]]


@dataclass(frozen=True, slots=True)
class Entry:
    """A cache row: the hashes it was built from and its payload."""

    claims_hash: bytes
    registry_hash: bytes
    article: str
    """The claims file's `document.article`, as written."""
    article_hash: bytes
    payload: bytes


def encode(document: Document) -> bytes:
    """Serialise a loaded document compactly (JSON via pydantic's Rust serializer)."""
    payload = _Payload.model_construct(
        meta=document.meta,
        claims=[c.claim for c in document.claims],
        spans=document.spans,
    )
    return payload.model_dump_json(exclude_none=True).encode()


def decode(data: bytes, doc_id: str, article_path: Path, claims_path: Path) -> Document | None:
    """Rebuild a document from its payload (fully validated again, then compacted); None when it does not validate.

    The document reads its article again when asked for its text (see `Document`).
    """
    try:
        payload = _Payload.model_validate_json(data)
    except ValidationError:
        return None
    if len(payload.spans) != len(payload.claims):
        return None
    document = Document.placed(doc_id, payload.meta, payload.claims, payload.spans,
                               article_path=article_path, claims_path=claims_path)
    compact_document(document)
    return document


class ClaimsCache:
    """An open cache database; reads are immediate, writes are batched into one transaction."""

    def __init__(self, path: str | os.PathLike[str], *, busy_ms: int = BUSY_MS, batch_rows: int = BATCH_ROWS):
        self.path = Path(path)
        self.busy_ms = busy_ms
        self.batch_rows = batch_rows
        self.rebuilt: str | None = None
        """Why an existing file was set aside and rebuilt, if it was."""
        self._pending: list[tuple] = []
        self._refused = False
        """True once a write failed in this run (busy or read-only): the run's other entries are dropped too."""
        self._broken: str | None = None
        self._db = self._open()

    # ------------------------------------------------------------------ opening

    def _open(self) -> sqlite3.Connection | None:
        header = self._header()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError:
            return None  # a read-only corpus simply runs without a cache
        if self.path.parent.name == CACHE_DIR:
            _ignored_by_git(self.path.parent)
        db = None
        try:
            db = self._connect()
            problem = self._check(db)
        except sqlite3.OperationalError:
            if db is not None:
                db.close()
            return None  # busy (another run is creating it) or read-only: this run goes without a cache
        except sqlite3.DatabaseError as exc:
            problem = f"unreadable ({exc})"
            if header[_APPLICATION_ID_AT : _APPLICATION_ID_AT + 4] != _APPLICATION_ID.to_bytes(4, "big"):
                problem = _FOREIGN  # a damaged file that does not say it is ours
        if problem is None:
            return db
        if db is not None:
            db.close()
        if problem == _FOREIGN:
            raise self._not_ours()
        self._set_aside(problem)
        try:
            db = self._connect()
            self._create(db)
            return db
        except sqlite3.DatabaseError:
            return None

    def _header(self) -> bytes:
        """The first 100 bytes of the file at the cache's path (b"" when there is none); refuses what is not a SQLite file.

        Opened without waiting and checked before reading, so a pipe or a device at the path
        is refused rather than read.
        """
        try:
            fd = os.open(self.path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
        except (FileNotFoundError, NotADirectoryError):
            return b""
        except OSError as exc:
            if exc.errno == errno.EISDIR:
                raise self._not_ours("a folder") from None
            raise CrosscheckError(Diagnostic(str(self.path), 1, 1, "cache",
                                             f"cannot read the cache: {exc.strerror} (expected a readable file)")) from None
        try:
            mode = os.fstat(fd).st_mode
            if not stat.S_ISREG(mode):
                raise self._not_ours("a folder" if stat.S_ISDIR(mode) else "not a regular file")
            header = os.read(fd, 100)
        finally:
            os.close(fd)
        if header and not header.startswith(_SQLITE_MAGIC):
            raise self._not_ours()
        return header

    def _not_ours(self, what: str = "not a crosscheck cache") -> CrosscheckError:
        return CrosscheckError(Diagnostic(
            str(self.path), 1, 1, "cache",
            f"{what}, left untouched (expected a cache file crosscheck created, or a path where none exists)",
        ))

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=self.busy_ms / 1000, isolation_level=None)
        db.execute(f"PRAGMA busy_timeout = {int(self.busy_ms)}")
        return db

    def _check(self, db: sqlite3.Connection) -> str | None:
        """None when the file is our cache in the current format (creating it if empty).

        The id and the tables are read in one transaction: another run creating the cache writes both
        in one too, so a file seen with tables but no id yet is never one being created, but a foreign one.
        """
        db.execute("BEGIN")
        try:
            app_id = db.execute("PRAGMA application_id").fetchone()[0]
            tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        finally:
            db.execute("COMMIT")
        if app_id == 0 and not tables:
            self._create(db)
            return None
        if app_id != _APPLICATION_ID:
            return _FOREIGN
        row = db.execute("SELECT value FROM meta WHERE key = 'stamp'").fetchone() if "meta" in tables else None
        if row is None or row[0] != _STAMP:
            return "written by another version"
        db.execute("PRAGMA journal_mode = WAL")
        return None

    def _create(self, db: sqlite3.Connection) -> None:
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("BEGIN IMMEDIATE")
        try:
            db.execute(f"PRAGMA application_id = {_APPLICATION_ID}")
            db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
            db.execute(
                "CREATE TABLE IF NOT EXISTS files (path TEXT PRIMARY KEY, claims_hash BLOB NOT NULL, "
                "registry_hash BLOB NOT NULL, article TEXT NOT NULL, article_hash BLOB NOT NULL, payload BLOB NOT NULL, "
                "payload_hash BLOB NOT NULL)"
            )
            db.execute(
                "CREATE TABLE IF NOT EXISTS reports (identity BLOB PRIMARY KEY, inputs BLOB NOT NULL, header BLOB NOT NULL, "
                "header_hash BLOB NOT NULL, parts INTEGER NOT NULL, payload_hash BLOB NOT NULL)"
            )
            db.execute(
                "CREATE TABLE IF NOT EXISTS report_parts (identity BLOB NOT NULL, seq INTEGER NOT NULL, data BLOB NOT NULL, "
                "PRIMARY KEY (identity, seq))"
            )
            db.execute("INSERT OR REPLACE INTO meta VALUES ('stamp', ?)", (_STAMP,))
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise

    def _rebuild(self) -> None:
        """Replace a database found broken while in use by a fresh, empty one."""
        problem, self._broken = self._broken or "corrupted", None
        if self._db is not None:
            self._db.close()
        self._set_aside(problem)
        try:
            self._db = self._connect()
            self._create(self._db)
        except sqlite3.DatabaseError:
            self._db = None

    def _set_aside(self, problem: str) -> None:
        """Move a file we cannot trust out of the way (kept for inspection), with its WAL files."""
        self.rebuilt = problem
        if not self.path.exists():
            return
        stamp = time.strftime("%Y%m%d-%H%M%S")
        for suffix in ("", "-wal", "-shm"):
            source = Path(f"{self.path}{suffix}")
            if source.exists():
                try:
                    os.replace(source, f"{self.path}.bad-{stamp}-{os.getpid()}{suffix}")
                except OSError:
                    source.unlink(missing_ok=True)

    # ------------------------------------------------------------------ use

    def get(self, key: str) -> Entry | None:
        """The entry for a claims file (by resolved path), if one exists and its payload is intact."""
        if self._db is None:
            return None
        try:
            row = self._db.execute(
                "SELECT claims_hash, registry_hash, article, article_hash, payload, payload_hash FROM files WHERE path = ?",
                (key,),
            ).fetchone()
        except sqlite3.DatabaseError as exc:
            self._broken = f"corrupted ({exc})"
            return None
        if row is None or not all(isinstance(v, bytes) for v in (row[0], row[1], row[3], row[4], row[5])) or digest(row[4]) != row[5]:
            return None
        return Entry(*row[:5])

    def put(self, key: str, entry: Entry) -> None:
        """Queue an entry; `commit` makes every entry queued since the last commit visible, atomically.

        Queued entries go into the run's one open transaction a batch at a time, so a large
        cold run does not hold every payload in memory until it ends.
        """
        self._pending.append((key, entry.claims_hash, entry.registry_hash, entry.article, entry.article_hash,
                              entry.payload, digest(entry.payload)))
        if len(self._pending) >= self.batch_rows:
            self._write()

    def get_report(self, identity: bytes) -> tuple[bytes, bytes, bytearray] | None:
        """(inputs digest, header, payload) of the report stored for a run identity, if intact (see `reportcache`)."""
        if self._db is None:
            return None
        try:
            row = self._db.execute(
                "SELECT inputs, header, header_hash, parts, payload_hash FROM reports WHERE identity = ?", (identity,)
            ).fetchone()
            if row is None:
                return None
            inputs, header, header_hash, count, payload_hash = row
            if not all(isinstance(v, bytes) for v in (inputs, header, header_hash, payload_hash)) or digest(header) != header_hash:
                return None
            payload, seen, h = bytearray(), 0, _hasher()
            for seq, data in self._db.execute("SELECT seq, data FROM report_parts WHERE identity = ? ORDER BY seq", (identity,)):
                if seq != seen or not isinstance(data, bytes):
                    return None
                h.update(data)
                payload += data
                seen += 1
        except sqlite3.DatabaseError as exc:
            self._broken = f"corrupted ({exc})"
            return None
        if seen != count or h.digest() != payload_hash:
            return None
        return inputs, header, payload

    def put_report(self, identity: bytes, inputs: bytes, header: bytes, parts: Iterable[bytes]) -> None:
        """Write a run's report, part by part as `parts` yields them, into the run's transaction (made visible by `commit`).

        A report is never held whole here, so its size is not bounded by memory or by SQLite's
        1 GB limit on one value.
        """

        def write(db: sqlite3.Connection) -> None:
            db.execute("DELETE FROM report_parts WHERE identity = ?", (identity,))
            h, count = _hasher(), 0
            for data in parts:
                h.update(data)
                db.execute("INSERT INTO report_parts VALUES (?, ?, ?)", (identity, count, data))
                count += 1
            db.execute("INSERT OR REPLACE INTO reports VALUES (?, ?, ?, ?, ?, ?)",
                       (identity, inputs, header, digest(header), count, h.digest()))

        self._in_transaction(write)

    def update_report_header(self, identity: bytes, header: bytes) -> None:
        """Replace the header of a stored report (its payload stays), in the run's transaction."""
        self._in_transaction(lambda db: db.execute(
            "UPDATE reports SET header = ?, header_hash = ? WHERE identity = ?", (header, digest(header), identity),
        ))

    def _write(self) -> None:
        """Write queued entries into the run's open transaction."""
        rows, self._pending = self._pending, []
        if rows:
            self._in_transaction(lambda db: db.executemany("INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?, ?, ?)", rows))

    def _in_transaction(self, write: Callable[[sqlite3.Connection], object]) -> None:
        """Run `write` in the run's one open transaction (begun on first use); a failure refuses the whole run."""
        if self._broken is not None:
            self._rebuild()  # found broken while reading: later entries go to a fresh database
        if self._db is None or self._refused:
            return
        try:
            if not self._db.in_transaction:
                self._db.execute("BEGIN IMMEDIATE")
            write(self._db)
        except (sqlite3.OperationalError, sqlite3.DataError):
            self._refused = True  # busy (another run is writing), read-only or too big: the cache is optional
            self._rollback()
        except sqlite3.DatabaseError as exc:
            self._broken = f"corrupted ({exc})"
            self._refused = True
            self._rollback()

    def _rollback(self) -> None:
        if self._db is not None and self._db.in_transaction:
            try:
                self._db.execute("ROLLBACK")
            except sqlite3.DatabaseError:
                pass

    def commit(self) -> bool:
        """Make the queued entries visible atomically; False (and nothing written) when the database is busy or broken."""
        self._write()
        refused, self._refused = self._refused, False
        if self._broken is not None:
            self._rebuild()
            return False
        if self._db is None or refused:
            return False
        if not self._db.in_transaction:
            return True
        try:
            self._db.execute("COMMIT")
        except sqlite3.OperationalError:
            self._rollback()
            return False
        except sqlite3.DatabaseError as exc:
            self._broken = f"corrupted ({exc})"
            self._rollback()
            self._rebuild()
            return False
        return True

    def clear(self) -> int:
        """Delete every entry; returns how many there were."""
        if self._db is None:
            return 0
        count = self._db.execute("SELECT count(*) FROM files").fetchone()[0]
        self._db.execute("DELETE FROM files")
        self._db.execute("DELETE FROM reports")
        self._db.execute("DELETE FROM report_parts")
        self._db.execute("VACUUM")
        return count

    def close(self) -> None:
        if self._db is not None:
            self.commit()
            self._db.close()
            self._db = None

    def __enter__(self) -> ClaimsCache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
