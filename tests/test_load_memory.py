"""The compact load path: shared parts of claims, documents without kept texts, the parallel load.

These assert what users of the loaded objects rely on: equal values, untouched
pydantic behaviour (dumps, copies, fields set), the article text on demand, and a
parallel load that equals a serial one, whatever a worker does.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pydantic
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from crosscheck import load
from crosscheck.model.claims import Claim
from crosscheck.model.construct import construct
from crosscheck.speed import load_corpus
from crosscheck.speed.compact import compact_claims
from generate import generate


@pytest.fixture
def corpus(tmp_path, monkeypatch):
    generate(tmp_path / "news", articles=12, claims=6, seed=5)
    monkeypatch.chdir(tmp_path)
    return tmp_path / "news"


def _claim(**extra) -> Claim:
    data = {
        "id": "c1", "subject": "org-1", "property": "partner-count", "text": "over 30 companies",
        "quote": "It works with over 30 companies.", "value": {"kind": "quantity", "amount": 30, "approx": "over", "unit": "company"},
        "scope": {"as_of": 2024},
    }
    return Claim.model_validate({**data, **extra})


def _snapshot(result):
    return [(c.document, c.claim, c.start, c.end, c.line, c.column, c.drafted) for c in result.corpus.claims]


def test_compacted_claims_equal_and_dump_as_before():
    a, b = _claim(), _claim(id="c2", note="a note")
    before = [c.model_dump_json(exclude_unset=True) for c in (a, b)] + [c.model_dump_json() for c in (a, b)]
    fields = [set(c.model_fields_set) for c in (a, b)]
    compact_claims([a, b])
    assert [c.model_dump_json(exclude_unset=True) for c in (a, b)] + [c.model_dump_json() for c in (a, b)] == before
    assert [c.model_fields_set for c in (a, b)] == fields
    assert a == _claim() and hash(a) == hash(_claim())
    # the shared parts are one object each
    assert a.scope is b.scope and a.subject is b.subject
    assert a.value.__pydantic_fields_set__ is b.value.__pydantic_fields_set__


def test_compacted_claims_copy_without_touching_each_other():
    a, b = _claim(), _claim(id="c2")
    compact_claims([a, b])
    changed = a.model_copy(update={"note": "edited"})
    assert changed.note == "edited" and "note" in changed.model_fields_set
    assert "note" not in a.model_fields_set and "note" not in b.model_fields_set
    with pytest.raises(pydantic.ValidationError):
        a.subject = "other"  # still frozen


def test_scopes_with_different_fields_set_stay_apart():
    plain, explicit = _claim(), _claim(scope={"as_of": 2024, "start": None})
    compact_claims([plain, explicit])
    assert plain.scope is not explicit.scope
    assert explicit.scope.model_fields_set == {"as_of", "start"}


def test_constructed_models_are_the_validated_ones_and_stay_apart():
    from crosscheck.model.report import ClaimRef
    from crosscheck.model.values import Interval

    fields = {
        "document": "a.txt", "claims_file": "a.claims.yaml", "claims_line": 7, "claim": "c1", "quote": "over 200 firms",
        "line": 2, "column": 5, "value": "over 200", "interval": Interval(low=200, low_closed=False, unit="company"),
        "normalized": "(200, ∞) company", "drafted": False, "confidence": None, "outlet": None, "published": None,
    }
    built, validated = construct(ClaimRef, dict(fields)), ClaimRef(**fields)
    assert built == validated == ClaimRef.model_construct(**fields)
    assert built.model_dump_json() == validated.model_dump_json()
    assert built.model_fields_set == validated.model_fields_set
    other = construct(ClaimRef, dict(fields))
    copy = built.model_copy(update={"line": 3})
    assert (built.line, other.line, copy.line) == (2, 2, 3)
    assert other.model_fields_set == built.model_fields_set  # the shared fields set was not changed by the copy
    with pytest.raises(TypeError, match="takes"):
        construct(ClaimRef, {"document": "a.txt"})  # a missing field would be missing, not defaulted


def test_loaded_documents_read_their_article_text_on_demand(corpus):
    result = load_corpus([corpus])
    assert result.ok and result.corpus.documents
    for document in result.corpus.documents:
        assert document.text == document.article_path.read_text(encoding="utf-8")
        for located in document.claims:  # offsets point into that text
            assert " ".join(document.text[located.start : located.end].split()) == " ".join(located.claim.quote.split())


@pytest.fixture
def larger(tmp_path, monkeypatch):
    """Enough files that forked workers take chunks of their own before this process has loaded them all."""
    generate(tmp_path / "wide", articles=160, claims=6, seed=9)
    monkeypatch.chdir(tmp_path)
    return tmp_path / "wide"


@pytest.mark.parametrize("jobs", [2, 3])
def test_parallel_load_equals_serial(larger, jobs):
    bad = sorted(larger.rglob("*.claims.yaml"))[3]
    bad.write_text(bad.read_text(encoding="utf-8").replace("subject: org-", "subject: Org-", 1), encoding="utf-8")
    serial = load.load_corpus([larger])
    parallel = load_corpus([larger], jobs=jobs)
    assert _snapshot(parallel) == _snapshot(serial)
    assert [d.format() for d in parallel.diagnostics] == [d.format() for d in serial.diagnostics]
    assert [d.id for d in parallel.corpus.documents] == [d.id for d in serial.corpus.documents]


def test_jobs_follow_crosscheck_jobs_when_not_given(larger, monkeypatch):
    serial = load.load_corpus([larger])
    monkeypatch.setenv("CROSSCHECK_JOBS", "2")
    assert _snapshot(load_corpus([larger])) == _snapshot(serial)


def test_discover_dedupes_by_resolved_path_and_finds_bare_articles(tmp_path, monkeypatch):
    from crosscheck.load.read import discover

    generate(tmp_path / "news", articles=3, claims=2, seed=2)
    monkeypatch.chdir(tmp_path)
    claims = sorted((tmp_path / "news").rglob("*.claims.yaml"))
    (tmp_path / "news" / "bare.txt").write_text("An article nobody annotated.\n", encoding="utf-8")
    (tmp_path / "news" / ".txt").write_text("not an article: no stem\n", encoding="utf-8")
    (tmp_path / "news" / ".crosscheck").mkdir()
    (tmp_path / "news" / ".crosscheck" / "skipped.txt").write_text("tool folder\n", encoding="utf-8")
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "link.claims.yaml").symlink_to(claims[0])
    found = discover(["news", claims[1], "elsewhere"])
    assert [p.name for p in found.claims_files] == [c.name for c in claims]  # the symlink and the repeat are the same files
    assert [p.name for p in found.articles_without_claims] == ["bare.txt"]


def test_discover_walks_like_os_walk(tmp_path, monkeypatch):
    """Sorted depth-first order, linked folders listed but not entered, a broken link still named (reading it reports it)."""
    from crosscheck.load.read import discover

    generate(tmp_path / "news" / "b", articles=2, claims=1, seed=2)
    generate(tmp_path / "news" / "a", articles=2, claims=1, seed=3)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "news" / "linked").symlink_to(tmp_path / "news" / "a", target_is_directory=True)
    (tmp_path / "news" / "gone.claims.yaml").symlink_to(tmp_path / "nowhere.claims.yaml")
    (tmp_path / "news" / "gone-inside.claims.yaml").symlink_to(tmp_path / "news" / "nowhere.claims.yaml")
    found = discover(["news"])
    assert [p.as_posix() for p in found.outside] == ["news/gone.claims.yaml"]  # points outside the corpus: never read
    assert [p.as_posix() for p in found.claims_files] == [
        "news/gone-inside.claims.yaml",
        *sorted(p.relative_to(tmp_path).as_posix() for p in (tmp_path / "news" / "a").rglob("*.claims.yaml")),
        *sorted(p.relative_to(tmp_path).as_posix() for p in (tmp_path / "news" / "b").rglob("*.claims.yaml")),
    ]
    result = load_corpus(["news"])
    assert any(d.path == "news/nowhere.claims.yaml" and d.code == "file-missing" for d in result.diagnostics)  # named by its target
    assert any(d.path == "news/gone.claims.yaml" and d.code == "outside-corpus" for d in result.diagnostics)


def test_a_registry_may_outgrow_the_limit_on_one_article_s_files(tmp_path, monkeypatch):
    """The registry names every entity of the archive, so it gets a larger limit than a claims file or an article."""
    from crosscheck.load import files as loading

    generate(tmp_path / "news", articles=2, claims=3, seed=4)
    monkeypatch.chdir(tmp_path)
    registry = (tmp_path / "news" / "registry.yaml").stat().st_size
    largest = max(p.stat().st_size for p in (tmp_path / "news").rglob("*") if p.is_file() and p.name != "registry.yaml")
    assert registry > largest
    monkeypatch.setattr(loading, "MAX_FILE_BYTES", registry - 1)  # every file but the registry fits
    assert load_corpus(["news"]).ok
    monkeypatch.setattr(loading, "MAX_FILE_BYTES", largest - 1)
    problems = load_corpus(["news"]).diagnostics
    assert problems and {d.code for d in problems} == {"file-too-large"}
    assert all(d.path != "news/registry.yaml" for d in problems)
    monkeypatch.setattr(loading, "MAX_REGISTRY_BYTES", registry - 1)
    assert any(d.path == "news/registry.yaml" and d.code == "file-too-large" for d in load_corpus(["news"]).diagnostics)
