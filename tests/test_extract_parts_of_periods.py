""""The last year of the contract" is a part of the contract, not the year before the article's; "from a strike fund"
names a source, not the level a change starts from: the drafted frame and the comparison."""

from __future__ import annotations

import json

import pytest

from crosscheck.extract import draft_claims

DATED = "LONDON, March 3, 2025 - "


def findings(run_cli, tmp_path, monkeypatch, *articles: str) -> list[tuple[str, list[str]]]:
    for n, text in enumerate(articles, 1):
        (tmp_path / f"{n}.txt").write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = run_cli("check", ".", "-f", "json", "--fail-on", "never", "--no-cache")
    assert result.code == 0, result.err
    return [(f["severity"], sorted(c["value"] for c in f["claims"])) for f in json.loads(result.out)["findings"]]


@pytest.mark.parametrize("dated", [DATED, ""])
@pytest.mark.parametrize("text, figure", [
    ("The deal gives a raise of 7% in the fourth and last year of the contract.", "7%"),
    ("Ticket sales fell 12% in the last week of the festival.", "12%"),
    ("Her pay rose 4% in her last year of office.", "4%"),
    ("Output dropped 9% in the last month of the strike.", "9%"),
])
def test_the_last_period_of_something_is_no_calendar_period(dated, text, figure):
    claims = draft_claims(dated + text)
    assert not [c for c in claims if c.value.kind in ("date", "duration")]  # no "last year", no one-week length
    claim = next(c for c in claims if c.text == figure)
    assert claim.scope is None and (claim.frame is None or claim.frame.period is None)


@pytest.mark.parametrize("text, period", [
    (DATED + "Sales rose 12% last year.", "2024"),
    ("Sales rose 12% last year.", "last-year"),
    (DATED + "Sales last year of $5 billion beat forecasts.", "2024"),  # no determiner: the year before
])
def test_last_year_itself_is_still_the_year_before(text, period):
    figure = next(c for c in draft_claims(text) if c.value.kind in ("percentage", "quantity"))
    assert figure.frame is not None and figure.frame.period == period


@pytest.mark.parametrize("text, written, change_from", [
    (DATED + "Members were paid $250 a week from a strike fund.", "$250 a week", None),  # a source
    (DATED + "The jobless rate fell to 4.1% from 4.2%.", "4.1%", "4.2 %"),  # a level
])
def test_a_change_starts_from_a_figure_not_from_a_source(text, written, change_from):
    claim = next(c for c in draft_claims(text) if c.text == written)
    assert claim.frame is not None and claim.frame.change_from == change_from


def test_a_figure_of_the_last_year_of_a_contract_is_not_compared_with_last_year_s(run_cli, tmp_path, monkeypatch):
    assert findings(run_cli, tmp_path, monkeypatch,
                    DATED + "Wages at the plant rose 3% in the last year of the old contract, the union said.",
                    DATED + "Wages at the plant rose 5% last year, the union said.") == []


def test_two_figures_for_last_year_still_conflict(run_cli, tmp_path, monkeypatch):
    assert findings(run_cli, tmp_path, monkeypatch,
                    DATED + "Wages at the plant rose 3% last year, the union said.",
                    DATED + "Wages at the plant rose 5% last year, the union said.") == [("warning", ["3%", "5%"])]
