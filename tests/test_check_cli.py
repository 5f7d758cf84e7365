"""`crosscheck check`, `baseline` and `config` end to end: config, loading, waivers, baseline,
--changed, reporters and exit status, on a small corpus whose articles disagree on one figure
("nearly 600" and "600+" partner companies: CC101, an error)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import DATA

REGISTRY = (DATA / "invalid" / "registry.yaml").read_text(encoding="utf-8")


ARTICLE = "Harbour City (Wire) — The institute now works with {partners} companies.\n\"{words},\" said Dana Reyes.\n"
CLAIMS = """version: 1
document:
  article: {stem}.txt
  title: Harbour institute {stem}
claims:
  - id: partners
    subject: harbour-institute
    property: partner-companies
    text: {partners}
    quote: now works with {partners} companies
    value: {{kind: quantity, amount: {amount}, approx: {approx}, unit: company}}
{waive}"""
QUOTE = """  - id: growth
    subject: dana-reyes
    property: quote.growth
    text: {words}
    quote: '"{words}," said Dana Reyes'
    value: {{kind: quote, speaker: dana-reyes, words: {words}}}
"""


def write_article(folder: Path, stem: str, partners: str, amount: int, approx: str, *, words: str = "We grow", waive: str = "",
                  quoted: bool = False) -> Path:
    """An article and its claims file: the partner companies, and (`quoted`) the director's quote."""
    (folder / f"{stem}.txt").write_text(ARTICLE.format(partners=partners, words=words), encoding="utf-8")
    path = folder / f"{stem}.claims.yaml"
    quote = QUOTE.format(words=words) if quoted else ""
    path.write_text(CLAIMS.format(stem=stem, partners=partners, amount=amount, approx=approx, waive=waive) + quote, encoding="utf-8")
    return path


@pytest.fixture
def corpus(tmp_path, monkeypatch):
    """A three-article corpus: a and b agree with each other's key but disagree in wording, c is new and contradicts."""
    root = tmp_path / "news"
    root.mkdir()
    (root / "registry.yaml").write_text(REGISTRY, encoding="utf-8")
    write_article(root, "a", "nearly 600", 600, "nearly")
    write_article(root, "b", "600+", 600, "at_least")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NO_COLOR", raising=False)
    for name in ("FORMAT", "FAIL_ON", "BASELINE", "PATHS", "RULES", "REGISTRY", "LINK_BASE"):
        monkeypatch.delenv(f"CROSSCHECK_{name}", raising=False)
    return root


def test_finding_at_error_exits_1_and_reports_it(corpus, run_cli):
    result = run_cli("check", "news", "--no-color", "--width", "100")
    assert result.code == 1, result.err
    assert "news/a.txt:1:" in result.out and "news/b.txt:1:" in result.out
    assert "2 documents · 2 claims · 1 error" in result.out


@pytest.mark.parametrize(
    ("fail_on", "code"), [("error", 1), ("warning", 1), ("info", 1), ("never", 0)]
)
def test_fail_on_thresholds_with_an_error(corpus, run_cli, fail_on, code):
    assert run_cli("check", "news", "--format", "json", "--fail-on", fail_on).code == code


def test_clean_corpus_exits_0(corpus, run_cli):
    (corpus / "b.claims.yaml").unlink()
    (corpus / "b.txt").unlink()  # else b.txt would be drafted and compared
    assert run_cli("check", "news", "-f", "json").code == 0


def test_warning_only_passes_default_gate_but_fails_fail_on_warning(corpus, run_cli):
    write_article(corpus, "a", "nearly 600", 600, "nearly", words="We grow every year", quoted=True)
    write_article(corpus, "b", "nearly 600", 600, "nearly", words="We grow each year", quoted=True)  # CC501, a warning
    assert [f["severity"] for f in json.loads(run_cli("check", "news", "-f", "json").out)["findings"]] == ["warning"]
    assert run_cli("check", "news", "-f", "json").code == 0
    assert run_cli("check", "news", "-f", "json", "--fail-on", "warning").code == 1


def test_invalid_input_exits_2_with_located_error_and_no_traceback(corpus, run_cli):
    (corpus / "b.claims.yaml").write_text("version: 1\ndocument: [\n", encoding="utf-8")
    result = run_cli("check", "news")
    assert result.code == 2
    assert "news/b.claims.yaml:" in result.err and "Traceback" not in result.err


@pytest.mark.parametrize(
    "args",
    [["--format", "sarfi"], ["--fail-on", "sometimes"], ["--baseline", "missing.json"], ["--since", "no-such-ref"]],
    ids=["unknown-format", "bad-fail-on", "missing-baseline", "bad-git-ref"],
)
def test_usage_errors_exit_2(corpus, run_cli, args):
    result = run_cli("check", "news", *args)
    assert result.code == 2
    assert "Traceback" not in result.err


