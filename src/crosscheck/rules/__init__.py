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

import string
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from crosscheck.comparators import Comparator, registry
from crosscheck.errors import CrosscheckError, Diagnostic, did_you_mean, json_path
from crosscheck.model.claims import Scope
from crosscheck.model.registry import Entity
from crosscheck.rules.overrides import LocateSetting, no_setting, override_diagnostics
from crosscheck.rules.schema import (  # the schema, re-exported: rule files and the engine share it
    MESSAGE_FIELDS,
    RULE_ID_PATTERN,
    RULE_NAME_PATTERN,
    AppliesTo,
    Example,
    ExampleClaim,
    Rule,
    example_property,
    matches_property,
)

__all__ = [
    "MESSAGE_FIELDS", "RULE_ID_PATTERN", "RULE_NAME_PATTERN", "RULE_SUFFIXES", "AppliesTo", "Example", "ExampleClaim", "Rule",
    "builtin_rules_dir", "example_property", "find_rule", "load_rule_file", "load_rules", "matches_property", "rule_files",
]

RULE_SUFFIXES = (".yaml", ".yml")

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


def _schema_diagnostics(
    exc: ValidationError, shown: str, locate: Locate, prefix: tuple = (), fields: Iterable[str] = ()
) -> list[Diagnostic]:
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


def _check_rule(rule: Rule, comparators: Mapping[str, Comparator], path: Path, locate: Locate, overrides: Mapping[str, Any],
                locate_setting: LocateSetting = no_setting) -> tuple[Rule, list[Diagnostic]]:
    """Cross-field checks the schema cannot express: comparator, params, kinds, template."""
    from crosscheck.load.read import display_path

    out: list[Diagnostic] = []

    def add(loc: tuple, code: str, message: str) -> None:
        line, column = locate(loc)
        out.append(Diagnostic(display_path(path), line, column, code, message, json_path(loc)))

    comparator = comparators.get(rule.comparator)
    if comparator is None:
        hint = did_you_mean(rule.comparator, comparators)
        add(("comparator",), "unknown-comparator",
            f"unknown comparator {rule.comparator!r} (expected one of {', '.join(sorted(comparators))}{hint})")
        return rule, out
    try:
        comparator.params.model_validate(rule.params)
    except ValidationError as exc:
        out.extend(_schema_diagnostics(exc, display_path(path), locate, ("params",), comparator.params.model_fields))
    else:
        if overrides:
            rule = rule.model_copy(update={"params": {**rule.params, **overrides}})
            out.extend(override_diagnostics(rule, comparator, locate_setting))
    for index, kind in enumerate(rule.applies_to.kinds):
        if kind not in comparator.kinds:
            add(("applies_to", "kinds", index), "kind-mismatch",
                f"comparator {comparator.name!r} does not compare {kind!r} values (expected one of {', '.join(comparator.kinds)})")
    allowed = set(MESSAGE_FIELDS) | set(comparator.facts)
    try:
        for name in _template_fields(rule.message):
            if name not in allowed:
                hint = did_you_mean(name, allowed)
                add(("message",), "bad-template",
                    f"unknown placeholder {{{name}}} in message (expected one of {', '.join(sorted(allowed))}{hint})")
    except ValueError as exc:
        add(("message",), "bad-template", str(exc))
    for e_index, example in enumerate(rule.examples):
        for c_index, claim in enumerate(example.claims):
            if claim.value.kind not in rule.applies_to.kinds:
                add(("examples", e_index, "claims", c_index, "value"), "kind-mismatch",
                    f"example value of kind {claim.value.kind!r} is not among the rule's kinds ({', '.join(rule.applies_to.kinds)})")
    return rule, out


def load_rule_file(
    path: Path, comparators: Mapping[str, Comparator] | None = None, overrides: Mapping[str, Any] | None = None
) -> tuple[Rule | None, list[Diagnostic]]:
    """Read and validate one rule file; the rule, or None and the diagnostics that say why."""
    _, rule, problems = _read_rule_file(path, comparators, overrides)
    return rule, problems


