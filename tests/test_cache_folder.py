"""The cache folder `.crosscheck/` carries its own `.gitignore`, so a `git add .` never commits the cache."""

from __future__ import annotations

import subprocess

from test_check_cli import corpus, write_article  # noqa: F401 - `corpus` is a fixture these tests use


def test_the_cache_folder_is_ignored_by_git(corpus, run_cli, tmp_path):
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    assert run_cli("check", "news", "-f", "json").code == 1
    assert (corpus / ".crosscheck" / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"
    untracked = subprocess.run(["git", "status", "--porcelain", "--untracked-files=all"], cwd=tmp_path, check=True,
                               capture_output=True, text=True).stdout
    assert ".crosscheck" not in untracked and "news/a.txt" in untracked


def test_a_cache_file_elsewhere_adds_nothing_beside_it(corpus, run_cli, tmp_path):
    assert run_cli("check", "news", "-f", "json", "--cache", "mine.db").code == 1
    assert not (tmp_path / ".gitignore").exists()


def test_a_gitignore_already_there_is_kept(corpus, run_cli):
    (corpus / ".crosscheck").mkdir()
    (corpus / ".crosscheck" / ".gitignore").write_text("cache.db\n", encoding="utf-8")
    run_cli("check", "news", "-f", "json")
    assert (corpus / ".crosscheck" / ".gitignore").read_text(encoding="utf-8") == "cache.db\n"
