"""Race times keyed by the performance they time, and margins keyed by what they are the margin of.

Sentences are invented: a runner's time at one race stated two ways must compare, and times of other races,
other runners or other kinds of margin must not.
"""

from __future__ import annotations

import pytest

from crosscheck import check_texts
from crosscheck.extract.draft import draft_claims


def _timings(text: str) -> list[tuple[str, str, str]]:
    """(words, subject, property) of each drafted duration."""
    return [(c.text, c.subject, c.property) for c in draft_claims(text) if c.value.kind == "duration"]


def _keyed(text: str, words: str) -> tuple[str, str]:
    found = [(s, p) for w, s, p in _timings(text) if w == words]
    assert found, _timings(text)
    return found[0]


@pytest.mark.parametrize(("text", "words", "key"), [
    # the performer and the race, whatever the time is called
    ("Lena Varga set a course record of 2:19:40 at the Boston Marathon in April.", "2:19:40",
     ("lena-varga", "race-time.boston.april")),
    ("Varga wins in Rotterdam\n\nLena Varga won the Boston Marathon in 2:19:40 last year.", "2:19:40",
     ("lena-varga", "race-time.boston.last-year")),
    # no race named: the race the article reports
    ("Tomas Berg was second in 2:06:00.", "2:06:00", ("tomas-berg", "race-time")),
    # a record with no race named is keyed by the mark, an old one as previous
    ("Osei beat the previous world record of 2:01:09 held by Tomas Berg.", "2:01:09",
     ("tomas-berg", "race-time.world-record.previous")),
    # a time told against a round figure
    ("Amara Osei finished in just 35 seconds over 2 hours.", "35 seconds over 2 hours", ("amara-osei", "race-time")),
])
def test_a_race_time_is_keyed_by_its_performer_and_race(text, words, key):
    assert _keyed(text, words) == key


@pytest.mark.parametrize(("text", "words", "key"), [
    ("Amara Osei broke the world record by 34 seconds.", "by 34 seconds",
     ("amara-osei", "record-margin.world-record")),
    ("Amara Osei shaved almost a minute off the world record.", "almost a minute",
     ("amara-osei", "record-margin.world-record")),
    ("Amara Osei improved on his own best by 50 seconds.", "by 50 seconds",
     ("amara-osei", "record-margin.personal-best")),
    ("Amara Osei finished 3min 27sec ahead of Tomas Berg.", "3min 27sec", ("amara-osei", "gap.tomas-berg")),
    ("Second place went to Tomas Berg, three minutes and 27 seconds behind Amara Osei.",
     "three minutes and 27 seconds", ("amara-osei", "gap.tomas-berg")),
])
def test_a_margin_is_keyed_by_what_it_is_the_margin_of(text, words, key):
    assert _keyed(text, words) == key


@pytest.mark.parametrize(("text", "amount", "approx"), [
    ("Amara Osei shaved almost a minute off the world record.", 1, "nearly"),
    ("Lena Varga took more than two minutes off the previous women's world record.", 2, "over"),
    ("Amara Osei won by nearly three and a half minutes.", 3.5, "nearly"),
    ("Amara Osei broke the world record by 34 seconds.", 0.5667, "exact"),
])
def test_vague_margins_read_as_intervals(text, amount, approx):
    values = [c.value for c in draft_claims(text) if c.value.kind == "duration"]
    assert [(v.amount, v.approx, v.unit) for v in values] == [(amount, approx, "minute")]


def _findings(texts: dict[str, str]) -> list:
    return [f for f in check_texts(texts).findings if any(c.value and ":" in c.value or "second" in (c.value or "")
                                                          or "minute" in (c.value or "") for c in f.claims)]


def test_one_performance_stated_two_ways_is_compared():
    findings = _findings({
        "a.txt": "Lena Varga won in Rotterdam on Sunday.\n\nAt the Boston race in April, she ran a new course record "
                 "of 2:19:40.",
        "b.txt": "Lena Varga won in Rotterdam on Sunday.\n\nAt the Boston Marathon in April she clocked 2:19:44.",
    })
    assert len(findings) == 1
    assert sorted(c.value for c in findings[0].claims) == ["2:19:40", "2:19:44"]


def test_other_races_and_other_runners_are_not_compared():
    assert _findings({
        "a.txt": "Lena Varga ran 2:19:40 at the Boston Marathon in April. Tomas Berg was second in 2:06:00.",
        "b.txt": "Lena Varga ran 2:21:02 at the Tokyo Marathon in March. Amara Osei was second in 2:07:30.",
    }) == []


def test_a_record_improvement_stated_vaguely_conflicts_and_an_improvement_on_his_own_time_does_not():
    findings = _findings({
        "a.txt": "Amara Osei broke the world record by 34 seconds on Sunday.",
        "b.txt": "Amara Osei shaved almost a minute off the world record on Sunday.",
        "c.txt": "Amara Osei improved on his own best by 50 seconds on Sunday.",
    })
    assert len(findings) == 1
    assert sorted(c.value for c in findings[0].claims) == ["almost a minute", "by 34 seconds"]


def test_a_gap_stated_from_either_runner_agrees():
    assert _findings({
        "a.txt": "Amara Osei finished 3min 27sec ahead of Tomas Berg.",
        "b.txt": "Second place went to Tomas Berg, three minutes and 27 seconds behind Amara Osei.",
    }) == []


@pytest.mark.parametrize("text", [
    "The suspect was caught two hours later, police said. Inspector Dana Holt said the search had ended.",
    "The delegates met two hours ahead of the vote.",
    "The train was delayed by 20 minutes, said Mark Lee.",
    "Crews cut two hours off the journey, Mayor Rosa Linn said.",
])
def test_a_duration_outside_a_race_is_no_margin(text):
    assert not [p for _, _, p in _timings(text) if p.startswith(("gap", "record-margin", "winning-margin"))]


def test_a_time_whose_subject_is_no_runner_is_keyed_by_nobody():
    drafted = draft_claims("Dana Holt spoke at noon. The explosion came at 10:42:05, officials said.")
    assert not [c for c in drafted if c.property.startswith("race-time")]


def test_a_winning_margin_belongs_to_the_runner_named_before():
    text = "Amara Osei won in Boston on Sunday. His winning margin was almost three and a half minutes."
    assert _keyed(text, "almost three and a half minutes") == ("amara-osei", "winning-margin")
