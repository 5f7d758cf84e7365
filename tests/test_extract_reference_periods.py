"""Figures about a reference period, and the period a rate of change is measured over.

"Up from a 0.2% gain in February" states February's figure; "in line with February's reading" says
February had the main figure; "0.5% on the month" and "3.9% from a year earlier" are different facts.
Sentences written for this test: the drafted frame, and what `crosscheck check` makes of articles
that draft it.
"""

from __future__ import annotations

import pytest

from crosscheck.extract import draft_claims
from test_extract_frames import findings

PUBLISHED = "2025-04-15"


def frames_of(text: str, written: str, published: str | None = PUBLISHED) -> list:
    """The frames drafted for the figure written `written` in `text`, in drafting order."""
    claims = draft_claims(text, published=published)
    found = [c.frame for c in claims if c.text == written and c.frame is not None]
    assert found, f"no framed claim for {written!r}: {[(c.text, c.frame) for c in claims]}"
    return found


def compared(found: list[dict]) -> list[tuple[tuple[str, ...], str]]:
    """Each finding as (the values it compares, sorted; its severity)."""
    return [(tuple(sorted(c["value"] for c in f["claims"])), f["severity"]) for f in found]


# ------------------------------------------------------------------------------ another period's figure

REFERENCED = [
    ("Northwind's revenue rose 6% in March, up from a 2% gain in February.", "2%", "2025-02", "change", "up"),
    ("Northwind's revenue fell 1.1% in the second quarter of 2024 after a 0.4% rise in the first quarter.", "0.4%",
     "2024-Q1", "change", "up"),
    ("The jobless rate was 6.1% in March, compared with 5.4% a year earlier.", "5.4%", "2024-03", "level", None),
    ("Wages rose 0.3% in March, matching the previous month's 0.3% gain.", "0.3%", "2025-02", "change", "up"),
]


@pytest.mark.parametrize(("text", "written", "period", "level", "direction"), REFERENCED,
                         ids=[row[0][:40] for row in REFERENCED])
def test_a_figure_of_another_period_is_that_periods_own(text, written, period, level, direction):
    frame = frames_of(text, written)[-1]
    main = next(c.frame for c in draft_claims(text, published=PUBLISHED) if c.frame is not None)
    assert (frame.measure, frame.period, frame.modality, frame.level, frame.direction) == \
        (main.measure, period, "reported", level, direction)
    assert frame.period != main.period


def test_a_relative_period_counts_from_the_main_figure_or_stays_a_label():
    assert frames_of("Wages rose 0.3% in March, matching the previous month's 0.3% gain.", "0.3%",
                     published=None)[-1].period == "february"
    assert frames_of("The jobless rate was 6.1%, compared with 5.4% a year earlier.", "5.4%")[-1].period == \
        "previous-year"


def test_a_figure_beside_a_main_one_of_unnamed_measure_keeps_its_own_frame():
    frame = frames_of("The index rose 0.3% in March, up from a 0.2% gain in February.", "0.2%")[-1]
    assert frame.modality == "previous"


def test_a_figure_naming_another_measure_is_not_the_main_ones():
    claims = draft_claims("The jobless rate rose to 6.1% in March, compared with 2% wage growth in February.",
                          published=PUBLISHED)
    assert [c.frame.measure for c in claims if c.text == "2%" and c.frame is not None] != ["unemployment-rate"]


def test_a_revised_figure_is_not_another_periods_own():
    claims = draft_claims("Hiring rose by 90,000 jobs in March, above the revised 61,000 jobs for February.",
                          published=PUBLISHED)
    assert not [c for c in claims if c.text.startswith("61,000") and c.frame is not None
                and (c.frame.period, c.frame.modality) == ("2025-02", "reported")]


SAME_FIGURE = [
    ("Wages rose 0.5% on the month, in line with February's reading.", "0.5%", "2025-02"),
    ("The jobless rate stood at 4.9%, unchanged from the month prior.", "4.9%", "previous-month"),
    ("The jobless rate stood at 4.9% in March, unchanged from the month prior.", "4.9%", "2025-02"),
]


@pytest.mark.parametrize(("text", "written", "period"), SAME_FIGURE, ids=[row[0][:40] for row in SAME_FIGURE])
def test_in_line_with_a_period_says_that_period_had_the_same_figure(text, written, period):
    main, referenced = frames_of(text, written)
    assert referenced == main.model_copy(update={"period": period})


def test_held_steady_still_says_the_previous_figure_was_the_same():
    main, previous = frames_of("The jobless rate held steady at 5.3%.", "5.3%")
    assert (main.modality, previous.modality) == ("reported", "previous")


def test_expectations_name_no_period():
    assert len(frames_of("Wages rose 0.5% on the month, in line with expectations.", "0.5%")) == 1


