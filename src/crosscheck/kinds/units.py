"""Units of measure: one vocabulary for hand-written and drafted claims, and conversion between units.

`canonical_unit` reads a unit as written ("km", "miles", "sq km", "mph", "companies",
"a week") into one form: a unit of measure the units library (pint) converts, a rate
("per share"), or a counted noun in the singular ("company").  The written forms are in
the lexicon (`units`, `rate_words`, `irregular_plurals`); pint is imported only when
two different units of measure are compared, so a run without them never pays its
start-up (seconds on a cold machine).

    "10 km" and "6.2 miles"   10 km is [9.5, 10.5) km = [5.90, 6.52) mi, which holds 6.2: they agree
    "10 km" and "10 miles"    [5.90, 6.52) mi and [9.5, 10.5) mi share nothing: they conflict
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from crosscheck.kinds import intervals
from crosscheck.kinds.currencies import ISO_4217
from crosscheck.kinds.vocabulary import vocabulary
from crosscheck.model.values import Interval

_SPACES = re.compile(r"\s+")
_PER = re.compile(r"\s+per\s+|\s*/\s*")


@dataclass(frozen=True, slots=True)
class Unit:
    """A unit in its canonical form."""

    name: str
    """The canonical form: pint's name for a unit of measure ("kilometer", "mile / hour"), else singular words."""
    measure: bool = False
    """True for a unit of measure the units library converts (length, area, speed, mass, temperature, ...)."""
    rate: bool = False
    """True for a rate of something counted ("per share", "per week"): never a count."""

    @property
    def counted(self) -> bool:
        """A count of things ("company"): whole numbers, compared only with the same noun."""
        return not self.measure and not self.rate


def singular(noun: str) -> str:
    """The singular of a counted noun, last word only: "companies" -> "company", "mumps cases" -> "mumps case"."""
    head, _, last = noun.rpartition(" ")
    irregular = vocabulary().irregular_plurals
    if last in irregular:
        one = irregular[last]
    elif last.endswith("ies") and len(last) > 4:
        one = last[:-3] + "y"
    elif last.endswith(("sses", "xes", "ches", "shes", "zes")):
        one = last[:-2]
    elif last.endswith("s") and not last.endswith(("ss", "us", "is")) and len(last) > 2:
        one = last[:-1]
    else:
        one = last
    return f"{head} {one}" if head else one


def _measure(written: str) -> str | None:
    """pint's name for a unit of measure as written, plural or singular; None when it is not one."""
    units = vocabulary().units
    return units.get(written) or units.get(singular(written))


@cache
def canonical_unit(written: str) -> Unit:
    """The canonical form of a unit as written: a unit of measure, a rate or a counted noun.

    Accepts what drafting emits as written ("km", "miles", "mph", "km/h", "42 cents per share"'s
    "per share") and what annotators write ("kilometre", "sq km", "company").
    """
    text = _SPACES.sub(" ", written.strip().lower())
    name = _measure(text)
    if name is not None:
        return Unit(name, measure=True)
    first, _, rest = text.partition(" ")
    if rest and first in vocabulary().rate_words:  # "a week", "per share"
        return Unit(f"per {canonical_unit(rest).name}", rate=True)
    parts = _PER.split(text, maxsplit=1)
    if len(parts) == 2 and all(parts):
        top, bottom = canonical_unit(parts[0]), canonical_unit(parts[1])
        if top.measure and bottom.measure:
            return Unit(f"{top.name} / {bottom.name}", measure=True)
        return Unit(f"{top.name} per {bottom.name}", rate=True)
    return Unit(singular(text))


@cache
def _registry() -> Any:
    """pint's unit registry, made once and only when two units of measure meet."""
    import pint  # seconds of start-up on a cold machine: only for runs that convert

    return pint.UnitRegistry()


@cache
def _factor_check(source: str, target: str) -> bool:
    registry = _registry()
    return bool(registry.parse_units(source).dimensionality == registry.parse_units(target).dimensionality)


def convertible(source: Unit, target: Unit) -> bool:
    """True when both are units of measure of the same dimension (km and miles; not km and kg)."""
    if not (source.measure and target.measure):
        return False
    return source.name == target.name or _factor_check(source.name, target.name)


def _convert(value: float, source: str, target: str) -> float:
    registry = _registry()
    return float(registry.Quantity(value, source).to(target).magnitude)


def convert(interval: Interval, source: Unit, target: Unit) -> Interval | None:
    """The interval in another unit of the same dimension, bounds converted (monotonic, so offsets work); None if not convertible."""
    if not convertible(source, target):
        return None
    if source.name == target.name:
        return interval
    return intervals.make(
        None if interval.low is None else _convert(interval.low, source.name, target.name),
        None if interval.high is None else _convert(interval.high, source.name, target.name),
        low_closed=interval.low_closed,
        high_closed=interval.high_closed,
        unit=target.name,
    )


def unit_problem(written: str | None, expected: str | None) -> str | None:
    """Why a claim's unit does not fit its property's declared unit, or None when it fits.

    Fits: the same canonical unit ("companies" for "company"), or a unit of measure of the
    same dimension ("miles" for "km").  A property whose unit is not a unit (a currency
    code, "% of GDP") or that declares none accepts any.
    """
    if written is None or expected is None or not expected.strip() or expected.strip() in ISO_4217 or "%" in expected:
        return None
    found, wanted = canonical_unit(written), canonical_unit(expected)
    if found.name == wanted.name or convertible(found, wanted):
        return None
    return f"unit {written!r} does not fit the property's unit (expected {expected!r} or a unit convertible to it, found {written!r})"


def currency_problem(code: str | None) -> str | None:
    """Why a currency code is not an ISO 4217 code, or None when it is one."""
    if code is None or code in ISO_4217:
        return None
    return f"unknown currency code {code!r} (expected an ISO 4217 code such as USD, EUR or CNY, found {code!r})"


def value_problems(value: object, declared_unit: str | None) -> list[tuple[tuple[str, ...], str, str]]:
    """What `validate` reports about a value's unit and currencies: (path under `value`, code, message) each.

    A unit that does not fit its property's unit (`unit_problem`), and a currency code that is
    not ISO 4217, on the amount or on its paired conversion.
    """
    found: list[tuple[tuple[str, ...], str, str]] = []
    fields = getattr(value, "__dict__", {})
    unit = fields.get("unit")
    if isinstance(unit, str) and fields.get("kind") == "quantity":
        problem = unit_problem(unit, declared_unit)
        if problem is not None:
            found.append((("unit",), "unit-mismatch", problem))
    problem = currency_problem(fields.get("currency"))
    if problem is not None:
        found.append((("currency",), "unknown-currency", problem))
    converted = fields.get("converted")
    if converted is not None:
        problem = currency_problem(converted.currency)
        if problem is not None:
            found.append((("converted", "currency"), "unknown-currency", problem))
    return found
