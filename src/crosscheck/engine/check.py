"""Comparing a corpus's claims under rules: `find` a selection's findings, `assemble` the report.

`check` is both in one process.  The seam between them is for a runner that shares
the keys out among processes (`crosscheck.speed.check`): each part calls `find`
with its `keys`, exactly one of them with `corpus_rules`, and `assemble` merges the
parts into the report one `check` gives.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Container, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import partial

from pydantic import BaseModel

from crosscheck.comparators import Comparator, Item, Verdict, registry
from crosscheck.comparators.base import PairCheck
from crosscheck.engine.findings import Clash, FactKey, Refs, fact_findings, report_order, waives
from crosscheck.engine.grouping import clashes, group_items
from crosscheck.engine.items import Key, items, wanted_by
from crosscheck.model.corpus import Corpus
from crosscheck.model.report import Finding, Report, Summary
from crosscheck.rules.schema import Rule, matches_property


@dataclass(frozen=True, slots=True)
class Found:
    """What `find` found in its part: findings (deduplicated, in the order found) and how many it waived."""

    findings: list[Finding]
    waived: int


def check(corpus: Corpus, rules: Sequence[Rule], comparators: Mapping[str, Comparator] | None = None, *,
          keys: Container[Key] | None = None) -> Report:
    """Compare the corpus's claims under `rules` and return the findings, sorted, with counts.

    `keys`: compare only claims of these (subject, property) keys; corpus rules (which group
    across keys) then do not run, since they belong to the whole corpus.
    """
    return assemble(corpus, [find(corpus, rules, comparators, keys=keys, corpus_rules=keys is None)])


def assemble(corpus: Corpus, parts: Iterable[Found]) -> Report:
    """The report of `corpus` from the findings of its parts: merged by fingerprint, sorted, counted."""
    findings: dict[str, Finding] = {}
    waived_count = 0
    for part in parts:
        waived_count += part.waived
        for found in part.findings:
            findings.setdefault(found.fingerprint, found)
    ordered = sorted(findings.values(), key=report_order)
    counts = Counter(found.severity for found in ordered)
    summary = Summary(
        documents=len(corpus.documents),
        claims=sum(len(document.claims) for document in corpus.documents),
        drafted=sum(1 for document in corpus.documents for located in document.claims if located.drafted),
        error=counts["error"],
        warning=counts["warning"],
        info=counts["info"],
        waived=waived_count,
    )
    return Report(summary=summary, findings=ordered)


def find(corpus: Corpus, rules: Sequence[Rule], comparators: Mapping[str, Comparator] | None = None, *,
         keys: Container[Key] | None = None, corpus_rules: bool = True) -> Found:
    """The findings of the pair rules on `keys` (every key when None) and, with `corpus_rules`, of the corpus rules.

    One finding per rule and fact.  A fact whose finding a waiver changes (a claim waiving the
    rule takes a position away, or the whole finding) counts as waived once.
    """
    comparators = comparators if comparators is not None else registry().comparators
    enabled = [(rule, comparators[rule.comparator]) for rule in rules if rule.enabled]
    across = [(rule, comparator) for rule, comparator in enabled if comparator.corpus is not None] if corpus_rules else []
    keyed, selected = items(corpus, keys, wanted_by(across))
    groups = list(group_items(keyed).values())
    waivers = [{item.claim.waive.rule for items in group.by_scope.values() for item in items if item.claim.waive is not None}
               for group in groups]
    findings: dict[str, Finding] = {}
    refs = Refs({document.id: document for document in corpus.documents})
    waived_count = 0

    def add(made: Finding) -> None:
        findings.setdefault(made.fingerprint, made)

    for rule, comparator in enabled:
        params = comparator.params.model_validate(rule.params)
        kinds = set(rule.applies_to.kinds)
        matches = _property_matcher(rule)
        if comparator.pair is not None:
            judge = partial(_judge_with, comparator.pair, params)
            comparable = partial(_of_kinds, frozenset(kinds))
            for group, waives_some in zip(groups, waivers):
                if not (group.kinds & kinds) or not matches(group.property):
                    continue
                keep = partial(_not_waiving, rule) if rule.id in waives_some else None
                kept = {scope: fact_findings(rule, (group.subject, group.property, scope), found, refs)
                        for scope, found in clashes(group, judge, comparable, keep)}
                if rule.id in waives_some:
                    for scope, found in clashes(group, judge, comparable):
                        whole = fact_findings(rule, (group.subject, group.property, scope), found, refs)
                        if {f.fingerprint for f in kept.get(scope, ())} != {f.fingerprint for f in whole}:
                            waived_count += 1
                for made_of_scope in kept.values():
                    for made in made_of_scope:
                        add(made)
        elif corpus_rules and comparator.corpus is not None:
            selects = comparator.selects
            chosen = [
                item for item in selected
                if item.value.kind in kinds and (selects is None or selects(item.value)) and matches(item.claim.property)
            ]
            by_fact: dict[FactKey, list[Clash]] = {}
            waived_facts: set[FactKey] = set()
            singles: dict[int, list[Item]] = {}
            for verdict in comparator.corpus(chosen, params):
                first = verdict.items[0].claim
                key = verdict.key or (first.subject, first.property, None)
                if any(waives(rule, item) for item in verdict.items):
                    waived_facts.add(key)
                    continue
                a, b = verdict.items[0], verdict.items[-1]
                left, right = (singles.setdefault(id(item), [item]) for item in (a, b))
                by_fact.setdefault(key, []).append(Clash(left, right, verdict, (verdict.normals[0], verdict.normals[-1])))
            waived_count += len(waived_facts)
            for key, found in by_fact.items():
                for made in fact_findings(rule, key, found, refs):
                    add(made)
    return Found(list(findings.values()), waived_count)


def _judge_with(pair: PairCheck, params: BaseModel, a: Item, b: Item) -> Verdict | None:
    return pair(a, b, params)


def _of_kinds(kinds: frozenset[str], item: Item) -> bool:
    return item.value.kind in kinds


def _not_waiving(rule: Rule, item: Item) -> bool:
    return not waives(rule, item)


def _property_matcher(rule: Rule) -> Callable[[str], bool]:
    """`matches_property(rule, ·)`, remembered per property id (a corpus has few, asked about per claim)."""
    known: dict[str, bool] = {}

    def matches(property_id: str) -> bool:
        found = known.get(property_id)
        if found is None:
            found = known[property_id] = matches_property(rule, property_id)
        return found

    return matches
