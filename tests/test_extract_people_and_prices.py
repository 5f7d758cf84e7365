"""Held-out news patterns (sentences written for this test): a person's age is a fact of the person; a count
of "passengers and crew" is not a count of passengers; a share price in pre-market and after-hours trading are
two prices; a day written without a year is within half a year of the dateline, whatever the tense nearby."""

from __future__ import annotations

import pytest

from crosscheck.extract import draft_claims
from drafted_checks import alarms, check_articles, drafted_claim

DATELINE = "Final report\n\nLONDON, July 13, 2025 - The final was played on Sunday. "


claim_of = drafted_claim


findings = check_articles




# ------------------------------------------------------------------------------------------------ ages


@pytest.mark.parametrize(("text", "written", "subject"), [
    ("Maria Olsen won the race. The 31-year-old crossed the line first.", "31-year-old", "maria-olsen"),
    ("Tomas Berg lost the final. The 27-year-old Swede said he was tired.", "27-year-old", "tomas-berg"),
    ("Dan Kowalski was jailed. The 45-year-old Ohio man apologised to the court.", "45-year-old", "dan-kowalski"),
    ("Anna Reyes won again. The 25-year-old world No. 2 beat her rival.", "25-year-old", "anna-reyes"),
    ("Anna Reyes, the 25-year-old world No. 2, beat her rival.", "25-year-old", "anna-reyes"),
    ("The 19-year-old Lena Fischer scored twice.", "19-year-old", "lena-fischer"),
    # a dateline opening the lead sentence is no part of it: parsed with it, "Ana Ruiz" was a date and the
    # sentence's person the one she beat
    ("Open final\n\nMADRID, June 8, 2025 - Laura Martinez beat Sofia Jensen in the final on Sunday.\n\n"
     "The 22-year-old lifted the trophy for the first time.", "22-year-old", "laura-martinez"),
])
def test_an_age_is_the_persons(text, written, subject):
    claim = claim_of(text, written)
    assert (claim.frame.measure, claim.frame.subject) == ("age", subject)
    assert (claim.subject, claim.property) == (subject, "age")


@pytest.mark.parametrize(("text", "written"), [
    ("Omar Haddad won. The 23-year-old then beat his 36-year-old rival in the final.", "23-year-old"),
    ("Omar Haddad won. The 23-year-old then beat his 36-year-old rival in the final.", "36-year-old"),
    ("Omar Haddad praised the 64-year-old factory.", "64-year-old"),
    ("Omar Haddad broke the record of the 30-year-old runner.", "30-year-old"),
])
def test_no_age_frame_when_whose_age_is_unclear(text, written):
    frame = claim_of(text, written).frame
    assert frame is None or frame.measure != "age"


def test_two_ages_for_one_person_conflict_and_two_people_do_not(run_cli, tmp_path, monkeypatch):
    one = findings(run_cli, tmp_path / "a", monkeypatch,
                   DATELINE + "Jonas Weber won the title. The 24-year-old beat his rival in four sets.",
                   DATELINE + "Jonas Weber won the title. The 22-year-old had lost in the final last year.")
    assert alarms(one) == [("24-year-old", "22-year-old")]
    two = findings(run_cli, tmp_path / "b", monkeypatch,
                   DATELINE + "Jonas Weber won the title. The 24-year-old beat his rival in four sets.",
                   DATELINE + "Pablo Ruiz lost the final. The 22-year-old had won it last year.")
    assert alarms(two) == []


# ------------------------------------------------------------------------------------ joined counts


@pytest.mark.parametrize(("text", "written", "joined"), [
    ("The ferry, carrying 212 passengers and crew, sank near the coast.", "212", "crew"),
    ("The storm destroyed 40 homes and businesses.", "40", "business"),
    ("The ferry was carrying 204 passengers and eight crew members.", "204", None),
    ("The ferry was carrying 204 passengers.", "204", None),
])
def test_a_count_of_two_things_joined_is_its_own_fact(text, written, joined):
    assert claim_of(text, written).frame.qualifiers.get("with") == joined


def test_passengers_and_crew_against_passengers_is_no_conflict(run_cli, tmp_path, monkeypatch):
    found = findings(run_cli, tmp_path, monkeypatch,
                     DATELINE + "The ferry was carrying 204 passengers and eight crew members when it sank.",
                     DATELINE + "The ferry, carrying 212 passengers and crew, sank near the coast.")
    assert alarms(found) == []
    found = findings(run_cli, tmp_path / "c", monkeypatch,
                     DATELINE + "The ferry was carrying 204 passengers when it sank.",
                     DATELINE + "The ferry was carrying 198 passengers when it sank.")
    assert alarms(found) == [("204", "198")]


# ---------------------------------------------------------------------------------- trading sessions


@pytest.mark.parametrize(("text", "written", "session"), [
    ("Norvale shares rose 6% to $41.20 in pre-market trading.", "$41.20", "pre-market"),
    ("Norvale shares jumped to $41.90 in premarket trade.", "$41.90", "pre-market"),
    ("Norvale shares rose about 7% to $41.35 in after-hours trading.", "$41.35", "after-hours"),
    ("Norvale shares hit $40.10 in extended trading.", "$40.10", "after-hours"),
    ("Norvale shares closed at $38.75.", "$38.75", None),
])
def test_a_share_price_knows_its_session(text, written, session):
    assert claim_of(text, written).frame.qualifiers.get("session") == session


