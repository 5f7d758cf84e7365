"""The claim model accepts what annotators write and rejects what cannot be right."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import TypeAdapter, ValidationError

from crosscheck.model.claims import Claim, Scope
from crosscheck.model.values import DateValue, FractionValue, QuantityValue, RankValue, Value

VALUE = TypeAdapter(Value)


@pytest.mark.parametrize(
    ("raw", "stored"),
    [(2024, "2024"), ("2024-03", "2024-03"), (dt.date(2024, 3, 10), "2024-03-10")],
)
def test_partial_dates_keep_their_granularity(raw, stored):
    assert Scope(as_of=raw).as_of == stored


@pytest.mark.parametrize("raw", ["2024-13", "2024-02-30", "24", True, 3.5, "March 2024"])
def test_impossible_dates_are_rejected(raw):
    with pytest.raises(ValidationError):
        Scope(as_of=raw)


def test_value_kind_discriminates():
    assert isinstance(VALUE.validate_python({"kind": "quantity", "amount": 600, "approx": "nearly"}), QuantityValue)
    assert isinstance(VALUE.validate_python({"kind": "rank", "top": 3}), RankValue)
    with pytest.raises(ValidationError):
        VALUE.validate_python({"kind": "quantity", "amount": 600, "approx": "roughly"})


def test_between_needs_ordered_bounds_and_others_need_an_amount():
    assert QuantityValue(approx="between", low=5, high=7).high == 7
    for bad in ({"approx": "between", "low": 7, "high": 5}, {"approx": "between", "low": 5}, {"approx": "over"}, {"amount": 5, "low": 1}):
        with pytest.raises(ValidationError):
            QuantityValue(**bad)


def test_fraction_is_a_proper_share():
    assert FractionValue(numerator=6, denominator=10, of=10).of == 10
    with pytest.raises(ValidationError):
        FractionValue(numerator=11, denominator=10)
    with pytest.raises(ValidationError):
        FractionValue(numerator=1, denominator=0)


def test_rank_takes_position_or_top_not_both():
    with pytest.raises(ValidationError):
        RankValue(position=1, top=3)
    with pytest.raises(ValidationError):
        RankValue()


def test_date_needs_a_date_or_a_relative_expression():
    assert DateValue(relative="last December").date is None
    with pytest.raises(ValidationError):
        DateValue()
    with pytest.raises(ValidationError):
        DateValue(date=2025, end=2021)


def test_scope_is_as_of_or_period():
    assert Scope(start=2021, end=2025).key == "2021..2025"
    with pytest.raises(ValidationError):
        Scope(as_of=2024, start=2021)
    with pytest.raises(ValidationError):
        Scope()


def test_models_are_frozen_and_strict():
    claim = Claim(id="c1", subject="x", property="y", text="5", quote="5 things", value={"kind": "quantity", "amount": 5})
    with pytest.raises(ValidationError):
        claim.id = "c2"  # type: ignore[misc]
    with pytest.raises(ValidationError):
        Claim(id="c1", subject="x", property="y", text="5", quote="5", value={"kind": "quantity", "amount": 5}, extra=1)
    with pytest.raises(ValidationError):
        Claim(id="c1", subject="Not An Id", property="y", text="5", quote="5", value={"kind": "quantity", "amount": 5})


@pytest.mark.parametrize(
    ("fields", "accepted"),
    [
        ({"kind": "quantity", "vague": "dozens", "unit": "home"}, True),
        ({"kind": "quantity", "vague": "dozens", "amount": 30}, False),  # a vague word or a figure, not both
        ({"kind": "quantity", "vague": "umpteen"}, False),  # only the vague words the lexicon bounds
        ({"kind": "percentage", "change": {"direction": "up", "from": 4, "to": 6.5}}, True),  # the levels say the size
        ({"kind": "quantity", "change": {"direction": "up", "factor": 3, "to": 9000}}, True),
        ({"kind": "percentage", "change": {"direction": "up", "to": 6.5}}, False),  # a level reached alone is no size
        ({"kind": "percentage", "amount": 2.1, "change": {"direction": "sideways"}}, False),
        ({"kind": "percentage", "amount": 2.1, "change": {"direction": "down", "factor": 2}}, False),
    ],
)
def test_vague_quantities_and_changes_in_the_schema(fields, accepted):
    if accepted:
        VALUE.validate_python(fields)
    else:
        with pytest.raises(ValidationError):
            VALUE.validate_python(fields)
