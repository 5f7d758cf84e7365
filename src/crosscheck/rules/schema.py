"""The rule schema: what a rule file says, and the look-ups the engine makes on a rule.

Pure data (no file access): the engine imports this module only, while loading rule
files (`crosscheck.rules`) reads YAML through `crosscheck.load`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel, Field, model_validator

from crosscheck.comparators import Comparator, registry
from crosscheck.model.base import ID_PATTERN, Frozen, PartialDate
from crosscheck.model.claims import Scope
from crosscheck.model.frame import Frame
from crosscheck.model.registry import Entity
from crosscheck.model.report import Severity
from crosscheck.model.values import Value, ValueKind

RULE_ID_PATTERN = r"^[A-Z]{2,4}[0-9]{3}$"
RULE_NAME_PATTERN = r"^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$"

MESSAGE_FIELDS: tuple[str, ...] = (
    "rule", "subject", "property", "scope", "a", "b", "a_document", "b_document", "a_meaning", "b_meaning",
    "a_normalized", "b_normalized", "explanation",
)
"""Placeholders every message template may use; comparators add their own (`Comparator.facts`)."""


class AppliesTo(Frozen):
    """Which claims a rule compares."""

    kinds: list[ValueKind] = Field(min_length=1)
    """Value kinds the rule compares (each must be one its comparator understands)."""
    property: str = "*"
    """Glob over property ids ("*", "gdp*", "quote.*")."""


class ExampleClaim(Frozen):
    """A claim in a rule example: a value and the text it was written as, with optional context."""

    text: str = Field(min_length=1)
    """The value as written ("nearly 600")."""
    value: Value
    """The value, typed by `kind`, as in a claims file."""
    subject: str = Field(default="example", pattern=ID_PATTERN)
    """Subject id (default "example"; all claims of an example share it unless set)."""
    property: str | None = Field(default=None, pattern=ID_PATTERN)
    """Property id (default: the rule's property pattern when it is a plain id, else "example")."""
    scope: Scope | None = None
    """Time scope of the claim."""
    published: PartialDate | None = None
    """Dateline of the claim's article, for relative dates and "as of"."""
    frame: Frame | None = None
    """The claim frame, as drafting writes it (a drafted change: `level: change`, `direction`)."""


class Example(Frozen):
    """Claims that must (or must not) make the rule fire, each in an article of its own."""

    fires: bool
    """True when the rule must report these claims; false when it must stay silent."""
    claims: list[ExampleClaim] = Field(min_length=2)
    """The claims compared, each in its own article."""
    entities: dict[str, Entity] = {}
    """Registry entities the example needs (registered names and aliases)."""
    note: str | None = None
    """Why the example fires or not, in a line."""


class Rule(Frozen):
    """One rule: which claims it compares, with which comparator, and what a finding says."""

    id: str = Field(pattern=RULE_ID_PATTERN)
    """Short stable id ("CC101"): a family prefix and a number; used by waivers and baselines."""
    name: str = Field(pattern=RULE_NAME_PATTERN)
    """Dotted human name ("quantity.intervals-overlap")."""
    summary: str = Field(min_length=1)
    """One line: what the rule reports."""
    rationale: str = Field(min_length=1)
    """Why it matters, and the semantics it applies."""
    severity: Severity
    """error (both cannot hold), warning (an editor should look) or info."""
    applies_to: AppliesTo
    """Value kinds and property pattern the rule compares."""
    comparator: str = Field(min_length=1)
    """Name of the comparator in the registry (built-in or a `crosscheck.comparators` plugin)."""
    params: dict[str, Any] = {}
    """Comparator parameters, validated by the comparator's own model."""
    message: str = Field(min_length=1)
    """Message template; placeholders in braces ({a}, {b}, {subject}, {property}, ...)."""
    examples: list[Example] = Field(min_length=2)
    """At least one example that fires and one that does not."""
    enabled: bool = True
    """Set false to keep a rule on file without running it."""

    @model_validator(mode="after")
    def _both_kinds_of_example(self) -> Rule:
        outcomes = {example.fires for example in self.examples}
        if outcomes != {True, False}:
            missing = "one that fires" if True not in outcomes else "one that does not fire"
            raise ValueError(f"examples need at least one that fires and one that does not (missing {missing})")
        return self

    def comparator_params(self, comparators: Mapping[str, Comparator] | None = None) -> BaseModel:
        """The rule's params validated by its comparator's model (the rule is assumed loaded and valid)."""
        comparator = (comparators or registry().comparators)[self.comparator]
        return comparator.params.model_validate(self.params)


def matches_property(rule: Rule, property_id: str) -> bool:
    """True when the rule's property pattern matches a property id."""
    from fnmatch import fnmatchcase

    return fnmatchcase(property_id, rule.applies_to.property)


_PLAIN_ID = re.compile(ID_PATTERN)


def example_property(rule: Rule) -> str:
    """The property examples use by default: the rule's pattern when it is a plain id, else "example"."""
    pattern = rule.applies_to.property
    return pattern if _PLAIN_ID.match(pattern) and not any(ch in pattern for ch in "*?[") else "example"
