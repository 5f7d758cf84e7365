"""The per-kind table covers exactly the model's value kinds, so a new kind cannot be half added."""

from __future__ import annotations

from typing import get_args

import pytest

from crosscheck.kinds import KINDS, normalize
from crosscheck.model.values import VALUE_KINDS, VALUE_MODELS, ValueKind


def test_the_kinds_table_lists_every_value_kind_of_the_union_and_no_other():
    assert list(KINDS) == list(VALUE_KINDS)
    assert [kind.model for kind in KINDS.values()] == list(VALUE_MODELS)


def test_the_value_kind_literal_names_the_union_s_kinds():
    assert get_args(ValueKind) == VALUE_KINDS


def test_a_value_of_no_known_kind_has_no_normaliser():
    with pytest.raises(TypeError, match="no normaliser for dict"):
        normalize({"kind": "quantity", "amount": 5}, "5")


def test_every_vague_quantity_of_the_schema_has_bounds_in_the_lexicon_and_no_other():
    from typing import get_args

    from crosscheck.kinds.vocabulary import vocabulary
    from crosscheck.model.values import VagueQuantity

    bounds = vocabulary().vague_bounds
    assert set(bounds) == set(get_args(VagueQuantity))
    assert all(low < high for low, high in bounds.values())
    assert set(vocabulary().vague_words.values()) == set(bounds)  # each is written some way


def test_every_unit_of_measure_in_the_lexicon_is_one_the_units_library_knows():
    import pint

    from crosscheck.kinds.vocabulary import vocabulary

    registry = pint.UnitRegistry()
    for written, name in vocabulary().units.items():
        assert registry.parse_units(name) is not None, written
