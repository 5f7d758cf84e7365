"""The engine: corpus + rules -> Report.  Pure: no files, no clock, no printing.

Claims are grouped by key first (`grouping`); pair rules compare claims
within a key, corpus rules (exchange rates, durations against start points)
do their own grouping across keys.  Waived findings are counted, not shown.
Findings get a stable fingerprint (rule, key, and the sorted (document, claim,
text) of their claims; never line numbers) and a deterministic order.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import Callable, Iterable, Iterator, Mapping, Sequence

from crosscheck.speed import gcpause as collector

from crosscheck.speed import runner as forking
from crosscheck.speed.compact import construct
from crosscheck.comparators import Comparator, Item, Verdict, registry
from crosscheck.model.corpus import Corpus, Document, LocatedClaim
from crosscheck.engine.grouping import Block, blocks, group_items
from crosscheck.model.claims import LOW_CONFIDENCE, Entity, Property, Value
from crosscheck.model.frame import UNSURE_MATCH
from crosscheck.kinds import Normal
from crosscheck.model.report import ClaimRef, Finding, Report, Summary, pack_findings, severity_rank, unpack_findings
from crosscheck.rules import Rule, matches_property

SCOPE_NOTE = (
    " One claim gives a time scope ({scope}) and the other none, so they may describe different times;"
    " reported as info."
)


class _Template(dict):
    """Format-map of a message: the normalised values are worded only if the message names them,
    and an unknown placeholder is left as written instead of failing."""

    _NORMALS = {"a_meaning": (0, "meaning"), "b_meaning": (1, "meaning"), "a_normalized": (0, "notation"), "b_normalized": (1, "notation")}

    def __init__(self, normals: tuple[Normal, Normal], fields: dict[str, object]) -> None:
        super().__init__(fields)
        self.normals = normals

    def __missing__(self, key: str) -> str:
        wording = self._NORMALS.get(key)
        if wording is None:
            return "{" + key + "}"
        side, attribute = wording
        return getattr(self.normals[side], attribute)


def _items(corpus: Corpus, part: int, parts: int, wanted: Callable[[Value], bool] | None) -> tuple[list[Item], list[Item]]:
    """This part's items: those of its keys that two documents or more state, and every item `wanted` accepts.

    A key stated by one document has no pair to compare (most keys of a large corpus), so its
    claims never become items, unless a corpus rule (which groups across keys) wants them.
    Items keep corpus order.
    """
    entities = corpus.registry.entities if corpus.registry is not None else {}
    properties = corpus.registry.properties if corpus.registry is not None else {}
    by_key: dict[tuple[str, str], list[LocatedClaim]] = {}
    selected: list[Item] = []
    made: dict[int, Item] = {}
    for document in corpus.documents:
        published = document.meta.published
        for located in document.claims:
            claim = located.claim
            key = (claim.subject, claim.property)
            if parts == 1 or hash(key) % parts == part:
                same = by_key.get(key)
                if same is None:
                    by_key[key] = [located]
                else:
                    same.append(located)
            if wanted is not None and wanted(claim.value):
                made[id(located)] = item = _item(located, published, entities, properties)
                selected.append(item)
    documents = {document.id: document.meta.published for document in corpus.documents}
    keyed = []
    for key, located_claims in by_key.items():
        first = located_claims[0].document
        if any(located.document != first for located in located_claims):
            for located in located_claims:
                item = made.get(id(located))
                keyed.append(item if item is not None else _item(located, documents[located.document], entities, properties))
    return keyed, selected


def _wanted_by(corpus_rules: list[tuple[Rule, Comparator]]) -> Callable[[Value], bool] | None:
    """Whether some corpus rule takes a value (its kind, and its comparator's `selects`); None when none runs."""
    if not corpus_rules:
        return None
    tests: dict[str, list[Callable[[Value], bool] | None]] = {}
    for rule, comparator in corpus_rules:
        for kind in rule.applies_to.kinds:
            tests.setdefault(kind, []).append(comparator.selects)

    def wanted(value: Value) -> bool:
        found = tests.get(value.kind)
        return found is not None and any(test is None or test(value) for test in found)

    return wanted


def _item(located: LocatedClaim, published: str | None, entities: Mapping[str, Entity], properties: Mapping[str, Property]) -> Item:
    claim = located.claim
    named = claim.value.__dict__.get("entity") or claim.subject  # only names have `entity`
    return Item(located, published, entities.get(named), properties.get(claim.property))


def _claims_file(document: Document | None) -> str | None:
    if document is None or document.claims_path is None:
        return None
    path = document.claims_path
    if path.is_absolute():
        try:
            return path.relative_to(Path.cwd()).as_posix()
        except ValueError:
            return path.as_posix()
    return path.as_posix()


def fingerprint(rule_id: str, key: tuple[str, str, str | None], items: Iterable[Item]) -> str:
    """Stable id of a finding: rule, key and the sorted (document, claim id, text) of its claims."""
    claims = sorted((item.document, item.claim.id, item.text) for item in items)
    blob = _FINGERPRINT_JSON([rule_id, list(key), claims])
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:16]


