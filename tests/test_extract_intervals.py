"""Intervals between two events ("doubled their lead just 10 minutes later"): the frame, and the comparison."""

from __future__ import annotations

import pytest

from crosscheck.extract import draft_claims
from drafted_checks import check_articles, drafted_claim

claim_of = drafted_claim


def findings(run_cli, tmp_path, monkeypatch, *articles: str) -> list[dict]:
    """Warnings and errors of `crosscheck check` over the articles."""
    return [f for f in check_articles(run_cli, tmp_path, monkeypatch, *articles) if f["severity"] in ("warning", "error")]


@pytest.mark.parametrize("text, written, until, subject", [
    ("Rovers went ahead early and doubled their lead just 12 minutes later.", "12", "goal", None),
    ("Only nine minutes later, Okafor scored again from a corner.", "nine", "goal", None),
    ("City equalised barely three minutes later.", "three", "goal", None),
    ("A second tremor came 14 minutes later.", "14", "tremor-come", None),
    ("The first bus left at noon and the second bus departed 40 minutes later.", "40", "bus-depart", None),
    ("Marta Lind spoke first, and Ivo Brandt replied 20 minutes later.", "20", "reply", "ivo-brandt"),
])
def test_a_count_of_time_before_later_is_the_interval_before_its_clause_s_event(text, written, until, subject):
    claim = claim_of(text, written)
    frame = claim.frame
    assert (frame.measure, frame.qualifiers.get("until"), frame.subject) == ("interval", until, subject)
    assert claim.draft.confidence < 0.6  # which earlier event it counts from is not read


@pytest.mark.parametrize("text", [
    "The talks lasted 40 minutes.",  # a duration, not an interval between two events
    "The hearing resumed after a 20-minute break.",
    "Ten minutes into the match, Rovers had their first corner.",
])
def test_other_counts_of_time_are_no_interval(text):
    assert all(c.frame is None or c.frame.measure != "interval" for c in draft_claims(text))


def test_one_goal_timed_apart_by_two_articles_is_a_warning(run_cli, tmp_path, monkeypatch):
    found = findings(run_cli, tmp_path, monkeypatch,
                     "Rovers scored early. Only nine minutes later, Okafor scored again from a corner.",
                     "Rovers went ahead early and doubled their lead just 12 minutes later.")
    assert [(f["severity"], sorted(c["value"] for c in f["claims"])) for f in found] == [
        ("warning", ["12", "nine"])]


def test_intervals_before_different_events_are_not_compared(run_cli, tmp_path, monkeypatch):
    assert findings(run_cli, tmp_path, monkeypatch,
                    "The quake struck at dawn. A second tremor came 14 minutes later.",
                    "The quake struck at dawn. The first rescue team arrived 40 minutes later.") == []
