"""Table-driven tests of each extractor on invented sentences: text as written -> value drafted."""

from __future__ import annotations

import pytest

from crosscheck.extract.draft import draft_claims
from crosscheck.extract.numbers import parse_number


def _values(text: str, kind: str, **kw) -> list[tuple[str, dict]]:
    """(text as written, value fields without defaults) for every drafted claim of one kind."""
    out = []
    for claim in draft_claims(text, **kw):
        if claim.value.kind == kind:
            value = claim.value.model_dump(exclude_none=True, exclude={"kind"})
            value = {k: v for k, v in value.items() if not (k == "approx" and v == "exact") and not (k == "points" and v is False)}
            out.append((claim.text, value))
    return out


@pytest.mark.parametrize(
    "written, expected",
    [("1,200", 1200), ("6.58", 6.58), ("seven", 7), ("Twenty-five", 25), ("a dozen", 12), ("31", 31)],
)
def test_parse_number(written, expected):
    assert parse_number(written) == expected


QUANTITIES = [
    ("The alliance signed deals with nearly 450 regional banks last spring.",
     ("nearly 450", {"amount": 450, "approx": "nearly", "unit": "bank"})),
    ("The port now serves 120+ shipping lines.", ("120+", {"amount": 120, "approx": "at_least", "unit": "line"})),
    ("Officials opened more than 3,000 new clinics.", ("more than 3,000", {"amount": 3000, "approx": "over", "unit": "clinic"})),
    ("The group runs eleven research laboratories in the north.", ("eleven", {"amount": 11, "unit": "laboratory"})),
    ("The fund invested roughly 2.4 billion euros in the programme.",
     ("roughly 2.4 billion euros", {"amount": 2.4, "approx": "about", "scale": "billion", "currency": "EUR"})),
    ("Sales reached $3.2 million last year.", ("$3.2 million", {"amount": 3.2, "scale": "million", "currency": "USD"})),
    ("It plans to hire up to 40 engineers.", ("up to 40", {"amount": 40, "approx": "at_most", "unit": "engineer"})),
    ("The town has between 5 and 7 hospitals.", ("between 5 and 7", {"low": 5, "high": 7, "approx": "between", "unit": "hospital"})),
    ("The network links hundreds of small farms.", ("hundreds", {"unit": "farm", "vague": "hundreds"})),
    ("The league is a trio of rival clubs.", ("trio", {"amount": 3, "unit": "club"})),
    ("The firm employs 80 domestic and foreign analysts.", ("80", {"amount": 80, "unit": "analyst"})),
]


@pytest.mark.parametrize("text, expected", QUANTITIES, ids=[t[1][0] for t in QUANTITIES])
def test_quantities(text, expected):
    assert expected in _values(text, "quantity")


def test_conversion_is_kept_with_the_amount():
    text = "Exports totalled about 80 billion yuan (around 11 billion USD) in the period."
    [(written, value)] = _values(text, "quantity")
    assert written == "about 80 billion yuan (around 11 billion USD)"
    assert value["currency"] == "CNY" and value["approx"] == "about"
    assert value["converted"] == {"amount": 11, "approx": "about", "scale": "billion", "currency": "USD",
                                  "text": "around 11 billion USD"}


@pytest.mark.parametrize(
    "text",
    ["The COVID-19 wave hit the G20 summit.", "Its 5G network covers the city.", "These four hubs matter.",
     "One of the firms left.", "The report, Index 2025, is out."],
)
def test_no_count_from_codes_restatements_or_one(text):
    assert _values(text, "quantity") == []


PERCENTAGES = [
    ("Unemployment fell to 4.2% in the quarter.", ("4.2%", {"amount": 4.2})),
    ("Turnout was over 60 percent.", ("over 60 percent", {"amount": 60, "approx": "over"})),
    ("Rates rose 2 percentage points.", ("2 percentage points", {"amount": 2, "points": True})),
    ("Forests cover less than 10% of the island.", ("less than 10%", {"amount": 10, "approx": "under"})),
]


@pytest.mark.parametrize("text, expected", PERCENTAGES, ids=[p[1][0] for p in PERCENTAGES])
def test_percentages(text, expected):
    assert expected in _values(text, "percentage")