_FINGERPRINT_JSON = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
"""`json.dumps(..., ensure_ascii=False, separators=(",", ":"))` without rebuilding an encoder per call.
Fingerprints are recorded in users' baselines: this encoding must never change."""


def _claim_ref(item: Item, normal: Normal, claims_file: str | None) -> ClaimRef:
    located, claim = item.located, item.claim
    return construct(ClaimRef, {
        "document": located.document,
        "claims_file": claims_file,
        "claim": claim.id,
        "quote": claim.quote,
        "line": located.line,
        "column": located.column,
        "value": claim.text,
        "interval": normal.interval,
        "normalized": normal.notation,
        "drafted": located.drafted,
        "confidence": claim.draft.confidence if claim.draft is not None else None,
    })


class _Refs:
    """ClaimRefs built once per (claim, normal): a claim restated by many articles meets many others."""

    def __init__(self, documents: Mapping[str, Document]) -> None:
        self.documents = documents
        self.built: dict[tuple[int, int], tuple[Item, Normal, ClaimRef]] = {}
        self.files: dict[str, str | None] = {}
        """Each document's claims file as reports print it (a path computation per claim otherwise)."""

    def get(self, item: Item, normal: Normal) -> ClaimRef:
        key = (id(item), id(normal))
        entry = self.built.get(key)
        if entry is None:  # the entry keeps item and normal alive, so their ids stay theirs
            document = item.document
            if document not in self.files:
                self.files[document] = _claims_file(self.documents.get(document))
            entry = self.built[key] = (item, normal, _claim_ref(item, normal, self.files[document]))
        return entry[2]


def _finding(rule: Rule, verdict: Verdict, scope: str | None, scope_missing: bool, refs: _Refs) -> Finding:
    first = verdict.items[0].claim
    key = verdict.key or (first.subject, first.property, scope)
    severity = rule.severity
    explanation = verdict.explanation
    if scope_missing:
        explanation += SCOPE_NOTE.format(scope=scope)
        if severity_rank(severity) < severity_rank("info"):
            severity = "info"
    confidences = [item.claim.draft.confidence for item in verdict.items if item.claim.draft is not None]
    if confidences and min(confidences) < UNSURE_MATCH and severity_rank(severity) < severity_rank("info"):
        # e.g. undated running tallies: most such matches are successive updates, not one fact
        severity = "info"
        explanation += f" (drafted claims matched with confidence {min(confidences):.2f}, so this is at most info)"
    elif confidences and min(confidences) < LOW_CONFIDENCE and severity_rank(severity) < severity_rank("warning"):
        # drafted claims matched with low confidence may not state the same fact at all
        severity = "warning"
        explanation += f" (drafted claims matched with confidence {min(confidences):.2f}, so this is at most a warning)"
    ordered = sorted(zip(verdict.items, verdict.normals), key=_document_order)
    (a, na), (b, nb) = ordered[0], ordered[-1]
    fields = _Template((na, nb), {
        "rule": rule.id, "subject": key[0], "property": key[1], "scope": key[2] or "",
        "a": a.text, "b": b.text, "a_document": a.document, "b_document": b.document,
        "explanation": explanation, **verdict.facts,
    })
    # every field comes from validated claims and rules: construct without validating again
    return construct(Finding, {
        "fingerprint": fingerprint(rule.id, key, verdict.items),
        "rule": rule.id,
        "rule_name": rule.name,
        "severity": severity,
        "subject": key[0],
        "property": key[1],
        "scope": key[2],
        "message": rule.message.format_map(fields),
        "explanation": explanation,
        "claims": [refs.get(item, normal) for item, normal in ordered],
        "similarity": verdict.similarity,
        "diff": verdict.diff,
        "confidence": min(confidences) if confidences else None,
    })


