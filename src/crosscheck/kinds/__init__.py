"""Normalisation: a value as written -> the set of values it allows (an interval, a form).

One module per value kind, and one table, `KINDS`, saying for each kind of the
model's `Value` union which module normalises it; a test keeps the table
complete against the union, so a new kind without a normaliser fails it.
Everything here is pure: no files, no clock (relative dates resolve against
the dateline passed in).
"""

from __future__ import annotations

from crosscheck.kinds.approx import Tolerances
from crosscheck.kinds.base import Normal
from crosscheck.kinds.table import KINDS, Kind

__all__ = ["KINDS", "Kind", "Normal", "Tolerances", "normalize"]


def normalize(value: object, text: str, *, published: str | None = None, tolerances: Tolerances | None = None) -> Normal:
    """The normal form of one claim value, given the text it was written as and the article's dateline."""
    kind = KINDS.get(str(getattr(value, "kind", "")))
    if kind is None or not isinstance(value, kind.model):
        raise TypeError(f"no normaliser for {type(value).__name__}")
    return kind.normalize(value, text, published, tolerances)
