"""The registry: shared ids for entities and properties, so the same fact gets the same key.

Published as `schemas/registry.schema.json`.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import ConfigDict, Field

from crosscheck.model.base import ID_PATTERN, Frozen
from crosscheck.model.values import ValueKind

EntityType = Literal["organisation", "place", "region", "person", "report", "programme", "event", "company", "other"]


class Entity(Frozen):
    """Something claims are about: an organisation, place, person, report or programme."""

    name: str = Field(min_length=1)
    """Canonical name."""
    type: EntityType
    """What kind of entity it is."""
    aliases: list[str] = []
    """Other accepted names (abbreviations, translations); a name not listed here is a finding."""
    role: str | None = None
    """For a person: role and affiliation ("Minister of Science and Technology")."""
    description: str | None = None
    """A line of context for annotators."""


class Property(Frozen):
    """A property a claim can state about an entity, with the kind of value it takes."""

    kind: ValueKind
    """Value kind every claim of this property must have."""
    description: str = Field(min_length=1)
    """What the property means, so annotators pick the same one."""
    unit: str | None = None
    """Expected unit or currency ("company", "CNY", "% of GDP")."""
    counts_from: str | None = Field(default=None, pattern=ID_PATTERN)
    """For a duration property: id of the date property stating when it started ("a nine-year run" against "since 2016")."""


class Registry(Frozen):
    """Shared ids, so the same fact in two articles gets the same key (subject + property)."""

    model_config = ConfigDict(**Frozen.model_config, populate_by_name=True)

    schema_: str | None = Field(default=None, alias="$schema")
    """Optional JSON Schema reference for editors."""
    version: Literal[1] = 1
    """Registry format version."""
    entities: dict[Annotated[str, Field(pattern=ID_PATTERN)], Entity] = {}
    """Entities by id."""
    properties: dict[Annotated[str, Field(pattern=ID_PATTERN)], Property] = {}
    """Properties by id."""
