"""The claims store: `crosscheck index` and `crosscheck check NEW --against STORE`."""

from __future__ import annotations

import json
import shutil
import sqlite3
import sys
from contextlib import closing
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from crosscheck.load.corpus import load_corpus
from crosscheck.store import open_store
from generate import generate


@pytest.fixture
def archive(tmp_path, monkeypatch):
    """An archive of 8 synthetic articles, and a new article taken out of it (same keys, some conflicts)."""
    generate(tmp_path / "archive", articles=9, claims=12, shared=0.9, conflicts=0.5, seed=5)
    new = tmp_path / "new"
    new.mkdir()
    part = tmp_path / "archive" / "part-0000"
    for name in ("article-0000008.txt", "article-0000008.claims.yaml"):
        shutil.move(part / name, new / name)
    shutil.copy(tmp_path / "archive" / "registry.yaml", new / "registry.yaml")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _index(corpus, url) -> int:
    with closing(open_store(url, create=True)) as opened:
        return opened.index(corpus.documents)


@pytest.mark.parametrize("url", ["s.db", "sqlite:///s.db"])
def test_claims_for_keys_returns_exactly_the_stored_claims_with_those_keys(archive, url):
    corpus = load_corpus(["archive"]).corpus
    assert _index(corpus, url) == len(corpus.claims)
    keys = {corpus.claims[0].key, corpus.claims[5].key}
    with closing(open_store(url)) as opened:
        documents = opened.claims_for_keys(keys)
    got = sorted((d.id, c.claim.id) for d in documents for c in d.claims)
    assert got == sorted((c.document, c.claim.id) for c in corpus.claims if c.key in keys)
    stored = {(c.document, c.claim.id): c.claim for c in corpus.claims}
    assert all(c.claim == stored[d.id, c.claim.id] for d in documents for c in d.claims)
    assert [d.id for d in documents] == sorted(d.id for d in documents)


def test_an_absolute_sqlite_url_has_four_slashes(archive):
    corpus = load_corpus(["archive"]).corpus
    assert _index(corpus, f"sqlite:///{archive / 'abs.db'}") == len(corpus.claims)
    assert (archive / "abs.db").is_file()


def test_reindexing_replaces_a_document_instead_of_duplicating_it(archive):
    corpus = load_corpus(["archive"]).corpus
    _index(corpus, archive / "s.db")
    _index(corpus, archive / "s.db")
    with sqlite3.connect(archive / "s.db") as db:
        assert db.execute("SELECT count(*) FROM claims").fetchone()[0] == len(corpus.claims)


def test_check_against_store_finds_what_a_full_check_finds_for_the_new_article(archive, run_cli):
    assert run_cli("index", "archive", "--store", "s.db").code == 0
    against = run_cli("check", "new", "--against", "s.db", "-f", "json", "--no-cache")
    shutil.copytree(archive / "archive", archive / "all")
    shutil.copy(archive / "new" / "article-0000008.txt", archive / "all" / "part-0000")
    shutil.copy(archive / "new" / "article-0000008.claims.yaml", archive / "all" / "part-0000")
    full = run_cli("check", "all", "-f", "json", "--no-cache", "--changed", "all/part-0000/article-0000008.txt")
    findings = json.loads(against.out)["findings"]
    expected = json.loads(full.out)["findings"]
    assert against.code == full.code
    assert findings, "the generated archive has conflicts with the new article"

    def shape(items):
        return sorted((f["rule"], sorted(Path(c["document"]).name for c in f["claims"])) for f in items)

    assert shape(findings) == shape(expected)


def test_foreign_file_is_not_a_store(archive, run_cli):
    (archive / "x.db").write_text("not sqlite", encoding="utf-8")
    result = run_cli("check", "new", "--against", "x.db", "--no-cache")
    assert result.code == 2 and "not a claims store" in result.err
    missing = run_cli("check", "new", "--against", "nope.db", "--no-cache")
    assert missing.code == 2 and "no claims store" in missing.err


@pytest.mark.parametrize(("url", "message"), [
    ("mysql://db/claims", "unknown store scheme 'mysql'"),
    ("sqlite://host/s.db", "expected sqlite:///PATH"),
])
def test_an_unknown_store_url_is_a_one_line_error(archive, run_cli, url, message):
    result = run_cli("check", "new", "--against", url, "--no-cache")
    assert result.code == 2 and message in result.err
    assert result.err.strip().splitlines() == [result.err.strip()] and result.err.startswith(f"{url}:1:1: store: ")
