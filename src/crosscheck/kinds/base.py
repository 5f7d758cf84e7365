"""The normalised form of one claim value: what every comparator receives."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from crosscheck.kinds import intervals
from crosscheck.kinds.intervals import Formatter
from crosscheck.kinds.numbers import format_number
from crosscheck.model.values import Interval


@dataclass(frozen=True, slots=True)
class Normal:
    """A value as a set: an interval for figures, dates and ranks; a form for names and quotes."""

    text: str
    """The value as written."""
    interval: Interval | None = None
    """The numbers the wording allows; None for names, quotes and unresolvable dates."""
    form: str | None = None
    """For names and quotes: the comparable form (typography and case folded)."""
    fmt: Formatter = format_number
    """How to print a bound of `interval` for people, with its unit ("540", "11.45 trillion CNY")."""
    plain: Formatter = format_number
    """How to print a bound in the compact notation, whose unit is printed once at the end."""
    vocab: tuple[str, ...] = intervals.NUMBER_WORDS
    """How the bounds read in words ("at least" for figures, "on or after" for dates)."""
    wording: str | None = None
    """The whole value in words when the interval does not say it well ("position 1 of 10")."""
    by_currency: Mapping[str, Interval] = field(default_factory=dict)
    """For quantities: the amount in each currency the text gives it in (its own, then a paired conversion)."""
    share: Interval | None = None
    """For fractions: the share of the whole (0..1), also when `interval` counts out of a known whole."""
    whole: int | None = None
    """For fractions counted out of a known whole: its size ("of the top ten" -> 10)."""
    window_years: float | None = None
    """For dates that are forward windows ("within the next decade"): the window's length in years."""

    def lower(self) -> str:
        """The lower bound in words: "at least 600" (or the whole value when it is one point)."""
        assert self.interval is not None
        if self.interval.low is not None and self.interval.low == self.interval.high:
            return self.meaning
        return intervals.lower_words(self.interval, self.fmt, self.vocab)

    def upper(self) -> str:
        """The upper bound in words: "less than 600" (or the whole value when it is one point)."""
        assert self.interval is not None
        if self.interval.low is not None and self.interval.low == self.interval.high:
            return self.meaning
        return intervals.upper_words(self.interval, self.fmt, self.vocab)

    @property
    def notation(self) -> str:
        """The normalised value in compact form, for `ClaimRef.normalized`."""
        if self.interval is not None:
            return intervals.notation(self.interval, self.plain)
        return self.form if self.form is not None else self.text

    @property
    def meaning(self) -> str:
        """The whole value in words: "at least 540 and less than 600"."""
        if self.wording is not None:
            return self.wording
        if self.interval is None:
            return f"'{self.form or self.text}'"
        return intervals.words(self.interval, self.fmt, self.vocab)
