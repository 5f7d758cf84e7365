"""The one entry-point loader for every plugin group (`crosscheck.comparators`, `crosscheck.reporters`).

Each plugin loads in its own try: a broken one is reported by name, with what it
points at and why it failed, and the others (and the built-ins) keep working.
`importlib.metadata` is imported on first use: most command lines load no plugin
group at all.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

T = TypeVar("T")

COMPARATORS = "crosscheck.comparators"
REPORTERS = "crosscheck.reporters"


@dataclass(frozen=True, slots=True)
class Plugin(Generic[T]):
    """A loaded plugin: its entry point's name and value ("module:attr"), and the object it gave."""

    name: str
    value: str
    loaded: T


@dataclass(frozen=True, slots=True)
class Loaded(Generic[T]):
    """The plugins of one group that loaded, sorted by name, and one line per plugin that did not."""

    plugins: list[Plugin[T]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def load(group: str, what: str, accept: Callable[[object], T]) -> Loaded[T]:
    """Every installed plugin of `group`, each checked by `accept` (which raises on a wrong object).

    `what` names the kind of plugin in problem lines: "comparator plugin 'x' (pkg:obj) failed to load: ...".
    """
    loaded: Loaded[T] = Loaded()
    try:
        found = sorted(_entry_points().select(group=group), key=lambda e: e.name)
    except Exception as exc:
        loaded.problems.append(f"could not list {group} entry points: {exc}")
        return loaded
    for entry in found:
        try:
            obj = accept(entry.load())
        except Exception as exc:
            loaded.problems.append(f"{what} plugin {entry.name!r} ({entry.value}) failed to load: {type(exc).__name__}: {exc}")
            continue
        loaded.plugins.append(Plugin(entry.name, entry.value, obj))
    return loaded


_listed: tuple[tuple[tuple[str, int | None], ...], Any] | None = None
"""The installed entry points and the state of `sys.path` they were listed in."""


def _entry_points() -> Any:
    """Every installed entry point, listed once for both groups a check loads (a listing reads the metadata of
    every installed distribution); listed again when `sys.path` or one of its folders changed (an install).
    What it returns selects a group with `.select(group=...)`."""
    from importlib.metadata import entry_points

    global _listed
    state = tuple((entry, _modified(entry)) for entry in sys.path)
    if _listed is None or _listed[0] != state:
        _listed = (state, entry_points())
    return _listed[1]


def _modified(entry: str) -> int | None:
    try:
        return os.stat(entry or ".").st_mtime_ns
    except (OSError, ValueError):
        return None
