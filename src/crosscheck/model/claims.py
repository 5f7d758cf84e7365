"""Claims files: one article's metadata and the facts it states, each anchored to its words.

One pydantic declaration gives validation with a JSON path, the typed objects
the engine works on, and the published JSON Schema `schemas/claims.schema.json`.
Field docstrings become schema descriptions (hover help in an editor's YAML
language server), so every field carries one.
"""

from __future__ import annotations

from typing import Annotated, Literal, Self

from pydantic import AfterValidator, ConfigDict, Field, field_validator, model_validator

from crosscheck.model.base import ID_PATTERN, Frozen, PartialDate
from crosscheck.model.frame import Frame
from crosscheck.model.values import Value

SCHEMA_VERSION = 1

CLAIM_ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.-]*$"


class Scope(Frozen):
    """When a figure holds: as of a date ("in 2024"), or over a period ("2021-2025")."""

    as_of: PartialDate | None = None
    """The date the figure refers to ("In 2024, ... reached 6.58%" -> 2024)."""
    start: PartialDate | None = None
    """Start of the period the figure covers."""
    end: PartialDate | None = None
    """End of the period the figure covers."""

    @model_validator(mode="after")
    def _one_form(self) -> Self:
        if self.as_of is not None and (self.start is not None or self.end is not None):
            raise ValueError("a scope is either `as_of` or a period (`start`/`end`), not both")
        if self.as_of is None and self.start is None and self.end is None:
            raise ValueError("an empty scope: give `as_of`, or `start` and/or `end`, or omit `scope`")
        return self

    @property
    def key(self) -> str:
        """A compact string for grouping and display: "2024" or "2021..2025"."""
        if self.as_of is not None:
            return self.as_of
        return f"{self.start or ''}..{self.end or ''}"


class Waiver(Frozen):
    """An accepted discrepancy: silences one rule for this claim, with the reason recorded."""

    rule: str = Field(min_length=1)
    """Id of the rule to waive for this claim (e.g. "CC101")."""
    reason: str = Field(min_length=3)
    """Why the discrepancy is accepted; required so the decision is reviewable."""

    @field_validator("reason")
    @classmethod
    def _reason_says_something(cls, reason: str) -> str:
        if not reason.strip():
            raise ValueError("a waiver needs a reason (expected why the discrepancy is accepted, found only spaces)")
        return reason


LOW_CONFIDENCE = 0.6
"""Drafted claims below this confidence are marked for review; a conflict involving one is at most a warning."""


class Draft(Frozen):
    """Present on claims drafted by `crosscheck extract`, until a person confirms them."""

    confidence: float = Field(ge=0, le=1)
    """Confidence in the proposed subject and property (0..1)."""
    review: bool = False
    """True when the proposal is uncertain and a person must check it."""
    method: str = "rules"
    """How the claim was drafted (e.g. "rules", "rules+registry")."""
    span: tuple[int, int] | None = None
    """Character span [start, end) of `quote` in the article text."""


class Claim(Frozen):
    """One checkable fact an article states, anchored to the words that state it."""

    id: str = Field(pattern=CLAIM_ID_PATTERN)
    """Stable id, unique within the claims file (e.g. "rd-beijing-2024")."""
    subject: str = Field(pattern=ID_PATTERN)
    """Registry id of the entity the fact is about."""
    property: str = Field(pattern=ID_PATTERN)
    """Registry id of the property stated; its declared kind must match `value.kind`."""
    value: Value
    """The value, typed by `kind`."""
    text: str = Field(min_length=1)
    """The value exactly as written ("nearly 600", "200+", "one-ninth"); must occur in `quote`."""
    quote: str = Field(min_length=1)
    """Verbatim article text that states the fact; must occur in the article."""
    scope: Scope | None = None
    """When the fact holds, if the text says."""
    note: str | None = None
    """Free-form annotator note."""
    waive: Waiver | None = None
    """Accept a known discrepancy for this claim."""
    draft: Draft | None = None
    """Set on drafted claims; remove once a person has checked the claim."""
    frame: Frame | None = None
    """What the figure measures, of whom, when and how sure the article is (drafted; may be corrected or written)."""


def _no_nul(path: str) -> str:
    """A file name cannot hold a NUL byte: say so here, where the claims file can be located."""
    if "\x00" in path:
        raise ValueError(f"expected a file name, found one with a NUL byte: {path!r}")
    return path


class DocumentMeta(Frozen):
    """Metadata of the article a claims file annotates."""

    article: Annotated[str, AfterValidator(_no_nul)] = Field(min_length=1)
    """Path of the article text, relative to the claims file; must stay inside the corpus folder."""
    title: str | None = None
    """Headline as printed; omit when the article prints none."""
    publisher: str | None = None
    """Outlet or source ("Xinhua", "CGTN")."""
    published: PartialDate | None = None
    """Publication date or dateline, at the granularity known; relative dates resolve against it."""
    dateline: str | None = None
    """The dateline exactly as written ("Beijing, January 16 (Xinhua)")."""
    url: str | None = None
    """Where the article was published."""
    language: str = "en"
    """Language of the article text (BCP 47)."""
    note: str | None = None
    """Free-form annotator note (e.g. how the dateline was read)."""


class ClaimsFile(Frozen):
    """A claims file: one article's metadata and the facts it states."""

    model_config = ConfigDict(**Frozen.model_config, populate_by_name=True)

    schema_: str | None = Field(default=None, alias="$schema")
    """Optional JSON Schema reference for editors."""
    version: Literal[1] = 1
    """Claims file format version."""
    document: DocumentMeta
    """The article this file annotates."""
    claims: list[Claim] = Field(min_length=1)
    """The facts the article states."""
