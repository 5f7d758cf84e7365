"""Two comparisons an editor makes across figures that look compatible or differently shaped.

Transposed digits (CC708): "at least 3,148" and "reached 3,184" can both hold, but their digits
differ by one swap of neighbours, so one is probably a typo: info.  Superlatives (CC710): "the
strongest aftershock measured 6.1" bounds every aftershock, so another article's "a 6.5-magnitude
aftershock" cannot hold: a warning, only when the class is plainly the same.
"""

from __future__ import annotations

import pytest

from crosscheck import check_texts
from crosscheck.comparators.digits_transposed import one_adjacent_swap, written_digits
from crosscheck.extract.draft import draft_claims
from crosscheck.model.values import QuantityValue


def _findings(first: str, second: str, rule: str) -> list[tuple[str, str]]:
    """(rule, severity) of each finding of `rule` when two articles with these bodies are checked."""
    report = check_texts({"a.txt": f"Storm report\n\n{first}\n", "b.txt": f"Storm report\n\n{second}\n"})
    return [(f.rule, f.severity) for f in report.findings if f.rule == rule]


# ---------------------------------------------------------------------------------------- transposed digits


@pytest.mark.parametrize(("amount", "approx", "text", "digits"), [
    (3148, "at_least", "at least 3,148", "3148"),
    (1.34, "exact", "1.34", "1.34"),
    (2050, "over", "more than 2,050", None),       # round
    (56, "exact", "56", None),                     # two significant digits
    (3148, "about", "about 3,148", None),          # a loose approximator
    (3148, "nearly", "nearly 3,148", None),
])
def test_only_precise_figures_have_digits_to_compare(amount: float, approx: str, text: str, digits: str | None) -> None:
    value = QuantityValue(amount=amount, approx=approx, unit="death")
    assert written_digits(value, text) == digits


@pytest.mark.parametrize(("a", "b", "swapped"), [
    ("3148", "3184", True),
    ("1432", "1342", True),
    ("1.34", "1.43", True),
    ("3148", "3481", False),   # a digit moved two places
    ("3148", "3148", False),
    ("3148", "31480", False),
    ("3148", "3149", False),
    ("13.4", "1.34", False),   # the point moved, not a digit
])
def test_one_swap_of_neighbouring_digits(a: str, b: str, swapped: bool) -> None:
    assert one_adjacent_swap(a, b) is swapped


@pytest.mark.parametrize(("first", "second", "expected"), [
    ("Officials said at least 3,148 people were killed in the floods.",
     "The number of people killed in the floods reached 3,184.", [("CC708", "info")]),
    ("Officials said about 3,148 people were killed in the floods.",
     "The number of people killed in the floods reached 3,184.", []),
    ("Officials said at least 2,050 people were killed in the floods.",
     "The number of people killed in the floods reached 2,500.", []),
    ("Officials said at least 56 people were killed in the floods.",
     "The number of people killed in the floods reached 65.", []),
])
def test_compatible_figures_with_swapped_digits_are_a_possible_typo(first: str, second: str, expected: list) -> None:
    assert _findings(first, second, "CC708") == expected


def test_figures_that_cannot_both_hold_are_one_conflict_not_also_a_typo() -> None:
    first = "The floods killed 3,148 people, officials said."
    second = "The floods killed 3,184 people, officials said."
    report = check_texts({"a.txt": f"Storm report\n\n{first}\n", "b.txt": f"Storm report\n\n{second}\n"})
    rules = {f.rule for f in report.findings}
    assert "CC101" in rules
    assert "CC708" not in rules


# ---------------------------------------------------------------------------------------- superlatives


def _bounds(sentence: str) -> list[tuple[str, str]]:
    """(measure, extreme) of each claim drafted from `sentence` as the bound of a class."""
    return [(c.frame.measure, c.frame.qualifiers["extreme"]) for c in draft_claims(sentence)
            if c.frame is not None and "extreme" in c.frame.qualifiers]


@pytest.mark.parametrize(("sentence", "bounds"), [
    ("The strongest aftershock measured 6.1.", [("aftershock", "max")]),
    ("The largest of the aftershocks was 6.1.", [("aftershock", "max")]),
    ("The biggest single donation was $2 million.", [("donation", "max")]),
    ("Dozens of aftershocks followed, and the strongest registered 6.1 magnitude.", [("magnitude-aftershock", "max")]),
    ("The lowest bid was $1.2 million.", [("bid", "min")]),
    ("The strongest aftershock was a magnitude 6.1 tremor.", [("magnitude-aftershock", "max")]),
    ("The biggest single donation topped $2 million.", [("donation", "max")]),
    ("The strongest aftershock measured 6.1, and 40 people died.", [("aftershock", "max")]),
    # other classes, or no plain class at all
    ("The quake was the strongest since 1912, at 7.7.", []),
    ("One of the strongest aftershocks measured 6.1.", []),
    ("The second-strongest aftershock measured 6.1.", []),
    ("The strongest aftershock on Saturday measured 5.1.", []),
    ("The largest donation in Ohio was $2 million.", []),
    ("The strongest aftershock could reach 7.", []),
    ("The strongest aftershock struck 40 kilometres from the city.", []),
    ("The strongest aftershock measured the coast at 6.1.", []),
    ("The tallest tower has 88 floors.", []),  # floors are not what makes a tower the tallest
    ("Aftershocks shook the coast, officials said, and rescuers counted 12 collapsed homes.", []),
])
def test_a_superlative_is_drafted_as_the_bound_of_its_class(sentence: str, bounds: list) -> None:
    assert _bounds(sentence) == bounds


@pytest.mark.parametrize(("first", "second", "expected"), [
    ("Dozens of aftershocks followed, and the strongest registered 6.1 magnitude.",
     "A 6.5-magnitude aftershock struck an hour later.", [("CC710", "warning")]),
    ("The strongest aftershock measured 6.1.",
     "A 6.5-magnitude aftershock struck an hour later.", [("CC710", "warning")]),
    ("The lowest bid was $1.2 million.", "The city received a bid of $900,000.", [("CC710", "warning")]),
    # within the bound, or not a member of the class
    ("The strongest aftershock measured 6.1.", "A 5.2-magnitude aftershock struck an hour later.", []),
    ("The strongest aftershock measured 6.1.", "A 7.4-magnitude earthquake struck the coast.", []),
    ("The quake was the strongest since 1912, at 7.7.", "A 7.9-magnitude earthquake struck the coast in 1912.", []),
    ("The second-strongest aftershock measured 6.1.", "A 6.5-magnitude aftershock struck an hour later.", []),
])
def test_a_member_beyond_another_articles_extreme_is_a_warning(first: str, second: str, expected: list) -> None:
    assert _findings(first, second, "CC710") == expected


def test_a_member_in_the_superlatives_own_article_is_not_held_against_it() -> None:
    text = "The strongest aftershock measured 6.1. Earlier, a 6.5-magnitude aftershock struck the coast."
    report = check_texts({"a.txt": f"Storm report\n\n{text}\n", "b.txt": "Storm report\n\nRescuers worked all night.\n"})
    assert [f for f in report.findings if f.rule == "CC710"] == []


def test_two_articles_giving_the_extreme_of_one_class_state_one_fact() -> None:
    findings = _findings("The strongest aftershock measured 6.1.", "The strongest aftershock measured 6.5.", "CC101")
    assert [rule for rule, severity in findings if severity != "info"] == ["CC101"]
