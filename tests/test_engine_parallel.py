"""The engine across processes (`speed.check`): the same report as one process, whatever a child does.

Also what a corpus comparator's `selects` promises: it receives just the claims it accepts,
and what the engine's key selection promises: parts of the keys add up to the whole check.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from crosscheck import engine, speed
from crosscheck.comparators import Comparator, registry
from crosscheck.load import load_corpus
from crosscheck.model.claims import Claim, DocumentMeta
from crosscheck.model.corpus import Corpus, Document, LocatedClaim
from crosscheck.model.registry import Registry
from crosscheck.rules import load_rules
from crosscheck.speed import runner
from crosscheck.speed.parallel_check import KeyShare
from crosscheck.speed.wire import pack_findings, unpack_findings
from generate import generate

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
        documents.append(Document.of(f"d{d}.txt", meta, located, article_path=Path(f"d{d}.txt"), text="x"))
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
    parallel = speed.check(corpus, RULES, jobs=jobs)
    assert serial.findings, "the corpus must have findings for this to mean anything"
    if which == "across_keys":
        assert {"CC601", "CC202"} <= {f.rule for f in serial.findings}
    assert parallel.model_dump_json() == serial.model_dump_json()
    assert speed.check(corpus, RULES).model_dump_json() == serial.model_dump_json()  # the automatic choice


def test_shares_of_the_keys_add_up_to_the_whole_check(synthetic):
    whole = engine.check(synthetic, RULES)
    parts = [engine.find(synthetic, RULES, keys=KeyShare(part, 3), corpus_rules=part == 0) for part in range(3)]
    assert engine.assemble(synthetic, parts).model_dump_json() == whole.model_dump_json()
    some = {(f.subject, f.property) for f in whole.findings[:3]}
    only = engine.check(synthetic, RULES, keys=some)
    assert only.findings and {(f.subject, f.property) for f in only.findings} <= some


def _square(index: int) -> int:
    return index * index


def test_the_runner_gives_every_part_once_in_part_order():
    assert runner.run_parts(_square, 5, str, int) == [0, 1, 4, 9, 16]
    assert sorted(runner.run_each(_square, 40, 3, str, int)) == [(i, i * i) for i in range(40)]


def test_the_part_of_a_child_that_dies_is_done_here():
    parent = os.getpid()

    def dies_in_a_child(index: int) -> int:
        if os.getpid() != parent:
            os._exit(3)
        time.sleep(0.01)  # slow here, so the children surely take parts
        return index * index

    assert sorted(runner.run_each(dies_in_a_child, 12, 3, str, int)) == [(i, i * i) for i in range(12)]


def test_a_bug_in_a_child_surfaces_here():
    def broken(index: int) -> int:
        raise ValueError("boom")

    with pytest.raises(ValueError, match="boom"):
        runner.run_parts(broken, 2, str, int)


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
