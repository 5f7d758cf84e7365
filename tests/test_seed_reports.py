"""Every report format on the seed corpus with the real engine: snapshots, schemas, and the CI gate on a new article."""

from __future__ import annotations

import json
import shutil

import pytest

from conftest import ROOT
from test_reporters import report_validator, sarif_validator

FORMATS = ["rich", "markdown", "json", "sarif", "github"]


@pytest.fixture
def in_root(monkeypatch):
    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("NO_COLOR", raising=False)
    for name in ("FORMAT", "FAIL_ON", "BASELINE", "PATHS", "RULES", "REGISTRY", "LINK_BASE"):
        monkeypatch.delenv(f"CROSSCHECK_{name}", raising=False)


@pytest.mark.parametrize("fmt", FORMATS)
def test_seed_report_snapshot(in_root, run_cli, fmt, file_regression):
    result = run_cli("check", "seeds", "--format", fmt, "--no-color", "--width", "100", "--link-base", "https://example.org/news/blob/main")
    assert result.code == 1, result.err  # the seeds hold at least one real disagreement at error level
    file_regression.check(result.out, basename=f"seeds_{fmt}", extension=".txt")


def test_seed_json_and_sarif_validate(in_root, run_cli):
    report = json.loads(run_cli("check", "seeds", "--format", "json").out)
    assert list(report_validator().iter_errors(report)) == []
    assert report["summary"]["error"] >= 1
    for finding in report["findings"]:
        assert finding["fingerprint"] and finding["claims"]
        for claim in finding["claims"]:
            assert claim["document"].startswith("seeds/") and claim["line"] >= 1 and claim["column"] >= 1
    sarif = json.loads(run_cli("check", "seeds", "--format", "sarif").out)
    assert list(sarif_validator().iter_errors(sarif)) == []
    assert len(sarif["runs"][0]["results"]) == len(report["findings"])


NEW_ARTICLE = "Shanghai (Wire) — The Delta's national innovation center now runs joint innovation centers with 450 leading companies.\n"
NEW_CLAIMS = """version: 1
document:
  article: 900_new.txt
  title: Delta centre partners
claims:
  - id: partners
    subject: yrd-national-innovation-center
    property: partner-companies
    text: "450"
    quote: joint innovation centers with 450 leading companies
    value: {kind: quantity, amount: 450, unit: company}
"""


def test_contradicting_new_article_fails_the_gate_with_only_its_findings(tmp_path, monkeypatch, run_cli):
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    shutil.copytree(ROOT / "schemas", tmp_path / "schemas")
    monkeypatch.chdir(tmp_path)
    before = json.loads(run_cli("check", "seeds", "--format", "json").out)
    (tmp_path / "seeds" / "900_new.txt").write_text(NEW_ARTICLE, encoding="utf-8")
    (tmp_path / "seeds" / "900_new.claims.yaml").write_text(NEW_CLAIMS, encoding="utf-8")
    result = run_cli("check", "seeds", "--format", "json", "--changed", "seeds/900_new.txt")
    assert result.code == 1, result.err
    findings = json.loads(result.out)["findings"]
    assert findings and all(any(c["document"] == "seeds/900_new.txt" for c in f["claims"]) for f in findings)
    assert {f["rule"] for f in findings} == {"CC101"}
    everything = json.loads(run_cli("check", "seeds", "--format", "json").out)["findings"]
    involving_new = [f["fingerprint"] for f in everything if any(c["document"] == "seeds/900_new.txt" for c in f["claims"])]
    assert [f["fingerprint"] for f in findings] == involving_new  # compared with the whole corpus, nothing else shown
    # the new figure is one more position of the fact already in dispute, not a finding per article it contradicts
    assert len(everything) == len(before["findings"])
    (partners,) = findings
    assert [p["value"] for p in partners["positions"]] == ["450", "nearly 600", "600+"]  # the changed article first
    assert partners["view"].startswith("this article (seeds/900_new.txt) says '450'")
    assert "'450' (seeds/900_new.txt)" in partners["message"]  # the message is the changed article's clash, not the old one
    assert partners["conflicts"][0]["positions"] == [0, 1]
    unchanged = run_cli("check", "seeds", "--format", "json", "--changed", "seeds/000_7a62f7c734be23ae.txt", "--fail-on", "error")
    assert all(any(c["document"] == "seeds/000_7a62f7c734be23ae.txt" for c in f["claims"]) for f in json.loads(unchanged.out)["findings"])
