"""The exit status from --fail-on, recounting, the baseline file, and which files --changed loads."""

from __future__ import annotations

from pathlib import Path

import pytest

from crosscheck import gate
from crosscheck.errors import CrosscheckError
from crosscheck.gate import baseline
from report_fixtures import empty_report, figure_conflict, missing_scope, name_variant, sample_report


def only(*findings):
    return gate.with_findings(empty_report(), list(findings))


@pytest.mark.parametrize(
    ("report", "fail_on", "code"),
    [
        (only(), "info", 0),
        (only(figure_conflict()), "error", 1),
        (only(figure_conflict()), "never", 0),
        (only(name_variant()), "error", 0),
        (only(name_variant()), "warning", 1),
        (only(name_variant()), "info", 1),
        (only(missing_scope()), "warning", 0),
        (only(missing_scope()), "info", 1),
    ],
)
def test_exit_status(report, fail_on, code):
    assert gate.exit_status(report, fail_on) == code


def test_unknown_fail_on_is_a_usage_error():
    with pytest.raises(CrosscheckError):
        gate.exit_status(empty_report(), "sometimes")


def test_with_findings_recounts_and_adds_waived():
    report = gate.with_findings(sample_report(), [figure_conflict()], waived=2)
    s = report.summary
    assert (s.error, s.warning, s.info, s.waived, s.documents, s.claims) == (1, 0, 0, 3, 5, 118)


def test_baseline_is_sorted_deduplicated_and_round_trips(tmp_path):
    report = sample_report()
    recorded = baseline.from_report(report)
    assert [e.fingerprint for e in recorded.entries] == sorted(f.fingerprint for f in report.findings)
    path = tmp_path / "b.json"
    path.write_text(baseline.dumps(recorded), encoding="utf-8")
    assert baseline.load(path) == recorded
    applied = baseline.apply(report, recorded, "b.json")
    assert applied.findings == [] and applied.summary.waived == report.summary.waived + 4


def test_stale_entry_fingerprint_is_stable():
    recorded = baseline.from_report(sample_report())
    first = baseline.apply(empty_report(), recorded, "b.json")
    second = baseline.apply(empty_report(), recorded, "b.json")
    assert [f.fingerprint for f in first.findings] == [f.fingerprint for f in second.findings]
    assert {f.rule for f in first.findings} == {"CC900"} and first.summary.info == 4


def test_changed_files_are_none_without_changed_or_since_and_listed_with_changed(tmp_path, monkeypatch):
    from crosscheck.gate.changed import changed_files

    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text("An article.\n", encoding="utf-8")
    assert changed_files(None, None) is None
    assert changed_files(["a.txt"], None) == [Path("a.txt")]


def test_a_changed_article_outside_the_checked_paths_is_loaded_too(tmp_path, monkeypatch):
    from crosscheck.gate.changed import paths_to_load

    monkeypatch.chdir(tmp_path)
    for name in ("news/a.txt", "incoming/b.txt", "incoming/b.claims.yaml", "incoming/notes.md"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    changed = [Path("news/a.txt"), Path("incoming/b.txt"), Path("incoming/b.claims.yaml"), Path("incoming/notes.md"), Path("gone.txt")]
    assert paths_to_load(["news"], changed) == ["news", "incoming/b.txt", "incoming/b.claims.yaml"]