def test_prices_of_two_sessions_do_not_conflict(run_cli, tmp_path, monkeypatch):
    found = findings(run_cli, tmp_path, monkeypatch,
                     DATELINE + "Norvale shares rose 6% to $41.20 in pre-market trading.",
                     DATELINE + "Norvale shares rose about 6% to $41.35 in after-hours trading.")
    assert alarms(found) == []
    found = findings(run_cli, tmp_path / "d", monkeypatch,
                     DATELINE + "Norvale shares rose 6% to $41.20 in pre-market trading.",
                     DATELINE + "Norvale shares rose about 6% to $43.35 in pre-market trading.")
    assert alarms(found) == [("$41.20", "$43.35")]


# ------------------------------------------------------------------------------- days without a year


@pytest.mark.parametrize(("text", "written", "date"), [
    # a future verb elsewhere in the clause does not send a day just past into next year
    ("Brandt will pay $12 a share, a premium of 20% to its closing price on Aug. 2.", "on Aug. 2", "2024-08-02"),
    ("The merger will close on Aug. 30.", "on Aug. 30", "2024-08-30"),  # still ahead: the tense decides
    ("The plant will reopen on Jan. 10.", "on Jan. 10", "2025-01-10"),
    ("The plant reopened on Aug. 2.", "on Aug. 2", "2024-08-02"),
    ("The plant reopened on Dec. 20.", "on Dec. 20", "2023-12-20"),  # a past verb: the last Dec. 20
    ("The plant will reopen on Dec. 20.", "on Dec. 20", "2024-12-20"),
])
def test_a_day_without_a_year_is_within_half_a_year(text, written, date):
    assert claim_of(text, written, published="2024-08-14").value.date == date


# ------------------------------------------------------------------------------------ spreads of a set


@pytest.mark.parametrize(("text", "ends"), [
    ("The court handed down terms that ranged from four years, one of them suspended, to 18 years.",
     [("four years", "sentence.least", 4), ("18 years", "sentence.most", 18)]),
    ("The defendants received sentences of between four and 12 years.",
     [("four", "sentence.least", 4), ("12 years", "sentence.most", 12)]),
    ("Prison terms ranging from two to nine years were imposed.",
     [("two", "sentence.least", 2), ("nine years", "sentence.most", 9)]),
    ("Queues varied between 10 and 40 minutes.", [("10", "queue.least", 10), ("40 minutes", "queue.most", 40)]),
])
def test_a_spread_is_its_least_and_its_most(text, ends):
    drafted = [(c.text, c.property, c.value.amount) for c in draft_claims(text) if c.property.endswith(("least", "most"))]
    assert drafted == ends


@pytest.mark.parametrize("text", [
    "Between 5,000 and 7,000 people fled the city.",  # an uncertain count, not a spread
    "The firm expects to hire 300 to 400 workers.",
    "Their terms ran from 2019 to 2023.",  # a period
])
def test_a_range_that_is_no_spread_stays_one_range(text):
    assert not [c for c in draft_claims(text) if c.property.endswith(("least", "most"))]


def test_two_spreads_with_another_end_conflict(run_cli, tmp_path, monkeypatch):
    found = findings(run_cli, tmp_path, monkeypatch,
                     DATELINE + "The men's terms ranged from four years, one of them suspended, to 18 years.",
                     DATELINE + "The men received sentences of between four and 12 years.")
    assert alarms(found) == [("18 years", "12 years")]
    found = findings(run_cli, tmp_path / "e", monkeypatch,
                     DATELINE + "The men's terms ranged from four years, one of them suspended, to 12 years.",
                     DATELINE + "The men received sentences of between four and 12 years.")
    assert alarms(found) == []


# --------------------------------------------------------------------------------- tallies of titles


@pytest.mark.parametrize(("text", "written", "subject", "prop", "count"), [
    ("Ines Moreau won on Sunday. It was Moreau's third Olympic medal.", "third Olympic medal", "ines-moreau",
     "olympic-medal-count", 3),
    ("Ines Moreau won on Sunday. The win was her fifth major title.", "fifth major title", "ines-moreau",
     "major-title-count", 5),
    ("Ines Moreau won her first Wimbledon title.", "first Wimbledon title", "ines-moreau", "wimbledon-title-count", 1),
])
def test_an_owned_ordinal_title_counts_the_owners_titles(text, written, subject, prop, count):
    claim = claim_of(text, written)
    assert (claim.subject, claim.property, claim.value.amount) == (subject, prop, count)


@pytest.mark.parametrize("text", [
    "Ines Moreau won on Sunday. It was her fourth straight title.",  # a streak
    "It was the club's first title since 2019.",  # no person owns it
    "The team won the first title of the season.",
])
def test_no_tally_without_a_persons_possessive_or_in_a_streak(text):
    assert not [c for c in draft_claims(text) if c.property.endswith("-count")]


def test_two_tallies_of_one_kind_conflict_and_of_two_kinds_do_not(run_cli, tmp_path, monkeypatch):
    found = findings(run_cli, tmp_path, monkeypatch,
                     DATELINE + "Ines Moreau won the final. The victory was her fourth Grand Slam title.",
                     DATELINE + "Ines Moreau won the final. It is Moreau's second Grand Slam title.")
    assert alarms(found) == [("fourth Grand Slam title", "second Grand Slam title")]
    found = findings(run_cli, tmp_path / "f", monkeypatch,
                     DATELINE + "Ines Moreau won the final. The victory was her fourth Grand Slam title.",
                     DATELINE + "Ines Moreau won the final. It is her first Wimbledon title.")
    assert alarms(found) == []


# ------------------------------------------------------------------------------ staff and "in revenue"


@pytest.mark.parametrize(("text", "written", "measure"), [
    ("Brandt employs about 12,000 people.", "about 12,000", "employees"),
    ("Brandt has about 12,000 employees.", "about 12,000", "employees"),
    ("Brandt had $4 billion in revenue last year.", "$4 billion", "revenue"),
])
def test_staff_and_money_in_a_measure(text, written, measure):
    assert claim_of(text, written).frame.measure == measure
