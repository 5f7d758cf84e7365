"""Building pydantic models fast from values already known to be valid.

The engine builds a `ClaimRef` per claim in a finding and a `Finding` per
verdict, from validated claims and rules; the caches and the process hand-off
rebuild them from their own output.  Validating again would be wasted work.
"""

from __future__ import annotations

from typing import TypeVar

from pydantic import BaseModel

M = TypeVar("M", bound=BaseModel)

_setattr = object.__setattr__
_ALL_FIELDS: dict[type, set[str]] = {}


def construct(cls: type[M], values: dict[str, object]) -> M:
    """`cls.model_construct(**values)` for `values` that are valid and name every field, in order.

    `model_construct` loops over the fields in Python to fill defaults and aliases: a fifth of
    the time of building the 108k findings of a 400k-claim check.  With every field given and
    none aliased there is nothing for it to do; this sets the same four attributes directly, and
    every instance of `cls` shares one fields set.
    """
    fields_set = _ALL_FIELDS.get(cls)
    if fields_set is None:
        if cls.__pydantic_post_init__ or cls.__pydantic_root_model__ or cls.model_config.get("extra") == "allow":
            raise TypeError(f"{cls.__name__} needs model_construct")  # a model this shortcut does not cover
        fields_set = _ALL_FIELDS[cls] = set(cls.model_fields)
    if len(values) != len(fields_set):
        raise TypeError(f"{cls.__name__} takes {sorted(fields_set)}, given {sorted(values)}")
    model = cls.__new__(cls)
    _setattr(model, "__dict__", values)
    _setattr(model, "__pydantic_fields_set__", fields_set)
    _setattr(model, "__pydantic_extra__", None)
    _setattr(model, "__pydantic_private__", None)
    return model
