"""Drafted claims know what each figure measures, of whom, when, how sure the article is, level or change.

Each failure pattern of issue 13 with sentences written for this test: the drafted frame, and what
`crosscheck check` makes of two articles that draft it.
"""

from __future__ import annotations

import pytest

from crosscheck.extract import claims_file, draft_claims
from drafted_checks import alarms, check_articles, drafted_claim


def frame_of(text: str, written: str, **context):
    """The frame drafted for the figure written `written` in `text`."""
    return drafted_claim(text, written, **context).frame


findings = check_articles




# ------------------------------------------------------------------------------------- what is measured


def test_missing_and_killed_are_different_measures(run_cli, tmp_path, monkeypatch):
    assert frame_of("The floods killed 2,400 people in the province.", "2,400").measure == "deaths"
    assert frame_of("Some 1,200 residents are unaccounted for.", "Some 1,200").measure == "missing"
    assert frame_of("Rescuers said 2,376 have been injured.", "2,376").measure == "injured"
    assert alarms(findings(run_cli, tmp_path, monkeypatch,
                           "The floods killed 2,400 people, officials said.",
                           "Some 1,200 residents are unaccounted for, officials said.")) == []


def test_revenue_segment_estimate_and_guidance_are_different_facts():
    assert frame_of("Revenue came to $10.2 billion.", "$10.2 billion").measure == "revenue"
    segment = frame_of("Its cloud revenue came to $4.1 billion.", "$4.1 billion")
    assert segment.measure == "cloud-revenue"
    expected = frame_of("Analysts had expected revenue of $10.6 billion.", "$10.6 billion")
    assert (expected.measure, expected.modality) == ("revenue", "forecast")


def test_seats_forecast_majority_and_change():
    forecast = frame_of("The party is projected to take 305 seats, 46 more than last time.", "305")
    assert (forecast.measure, forecast.modality, forecast.level) == ("seats-won", "forecast", "level")
    change = frame_of("The party is projected to take 305 seats, 46 more than last time.", "46")
    assert (change.level, change.direction) == ("change", "up")


def test_adjusted_and_gaap_figures_are_split_by_basis(run_cli, tmp_path, monkeypatch):
    adjusted = frame_of("The company reported adjusted earnings per share of $0.73.", "$0.73")
    gaap = frame_of("The company reported GAAP earnings per share of $0.66.", "$0.66")
    assert adjusted.measure == gaap.measure == "eps"
    assert adjusted.qualifiers["basis"] == "adjusted" and gaap.qualifiers["basis"] == "gaap"
    assert alarms(findings(run_cli, tmp_path, monkeypatch,
                           "The company reported adjusted earnings per share of $0.73.",
                           "The company reported GAAP earnings per share of $0.66.")) == []


@pytest.mark.parametrize(("sentence", "figure", "basis"), [
    ("Non-GAAP earnings per diluted share were $2.41, the bakery chain said.", "$2.41", "adjusted"),
    ("The bakery chain's non-GAAP earnings per share came to $2.41.", "$2.41", "adjusted"),
    ("GAAP earnings per share were $1.87 for the quarter.", "$1.87", "gaap"),
    ("Diluted earnings per share were $1.87 for the quarter.", "$1.87", "diluted"),
    ("Basic earnings per share were $1.90 for the quarter.", "$1.90", "basic"),
])
def test_a_hyphenated_non_prefix_and_every_basis_word_are_read(sentence, figure, basis):
    # "Non-GAAP" is three tokens to the parser: read as GAAP, an adjusted figure met the GAAP one as one fact
    assert frame_of(sentence, figure).qualifiers["basis"] == basis


@pytest.mark.parametrize("other", [
    "Four other people died in storm-related accidents as the floods moved north into the hills.",
    "Another 12 people were killed overnight, officials said.",
    "Three additional people died in hospital, officials said.",
])
def test_a_count_of_other_or_more_people_is_no_restatement_of_the_toll(run_cli, tmp_path, monkeypatch, other):
    # "four other people" died besides those counted before: a part or an increment, not the total
    toll = "The state police said on Monday that 58 people died in the floods, most of them in hard-hit Marsh County."
    assert alarms(findings(run_cli, tmp_path, monkeypatch, toll, other)) == []


def test_a_place_splits_a_toll():
    assert frame_of("At least 10 people were killed in Lisbon.", "At least 10").qualifiers == {"place": "lisbon"}


# ------------------------------------------------------------------------------------- subjects


def test_subject_is_never_a_weekday_or_the_wire_agency():
    frame = frame_of("On Tuesday, Reuters said the company's revenue came to $3.2 billion.", "$3.2 billion")
    assert frame.subject not in ("tuesday", "reuters")
    owned = frame_of("Northwind's revenue came to $3.2 billion, Reuters reported on Tuesday.", "$3.2 billion")
    assert owned.subject == "northwind"


