"""Drafts are kept by article text and drafting configuration: an unchanged article is parsed once."""

from __future__ import annotations

import json

from crosscheck.extract.documents import DraftCache, draft_documents

A = "Northwind's revenue came to $3.2 billion in 2021, the company said."
B = "Northwind's revenue came to $3.4 billion in 2021, according to its annual report."


def test_a_second_run_reads_every_draft_back(tmp_path):
    articles = [("a.txt", tmp_path / "a.txt", A), ("b.txt", tmp_path / "b.txt", B)]
    first = DraftCache(tmp_path / "drafts")
    cold = draft_documents(articles, drafts=first)
    assert (first.hits, first.misses) == (0, 2)
    second = DraftCache(tmp_path / "drafts")
    warm = draft_documents(articles, drafts=second)
    assert (second.hits, second.misses) == (2, 0)
    assert [[c.claim for c in d.claims] for d in warm] == [[c.claim for c in d.claims] for d in cold]


def test_a_changed_article_is_drafted_again(tmp_path):
    draft_documents([("a.txt", tmp_path / "a.txt", A)], drafts=DraftCache(tmp_path / "drafts"))
    again = DraftCache(tmp_path / "drafts")
    draft_documents([("a.txt", tmp_path / "a.txt", A + " Costs rose 4%.")], drafts=again)
    assert (again.hits, again.misses) == (0, 1)


def test_check_keeps_drafts_beside_its_cache_and_reports_the_same(run_cli, tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text(A, encoding="utf-8")
    (tmp_path / "b.txt").write_text(B, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    cold = run_cli("check", ".", "-f", "json", "--fail-on", "never")
    assert cold.code == 0, cold.err
    assert len(list((tmp_path / ".crosscheck" / "drafts").glob("*.json"))) == 2
    warm = run_cli("check", ".", "-f", "json", "--fail-on", "never")
    assert json.loads(warm.out)["findings"] == json.loads(cold.out)["findings"]


def test_no_cache_keeps_no_drafts(run_cli, tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text(A, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert run_cli("check", ".", "-f", "json", "--fail-on", "never", "--no-cache").code == 0
    assert not (tmp_path / ".crosscheck" / "drafts").exists()


def test_a_draft_made_by_other_drafting_code_is_not_reused(monkeypatch):
    # an install from a newer commit keeps the version number: the drafting code itself is in the digest
    import os

    from crosscheck.extract import draft_cache, quantities

    source = quantities.__file__
    before = os.stat(source)
    digest = draft_cache.configuration_digest()
    try:
        os.utime(source, ns=(before.st_atime_ns, before.st_mtime_ns + 1_000_000_000))
        draft_cache._drafting_code.cache_clear()
        assert draft_cache.configuration_digest() != digest
    finally:
        os.utime(source, ns=(before.st_atime_ns, before.st_mtime_ns))
        draft_cache._drafting_code.cache_clear()
    assert draft_cache.configuration_digest() == digest
