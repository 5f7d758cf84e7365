"""Reusing a whole check: only when no byte it was computed from changed, and never a wrong report."""

from __future__ import annotations

import json
import os
import sqlite3
import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from crosscheck import cli, speed
from generate import generate


def _age(root: Path) -> None:
    """Date every file a minute back, as files edited before a run are (see reportcache.RACY_NS)."""
    past = time.time() - 60
    for path in root.rglob("*"):
        if path.is_file():
            os.utime(path, (past, past))


@pytest.fixture
def corpus(tmp_path, monkeypatch):
    generate(tmp_path / "news", articles=6, claims=8, shared=0.9, conflicts=0.3, seed=5)
    _age(tmp_path / "news")
    monkeypatch.chdir(tmp_path)
    return tmp_path / "news"


@pytest.fixture
def loads(monkeypatch):
    """Counts the runs that loaded the corpus (a reused report loads nothing), at the speed layer's public entry."""
    calls = []
    original = speed.load_corpus

    def counted(*args, **kwargs):
        calls.append(1)
        return original(*args, **kwargs)

    monkeypatch.setattr(speed, "load_corpus", counted)
    return calls


def _check(capsys, *args: str) -> tuple[int, str]:
    code = cli.main(["check", "news", "-f", "json", "--cache", "c.db", *args])
    return code, capsys.readouterr().out


def _fresh(capsys, *args: str) -> tuple[int, str]:
    code = cli.main(["check", "news", "-f", "json", "--no-cache", *args])
    return code, capsys.readouterr().out


def test_an_unchanged_corpus_reuses_the_report_without_loading(corpus, loads, capsys):
    first = _check(capsys)
    assert json.loads(first[1])["findings"], "the corpus should disagree somewhere"
    second = _check(capsys)
    assert second == first == _fresh(capsys)
    assert len(loads) == 2  # the first cached run and the fresh one; the second cached run loaded nothing


@pytest.fixture
def settled(monkeypatch):
    """Runs start a minute from now, so every file is settled, change times included; counts content hashing."""
    from crosscheck.speed import report_cache as reportcache

    real_now, real_hash = reportcache._now_ns, reportcache._hash_files
    monkeypatch.setattr(reportcache, "_now_ns", lambda: real_now() + 60_000_000_000)
    hashed = []

    def counted(paths):
        hashed.append(1)
        return real_hash(paths)

    monkeypatch.setattr(reportcache, "_hash_files", counted)
    return hashed


def test_an_unchanged_corpus_is_recognised_by_stat_signatures_without_reading_it(corpus, loads, settled, capsys):
    first = _check(capsys)
    assert len(settled) == 1  # hashed once, to store the report
    assert _check(capsys) == first
    assert (len(loads), len(settled)) == (1, 1)  # the second run neither loaded nor read a file's contents


def test_a_touched_but_unchanged_file_is_hashed_once_and_the_report_reused(corpus, loads, settled, capsys):
    first = _check(capsys)
    article = sorted(corpus.rglob("*.txt"))[0]
    article.write_bytes(article.read_bytes())  # same bytes, new times
    assert _check(capsys) == first
    assert _check(capsys) == first
    assert (len(loads), len(settled)) == (1, 2)  # one content check after the touch, then signatures again


def test_an_edit_that_keeps_size_and_modification_time_is_still_seen(corpus, loads, settled, capsys):
    _check(capsys)
    claims = sorted(corpus.rglob("*.claims.yaml"))[0]
    before = claims.stat()
    text = claims.read_text(encoding="utf-8")
    swapped = text.replace("a", "b", 1)  # same length, other bytes
    assert swapped != text
    claims.write_text(swapped, encoding="utf-8")
    os.utime(claims, ns=(before.st_atime_ns, before.st_mtime_ns))  # as a tool restoring times would
    assert claims.stat().st_size == before.st_size and claims.stat().st_mtime_ns == before.st_mtime_ns
    assert _check(capsys) == _fresh(capsys)
    assert len(loads) == 3  # the change time gave it away: checked afresh


