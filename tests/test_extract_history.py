"""Drafting reads history claims ("the first annual loss since 2009", "its first title ever", "the previous
strike in 2017") as claims of their own kind, keyed by the event, and two articles whose histories of one
event cannot both hold get a finding; histories of different things, and sentences that name no event, do not."""

from __future__ import annotations

import pytest

from crosscheck import check_texts
from crosscheck.extract.draft import draft_claims
from crosscheck.model.values import HistoryValue


def _histories(text: str, published: str | None = "2025-02-03") -> list[tuple[str, str, dict]]:
    """(subject, property, value fields) of each drafted history."""
    return [(c.subject, c.property, c.value.model_dump(exclude_defaults=True, exclude={"kind"}))
            for c in draft_claims(text, published=published) if isinstance(c.value, HistoryValue)]


@pytest.mark.parametrize(("text", "expected"), [
    ("The bakery chain reported its first annual loss since 2009.",
     [("article", "previous-annual-loss", {"since": "2009"})]),
    ("It was the company’s first quarterly loss ever.",
     [("article", "previous-quarterly-loss", {"ever": True})]),
    ("Ferrovia’s first strike on record, which began at dawn, stopped trains.",
     [("ferrovia", "previous-strike", {"ever": True})]),
    ("Orders fell 4%, the first monthly drop since at least 2018.",
     [("article", "previous-monthly-drop", {"since": "2018", "at_least": True})]),
    ("Ticket sales saw the first annual fall in attendance since 2012, the league said.",
     [("article", "previous-annual-fall", {"since": "2012", "of": "attendance"})]),
    ("The airline posted its first-ever quarterly loss, and shares fell.",
     [("article", "previous-quarterly-loss", {"ever": True})]),
    # a named owner is the subject
    ("Northwind's first dividend cut since March 2020 surprised investors.",
     [("northwind", "previous-dividend-cut", {"since": "2020-03"})]),
    # a gap counted back from the article's date, a year (or a month) either side as writers round
    ("Workers began the first strike at the mill in 30 years.",
     [("article", "previous-strike", {"since": "1994", "end": "1996", "of": "the mill"})]),
    ("Retail sales posted the first monthly drop in 18 months, the agency said.",
     [("article", "previous-monthly-drop", {"since": "2023-07", "end": "2023-09"})]),
    ("It was the first eruption in more than a decade.",
     [("article", "previous-eruption", {"since": "2015", "at_least": True})]),
    # the previous event dated
    ("The previous strike in 2017 lasted nine days.", [("article", "previous-strike", {"since": "2017"})]),
    ("Its last title, in 2016, came after a penalty shoot-out.", [("article", "previous-title", {"since": "2016"})]),
    ("The last eruption was in 1998.", [("article", "previous-eruption", {"since": "1998"})]),
])
def test_histories_are_drafted_with_their_event_and_the_year_before(text, expected):
    assert _histories(text) == expected


@pytest.mark.parametrize("text", [
    "For the first time since 2008, the river froze over.",      # no event named
    "She became the first woman since 1990 to win the race.",     # a clause, not an event
    "It was the first quarter since 2019 with a loss.",           # a period, not an event
    "Profit in the previous year was $4 million.",                # a period
    "The council expects the first payments since 2027 to arrive soon.",  # a year after the article's
    "He ran the first leg ever recorded by the team in under an hour.",    # no end of the phrase: a clause goes on
    "She was the first-ever winner to defend the title.",                  # a clause, not an event
    "She became the first woman in 40 years to lead the party.",          # a clause, not an event
    "The last two elections in 2019 and 2022 were close.",                 # two events, not one
])
def test_sentences_that_name_no_event_draft_no_history(text):
    assert _histories(text) == []


@pytest.mark.parametrize(("text", "subject"), [
    # the name before the event in its sentence owns it
    ("Analysts said BYD posted its first annual decline since 2015.", "byd"),
    ("Markets close lower\nInvestors sold Northwind shares.\nNorthwind posted its first annual loss since 2009.", "northwind"),
    # unless the title names it: the story's own subject, which other articles may leave unnamed
    ("Northwind results disappoint\nNorthwind's first annual loss since 2009 hit the shares.", "article"),
    ("Northwind results disappoint\nShares fell after Northwind posted its first annual loss since 2009.", "article"),
    # a period or a capitalised first word is no owner
    ("Sales in Q4 marked the first quarterly decline since 2016.", "article"),
    ("Worldwide sales saw the first annual decline since 2016.", "article"),
])
def test_a_history_is_owned_by_the_name_before_it_unless_the_story_is_about_it(text, subject):
    assert [s for s, _, _ in _histories(text)] == [subject]


def _findings(a: str, b: str) -> list[tuple[str, str]]:
    report = check_texts({"a.txt": a, "b.txt": b})
    return [(f.rule, f.property) for f in report.findings if f.property.startswith("previous-")]


@pytest.mark.parametrize(("a", "b", "expected"), [
    # none before cannot hold with one before in 2009; only one says what the losses are of: info (CC707)
    ("Acme posted its first annual loss ever.",
     "The result was the first annual loss in revenue since 2009, analysts said.",
     [("CC707", "previous-annual-loss")]),
    # both dated, differently
    ("The walkout is the first strike since 2017.", "The previous strike was in 2014.",
     [("CC706", "previous-strike")]),
    # a record that starts in 2018 agrees with an earlier previous one, and with none at all
    ("The first monthly drop since at least 2018 worried traders.", "It was the first monthly drop since 2011.", []),
    ("The first monthly drop since at least 2018 worried traders.", "It was the first monthly drop ever.", []),
    # the same year, by month and by year
    ("The previous strike in March 2017 lasted nine days.", "The walkout is the first strike since 2017.", []),
    # histories of different things are different facts
    ("It was the first annual fall in attendance since 2012.", "It was the first annual fall in revenue ever.", []),
    # different events
    ("It was the first annual loss since 2009.", "It was the first quarterly loss ever.", []),
    # a gap of years against a year: 30 years before 2024 fits 1994, not 2010
    ("LISBON, May 6, 2024 — The walkout is the first strike in 30 years.",
     "LISBON, May 7, 2024 — The walkout is the first strike since 1994.", []),
    ("LISBON, May 6, 2024 — The walkout is the first strike in 30 years.",
     "LISBON, May 7, 2024 — The walkout is the first strike since 2010.", [("CC706", "previous-strike")]),
])
def test_histories_of_one_event_are_compared(a, b, expected):
    assert _findings(a, b) == expected


def test_a_drafted_history_of_an_unnamed_owner_is_at_most_a_warning():
    report = check_texts({"a.txt": "The walkout is the first strike since 2017.", "b.txt": "The previous strike was in 2014."})
    (finding,) = [f for f in report.findings if f.rule == "CC706"]
    assert finding.severity == "warning"
    assert "2017" in finding.explanation and "2014" in finding.explanation
