"""The checked-in JSON Schemas match the models, document every field, and accept the seeds."""

from __future__ import annotations

import json

import jsonschema
import pytest
import yaml

from conftest import DATA, ROOT
from crosscheck import schemas


@pytest.mark.parametrize("name", sorted(schemas.SCHEMAS))
def test_checked_in_schema_matches_model(name):
    path = ROOT / "schemas" / f"{name}.schema.json"
    assert path.read_text(encoding="utf-8") == schemas.render(name), (
        f"{path.name} drifted from the model; regenerate with `python -m crosscheck.schemas`"
    )


def _undocumented(node, where="$"):
    if isinstance(node, dict):
        props = node.get("properties")
        if isinstance(props, dict) and node.get("type") == "object" or (isinstance(props, dict) and "additionalProperties" in node):
            for key, sub in props.items():
                if isinstance(sub, dict) and "description" not in sub:
                    yield f"{where}.{key}"
        for key, sub in node.items():
            yield from _undocumented(sub, f"{where}/{key}")
    elif isinstance(node, list):
        for i, sub in enumerate(node):
            yield from _undocumented(sub, f"{where}[{i}]")


@pytest.mark.parametrize("name", sorted(schemas.SCHEMAS))
def test_every_field_has_a_description_and_the_schema_has_id_and_title(name):
    schema = schemas.schema_for(name)
    assert schema["$id"] and schema["title"]
    jsonschema.Draft202012Validator.check_schema(schema)
    assert list(_undocumented(schema)) == []


def test_published_claims_schema_accepts_valid_and_rejects_invalid():
    validator = jsonschema.Draft202012Validator(schemas.schema_for("claims"))
    valid = yaml.safe_load((DATA / "invalid" / "valid.claims.yaml").read_text())
    assert list(validator.iter_errors(json.loads(json.dumps(valid)))) == []
    bad = yaml.safe_load((DATA / "invalid" / "bad-approximator.claims.yaml").read_text())
    assert list(validator.iter_errors(bad))


def test_regenerating_writes_every_schema_and_help_writes_none(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit):
        schemas.main(["--help"])
    assert list(tmp_path.iterdir()) == []
    schemas.main([str(tmp_path / "out")])
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(f"{name}.schema.json" for name in schemas.SCHEMAS)
