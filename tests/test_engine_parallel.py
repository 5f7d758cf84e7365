"""The engine across processes: the same report as one process, whatever a child does.

Also what a corpus comparator's `selects` promises: it receives just the claims it accepts.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from generate import generate  # noqa: E402

from crosscheck import engine  # noqa: E402
from crosscheck.comparators import Comparator, registry  # noqa: E402
from crosscheck.model.corpus import Corpus, Document, LocatedClaim  # noqa: E402
from crosscheck.model.claims import Claim, DocumentMeta  # noqa: E402
from crosscheck.model.registry import Registry  # noqa: E402
from crosscheck.model.report import pack_findings, unpack_findings  # noqa: E402
from crosscheck.rules import load_rules  # noqa: E402
from crosscheck.load.corpus import load_corpus  # noqa: E402

RULES = load_rules()
SEEDS = Path(__file__).resolve().parents[1] / "seeds"


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory):
    """A corpus where keys meet across articles and a tenth of them disagree: many findings."""
    folder = tmp_path_factory.mktemp("synthetic") / "news"
    generate(folder, articles=60, claims=12, shared=0.6, conflicts=0.3, seed=7)
    result = load_corpus([folder])
    assert result.ok
    return result.corpus


@pytest.fixture(scope="module")
def across_keys():
    """Findings only corpus rules make: exchange rates that disagree, a length that does not fit its start."""
    registry_data = {"properties": {
        "start": {"kind": "date", "description": "start"},
        "length": {"kind": "duration", "description": "length", "counts_from": "start"},
    }}

    def money(cny: int, usd: int) -> dict:
        converted = {"amount": usd, "scale": "billion", "currency": "USD", "text": f"{usd} billion USD"}
        return {"kind": "quantity", "amount": cny, "scale": "billion", "currency": "CNY", "converted": converted}

    documents = []
    for d in range(40):
        claims = [
            {"id": "gdp", "subject": f"city-{d}", "property": "gdp", "text": "x", "quote": "x", "value": money(60 + d, 10)},
            {"id": "since", "subject": f"city-{d % 7}", "property": "start", "text": "x", "quote": "x",
             "value": {"kind": "date", "relation": "since", "date": 2010 + d % 5}},
            {"id": "years", "subject": f"city-{d % 7}", "property": "length", "text": "x", "quote": "x",
             "value": {"kind": "duration", "amount": 3 + d % 4, "unit": "year"}, "scope": {"as_of": 2025}},
        ]
        located = tuple(LocatedClaim(Claim.model_validate(c), f"d{d}.txt", 0, 1, i + 1, 1) for i, c in enumerate(claims))
        meta = DocumentMeta(article=f"d{d}.txt", title="t")
        documents.append(Document(id=f"d{d}.txt", article_path=None, claims_path=None, meta=meta, text="x", claims=located))  # type: ignore[arg-type]
    return Corpus(documents=documents, registry=Registry.model_validate(registry_data))


@pytest.fixture(scope="module")
def seeds():
    result = load_corpus([SEEDS])
    assert result.ok
    return result.corpus


@pytest.mark.parametrize("jobs", [2, 3])
@pytest.mark.parametrize("which", ["synthetic", "across_keys", "seeds"])
def test_a_parallel_check_reports_exactly_what_one_process_does(request, which, jobs):
    corpus = request.getfixturevalue(which)
    serial = engine.check(corpus, RULES)
    parallel = engine.check(corpus, RULES, jobs=jobs)
    assert serial.findings, "the corpus must have findings for this to mean anything"
    if which == "across_keys":
        assert {"CC601", "CC202"} <= {f.rule for f in serial.findings}
    assert parallel.model_dump_json() == serial.model_dump_json()


def test_the_part_of_a_child_that_dies_is_done_here(synthetic, monkeypatch):
    serial = engine.check(synthetic, RULES)
    parent = os.getpid()
    original = engine._check_part

    def dies_in_a_child(*args):
        if os.getpid() != parent:
            os._exit(3)
        return original(*args)

    monkeypatch.setattr(engine, "_check_part", dies_in_a_child)
    assert engine.check(synthetic, RULES, jobs=2).model_dump_json() == serial.model_dump_json()


def test_a_bug_in_a_child_surfaces_here(synthetic, monkeypatch):
    def broken(*args):
        raise ValueError("boom")

    monkeypatch.setattr(engine, "_check_part", broken)
    with pytest.raises(ValueError, match="boom"):
        engine.check(synthetic, RULES, jobs=2)


def test_packed_findings_come_back_equal_and_share_their_claims(synthetic):
    findings = engine.check(synthetic, RULES).findings
    back = unpack_findings(pack_findings(findings))
    assert [f.model_dump() for f in back] == [f.model_dump() for f in findings]
    refs = {id(ref) for f in findings for ref in f.claims}
    assert len({id(ref) for f in back for ref in f.claims}) == len(refs)  # each claim rebuilt once, as it was shared


def test_a_corpus_comparator_gets_only_the_claims_it_selects(seeds):
    seen: dict[str, list[str]] = {}
    base = registry().comparators["conversion_rates_agree"]

    def recording(name):
        def check(items, params):
            seen[name] = [item.claim.id for item in items]
            return base.corpus(items, params)
        return check

    comparators = dict(registry().comparators)
    comparators["conversion_rates_agree"] = Comparator(
        name="conversion_rates_agree", summary="", kinds=base.kinds, params=base.params, corpus=recording("selecting"), selects=base.selects,
    )
    rule = next(r for r in RULES if r.comparator == "conversion_rates_agree")
    engine.check(seeds, [rule], comparators)
    comparators["conversion_rates_agree"] = Comparator(
        name="conversion_rates_agree", summary="", kinds=base.kinds, params=base.params, corpus=recording("all"),
    )
    engine.check(seeds, [rule], comparators)
    quantities = [c for c in seeds.claims if c.claim.value.kind == "quantity"]
    converted = [c.claim.id for c in quantities if c.claim.value.converted is not None]
    assert converted and seen["selecting"] == converted
    assert seen["all"] == [c.claim.id for c in quantities]  # without `selects`: every claim of its kinds
