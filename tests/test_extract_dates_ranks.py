"""Drafting reads dates against the article's own date, periods as the months they cover, datelines as
document metadata, streaks as lengths, rank sets as ranks, and clock times of one event across articles."""

from __future__ import annotations

import pytest

from crosscheck import check_texts
from crosscheck.extract.draft import claims_file, draft_claims


def _dates(text: str, published: str | None = None) -> list[tuple[str, str | None, str | None]]:
    """(words, date, end) of each drafted date, the words being the expected ones when the claim's text holds them."""
    return [(c.text, c.value.date, c.value.end) for c in draft_claims(text, published=published)  # type: ignore[union-attr]
            if c.value.kind == "date"]  # (a date value, by the filter)


def _read(drafted: list[tuple[str, str | None, str | None]], expected: list[tuple[str, str | None, str | None]]) -> bool:
    return len(drafted) == len(expected) and all(
        words in text and (date, end) == (want_date, want_end)
        for (text, date, end), (words, want_date, want_end) in zip(drafted, expected))


@pytest.mark.parametrize(("text", "published", "expected"), [
    # a past clause looks back, a future clause forward; "last" and "next" never mean the day itself
    ("The board met on Friday to approve the plan.", "2024-05-17", [("on Friday", "2024-05-17", None)]),
    ("The minister resigned last Friday.", "2024-05-17", [("last Friday", "2024-05-10", None)]),
    ("The board will meet on Friday.", "2024-05-15", [("on Friday", "2024-05-17", None)]),
    ("The board will meet next Friday.", "2024-05-17", [("next Friday", "2024-05-24", None)]),
    ("The company said on Monday it would close the plant by Friday.", "2024-05-15",
     [("on Monday", "2024-05-13", None), ("by Friday", "2024-05-17", None)]),
    # a day without a year takes the year its tense points to
    ("The probe landed on December 28.", "2025-01-10", [("December 28", "2024-12-28", None)]),
    ("The hearing will open on 3 February.", "2024-11-08", [("3 February", "2025-02-03", None)]),
    ("The mission began on June 5 last year.", "2025-03-18", [("June 5 last year", "2024-06-05", None)]),
    # weeks ago are the seven days around the day; last week is Monday to Sunday
    ("The strike began two weeks ago.", "2024-05-15", [("two weeks ago", "2024-04-28", "2024-05-04")]),
    ("The inquiry opened last week.", "2024-05-15", [("last week", "2024-05-06", "2024-05-12")]),
])
def test_relative_days_resolve_against_the_publication_date(text, published, expected):
    assert _read(_dates(text, published), expected), _dates(text, published)


@pytest.mark.parametrize(("text", "expected"), [
    ("The line will open in early 2026.", [("early 2026", "2026-01", "2026-04")]),
    ("The plant is due to restart in the second quarter of 2025.", [("the second quarter of 2025", "2025-04", "2025-06")]),
    ("Deliveries start in H2 2024.", [("H2 2024", "2024-07", "2024-12")]),
    ("Its fiscal year ends in March, and the recall began in FY2023.", [("FY2023", "2022-04", "2023-03")]),
    ("The recall began in fiscal 2023.", [("fiscal 2023", None, None)]),  # the fiscal year's end is not given
    ("The firm reported record profits for fiscal 2024, which ended in June.", [("fiscal 2024", "2023-07", "2024-06")]),
    ("Prices peaked in the mid-2000s.", []),
])
def test_periods_read_as_the_months_they_cover(text, expected):
    assert _read(_dates(text), expected), _dates(text)


@pytest.mark.parametrize(("text", "words"), [
    ("She set the course record in London last April.", "last April"),  # not "on last April" out of "London"
    ("The vote was held in Washington on 5 May 2024.", "on 5 May 2024"),
    ("Turnout at the 115 May Street polling station was low.", None),  # "15 May" is not read out of "115 May"
])
def test_a_date_begins_a_word(text, words):
    assert [c.text for c in draft_claims(text, published="2025-03-01") if c.value.kind == "date"] == (
        [words] if words else [])


def test_a_period_in_a_sentence_with_figures_scopes_them_instead_of_being_a_claim():
    claims = draft_claims("Revenue rose 5% to $25.7 billion in the second quarter of 2024.")
    assert [c.value.kind for c in claims] == ["percentage", "quantity"]
    assert all((c.scope.start, c.scope.end) == ("2024-04", "2024-06") for c in claims if c.scope)


def test_a_fiscal_year_is_never_the_calendar_year_in_the_key():
    fiscal, = draft_claims("The retailer expects to open 40 stores in fiscal 2025.")
    calendar, = draft_claims("The retailer expects to open 40 stores in 2025.")
    assert fiscal.property != calendar.property and "fy2025" in fiscal.property


