"""The lexicon's lists that normalising reads: units of measure, vague quantities, relative days.

They live in `text/lexicon.yaml` with every other word list of the project (so drafting
reads the same words); this module gives them typed, lower-cased views, read once per
process and only when a normaliser first needs one.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from crosscheck.text.lexicon import sections


@dataclass(frozen=True)
class Vocabulary:
    """Typed views of the lexicon sections the normalisers read."""

    vague_bounds: dict[str, tuple[float, float]]
    """Vague quantity ("dozens") -> [low, high): the counts it allows."""
    vague_words: dict[str, str]
    """How news writes one ("dozens of") -> the vague quantity ("dozens")."""
    units: dict[str, str]
    """A unit of measure as written, lower case ("km", "sq km", "mph") -> the units library's name."""
    rate_words: frozenset[str]
    """Words that make a figure a rate of the noun after them ("per", "a": "3,000 a week")."""
    relative_days: dict[str, int]
    """A day named relative to the publication date ("yesterday") -> days from it."""
    future_cues: tuple[str, ...]
    """Words that make a weekday or period read forward ("will reopen on Monday")."""
    weekdays: tuple[str, ...]
    """Monday to Sunday, lower case (shared with drafting)."""
    irregular_plurals: dict[str, str]
    """Plural -> singular for counted nouns the -s rule gets wrong ("people" -> "person")."""


@cache
def vocabulary() -> Vocabulary:
    """The packaged lists (from the lexicon's one parse per process, shared with `text.lexicon`)."""
    raw = sections()
    vague = raw["vague_quantities"]
    return Vocabulary(
        vague_bounds={name: (float(entry["bounds"][0]), float(entry["bounds"][1])) for name, entry in vague.items()},
        vague_words={str(word).lower(): name for name, entry in vague.items() for word in entry["words"]},
        units={str(written).lower(): str(entry["name"]) for short, entry in raw["units"].items()
               for written in (short, *entry["written"], *entry.get("claims_only", ()))},
        rate_words=frozenset(str(w).lower() for w in raw["rate_words"]),
        relative_days={str(k).lower(): int(v) for k, v in raw["relative_days"].items()},
        future_cues=tuple(str(w).lower() for w in raw["relative_date_future_cues"]),
        weekdays=tuple(str(w).lower() for w in raw["weekdays"]),
        irregular_plurals={str(k).lower(): str(v).lower() for k, v in raw["irregular_plurals"].items()},
    )