# ------------------------------------------------------------------------------------- values play no part


def test_small_different_numbers_of_one_fact_are_a_conflict(run_cli, tmp_path, monkeypatch):
    found = findings(run_cli, tmp_path, monkeypatch,
                     "Northwind cut 12% of its workforce, the company said.",
                     "Northwind cut 3% of its workforce, the company said.")
    assert {tuple(sorted(v)) for v in alarms(found)} == {("12%", "3%")}


def test_close_values_of_different_measures_are_not_matched(run_cli, tmp_path, monkeypatch):
    assert alarms(findings(run_cli, tmp_path, monkeypatch,
                           "Northwind's revenue came to $10.2 billion.",
                           "Northwind's net income came to $10.1 billion.")) == []


# ------------------------------------------------------------------------------------- modality and time


@pytest.mark.parametrize("text, written, modality", [
    ("Officials fear the toll could reach 8,000.", "8,000", "estimate"),
    ("The company sees next-quarter revenue of roughly $13 billion.", "roughly $13 billion", "forecast"),
    ("The forecast was lowered to 1,450 from 2,900 deaths.", "2,900", "previous"),
    ("So far, 120 deaths have been counted.", "120", "partial"),
    ("Revenue came to $10.2 billion.", "$10.2 billion", "reported"),
])
def test_modality(text, written, modality):
    assert frame_of(text, written).modality == modality


def test_a_forecast_is_never_an_alarm_against_the_reported_figure(run_cli, tmp_path, monkeypatch):
    assert alarms(findings(run_cli, tmp_path, monkeypatch,
                           "The floods killed 1,000 people, officials said.",
                           "Officials fear the floods could kill 8,000 people.")) == []


def test_a_year_in_the_sentence_scopes_the_figure_and_last_year_resolves_against_the_timestamp():
    frame = frame_of("Northwind's revenue came to $3.2 billion in 2021.", "$3.2 billion")
    assert frame.period == "2021"
    text = "Northwind results\nUpdated 14:05, March 03, 2025\n\nNorthwind's revenue came to $3.2 billion last year.\n"
    claim = next(c for c in draft_claims(text) if c.text == "$3.2 billion")
    assert claim.frame.period == "2024" and claim.scope.key == "2024"


def test_different_years_are_never_an_alarm(run_cli, tmp_path, monkeypatch):
    assert alarms(findings(run_cli, tmp_path, monkeypatch,
                           "Northwind's revenue came to $3.2 billion in 2021.",
                           "Northwind's revenue came to $4.5 billion in 2023.")) == []


# ------------------------------------------------------------------------------------- metadata


def test_a_timestamp_dates_the_document_and_is_no_claim():
    text = "Quake toll rises\nUpdated 14:05, March 03, 2025\n\nThe quake killed 1,644 people, officials said.\n"
    drafted = claims_file(text, "a.txt")
    assert drafted.document.published == "2025-03-03"
    assert not any("Updated" in c.quote for c in drafted.claims)
    assert all(c.subject != "updated" for c in drafted.claims)


# ------------------------------------------------------------------------------------- level and change


@pytest.mark.parametrize("text, written, direction", [
    ("The party won 120 seats, 46 more than last time.", "46", "up"),
    ("Revenue rose 2% to $25.7 billion.", "2%", "up"),
    ("The unemployment rate fell 0.2 percentage points.", "0.2 percentage points", "down"),
    ("Northwind's revenue fell 8% from a year earlier.", "8%", "down"),
])
def test_a_change_is_not_a_level(text, written, direction):
    frame = frame_of(text, written)
    assert (frame.level, frame.direction) == ("change", direction)


def test_a_level_reached_keeps_its_direction_and_origin():
    frame = frame_of("The unemployment rate edged down to 4.1% from 4.2%.", "4.1%")
    assert (frame.measure, frame.level, frame.direction) == ("unemployment-rate", "level", "down")
    assert frame.change_from and "4.2" in frame.change_from
    assert frame_of("The unemployment rate edged down to 4.1% from 4.2%.", "4.2%").modality == "previous"


def test_a_change_is_never_compared_with_a_level(run_cli, tmp_path, monkeypatch):
    assert alarms(findings(run_cli, tmp_path, monkeypatch,
                           "Northwind's revenue rose 2% in the quarter.",
                           "Northwind's revenue was 25% of the market in the quarter.")) == []


# ------------------------------------------------------------------------------------- the frame in the file


