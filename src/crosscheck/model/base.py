"""What every model shares: the frozen base, registry ids and partial dates.

Kept apart from the value, claim and registry models so each of those files
imports only what it uses, and so the base can be read on its own.
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, WithJsonSchema

ID_PATTERN = r"^[a-z0-9][a-z0-9_.-]*$"
"""Registry ids (entities, properties): lower-case, digits, `_`, `.` and `-`."""

_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def to_partial_date(value: object) -> object:
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
    BeforeValidator(to_partial_date),
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


def _field_docstrings(schema: dict[str, Any], cls: type[BaseModel]) -> None:
    """Field docstrings become schema descriptions, read only when a schema is generated.

    (pydantic's `use_attribute_docstrings` reads the source of every model at import, which
    was a fifth of the start-up of `crosscheck check --against`.)
    """
    from crosscheck.model.fielddocs import describe_fields

    describe_fields(schema, cls)


class Frozen(BaseModel):
    """Base for every model: immutable, unknown keys are errors, docstrings are descriptions."""

    model_config = ConfigDict(frozen=True, extra="forbid", json_schema_extra=_field_docstrings)
