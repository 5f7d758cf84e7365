"""The value kinds a claim can state, the `Value` union over them, and `Interval`.

The union is the one list of value kinds: `VALUE_MODELS` and `VALUE_KINDS` are
read from it, and every per-kind table elsewhere (`crosscheck.kinds.KINDS`) is
checked complete against it by a test.  `Interval` is the shape every numeric
value normalises to; the report carries it too.
"""

from __future__ import annotations

from typing import Annotated, Literal, Self, get_args

from pydantic import AfterValidator, ConfigDict, Field, model_validator

from crosscheck.model.base import ID_PATTERN, Frozen, PartialDate
from crosscheck.model.frame import Direction

Approximator = Literal["exact", "over", "at_least", "nearly", "about", "under", "at_most", "between"]
"""How the text qualifies a figure: "over 200" is `over`, "200+" is `at_least`, "nearly 600" is `nearly`."""

Scale = Literal["hundred", "thousand", "million", "billion", "trillion"]

MAX_MAGNITUDE = 1e300
"""Largest figure a value may state: beyond it the normalisers' scaling and ratios overflow."""


def _finite(number: float | int) -> float | int:
    """Refuse NaN, the infinities (`.inf`, `1e309`) and figures too large to compare."""
    if number != number:
        raise ValueError("expected a number, found NaN")
    if not -MAX_MAGNITUDE <= number <= MAX_MAGNITUDE:
        shown = repr(number) if isinstance(number, float) else f"an integer of {len(str(abs(number)))} digits"
        raise ValueError(f"expected a finite number of at most {MAX_MAGNITUDE:.0e} in size, found {shown}")
    return number


Number = Annotated[float | int, AfterValidator(_finite)]

VagueQuantity = Literal[
    "a handful", "a few", "several", "dozens", "scores", "hundreds", "thousands", "tens of thousands",
    "hundreds of thousands", "millions", "tens of millions", "hundreds of millions", "billions",
]
"""A count written without a figure ("dozens of", "tens of thousands"); its bounds are in the lexicon."""


class _Bounded(Frozen):
    """Shared shape of a figure that may be exact, approximate or a range."""

    amount: Number | None = None
    """The figure as a number, without its scale word ("11.5" for "11.5 trillion"). Omit only for `between`."""
    low: Number | None = None
    """Lower figure of a range ("between 5 and 7" -> 5). Only with `approx: between`."""
    high: Number | None = None
    """Upper figure of a range ("between 5 and 7" -> 7). Only with `approx: between`."""
    approx: Approximator = "exact"
    """The approximator the text uses ("over", "nearly", "200+" = at_least); `exact` when there is none."""

    def _figure_elsewhere(self) -> bool:
        """True when another field states the figure, so `amount` may be omitted (a vague word, a change's levels)."""
        return False

    @model_validator(mode="after")
    def _amount_or_range(self) -> Self:
        if self.approx == "between":
            if self.low is None or self.high is None:
                raise ValueError("approx 'between' needs both low and high")
            if self.low > self.high:
                raise ValueError(f"low ({self.low}) is greater than high ({self.high})")
        elif self.amount is None and not self._figure_elsewhere():
            raise ValueError(f"approx {self.approx!r} needs an amount")
        elif self.low is not None or self.high is not None:
            raise ValueError("low and high are only for approx 'between'")
        return self


class Change(Frozen):
    """A figure stated as a change: "gained 2.1%", "up 2.5 percentage points to 6.5%", "tripled to 9,000".

    The value's `amount` (if any) is the size of the change: in percent of the earlier level for a
    percentage, in percentage points with `points`, in the value's unit for a quantity.
    """

    model_config = ConfigDict(**Frozen.model_config, populate_by_name=True)

    direction: Direction
    """Which way it went: up ("rose", "gained"), down ("fell", "lost") or unchanged ("held at")."""
    from_: Number | None = Field(default=None, alias="from")
    """The earlier level, as a number in the level's unit ("from 4%" -> 4), scaled like the value."""
    to: Number | None = None
    """The level reached ("to 6.5%" -> 6.5), scaled like the value."""
    factor: Number | None = Field(default=None, gt=0)
    """A change stated as a multiple of the earlier level ("tripled" -> 3, "halved" -> 0.5)."""

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        if self.factor is not None and (self.factor > 1) != (self.direction == "up") and self.factor != 1:
            raise ValueError(f"a factor of {self.factor} does not go {self.direction}")
        return self


class Conversion(_Bounded):
    """A converted amount the text gives alongside: "100 billion yuan (around 14.2 billion USD)"."""

    scale: Scale | None = None
    """Scale word of the converted amount ("billion")."""
    currency: str = Field(pattern=r"^[A-Z]{3}$")
    """ISO 4217 code of the converted amount ("USD")."""
    text: str
    """The converted amount exactly as written ("around 14.2 billion USD")."""


