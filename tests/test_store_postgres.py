"""The archive on either backend: SQLite always, PostgreSQL when CROSSCHECK_TEST_POSTGRES names a server.

`eval "$(.ci/postgres-setup)"` starts a throw-away server and exports the variable; without it
the PostgreSQL cases are skipped and say so.  Every case runs the same assertions on both, each
PostgreSQL case in a database of its own: the `ClaimStore` protocol through `open_store`, then the
command line (`index`, `check --against`, `audit`).  Over 300 lines: one file, so that both
halves share the backends' fixtures without a conftest of their own.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
import time
import uuid
from contextlib import closing
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

from conftest import ROOT
from crosscheck.audit import check_archive
from crosscheck.engine import check
from crosscheck.errors import StoreError
from crosscheck.load.corpus import load_corpus
from crosscheck.model.corpus import Corpus, Document
from crosscheck.rules import load_rules
from crosscheck.store import open_store, with_archive
from test_store import archive  # noqa: F401 - the fixture `corpora` builds on


def generate(out: Path, **options: float) -> None:
    """A synthetic corpus from benchmarks/generate.py (a script folder, put on the path when first needed)."""
    if str(ROOT / "benchmarks") not in sys.path:
        sys.path.insert(0, str(ROOT / "benchmarks"))
    from generate import generate as write_corpus

    write_corpus(out, **options)


POSTGRES_URL = os.environ.get("CROSSCHECK_TEST_POSTGRES")
NO_SERVER = 'CROSSCHECK_TEST_POSTGRES is not set: PostgreSQL cases skipped (run eval "$(.ci/postgres-setup)" to include them)'


@pytest.fixture
def postgres_url():
    """The URL of a fresh database on the test server, dropped afterwards (skipped without a server)."""
    if not POSTGRES_URL:
        pytest.skip(NO_SERVER)
    import psycopg

    name = f"test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(POSTGRES_URL, autocommit=True) as db:
        db.execute(f'CREATE DATABASE "{name}"')
    yield urlunsplit(urlsplit(POSTGRES_URL)._replace(path=f"/{name}"))
    with psycopg.connect(POSTGRES_URL, autocommit=True) as db:
        db.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", "postgres"])
def url(request, tmp_path):
    """A store URL on each backend: a SQLite file, a database of its own on the PostgreSQL server."""
    if request.param == "sqlite":
        return str(tmp_path / "archive.db")
    return request.getfixturevalue("postgres_url")


def index(url: str, corpus: Corpus) -> int:
    with closing(open_store(url, create=True)) as opened:
        return opened.index(corpus.documents)


_INDEX_SCRIPT = """
import sys
from crosscheck.load.corpus import load_corpus
from crosscheck.store import open_store
corpus = load_corpus([sys.argv[1]]).corpus
archive = open_store(sys.argv[2], create=True)
print("ready", flush=True)
archive.index(corpus.documents, **({"batch_documents": 5} if sys.argv[2].startswith("postgresql") else {}))
"""


@pytest.fixture
def corpora(archive):
    """The archive of 8 synthetic articles and the new one taken out of it (`test_store.archive`), as loaded corpora."""
    registry = "archive/registry.yaml"
    return (load_corpus(["archive"], registry=registry).corpus, load_corpus(["new"], registry=registry).corpus,
            load_corpus(["archive", "new"], registry=registry).corpus)


def stored_claims(url: str) -> list[tuple[str, str]]:
    """Every (document, claim id) the store holds, read through the audit."""
    with closing(open_store(url)) as archive:
        return sorted((c.document, c.claim.id) for _key, claims in archive.audit() for c in claims)


def corpus_claims(corpus: Corpus) -> list[tuple[str, str]]:
    return sorted((c.document, c.claim.id) for c in corpus.claims)


def test_checking_a_new_article_against_the_store_finds_what_checking_the_whole_corpus_finds(url, corpora):
    archive, new, whole = corpora
    rules = load_rules()
    assert index(url, archive) == len(archive.claims)
    with closing(open_store(url)) as opened:
        combined, new_ids = with_archive(new, opened)
    against = [f for f in check(combined, rules).findings if any(c.document in new_ids for c in f.claims)]
    expected = [f for f in check(whole, rules).findings if any(c.document in new_ids for c in f.claims)]
    assert against, "the generated archive has conflicts with the new article"
    assert against == expected


def test_claims_for_keys_gives_the_same_documents_on_both_backends(url, corpora, tmp_path):
    archive, new, _whole = corpora
    index(url, archive)
    index(str(tmp_path / "reference.db"), archive)
    keys = {c.key for c in new.claims}
    excluded = {archive.documents[0].id}
    with closing(open_store(url)) as opened, closing(open_store(tmp_path / "reference.db")) as reference:
        found = opened.claims_for_keys(keys, exclude=excluded)
        assert found == reference.claims_for_keys(keys, exclude=excluded)
    assert found and [d.id for d in found] == sorted(d.id for d in found)
    assert all(d.id not in excluded and c.key in keys for d in found for c in d.claims)


@pytest.mark.parametrize(("asked", "excluded", "expected"), [
    ("no keys at all", "nothing", "no documents"),
    ("keys no article states", "nothing", "no documents"),
    ("the new article's keys", "every archived article", "no documents"),
    ("the new article's keys", "nothing", "every archived claim of those keys"),
])
def test_claims_for_keys_gives_only_stored_claims_of_the_keys_asked(url, corpora, asked, excluded, expected):
    archive, new, _whole = corpora
    index(url, archive)
    keys = {"no keys at all": set(), "keys no article states": {("org-nowhere", "staff-count")},
            "the new article's keys": {c.key for c in new.claims}}[asked]
    exclude = {d.id for d in archive.documents} if excluded == "every archived article" else set()
    with closing(open_store(url)) as opened:
        found = sorted((d.id, c.claim.id) for d in opened.claims_for_keys(keys, exclude=exclude) for c in d.claims)
    if expected == "no documents":
        assert found == []
    else:
        assert found and found == sorted((c.document, c.claim.id) for c in archive.claims if c.key in keys)


def test_indexing_the_same_corpus_twice_stores_each_claim_once(url, corpora):
    archive, _new, _whole = corpora
    index(url, archive)
    index(url, archive)
    assert stored_claims(url) == corpus_claims(archive)
    with closing(open_store(url)) as stored:
        totals = stored.totals()
    assert (totals.documents, totals.claims) == (len(archive.documents), len(archive.claims))


def test_an_article_edited_since_it_was_indexed_is_replaced_not_duplicated(url, corpora):
    archive, _new, _whole = corpora
    index(url, archive)
    first = archive.documents[0]
    edited = Document.of(first.id, first.meta, first.claims[:-3], article_path=first.article_path, claims_path=first.claims_path)
    index(url, Corpus(documents=[edited, *archive.documents[1:]], registry=archive.registry))
    removed = {(first.id, c.claim.id) for c in first.claims[-3:]}
    assert removed and stored_claims(url) == [x for x in corpus_claims(archive) if x not in removed]


def test_two_index_runs_at_once_on_overlapping_articles_store_each_article_once(url, corpora):
    archive, _new, _whole = corpora
    halves = [Corpus(documents=archive.documents[:6], registry=archive.registry),
              Corpus(documents=archive.documents[2:], registry=archive.registry)]
    start = threading.Barrier(len(halves))
    failures: list[BaseException] = []

    def run(corpus: Corpus) -> None:
        start.wait()
        try:
            index(url, corpus)
        except BaseException as exc:  # reported by the assertion below, not lost in the thread
            failures.append(exc)

    threads = [threading.Thread(target=run, args=(half,)) for half in halves]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not failures
    assert stored_claims(url) == corpus_claims(archive)


def test_a_run_killed_mid_index_leaves_every_article_whole_or_as_before(url, tmp_path, monkeypatch):
    generate(tmp_path / "big", articles=300, claims=20, shared=0.5, conflicts=0.1, seed=2)
    monkeypatch.chdir(tmp_path)
    corpus = load_corpus(["big"]).corpus
    before = corpus.documents[:10]
    index(url, Corpus(documents=before, registry=corpus.registry))  # the previous state
    child = subprocess.Popen([sys.executable, "-c", _INDEX_SCRIPT, "big", url], stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None and child.stdout.readline().strip() == "ready"
    time.sleep(0.1)  # mid-run at this size on either backend; the assertions hold whenever it lands
    child.kill()
    child.wait()
    stored = stored_claims(url)
    documents = {doc for doc, _claim in stored}
    assert {d.id for d in before} <= documents
    assert stored == sorted(x for x in corpus_claims(corpus) if x[0] in documents)


@pytest.mark.parametrize("corpus_source", ["generated", "seeds"])
def test_the_audit_yields_each_fact_once_in_key_order_and_finds_what_an_in_memory_check_finds(url, tmp_path, monkeypatch, corpus_source):
    if corpus_source == "generated":
        generate(tmp_path / "c", articles=40, claims=20, shared=0.7, conflicts=0.3, seed=9)
        monkeypatch.chdir(tmp_path)
        corpus = load_corpus(["c"]).corpus
    else:
        monkeypatch.chdir(ROOT)  # seeds have conversions and durations: the corpus rules' claims
        corpus = load_corpus(["seeds"]).corpus
    index(url, corpus)
    rules = load_rules()
    with closing(open_store(url)) as archive:
        keys = [key for key, _claims in archive.audit()]
        assert keys == sorted({c.key for c in corpus.claims})
        seen: list[int] = []
        report = check_archive(archive, rules, registry=corpus.registry, batch_claims=50,
                               progress=lambda done, total: seen.append(done))
    assert report == check(corpus, rules)
    assert report.findings
    assert seen[-1] == len(corpus.claims) and seen == sorted(seen)


STARTS_AND_LENGTHS = [
    # (subject, the start as an article writes it, its year, the length another article gives, in years)
    ("harbour-board", "has run the harbour since 2019", 2019, "a six-year stewardship", 6),  # agrees as of 2025
    ("river-trust", "has managed the river since 2021", 2021, "its six-year record", 6),  # 4 or 5 years: conflicts
    ("tram-company", "has operated the line since 2015", 2015, "a three-year contract", 3),  # conflicts
    ("water-office", "has kept the records since 2020", 2020, "two years of records", 2),  # conflicts, and comes last
]


def starts_and_lengths() -> Corpus:
    """Each subject's start in one article and its length in another (as of 2025): the audit must pair them across keys."""
    from crosscheck.model.claims import Claim, DocumentMeta
    from crosscheck.model.corpus import LocatedClaim

    articles: dict[str, list[Claim]] = {"starts.txt": [], "lengths.txt": []}
    for subject, start_text, year, length_text, years in STARTS_AND_LENGTHS:
        articles["starts.txt"].append(Claim.model_validate({
            "id": f"{subject}-start", "subject": subject, "property": "service-since", "text": f"since {year}",
            "quote": f"The {subject.replace('-', ' ')} {start_text}.", "value": {"kind": "date", "relation": "since", "date": year}}))
        articles["lengths.txt"].append(Claim.model_validate({
            "id": f"{subject}-length", "subject": subject, "property": "service-duration", "text": length_text,
            "quote": f"Officials praised {length_text}.", "value": {"kind": "duration", "amount": years, "unit": "year"},
            "scope": {"as_of": 2025}}))
    documents = [Document.of(name, DocumentMeta(article=name, title=name), [
        LocatedClaim(c, name, 10 * i, 10 * i + 5, i + 1, 1) for i, c in enumerate(claims)], article_path=Path(name), text="")
        for name, claims in articles.items()]
    return Corpus(documents=documents)


