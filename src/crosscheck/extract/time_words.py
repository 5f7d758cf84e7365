"""The word lists for periods, relative days, clock times, streaks and bare ranks (`lexicon.yaml`'s `time_*`
and `rank_*` sections), as lookup tables.

Kept apart from `crosscheck.text.lexicon` (as `frame_lexicon` is) so these readings grow without touching
the extractor's other lists; the words stay in the project's one lexicon file.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from crosscheck.text.lexicon import sections


def _invert(groups: dict) -> dict[str, str]:
    return {str(phrase).lower(): str(key) for key, phrases in groups.items() for phrase in phrases}


@dataclass(frozen=True)
class TimeWords:
    """Typed views of the `time_*` and bare-rank sections."""

    period_parts: dict[str, tuple[int, int]]
    """"early" -> (1, 4): the first and last month of the year the part covers."""
    quarters: dict[str, tuple[int, int]]
    """"second quarter", "h1" -> (first month, last month)."""
    counted_periods: dict[str, tuple[int, str]]
    """"fortnight" -> (2, "week")."""
    future_markers: tuple[str, ...]
    past_markers: frozenset[str]
    not_past: frozenset[str]
    """Words ending in -ed that are not past-tense verbs ("hundred")."""
    streak_before: tuple[str, ...]
    """Words between an ordinal and its period: "sixth consecutive year"."""
    streak_after: tuple[str, ...]
    """Words after a period: "the sixth year running"."""
    streak_units: dict[str, str]
    """"season" -> "year": the duration unit a streak of these periods is counted in."""
    period_adjectives: dict[str, str]
    """"monthly" -> "month"."""
    clock_zones: dict[str, str]
    """"gmt" -> "GMT", "local" -> "local time": the unit a clock time is read in."""
    clock_events: dict[str, str]
    """"tremor" -> "struck": the event a clock time in the clause times."""
    rank_scopes: tuple[str, ...]
    rank_tables: tuple[str, ...]


@cache
def time_words() -> TimeWords:
    """The packaged lists (read once per process)."""
    raw = sections()  # the lexicon's one parse

    def months(pair) -> tuple[int, int]:
        return int(pair[0]), int(pair[1])

    return TimeWords(
        period_parts={str(k).lower(): months(v) for k, v in raw["time_period_parts"].items()},
        quarters={str(p).lower(): months(str(k).split("-")) for k, v in raw["time_quarters"].items() for p in v},
        counted_periods={str(k).lower(): (int(v[0]), str(v[1])) for k, v in raw["time_counted_periods"].items()},
        future_markers=tuple(str(w).lower() for w in raw["time_future_markers"]),
        past_markers=frozenset(str(w).lower() for w in raw["time_past_markers"]),
        not_past=frozenset(str(w).lower() for w in raw["time_not_past"]),
        streak_before=tuple(str(w).lower() for w in raw["time_streak_words"]["before"]),
        streak_after=tuple(str(w).lower() for w in raw["time_streak_words"]["after"]),
        streak_units=_invert(raw["time_streak_units"]),
        period_adjectives=_invert(raw["time_period_adjectives"]),
        clock_zones={str(p).lower(): str(k) for k, v in raw["time_clock_zones"].items() for p in v},
        clock_events=_invert(raw["time_clock_events"]),
        rank_scopes=tuple(str(w).lower() for w in raw["rank_scopes"]),
        rank_tables=tuple(str(w).lower() for w in raw["rank_tables"]),
    )