def test_no_documents_exits_2(tmp_path, run_cli, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run_cli("check", ".")
    assert result.code == 2 and "no claims files" in result.err


def test_output_file_is_written_whole(corpus, run_cli, tmp_path):
    result = run_cli("check", "news", "-f", "json", "-o", "report.json")
    assert result.code == 1 and result.out == ""
    data = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert data["summary"]["error"] == 1
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".report.json")] == []


def test_an_unwritable_output_is_a_one_line_error_naming_it(corpus, run_cli):
    result = run_cli("check", "news", "-f", "json", "-o", "missing-folder/report.json")
    assert result.code == 2 and "Traceback" not in result.err
    assert result.err.strip().splitlines() == [
        "missing-folder/report.json:1:1: output: cannot write the file: No such file or directory "
        "(expected a writable path in an existing folder)"
    ]


def test_a_report_that_fails_halfway_leaves_the_previous_one(corpus, run_cli, tmp_path, installed_plugins):
    assert run_cli("check", "news", "-f", "json", "-o", "report.json").code == 1
    before = (tmp_path / "report.json").read_bytes()
    installed_plugins("crosscheck.reporters", {"diskfull": "diskfull_reporter:render"}, modules={"diskfull_reporter": (
        "def render(report, out, options):\n"
        "    out.write('{\"version\": \"1.0\", \"findings\": [')\n"
        "    raise OSError(28, 'No space left on device')\n"
    )})
    result = run_cli("check", "news", "-f", "diskfull", "-o", "report.json")
    assert result.code == 2 and "report.json:1:1: output: cannot write the file: No space left on device" in result.err
    assert (tmp_path / "report.json").read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".report.json")] == []


@pytest.mark.parametrize(("raised", "code", "message"), [
    ("RuntimeError('boom')", 3, "crosscheck: internal error: RuntimeError: boom (this is a bug; rerun with CROSSCHECK_DEBUG=1 for a traceback)"),
    ("KeyboardInterrupt()", 130, "crosscheck: interrupted"),
], ids=["internal-error", "interrupted"])
def test_a_crash_or_an_interrupt_is_one_line_and_its_own_exit_status(corpus, run_cli, installed_plugins, monkeypatch, raised, code, message):
    monkeypatch.delenv("CROSSCHECK_DEBUG", raising=False)
    installed_plugins("crosscheck.reporters", {"crash": "crash_reporter:render"},
                      modules={"crash_reporter": f"def render(report, out, options):\n    raise {raised}\n"})
    result = run_cli("check", "news", "-f", "crash")
    assert (result.code, result.err.strip().splitlines()) == (code, [message])


def test_changed_reports_only_findings_with_the_new_article(corpus, run_cli):
    write_article(corpus, "c", "nearly 600", 600, "nearly")  # agrees with a, contradicts b
    everything = json.loads(run_cli("check", "news", "-f", "json").out)
    assert len(everything["findings"]) == 1  # one fact in dispute: a and c against b
    assert [p["documents"] for p in everything["findings"][0]["positions"]] == [["news/a.txt", "news/c.txt"], ["news/b.txt"]]
    result = run_cli("check", "news", "-f", "json", "--changed", "news/c.txt")
    assert result.code == 1
    (finding,) = json.loads(result.out)["findings"]
    assert finding["fingerprint"] == everything["findings"][0]["fingerprint"]
    assert finding["view"].startswith("this article (news/c.txt) says 'nearly 600'")  # it leads with the changed article
    assert finding["view"].endswith("the corpus says '600+' ([600, ∞) company; 1 article)")


def test_changed_claims_file_maps_to_its_article_and_unrelated_change_passes(corpus, run_cli):
    write_article(corpus, "c", "nearly 600", 600, "nearly")
    via_claims = json.loads(run_cli("check", "news", "-f", "json", "--changed", "news/c.claims.yaml").out)
    assert len(via_claims["findings"]) == 1
    (corpus / "README.md").write_text("notes\n", encoding="utf-8")
    unrelated = run_cli("check", "news", "-f", "json", "--changed", "news/README.md")
    assert unrelated.code == 0 and json.loads(unrelated.out)["findings"] == []


def test_changed_article_outside_the_given_paths_is_loaded_and_compared(corpus, run_cli, tmp_path):
    incoming = tmp_path / "incoming"
    incoming.mkdir()
    write_article(incoming, "d", "nearly 600", 600, "nearly")
    shutil.copy(corpus / "registry.yaml", incoming / "registry.yaml")
    result = run_cli("check", "news", "-f", "json", "--changed", "incoming/d.claims.yaml")
    findings = json.loads(result.out)["findings"]
    assert result.code == 1 and len(findings) == 1
    assert {c["document"] for c in findings[0]["claims"]} == {"news/a.txt", "news/b.txt", "incoming/d.txt"}
    assert findings[0]["positions"][0]["documents"] == ["incoming/d.txt", "news/a.txt"]  # d restates a, against b


