"""The extractor's word lists (`lexicon.yaml`), loaded once and compiled into regex alternations.

Word lists are data: adding an approximator or a currency is an edit to the
YAML file, never a new branch in the code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml


def alternation(words) -> str:
    """A regex alternation of literal phrases, longest first so "more than" beats "more"."""
    ordered = sorted({w for w in words}, key=lambda w: (-len(w), w))
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


@dataclass(frozen=True)
class Lexicon:
    """Typed views of `lexicon.yaml`, with lower-cased lookup tables."""

    approximators: dict[str, str]
    """phrase -> approximator ("more than" -> over)."""
    suffix_approximators: dict[str, str]
    number_words: dict[str, int]
    vague_numbers: dict[str, int]
    group_words: dict[str, int]
    """Collective nouns for a count: "a trio of clusters" -> 3."""
    scales: dict[str, str]
    currency_symbols: dict[str, str]
    currency_words: dict[str, str]
    fraction_words: dict[str, tuple[int, int]]
    ordinals: dict[str, int]
    rank_nouns: tuple[str, ...]
    rank_superlatives: tuple[str, ...]
    rank_verbs_first: tuple[str, ...]
    leader_phrases: tuple[str, ...]
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


def _invert(groups: dict[str, list[str]]) -> dict[str, str]:
    return {phrase.lower(): key for key, phrases in groups.items() for phrase in phrases}


@cache
def lexicon() -> Lexicon:
    """The packaged lexicon (cached: the file is read once per process)."""
    raw = yaml.safe_load(resources.files(__package__).joinpath("lexicon.yaml").read_text(encoding="utf-8"))
    low = lambda d: {str(k).lower(): v for k, v in d.items()}  # noqa: E731
    return Lexicon(
        approximators=_invert(raw["approximators"]),
        suffix_approximators=_invert(raw["suffix_approximators"]),
        number_words=low(raw["number_words"]),
        vague_numbers=low(raw["vague_numbers"]),
        group_words=low(raw["group_words"]),
        scales=low(raw["scales"]),
        currency_symbols=dict(raw["currency_symbols"]),
        currency_words=low(raw["currency_words"]),
        fraction_words={k.lower(): (v[0], v[1]) for k, v in raw["fraction_words"].items()},
        ordinals=low(raw["ordinals"]),
        rank_nouns=tuple(raw["rank_nouns"]),
        rank_superlatives=tuple(raw["rank_superlatives"]),
        rank_verbs_first=tuple(raw["rank_verbs_first"]),
        leader_phrases=tuple(raw["leader_phrases"]),
        leader_scopes=tuple(raw["leader_scopes"]),
        months=low(raw["months"]),
        weekdays=tuple(raw["weekdays"]),
        date_relations=_invert(raw["date_relations"]),
        duration_units=low(raw["duration_units"]),
        speech_verbs=tuple(raw["speech_verbs"]),
        organisation_heads=frozenset(w.lower() for w in raw["organisation_heads"]),
        titles=tuple(raw["titles"]),
        pronouns=tuple(raw["pronouns"]),
        boilerplate_lines=tuple(re.compile(p, re.I) for p in raw["boilerplate_lines"]),
    )
