"""The archive on either backend: SQLite always, PostgreSQL when CROSSCHECK_TEST_POSTGRES names a server.

`eval "$(.ci/postgres-setup)"` starts a throw-away server and exports the variable; without it
the PostgreSQL cases are skipped and say so.  Every case runs the same assertions on both.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from conftest import ROOT
from crosscheck import store
from crosscheck.engine import check
from crosscheck.load.corpus import load_corpus
from crosscheck.model.corpus import Corpus, Document
from crosscheck.rules import load_rules
from crosscheck.store import StoreError
from crosscheck.store.audit import SqliteArchive, check_archive

if TYPE_CHECKING:
    from crosscheck.store.postgres import PostgresStore


def generate(out: Path, **options: float) -> None:
    """A synthetic corpus from benchmarks/generate.py (a script folder, put on the path when first needed)."""
    if str(ROOT / "benchmarks") not in sys.path:
        sys.path.insert(0, str(ROOT / "benchmarks"))
    from generate import generate as write_corpus

    write_corpus(out, **options)


POSTGRES_URL = os.environ.get("CROSSCHECK_TEST_POSTGRES")
NO_SERVER = 'CROSSCHECK_TEST_POSTGRES is not set: PostgreSQL cases skipped (run eval "$(.ci/postgres-setup)" to include them)'


class SqliteBackend:
    """The SQLite store, through its module functions."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def index(self, corpus: Corpus) -> int:
        return store.index(corpus, self.path)

    def with_archive(self, corpus: Corpus) -> tuple[Corpus, frozenset[str]]:
        return store.with_archive(corpus, self.path)

    def archive(self) -> SqliteArchive:
        return SqliteArchive(self.path)

    def index_script(self) -> list[str]:
        """argv tail for `_INDEX_SCRIPT`: which store to index into."""
        return ["sqlite", str(self.path)]


class PostgresBackend:
    """The PostgreSQL store, in a schema of its own that the test drops afterwards."""

    def __init__(self, url: str, schema: str) -> None:
        self.url, self.schema = url, schema

    def connect(self, create: bool = False) -> PostgresStore:
        from crosscheck.store.postgres import PostgresStore

        return PostgresStore(self.url, create=create, schema=self.schema)

    def index(self, corpus: Corpus) -> int:
        with self.connect(create=True) as archive:
            return archive.index(corpus)

    def with_archive(self, corpus: Corpus) -> tuple[Corpus, frozenset[str]]:
        with self.connect() as archive:
            return archive.with_archive(corpus)

    def archive(self) -> PostgresStore:
        return self.connect()

    def index_script(self) -> list[str]:
        return ["postgres", self.url, self.schema]


_INDEX_SCRIPT = """
import sys
from crosscheck.load.corpus import load_corpus
corpus = load_corpus([sys.argv[1]]).corpus
if sys.argv[2] == "sqlite":
    from crosscheck import store
    print("ready", flush=True)
    store.index(corpus, sys.argv[3])
else:
    from crosscheck.store.postgres import PostgresStore
    with PostgresStore(sys.argv[3], create=True, schema=sys.argv[4]) as archive:
        print("ready", flush=True)
        archive.index(corpus, batch_documents=5)
"""


@pytest.fixture(params=["sqlite", "postgres"])
def backend(request, tmp_path):
    if request.param == "sqlite":
        yield SqliteBackend(tmp_path / "archive.db")
        return
    if not POSTGRES_URL:
        pytest.skip(NO_SERVER)
    import psycopg

    schema = f"test_{uuid.uuid4().hex[:12]}"
    yield PostgresBackend(POSTGRES_URL, schema)
    with psycopg.connect(POSTGRES_URL, autocommit=True) as db:
        db.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


@pytest.fixture
def corpora(tmp_path, monkeypatch):
    """An archive of 8 synthetic articles and a new one taken out of it (same keys, some conflicts), as loaded corpora."""
    generate(tmp_path / "archive", articles=9, claims=12, shared=0.9, conflicts=0.5, seed=5)
    new = tmp_path / "new"
    new.mkdir()
    part = tmp_path / "archive" / "part-0000"
    for name in ("article-0000008.txt", "article-0000008.claims.yaml"):
        shutil.move(part / name, new / name)
    monkeypatch.chdir(tmp_path)
    registry = "archive/registry.yaml"
    return (load_corpus(["archive"], registry=registry).corpus, load_corpus(["new"], registry=registry).corpus,
            load_corpus(["archive", "new"], registry=registry).corpus)


def stored_claims(backend) -> list[tuple[str, str]]:
    """Every (document, claim id) the store holds, read through the audit."""
    with backend.archive() as archive:
        return sorted((c.document, c.claim.id) for _key, claims in archive.audit() for c in claims)


def corpus_claims(corpus: Corpus) -> list[tuple[str, str]]:
    return sorted((c.document, c.claim.id) for c in corpus.claims)


def test_checking_a_new_article_against_the_store_finds_what_checking_the_whole_corpus_finds(backend, corpora):
    archive, new, whole = corpora
    rules = load_rules()
    assert backend.index(archive) == len(archive.claims)
    combined, new_ids = backend.with_archive(new)
    against = [f for f in check(combined, rules).findings if any(c.document in new_ids for c in f.claims)]
    expected = [f for f in check(whole, rules).findings if any(c.document in new_ids for c in f.claims)]
    assert against, "the generated archive has conflicts with the new article"
    assert against == expected


