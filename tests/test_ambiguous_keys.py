"""A drafted key one article gives far-apart figures for names no one fact: its conflicts are at most info."""

from __future__ import annotations

from crosscheck import check_texts
from crosscheck.extract.draft import draft_claims

QUARTER_AND_YEAR = ("Harbour Foods reported its quarter on Tuesday. GAAP earnings per share were $1.87, the bakery chain "
                    "said.\n\nThe year as a whole was better. GAAP earnings per share were $6.42.\n")
ONE_FIGURE = "Harbour Foods reported its quarter on Tuesday. GAAP earnings per share were $1.87, the bakery chain said.\n"
OTHER = "Harbour Foods reported its quarter on Tuesday. GAAP earnings per share were $2.35, the bakery chain said.\n"


def _severities(*texts: str) -> list[str]:
    report = check_texts({f"{i}.txt": text for i, text in enumerate(texts)})
    return sorted(f.severity for f in report.findings)


def test_an_article_giving_two_far_apart_figures_for_one_drafted_key_makes_it_unsure():
    drafted = [c for c in draft_claims(QUARTER_AND_YEAR) if c.text in ("$1.87", "$6.42")]
    assert len(drafted) == 2 and len({(c.subject, c.property) for c in drafted}) == 1  # the frame missed quarter vs year
    assert all(c.draft.confidence <= 0.3 and c.draft.review for c in drafted)


def test_its_conflicts_with_another_article_are_at_most_info_and_a_single_figure_still_warns():
    assert _severities(QUARTER_AND_YEAR, OTHER) and set(_severities(QUARTER_AND_YEAR, OTHER)) == {"info"}
    assert "warning" in _severities(ONE_FIGURE, OTHER)


def test_close_figures_of_one_key_in_one_article_stay_as_drafted():
    # "2,056" and "2,065" in one article may be a typo an editor wants to see
    text = "The toll rose to 2,056 people on Monday, officials said.\n\nBy evening the toll stood at 2,065 people.\n"
    drafted = [c for c in draft_claims(text) if c.text.startswith("2,0")]
    assert drafted and all(c.draft.confidence > 0.3 for c in drafted)
