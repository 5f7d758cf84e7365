"""Rules as data: load and validate `rules/*.yaml`, one rule per file.

A rule names a comparator from the registry, the value kinds and property
pattern it applies to, its parameters, a severity, a message template, and
examples that must and must not fire (run by the test suite and shown by
`crosscheck rules explain`).  Every problem in a rule file is a located
diagnostic: unknown keys and parameters get a "did you mean".

The built-in rules live in the repository's `rules/` folder; projects add
folders (`[tool.crosscheck] rules = [...]`) and may override parameters by
rule id (`[tool.crosscheck.params.CC101]`).
"""

from __future__ import annotations

import re
import string
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping

from pydantic import BaseModel, Field, ValidationError, model_validator

from crosscheck.comparators import Comparator, registry
from crosscheck.errors import CrosscheckError, Diagnostic, did_you_mean, json_path
from crosscheck.model.base import ID_PATTERN, Frozen, PartialDate
from crosscheck.model.claims import Scope
from crosscheck.model.registry import Entity
from crosscheck.model.values import Value, ValueKind
from crosscheck.model.report import Severity

RULE_ID_PATTERN = r"^[A-Z]{2,4}[0-9]{3}$"
RULE_NAME_PATTERN = r"^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$"
RULE_SUFFIXES = (".yaml", ".yml")

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


# --------------------------------------------------------------------------- loading

Locate = Callable[[tuple], tuple[int, int]]
"""A JSON path in the rule file -> its (line, column), for diagnostics (`load.read.Locator.locate`)."""


def builtin_rules_dir() -> Path:
    """The folder of built-in rules: `rules/` of the project, shipped in the package as `rules/builtin/`."""
    return Path(__file__).resolve().parent / "builtin"


def _field_names() -> set[str]:
    names: set[str] = set()
    for model in (Rule, AppliesTo, Example, ExampleClaim, Entity, Scope):
        names.update(model.model_fields)
    from crosscheck import model as models

    for obj in vars(models).values():
        if isinstance(obj, type) and issubclass(obj, BaseModel):
            names.update(obj.model_fields)
    return names


def _schema_diagnostics(exc: ValidationError, shown: str, locate: Locate, prefix: tuple = (), fields: Iterable[str] = ()) -> list[Diagnostic]:
    from crosscheck.load.read import _message

    out = []
    for error in exc.errors(include_url=False):
        loc = prefix + tuple(error["loc"])
        line, column = locate(loc)
        if error["type"] == "extra_forbidden":
            name = str(loc[-1])
            where = "params" if prefix else "rule"
            hint = did_you_mean(name, fields)
            expected = f"one of {', '.join(sorted(fields))}" if prefix and fields else "one of the documented fields"
            code = "unknown-param" if prefix else "unknown-field"
            message = f"unknown {'parameter' if prefix else 'field'} {name!r} in {where} (expected {expected}{hint})"
            out.append(Diagnostic(shown, line, column, code, message, json_path(loc)))
            continue
        code = "missing-field" if error["type"] == "missing" else ("bad-param" if prefix else "schema")
        out.append(Diagnostic(shown, line, column, code, _message(dict(error), Rule), json_path(loc)))
    return out


def _template_fields(template: str) -> list[str]:
    """The placeholder names of a message template; a format spec or conversion ({a:d}, {a:>99999}, {a!x}) is refused,
    as it could fail or run for seconds when a finding is rendered."""
    try:
        fields = list(string.Formatter().parse(template))
    except ValueError as exc:
        raise ValueError(f"invalid message template: {exc}") from None
    for _, name, spec, conversion in fields:
        if name is not None and (spec or conversion):
            written = "{" + name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "") + "}"
            raise ValueError(f"invalid message template: {written} has a format spec or conversion (expected plain {{name}} placeholders)")
    return [name for _, name, _, _ in fields if name is not None]


def _check_rule(rule: Rule, comparators: Mapping[str, Comparator], path: Path, locate: Locate, overrides: Mapping[str, Any]) -> tuple[Rule, list[Diagnostic]]:
    """Cross-field checks the schema cannot express: comparator, params, kinds, template."""
    from crosscheck.load.read import display_path

    out: list[Diagnostic] = []

    def add(loc: tuple, code: str, message: str) -> None:
        line, column = locate(loc)
        out.append(Diagnostic(display_path(path), line, column, code, message, json_path(loc)))

    comparator = comparators.get(rule.comparator)
    if comparator is None:
        hint = did_you_mean(rule.comparator, comparators)
        add(("comparator",), "unknown-comparator", f"unknown comparator {rule.comparator!r} (expected one of {', '.join(sorted(comparators))}{hint})")
        return rule, out
    if overrides:
        rule = rule.model_copy(update={"params": {**rule.params, **overrides}})
    try:
        comparator.params.model_validate(rule.params)
    except ValidationError as exc:
        out.extend(_schema_diagnostics(exc, display_path(path), locate, ("params",), comparator.params.model_fields))
    for index, kind in enumerate(rule.applies_to.kinds):
        if kind not in comparator.kinds:
            add(("applies_to", "kinds", index), "kind-mismatch", f"comparator {comparator.name!r} does not compare {kind!r} values (expected one of {', '.join(comparator.kinds)})")
    allowed = set(MESSAGE_FIELDS) | set(comparator.facts)
    try:
        for name in _template_fields(rule.message):
            if name not in allowed:
                hint = did_you_mean(name, allowed)
                add(("message",), "bad-template", f"unknown placeholder {{{name}}} in message (expected one of {', '.join(sorted(allowed))}{hint})")
    except ValueError as exc:
        add(("message",), "bad-template", str(exc))
    for e_index, example in enumerate(rule.examples):
        for c_index, claim in enumerate(example.claims):
            if claim.value.kind not in rule.applies_to.kinds:
                add(("examples", e_index, "claims", c_index, "value"), "kind-mismatch", f"example value of kind {claim.value.kind!r} is not among the rule's kinds ({', '.join(rule.applies_to.kinds)})")
    return rule, out