SHARES = [
    ("Farmers produce about one-third of the country's rice.",
     ("about one-third", {"numerator": 1, "denominator": 3, "approx": "about"})),
    ("Four of the top five universities are public.",
     ("Four of the top five", {"numerator": 4, "denominator": 5, "of": 5})),
    ("Women hold over half of the region's top twenty posts.",
     ("over half of the region's top twenty", {"numerator": 1, "denominator": 2, "of": 20, "approx": "over"})),
    ("Two-thirds of voters agreed.", ("Two-thirds", {"numerator": 2, "denominator": 3})),
]


@pytest.mark.parametrize("text, expected", SHARES, ids=[s[1][0] for s in SHARES])
def test_shares(text, expected):
    assert expected in _values(text, "fraction")


def test_second_half_is_a_period_not_a_share():
    assert _values("Growth slowed in the second half of the year.", "fraction") == []


RANKS = [
    ("The city topped the global liveability survey.", ("topped", {"position": 1})),
    ("The team took second place in the league.", ("second place", {"position": 2})),
    ("Lyon is among the top five destinations.", ("top five", {"top": 5})),
    ("The club was ranked No. 3 by the magazine.", ("ranked No. 3", {"position": 3})),
    ("Oslo is the world's leading port for electric ferries.", ("leading", {"position": 1})),
    ("The fourth pillar of the reform is a new pension fund.", ("fourth pillar", {"position": 4})),
    ("Kraków is the second stop on the tour.", ("second stop", {"position": 2})),
]


@pytest.mark.parametrize("text, expected", RANKS, ids=[r[1][0] for r in RANKS])
def test_ranks(text, expected):
    assert expected in _values(text, "rank")


def test_first_time_is_not_a_rank():
    assert _values("The index grew for the first time in a decade.", "rank") == []
    assert _values("It was the first time in a decade that prices fell.", "rank") == []
    assert _values("Sales rose in the third quarter of the year.", "rank") == []


def test_top_n_of_a_listed_trio_is_one_claim_per_member():
    text = "Lima, Quito and Bogota grew fastest, making them the top three cities in the survey."
    claims = [c for c in draft_claims(text) if c.value.kind == "rank"]
    assert sorted(c.subject for c in claims) == ["bogota", "lima", "quito"]


DATES = [
    ("The bridge will open by 2031.", ("by 2031", {"relation": "by", "date": "2031"})),
    ("The club has been unbeaten since 2019.", ("since 2019", {"relation": "since", "date": "2019"})),
    ("The deal was signed on March 3, 2022.", ("on March 3, 2022", {"relation": "on", "date": "2022-03-03"})),
    ("Prices peaked in October 2021.", ("in October 2021", {"relation": "on", "date": "2021-10"})),
    ("The plan covers 2021-2025.", ("2021-2025", {"relation": "on", "date": "2021", "end": "2025"})),
]


@pytest.mark.parametrize("text, expected", DATES, ids=[d[1][0] for d in DATES])
def test_dates(text, expected):
    assert expected in _values(text, "date")


DATELINED = "Lagos, March 14 (Reuters) — The council met last November and again on Tuesday, officials said."


def test_relative_dates_without_a_year_stay_relative():
    values = dict(_values(DATELINED, "date"))
    assert values["last November"] == {"relation": "on", "relative": "last November"}
    assert values["on Tuesday"] == {"relation": "on", "relative": "on Tuesday"}


def test_relative_dates_resolve_against_a_dated_dateline():
    values = dict(_values(DATELINED, "date", published="2024-03-14"))
    assert values["last November"]["date"] == "2023-11"
    assert values["on Tuesday"]["date"] == "2024-03-12"  # the Tuesday before Thursday 14 March 2024


def test_year_in_a_name_is_not_a_date_and_leading_year_scopes_figures():
    text = "In 2023, the agency opened 14 depots, the Transport Outlook 2024 says."
    assert _values(text, "date") == []
    [claim] = [c for c in draft_claims(text) if c.value.kind == "quantity"]
    assert claim.scope is not None and claim.scope.as_of == "2023"


DURATIONS = [
    ("She ended a nine-year tenure at the bank.", ("nine-year", {"amount": 9, "unit": "year"})),
    ("A two-hour delivery window is promised.", ("two-hour", {"amount": 2, "unit": "hour"})),
    ("Spending will rise over the next five years.", ("over the next five years", {"amount": 5, "unit": "year"})),
    ("The goal is to double output within the next decade.",
     ("within the next decade", {"amount": 1, "unit": "decade", "approx": "at_most"})),
]


@pytest.mark.parametrize("text, expected", DURATIONS, ids=[d[1][0] for d in DURATIONS])
def test_durations(text, expected):
    assert expected in _values(text, "duration")