class QuantityValue(_Bounded):
    """A count or an amount: "nearly 600 companies", "11.5 trillion yuan", "31 laboratories"."""

    kind: Literal["quantity"] = "quantity"

    """Value kind, the discriminator: `quantity`."""
    scale: Scale | None = None
    """Scale word as written ("trillion" in "11.5 trillion yuan")."""
    unit: str | None = None
    """What is counted or measured, singular ("company", "laboratory", "km2"); omit for money."""
    currency: str | None = Field(default=None, pattern=r"^[A-Z]{3}$")
    """ISO 4217 code for money ("CNY" for yuan, "USD" for "$")."""
    converted: Conversion | None = None
    """A conversion the text pairs with the amount, if any."""
    vague: VagueQuantity | None = None
    """A count written as a vague word ("dozens of" -> dozens), instead of `amount`."""
    change: Change | None = None
    """Set when the figure is a change ("rose by 320 to 4,100"): its direction and levels."""

    def _figure_elsewhere(self) -> bool:
        return self.vague is not None or _change_has_figure(self.change)

    @model_validator(mode="after")
    def _vague_alone(self) -> Self:
        if self.vague is not None and (self.amount is not None or self.approx != "exact" or self.scale is not None):
            raise ValueError("a vague quantity ('dozens') takes no amount, scale or approximator")
        return self


class PercentageValue(_Bounded):
    """A percentage: "6.58%", "over 30%", "less than 0.6%"."""

    kind: Literal["percentage"] = "percentage"

    """Value kind, the discriminator: `percentage`."""
    points: bool = False
    """True for percentage points ("up 2 percentage points"), false for a percentage."""
    change: Change | None = None
    """Set when the figure is a change ("gained 2.1%", "up 0.4 points to 3.1%"): its direction and levels."""

    def _figure_elsewhere(self) -> bool:
        return _change_has_figure(self.change)


def _change_has_figure(change: Change | None) -> bool:
    """A change whose levels or factor say how large it was, so the value needs no amount of its own."""
    return change is not None and (change.factor is not None or (change.from_ is not None and change.to is not None))


class FractionValue(Frozen):
    """A share of a whole: "one-ninth", "over half of the top ten", "six of the top ten"."""

    kind: Literal["fraction"] = "fraction"

    """Value kind, the discriminator: `fraction`."""
    numerator: Number
    """Numerator of the share ("six of the top ten" -> 6; "over half" -> 1)."""
    denominator: Number = Field(gt=0)
    """Denominator of the share ("six of the top ten" -> 10; "over half" -> 2)."""
    of: int | None = Field(default=None, gt=0)
    """Size of the whole when the text gives it ("of the top ten" -> 10), so shares become counts."""
    approx: Approximator = "exact"
    """Approximator on the share ("over half" -> over, "about one-ninth" -> about)."""

    @model_validator(mode="after")
    def _proper(self) -> Self:
        if self.approx == "between":
            raise ValueError("approx 'between' is not supported for fractions; use a percentage range")
        if self.numerator < 0 or self.numerator > self.denominator:
            raise ValueError(f"numerator must be between 0 and the denominator, found {self.numerator}/{self.denominator}")
        return self


DateRelation = Literal["on", "by", "since", "before", "after", "until", "within"]
"""How the date relates to the event: "in 2023" = on, "by 2035" = by, "since 2014" = since."""


class DateValue(Frozen):
    """A date or period: "2035", "last December", "since 2014", "within the next decade"."""

    kind: Literal["date"] = "date"

    """Value kind, the discriminator: `date`."""
    relation: DateRelation = "on"
    """How the event relates to the date ("by 2035" -> by; "since 2014" -> since; "in 2024" -> on)."""
    date: PartialDate | None = None
    """The date, at the granularity the text gives (2035, 2024-12); a relative one resolved against the dateline, if it can be."""
    end: PartialDate | None = None
    """End of a period ("2021-2025" -> 2025); `date` is then its start."""
    relative: str | None = None
    """A relative expression as written ("last December", "within the next decade"), kept even when resolved."""

    @model_validator(mode="after")
    def _anchored(self) -> Self:
        if self.date is None and self.relative is None:
            raise ValueError("a date needs `date`, or `relative` when it cannot be resolved")
        if self.end is not None and self.date is not None and self.end < self.date:
            raise ValueError(f"end ({self.end}) is before date ({self.date})")
        return self


DurationUnit = Literal["day", "week", "month", "year", "decade"]