@pytest.mark.parametrize("batch_claims", [1, 3, 1000])
def test_the_audit_pairs_each_subjects_start_with_its_length_across_keys_and_batches(url, batch_claims):
    corpus = starts_and_lengths()
    index(url, corpus)
    rules = load_rules()
    with closing(open_store(url)) as archive:
        report = check_archive(archive, rules, batch_claims=batch_claims)
    assert report == check(corpus, rules)
    conflicting = sorted(f.subject for f in report.findings if f.rule == "CC202")
    assert conflicting == ["river-trust", "tram-company", "water-office"]


def test_a_database_without_a_store_is_refused(url):
    if not url.startswith("postgresql"):
        Path(url).write_text("not sqlite", encoding="utf-8")
    with pytest.raises(StoreError, match="claims store"):
        open_store(url)


def test_an_empty_archive_audits_to_an_empty_report(url):
    index(url, Corpus(documents=[]))
    with closing(open_store(url)) as archive:
        assert list(archive.audit()) == []
        report = check_archive(archive, load_rules())
    assert report.findings == [] and (report.summary.documents, report.summary.claims) == (0, 0)


def test_postgres_refuses_a_schema_of_other_tables(postgres_url):
    import psycopg

    with psycopg.connect(postgres_url, autocommit=True) as db:
        db.execute("CREATE SCHEMA crosscheck")
        db.execute("CREATE TABLE crosscheck.documents (name text)")
    with pytest.raises(StoreError, match="other tables"):
        open_store(postgres_url, create=True)


