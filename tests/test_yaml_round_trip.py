"""Everything crosscheck writes reads back the same under YAML 1.1 (PyYAML) and YAML 1.2 (ruamel.yaml, ryaml).

A claims file is read by crosscheck (libyaml, ryaml), by editors and by people's own scripts;
a plain `on` or `1:20` that one reader takes for a boolean or a number silently changes a claim.
"""

from __future__ import annotations

import io

import pytest
import yaml
from ruamel.yaml import YAML

from conftest import ROOT
from crosscheck.extract.writing import merge_into, render
from crosscheck.model.claims import Claim, ClaimsFile
from crosscheck.model.values import VALUE_KINDS
from crosscheck.text.search import normalize_typography

TRICKY = ["on", "off", "yes", "No", "y", "~", "null", "true", "012", "0o12", "0x1f", "1_000", "1:20", "1e3", "2024-03-10",
          "2024-03-10 12:00:00", ".inf", "+1", "-0", "<<", "=", "600+", "2035", "'quoted'", '"double"', "#hash", "a: b", "- c"]


def _example_claims() -> list[Claim]:
    """A claim for every example value in the rule catalogue: every value kind, with its many shapes."""
    claims = []
    for path in sorted((ROOT / "rules").glob("*.yaml")):
        for e_index, example in enumerate(yaml.safe_load(path.read_text(encoding="utf-8")).get("examples", [])):
            for c_index, given in enumerate(example["claims"]):
                claims.append(Claim.model_validate({
                    "id": f"{path.stem.lower()}-{e_index}-{c_index}", "subject": "someone", "property": "something",
                    "text": given["text"], "quote": f"it said {given['text']} then", "value": given["value"],
                }))
    return claims


def _tricky_claims() -> list[Claim]:
    """Strings every reader must agree on, in text, quote, note and in value fields that are strings."""
    claims = []
    for index, word in enumerate(TRICKY):
        claims.append(Claim.model_validate({
            "id": f"tricky-{index}", "subject": "someone", "property": "something", "text": word, "quote": word, "note": word,
            "value": {"kind": "name", "name": word},
        }))
    claims.append(Claim.model_validate({"id": "relation-on", "subject": "s", "property": "p", "text": "on 2035", "quote": "on 2035",
                                        "value": {"kind": "date", "relation": "on", "date": "2035"}}))
    return claims


def _readers() -> dict[str, object]:
    import ryaml

    def ruamel_12(text: str) -> object:
        return YAML(typ="safe", pure=True).load(io.StringIO(text))

    return {"pyyaml-1.1": yaml.safe_load, "ruamel-1.2": ruamel_12, "ryaml-1.2": ryaml.loads}


CLAIMS = _example_claims() + _tricky_claims()


def test_the_claims_cover_every_value_kind():
    assert {c.value.kind for c in CLAIMS} == set(VALUE_KINDS)


@pytest.mark.parametrize("reader", _readers())
def test_a_rendered_claims_file_reads_back_identically(reader):
    original = ClaimsFile.model_validate({"document": {"article": "on.txt", "title": "1:20", "dateline": "no"},
                                          "claims": [c.model_dump(by_alias=True) for c in CLAIMS]})
    text = render(original)
    assert ClaimsFile.model_validate(_readers()[reader](text)) == original


@pytest.mark.parametrize("reader", _readers())
def test_a_merged_claims_file_reads_back_identically(reader):
    first, *rest = CLAIMS
    def same_fact(claim: Claim) -> tuple[str, str]:  # what merging counts as a claim already present
        return claim.value.kind, normalize_typography(claim.text)

    seen = {same_fact(first)}
    rest = [c for c in rest if same_fact(c) not in seen and not seen.add(same_fact(c))]
    existing = render(ClaimsFile.model_validate({"document": {"article": "a.txt"}, "claims": [first.model_dump(by_alias=True)]}))
    merged, added = merge_into(existing, ClaimsFile.model_validate({"document": {"article": "a.txt"},
                                                                    "claims": [c.model_dump(by_alias=True) for c in rest]}))
    assert added == len(rest)
    assert ClaimsFile.model_validate(_readers()[reader](merged)).claims == [first, *rest]
