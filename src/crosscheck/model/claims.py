"""The data model: claims files, the registry, and the report.

One pydantic declaration gives validation with a JSON path, the typed objects
the engine works on, and the published JSON Schemas in `schemas/`.  Field
docstrings become schema descriptions (hover help in an editor's YAML
language server), so every field carries one.
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import Annotated, Literal, Union

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema, model_validator

from crosscheck.model.frame import Frame

SCHEMA_VERSION = 1

ID_PATTERN = r"^[a-z0-9][a-z0-9_.-]*$"
"""Registry ids (entities, properties): lower-case, digits, `_`, `.` and `-`."""

CLAIM_ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.-]*$"

_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def _to_partial_date(value: object) -> object:
    """Accept 2024, "2024", "2024-03", "2024-03-10" or a YAML date; keep it as an ISO string."""
    if isinstance(value, bool):
        raise ValueError("expected a year, month or day, found a boolean")
    if isinstance(value, int):
        value = f"{value:04d}"
    elif isinstance(value, _dt.datetime):
        value = value.date().isoformat()
    elif isinstance(value, _dt.date):
        value = value.isoformat()
    if not isinstance(value, str):
        raise ValueError(f"expected a year (2024), month (2024-03) or day (2024-03-10), found {type(value).__name__}")
    match = _PARTIAL_DATE.match(value)
    if not match:
        raise ValueError(f"expected a year (2024), month (2024-03) or day (2024-03-10), found {value!r}")
    year, month, day = match.groups()
    try:
        _dt.date(int(year), int(month or 1), int(day or 1))
    except ValueError as exc:
        raise ValueError(f"not a calendar date: {value!r} ({exc})") from None
    return value


PartialDate = Annotated[
    str,
    BeforeValidator(_to_partial_date),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "integer", "minimum": 1, "maximum": 9999},
                {"type": "string", "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$"},
            ],
            "description": "A year (2024), a month (2024-03) or a day (2024-03-10).",
        }
    ),
]
"""A date at year, month or day granularity, stored as an ISO string."""


def granularity(partial: str) -> Literal["year", "month", "day"]:
    """The granularity of a `PartialDate` string."""
    return ("year", "month", "day")[partial.count("-")]


def _field_docstrings(schema: dict, cls: type) -> None:
    """Field docstrings become schema descriptions, read only when a schema is generated.

    (pydantic's `use_attribute_docstrings` reads the source of every model at import, which
    was a fifth of the start-up of `crosscheck check --against`.)
    """
    from crosscheck.model.fielddocs import describe_fields

    describe_fields(schema, cls)


class Frozen(BaseModel):
    """Base for every model: immutable, unknown keys are errors, docstrings are descriptions."""

    model_config = ConfigDict(frozen=True, extra="forbid", json_schema_extra=_field_docstrings)


# --------------------------------------------------------------------------- values

Approximator = Literal["exact", "over", "at_least", "nearly", "about", "under", "at_most", "between"]
"""How the text qualifies a figure: "over 200" is `over`, "200+" is `at_least`, "nearly 600" is `nearly`."""

Scale = Literal["hundred", "thousand", "million", "billion", "trillion"]

Number = float | int


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

    @model_validator(mode="after")
    def _amount_or_range(self):  # noqa: ANN202 - pydantic hook
        if self.approx == "between":
            if self.low is None or self.high is None:
                raise ValueError("approx 'between' needs both low and high")
            if self.low > self.high:
                raise ValueError(f"low ({self.low}) is greater than high ({self.high})")
        elif self.amount is None:
            raise ValueError(f"approx {self.approx!r} needs an amount")
        elif self.low is not None or self.high is not None:
            raise ValueError("low and high are only for approx 'between'")
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


class PercentageValue(_Bounded):
    """A percentage: "6.58%", "over 30%", "less than 0.6%"."""

    kind: Literal["percentage"] = "percentage"

    """Value kind, the discriminator: `percentage`."""
    points: bool = False
    """True for percentage points ("up 2 percentage points"), false for a percentage."""


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
    def _proper(self):  # noqa: ANN202
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
    """The date, at the granularity the text gives (2035, 2024-12). For relative expressions, resolved against the dateline; omit when it cannot be."""
    end: PartialDate | None = None
    """End of a period ("2021-2025" -> 2025); `date` is then its start."""
    relative: str | None = None
    """A relative expression as written ("last December", "within the next decade"), kept even when resolved."""

    @model_validator(mode="after")
    def _anchored(self):  # noqa: ANN202
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
    def _one_of(self):  # noqa: ANN202
        if (self.position is None) == (self.top is None):
            raise ValueError("a rank needs exactly one of `position` or `top`")
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
    Union[QuantityValue, PercentageValue, FractionValue, DateValue, DurationValue, RankValue, NameValue, QuoteValue],
    Field(discriminator="kind"),
]

ValueKind = Literal["quantity", "percentage", "fraction", "date", "duration", "rank", "name", "quote"]
VALUE_KINDS: tuple[str, ...] = ValueKind.__args__  # type: ignore[attr-defined]


# --------------------------------------------------------------------------- claims


class Scope(Frozen):
    """When a figure holds: as of a date ("in 2024"), or over a period ("2021-2025")."""

    as_of: PartialDate | None = None
    """The date the figure refers to ("In 2024, ... reached 6.58%" -> 2024)."""
    start: PartialDate | None = None
    """Start of the period the figure covers."""
    end: PartialDate | None = None
    """End of the period the figure covers."""

    @model_validator(mode="after")
    def _one_form(self):  # noqa: ANN202
        if self.as_of is not None and (self.start is not None or self.end is not None):
            raise ValueError("a scope is either `as_of` or a period (`start`/`end`), not both")
        if self.as_of is None and self.start is None and self.end is None:
            raise ValueError("an empty scope: give `as_of`, or `start` and/or `end`, or omit `scope`")
        return self

    @property
    def key(self) -> str:
        """A compact string for grouping and display: "2024" or "2021..2025"."""
        if self.as_of is not None:
            return self.as_of
        return f"{self.start or ''}..{self.end or ''}"


class Waiver(Frozen):
    """An accepted discrepancy: silences one rule for this claim, with the reason recorded."""

    rule: str = Field(min_length=1)
    """Id of the rule to waive for this claim (e.g. "CC101")."""
    reason: str = Field(min_length=3)
    """Why the discrepancy is accepted; required so the decision is reviewable."""


LOW_CONFIDENCE = 0.6
"""Drafted claims below this confidence are marked for review; a conflict involving one is at most a warning."""


class Draft(Frozen):
    """Present on claims drafted by `crosscheck extract`, until a person confirms them."""

    confidence: float = Field(ge=0, le=1)
    """Confidence in the proposed subject and property (0..1)."""
    review: bool = False
    """True when the proposal is uncertain and a person must check it."""
    method: str = "rules"
    """How the claim was drafted (e.g. "rules", "rules+registry")."""
    span: tuple[int, int] | None = None
    """Character span [start, end) of `quote` in the article text."""


class Claim(Frozen):
    """One checkable fact an article states, anchored to the words that state it."""

    id: str = Field(pattern=CLAIM_ID_PATTERN)
    """Stable id, unique within the claims file (e.g. "rd-beijing-2024")."""
    subject: str = Field(pattern=ID_PATTERN)
    """Registry id of the entity the fact is about."""
    property: str = Field(pattern=ID_PATTERN)
    """Registry id of the property stated; its declared kind must match `value.kind`."""
    value: Value
    """The value, typed by `kind`."""
    text: str = Field(min_length=1)
    """The value exactly as written ("nearly 600", "200+", "one-ninth"); must occur in `quote`."""
    quote: str = Field(min_length=1)
    """Verbatim article text that states the fact; must occur in the article."""
    scope: Scope | None = None
    """When the fact holds, if the text says."""
    note: str | None = None
    """Free-form annotator note."""
    waive: Waiver | None = None
    """Accept a known discrepancy for this claim."""
    draft: Draft | None = None
    """Set on drafted claims; remove once a person has checked the claim."""
    frame: Frame | None = None
    """What the figure measures, of whom, when and how sure the article is (drafted; may be corrected or written)."""


class DocumentMeta(Frozen):
    """Metadata of the article a claims file annotates."""

    article: str = Field(min_length=1)
    """Path of the article text, relative to the claims file; must stay inside the corpus folder."""
    title: str | None = None
    """Headline as printed; omit when the article prints none."""
    publisher: str | None = None
    """Outlet or source ("Xinhua", "CGTN")."""
    published: PartialDate | None = None
    """Publication date or dateline, at the granularity known; relative dates resolve against it."""
    dateline: str | None = None
    """The dateline exactly as written ("Beijing, January 16 (Xinhua)")."""
    url: str | None = None
    """Where the article was published."""
    language: str = "en"
    """Language of the article text (BCP 47)."""
    note: str | None = None
    """Free-form annotator note (e.g. how the dateline was read)."""


class ClaimsFile(Frozen):
    """A claims file: one article's metadata and the facts it states."""

    model_config = ConfigDict(frozen=True, extra="forbid", json_schema_extra=_field_docstrings, populate_by_name=True)

    schema_: str | None = Field(default=None, alias="$schema")
    """Optional JSON Schema reference for editors."""
    version: Literal[1] = 1
    """Claims file format version."""
    document: DocumentMeta
    """The article this file annotates."""
    claims: list[Claim] = Field(min_length=1)
    """The facts the article states."""


