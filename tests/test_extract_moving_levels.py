"""Levels that move, multiples of a named thing, and days that own nothing: readings from a held-out set.

Each reading is a table of sentences written for this test: the drafted frame (or key), and what
`crosscheck check` makes of two articles that draft it.
"""

from __future__ import annotations

import json

import pytest

from crosscheck.extract import draft_claims


def claim_of(text: str, written: str, **context):
    claims = [c for c in draft_claims(text, **context) if c.text == written]
    assert claims, f"no claim drafted for {written!r}: {[c.text for c in draft_claims(text, **context)]}"
    return claims[0]


def alarms(run_cli, tmp_path, monkeypatch, *articles: str) -> list[tuple[str, ...]]:
    """Warnings and errors of `crosscheck check` over the articles (drafted, no registry)."""
    for n, text in enumerate(articles, 1):
        (tmp_path / f"{n}.txt").write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = run_cli("check", ".", "-f", "json", "--fail-on", "never", "--no-cache")
    assert result.code == 0, result.err
    found = json.loads(result.out)["findings"]
    return [tuple(c["value"] for c in f["claims"]) for f in found if f["severity"] in ("warning", "error")]


# ------------------------------------------------- "from X to Y N": the parse hangs the range on "from"

@pytest.mark.parametrize("text, written, measure, direction, left", [
    ("The Liberals collapsed from 24 to 8 seats.", "8", "seat", "down", "24"),
    ("The Tories slumped from 40 to 19 seats in the vote.", "19", "seat", "down", "40"),
    ("The blaze grew from 6,400 to 45,550 acres overnight.", "45,550 acres", None, "up", "6,400"),
    ("The ward count rose from 12 to 15 wards.", "15", None, "up", "12"),
])
def test_the_level_reached_is_reported_with_the_level_it_left(text, written, measure, direction, left):
    frame = claim_of(text, written).frame
    assert (frame.modality, frame.level, frame.direction, frame.change_from) == ("reported", "level", direction, left)
    if measure:
        assert frame.measure == measure  # a seat count that fell, never seats "destroyed"


def test_a_factor_before_the_level_reached_is_no_measure():
    frame = claim_of("By Friday the blaze had grown five-fold to 88,000 acres.", "88,000 acres").frame
    assert frame is None or frame.measure != "fold"


def test_a_verb_of_change_is_not_what_happened_to_the_counted_thing():
    assert claim_of("The Liberals collapsed to 8 seats.", "8").frame.measure == "seat"
    assert claim_of("Four buildings collapsed in the town.", "Four").frame.measure == "destroyed"
    assert claim_of("The storm destroyed 300 homes.", "300").frame.measure == "destroyed"


def test_a_previous_level_without_a_measure_keeps_out_of_the_level(run_cli, tmp_path, monkeypatch):
    """The parse names no measure ("The Elk Fire, which began in a canyon near Ogden, grew ..."), so the figure
    keeps its word-based key; the level it grew from is still a previous figure, never compared with a level."""
    text = ("The Elk Fire, which began in a canyon near Ogden, grew from about 2,100 acres late Monday night to "
            "9,800 acres on Tuesday.")
    first = claim_of(text, "about 2,100 acres", published="2025-06-03")
    assert first.frame is None and first.property.endswith(".previous")
    assert alarms(run_cli, tmp_path, monkeypatch, "OGDEN, Utah, June 3, 2025 - " + text,
                  "OGDEN, Utah, June 9, 2025 - The Elk Fire near Ogden has burned 58,000 acres.") == []


# ---------------------------------------------------------------- a level of the moment, like a toll

@pytest.mark.parametrize("text, written", [
    ("By Friday the Elk Fire near Ogden had grown to 31,000 acres.", "31,000 acres"),
    ("The Elk Fire near Ogden has grown to just under 60,000 acres.", "just under 60,000 acres"),
    ("The queue at the border swelled to 4,000 trucks, then grew to 6,500 trucks.", "6,500"),
])
def test_a_count_said_to_be_moving_is_matched_at_most_as_info(text, written):
    claim = claim_of(text, written, published="2025-06-06")
    assert claim.draft.confidence <= 0.3


