"""What a figure is about: the claim frame (measure, subject, qualifiers, period, modality, level or change).

Two claims state the same fact when their frames agree; their values play no part in
deciding that.  Drafting fills a frame for every figure it finds and derives the
claim's key from it; an editor can read and correct it in the claims file, and a
hand-written claim may state one too.  The frame's modality and level/change split
the comparison (a forecast is never compared with a reported figure as one fact, nor
a change with a level), see `Frame.partition`.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

Modality = Literal["reported", "forecast", "estimate", "target", "previous", "partial"]
"""How the article holds the figure: stated as fact; forecast/projection/guidance/expected;
estimate or fear; target or plan; a previous or revised-from figure; a partial or so-far count."""
Direction = Literal["up", "down", "unchanged"]

UNSURE_MATCH = 0.35
"""Drafted claims matched below this confidence may state one fact at different times: a conflict is at most info."""


def _field_docstrings(schema: dict[str, Any], cls: type) -> None:
    """Field docstrings become schema descriptions (read only when a schema is generated, as in `claims`)."""
    from crosscheck.model.fielddocs import describe_fields

    describe_fields(schema, cls)


class Frame(BaseModel):
    """What one figure measures, of whom, when, and how sure the article is of it."""

    model_config = ConfigDict(frozen=True, extra="forbid", json_schema_extra=_field_docstrings)

    measure: str = Field(min_length=1, pattern=r"^[a-z0-9][a-z0-9.-]*$")
    """The counted or measured thing and what happened to it ("people-killed", "revenue", "seats-won")."""
    subject: str | None = Field(default=None, pattern=r"^[a-z0-9][a-z0-9.-]*$")
    """The entity the measure belongs to, as an id ("tesla", "myanmar"); none when the article does not say."""
    qualifiers: dict[str, str] = {}
    """Words that split one measure into different facts: {"place": "bangkok"}, {"basis": "adjusted"}, {"segment": "automotive"}."""
    period: str | None = None
    """The time the figure is of, as resolved ("2024", "2024-Q4", "2025-03-28"); none when the article does not say."""
    modality: Modality = "reported"
    """How the article holds the figure: reported, forecast, estimate, target, previous (or revised-from) or partial."""
    level: Literal["level", "change"] = "level"
    """A level ("revenue of $25.7 billion") or a change ("revenue rose 2%"); a change with a direction reads as a value's `change`."""
    direction: Direction | None = None
    """For a change, or a level reached by one ("fell to 4.1%"): which way it went."""
    change_from: str | None = None
    """The earlier value a change starts from, as written ("4.2%" in "fell to 4.1% from 4.2%")."""

    @property
    def partition(self) -> str | None:
        """What splits comparison beyond the key and the time scope: modality other than reported, and change."""
        parts = [p for p in (None if self.modality == "reported" else self.modality,
                             "change" if self.level == "change" else None) if p]
        return " ".join(parts) or None
