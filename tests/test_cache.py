"""The claims cache: reused only when claims file, article and registry are all unchanged; never trusted blindly."""

from __future__ import annotations

import multiprocessing
import sqlite3
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from crosscheck import load
from crosscheck.errors import CrosscheckError
from crosscheck.speed import load_corpus
from crosscheck.speed.claims_cache import ClaimsCache
from crosscheck.speed.claims_reuse import Cached
from generate import generate


class Recording(Cached):
    """The cache's reuse hook, noting which claims files were loaded afresh and kept."""

    def __init__(self, cache: ClaimsCache) -> None:
        super().__init__(cache)
        self.fresh: list[str] = []

    def keep(self, path, entry) -> None:
        self.fresh.append(path.name)
        super().keep(path, entry)


@pytest.fixture
def corpus(tmp_path, monkeypatch):
    generate(tmp_path / "news", articles=6, claims=5, seed=3)
    monkeypatch.chdir(tmp_path)
    return tmp_path / "news"


def _load(corpus: Path, db: Path):
    """Load with the cache; return the result and which claims files were loaded afresh."""
    with ClaimsCache(db) as cache:
        reuse = Recording(cache)
        result = load.load_corpus([corpus], reuse=reuse)
    return result, sorted(reuse.fresh)


def _snapshot(result):
    return [(c.document, c.claim, c.start, c.end, c.line, c.column) for c in result.corpus.claims]


def _files(corpus: Path, suffix: str) -> list[Path]:
    return sorted(corpus.rglob(f"*{suffix}"))


def test_warm_run_reuses_everything_and_equals_cold(corpus, tmp_path):
    db = tmp_path / "c.db"
    cold, fresh = _load(corpus, db)
    assert len(fresh) == 6
    warm, fresh = _load(corpus, db)
    assert fresh == []
    assert _snapshot(warm) == _snapshot(cold) == _snapshot(load_corpus([corpus]))
    assert [d.text for d in warm.corpus.documents] == [d.text for d in cold.corpus.documents]


def test_edited_claims_file_reloads_only_that_file(corpus, tmp_path):
    db = tmp_path / "c.db"
    _load(corpus, db)
    target = _files(corpus, ".claims.yaml")[2]
    target.write_text(target.read_text(encoding="utf-8").replace("version: 1", "version: 1\n# edited"), encoding="utf-8")
    _result, fresh = _load(corpus, db)
    assert fresh == [target.name]


def test_edited_article_reloads_only_its_claims_file_and_moves_spans(corpus, tmp_path):
    db = tmp_path / "c.db"
    before, _ = _load(corpus, db)
    article = _files(corpus, ".txt")[1]
    article.write_text("A new first line.\n" + article.read_text(encoding="utf-8"), encoding="utf-8")
    after, fresh = _load(corpus, db)
    assert fresh == [article.name.replace(".txt", ".claims.yaml")]
    moved = [c for c in after.corpus.claims if c.document.endswith(article.name)]
    old = [c for c in before.corpus.claims if c.document.endswith(article.name)]
    assert [c.line for c in moved] == [c.line + 1 for c in old]


def test_edited_registry_invalidates_every_file_and_its_diagnostics_appear(corpus, tmp_path):
    db = tmp_path / "c.db"
    _load(corpus, db)
    registry = corpus / "registry.yaml"
    registry.write_text(registry.read_text(encoding="utf-8").replace("  statement:\n", "  statement-x:\n"), encoding="utf-8")
    result, fresh = _load(corpus, db)
    assert len(fresh) + len({d.path for d in result.diagnostics}) >= 6  # every file was looked at afresh
    cold = load_corpus([corpus])
    assert [d.format() for d in result.diagnostics] == [d.format() for d in cold.diagnostics]


def test_invalid_file_is_never_cached_and_reports_every_time(corpus, tmp_path):
    db = tmp_path / "c.db"
    target = _files(corpus, ".claims.yaml")[0]
    target.write_text(target.read_text(encoding="utf-8").replace("subject: org-", "subject: Org-", 1), encoding="utf-8")
    first, _ = _load(corpus, db)
    second, fresh = _load(corpus, db)
    assert first.diagnostics and [d.format() for d in second.diagnostics] == [d.format() for d in first.diagnostics]
    assert fresh == []  # nothing new was cached, and the bad file was not either


def test_a_corrupted_cache_of_ours_is_set_aside_and_rebuilt(corpus, tmp_path):
    db = tmp_path / "c.db"
    _load(corpus, db)
    data = bytearray(db.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # the schema page, after the header that says the file is ours
    db.write_bytes(bytes(data))
    result, fresh = _load(corpus, db)
    assert len(fresh) == 6 and _snapshot(result) == _snapshot(load_corpus([corpus]))
    assert list(tmp_path.glob("c.db.bad-*")), "the untrusted file is kept aside, not reused"
    _result, fresh = _load(corpus, db)
    assert fresh == []  # the rebuilt cache works


def _sqlite_file(path: Path) -> None:
    with sqlite3.connect(path) as foreign:
        foreign.execute("CREATE TABLE files (path TEXT)")


@pytest.mark.parametrize("make", [
    lambda p: p.write_bytes(b"this is not a database at all" * 100),
    lambda p: p.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000),
    lambda p: p.write_text("document:\n  article: a.txt\nclaims: []\n", encoding="utf-8"),
    _sqlite_file,
    lambda p: p.mkdir(),
], ids=["text", "damaged-sqlite", "claims-file", "other-sqlite", "folder"])
def test_a_file_crosscheck_did_not_create_is_refused_and_left_untouched(corpus, tmp_path, run_cli, make):
    target = tmp_path / "c.db"
    make(target)
    before = sorted((p.name, p.read_bytes() if p.is_file() else b"") for p in tmp_path.iterdir())
    with pytest.raises(CrosscheckError, match="not a crosscheck cache|a folder"):
        ClaimsCache(target)
    for command in (["check", "news", "--cache", str(target)], ["cache", "clear", "news", "--cache", str(target)]):
        result = run_cli(*command)
        assert result.code == 2 and "left untouched" in result.err and len(result.err.strip().splitlines()) == 1
    assert sorted((p.name, p.read_bytes() if p.is_file() else b"") for p in tmp_path.iterdir()) == before