@pytest.mark.parametrize("url", ["postgresql://someone:s3cret@127.0.0.1:1/nowhere?connect_timeout=2",
                                 "postgresql:///nowhere?host=127.0.0.1&port=1&password=s3cret&connect_timeout=2"])
def test_a_postgres_store_that_cannot_be_reached_is_an_error_without_its_password(url):
    pytest.importorskip("psycopg", reason="the postgres extra is not installed")
    with pytest.raises(StoreError, match="cannot connect") as refused:
        open_store(url)
    assert "s3cret" not in str(refused.value)


# --------------------------------------------------------------------------- the command line on both backends


def with_password(url: str) -> str:
    """`url` with a password in its user part: the test server trusts local connections, so it is never asked for."""
    parts = urlsplit(url)
    return urlunsplit(parts._replace(netloc=f"{parts.username}:s3cret@{parts.netloc.rpartition('@')[2]}"))


@pytest.fixture
def cli_corpus(tmp_path, monkeypatch):
    """`archive/` (8 synthetic articles and their registry) and `new/` (a ninth, sharing their keys), in the working directory."""
    generate(tmp_path / "archive", articles=9, claims=12, shared=0.9, conflicts=0.5, seed=5)
    (tmp_path / "new").mkdir()
    for name in ("article-0000008.txt", "article-0000008.claims.yaml"):
        shutil.move(tmp_path / "archive" / "part-0000" / name, tmp_path / "new" / name)
    shutil.copy(tmp_path / "archive" / "registry.yaml", tmp_path / "new" / "registry.yaml")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_the_audit_command_reports_what_check_reports_on_the_indexed_corpus(url, cli_corpus, run_cli):
    shown = with_password(url) if url.startswith("postgresql") else url
    indexed = run_cli("index", "archive", "--store", shown, "--no-cache")
    assert indexed.code == 0 and "s3cret" not in indexed.out + indexed.err
    audited = run_cli("audit", "--store", shown, "--registry", "archive/registry.yaml", "-f", "json")
    checked = run_cli("check", "archive", "-f", "json", "--no-cache")
    assert json.loads(audited.out)["findings"], "the generated archive has conflicts"
    assert (audited.code, json.loads(audited.out)) == (checked.code, json.loads(checked.out))
    assert audited.err == ""  # no progress display when standard error is not a terminal
    assert run_cli("audit", "--store", url, "--registry", "archive/registry.yaml", "--fail-on", "never").code == 0