@pytest.mark.parametrize("target", ["claims", "article", "registry"])
def test_any_edited_input_is_checked_afresh(corpus, loads, capsys, target):
    _check(capsys)
    if target == "registry":
        path = corpus / "registry.yaml"
        path.write_text(path.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    else:
        claims = sorted(corpus.rglob("*.claims.yaml"))[0]
        if target == "claims":  # a figure restated differently: the report must change
            text = claims.read_text(encoding="utf-8")
            claims.write_text(text + "\n", encoding="utf-8")
        else:
            article = next(p for p in sorted(corpus.rglob("*.txt")))
            article.write_text(article.read_text(encoding="utf-8") + "\nOne more sentence.\n", encoding="utf-8")
    _age(corpus)
    before = len(loads)
    assert _check(capsys) == _fresh(capsys)
    assert len(loads) == before + 2


def test_a_new_claims_file_or_another_option_is_another_run(corpus, loads, capsys):
    _check(capsys)
    _check(capsys, "--no-draft")  # another identity: loads again
    assert len(loads) == 2
    source = sorted(corpus.rglob("*.claims.yaml"))[1]
    article = source.with_name(source.name.replace(".claims.yaml", ".txt"))
    copy_article = article.with_name("copy.txt")
    copy_article.write_bytes(article.read_bytes())
    source.with_name("copy.claims.yaml").write_text(
        source.read_text(encoding="utf-8").replace(article.name, copy_article.name), encoding="utf-8"
    )
    _age(corpus)
    assert _check(capsys) == _fresh(capsys)
    assert len(loads) == 4


def test_a_changed_rule_param_is_checked_afresh(corpus, loads, capsys):
    _check(capsys)
    Path("crosscheck.toml").write_text("[params.CC101]\nnearly = 0.5\n", encoding="utf-8")
    changed = _check(capsys)
    assert changed[0] in (0, 1) and changed == _fresh(capsys)
    assert len(loads) == 3


def test_files_edited_just_before_the_run_are_not_trusted_to_a_stored_report(corpus, loads, capsys):
    claims = sorted(corpus.rglob("*.claims.yaml"))[0]
    claims.write_text(claims.read_text(encoding="utf-8") + "\n", encoding="utf-8")  # now: may race the run
    _check(capsys)
    _check(capsys)
    assert len(loads) == 2  # neither run stored its report: the file may have changed while it was read
    _age(corpus)
    _check(capsys)
    _check(capsys)
    assert len(loads) == 3  # settled files: the report is stored and reused


def _stored_payload(db: sqlite3.Connection) -> bytes:
    return b"".join(data for (data,) in db.execute("SELECT data FROM report_parts ORDER BY seq"))


def _store_payload(db: sqlite3.Connection, payload: bytes, *, digest_too: bool) -> None:
    """Replace the stored report's payload by one part; with `digest_too`, a digest that matches it."""
    from crosscheck.speed.claims_cache import digest

    db.execute("DELETE FROM report_parts")
    db.execute("INSERT INTO report_parts SELECT identity, 0, ? FROM reports", (payload,))
    db.execute("UPDATE reports SET parts = 1")
    if digest_too:
        db.execute("UPDATE reports SET payload_hash = ?", (digest(payload),))


def test_a_tampered_report_is_a_miss_never_a_wrong_report(corpus, loads, capsys):
    expected = _check(capsys)
    with sqlite3.connect("c.db") as db:
        forged = json.loads(_stored_payload(db))
        forged["findings"] = []
        _store_payload(db, json.dumps(forged).encode(), digest_too=False)  # the digest no longer matches
    assert _check(capsys) == expected
    assert len(loads) == 2


def test_changed_filter_works_on_a_reused_report(corpus, capsys):
    one = sorted(corpus.rglob("*.txt"))[0]
    first = _check(capsys, "--changed", str(one))
    assert _check(capsys, "--changed", str(one)) == first
    assert _fresh(capsys, "--changed", str(one)) == first


def _pointing_at(index):
    """A stored report whose first finding names the claim at `index` of the stored claims."""

    def forge(payload: bytes) -> bytes:
        stored = json.loads(payload)
        stored["findings"][0]["claims"][0] = index(len(stored["refs"]))
        return json.dumps(stored).encode()

    return forge


@pytest.mark.parametrize(
    "forge",
    [
        lambda payload: b'{"findings": "none"}',
        _pointing_at(lambda refs: refs),  # one past the last stored claim
        _pointing_at(lambda refs: -1),  # would read the last claim if taken as a Python index
    ],
    ids=["not-a-report", "claim-out-of-range", "negative-claim"],
)
def test_a_stored_report_of_the_wrong_shape_is_a_miss_even_with_a_matching_digest(corpus, loads, capsys, forge):
    expected = _check(capsys)
    with sqlite3.connect("c.db") as db:
        _store_payload(db, forge(_stored_payload(db)), digest_too=True)
    assert _check(capsys) == expected
    assert len(loads) == 2


def _report(corpus):
    from crosscheck import engine
    from crosscheck.rules import load_rules

    return engine.check(speed.load_corpus([corpus]).corpus, load_rules())


def test_a_report_is_stored_in_parts_and_reads_back_equal(corpus, loads, capsys, monkeypatch):
    from crosscheck.speed import report_cache as reportcache

    report = _report(corpus)
    assert len(report.findings) > 3
    monkeypatch.setattr(reportcache, "_BATCH", 2)  # several parts of claims and of findings
    assert reportcache._decode(b"".join(reportcache._encode(report))).model_dump_json() == report.model_dump_json()
    first = _check(capsys)
    with sqlite3.connect("c.db") as db:
        assert db.execute("SELECT count(*) FROM report_parts").fetchone()[0] > 4
    assert _check(capsys) == first == _fresh(capsys)
    assert len(loads) == 3  # the report, stored in parts, was reused


@pytest.mark.parametrize("damage", ["drop-part", "swap-parts"])
def test_a_stored_report_with_a_part_missing_or_out_of_place_is_a_miss(corpus, loads, capsys, monkeypatch, damage):
    from crosscheck.speed import report_cache as reportcache

    monkeypatch.setattr(reportcache, "_BATCH", 2)
    expected = _check(capsys)
    with sqlite3.connect("c.db") as db:
        if damage == "drop-part":
            db.execute("DELETE FROM report_parts WHERE seq = 1")
        else:
            db.execute("UPDATE report_parts SET seq = -seq - 1 WHERE seq IN (1, 2)")
            db.execute("UPDATE report_parts SET seq = 2 WHERE seq = -2")
            db.execute("UPDATE report_parts SET seq = 1 WHERE seq = -3")
    assert _check(capsys) == expected
    assert len(loads) == 2


def test_a_payload_sqlite_refuses_is_dropped_not_taken_for_corruption(tmp_path):
    from crosscheck.speed.claims_cache import ClaimsCache, Entry

    with ClaimsCache(tmp_path / "c.db") as store:
        store.put("kept", Entry(b"c", b"r", "a.txt", b"a", b"{}"))
        assert store.commit()
    with ClaimsCache(tmp_path / "c.db") as store:
        store._db.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, 100)  # as a payload over SQLite's 1 GB limit would be
        store.put("too-big", Entry(b"c", b"r", "a.txt", b"a", b"x" * 1000))
        assert not store.commit()
        assert store.get("kept") is not None and store.rebuilt is None
    assert not list(tmp_path.glob("c.db.bad-*"))