def load_rule_file(path: Path, comparators: Mapping[str, Comparator] | None = None, overrides: Mapping[str, Any] | None = None) -> tuple[Rule | None, list[Diagnostic]]:
    """Read and validate one rule file; the rule, or None and the diagnostics that say why."""
    from crosscheck.load.read import Locator, display_path, parse_yaml, read_text

    comparators = comparators if comparators is not None else registry().comparators
    text, problems = read_text(path, "rule file")
    if text is None:
        return None, problems
    data, problems = parse_yaml(text, path, "rule file")
    if data is None:
        return None, problems
    locator = Locator(text)
    if not isinstance(data, dict):
        return None, [Diagnostic(display_path(path), 1, 1, "schema", "rule file must be a mapping (expected a mapping of rule fields)")]
    try:
        rule = Rule.model_validate(data)
    except ValidationError as exc:
        return None, _schema_diagnostics(exc, display_path(path), locator.locate, fields=_field_names())
    # the path is shown only in diagnostics, so it is made relative only when there is one
    rule, problems = _check_rule(rule, comparators, path, locator.locate, (overrides or {}).get(rule.id, {}))
    return (None if problems else rule), problems


def rule_files(folder: Path) -> list[Path]:
    """The rule files of a folder, sorted by name."""
    return sorted(p for p in folder.iterdir() if p.is_file() and p.name.endswith(RULE_SUFFIXES))


def load_rules(
    extra_dirs: Iterable[str | Path] = (),
    *,
    builtin: bool = True,
    overrides: Mapping[str, Mapping[str, Any]] | None = None,
) -> list[Rule]:
    """Every rule of the built-in folder and `extra_dirs`, sorted by id; raises CrosscheckError on any problem."""
    from crosscheck.load.read import display_path

    comparators = registry().comparators
    folders = ([builtin_rules_dir()] if builtin else []) + [Path(d) for d in extra_dirs]
    rules: list[Rule] = []
    where: dict[str, Path] = {}  # rule id -> its file, shown only in a duplicate-id diagnostic
    problems: list[Diagnostic] = []
    for folder in folders:
        if not folder.is_dir():
            problems.append(Diagnostic(display_path(folder), 1, 1, "rules-missing", "rules folder not found (expected a folder of *.yaml rule files)"))
            continue
        try:
            paths = rule_files(folder)
        except OSError as exc:  # an unreadable folder is an error, not an empty one
            problems.append(Diagnostic(display_path(folder), 1, 1, "rules-unreadable", f"cannot read the rules folder: {exc.strerror} (expected a readable folder of *.yaml rule files)"))
            continue
        for path in paths:
            rule, found = load_rule_file(path, comparators, overrides)
            problems.extend(found)
            if rule is None:
                continue
            if rule.id in where:
                problems.append(Diagnostic(display_path(path), 1, 1, "duplicate-rule", f"rule id {rule.id} is already defined in {display_path(where[rule.id])} (expected unique ids)"))
                continue
            where[rule.id] = path
            rules.append(rule)
    for rule_id in sorted(set(overrides or {}) - set(where)):
        problems.append(Diagnostic("crosscheck", 1, 1, "unknown-rule", f"params given for unknown rule {rule_id!r}{did_you_mean(rule_id, where)}"))
    if problems:
        raise CrosscheckError(problems)
    return sorted(rules, key=lambda r: r.id)


def find_rule(rules: Iterable[Rule], rule_id: str) -> Rule:
    """The rule with this id (case-insensitive); CrosscheckError with a suggestion otherwise."""
    by_id = {rule.id: rule for rule in rules}
    found = by_id.get(rule_id.upper())
    if found is None:
        raise CrosscheckError(f"unknown rule {rule_id!r} (expected one of {', '.join(sorted(by_id))}{did_you_mean(rule_id.upper(), by_id)})")
    return found


def matches_property(rule: Rule, property_id: str) -> bool:
    """True when the rule's property pattern matches a property id."""
    from fnmatch import fnmatchcase

    return fnmatchcase(property_id, rule.applies_to.property)


_PLAIN_ID = re.compile(ID_PATTERN)


def example_property(rule: Rule) -> str:
    """The property examples use by default: the rule's pattern when it is a plain id, else "example"."""
    pattern = rule.applies_to.property
    return pattern if _PLAIN_ID.match(pattern) and not any(ch in pattern for ch in "*?[") else "example"