def test_tampered_payload_is_a_miss(corpus, tmp_path):
    db = tmp_path / "c.db"
    cold, _ = _load(corpus, db)
    with sqlite3.connect(db) as raw:
        raw.execute("UPDATE files SET payload = CAST(replace(payload, '\"amount\":', '\"amount\":9') AS BLOB)")
    warm, fresh = _load(corpus, db)
    assert len(fresh) >= 1
    assert _snapshot(warm) == _snapshot(cold)


def _worker(args: tuple[str, str]) -> int:
    corpus, db = args
    with ClaimsCache(db) as cache:
        return len(load_corpus([corpus], cache=cache).corpus.claims)


def test_concurrent_runs_do_not_corrupt_the_cache(corpus, tmp_path):
    db = tmp_path / "c.db"
    with multiprocessing.get_context("fork").Pool(4) as pool:
        counts = pool.map(_worker, [(str(corpus), str(db))] * 8)
    assert len(set(counts)) == 1
    with sqlite3.connect(db) as raw:
        assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    warm, fresh = _load(corpus, db)
    assert fresh == [] and _snapshot(warm) == _snapshot(load_corpus([corpus]))


def _opened(db: str) -> str | None:
    with ClaimsCache(db) as cache:
        return cache.rebuilt


def test_runs_creating_the_same_cache_at_once_all_use_it_and_none_refuses_it(tmp_path):
    # a run that read the other's tables before its id once took the cache for a foreign file (exit 2)
    with multiprocessing.get_context("fork").Pool(4) as pool:
        for round_ in range(60):
            assert pool.map(_opened, [str(tmp_path / f"c{round_}.db")] * 4) == [None] * 4


def test_cli_no_cache_and_cache_clear(corpus, run_cli):
    assert run_cli("check", "news", "-f", "json", "--no-cache").code in (0, 1)
    assert not (corpus / ".crosscheck").exists()
    assert run_cli("check", "news", "-f", "json").code in (0, 1)
    assert (corpus / ".crosscheck" / "cache.db").exists()
    result = run_cli("cache", "clear", "news")
    assert result.code == 0 and "cleared 6" in result.out


@pytest.mark.parametrize("use_cache", [False, True])
def test_parallel_load_equals_serial_load(corpus, tmp_path, monkeypatch, use_cache):
    bad = _files(corpus, ".claims.yaml")[1]
    bad.write_text(bad.read_text(encoding="utf-8").replace("subject: org-", "subject: Org-", 1), encoding="utf-8")
    serial = load.load_corpus([corpus])
    for _run in range(2 if use_cache else 1):  # with a cache: a cold, then a warm parallel run
        if use_cache:
            with ClaimsCache(tmp_path / "p.db") as cache:
                parallel = load_corpus([corpus], cache=cache, jobs=2)
        else:
            parallel = load_corpus([corpus], jobs=2)
        assert _snapshot(parallel) == _snapshot(serial)
        assert [d.format() for d in parallel.diagnostics] == [d.format() for d in serial.diagnostics]
        assert [d.text for d in parallel.corpus.documents] == [d.text for d in serial.corpus.documents]


class InMemory:
    """A keeper of loaded documents that is not the claims cache: the reuse hook is loading's own seam."""

    def __init__(self) -> None:
        self.kept: dict[tuple[Path, str], object] = {}
        self.fresh: list[str] = []
        self.rounds = 0

    def begin(self, registry_path, registry_text) -> None:
        self.rounds += 1

    def lookup(self, claims_path, claims_text, article):
        return self.kept.get((claims_path, claims_text))

    def loaded(self, fresh) -> None:
        self.fresh.append(fresh.path.name)
        if fresh.clean:
            self.kept[(fresh.path, fresh.claims_text)] = fresh.document

    def finish(self) -> None:
        pass


def test_any_reuse_hook_gets_fresh_documents_and_its_offers_are_taken(corpus):
    keeper = InMemory()
    cold = load.load_corpus([corpus], reuse=keeper)
    assert len(keeper.fresh) == 6
    edited = _files(corpus, ".claims.yaml")[0]
    edited.write_text(edited.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    warm = load.load_corpus([corpus], reuse=keeper)
    assert keeper.rounds == 2 and keeper.fresh[6:] == [edited.name]  # only the edited file loaded again
    assert _snapshot(warm) == _snapshot(cold) == _snapshot(load.load_corpus([corpus]))