def _read_rule_file(path: Path, comparators: Mapping[str, Comparator] | None, overrides: Mapping[str, Any] | None,
                    locate_setting: LocateSetting = no_setting) -> tuple[str | None, Rule | None, list[Diagnostic]]:
    """`load_rule_file`, also giving the id the file declares (known even when the rule is invalid)."""
    from crosscheck.load.read import Locator, display_path, parse_yaml, read_text

    comparators = comparators if comparators is not None else registry().comparators
    text, problems = read_text(path, "rule file")
    if text is None:
        return None, None, problems
    data, problems = parse_yaml(text, path, "rule file")
    if data is None:
        return None, None, problems
    locator = Locator(text)
    if not isinstance(data, dict):
        return None, None, [
            Diagnostic(display_path(path), 1, 1, "schema", "rule file must be a mapping (expected a mapping of rule fields)")
        ]
    declared = data.get("id") if isinstance(data.get("id"), str) else None
    try:
        rule = Rule.model_validate(data)
    except ValidationError as exc:
        return declared, None, _schema_diagnostics(exc, display_path(path), locator.locate, fields=_field_names())
    # the path is shown only in diagnostics, so it is made relative only when there is one
    rule, problems = _check_rule(rule, comparators, path, locator.locate, (overrides or {}).get(rule.id, {}), locate_setting)
    return rule.id, (None if problems else rule), problems


def rule_files(folder: Path) -> list[Path]:
    """The rule files of a folder, sorted by name."""
    return sorted(p for p in folder.iterdir() if p.is_file() and p.name.endswith(RULE_SUFFIXES))


def load_rules(
    extra_dirs: Iterable[str | Path] = (),
    *,
    builtin: bool = True,
    overrides: Mapping[str, Mapping[str, Any]] | None = None,
    locate_setting: LocateSetting = no_setting,
) -> list[Rule]:
    """Every rule of the built-in folder and `extra_dirs`, sorted by id; raises CrosscheckError on any problem.

    `locate_setting("params", RULE, KEY)` says where the configuration gives `overrides` (see
    `config.Origin.locate`), so that a wrong override is reported there, not in the rule file.
    """
    from crosscheck.load.read import display_path

    comparators = registry().comparators
    folders = ([builtin_rules_dir()] if builtin else []) + [Path(d) for d in extra_dirs]
    rules: list[Rule] = []
    where: dict[str, Path] = {}  # rule id -> its file, shown only in a duplicate-id diagnostic
    ids: set[str] = set()  # every id a rule file declares, valid or not
    problems: list[Diagnostic] = []
    for folder in folders:
        if not folder.is_dir():
            problems.append(Diagnostic(display_path(folder), 1, 1, "rules-missing",
                                       "rules folder not found (expected a folder of *.yaml rule files)"))
            continue
        try:
            paths = rule_files(folder)
        except OSError as exc:  # an unreadable folder is an error, not an empty one
            problems.append(Diagnostic(display_path(folder), 1, 1, "rules-unreadable",
                                       f"cannot read the rules folder: {exc.strerror} (expected a readable folder of *.yaml rule files)"))
            continue
        for path in paths:
            declared, rule, found = _read_rule_file(path, comparators, overrides, locate_setting)
            problems.extend(found)
            if declared is not None:
                ids.add(declared)
            if rule is None:
                continue
            if rule.id in where:
                problems.append(Diagnostic(display_path(path), 1, 1, "duplicate-rule",
                                           f"rule id {rule.id} is already defined in {display_path(where[rule.id])} (expected unique ids)"))
                continue
            where[rule.id] = path
            rules.append(rule)
    for rule_id in sorted(set(overrides or {}) - ids):
        problems.append(Diagnostic(*locate_setting("params", rule_id), "unknown-rule",
                                   f"params given for unknown rule {rule_id!r} "
                                   f"(expected a rule id from `crosscheck rules`{did_you_mean(rule_id, ids)})"))
    if problems:
        raise CrosscheckError(problems)
    return sorted(rules, key=lambda r: r.id)


def find_rule(rules: Iterable[Rule], rule_id: str) -> Rule:
    """The rule with this id (case-insensitive); CrosscheckError with a suggestion otherwise."""
    by_id = {rule.id: rule for rule in rules}
    found = by_id.get(rule_id.upper())
    if found is None:
        raise CrosscheckError(
            f"unknown rule {rule_id!r} (expected one of {', '.join(sorted(by_id))}{did_you_mean(rule_id.upper(), by_id)})"
        )
    return found
