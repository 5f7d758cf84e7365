"""The published JSON Schemas, generated from the pydantic models.

`python -m crosscheck.schemas [DIR]` writes them (default: ./schemas); a test
fails when the checked-in files drift from the models.  Every property carries
a description, so an editor's YAML language server shows hover help.
"""

from __future__ import annotations

import importlib
import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

DIALECT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_BASE_URL = "https://raw.githubusercontent.com/crosscheck/crosscheck/main/schemas/"
"""Where the published schemas are served: each schema's https `$id` is this plus `<name>.schema.json`."""

SCHEMAS: dict[str, tuple[str, str]] = {
    "claims": ("crosscheck.model.claims:ClaimsFile", "crosscheck claims file"),
    "registry": ("crosscheck.model.registry:Registry", "crosscheck registry"),
    "report": ("crosscheck.model.report:Report", "crosscheck report"),
    "rules": ("crosscheck.rules:Rule", "crosscheck rule"),
}
"""Schema name -> (model import path, title).  Written to `schemas/<name>.schema.json`."""


def _model(path: str) -> type[BaseModel]:
    module, _, name = path.partition(":")
    model = getattr(importlib.import_module(module), name)
    assert isinstance(model, type) and issubclass(model, BaseModel)
    return model


def schema_url(name: str) -> str:
    """The https `$id` of a published schema, also what `extract` writes into the `yaml-language-server` modeline."""
    return f"{SCHEMA_BASE_URL}{name}.schema.json"


def schema_for(name: str) -> dict[str, Any]:
    """The JSON Schema document for one published schema."""
    target, title = SCHEMAS[name]
    body = _model(target).model_json_schema(by_alias=True, mode="validation")
    return {"$schema": DIALECT, "$id": schema_url(name), "title": title, **{k: v for k, v in body.items() if k != "title"}}


def render(name: str) -> str:
    """The schema as the checked-in file holds it (stable key order, trailing newline)."""
    return json.dumps(schema_for(name), indent=2, ensure_ascii=False) + "\n"


def write_all(folder: Path) -> list[Path]:
    """Regenerate every schema file in `folder`."""
    from crosscheck.io import write_atomic

    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name in SCHEMAS:
        path = folder / f"{name}.schema.json"
        write_atomic(path, render(name))
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> None:
    """`python -m crosscheck.schemas [DIR]`: regenerate the schema files in DIR (default ./schemas)."""
    import argparse

    parser = argparse.ArgumentParser(prog="python -m crosscheck.schemas",
                                     description="Regenerate the published JSON Schemas from the models.")
    parser.add_argument("folder", nargs="?", default="schemas", help="where to write them (default: ./schemas)")
    for written_path in write_all(Path(parser.parse_args(argv).folder)):
        print(written_path)


if __name__ == "__main__":  # pragma: no cover - a maintenance entry point
    main()
