"""The frame word lists of `lexicon.yaml` (its `frame_*` sections), as lookup tables.

Kept apart from `crosscheck.text.lexicon` so the frame rules grow without touching the
extractor's other lists; the words stay in the project's one lexicon file.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import cast

from crosscheck.model.frame import Direction, Modality
from crosscheck.text.lexicon import sections


def _invert(groups: dict) -> dict[str, str]:
    return {str(phrase).lower(): str(key) for key, phrases in groups.items() for phrase in phrases}


@dataclass(frozen=True)
class FrameLexicon:
    """Typed views of the `frame_*` sections."""

    measures: dict[str, str]
    """phrase or lemma -> canonical measure ("death toll" -> deaths)."""
    neutral: frozenset[str]
    basis: dict[str, str]
    divisions: dict[str, str]
    modality: tuple[tuple[Modality, tuple[str, ...]], ...]
    """(modality, cue phrases) in order of precedence."""
    change: dict[str, Direction]
    """cue lemma -> direction."""
    change_prepositions: dict[str, str]
    generic_verbs: frozenset[str]
    not_subjects: frozenset[str]
    quarters: dict[str, str]
    relative_years: dict[str, int]
    full_year: tuple[str, ...]
    person_nouns: frozenset[str]
    neutral_owners: frozenset[str]
    running_tallies: frozenset[str]
    duration_measures: dict[str, str]
    possession_verbs: frozenset[str]
    other_instance: frozenset[str]
    date_events: dict[str, str]
    money_measures: dict[str, str]
    relative_months: dict[str, int]
    count_nouns: frozenset[str]
    change_intervals: tuple[tuple[str, str], ...]
    """(cue phrase, interval) pairs, longest phrase first: "year-over-year" -> year, "on a monthly basis" -> month."""
    distance_cues: frozenset[str]
    length_units: frozenset[str]
    reference_cues: tuple[str, ...]
    """Words right before a figure of another period than its sentence's main figure ("down from", "after")."""
    reference_same_cues: tuple[str, ...]
    """Words after a figure saying a named period had the same figure ("in line with", "unchanged from")."""
    reference_nouns: frozenset[str]
    """What a figure of a named period is called ("August's reading", "the 0.5% gain in August")."""
    reference_relative_periods: dict[str, tuple[str, int]]
    """A period named relative to the main figure's own -> (unit, steps back): "the previous month" -> (month, -1)."""
    reference_revision_words: tuple[str, ...]
    """Words that make another period's figure an earlier estimate of a revised one, not that period's own."""
    window_nouns: frozenset[str]
    """A price's extreme over a window ("high", "low"): its window ("three-year", "record") qualifies the price."""
    record_words: frozenset[str]
    not_cues: frozenset[str]
    """Compounds whose head is a modality cue word but that name a thing ("field goal"): no cue."""
    repeated_events: frozenset[str]
    """Plays that happen many times in one game ("field goal", "pass"): a figure describing one names one instance."""
    place_nouns: frozenset[str]
    """Nouns whose "of" names a place ("the town of Medellin")."""


@cache
def frame_lexicon() -> FrameLexicon:
    """The packaged frame lists (read once per process)."""
    raw = sections()  # the lexicon's one parse
    return FrameLexicon(
        measures=_invert(raw["frame_measures"]) | _invert(raw["frame_measures_more"]),
        neutral=frozenset(str(w).lower() for w in raw["frame_neutral_modifiers"]),
        basis=_invert(raw["frame_basis"]),
        divisions=_invert(raw["frame_divisions"]),
        modality=tuple((k, tuple(str(w).lower() for w in v)) for k, v in raw["frame_modality"].items()),
        change=cast("dict[str, Direction]", _invert(raw["frame_change"])),  # its keys are the directions
        change_prepositions={str(k): str(v) for k, v in raw["frame_change_prepositions"].items()},
        generic_verbs=frozenset(str(w).lower() for w in raw["frame_generic_verbs"]),
        not_subjects=frozenset(str(w).lower() for w in raw["frame_not_subjects"]),
        quarters=_invert(raw["frame_quarters"]),
        relative_years={str(p).lower(): int(k) for k, v in raw["frame_relative_years"].items() for p in v},
        full_year=tuple(str(w).lower() for w in raw["frame_full_year"]),
        person_nouns=frozenset(str(w).lower() for w in raw["frame_person_nouns"]),
        neutral_owners=frozenset(str(w).lower() for w in raw["frame_neutral_owners"]),
        running_tallies=frozenset(str(w).lower() for w in raw["frame_running_tallies"]),
        duration_measures=_invert(raw["frame_duration_measures"]),
        possession_verbs=frozenset(str(w).lower() for w in raw["frame_possession_verbs"]),
        other_instance=frozenset(str(w).lower() for w in raw["frame_other_instance"]),
        date_events=_invert(raw["frame_date_events"]),
        money_measures=_invert(raw["frame_money_measures"]),
        relative_months={str(p).lower(): int(k) for k, v in raw["frame_relative_months"].items() for p in v},
        count_nouns=frozenset(str(w).lower() for w in raw["frame_count_nouns"]),
        distance_cues=frozenset(str(w).lower() for w in raw["frame_distance_cues"]),
        length_units=frozenset(str(w) for w in raw["frame_length_units"]),
        change_intervals=tuple(sorted(((str(w).lower(), str(k)) for section in ("frame_change_intervals",
                                                                                 "frame_change_intervals_more")
                                       for k, v in raw[section].items() for w in v), key=lambda pair: -len(pair[0]))),
        reference_cues=tuple(str(w).lower() for w in raw["reference_cues"]),
        reference_same_cues=tuple(str(w).lower() for w in raw["reference_same_cues"]),
        reference_nouns=frozenset(str(w).lower() for w in raw["reference_nouns"]),
        reference_relative_periods={str(p).lower(): (str(unit), -1) for unit, phrases
                                    in raw["reference_relative_periods"].items() for p in phrases},
        reference_revision_words=tuple(str(w).lower() for w in raw["reference_revision_words"]),
        window_nouns=frozenset(str(w).lower() for w in raw["frame_window_nouns"]),
        record_words=frozenset(str(w).lower() for w in raw["frame_record_words"]),
        not_cues=frozenset(str(w).lower() for w in raw["frame_not_cues"]),
        repeated_events=frozenset(str(w).lower() for w in raw["frame_repeated_events"]),
        place_nouns=frozenset(str(w).lower() for w in raw["place_nouns"]),
    )
