"""Reports that scale: a pull-request comment's size limit, `--max-findings`, `--quiet`/`--verbose`, and
baselines that match from any working directory."""

from __future__ import annotations

import json
import shutil

import pytest

from conftest import DATA, ROOT
from crosscheck.reporters import PR_COMMENT_LIMIT

YEARS = range(1800, 2000)


def _article(folder, stem: str, partners: str, amount: int, approx: str) -> None:
    """An article stating the institute's partner companies in each of 200 years, one sentence a year."""
    lines = [f"In {year}, the institute worked with {partners} companies." for year in YEARS]
    (folder / f"{stem}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    claims = [
        f"  - id: partners-{year}\n    subject: harbour-institute\n    property: partner-companies\n"
        f"    text: {json.dumps(partners)}\n    quote: worked with {partners} companies\n    scope: {{as_of: '{year}'}}\n"
        f"    value: {{kind: quantity, amount: {amount}, approx: {approx}, unit: company}}\n"
        for year in YEARS
    ]
    (folder / f"{stem}.claims.yaml").write_text(
        f"version: 1\ndocument:\n  article: {stem}.txt\n  publisher: Harbour Wire\n  published: '2025-03-04'\nclaims:\n" + "".join(claims),
        encoding="utf-8",
    )


@pytest.fixture
def many(tmp_path, monkeypatch):
    """Two articles that disagree about the same figure in 200 different years: 200 findings."""
    root = tmp_path / "news"
    root.mkdir()
    shutil.copy(DATA / "invalid" / "registry.yaml", root / "registry.yaml")
    _article(root, "a", "nearly 600", 600, "nearly")
    _article(root, "b", "600+", 600, "at_least")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NO_COLOR", raising=False)
    for name in ("FORMAT", "FAIL_ON", "BASELINE", "PATHS", "RULES", "REGISTRY", "LINK_BASE"):
        monkeypatch.delenv(f"CROSSCHECK_{name}", raising=False)
    return root


def test_markdown_fits_a_pull_request_comment_and_says_where_the_rest_is(many, run_cli):
    result = run_cli("check", "news", "-f", "markdown", "--full-report", "the crosscheck-report artifact of this run")
    assert result.code == 1
    assert len(result.out) <= PR_COMMENT_LIMIT
    assert result.out.startswith("## crosscheck report\n\n| Documents |")  # the summary table first
    shown = result.out.count("<sub>fingerprint")
    assert 0 < shown < len(YEARS)
    assert f"**{len(YEARS) - shown} more findings not shown** ({len(YEARS) - shown} errors, 0 warnings, 0 info;" in result.out
    assert result.out.rstrip().endswith("The full report: the crosscheck-report artifact of this run.")
    whole = run_cli("check", "news", "-f", "markdown", "--max-chars", "0").out
    assert whole.count("<sub>fingerprint") == len(YEARS) and "not shown" not in whole


def test_markdown_names_outlet_and_date_and_the_scope_of_a_filtered_run(many, run_cli):
    result = run_cli("check", "news", "-f", "markdown", "--changed", "news/b.txt", "--max-findings", "1")
    assert "**Scope:** only findings involving the 1 changed article, compared with the whole corpus: news/b.txt." in result.out
    assert "news/a.txt:1 (Harbour Wire, 2025-03-04)" in result.out
    assert "**Changed article:** this article \\(news/b.txt\\) says '600+'" in result.out
    assert f"**{len(YEARS) - 1} more findings not shown** ({len(YEARS) - 1} errors, 0 warnings, 0 info; `--max-findings 1`)" in result.out


def test_rich_prints_the_summary_first_and_counts_what_max_findings_leaves_out(many, run_cli):
    result = run_cli("check", "news", "--max-findings", "3", "--no-color", "--width", "100")
    lines = result.out.splitlines()
    assert lines[0] == "2 documents · 400 claims · 200 errors · 0 warnings · 0 info · 0 waived"
    assert result.out.count(" ERROR ") == 3
    assert lines[-1] == "197 more findings not shown (--max-findings 3): 197 errors, 0 warnings, 0 info"


def test_quiet_prints_nothing_on_standard_error_and_verbose_prints_each_step(many, run_cli):
    (many / "notes.txt").write_text("An article with no claims file and nothing to draft.\n", encoding="utf-8")
    quiet = run_cli("check", "news", "-f", "json", "--no-draft", "-q")
    assert quiet.code == 1 and quiet.err == ""
    verbose = run_cli("check", "news", "-f", "json", "--no-cache", "-v")
    steps = verbose.err.splitlines()
    assert steps[0].startswith("crosscheck: reading the settings: ") and steps[-1].startswith("crosscheck: done in ")
    assert any(line.startswith("crosscheck: loading claims: ") for line in steps)
    assert json.loads(verbose.out)["summary"]["error"] == len(YEARS)  # the report itself is unchanged


def test_a_baseline_written_at_the_root_matches_a_run_from_the_corpus_folder(tmp_path, monkeypatch, run_cli):
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)
    assert run_cli("baseline", "seeds", "-o", "baseline.json").code == 0
    monkeypatch.chdir(tmp_path / "seeds")
    result = run_cli("check", ".", "-f", "json", "--baseline", "../baseline.json")
    report = json.loads(result.out)
    assert result.code == 0 and report["findings"] == [] and report["summary"]["waived"] == 5
    assert run_cli("baseline", ".", "-o", "../again.json").code == 0  # the same file, whichever folder writes it
    assert (tmp_path / "again.json").read_text(encoding="utf-8") == (tmp_path / "baseline.json").read_text(encoding="utf-8")