@pytest.mark.parametrize(("head", "published"), [
    ("NAIROBI, March 3, 2025 (Reuters) - ", "2025-03-03"),
    ("SPRINGFIELD, Ill., March 3, 2025 — ", "2025-03-03"),
    ("March 3, 2025, 10:42 AM EDT\n", "2025-03-03"),
    ("By Jane Okafor On: March 3, 2025\n", "2025-03-03"),
    ("By Ana Ruiz | Published on: 3 March 2025\n", "2025-03-03"),
])
def test_every_dateline_form_dates_the_document_and_no_claim(head, published):
    drafted = claims_file(head + "Parliament approved the budget on Friday.", "a.txt")
    assert drafted.document.published == published
    assert [(c.text, c.value.date) for c in drafted.claims] == [("on Friday", "2025-02-28")]  # type: ignore[union-attr]


def test_a_dateline_without_a_year_takes_it_from_the_publication_year():
    drafted = _dates("Cape Canaveral, March 19 — The crew came back to Earth on Tuesday.", "2025")
    assert _read(drafted, [("on Tuesday", "2025-03-18", None)]), drafted


@pytest.mark.parametrize(("text", "kind", "value"), [
    ("Exports fell for a fourth straight year.", "duration", {"amount": 4, "unit": "year"}),
    ("The club won the league for the eleventh consecutive season.", "duration", {"amount": 11, "unit": "year"}),
    ("The rate fell after a third consecutive monthly decline.", "duration", {"amount": 3, "unit": "month"}),
    ("The team earned a fourth straight win.", "quantity", {"amount": 4, "unit": "win"}),
    ("The party won the seat for the third election running.", "quantity", {"amount": 3, "unit": "election"}),
    ("The river froze for the first time in 15 years.", "duration", {"amount": 15, "unit": "year"}),
    ("It was the first annual decline since 2011.", "history", {"since": "2011"}),  # the previous one was in 2011
])
def test_streaks_and_firsts_are_lengths_counts_or_start_points(text, kind, value):
    read = [c.value.model_dump(include=set(value)) for c in draft_claims(text) if c.value.kind == kind]
    assert read == [value]


@pytest.mark.parametrize(("text", "kind", "value"), [
    ("The lender is one of the five biggest banks in Asia.", "rank", {"top": 5}),
    ("The university is one of the top 20 in Europe.", "rank", {"top": 20}),
    ("Atlanta's airport is the busiest in the world.", "rank", {"position": 1}),
    ("The airline is the No. 2 carrier in the market.", "rank", {"position": 2}),
    ("One in four children lives in poverty.", "fraction", {"numerator": 1, "denominator": 4, "of": None}),
    ("Three of the eight judges dissented.", "fraction", {"numerator": 3, "denominator": 8, "of": 8}),
    ("Most of the 20 members backed the plan.", "fraction", {"numerator": 1, "denominator": 2, "of": 20}),
])
def test_ranks_and_shares(text, kind, value):
    drafted = [c.value for c in draft_claims(text) if c.value.kind in ("rank", "fraction")]
    assert [(v.kind, v.model_dump(include=set(value))) for v in drafted] == [(kind, value)]


@pytest.mark.parametrize("text", [
    "The biggest challenge is finding enough teachers.",
    "The river is one of the longest in Africa.",
    "The prime minister lives at No. 10 Downing Street.",
    "She is running for a third term.",
    "The second candidate running for office spoke first.",
    "Today's biggest risk is inflation.",
])
def test_no_rank_or_share_where_the_words_only_look_like_one(text):
    assert [c for c in draft_claims(text) if c.value.kind in ("rank", "fraction")] == []


def test_two_articles_timing_one_quake_differently_conflict_and_its_later_shocks_do_not():
    report = check_texts({
        "a.txt": "The quake hit around 1:30 p.m. local time on Friday. At 3:50 p.m. local time on Saturday, "
                 "a further earthquake was recorded.",
        "b.txt": "The first tremor came at approximately 12:50 local time on Friday.",
    })
    conflicts = [f for f in report.findings if f.rule == "CC101"]
    assert len(conflicts) == 1
    assert sorted(c.value for c in conflicts[0].claims) == ["approximately 12:50 local time", "around 1:30 p.m. local time"]


def test_race_times_are_durations_to_the_second():
    durations = [c.value for c in draft_claims("He won in 2:01:25, and she in two hours and 14 seconds.")
                 if c.value.kind == "duration"]
    assert [(d.amount, d.unit) for d in durations] == [(121.4167, "minute"), (120.2333, "minute")]  # type: ignore[union-attr]


@pytest.mark.parametrize("head", ["NAIROBI, March 3, 2025 (Reuters) - ", "SPRINGFIELD, Ill., March 3, 2025 — ",
                                  "CHICAGO (AP) -- "])
def test_the_lead_sentence_starts_after_its_dateline(head):
    from crosscheck.extract.article import Article

    text = f"Budget passes\n\n{head}Parliament approved the budget on Friday. It takes effect in May."
    article = Article.parse(text)
    assert [text[s.start:s.end] for s in article.sentences] == [
        "Budget passes", "Parliament approved the budget on Friday.", "It takes effect in May."]
