"""Validation diagnostics: pydantic's errors as located one-line messages; reading a file as a model."""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from crosscheck.errors import Diagnostic, did_you_mean, json_path
from crosscheck.load import files
from crosscheck.load.discovery import display_path
from crosscheck.load.files import read_text
from crosscheck.load.locate import Locator
from crosscheck.load.parsing import parse_yaml
from crosscheck.model.base import ID_PATTERN
from crosscheck.model.claims import CLAIM_ID_PATTERN, Claim, ClaimsFile
from crosscheck.model.registry import Registry
from crosscheck.model.values import VALUE_KINDS

_FIELD_NAMES: set[str] = set()


def _all_field_names(model: type[BaseModel]) -> set[str]:
    """Every field name of the models reachable from `model`, for "did you mean" on unknown keys."""
    if not _FIELD_NAMES:
        from crosscheck import model as models

        for obj in vars(models).values():
            if isinstance(obj, type) and issubclass(obj, BaseModel):
                for name, info in obj.model_fields.items():
                    _FIELD_NAMES.add(info.alias or name)
    return _FIELD_NAMES


def _describe(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true" if value else "false"
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


PATTERN_WORDS = {
    ID_PATTERN: "an id in lower case (letters, digits, '.', '_' and '-', such as harbour-institute)",
    CLAIM_ID_PATTERN: "an id of letters, digits, '.', '_' and '-' with no spaces (such as partners-2024)",
    r"^[A-Z]{3}$": "a three-letter ISO 4217 currency code in capitals (such as USD or EUR)",
    r"^[a-z0-9][a-z0-9.-]*$": "a name in lower case (letters, digits, '.' and '-', such as unemployment-rate)",
    r"^[A-Z]{2,4}[0-9]{3}$": "a rule id of two to four capitals and three digits (such as CC101)",
    r"^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$": "a dotted name in lower case (such as quantity.intervals-overlap)",
}
"""What a person reads for each pattern a field of a claims, registry or rule file must match, never the
regular expression itself (a test keeps it complete over the published schemas)."""

_NUMBER_ERRORS = frozenset({"int_parsing", "float_parsing", "int_type", "float_type", "int_from_float", "finite_number"})
_EXPECTED = {
    "string_type": "text",
    "bool_parsing": "true or false",
    "bool_type": "true or false",
    "list_type": "a list (lines starting with '- ')",
    "dict_type": "a mapping (key: value lines)",
    "model_type": "a mapping (key: value lines)",
    "model_attributes_type": "a mapping (key: value lines)",
    "tuple_type": "a list",
}
_MAPPINGS = {
    "value": "a mapping with a kind and its fields (such as {kind: quantity, amount: 600, unit: company})",
    "scope": "a mapping such as {as_of: 2024} or {start: 2021, end: 2025}",
    "waive": "a mapping such as {rule: CC101, reason: why the difference is accepted}",
}
"""What a mapping field holds, for the fields where a bare value is the usual slip."""
_BOUNDS = {"greater_than": ("gt", "greater than"), "greater_than_equal": ("ge", "at least"),
           "less_than": ("lt", "less than"), "less_than_equal": ("le", "at most")}


_YAML11_BOOLEAN = " (YAML reads a bare on, off, yes or no as true or false: put the word in quotes, as 'on')"


def _options(error: Mapping[str, Any]) -> list[str]:
    return re.findall(r"'([^']+)'", str(error.get("ctx", {}).get("expected", "")))


def _expected(error: Mapping[str, Any]) -> str | None:
    """What the field takes, as a person would say it; None for errors that carry their own sentence."""
    kind = error["type"]
    ctx = error.get("ctx", {})
    if kind in ("int_from_float", "int_parsing", "int_type"):
        return "a whole number like 3"
    if kind in _NUMBER_ERRORS:
        return "a number like 600 or 1.5"
    if kind in _BOUNDS:
        key, words = _BOUNDS[kind]
        bound = ctx.get(key)
        return f"{words} {int(bound) if isinstance(bound, float) and bound.is_integer() else bound}"
    if kind == "string_pattern_mismatch":
        return PATTERN_WORDS.get(str(ctx.get("pattern")), "text in the form the schema documents")
    if kind == "string_too_short":
        least = int(ctx.get("min_length", 1))
        return "text, not an empty string" if least <= 1 else f"at least {least} characters of text"
    if kind == "too_short":
        least = int(ctx.get("min_length", 1))
        item = "claim" if error["loc"] and error["loc"][-1] == "claims" else "item"
        return f"at least one {item}" if least <= 1 else f"at least {least} {item}s"
    if kind == "too_long":
        return f"at most {ctx.get('max_length')} items"
    if kind == "literal_error":
        return "one of " + ", ".join(_options(error))
    if kind in ("dict_type", "model_type", "model_attributes_type") and error["loc"]:
        return _MAPPINGS.get(str(error["loc"][-1]), _EXPECTED[kind])
    return _EXPECTED.get(kind)


def _message(error: Mapping[str, Any], model: type[BaseModel]) -> str:
    """One error of pydantic's as a sentence a person expects: what the field takes, what the file has."""
    kind = error["type"]
    loc = error["loc"]
    field_name = loc[-1] if loc else ""
    found = error.get("input")
    if kind == "missing":
        return f"missing required field {field_name!r}"
    if kind == "extra_forbidden":
        hint = did_you_mean(str(field_name), _all_field_names(model))
        return f"unknown field {field_name!r} (expected one of the documented fields{hint})"
    if kind == "union_tag_invalid":
        ctx = error.get("ctx", {})
        tags = re.findall(r"'([^']+)'", str(ctx.get("expected_tags", "")))
        hint = did_you_mean(str(ctx.get("tag")), tags)
        return f"unknown value kind {ctx.get('tag')!r} (expected one of {', '.join(tags)}{hint})"
    if kind == "union_tag_not_found":
        return f"value has no 'kind' (expected one of {', '.join(VALUE_KINDS)})"
    if kind == "literal_error":
        hint = did_you_mean(str(found), _options(error))
        if isinstance(found, bool):
            hint = _YAML11_BOOLEAN
        return f"expected {_expected(error)}, found {_describe(found)}{hint}"
    if kind == "string_too_short" and isinstance(found, str) and found:
        return f"expected {_expected(error)}, found {_describe(found)}"
    if kind == "string_too_short":
        return f"expected {_expected(error)}, found an empty one"
    if kind == "too_short":
        return f"expected {_expected(error)}, found an empty list"
    if kind == "string_type" and isinstance(found, (int, float)) and not isinstance(found, bool):
        return f"expected text, found the number {found!r} (put it in quotes: '{found}')"
    expected = _expected(error)
    if expected is not None:
        return f"expected {expected}, found {_describe(found)}"
    msg = str(error["msg"]).removeprefix("Value error, ")
    if msg.startswith("Input should be "):  # a check with no wording of ours: pydantic's, in our shape
        return "expected " + msg.removeprefix("Input should be ") + f", found {_describe(found)}"
    return msg


def _in_file(loc: tuple[Any, ...], data: Any, keeps_last: bool) -> tuple[Any, ...]:
    """`loc` without the steps pydantic adds for a union's members (`value.quantity`, `amount.int`):
    only the keys and indexes the file has, and the last step of a missing or unknown field."""
    kept: list[Any] = []
    node = data
    for step, part in enumerate(loc):
        if isinstance(node, dict) and part in VALUE_KINDS and node.get("kind") == part:
            continue  # the value kind's step ($.value.date.relation): a date value has a `date` key too
        if isinstance(node, dict) and part in node:
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
        elif keeps_last and step == len(loc) - 1:
            pass
        else:
            continue
        kept.append(part)
    return tuple(kept)


def _merged(errors: list[Mapping[str, Any]], model: type[BaseModel]) -> str:
    """One message for the errors of one place: a union's members each refuse the value (a whole number,
    a decimal one), and the person wants to hear once what the field takes."""
    if len(errors) == 1:
        return _message(errors[0], model)
    found = _describe(errors[0].get("input"))
    if all(error["type"] == "literal_error" for error in errors) and isinstance(errors[0].get("input"), bool):
        options = [option for error in errors for option in _options(error)]
        return f"expected one of {', '.join(dict.fromkeys(options))}, found {found}{_YAML11_BOOLEAN}"
    if all(error["type"] in _NUMBER_ERRORS for error in errors):
        return f"expected a number like 600 or 1.5, found {found}"
    if all(error["type"] == "literal_error" for error in errors):
        options = [option for error in errors for option in _options(error)]
        hint = did_you_mean(str(errors[0].get("input")), options)
        return f"expected one of {', '.join(dict.fromkeys(options))}, found {found}{hint}"
    expected = [e for e in dict.fromkeys(_expected(error) for error in errors) if e]
    if expected:
        return f"expected {' or '.join(expected)}, found {found}"
    return "; ".join(dict.fromkeys(_message(error, model) for error in errors))


def validation_diagnostics(exc: ValidationError, path: Path, text: str, model: type[BaseModel],
                           data: Any = None) -> list[Diagnostic]:
    """Turn pydantic's errors into located, one-line diagnostics: one per place in the file.

    `data` (the parsed file) tells the keys the file has from the steps pydantic adds for union
    members; without it only the value kind's step is dropped.
    """
    locator = Locator(text)
    shown = display_path(path)
    places: dict[tuple[Any, ...], list[Mapping[str, Any]]] = {}
    for error in exc.errors(include_url=False):
        raw = error["loc"]
        if data is None:  # pydantic puts the discriminator tag into the path ($.value.quantity.amount)
            loc = tuple(p for i, p in enumerate(raw) if not (i and raw[i - 1] == "value" and p in VALUE_KINDS))
        else:
            loc = _in_file(tuple(raw), data, error["type"] in ("missing", "extra_forbidden"))
        places.setdefault(loc, []).append(error)
    out = []
    for loc, errors in places.items():
        line, column = locator.locate(loc)
        kinds = {error["type"] for error in errors}
        code = "unknown-field" if kinds == {"extra_forbidden"} else "missing-field" if kinds == {"missing"} else "schema"
        out.append(Diagnostic(shown, line, column, code, _merged(errors, model), json_path(loc)))
    return out


def load_model(
    path: Path, model: type[BaseModel], what: str, limit: int | None = None
) -> tuple[BaseModel | None, str | None, list[Diagnostic]]:
    """Read, parse and validate one YAML file (of at most `limit` bytes) as `model`; return the object, its text, and problems."""
    text, problems = read_text(path, what, limit)
    if text is None:
        return None, None, problems
    model_object, problems = validate_text(text, path, model, what)
    return model_object, text, problems


def validate_text(text: str, path: Path, model: type[BaseModel], what: str) -> tuple[BaseModel | None, list[Diagnostic]]:
    """Parse and validate the text of a YAML file as `model`; return the object or the problems."""
    data, problems = parse_yaml(text, path, what)
    if data is None:
        return None, problems
    if not isinstance(data, dict):
        found = _describe(data)
        return None, [Diagnostic(display_path(path), 1, 1, "schema", f"{what} must be a mapping (expected a mapping, found {found})")]
    try:
        return model.model_validate(data), []
    except ValidationError as exc:
        return None, validation_diagnostics(exc, path, text, model, data)


def valid_claims(text: str, path: Path) -> tuple[ClaimsFile, list[int]] | None:
    """The claims of a file that failed validation that are valid on their own, and their positions.

    The file is still refused, but a person fixing it hears of every problem at once: a quote
    not in the article or an unknown subject in one claim, beside a mistyped value in another.
    None when the file has no such claims, or its document part itself is wrong.
    """
    data, _problems = parse_yaml(text, path, "claims file")
    if not isinstance(data, dict) or not isinstance(data.get("claims"), list):
        return None
    valid: list[Claim] = []
    positions: list[int] = []
    for position, raw in enumerate(data["claims"]):
        try:
            valid.append(Claim.model_validate(raw))
        except ValidationError:
            continue
        positions.append(position)
    if not valid:
        return None
    try:
        return ClaimsFile.model_validate({**data, "claims": valid}), positions
    except ValidationError:
        return None


def load_registry(path: Path) -> tuple[Registry | None, str | None, list[Diagnostic]]:
    """Load and validate the registry file; return it, its text, and problems."""
    return load_model(path, Registry, "registry", files.MAX_REGISTRY_BYTES)  # type: ignore[return-value]
