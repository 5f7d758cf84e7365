"""Comparing a corpus's claims under rules: `find` a selection's findings, `assemble` the report.

`check` is both in one process.  The seam between them is for a runner that shares
the keys out among processes (`crosscheck.speed.check`): each part calls `find`
with its `keys`, exactly one of them with `corpus_rules`, and `assemble` merges the
parts into the report one `check` gives.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Container, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace

from pydantic import BaseModel

from crosscheck.comparators import Comparator, Item, Verdict, registry
from crosscheck.engine.findings import Refs, finding, report_order, waived
from crosscheck.engine.grouping import Block, blocks, group_items
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
    """The findings of the pair rules on `keys` (every key when None) and, with `corpus_rules`, of the corpus rules."""
    comparators = comparators if comparators is not None else registry().comparators
    enabled = [(rule, comparators[rule.comparator]) for rule in rules if rule.enabled]
    across = [(rule, comparator) for rule, comparator in enabled if comparator.corpus is not None] if corpus_rules else []
    keyed, selected = items(corpus, keys, wanted_by(across))
    groups = list(group_items(keyed).values())
    findings: dict[str, Finding] = {}
    refs = Refs({document.id: document for document in corpus.documents})
    waived_count = 0
    for rule, comparator in enabled:
        params = comparator.params.model_validate(rule.params)
        kinds = set(rule.applies_to.kinds)
        matches = _property_matcher(rule)
        results: list[tuple[Verdict, str | None, bool]] = []
        if comparator.pair is not None:
            for group in groups:
                if not (group.kinds & kinds) or not matches(group.property):
                    continue
                for block in blocks(group):
                    right = block.right if block.right is not None else block.left
                    if block.left[0].value.kind not in kinds or right[0].value.kind not in kinds:
                        continue
                    results.extend((verdict, block.scope, block.scope_missing) for verdict in _judge(comparator, params, block))
        elif corpus_rules and comparator.corpus is not None:
            selects = comparator.selects
            chosen = [
                item for item in selected
                if item.value.kind in kinds and (selects is None or selects(item.value)) and matches(item.claim.property)
            ]
            results.extend((verdict, None, False) for verdict in comparator.corpus(chosen, params))
        for verdict, scope, scope_missing in results:
            if waived(rule, verdict):
                waived_count += 1
                continue
            made = finding(rule, verdict, scope, scope_missing, refs)
            findings.setdefault(made.fingerprint, made)
    return Found(list(findings.values()), waived_count)


def _judge(comparator: Comparator, params: BaseModel, block: Block) -> Iterator[Verdict]:
    """The verdicts for a block's claim pairs: one comparison per orientation, restated for every pair.

    Comparators may word a verdict by argument order, so a pair is judged in the
    order its claims stand in the corpus; a block whose classes agree both ways
    is left without walking its pairs.
    """
    judged: dict[bool, tuple[Item, Item, Verdict | None]] = {}
    assert comparator.pair is not None
    for a, b, flipped in block.pairs():
        seen = judged.get(flipped)
        if seen is None:
            verdict = comparator.pair(a, b, params)
            judged[flipped] = (a, b, verdict)
            if verdict is not None:
                yield verdict
                continue
            if block.right is None or block.scope_missing:
                return  # one orientation only, and it agrees
            judged[not flipped] = (b, a, comparator.pair(b, a, params))
            if judged[not flipped][2] is None:
                return  # agree both ways
            continue
        stand_a, stand_b, verdict = seen
        if verdict is not None:
            swap = {id(stand_a): a, id(stand_b): b}
            yield replace(verdict, items=tuple(swap.get(id(item), item) for item in verdict.items))


def _property_matcher(rule: Rule) -> Callable[[str], bool]:
    """`matches_property(rule, ·)`, remembered per property id (a corpus has few, asked about per claim)."""
    known: dict[str, bool] = {}

    def matches(property_id: str) -> bool:
        found = known.get(property_id)
        if found is None:
            found = known[property_id] = matches_property(rule, property_id)
        return found

    return matches