def test_since_git_ref_uses_changed_and_untracked_files(corpus, run_cli, tmp_path):
    def git(*args: str) -> None:
        subprocess.run(["git", *args], cwd=tmp_path, check=True, capture_output=True)

    git("init", "-q")
    git("-c", "user.email=t@t", "-c", "user.name=t", "commit", "-q", "--allow-empty", "-m", "root")
    git("add", "news")
    git("-c", "user.email=t@t", "-c", "user.name=t", "commit", "-q", "-m", "corpus")
    assert json.loads(run_cli("check", "news", "-f", "json", "--since", "HEAD").out)["findings"] == []
    write_article(corpus, "c", "nearly 600", 600, "nearly")  # untracked
    findings = json.loads(run_cli("check", "news", "-f", "json", "--since", "HEAD").out)["findings"]
    assert len(findings) == 1


def test_inline_waiver_hides_the_finding_and_counts_it(corpus, run_cli):
    write_article(corpus, "b", "600+", 600, "at_least", waive="    waive: {rule: CC101, reason: wire copy rounds up}\n")
    result = run_cli("check", "news", "-f", "json")
    data = json.loads(result.out)
    assert result.code == 0 and data["findings"] == [] and data["summary"]["waived"] == 1


def test_baseline_hides_known_findings_and_reports_stale_entries(corpus, run_cli, tmp_path):
    assert run_cli("baseline", "news", "-o", "baseline.json").code == 0
    recorded = json.loads((tmp_path / "baseline.json").read_text(encoding="utf-8"))
    assert [e["rule"] for e in recorded["entries"]] == ["CC101"]
    assert {"fingerprint", "rule", "subject", "property", "message"} <= set(recorded["entries"][0])

    result = run_cli("check", "news", "-f", "json", "--baseline", "baseline.json")
    data = json.loads(result.out)
    assert result.code == 0 and data["findings"] == [] and data["summary"]["waived"] == 1

    write_article(corpus, "b", "nearly 600", 600, "nearly")  # the disagreement is fixed: the entry is stale
    data = json.loads(run_cli("check", "news", "-f", "json", "--baseline", "baseline.json").out)
    assert [(f["rule"], f["rule_name"], f["severity"]) for f in data["findings"]] == [("CC900", "baseline.stale", "info")]
    assert run_cli("check", "news", "-f", "json", "--baseline", "baseline.json", "--fail-on", "info").code == 1


def test_malformed_baseline_is_located(corpus, run_cli, tmp_path):
    (tmp_path / "baseline.json").write_text('{"version": 1,\n "entries": [}', encoding="utf-8")
    result = run_cli("check", "news", "--baseline", "baseline.json")
    assert result.code == 2 and "baseline.json:2:" in result.err


def test_config_file_sets_defaults_and_flags_override(corpus, run_cli, tmp_path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text('[tool.crosscheck]\npaths = ["news"]\nformat = "json"\nfail-on = "never"\n', encoding="utf-8")
    result = run_cli("check")
    assert result.code == 0 and json.loads(result.out)["summary"]["error"] == 1
    assert run_cli("check", "--fail-on", "error").code == 1
    monkeypatch.setenv("CROSSCHECK_FAIL_ON", "error")
    assert run_cli("check").code == 1
    shown = run_cli("config", "--format", "github").out
    assert 'fail_on   = "error"  # env CROSSCHECK_FAIL_ON' in shown
    assert 'format    = "github"  # flag --format' in shown
    assert 'paths     = ["news"]  # pyproject.toml [tool.crosscheck]' in shown


def test_config_found_upward_and_unknown_key_suggests(corpus, run_cli, tmp_path, monkeypatch):
    (tmp_path / "crosscheck.toml").write_text('paths = ["news"]\nfail_onn = "never"\n', encoding="utf-8")
    monkeypatch.chdir(corpus)
    result = run_cli("check")
    assert result.code == 2
    assert "crosscheck.toml:2:1: config-unknown-key" in result.err and "did you mean 'fail_on'" in result.err


def test_config_paths_are_relative_to_the_config_file(corpus, run_cli, tmp_path, monkeypatch):
    (tmp_path / "crosscheck.toml").write_text('paths = ["news"]\nformat = "json"\n', encoding="utf-8")
    monkeypatch.chdir(corpus)
    result = run_cli("check")
    assert result.code == 1
    assert {c["document"] for c in json.loads(result.out)["findings"][0]["claims"]} == {"a.txt", "b.txt"}


@pytest.mark.parametrize("fmt", ["rich", "markdown", "json", "sarif", "github"])
def test_every_format_renders_from_the_cli(corpus, run_cli, fmt):
    result = run_cli("check", "news", "--format", fmt, "--no-color")
    assert result.code == 1 and result.out.strip()