def test_indexing_the_same_corpus_twice_stores_each_claim_once(backend, corpora):
    archive, _new, _whole = corpora
    backend.index(archive)
    backend.index(archive)
    assert stored_claims(backend) == corpus_claims(archive)
    with backend.archive() as stored:
        totals = stored.totals()
    assert (totals.documents, totals.claims) == (len(archive.documents), len(archive.claims))


def test_an_article_edited_since_it_was_indexed_is_replaced_not_duplicated(backend, corpora):
    archive, _new, _whole = corpora
    backend.index(archive)
    first = archive.documents[0]
    edited = Document(first.id, first.article_path, first.claims_path, first.meta, None, first.claims[:-3])
    backend.index(Corpus(documents=[edited, *archive.documents[1:]], registry=archive.registry))
    removed = {(first.id, c.claim.id) for c in first.claims[-3:]}
    assert removed and stored_claims(backend) == [x for x in corpus_claims(archive) if x not in removed]


def test_two_index_runs_at_once_on_overlapping_articles_store_each_article_once(backend, corpora):
    archive, _new, _whole = corpora
    halves = [Corpus(documents=archive.documents[:6], registry=archive.registry),
              Corpus(documents=archive.documents[2:], registry=archive.registry)]
    start = threading.Barrier(len(halves))
    failures: list[BaseException] = []

    def run(corpus: Corpus) -> None:
        start.wait()
        try:
            backend.index(corpus)
        except BaseException as exc:  # reported by the assertion below, not lost in the thread
            failures.append(exc)

    threads = [threading.Thread(target=run, args=(half,)) for half in halves]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not failures
    assert stored_claims(backend) == corpus_claims(archive)


def test_a_run_killed_mid_index_leaves_every_article_whole_or_as_before(backend, tmp_path, monkeypatch):
    generate(tmp_path / "big", articles=300, claims=20, shared=0.5, conflicts=0.1, seed=2)
    monkeypatch.chdir(tmp_path)
    corpus = load_corpus(["big"]).corpus
    before = corpus.documents[:10]
    backend.index(Corpus(documents=before, registry=corpus.registry))  # the previous state
    child = subprocess.Popen([sys.executable, "-c", _INDEX_SCRIPT, "big", *backend.index_script()],
                             stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None and child.stdout.readline().strip() == "ready"
    time.sleep(0.1)  # mid-run at this size on either backend; the assertions hold whenever it lands
    child.kill()
    child.wait()
    stored = stored_claims(backend)
    documents = {doc for doc, _claim in stored}
    assert {d.id for d in before} <= documents
    assert stored == sorted(x for x in corpus_claims(corpus) if x[0] in documents)


@pytest.mark.parametrize("corpus_source", ["generated", "seeds"])
def test_the_audit_yields_each_fact_once_in_key_order_and_finds_what_an_in_memory_check_finds(backend, tmp_path, monkeypatch, corpus_source):
    if corpus_source == "generated":
        generate(tmp_path / "c", articles=40, claims=20, shared=0.7, conflicts=0.3, seed=9)
        monkeypatch.chdir(tmp_path)
        corpus = load_corpus(["c"]).corpus
    else:
        monkeypatch.chdir(ROOT)  # seeds have conversions and durations: the corpus rules' claims
        corpus = load_corpus(["seeds"]).corpus
    backend.index(corpus)
    rules = load_rules()
    with backend.archive() as archive:
        keys = [key for key, _claims in archive.audit()]
        assert keys == sorted({c.key for c in corpus.claims})
        seen: list[int] = []
        report = check_archive(archive, rules, registry=corpus.registry, batch_claims=50,
                               progress=lambda done, total: seen.append(done))
    assert report == check(corpus, rules)
    assert report.findings
    assert seen[-1] == len(corpus.claims) and seen == sorted(seen)


def test_a_database_without_a_store_is_refused(backend, tmp_path):
    if isinstance(backend, SqliteBackend):
        (tmp_path / "archive.db").write_text("not sqlite", encoding="utf-8")
    with pytest.raises(StoreError, match="claims store"):
        backend.archive()


def test_an_empty_archive_audits_to_an_empty_report(backend):
    backend.index(Corpus(documents=[]))
    with backend.archive() as archive:
        assert list(archive.audit()) == []
        report = check_archive(archive, load_rules())
    assert report.findings == [] and (report.summary.documents, report.summary.claims) == (0, 0)


def test_postgres_refuses_a_schema_of_other_tables_and_never_prints_a_password():
    if not POSTGRES_URL:
        pytest.skip(NO_SERVER)
    import psycopg

    from crosscheck.store.postgres import PostgresStore

    schema = f"test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(POSTGRES_URL, autocommit=True) as db:
        db.execute(f'CREATE SCHEMA "{schema}"')
        db.execute(f'CREATE TABLE "{schema}".documents (name text)')
        try:
            with pytest.raises(StoreError, match="other tables"):
                PostgresStore(POSTGRES_URL, create=True, schema=schema)
        finally:
            db.execute(f'DROP SCHEMA "{schema}" CASCADE')
    for url in ("postgresql://someone:s3cret@127.0.0.1:1/nowhere?connect_timeout=2",
                "postgresql:///nowhere?host=127.0.0.1&port=1&password=s3cret&connect_timeout=2"):
        with pytest.raises(StoreError, match="cannot connect") as refused:
            PostgresStore(url)
        assert "s3cret" not in str(refused.value)
