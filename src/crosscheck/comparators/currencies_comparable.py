"""currencies_comparable: amounts of one fact in different currencies are compared, or said not to be.

"$2 billion" and "1.5 billion euros" for the same fact meet no common currency.  When a paired
conversion elsewhere in the corpus implies a rate between the two currencies (as
`conversion_rates_agree` reads it), one amount is converted at that rate and the two are
compared (`report: conflicts`); when none does, or a claim is drafted (its key is a guess, and
a rate from another fact would stack a second guess on it), the pair is reported (`report:
unconvertible`, "cannot compare without an exchange rate"), so an editor knows it was not
checked rather than assuming it agreed.  An amount that
carries its own conversion into the other currency is `intervals_overlap`'s business.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Literal

from crosscheck.comparators import conversion_rates_agree
from crosscheck.comparators.base import Comparator, Item, Verdict, quoted
from crosscheck.comparators.conversion_rates_agree import implied_rate
from crosscheck.kinds import Normal, intervals
from crosscheck.kinds.changes import is_change
from crosscheck.kinds.quantities import money_formatter
from crosscheck.model.values import Interval, Value


class Params(conversion_rates_agree.Params):
    """Tolerances δ for amounts and conversions, and which outcome the rule reports."""

    report: Literal["unconvertible", "conflicts"] = "unconvertible"
    """`unconvertible`: pairs no rate in the corpus converts, or drafted ones (info); `conflicts`: pairs that disagree once converted."""


def is_money(value: Value) -> bool:
    """Only an amount of money takes part."""
    return value.kind == "quantity" and value.currency is not None


def _rates(items: Sequence[Item], params: Params) -> dict[tuple[str, str], Interval]:
    """Every rate the corpus implies per currency pair (base per quote), all years together."""
    rates: dict[tuple[str, str], Interval] = {}
    for item in items:
        rated = implied_rate(item, params)
        if rated is None or rated[1].interval is None:
            continue
        pair, rate = rated[0], rated[1].interval
        known = rates.get(pair)
        rates[pair] = rate if known is None else (intervals.intersect(known, rate) or known)
    return rates


def _currencies(value: Value) -> frozenset[str]:
    """The currencies an amount is given in: its own and its paired conversion's (read without normalising)."""
    if value.kind != "quantity" or value.currency is None:
        return frozenset()
    return frozenset((value.currency, value.converted.currency) if value.converted is not None else (value.currency,))


def _multiply(amount: Interval, rate: Interval, unit: str) -> Interval | None:
    if amount.low is None or amount.high is None or rate.low is None or rate.high is None or amount.low < 0:
        return None
    return intervals.make(amount.low * rate.low, amount.high * rate.high, unit=unit)


def check(items: Sequence[Item], params: Params) -> list[Verdict]:
    """One verdict per fact and pair of currencies its amounts are given in without a common one."""
    rates = _rates(items, params)
    groups: dict[tuple[str, str, str | None], list[Item]] = defaultdict(list)
    for item in items:
        frame = item.claim.frame
        if not is_change(item.value, frame):
            scope = item.claim.scope.key if item.claim.scope else None
            if frame is not None and frame.partition:  # a forecast is a fact of its own, as in the engine's keys
                scope = f"{scope} {frame.partition}" if scope else frame.partition
            groups[(item.claim.subject, item.claim.property, scope)].append(item)
    verdicts = []
    for key, members in sorted(groups.items(), key=lambda kv: (kv[0][0], kv[0][1], kv[0][2] or "")):
        if len(members) < 2:
            continue
        by_currency: dict[str, list[Item]] = defaultdict(list)
        both_given: list[frozenset[str]] = []  # an amount with its conversion is compared in either currency already
        for item in members:
            currencies = _currencies(item.value)
            both_given.append(currencies)
            for currency in sorted(currencies):
                by_currency[currency].append(item)
        own = sorted(by_currency)
        for i, first in enumerate(own):
            for second in own[i + 1 :]:
                if any(first in given and second in given for given in both_given):
                    continue
                pair = next(((a, b) for a in by_currency[first] for b in by_currency[second] if a.document != b.document), None)
                if pair is None:
                    continue
                a, b = pair
                verdict = _judge(a, first, b, second, rates.get((first, second)), key, params)
                if verdict is not None:
                    verdicts.append(verdict)
    return verdicts


def _judge(a: Item, first: str, b: Item, second: str, rate: Interval | None, key: tuple[str, str, str | None],
           params: Params) -> Verdict | None:
    """The verdict on two amounts in currencies `first` < `second`: converted through `rate`, or not comparable."""
    na, nb = a.normal(params), b.normal(params)
    amount_a, amount_b = na.by_currency[first], nb.by_currency[second]
    drafted = a.claim.draft is not None or b.claim.draft is not None
    convertible = rate is not None and not drafted  # a drafted key is a guess: a rate of another fact would stack on it
    if convertible != (params.report == "conflicts"):
        return None
    if rate is None or drafted:
        reason = (
            "no conversion in the corpus implies a rate between them: cannot compare without an exchange rate"
            if rate is None
            else "drafted amounts are not converted at a rate taken from other facts: compare them by hand"
        )
        explanation = f"{quoted(a.text)} is in {first} and {quoted(b.text)} in {second}, and {reason}."
        return Verdict(items=(a, b), normals=(na, nb), explanation=explanation, key=key, facts={"pair": f"{first}/{second}"})
    converted = _multiply(amount_b, rate, first)
    if converted is None or intervals.overlaps(amount_a, converted):
        return None
    shown = Normal(text=b.text, interval=converted, fmt=money_formatter(first), plain=money_formatter(first))
    explanation = (
        f"At the {first}/{second} rate other conversions in the corpus imply, {quoted(b.text)} means {shown.meaning}; "
        f"{quoted(a.text)} means {Normal(text=a.text, interval=amount_a, fmt=money_formatter(first)).meaning}, so both cannot hold."
    )
    return Verdict(items=(a, b), normals=(na, nb), explanation=explanation, key=key, facts={"pair": f"{first}/{second}"})


FACTS = ("pair",)

COMPARATOR = Comparator(
    name="currencies_comparable",
    summary="amounts of one fact in different currencies: converted at a rate the corpus implies, else info",
    kinds=("quantity",),
    params=Params,
    corpus=check,
    facts=FACTS,
    selects=is_money,
)