def _document_order(pair: tuple[Item, Normal]) -> tuple:
    item = pair[0]
    located = item.located
    return (item.document, located.line, located.column, item.claim.id)


def _judge(comparator: Comparator, params: object, block: Block) -> Iterator[Verdict]:
    """The verdicts for a block's claim pairs: one comparison per orientation, restated for every pair.

    Comparators may word a verdict by argument order, so a pair is judged in the
    order its claims stand in the corpus; a block whose classes agree both ways
    is left without walking its pairs.
    """
    judged: dict[bool, tuple[Item, Item, Verdict | None]] = {}
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


def _waived(rule: Rule, verdict: Verdict) -> bool:
    return any(item.claim.waive is not None and item.claim.waive.rule == rule.id for item in verdict.items)


def _sort_key(finding: Finding) -> tuple:
    first = finding.claims[0]
    return (first.document, first.line, first.column, finding.rule, finding.fingerprint)


PARALLEL_MIN_CLAIMS = 50_000
"""Below this many claims one process compares faster than forking a second (see `forking.jobs`)."""


def check(corpus: Corpus, rules: Sequence[Rule], comparators: Mapping[str, Comparator] | None = None, *, jobs: int = 1) -> Report:
    """Compare the corpus's claims under `rules` and return the findings, sorted, with counts.

    With `jobs` > 1 the keys are shared out among that many processes (forked: they inherit
    the corpus), and the report is the same as with one.
    """
    comparators = comparators if comparators is not None else registry().comparators
    claims = sum(len(document.claims) for document in corpus.documents)
    parts = max(1, jobs)
    with collector.paused():
        done = forking.run_parts(lambda part: _check_part(corpus, rules, comparators, part, parts), parts, _pack, _unpack)
    findings: dict[str, Finding] = {}
    for part_findings, _waived in done:
        for finding in part_findings:
            findings.setdefault(finding.fingerprint, finding)
    ordered = sorted(findings.values(), key=_sort_key)
    counts = Counter(finding.severity for finding in ordered)
    summary = Summary(
        documents=len(corpus.documents),
        claims=claims,
        drafted=sum(1 for document in corpus.documents for located in document.claims if located.drafted),
        error=counts["error"],
        warning=counts["warning"],
        info=counts["info"],
        waived=sum(waived for _findings, waived in done),
    )
    return Report(summary=summary, findings=ordered)


_Part = tuple[list[Finding], int]
"""A part's findings (deduplicated, in the order found) and how many it waived."""


def _pack(done: _Part) -> tuple:
    findings, waived = done
    return pack_findings(findings), waived


def _unpack(message: tuple) -> _Part:
    packed, waived = message
    return unpack_findings(packed), waived


def _check_part(corpus: Corpus, rules: Sequence[Rule], comparators: Mapping[str, Comparator], part: int, parts: int) -> _Part:
    """The findings of the keys in `part` of `parts` (by hash) and, in the last part, of the corpus rules.

    The last part is a child's when there are several: this process also unpacks the others' findings.
    """
    enabled = [(rule, comparators[rule.comparator]) for rule in rules if rule.enabled]
    corpus_part = part == parts - 1
    corpus_rules = [(rule, comparator) for rule, comparator in enabled if comparator.corpus is not None] if corpus_part else []
    documents = {document.id: document for document in corpus.documents}
    keyed, selected = _items(corpus, part, parts, _wanted_by(corpus_rules))
    groups = list(group_items(keyed).values())
    findings: dict[str, Finding] = {}
    refs = _Refs(documents)
    waived = 0
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
        elif corpus_part:
            assert comparator.corpus is not None
            selects = comparator.selects
            chosen = [
                item for item in selected
                if item.value.kind in kinds and (selects is None or selects(item.value)) and matches(item.claim.property)
            ]
            results.extend((verdict, None, False) for verdict in comparator.corpus(chosen, params))
        for verdict, scope, scope_missing in results:
            if _waived(rule, verdict):
                waived += 1
                continue
            finding = _finding(rule, verdict, scope, scope_missing, refs)
            findings.setdefault(finding.fingerprint, finding)
    return list(findings.values()), waived