def test_two_articles_disagreeing_on_last_months_figure_are_compared(run_cli, tmp_path, monkeypatch):
    found = findings(run_cli, tmp_path, monkeypatch,
                     "Wages rose 0.5% in April, slightly down from the 0.7% gain in March.",
                     "On a monthly basis, wages rose 0.5%, in line with March's reading.")
    assert [severity for values, severity in compared(found) if values == ("0.5%", "0.7%")] == ["info"]


# ------------------------------------------------------------------------------ what a change is measured over

INTERVALS = [
    ("Rents rose 0.5% on the month and 3.9% from a year earlier.", "0.5%", "month"),
    ("Rents rose 0.5% on the month and 3.9% from a year earlier.", "3.9%", "year"),
    ("Over the past 12 months, rents have climbed 3.9%.", "3.9%", "year"),
    ("Northwind's revenue rose 2% from the previous year.", "2%", "year"),
    ("Rents were up 1.2% quarter-on-quarter.", "1.2%", "quarter"),
    ("Rents rose 0.5%.", "0.5%", None),
]


@pytest.mark.parametrize(("text", "written", "interval"), INTERVALS, ids=[f"{r[0][:30]}-{r[1]}" for r in INTERVALS])
def test_the_interval_of_a_change_is_read_from_its_sentence(text, written, interval):
    frame = frames_of(text, written)[0]
    assert frame.level == "change"
    assert frame.qualifiers.get("over") == interval


def test_what_a_change_is_measured_against_is_not_its_period_nor_a_figure():
    claims = draft_claims("Over the past 12 months, rents have climbed 3.9%.", published=PUBLISHED)
    assert [c.text for c in claims if c.frame is not None] == ["3.9%"]
    assert frames_of("Rents rose 3.9% from a year earlier.", "3.9%")[0].period is None


def test_a_monthly_and_an_annual_change_are_different_facts(run_cli, tmp_path, monkeypatch):
    assert findings(run_cli, tmp_path, monkeypatch, "Rents rose 0.5% on the month, the agency said.",
                    "Rents rose 3.9% from a year earlier, the agency said.") == []


def test_an_unstated_interval_compares_with_a_stated_one_at_info_at_most(run_cli, tmp_path, monkeypatch):
    found = findings(run_cli, tmp_path, monkeypatch, "Rents rose 0.5%, the agency said.",
                     "Rents rose 3.9% from a year earlier, the agency said.")
    assert [severity for _, severity in compared(found)] == ["info"]


def test_an_article_that_states_the_annual_change_apart_means_another_by_its_other(run_cli, tmp_path, monkeypatch):
    found = findings(run_cli, tmp_path, monkeypatch,
                     "Rents rose 0.5%, the agency said. Over the past year, rents have climbed 3.9%.",
                     "On a monthly basis, rents rose 0.4%, the agency said. Rents were up 3.9% from a year earlier.")
    assert compared(found) == [(("0.4%", "0.5%"), "info")]


def test_changes_whose_interval_no_article_states_are_compared_as_before(run_cli, tmp_path, monkeypatch):
    found = findings(run_cli, tmp_path, monkeypatch, "Rents rose 0.5%, the agency said.",
                     "Rents rose 3.9%, the agency said.")
    assert [severity for _, severity in compared(found)] in (["warning"], ["error"])


# ------------------------------------------------------------------------------ a price's extreme over a window

WINDOWS = [
    ("Northwind shares jumped 4%, reaching a three-year high of $58.", "$58", "3-year-high"),
    ("Northwind shares fell to a 52-week low of $12.", "$12", "52-week-low"),
    ("Northwind shares rose to a record high of $80.", "$80", "record-high"),
    ("Northwind shares closed at $75.", "$75", None),
]


@pytest.mark.parametrize(("text", "written", "window"), WINDOWS, ids=[row[2] or "no-window" for row in WINDOWS])
def test_an_extreme_is_the_price_qualified_by_its_window(text, written, window):
    frame = frames_of(text, written)[0]
    assert (frame.measure, frame.qualifiers.get("window")) == ("share-price", window)


def test_the_window_of_an_extreme_is_no_figure_of_its_own():
    claims = draft_claims("Northwind shares jumped 4%, reaching a three-year high of $58.")
    assert "three-year" not in [c.text for c in claims]


def test_extremes_over_different_windows_are_different_facts(run_cli, tmp_path, monkeypatch):
    assert findings(run_cli, tmp_path, monkeypatch, "Northwind shares reached a three-year high of $58 on Monday.",
                    "Northwind shares reached a record high of $64 on Monday.") == []


def test_a_price_meets_an_extreme_at_info_at_most(run_cli, tmp_path, monkeypatch):
    found = findings(run_cli, tmp_path, monkeypatch, "Northwind shares closed at $50 on Monday.",
                     "Northwind shares reached a three-year high of $58 on Monday.")
    assert [severity for _, severity in compared(found)] == ["info"]
