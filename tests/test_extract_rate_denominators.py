"""A rate's denominator ("2.41 per 100 person-years") is no figure of its own: the drafted claims and the comparison."""

from __future__ import annotations

import json

import pytest

from crosscheck.extract import draft_claims


@pytest.mark.parametrize("text, not_a_figure", [
    ("Background incidence in the study area was 2.41 per 100 person-years.", "100"),
    ("The new line will carry 1,200 riders per 1,000 residents by 2030.", "1,000"),
    ("Infections ran at 3.1 per 10,000 patient-days in the ward.", "10,000"),
])
def test_a_number_after_per_is_no_figure(text, not_a_figure):
    assert not_a_figure not in [c.text for c in draft_claims(text)]


@pytest.mark.parametrize("text, written", [
    ("The measles rate reached 12 cases per 100,000 people.", "12 cases per 100,000 people"),  # the rate itself
    ("Fares rose to $3 per ride.", "$3 per ride"),
])
def test_a_rate_is_still_drafted_whole(text, written):
    assert written in [c.text for c in draft_claims(text)]


def test_two_rates_on_different_denominators_are_not_an_error(run_cli, tmp_path, monkeypatch):
    (tmp_path / "1.txt").write_text("Incidence was 2.41 per 100 person-years. The trial enrolled 5,338 women.\n")
    (tmp_path / "2.txt").write_text("Incidence was 24.1 per 1,000 person-years. The trial enrolled 5,338 women.\n")
    monkeypatch.chdir(tmp_path)
    result = run_cli("check", ".", "-f", "json", "--fail-on", "never", "--no-cache")
    assert result.code == 0, result.err
    assert [f for f in json.loads(result.out)["findings"] if f["severity"] != "info"] == []