def test_extract_writes_the_frame_an_editor_can_correct(run_cli, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Officials fear the toll could reach 8,000.\n", encoding="utf-8")
    result = run_cli("extract", str(article))
    assert result.code == 0, result.err
    assert "frame: {measure: deaths, modality: estimate}" in result.out


def test_unchanged_at_a_level_also_states_the_previous_level(run_cli, tmp_path, monkeypatch):
    claims = [c for c in draft_claims("The jobless rate held steady at 5.3% in May.") if c.text == "5.3%"]
    assert sorted(c.frame.modality for c in claims) == ["previous", "reported"]
    assert all(c.frame.measure == "unemployment-rate" for c in claims)
    found = findings(run_cli, tmp_path, monkeypatch,
                     "The jobless rate held steady at 5.3%, the agency said.",
                     "The jobless rate fell to 5.3% from 5.5%, the agency said.")
    assert ("5.3%", "5.5%") in alarms(found)


def test_a_change_noun_names_a_change_of_what_it_is_in(run_cli, tmp_path, monkeypatch):
    frame = frame_of("Northwind reported an eight percent decline in revenue.", "eight percent")
    assert (frame.measure, frame.level, frame.direction) == ("revenue", "change", "down")
    found = findings(run_cli, tmp_path, monkeypatch,
                     "Northwind reported an eight percent decline in revenue.",
                     "Northwind's revenue rose 2% in the quarter.")
    assert [tuple(sorted(v)) for v in alarms(found)] == [("2%", "eight percent")]


def test_a_number_unit_compound_measures_the_noun_it_describes():
    assert frame_of("Rescuers searched the 30-storey tower.", "30-storey").measure == "storey-tower"


def test_another_quake_is_not_the_main_one():
    assert frame_of("A further 5.1-magnitude earthquake struck the region.", "5.1-magnitude").measure != \
        frame_of("The 7.7-magnitude earthquake struck the region.", "7.7-magnitude").measure


def test_a_place_named_once_is_shared_and_two_places_stay_apart(run_cli, tmp_path, monkeypatch):
    found = findings(run_cli, tmp_path, monkeypatch,
                     "Rescuers searched the 30-storey tower in Lisbon.",
                     "Rescuers searched the 33-storey tower.")
    assert [tuple(sorted(v)) for v in alarms(found)] == [("30-storey", "33-storey")]
    assert all(f["confidence"] < 0.6 for f in found)  # the place was taken from the other article: a warning
    apart = tmp_path / "apart"
    apart.mkdir()
    assert alarms(findings(run_cli, apart, monkeypatch,
                           "Rescuers searched the 30-storey tower in Lisbon.",
                           "Rescuers searched the 33-storey tower in Porto.")) == []


def test_what_a_figure_did_is_not_what_happened_to_it():
    text = "The 6.9-magnitude earthquake killed 1,000 people."
    assert frame_of(text, "1,000").measure == "deaths"
    assert frame_of(text, "6.9-magnitude").measure == "magnitude-earthquake"
    assert frame_of("The carmaker delivered 1.2 million vehicles.", "1.2 million").measure == "deliveries"


def test_a_segment_owns_its_revenue():
    frame = frame_of("Its software unit brought in revenue of $3.1 billion.", "$3.1 billion")
    assert frame.measure == "revenue" and frame.qualifiers.get("segment")


def test_two_different_quotes_of_one_speaker_are_not_one_statement(run_cli, tmp_path, monkeypatch):
    found = findings(run_cli, tmp_path, monkeypatch,
                     "“I saw the clock in front of me,” Ortega said after the race.",
                     "“When I crossed the line, I was very happy,” Ortega said after the race.")
    assert [f for f in found if f["rule"] == "CC501"] == []


def test_a_day_dates_the_event_its_verb_names(run_cli, tmp_path, monkeypatch):
    launch = [c for c in draft_claims("The probe launched on June 5, 2024, after a delay.") if c.value.kind == "date"]
    assert launch and launch[0].frame.measure == "launched"
    found = findings(run_cli, tmp_path, monkeypatch,
                     "The probe launched on June 5, 2024, after a delay.",
                     "The probe launched on June 7, 2024, after a delay.")
    assert [f["severity"] for f in found if f["rule"].startswith("CC2")] == ["warning"]


def test_this_year_tallies_are_compared_with_undated_restatements(run_cli, tmp_path, monkeypatch):
    found = findings(run_cli, tmp_path, monkeypatch,
                     "The province has recorded 340 deaths from cholera so far this year, the ministry said.",
                     "The province has recorded 430 deaths from cholera, the ministry said.")
    assert [f["severity"] for f in found if f["rule"] == "CC101"] == ["warning"]
    undated = tmp_path / "undated"
    undated.mkdir()
    found = findings(run_cli, undated, monkeypatch,
                     "The floods have killed 340 people, the ministry said.",
                     "The floods have killed 430 people, the ministry said.")
    assert [f["severity"] for f in found if f["rule"] == "CC101"] == ["info"]  # successive updates, most likely


def test_shares_at_an_amount_of_money_state_a_share_price():
    assert frame_of("Northwind shares closed at 41 euros.", "41 euros").measure == "share-price"
    assert frame_of("The company reported earnings per share of $0.66.", "$0.66").measure == "eps"
