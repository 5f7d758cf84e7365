"""`--since` and `--changed` as a CI gate: the merge base, shared files, refs passed as data, files that must exist."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from test_check_cli import corpus, write_article  # noqa: F401 - `corpus` is a fixture these tests use


@pytest.fixture
def repo(corpus: Path, tmp_path: Path):
    """The corpus committed on `main` (a and b disagree: one CC101), and a branch `feature` checked out from it."""

    def git(*args: str) -> str:
        done = subprocess.run(["git", "-c", "user.email=t@t", "-c", "user.name=t", *args], cwd=tmp_path, check=True,
                              capture_output=True, text=True)
        return done.stdout

    git("init", "-q", "-b", "main")
    git("add", "news")
    git("commit", "-q", "-m", "corpus")
    git("branch", "feature")
    return git


def findings(run_cli, *args: str) -> tuple[int, list[dict]]:
    result = run_cli("check", "news", "-f", "json", *args)
    assert result.code in (0, 1), result.err
    return result.code, json.loads(result.out)["findings"]


def test_since_diffs_against_the_merge_base_not_the_ref(repo, corpus, run_cli):
    (corpus / "a.txt").write_text((corpus / "a.txt").read_text(encoding="utf-8") + "Updated on main.\n", encoding="utf-8")
    repo("commit", "-q", "-am", "main moves on")
    repo("checkout", "-q", "feature")  # the branch changed nothing: what main changed is not its doing
    assert findings(run_cli, "--since", "main") == (0, [])


def test_a_changed_registry_counts_every_finding_as_changed(repo, corpus, run_cli):
    repo("checkout", "-q", "feature")
    with (corpus / "registry.yaml").open("a", encoding="utf-8") as registry:
        registry.write("# reviewed\n")
    code, found = findings(run_cli, "--since", "main")
    assert code == 1 and [f["rule"] for f in found] == ["CC101"]
    assert [f["rule"] for f in findings(run_cli, "--changed", "news/registry.yaml")[1]] == ["CC101"]


def test_a_changed_rule_folder_counts_every_finding_as_changed(corpus, run_cli, tmp_path):
    rules = tmp_path / "house-rules"
    rules.mkdir()
    (rules / "notes.md").write_text("house rules\n", encoding="utf-8")
    code, found = findings(run_cli, "--rules", "house-rules", "--changed", "house-rules/notes.md")
    assert code == 1 and [f["rule"] for f in found] == ["CC101"]


@pytest.mark.parametrize("ref", ["--output=stolen", "-p", ""])
def test_a_ref_that_looks_like_an_option_never_reaches_git_as_one(repo, run_cli, tmp_path, ref):
    result = run_cli("check", "news", "-f", "json", f"--since={ref}")
    assert result.code == 2 and "--since: expected a git ref" in result.err
    assert not (tmp_path / "stolen").exists()


def test_an_unknown_ref_is_a_usage_error(repo, run_cli):
    result = run_cli("check", "news", "-f", "json", "--since", "no-such-branch")
    assert result.code == 2 and result.err.startswith("crosscheck: error: --since no-such-branch:")


def test_changed_naming_a_missing_file_is_a_located_error(corpus, run_cli):
    result = run_cli("check", "news", "-f", "json", "--changed", "news/typo.txt")
    assert result.code == 2
    assert result.err.strip() == "news/typo.txt:1:1: changed-missing: --changed names a file that does not exist (expected an article or claims file)"
