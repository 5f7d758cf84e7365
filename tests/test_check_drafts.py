"""`crosscheck check` drafts claims for articles without a claims file, and marks them as drafted."""

from __future__ import annotations

import json
import shutil

import pytest

from conftest import ROOT

SEEDS = ROOT / "seeds"


def _errors(report: dict) -> set[tuple[str, tuple[str, ...]]]:
    """Error findings as (rule, values as written) — keys differ between drafted and annotated runs."""
    return {(f["rule"], tuple(sorted(c["value"] for c in f["claims"]))) for f in report["findings"] if f["severity"] == "error"}


@pytest.fixture
def annotated(run_cli):
    result = run_cli("check", str(SEEDS), "-f", "json")
    assert result.code in (0, 1), result.err
    return json.loads(result.out)


@pytest.mark.parametrize("keep_registry", [True, False], ids=["registry", "no-registry"])
def test_unannotated_seeds_still_show_the_figure_conflict(keep_registry, annotated, run_cli, tmp_path, monkeypatch):
    for article in SEEDS.glob("*.txt"):
        shutil.copy(article, tmp_path / article.name)
    if keep_registry:
        shutil.copy(SEEDS / "registry.yaml", tmp_path / "registry.yaml")
    monkeypatch.chdir(tmp_path)
    result = run_cli("check", ".", "-f", "json", "--fail-on", "never")
    assert result.code == 0, result.err
    drafted = json.loads(result.out)
    assert drafted["summary"]["drafted"] == drafted["summary"]["claims"] > 0
    assert all(c["drafted"] for f in drafted["findings"] for c in f["claims"])
    # every figure conflict of the annotated run is still reported (at most a warning when matched with low confidence)
    figure_conflicts = {v for rule, v in _errors(annotated) if rule.startswith("CC1")}
    assert figure_conflicts
    found = {tuple(sorted(c["value"] for c in f["claims"])) for f in drafted["findings"] if f["rule"].startswith("CC1")}
    assert figure_conflicts <= found
    # and nothing is an error that the annotated run does not call one
    assert _errors(drafted) <= _errors(annotated)


def test_no_draft_ignores_articles_without_claims(run_cli, tmp_path, monkeypatch):
    for article in SEEDS.glob("*.txt"):
        shutil.copy(article, tmp_path / article.name)
    monkeypatch.chdir(tmp_path)
    result = run_cli("check", ".", "--no-draft", "-f", "json")
    assert result.code == 2
    assert "no claims files found" in result.err


def test_drafted_claims_validate_with_warnings_for_new_ids(run_cli, tmp_path, monkeypatch):
    article = next(SEEDS.glob("002_*.txt"))
    shutil.copy(article, tmp_path / article.name)
    shutil.copy(SEEDS / "registry.yaml", tmp_path / "registry.yaml")
    monkeypatch.chdir(tmp_path)
    assert run_cli("extract", article.name, "-o", f"{article.stem}.claims.yaml").code == 0
    result = run_cli("validate", ".")
    assert result.code == 0, result.out
    assert result.out.splitlines()[-1].startswith("ok: 1 document")
    assert all(": warning: " in line for line in result.out.splitlines()[:-1])
