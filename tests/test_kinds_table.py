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
