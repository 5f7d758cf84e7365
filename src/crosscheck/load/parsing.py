"""Parsing YAML safely: the fast path first, libyaml for the rest; syntax errors and aliases become diagnostics."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from crosscheck.errors import Diagnostic
from crosscheck.load.discovery import display_path
from crosscheck.load.fast_yaml import _MISS, _parse_fast, _SafeLoader

_MAX_INT_DIGITS = 4300
"""Python's own limit on converting digits to an int (sys.get_int_max_str_digits)."""
_ANCHOR_OR_ALIAS = re.compile(r"(?:^|[\s\[{,:-])[&*][^\s,\]}]")


class _DuplicateKey(yaml.constructor.ConstructorError):
    """A mapping names the same key twice: YAML readers keep the last one and lose the first silently."""


def _refuse(node: yaml.Node, problem: str) -> yaml.constructor.ConstructorError:
    return yaml.constructor.ConstructorError(None, None, problem, node.start_mark)


class _StrictLoader(_SafeLoader):  # a subclass of whichever loader the build has
    """The safe loader, with every value it cannot build turned into a located YAML error.

    A timestamp that is no real date (2024-02-30, 0000-00-00, `!!timestamp x`), an integer
    beyond Python's digit limit and a key written twice are refused at their line and column;
    the plain loader raised ValueError (an internal error) or kept the last key silently.
    """

    def construct_yaml_timestamp(self, node: yaml.Node) -> Any:
        try:
            return super().construct_yaml_timestamp(node)
        except (ValueError, AttributeError, OverflowError):
            written = self.construct_scalar(node)
            raise _refuse(node, f"not a calendar date: {written!r} (expected a real date such as 2024-03-10, or quotes)") from None

    def construct_yaml_int(self, node: yaml.Node) -> Any:
        digits = sum(c.isdigit() for c in str(node.value))
        if digits > _MAX_INT_DIGITS:
            raise _refuse(node, f"integer of {digits} digits (expected at most {_MAX_INT_DIGITS})")
        try:
            return super().construct_yaml_int(node)
        except ValueError:
            raise _refuse(node, f"not an integer: {str(node.value)[:40]!r}") from None

    def construct_mapping(self, node: yaml.Node, deep: bool = False) -> Any:
        if isinstance(node, yaml.MappingNode):
            first: dict[object, yaml.Node] = {}
            for key_node, _value in node.value:
                if isinstance(key_node, yaml.ScalarNode):
                    key = (key_node.tag, key_node.value)
                    if key in first:
                        line = first[key].start_mark.line + 1
                        raise _DuplicateKey(None, None, f"key {key_node.value!r} given twice (first given on line {line}; "
                                            "a YAML reader keeps only the last)", key_node.start_mark)
                    first[key] = key_node
        return super().construct_mapping(node, deep)


_StrictLoader.add_constructor("tag:yaml.org,2002:timestamp", _StrictLoader.construct_yaml_timestamp)
_StrictLoader.add_constructor("tag:yaml.org,2002:int", _StrictLoader.construct_yaml_int)

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


def _first_alias_mark(text: str) -> tuple[int, int] | None:
    """Where the first anchor or alias stands, if any (scalar ones leave no shared container to find)."""
    try:
        for event in yaml.parse(text, Loader=_SafeLoader):
            if isinstance(event, (yaml.AliasEvent,)) or getattr(event, "anchor", None):
                return event.start_mark.line + 1, event.start_mark.column + 1
    except yaml.YAMLError:  # pragma: no cover - the text parsed once already
        pass
    return None


_KEYED_QUOTE = re.compile(r"""(?:^|[\s{,])([A-Za-z_][\w.-]*):[ \t]+(["'])""")
"""A key whose value opens with a quotation mark: `quote: "We are ready," she said`."""


def _quoted_start(text: str, line: int, column: int) -> tuple[str, int] | None:
    """The key and column of a quoted value on `line` that text follows after its closing quote,
    when the syntax error stands there: the article's quotation marks taken for YAML's."""
    lines = text.splitlines()
    if line >= len(lines):
        return None
    row = lines[line]
    for match in _KEYED_QUOTE.finditer(row):
        mark = match.group(2)
        at = match.end()
        while at < len(row):  # the closing quote: '' inside single quotes, \" inside double quotes
            if row[at] == "\\" and mark == '"':
                at += 2
                continue
            if row[at] == mark:
                if mark == "'" and row[at + 1 : at + 2] == "'":
                    at += 2
                    continue
                break
            at += 1
        rest = row[at + 1 :].strip()
        if at < len(row) and rest and rest[0] not in "#,}]" and at < column:
            return match.group(1), match.start(2)
    return None


def parse_yaml(text: str, path: Path, what: str) -> tuple[Any, list[Diagnostic]]:
    """Parse YAML safely: syntax errors and aliases become diagnostics; an empty file is one too."""
    data = _parse_fast(text)
    if data is not _MISS:
        if data is None:
            return None, [Diagnostic(display_path(path), 1, 1, "empty-file", f"{what} is empty (expected a mapping)")]
        return data, []  # the fast subset has no anchors or aliases
    shown = display_path(path)
    try:
        data = yaml.load(text, Loader=_StrictLoader)
    except _DuplicateKey as exc:
        mark = exc.problem_mark
        return None, [Diagnostic(shown, mark.line + 1, mark.column + 1, "duplicate-key", str(exc.problem))]
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = " ".join(str(exc.problem or exc.context or "invalid YAML").split())
        context = f" {exc.context}" if exc.context and exc.problem else ""
        code = "yaml-value" if isinstance(exc, yaml.constructor.ConstructorError) else "yaml-syntax"
        quoted = _quoted_start(text, mark.line, mark.column) if mark and code == "yaml-syntax" else None
        if quoted is not None:
            key, column = quoted
            return None, [Diagnostic(shown, line, column + 1, code, (
                f"invalid YAML: the value of {key!r} starts with a quotation mark, so YAML ends it at the closing one "
                "and cannot read the rest (wrap the whole value in single quotes, doubling each ' inside, "
                f"or use a block scalar: `{key}: >-` with the text indented on the next line)"))]
        return None, [Diagnostic(shown, line, column, code, f"invalid YAML: {problem}{context}")]
    except yaml.YAMLError as exc:
        return None, [Diagnostic(shown, 1, 1, "yaml-syntax", f"invalid YAML: {' '.join(str(exc).split())}")]
    if data is None:
        return None, [Diagnostic(shown, 1, 1, "empty-file", f"{what} is empty (expected a mapping)")]
    mark = _first_alias_mark(text) if _ANCHOR_OR_ALIAS.search(text) else None
    if mark is None and _has_shared_containers(data):
        mark = (1, 1)
    if mark is not None:
        line, column = mark
        return None, [
            Diagnostic(shown, line, column, "yaml-alias", f"YAML anchors and aliases are not allowed in a {what} (expected plain values)")
        ]
    return data, []
