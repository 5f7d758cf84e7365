"""The comparisons a careful editor makes, each through every built-in rule at once.

Each case is a handful of claims, one article each (the sentences are the claims' words),
and the rules that must fire on them: none, so a comparison that agrees stays silent under
every rule, not only under the one meant for it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from crosscheck.engine import check
from crosscheck.model.claims import Claim, DocumentMeta
from crosscheck.model.corpus import Corpus, Document, LocatedClaim
from crosscheck.model.registry import Registry
from crosscheck.rules import load_rules

RULES = load_rules()


def corpus(claims: list[dict], published: str | None = None) -> Corpus:
    documents = []
    for index, given in enumerate(claims, start=1):
        name = f"article-{index}.txt"
        text = given["text"]
        claim = Claim.model_validate(
            {"id": f"c{index}", "subject": "harbour-city", "property": given.get("property", "the-figure"), "text": text,
             "quote": text, **{k: v for k, v in given.items() if k not in ("text", "property", "published")}}
        )
        located = LocatedClaim(claim, name, 0, len(text), 1, 1)
        meta = DocumentMeta(article=name, published=given.get("published", published))
        documents.append(Document.of(name, meta, (located,), article_path=Path(name), text=text))
    return Corpus(documents=documents, registry=Registry())


def fired(claims: list[dict], published: str | None = None) -> set[str]:
    return {finding.rule for finding in check(corpus(claims, published), RULES).findings}


def pct(amount: float | None = None, **fields) -> dict:
    return {"kind": "percentage", **({"amount": amount} if amount is not None else {}), **fields}


def qty(amount: float | None = None, **fields) -> dict:
    return {"kind": "quantity", **({"amount": amount} if amount is not None else {}), **fields}


CASES = [
    # percentage points vs percent
    ("points vs percent, with a level", [
        {"text": "rose 0.4 percentage points to 3.1%", "value": pct(0.4, points=True, change={"direction": "up", "to": 3.1})},
        {"text": "rose 0.4% to 3.1%", "value": pct(0.4, change={"direction": "up", "to": 3.1})},
    ], {"CC701"}),
    ("points vs percent, no level", [
        {"text": "the jobless rate climbed 0.3 percentage points", "value": pct(0.3, points=True, change={"direction": "up"})},
        {"text": "the jobless rate climbed 0.3%", "value": pct(0.3, change={"direction": "up"})},
    ], {"CC702"}),
    ("points and points", [
        {"text": "up 0.3 points", "value": pct(0.3, points=True, change={"direction": "up"})},
        {"text": "up 0.3 percentage points", "value": pct(0.3, points=True, change={"direction": "up"})},
    ], set()),
    # change vs level, with direction
    ("gained vs lost", [
        {"text": "the index gained 2.1%", "value": pct(2.1, change={"direction": "up"})},
        {"text": "the index lost 2.1%", "value": pct(2.1, change={"direction": "down"})},
    ], {"CC701"}),
    ("rose vs held steady", [
        {"text": "output rose 1.2%", "value": pct(1.2, change={"direction": "up"})},
        {"text": "output held steady", "value": pct(change={"direction": "unchanged", "factor": 1})},
    ], {"CC701"}),
    ("tripled is 200%", [
        {"text": "tripled to 9,000", "value": qty(unit="visitor", change={"direction": "up", "factor": 3, "to": 9000})},
        {"text": "rose 200%", "value": pct(200, change={"direction": "up"})},
    ], set()),
    ("doubled is not 200%", [
        {"text": "doubled to 9,000", "value": qty(unit="visitor", change={"direction": "up", "factor": 2, "to": 9000})},
        {"text": "rose 200%", "value": pct(200, change={"direction": "up"})},
    ], {"CC701"}),
    ("from-to agrees with points-to", [
        {"text": "went from 4% to 6.5%", "value": pct(change={"direction": "up", "from": 4, "to": 6.5})},
        {"text": "up 2.5 percentage points to 6.5%", "value": pct(2.5, points=True, change={"direction": "up", "to": 6.5})},
    ], set()),
    ("from-to against a bigger rise", [
        {"text": "went from 4.0% to 6.5%", "value": pct(change={"direction": "up", "from": 4.0, "to": 6.5})},
        {"text": "up 3.5 percentage points to 6.5%", "value": pct(3.5, points=True, change={"direction": "up", "to": 6.5})},
    ], {"CC701"}),
    ("a change and a level are not compared as two levels", [
        {"text": "rose by 320 to 4,100", "value": qty(320, unit="death", change={"direction": "up", "to": 4100})},
        {"text": "4,100 deaths", "value": qty(4100, unit="death")},
    ], set()),
    ("a change reached another level", [
        {"text": "rose by 320 to 4,100", "value": qty(320, unit="death", change={"direction": "up", "to": 4100})},
        {"text": "3,900 deaths", "value": qty(3900, unit="death")},
    ], {"CC701"}),
    ("drafted frames: rose vs fell", [
        {"text": "sales rose 3.4%", "value": pct(3.4), "frame": {"measure": "sales", "level": "change", "direction": "up"}},
        {"text": "sales fell 3.4%", "value": pct(3.4), "frame": {"measure": "sales", "level": "change", "direction": "down"}},
    ], {"CC701"}),
    ("drafted frames: a change that does not say which way, by its size", [
        {"text": "sales rose 3.4%", "value": pct(3.4), "frame": {"measure": "sales", "level": "change", "direction": "up"}},
        {"text": "sales changed 5.1%", "value": pct(5.1), "frame": {"measure": "sales", "level": "change"}},
    ], {"CC701"}),
    ("drafted frames: the same size either way", [
        {"text": "sales fell 3.4%", "value": pct(3.4), "frame": {"measure": "sales", "level": "change", "direction": "down"}},
        {"text": "a 3.4% change in sales", "value": pct(3.4), "frame": {"measure": "sales", "level": "change"}},
    ], set()),
    # exact small counts
    ("seven is not more than seven", [
        {"text": "7 patients", "value": qty(7, unit="patient")},
        {"text": "more than 7 patients", "value": qty(7, approx="over", unit="patient")},
    ], {"CC101"}),
    ("seven is seven", [
        {"text": "seven patients", "value": qty(7, unit="patient")},
        {"text": "7 patients", "value": qty(7, unit="patients")},
    ], set()),
    ("a large round figure keeps its rounding", [
        {"text": "3,000 patients", "value": qty(3000, unit="patient")},
        {"text": "more than 3,000 patients", "value": qty(3000, approx="over", unit="patient")},
    ], set()),
    ("a small measure keeps its rounding", [
        {"text": "7 km", "value": qty(7, unit="km")},
        {"text": "more than 7 km", "value": qty(7, approx="over", unit="km")},
    ], set()),
    # vague quantities
    ("dozens is not five", [
        {"text": "dozens of homes", "value": qty(vague="dozens", unit="home")},
        {"text": "five homes", "value": qty(5, unit="home")},
    ], {"CC101"}),
    ("hundreds agrees with 350", [
        {"text": "hundreds of flights", "value": qty(vague="hundreds", unit="flight")},
        {"text": "350 flights", "value": qty(350, unit="flight")},
    ], set()),
    ("a handful is not 40", [
        {"text": "a handful of shops", "value": qty(vague="a handful", unit="shop")},
        {"text": "40 shops", "value": qty(40, unit="shop")},
    ], {"CC101"}),
    ("scores of is more than a dozen", [
        {"text": "scores of villages", "value": qty(vague="scores", unit="village")},
        {"text": "about 60 villages", "value": qty(60, approx="about", unit="village")},
    ], set()),
    ("tens of thousands is not 1.2 million", [
        {"text": "tens of thousands of protesters", "value": qty(vague="tens of thousands", unit="protester")},
        {"text": "1.2 million protesters", "value": qty(1.2, scale="million", unit="protester")},
    ], {"CC101"}),
    # shares and percentages
    ("two-thirds is 67%", [
        {"text": "two-thirds", "value": {"kind": "fraction", "numerator": 2, "denominator": 3}},
        {"text": "67%", "value": pct(67)},
    ], set()),
    ("a fifth is not 27%", [
        {"text": "a fifth", "value": {"kind": "fraction", "numerator": 1, "denominator": 5}},
        {"text": "27%", "value": pct(27)},
    ], {"CC703"}),
    ("nearly half agrees with 48%", [
        {"text": "nearly half", "value": {"kind": "fraction", "numerator": 1, "denominator": 2, "approx": "nearly"}},
        {"text": "48%", "value": pct(48)},
    ], set()),
    # units and currencies
    ("10 km is 6.2 miles", [
        {"text": "10 km", "value": qty(10, unit="km")},
        {"text": "6.2 miles", "value": qty(6.2, unit="miles")},
    ], set()),
    ("10 km is not 10 miles", [
        {"text": "10 km", "value": qty(10, unit="km")},
        {"text": "10 miles", "value": qty(10, unit="mi")},
    ], {"CC101"}),
    ("a speed in mph and km/h", [
        {"text": "65 mph", "value": qty(65, unit="mph")},
        {"text": "105 km/h", "value": qty(105, unit="km/h")},
    ], set()),
    ("an area in sq km and square miles", [
        {"text": "250 sq km", "value": qty(250, unit="sq km")},
        {"text": "about 97 square miles", "value": qty(97, approx="about", unit="square miles")},
    ], set()),
    ("a temperature in Celsius and Fahrenheit", [
        {"text": "40°C", "value": qty(40, unit="°C")},
        {"text": "90°F", "value": qty(90, unit="°F")},
    ], {"CC101"}),
    ("a mass and a length are different facts", [
        {"text": "12 kg", "value": qty(12, unit="kg")},
        {"text": "12 km", "value": qty(12, unit="km")},
    ], set()),
    ("a rate per share is not a count", [
        {"text": "42 cents per share", "value": qty(0.42, currency="USD", unit="per share")},
        {"text": "45 cents a share", "value": qty(0.45, currency="USD", unit="a share")},
    ], {"CC101"}),
    ("amounts in two currencies with no rate", [
        {"text": "$2 billion", "value": qty(2, scale="billion", currency="USD")},
        {"text": "1.5 billion euros", "value": qty(1.5, scale="billion", currency="EUR")},
    ], {"CC704"}),
]


@pytest.mark.parametrize(("claims", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_what_an_editor_is_told(claims, expected):
    assert fired(claims) == expected


RELATIVE = [
    ("last Friday", "last Friday", "2025-03-07", True),
    ("last Friday", "last Friday", "2025-03-14", False),
    ("said on Monday", "on Monday", "2025-03-10", True),
    ("will reopen on Monday", "will reopen on Monday", "2025-03-17", True),
    ("will reopen on Monday", "will reopen on Monday", "2025-03-10", False),
    ("yesterday", "yesterday", "2025-03-11", True),
    ("yesterday", "yesterday", "2025-03-12", False),
    ("last month", "last month", "2025-02", True),
    ("last week", "last week", "2025-03-05", True),
    ("last week", "last week", "2025-03-11", False),
]


@pytest.mark.parametrize(("text", "relative", "date", "agree"), RELATIVE, ids=[f"{r[0]}={r[2]}" for r in RELATIVE])
def test_relative_dates_resolve_against_the_publication_date(text, relative, date, agree):
    """Written on Wednesday 12 March 2025."""
    claims = [
        {"text": text, "value": {"kind": "date", "relative": relative}, "published": "2025-03-12"},
        {"text": date, "value": {"kind": "date", "date": date}, "published": "2025-03-20"},
    ]
    assert fired(claims) == (set() if agree else {"CC201"})


RATE = {"text": "720 billion yuan ($100 billion)", "property": "other-amount",
        "value": qty(720, scale="billion", currency="CNY",
                     converted={"amount": 100, "scale": "billion", "currency": "USD", "text": "$100 billion"})}


@pytest.mark.parametrize(("amounts", "expected"), [
    (("72 billion yuan", 72, "$10 billion", 10), set()),
    (("50 billion yuan", 50, "$10 billion", 10), {"CC705"}),
    (("1 trillion yuan", 1000, "$140 billion", 140), set()),
])
def test_amounts_in_two_currencies_meet_at_the_rate_the_corpus_implies(amounts, expected):
    yuan_text, yuan, dollar_text, dollars = amounts
    claims = [
        {"text": yuan_text, "value": qty(yuan, scale="billion", currency="CNY")},
        {"text": dollar_text, "value": qty(dollars, scale="billion", currency="USD")},
        RATE,
    ]
    assert fired(claims) == expected


def test_drafted_amounts_in_two_currencies_are_not_converted_at_another_fact_s_rate():
    drafted = {"confidence": 0.9}
    claims = [
        {"text": "50 billion yuan", "value": qty(50, scale="billion", currency="CNY"), "draft": drafted},
        {"text": "$10 billion", "value": qty(10, scale="billion", currency="USD"), "draft": drafted},
        RATE,
    ]
    (finding,) = check(corpus(claims), RULES).findings
    assert (finding.rule, finding.severity) == ("CC704", "info")
    assert "compare them by hand" in finding.explanation


def test_two_currencies_are_said_not_to_be_compared():
    claims = [
        {"text": "$2 billion", "value": qty(2, scale="billion", currency="USD")},
        {"text": "1.5 billion euros", "value": qty(1.5, scale="billion", currency="EUR")},
    ]
    (finding,) = check(corpus(claims), RULES).findings
    assert finding.severity == "info"
    assert "cannot compare without an exchange rate" in finding.explanation