@pytest.mark.parametrize("text, written", [
    ("Revenue rose to $25.7 billion.", "$25.7 billion"),  # money is a period's figure
    ("The unemployment rate rose to 4.3%.", "4.3%"),  # so is a rate
    ("The fire has burned 31,000 acres.", "31,000 acres"),  # nothing says it is still moving
    ("The fire grew to 31,000 acres in 2024.", "31,000 acres"),  # dated
    ("The toll rose to 2,056 people on Monday.", "2,056"),  # a toll: matched update by update, not capped here
])
def test_a_period_figure_or_a_dated_level_keeps_its_confidence(text, written):
    assert claim_of(text, written, published="2025-06-06").draft.confidence > 0.3


def test_two_articles_days_apart_on_a_growing_fire_raise_no_alarm(run_cli, tmp_path, monkeypatch):
    assert alarms(run_cli, tmp_path, monkeypatch,
                  "OGDEN, Utah, June 4, 2025 - The Elk Fire near Ogden had grown to 31,000 acres by Wednesday.",
                  "OGDEN, Utah, June 9, 2025 - The Elk Fire near Ogden has grown to just under 60,000 acres.") == []


# ----------------------------------------------------- "doubled their lead": the thing doubled is measured

@pytest.mark.parametrize("text, written, measure, subject", [
    ("The Greens doubled their lead in the polls.", "doubled", "lead", None),
    ("Microsoft doubled its dividend.", "doubled", "dividend", "microsoft"),
    ("The club tripled its debt within two seasons.", "tripled", "debt", None),
    ("Sales doubled last year.", "doubled", "sale", None),  # no object: the subject is what doubled
])
def test_a_multiple_measures_the_thing_it_multiplies(text, written, measure, subject):
    frame = claim_of(text, written, published="2025-06-06").frame
    assert (frame.measure, frame.level, frame.direction) == (measure, "change", "up")
    if subject:
        assert frame.subject == subject


def test_doubling_a_lead_is_not_doubling_revenue(run_cli, tmp_path, monkeypatch):
    assert alarms(run_cli, tmp_path, monkeypatch,
                  "The Greens doubled their lead in the polls.",
                  "The Greens' revenue rose 40% in the year.") == []


# ------------------------------------------------------------------------ a weekday owns no figure

@pytest.mark.parametrize("text, written", [
    ("The Elk Fire, which began in a canyon near Ogden, grew from about 2,100 acres late Monday night to "
     "9,800 acres on Tuesday.", "9,800 acres"),
    ("Rescuers worked through late Wednesday night to reach 45 miners.", "45"),
    ("By Friday, crews had cleared 1,200 tonnes of debris.", "1,200 tonnes"),
    ("The market in March counted 310 stalls.", "310"),
])
def test_a_day_or_a_month_is_never_the_subject(text, written):
    claim = claim_of(text, written, published="2025-06-06")
    assert claim.subject not in ("monday", "wednesday", "friday", "march")


# ------------------------------------------------------------------ the day a story's event began

@pytest.mark.parametrize("text, written", [
    ("The Elk Fire, which began on Monday afternoon near Ogden, spread quickly.", "on Monday"),
    ("Since it was sparked last Tuesday, the blaze has destroyed 40 cabins.", "last Tuesday"),
    ("The strike started on Wednesday at the port.", "on Wednesday"),
])
def test_the_day_an_event_began_is_a_fact_of_its_own(text, written):
    claim = claim_of(text, written, published="2025-06-06")
    assert claim.frame is not None and claim.frame.measure == "started"


def test_two_days_for_one_start_are_a_warning(run_cli, tmp_path, monkeypatch):
    found = alarms(run_cli, tmp_path, monkeypatch,
                   "Elk Fire spreads\n\nOGDEN, Utah, June 4, 2025 - The fire, which began on Monday afternoon, spread "
                   "quickly.",
                   "Elk Fire grows\n\nOGDEN, Utah, June 9, 2025 - Since it was sparked last Tuesday, the fire has "
                   "burned 58,000 acres.")
    assert found == [("on Monday", "last Tuesday")]
