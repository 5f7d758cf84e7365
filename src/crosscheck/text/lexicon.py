"""The project's one lexicon (`lexicon.yaml`): every word list, loaded once, with typed views.

Word lists are data: adding an approximator or a currency is an edit to the
YAML file, never a new branch in the code.  The extractor reads the word lists;
`kinds.approx` reads the default approximator tolerances.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, TypeVar

import ryaml

V = TypeVar("V")


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of literal phrases, longest first so "more than" beats "more"."""
    ordered = sorted({w for w in words}, key=lambda w: (-len(w), w))
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


@dataclass(frozen=True)
class Lexicon:
    """Typed views of `lexicon.yaml`, with lower-cased lookup tables."""

    approximator_tolerances: dict[str, float]
    """Default relative tolerance δ of a loose approximator ("about" -> 0.1)."""
    approximators: dict[str, str]
    """phrase -> approximator ("more than" -> over)."""
    suffix_approximators: dict[str, str]
    number_words: dict[str, int]
    vague_words: dict[str, str]
    """How news writes a count without a figure ("dozens of") -> its vague quantity ("dozens"; bounds in `kinds`)."""
    group_words: dict[str, int]
    """Collective nouns for a count: "a trio of clusters" -> 3."""
    scales: dict[str, str]
    currency_symbols: dict[str, str]
    currency_words: dict[str, str]
    fraction_words: dict[str, tuple[int, int]]
    ordinals: dict[str, int]
    rank_nouns: tuple[str, ...]
    rank_superlatives: tuple[str, ...]
    leader_scopes: tuple[str, ...]
    months: dict[str, int]
    weekdays: tuple[str, ...]
    date_relations: dict[str, str]
    duration_units: dict[str, str]
    speech_verbs: tuple[str, ...]
    organisation_heads: frozenset[str]
    titles: tuple[str, ...]
    pronouns: tuple[str, ...]
    boilerplate_lines: tuple[re.Pattern[str], ...]
    number_multipliers: dict[str, int]
    """Number words that multiply what comes before them ("hundred", "dozen")."""
    scale_abbreviations: dict[str, str]
    """Short scale marks glued to a figure ("k" -> thousand), besides the scales' own short forms."""
    percent_words: dict[str, str]
    """A mark after a figure -> percent, points or basis_points."""
    currency_subunits: dict[str, tuple[str, int]]
    """"cents" -> (USD, 100): the currency and how many subunits make one."""
    units: dict[str, str]
    """A unit as written in article text, lower case ("kilometres", "km2") -> the short form drafting writes ("km", "sq km")."""
    units_spaced_only: frozenset[str]
    rate_words: frozenset[str]
    rate_time_nouns: frozenset[str]
    weight_cues: tuple[str, ...]
    multiples: dict[str, float]
    """A verb of change by a factor ("doubled") -> the factor (2)."""
    change_verb_forms: frozenset[str]
    same_form_plurals: frozenset[str]
    singular_nouns_in_s: frozenset[str]
    irregular_plurals: dict[str, str]
    figure_openers: frozenset[str]


def _low(table: dict[str, V]) -> dict[str, V]:
    """`table` with its keys lower-cased, for case-insensitive look-up."""
    return {str(k).lower(): v for k, v in table.items()}


def _invert(groups: dict[str, list[str]]) -> dict[str, str]:
    return {phrase.lower(): key for key, phrases in groups.items() for phrase in phrases}


@cache
def lexicon() -> Lexicon:
    """The packaged lexicon (cached: the file is read once per process, and parsed once for this and `section`)."""
    raw = _sections()
    return Lexicon(
        approximator_tolerances={str(k): float(v) for k, v in raw["approximator_tolerances"].items()},
        approximators=_invert(raw["approximators"]),
        suffix_approximators=_invert(raw["suffix_approximators"]),
        number_words=_low(raw["number_words"]),
        vague_words={str(w).lower(): name for name, entry in raw["vague_quantities"].items() for w in entry["words"]},
        group_words=_low(raw["group_words"]),
        scales=_low(raw["scales"]),
        currency_symbols=dict(raw["currency_symbols"]),
        currency_words=_low(raw["currency_words"]),
        fraction_words={k.lower(): (v[0], v[1]) for k, v in raw["fraction_words"].items()},
        ordinals=_low(raw["ordinals"]),
        rank_nouns=tuple(raw["rank_nouns"]),
        rank_superlatives=tuple(raw["rank_superlatives"]),
        leader_scopes=tuple(raw["leader_scopes"]),
        months=_low(raw["months"]),
        weekdays=tuple(raw["weekdays"]),
        date_relations=_invert(raw["date_relations"]),
        duration_units=_low(raw["duration_units"]),
        speech_verbs=tuple(raw["speech_verbs"]),
        organisation_heads=frozenset(w.lower() for w in raw["organisation_heads"]),
        titles=tuple(raw["titles"]),
        pronouns=tuple(raw["pronouns"]),
        boilerplate_lines=tuple(re.compile(p, re.I) for p in raw["boilerplate_lines"]),
        number_multipliers=_low(raw["number_multipliers"]),
        scale_abbreviations=_low(raw["scale_abbreviations"]),
        percent_words=_invert(raw["percent_words"]),
        currency_subunits={str(k).lower(): (str(v[0]), int(v[1])) for k, v in raw["currency_subunits"].items()},
        units={str(w).lower(): str(short) for short, entry in raw["units"].items() for w in entry["written"]},
        units_spaced_only=frozenset(str(w).lower() for w in raw["units_spaced_only"]),
        rate_words=frozenset(str(w).lower() for w in raw["rate_words"]),
        rate_time_nouns=frozenset(str(w).lower() for w in raw["rate_time_nouns"]),
        weight_cues=tuple(str(w).lower() for w in raw["weight_cues"]),
        multiples={str(w).lower(): float(k) for k, v in raw["multiples"].items() for w in v},
        change_verb_forms=frozenset(str(w).lower() for w in raw["change_verb_forms"]),
        same_form_plurals=frozenset(str(w).lower() for w in raw["same_form_plurals"]),
        singular_nouns_in_s=frozenset(str(w).lower() for w in raw["singular_nouns_in_s"]),
        irregular_plurals=_low(raw["irregular_plurals"]),
        figure_openers=frozenset(str(w).lower() for w in raw["figure_openers"]),
    )


def sections() -> dict[str, Any]:
    """Every section of `lexicon.yaml` as parsed, for a module that builds typed lists of its own (read it, never change it)."""
    return _sections()


def word_set(name: str, *, lower: bool = True) -> frozenset[str]:
    """A section of `lexicon.yaml` that is a plain list of words, as a set (lower-cased unless `lower` is False)."""
    words = _sections()[name]
    if not isinstance(words, list):
        raise TypeError(f"lexicon section {name!r} is not a list of words")
    return frozenset(str(w).lower() if lower else str(w) for w in words)


def section(name: str) -> object:
    """A section of `lexicon.yaml` without a typed view above, as parsed (read by the one module that uses it)."""
    return _sections()[name]


@cache
def _sections() -> dict[str, Any]:
    """The parsed file, shared read-only by `lexicon`, `section` and `kinds.vocabulary` (each builds its own tables)."""
    # YAML 1.2 (ryaml): every plain word is a string, where YAML 1.1 (libyaml) read "on", "no" and "off" in the
    # word lists as booleans; and a fifth of libyaml's time, which every check pays once
    text = resources.files(__package__).joinpath("lexicon.yaml").read_text(encoding="utf-8")
    return dict(ryaml.loads(text))
