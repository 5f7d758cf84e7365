"""Direct quotations: compared by their words, with typography, case and edge punctuation ignored.

The word folding and diffing are `text.words`, shared with the comparator and
the terminal report.
"""

from __future__ import annotations

from crosscheck.kinds.base import Normal
from crosscheck.model.values import QuoteValue
from crosscheck.text.words import form


def normalize(value: QuoteValue, text: str) -> Normal:
    """A quotation's comparable form."""
    return Normal(text=text, form=form(value.words))
