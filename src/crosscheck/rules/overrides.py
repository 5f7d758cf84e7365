"""Rule parameters given in the configuration (`[tool.crosscheck.params.CC101]`): checked, and reported where they are written.

A wrong override is the configuration's mistake, not the rule file's: its diagnostics point
at the config file's line (through a `LocateSetting`) and name the rule they were meant for.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from pydantic import ValidationError

from crosscheck.errors import Diagnostic, did_you_mean

if TYPE_CHECKING:
    from crosscheck.comparators import Comparator
    from crosscheck.rules import Rule

LocateSetting = Callable[..., tuple[str, int, int]]
"""Where the configuration gives a setting: `locate("params", "CC101", "nearly") -> (path, line, column)`."""


def override_diagnostics(rule: Rule, comparator: Comparator, locate_setting: LocateSetting) -> list[Diagnostic]:
    """What is wrong with the configured params of `rule`, located where the configuration gives them."""
    try:
        comparator.params.model_validate(rule.params)
    except ValidationError as exc:
        from crosscheck.load.read import _message

        fields = comparator.params.model_fields
        out = []
        for error in exc.errors(include_url=False):
            name = str(error["loc"][0]) if error["loc"] else ""
            where = locate_setting("params", rule.id, name)
            if error["type"] == "extra_forbidden":
                message = (f"unknown parameter {name!r} for rule {rule.id} ({rule.name}) "
                           f"(expected one of {', '.join(sorted(fields))}{did_you_mean(name, fields)})")
                out.append(Diagnostic(*where, "unknown-param", message))
            else:
                out.append(Diagnostic(*where, "bad-param",
                                      f"parameter {name!r} of rule {rule.id} ({rule.name}): {_message(dict(error), type(rule))}"))
        return out
    return []


def no_setting(*keys: str) -> tuple[str, int, int]:
    """Where a setting given without a file is: the caller's own options."""
    return "crosscheck", 1, 1
