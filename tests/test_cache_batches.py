"""The cache writes a large run's entries in batches, yet still commits them all at once or not at all."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from crosscheck.speed import (
    claims_cache,
    load_corpus,
)
from generate import generate


@pytest.fixture
def corpus(tmp_path, monkeypatch):
    generate(tmp_path / "news", articles=7, claims=4, seed=11)
    monkeypatch.chdir(tmp_path)
    return tmp_path / "news"


def batched(db: Path, **options) -> claims_cache.ClaimsCache:
    """The cache, writing in batches of two rows: several batches for seven files."""
    return claims_cache.ClaimsCache(db, batch_rows=2, **options)


def _rows(db: Path) -> int:
    with sqlite3.connect(db) as raw:
        return raw.execute("SELECT count(*) FROM files").fetchone()[0]


def _snapshot(result):
    return [(c.document, c.claim, c.start, c.end, c.line, c.column) for c in result.corpus.claims]


def test_batches_become_visible_only_at_commit(corpus, tmp_path):
    db = tmp_path / "c.db"
    cache = batched(db)
    for path in sorted(corpus.rglob("*.claims.yaml"))[:5]:
        cache.put(str(path), claims_cache.Entry(b"c", b"r", "a.txt", b"a", b"{}"))
    assert not cache._pending or len(cache._pending) < 2  # written into the open transaction already
    assert _rows(db) == 0  # another connection sees nothing before the commit
    assert cache.commit() is True
    assert _rows(db) == 5
    cache.close()


def test_cold_run_in_batches_then_warm_run_reuses_everything(corpus, tmp_path):
    db = tmp_path / "c.db"
    with batched(db) as cache:
        cold = load_corpus([corpus], cache=cache)
    assert _rows(db) == 7
    with batched(db) as cache:
        cache.put = None  # type: ignore[assignment] - a warm run must not write anything
        warm = load_corpus([corpus], cache=cache)
    assert _snapshot(warm) == _snapshot(cold) == _snapshot(load_corpus([corpus]))


def test_a_busy_database_drops_the_whole_run_and_the_load_is_unaffected(corpus, tmp_path):
    db = tmp_path / "c.db"
    batched(db).close()
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another run is writing
    try:
        with batched(db, busy_ms=50) as cache:
            result = load_corpus([corpus], cache=cache)
            assert cache.commit() is True  # nothing left to write: the refusal was reported once
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert _rows(db) == 0
    assert _snapshot(result) == _snapshot(load_corpus([corpus]))


def test_a_run_killed_mid_write_leaves_the_last_committed_state(corpus, tmp_path):
    import os

    db = tmp_path / "c.db"
    with batched(db) as cache:
        cold = load_corpus([corpus], cache=cache)
    pid = os.fork()
    if pid == 0:  # a run that dies with batches written into its open transaction, and a report half written
        cache = batched(db)
        for i in range(5):
            cache.put(f"doomed-{i}", claims_cache.Entry(b"c", b"r", "a.txt", b"a", b"{}"))

        def parts():
            yield b"{"
            os._exit(1)  # killed between two parts of the report

        cache.put_report(b"identity", b"inputs", b"{}", parts())
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 1
    assert _rows(db) == 7  # what the killed run wrote is gone; the cache before it is intact
    with batched(db) as cache:
        assert cache.rebuilt is None and cache.get_report(b"identity") is None
        cache.put = None  # type: ignore[assignment] - every entry is still valid: nothing to write
        assert _snapshot(load_corpus([corpus], cache=cache)) == _snapshot(cold)