def test_check_against_a_store_on_either_backend_finds_the_new_articles_conflicts(url, cli_corpus, run_cli):
    assert run_cli("index", "archive", "--store", url, "--no-cache").code == 0
    against = run_cli("check", "new", "--against", url, "-f", "json", "--no-cache")
    report = json.loads(against.out)
    assert against.code == 1 and report["findings"]
    assert all(any(c["document"].startswith("new/") for c in f["claims"]) for f in report["findings"])
    assert report["summary"]["documents"] > 1  # the archived articles took part


def test_auditing_a_missing_store_is_a_one_line_error(url, cli_corpus, run_cli):
    if not url.startswith("postgresql"):
        url = str(cli_corpus / "nope.db")
    result = run_cli("audit", "--store", url)
    assert result.code == 2 and "claims store" in result.err
    assert result.err.strip().splitlines() == [result.err.strip()]


def test_api_audit_of_a_store_is_the_check_of_its_corpus(url, cli_corpus):
    from crosscheck import api

    corpus = load_corpus(["archive"]).corpus
    index(url, corpus)
    seen: list[tuple[int, int]] = []
    report = api.audit(url, registry="archive/registry.yaml", progress=lambda done, total: seen.append((done, total)))
    assert report == check(corpus, load_rules()) and report.findings
    assert seen[-1] == (len(corpus.claims), len(corpus.claims))
