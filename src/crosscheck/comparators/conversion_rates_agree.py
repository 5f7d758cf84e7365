"""conversion_rates_agree: the exchange rates implied by paired conversions must agree.

"50 billion yuan (about 7 billion USD)" implies a CNY-per-USD rate interval
(amount interval divided by conversion interval).  Every rate implied in the
corpus for the same currency pair and year must share a point with every
other.  Claims without any date join every year's comparison.  Sorting the
bounds finds a disjoint pair in O(n log n) per pair and year.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from crosscheck.comparators.base import Comparator, Item, Verdict, quoted
from crosscheck.kinds import Normal, Tolerances, intervals
from crosscheck.kinds.dates import year_of
from crosscheck.kinds.quantities import conversion_interval
from crosscheck.model.values import Interval, Value


class Params(Tolerances):
    """Tolerances δ for "about" and "nearly" amounts and conversions."""


def _divide(x: Interval, y: Interval, unit: str) -> Interval | None:
    """x / y for positive intervals; None when a bound makes the ratio meaningless."""
    if y.low is None or y.low < 0 or (x.low is not None and x.low < 0):
        return None
    low = 0.0 if x.low is None or y.high is None else x.low / y.high
    high = None if x.high is None or y.low == 0 else x.high / y.low
    return intervals.make(low, high, low_closed=x.low_closed and y.high_closed, high_closed=x.high_closed and y.low_closed, unit=unit)


def has_conversion(value: Value) -> bool:
    """Only a figure with a paired conversion implies an exchange rate."""
    return value.kind == "quantity" and value.converted is not None


def implied_rate(item: Item, params: Params) -> tuple[tuple[str, str], Normal] | None:
    """((base, quote) currencies, the rate interval in base per quote) for a claim with a conversion."""
    value = item.value
    if value.kind != "quantity" or value.converted is None or value.currency is None:
        return None
    if value.converted.currency == value.currency:
        return None
    amount = item.normal(params).interval
    converted = conversion_interval(value, params)
    assert amount is not None and converted is not None
    base, quote = sorted((value.currency, value.converted.currency))
    unit = f"{base} per {quote}"
    rate = _divide(amount, converted, unit) if value.currency == base else _divide(converted, amount, unit)
    if rate is None:
        return None
    return (base, quote), Normal(text=item.text, interval=rate, fmt=lambda x: f"{x:.4g} {unit}", plain=lambda x: f"{x:.4g}")


def check(items: Sequence[Item], params: Params) -> list[Verdict]:
    """One verdict per currency pair and year whose implied rates share no point."""
    by_pair: dict[tuple[str, str], list[tuple[Item, Normal, int | None]]] = defaultdict(list)
    for item in items:
        rated = implied_rate(item, params)
        if rated is not None:
            as_of = item.as_of
            by_pair[rated[0]].append((item, rated[1], year_of(as_of) if as_of else None))
    verdicts: list[Verdict] = []
    seen: set[tuple[int, int]] = set()
    for pair, rated_items in sorted(by_pair.items()):
        years: list[int | None] = [*sorted({year for _, _, year in rated_items if year is not None})] or [None]
        for year in years:
            chosen = [r for r in rated_items if r[2] in (year, None)]
            rates = [normal.interval for _, normal, _ in chosen if normal.interval is not None]  # implied_rate always gives one
            found = intervals.tightest_pair(rates)
            if found is None:
                continue
            (low_item, low, _), (high_item, high, _) = chosen[found[0]], chosen[found[1]]
            ids = (min(id(low_item), id(high_item)), max(id(low_item), id(high_item)))
            if ids in seen:
                continue
            seen.add(ids)
            explanation = (
                f"{quoted(low_item.text)} implies an exchange rate of {low.upper()}; {quoted(high_item.text)} implies "
                f"{high.lower()}, so the two conversions cannot both hold{f' in {year}' if year else ''}."
            )
            verdicts.append(
                Verdict(
                    items=(low_item, high_item),
                    normals=(low, high),
                    explanation=explanation,
                    key=(f"{pair[0]}/{pair[1]}".lower(), "implied-exchange-rate", str(year) if year else None),
                    facts={"pair": f"{pair[0]}/{pair[1]}"},
                )
            )
    return verdicts


FACTS = ("pair",)

COMPARATOR = Comparator(
    name="conversion_rates_agree",
    summary="exchange rates implied by paired conversions agree for the same currency pair and year",
    kinds=("quantity",),
    params=Params,
    corpus=check,
    facts=FACTS,
    selects=has_conversion,
)
