"""The comparator registry: name -> Comparator, built-ins plus plugins.

A plugin is a Python package declaring an entry point in the group
`crosscheck.comparators` whose object is a `Comparator` (or a module with a
`COMPARATOR` attribute).  `crosscheck.plugins` loads each in its own try: a
broken one is reported by name and skipped, never taking the tool down.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from functools import lru_cache
from types import ModuleType

from crosscheck import plugins
from crosscheck.comparators.base import Comparator, Item, NoParams, Verdict

__all__ = ["BUILTINS", "Comparator", "Item", "NoParams", "Registry", "Verdict", "registry"]

BUILTINS: tuple[str, ...] = (
    "intervals_overlap",
    "shares_agree",
    "dates_agree",
    "duration_vs_start",
    "ranks_overlap",
    "names_match",
    "entities_agree",
    "names_differ",
    "quotes_match", "quotes_same_utterance", "quotes_speakers_agree", "names_spelt_alike",
    "quote_fragments",
    "conversion_rates_agree",
    "changes_agree",
    "points_vs_percent",
    "share_vs_percentage",
    "currencies_comparable",
    "histories_agree",
    "digits_transposed",
    "superlative_bounds",
)
"""Modules of `crosscheck.comparators` holding the built-in comparators, one each."""


@dataclass(frozen=True)
class Registry:
    """Comparators by name, plus one line per plugin that failed to load."""

    comparators: dict[str, Comparator]
    problems: list[str] = field(default_factory=list)

    def get(self, name: str) -> Comparator | None:
        return self.comparators.get(name)

    def names(self) -> list[str]:
        return sorted(self.comparators)


def _as_comparator(obj: object) -> Comparator:
    if isinstance(obj, ModuleType):
        obj = getattr(obj, "COMPARATOR", None)
    if not isinstance(obj, Comparator):
        raise TypeError(f"expected a crosscheck Comparator, found {type(obj).__name__}")
    return obj


@lru_cache(maxsize=1)
def registry() -> Registry:
    """The built-in comparators and every installed plugin that loads."""
    found: dict[str, Comparator] = {}
    for name in BUILTINS:
        comparator = _as_comparator(importlib.import_module(f"crosscheck.comparators.{name}"))
        found[comparator.name] = comparator
    loaded = plugins.load(plugins.COMPARATORS, "comparator", _as_comparator)
    problems = list(loaded.problems)
    for plugin in loaded.plugins:
        comparator = plugin.loaded
        if comparator.name in found:
            problems.append(f"comparator plugin {plugin.name!r} ({plugin.value}) redefines {comparator.name!r}; ignored")
            continue
        found[comparator.name] = comparator
    return Registry(found, problems)
