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
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _message(error: Mapping[str, Any], model: type[BaseModel]) -> str:
    kind = error["type"]
    loc = error["loc"]
    field_name = loc[-1] if loc else ""
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
        options = re.findall(r"'([^']+)'", str(error.get("ctx", {}).get("expected", "")))
        hint = did_you_mean(str(error.get("input")), options)
        return f"expected one of {', '.join(options)}, found {_describe(error.get('input'))}{hint}"
    if kind == "too_short":
        return f"expected at least {error.get('ctx', {}).get('min_length', 1)} item(s), found {_describe(error.get('input'))} with none"
    if kind == "string_pattern_mismatch":
        pattern = error.get("ctx", {}).get("pattern")
        return f"expected text matching {pattern}, found {_describe(error.get('input'))}"
    msg = error["msg"].removeprefix("Value error, ")
    if msg.startswith("Input should be "):
        msg = "expected " + msg.removeprefix("Input should be ")
        return f"{msg}, found {_describe(error.get('input'))}"
    return msg


def validation_diagnostics(exc: ValidationError, path: Path, text: str, model: type[BaseModel]) -> list[Diagnostic]:
    """Turn pydantic's errors into located, one-line diagnostics."""
    locator = Locator(text)
    shown = display_path(path)
    out = []
    for error in exc.errors(include_url=False):
        # pydantic puts the discriminator tag into the path ($.value.quantity.amount); the file has no such key
        raw = error["loc"]
        loc = tuple(p for i, p in enumerate(raw) if not (i and raw[i - 1] == "value" and p in VALUE_KINDS))
        line, column = locator.locate(loc)
        code = "unknown-field" if error["type"] == "extra_forbidden" else "schema"
        if error["type"] == "missing":
            code = "missing-field"
        out.append(Diagnostic(shown, line, column, code, _message(error, model), json_path(loc)))
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
        return None, validation_diagnostics(exc, path, text, model)


def load_registry(path: Path) -> tuple[Registry | None, str | None, list[Diagnostic]]:
    """Load and validate the registry file; return it, its text, and problems."""
    return load_model(path, Registry, "registry", files.MAX_REGISTRY_BYTES)  # type: ignore[return-value]
