"""The seed corpus: articles unchanged from shared/, claims files valid and anchored in their articles."""

from __future__ import annotations

import jsonschema
import pytest
import yaml

from conftest import ROOT
from crosscheck import schemas
from crosscheck.load.corpus import load_corpus
from crosscheck.model.values import VALUE_KINDS

SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared" / "seeds"
ARTICLES = sorted(SEEDS.glob("*.txt"))


@pytest.mark.skipif(not SHARED.is_dir(), reason="shared/ is not beside the checkout")
def test_seed_articles_are_byte_for_byte_copies():
    shared = sorted(SHARED.glob("*.txt"))
    assert [p.name for p in ARTICLES] == [p.name for p in shared]
    for ours, theirs in zip(ARTICLES, shared):
        assert ours.read_bytes() == theirs.read_bytes(), ours.name


def test_every_seed_article_has_a_claims_file():
    for article in ARTICLES:
        assert (SEEDS / f"{article.stem}.claims.yaml").is_file(), article.name


def test_seed_corpus_validates_cleanly():
    result = load_corpus([SEEDS])
    assert [d.format() for d in result.diagnostics] == []
    assert len(result.corpus.documents) == len(ARTICLES)
    kinds = {c.claim.value.kind for c in result.corpus.claims}
    assert set(VALUE_KINDS) <= kinds


@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.claims.yaml")) + [SEEDS / "registry.yaml"], ids=lambda p: p.name)
def test_seed_files_match_the_published_schemas(path):
    name = "registry" if path.name == "registry.yaml" else "claims"
    # YAML reads 2025-01-16 as a date; a YAML language server sees the same text as a string
    data = _jsonable(yaml.safe_load(path.read_text(encoding="utf-8")))
    errors = [e.message for e in jsonschema.Draft202012Validator(schemas.schema_for(name)).iter_errors(data)]
    assert errors == []


def _jsonable(value):
    import datetime as dt

    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value
