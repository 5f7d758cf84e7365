"""duration_vs_start: a stated length ("a nine-year run") must fit its start point ("since 2016").

Counting convention: the length implied by "since S" as of a date in year A is
A - S calendar years; counting both ends (inclusive counting, common in news
copy) gives one more, so any length in [A - S, A - S + inclusive_slack] agrees.
So "since 2019" and "a six-year run" agree as of 2025, "since 2021" does not.

The start and the length are different properties of the same subject, paired
by the registry (a duration property's `counts_from` names its date property)
or, failing that, by name: with the default pattern, `leading-city-since` (a
date with relation `since`) pairs with `leading-city-duration`.
The "as of" date is the duration claim's scope or dateline, else the start
claim's.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator, Sequence
from fnmatch import translate
from functools import lru_cache

from pydantic import Field

from crosscheck.comparators.base import Comparator, Item, Verdict, quoted
from crosscheck.kinds import Tolerances, intervals
from crosscheck.kinds.dates import year_of
from crosscheck.kinds.durations import base_unit
from crosscheck.model.base import Frozen
from crosscheck.model.values import DateValue, Value


class PropertyPair(Frozen):
    """Property-name patterns pairing a start point with a length; `*` is the shared stem."""

    start: str = Field(min_length=1)
    """Pattern of the start property (a date with relation `since`), e.g. "*-since"."""
    duration: str = Field(min_length=1)
    """Pattern of the length property (a duration), e.g. "*-duration"."""


class Params(Tolerances):
    """Counting convention and property pairing of duration_vs_start."""

    inclusive_slack: int = Field(default=1, ge=0, le=2)
    """Extra years accepted for counting both ends ("2016 to 2025" as ten years)."""
    pairs: tuple[PropertyPair, ...] = (PropertyPair(start="*-since", duration="*-duration"),)
    """How start and length properties are paired."""


@lru_cache(maxsize=256)
def _stem_regex(pattern: str) -> re.Pattern[str]:
    return re.compile(translate(pattern).replace(".*", "(.*)", 1))


def _stem(pattern: str, name: str) -> str | None:
    match = _stem_regex(pattern).match(name)
    if not match:
        return None
    return match.group(1) if match.groups() else ""


def start_properties(length: Item, params: Params) -> list[str]:
    """The date properties a duration claim counts from: the registry's `counts_from`, then name patterns."""
    found = []
    if length.prop is not None and length.prop.counts_from:
        found.append(length.prop.counts_from)
    for pattern in params.pairs:
        stem = _stem(pattern.duration, length.claim.property)
        if stem is not None:
            found.append(pattern.start.replace("*", stem, 1))
    return list(dict.fromkeys(found))


def is_start_or_length(value: Value) -> bool:
    """A start point ("since 2016") or a length of time: nothing else can take part in a pair."""
    return value.kind == "duration" or (value.kind == "date" and value.relation == "since")


def _pairs(items: Sequence[Item], params: Params) -> Iterator[tuple[Item, Item]]:
    """(start, length) pairs across documents: one pass to index starts, one lookup per length."""
    starts: dict[tuple[str, str], list[Item]] = defaultdict(list)
    for item in items:
        if item.value.kind == "date" and item.value.relation == "since" and item.value.date is not None:
            starts[(item.claim.subject, item.claim.property)].append(item)
    for length in items:
        if length.value.kind != "duration" or base_unit(length.value.unit) != "year":
            continue
        for prop in start_properties(length, params):
            for start in starts.get((length.claim.subject, prop), ()):
                if start.document != length.document:
                    yield start, length


def check(items: Sequence[Item], params: Params) -> list[Verdict]:
    """One verdict per start/length pair whose counts cannot match."""
    verdicts = []
    for start, length in _pairs(items, params):
        as_of = length.as_of or start.as_of
        if as_of is None:
            continue  # no date to count to
        since = start.value
        assert isinstance(since, DateValue) and since.date is not None  # `_pairs` yields dated "since" starts only
        since_year, as_of_year = year_of(since.date), year_of(as_of)
        elapsed = as_of_year - since_year
        implied = intervals.make(elapsed, elapsed + params.inclusive_slack, unit="year")
        stated = length.normal(params)
        assert stated.interval is not None
        if intervals.overlaps(implied, stated.interval):
            continue
        inclusive = f" ({elapsed + params.inclusive_slack} counting both ends)" if params.inclusive_slack else ""
        explanation = (
            f"Counting calendar years from {quoted(start.text)} to {as_of_year} gives {elapsed}{inclusive}; "
            f"{quoted(length.text)} means {stated.meaning}, so both cannot hold."
        )
        verdicts.append(
            Verdict(
                items=(start, length),
                normals=(start.normal(), stated),
                explanation=explanation,
                key=(length.claim.subject, length.claim.property, str(as_of_year)),
                facts={"as_of": str(as_of_year), "elapsed": str(elapsed)},
            )
        )
    return verdicts


FACTS = ("as_of", "elapsed")

COMPARATOR = Comparator(
    name="duration_vs_start",
    summary="a stated length of time fits the start point given elsewhere, as of the claim's date",
    kinds=("date", "duration"),
    params=Params,
    corpus=check,
    facts=FACTS,
    selects=is_start_or_length,
    within_subject=True,  # `_pairs` pairs a length with starts of its own subject only
)
