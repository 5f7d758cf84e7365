"""Parsing YAML safely: the fast path first, libyaml for the rest; syntax errors and aliases become diagnostics."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from crosscheck.errors import Diagnostic
from crosscheck.load.discovery import display_path
from crosscheck.load.fast_yaml import _MISS, _SafeLoader, _parse_fast

def _has_shared_containers(data: Any) -> bool:
    """True when a container appears twice: the trace of a YAML alias (and of an alias bomb)."""
    seen: set[int] = set()
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, (dict, list)):
            if id(item) in seen:
                return True
            seen.add(id(item))
            stack.extend(item.values() if isinstance(item, dict) else item)
    return False


def _first_alias_mark(text: str) -> tuple[int, int]:
    try:
        for event in yaml.parse(text, Loader=_SafeLoader):
            if isinstance(event, (yaml.AliasEvent,)) or getattr(event, "anchor", None):
                return event.start_mark.line + 1, event.start_mark.column + 1
    except yaml.YAMLError:  # pragma: no cover - the text parsed once already
        pass
    return 1, 1


def parse_yaml(text: str, path: Path, what: str) -> tuple[Any, list[Diagnostic]]:
    """Parse YAML safely: syntax errors and aliases become diagnostics; an empty file is one too."""
    data = _parse_fast(text)
    if data is not _MISS:
        if data is None:
            return None, [Diagnostic(display_path(path), 1, 1, "empty-file", f"{what} is empty (expected a mapping)")]
        return data, []  # the fast subset has no anchors or aliases
    shown = display_path(path)
    try:
        data = yaml.load(text, Loader=_SafeLoader)  # noqa: S506 - a safe loader
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = " ".join(str(exc.problem or exc.context or "invalid YAML").split())
        context = f" {exc.context}" if exc.context and exc.problem else ""
        return None, [Diagnostic(shown, line, column, "yaml-syntax", f"invalid YAML: {problem}{context}")]
    except yaml.YAMLError as exc:
        return None, [Diagnostic(shown, 1, 1, "yaml-syntax", f"invalid YAML: {' '.join(str(exc).split())}")]
    if data is None:
        return None, [Diagnostic(shown, 1, 1, "empty-file", f"{what} is empty (expected a mapping)")]
    if _has_shared_containers(data):
        line, column = _first_alias_mark(text)
        return None, [
            Diagnostic(shown, line, column, "yaml-alias", f"YAML anchors and aliases are not allowed in a {what} (expected plain values)")
        ]
    return data, []