class DurationValue(_Bounded):
    """A length of time: "a nine-year run", "over the next five years", "one-hour supply chain"."""

    kind: Literal["duration"] = "duration"

    """Value kind, the discriminator: `duration`."""
    unit: DurationUnit | Literal["hour", "minute"]
    """Unit of the duration."""


class RankValue(Frozen):
    """A ranking: "first place", "topped", "second", "top three"."""

    kind: Literal["rank"] = "rank"

    """Value kind, the discriminator: `rank`."""
    position: int | None = Field(default=None, ge=1)
    """Exact position ("first place", "topped" -> 1; "second" -> 2)."""
    top: int | None = Field(default=None, ge=1)
    """Position within the top N ("top three" -> 3; "among the top ten" -> 10)."""
    of: int | None = Field(default=None, ge=1)
    """Size of the ranked field when the text gives it."""

    @model_validator(mode="after")
    def _one_of(self) -> Self:
        if (self.position is None) == (self.top is None):
            raise ValueError("a rank needs exactly one of `position` or `top`")
        return self


class HistoryValue(Frozen):
    """What came before an event of its kind: "the first decline since 2011", "the previous outbreak in 2020" (when
    the one before was), or "the first ever", "the first on record" (none before)."""

    kind: Literal["history"] = "history"

    """Value kind, the discriminator: `history`."""
    since: PartialDate | None = None
    """When the previous event of the kind was: the year a "first since" streak starts ("since 2011" -> 2011)."""
    end: PartialDate | None = None
    """The end of the span the previous one fell in, when `since` starts a span: "the first strike in 30 years",
    written in 2024, puts it in 1993 to 1995."""
    at_least: bool = False
    """"since at least 2016", "the first in more than 30 years": the previous one was in `since` or earlier, or none
    is known before it."""
    ever: bool = False
    """"the first ever", "the first on record", "the first in history": none came before."""
    of: str | None = Field(default=None, min_length=1)
    """What the events are of, as written ("EV sales" in "the first annual decline in EV sales since 2011"); two
    histories of different things are different facts, and one that does not say is compared at most as info."""

    @model_validator(mode="after")
    def _one_of(self) -> Self:
        if (self.since is None) != self.ever:
            raise ValueError("a history needs exactly one of `since` or `ever: true`")
        if self.at_least and self.since is None:
            raise ValueError("`at_least` bounds a `since` date")
        if self.end is not None and (self.since is None or self.at_least or self.end < self.since):
            raise ValueError(f"`end` ({self.end}) closes a span from `since` ({self.since}), without `at_least`")
        return self


class NameValue(Frozen):
    """A name or categorical value: how an entity is named, where it is based, who holds a role."""

    kind: Literal["name"] = "name"

    """Value kind, the discriminator: `name`."""
    name: str = Field(min_length=1)
    """The name or category exactly as the article gives it."""
    entity: str | None = Field(default=None, pattern=ID_PATTERN)
    """Registry id of the entity the value refers to, when it is one ("Chengdu-based" -> chengdu)."""


class QuoteValue(Frozen):
    """A direct quotation: the exact words inside the quotation marks, and who said them."""

    kind: Literal["quote"] = "quote"

    """Value kind, the discriminator: `quote`."""
    speaker: str = Field(pattern=ID_PATTERN)
    """Registry id of the person quoted."""
    words: str = Field(min_length=1)
    """The words inside the quotation marks, exactly as printed."""


Value = Annotated[
    QuantityValue | PercentageValue | FractionValue | DateValue | DurationValue | RankValue | NameValue | QuoteValue
    | HistoryValue,
    Field(discriminator="kind"),
]

ValueKind = Literal["quantity", "percentage", "fraction", "date", "duration", "rank", "name", "quote", "history"]
"""The `kind` of a value, for typing fields; a test keeps it equal to `VALUE_KINDS`."""

VALUE_MODELS: tuple[type[Frozen], ...] = get_args(get_args(Value)[0])
"""The model of each value kind, in the union's order."""

VALUE_KINDS: tuple[str, ...] = tuple(model.model_fields["kind"].default for model in VALUE_MODELS)
"""The value kinds ("quantity", "percentage", ...), read from the union."""


class Interval(Frozen):
    """A normalised value as a set of numbers: the interval the wording allows."""

    low: float | None = None
    """Lower bound; null for no bound."""
    high: float | None = None
    """Upper bound; null for no bound."""
    low_closed: bool = True
    """Whether `low` itself is included."""
    high_closed: bool = True
    """Whether `high` itself is included."""
    unit: str | None = None
    """Unit of the bounds after normalisation ("CNY", "%", "company", "rank", "year")."""
