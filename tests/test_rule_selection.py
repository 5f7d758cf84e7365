"""Rule selection and severity from the configuration and the flags; --show-files; an article read from standard input."""

from __future__ import annotations

import io
import json

import pytest

from test_check_cli import corpus, write_article  # noqa: F401 - `corpus` is a fixture these tests use


def rules_fired(run_cli, *args: str) -> tuple[int, list[tuple[str, str]]]:
    result = run_cli("check", "news", "-f", "json", *args)
    assert result.code in (0, 1), result.err
    return result.code, [(f["rule"], f["severity"]) for f in json.loads(result.out)["findings"]]


@pytest.fixture
def two_rules(corpus):
    """a and b disagree on the figure (CC101, error) and on the quote's words (CC501, warning)."""
    write_article(corpus, "a", "nearly 600", 600, "nearly", words="We grow every year", quoted=True)
    write_article(corpus, "b", "600+", 600, "at_least", words="We grow each year", quoted=True)
    return corpus


def test_select_and_ignore_in_the_config(two_rules, run_cli, tmp_path):
    assert rules_fired(run_cli) == (1, [("CC101", "error"), ("CC501", "warning")])
    (tmp_path / "crosscheck.toml").write_text('select = ["quote"]\n', encoding="utf-8")
    assert rules_fired(run_cli) == (0, [("CC501", "warning")])
    (tmp_path / "crosscheck.toml").write_text('ignore = ["CC5"]\n', encoding="utf-8")
    assert rules_fired(run_cli) == (1, [("CC101", "error")])


def test_select_and_ignore_flags_override_the_config(two_rules, run_cli, tmp_path):
    (tmp_path / "crosscheck.toml").write_text('select = ["quote"]\n', encoding="utf-8")
    assert rules_fired(run_cli, "--select", "CC101,CC501", "--ignore", "quote.words-match") == (1, [("CC101", "error")])


def test_severity_overrides_by_rule(two_rules, run_cli, tmp_path):
    (tmp_path / "crosscheck.toml").write_text('[severity]\nCC101 = "warning"\nquote = "error"\n', encoding="utf-8")
    assert rules_fired(run_cli) == (1, [("CC101", "warning"), ("CC501", "error")])


def test_a_selector_naming_no_rule_is_located_in_the_config(corpus, run_cli, tmp_path):
    (tmp_path / "crosscheck.toml").write_text('fail-on = "error"\nignore = ["CC11"]\n', encoding="utf-8")
    result = run_cli("check", "news")
    assert result.code == 2
    assert result.err.strip() == ("crosscheck.toml:2:1: unknown-rule: ignore: 'CC11' names no rule "
                                  "(expected a rule id, id prefix or dotted name from `crosscheck rules`; did you mean 'CC101'?)")


def test_show_files_lists_what_a_check_reads(corpus, run_cli):
    (corpus / "c.txt").write_text("An article without a claims file.\n", encoding="utf-8")
    result = run_cli("check", "news", "--show-files")
    assert result.code == 0
    assert result.out.splitlines() == ["news/a.claims.yaml", "news/b.claims.yaml", "news/c.txt", "news/registry.yaml"]


def test_an_article_from_standard_input_is_checked_under_its_name_against_its_folder(corpus, run_cli, monkeypatch):
    (corpus / "b.claims.yaml").unlink()
    (corpus / "b.txt").unlink()
    monkeypatch.setattr("sys.stdin", io.StringIO("The Harbour Research Institute now works with 600+ companies.\n"))
    result = run_cli("check", "-", "--stdin-name", "news/new.txt", "-f", "json")
    assert result.code == 1, result.err
    [finding] = json.loads(result.out)["findings"]
    assert finding["rule"] == "CC101" and {c["document"] for c in finding["claims"]} == {"news/a.txt", "news/new.txt"}


def test_standard_input_needs_a_name(corpus, run_cli, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO("text\n"))
    result = run_cli("check", "-")
    assert result.code == 2 and "needs --stdin-name NAME" in result.err
