"""Nothing outside the corpus is read, and odd paths are located errors, never internal ones (issue 19)."""

from __future__ import annotations

import os

import pytest

ARTICLE = "Acme said 5 people were hired.\n"
CLAIMS = """version: 1
document:
  article: {article}
claims:
  - id: c1
    subject: acme
    property: hires
    text: 5 people
    quote: 5 people were hired
    value: {{kind: quantity, amount: 5, unit: person}}
"""


@pytest.fixture
def corpus(tmp_path, monkeypatch):
    news = tmp_path / "news"
    news.mkdir()
    (news / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (news / "a.claims.yaml").write_text(CLAIMS.format(article="a.txt"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return news


def test_a_bare_article_linked_to_a_file_outside_the_corpus_is_not_read(corpus, tmp_path, run_cli):
    secret = tmp_path / "secret.txt"
    secret.write_text("The password is hunter2, said 7 people.\n", encoding="utf-8")
    (corpus / "leak.txt").symlink_to(secret)
    result = run_cli("check", "news", "--no-cache", "-f", "json")
    assert result.code == 2 and "hunter2" not in result.out + result.err
    assert "news/leak.txt:1:1: outside-corpus:" in result.err


def test_a_link_to_another_folder_given_is_inside_the_corpus(corpus, tmp_path, run_cli):
    other = tmp_path / "other"
    other.mkdir()
    (other / "b.txt").symlink_to(corpus / "a.txt")
    assert run_cli("validate", "news", "other").code == 0


def test_a_symlink_loop_is_a_located_error(corpus, run_cli):
    (corpus / "x.claims.yaml").symlink_to("y.claims.yaml")
    (corpus / "y.claims.yaml").symlink_to("x.claims.yaml")
    result = run_cli("validate", "news")
    assert result.code == 2 and "internal error" not in result.err
    assert "news/x.claims.yaml:1:1: file-unreadable:" in result.out


def test_an_article_link_loop_is_a_located_error(corpus, run_cli):
    (corpus / "a.txt").unlink()
    (corpus / "a.txt").symlink_to("a.txt")
    result = run_cli("check", "news", "--no-cache")
    assert result.code == 2 and "internal error" not in result.err


@pytest.mark.parametrize("suffix", [".txt", ".claims.yaml"])
def test_a_file_name_too_long_is_a_located_error(corpus, run_cli, suffix):
    name = "x" * 300 + suffix
    result = run_cli("check", name, "--no-cache")
    assert result.code == 2 and "internal error" not in result.err
    assert f"{name}:1:1:" in result.out + result.err or "no claims files found" in result.err


def test_a_file_name_that_is_not_utf8_is_refused_by_name(corpus, run_cli):
    raw = os.path.join(os.fsencode(corpus), b"c\xff.txt")
    with open(raw, "w", encoding="utf-8") as handle:
        handle.write("Acme said 6 people were hired.\n")
    for args in (["check", "news", "--no-cache"], ["validate", "news"], ["check", os.fsdecode(raw), "--no-cache"]):
        result = run_cli(*args)
        assert result.code == 2 and "internal error" not in result.err
        assert "c\\xff.txt:1:1: file-name: the file name is not valid UTF-8" in result.out + result.err


def test_an_article_name_too_long_in_a_claims_file_is_a_located_error(corpus, run_cli):
    (corpus / "a.claims.yaml").write_text(CLAIMS.format(article="a" + "9" * 400 + ".txt"), encoding="utf-8")
    result = run_cli("validate", "news")
    assert result.code == 2 and "internal error" not in result.err
    assert ".txt:1:1: file-unreadable: cannot read article: File name too long" in result.out