# --------------------------------------------------------------------------- registry

EntityType = Literal["organisation", "place", "region", "person", "report", "programme", "event", "company", "other"]


class Entity(Frozen):
    """Something claims are about: an organisation, place, person, report or programme."""

    name: str = Field(min_length=1)
    """Canonical name."""
    type: EntityType
    """What kind of entity it is."""
    aliases: list[str] = []
    """Other accepted names (abbreviations, translations); a name not listed here is a finding."""
    role: str | None = None
    """For a person: role and affiliation ("Minister of Science and Technology")."""
    description: str | None = None
    """A line of context for annotators."""


class Property(Frozen):
    """A property a claim can state about an entity, with the kind of value it takes."""

    kind: ValueKind
    """Value kind every claim of this property must have."""
    description: str = Field(min_length=1)
    """What the property means, so annotators pick the same one."""
    unit: str | None = None
    """Expected unit or currency ("company", "CNY", "% of GDP")."""
    counts_from: str | None = Field(default=None, pattern=ID_PATTERN)
    """For a duration property: id of the date property that states when it started, so "a nine-year run" is checked against "since 2016"."""


class Registry(Frozen):
    """Shared ids, so the same fact in two articles gets the same key (subject + property)."""

    model_config = ConfigDict(frozen=True, extra="forbid", json_schema_extra=_field_docstrings, populate_by_name=True)

    schema_: str | None = Field(default=None, alias="$schema")
    """Optional JSON Schema reference for editors."""
    version: Literal[1] = 1
    """Registry format version."""
    entities: dict[Annotated[str, Field(pattern=ID_PATTERN)], Entity] = {}
    """Entities by id."""
    properties: dict[Annotated[str, Field(pattern=ID_PATTERN)], Property] = {}
    """Properties by id."""
