"""Clashes worded as findings: one finding per fact, its positions, severity, message and a stable fingerprint.

The engine finds *clashes*: two value classes (claims stating one value in the same
words) of one fact that a rule's comparator says cannot both hold.  A fact's clashes
make one finding: classes that read the same form one *position*, the positions are
listed with the claims and documents stating each, and each pair of clashing
positions says why.  Classes that clash with nothing are not in the finding.  The
severity is the worst clash's.

A fingerprint is the rule, the fact's key and the set of the positions' readings:
never line numbers, paths, file order or how many articles state a position, so a
finding keeps its id wherever lines move, whichever folder the check runs from, and
when one more article joins a position (baselines record it).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from crosscheck.comparators import Item, Verdict
from crosscheck.kinds import Normal
from crosscheck.model.claims import LOW_CONFIDENCE
from crosscheck.model.construct import construct
from crosscheck.model.corpus import Document
from crosscheck.model.frame import UNSURE_MATCH
from crosscheck.model.report import ClaimRef, Conflict, Finding, Position, Severity, severity_rank
from crosscheck.rules.schema import Rule

SCOPE_NOTE = (
    " One claim gives a time scope ({scope}) and the other none, so they may describe different times;"
    " reported as info."
)

FactKey = tuple[str, str, str | None]
"""(subject, property, scope): the fact a finding is about (the scope includes a frame's modality)."""


@dataclass(frozen=True, slots=True)
class Clash:
    """Two value classes of one fact that cannot both hold, as a comparator judged their first claims.

    `left` and `right` are the classes (the same list for claims of one class that clash among
    themselves); `normals` are the verdict's readings of the left and right class.
    """

    left: Sequence[Item]
    right: Sequence[Item]
    verdict: Verdict
    normals: tuple[Normal, Normal]
    scope_missing: bool = False


class _Template(dict[str, object]):
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
        wording_of: str = getattr(self.normals[side], attribute)
        return wording_of


def fingerprint(rule_id: str, key: FactKey, readings: Iterable[Sequence[str]]) -> str:
    """Stable id of a finding: rule, fact key and the sorted set of its positions' readings."""
    blob = _FINGERPRINT_JSON([rule_id, list(key), sorted({tuple(reading) for reading in readings})])
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:16]


_FINGERPRINT_JSON = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
"""`json.dumps(..., ensure_ascii=False, separators=(",", ":"))` without rebuilding an encoder per call.
Fingerprints are recorded in users' baselines: this encoding must never change."""


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


class Refs:
    """ClaimRefs built once per (claim, normal), and each document's files and metadata once."""

    def __init__(self, documents: Mapping[str, Document]) -> None:
        self.documents = documents
        self.built: dict[tuple[int, int], tuple[Item, Normal, ClaimRef]] = {}
        self.about: dict[str, tuple[str | None, str | None, str | None]] = {}
        """Each document's claims file as reports print it, its outlet and its date."""

    def get(self, item: Item, normal: Normal) -> ClaimRef:
        key = (id(item), id(normal))
        entry = self.built.get(key)
        if entry is None:  # the entry keeps item and normal alive, so their ids stay theirs
            entry = self.built[key] = (item, normal, self._claim_ref(item, normal))
        return entry[2]

    def _claim_ref(self, item: Item, normal: Normal) -> ClaimRef:
        about = self.about.get(item.document)
        if about is None:
            document = self.documents.get(item.document)
            meta = document.meta if document is not None else None
            about = self.about[item.document] = (
                _claims_file(document), meta.publisher if meta else None, str(meta.published) if meta and meta.published else None,
            )
        located, claim = item.located, item.claim
        return construct(ClaimRef, {
            "document": located.document,
            "claims_file": about[0],
            "claims_line": None,
            "claim": claim.id,
            "quote": claim.quote,
            "line": located.line,
            "column": located.column,
            "value": claim.text,
            "interval": normal.interval,
            "normalized": normal.notation,
            "drafted": located.drafted,
            "confidence": claim.draft.confidence if claim.draft is not None else None,
            "outlet": about[1],
            "published": about[2],
        })


def _order(item: Item) -> tuple[str, int, int, str]:
    located = item.located
    return (item.document, located.line, located.column, item.claim.id)


def _class_confidence(items: Sequence[Item]) -> float | None:
    """How sure it is that a class's claims state this fact: None when one is annotated, else the best draft's."""
    best = 0.0
    for item in items:
        draft = item.claim.draft
        if draft is None:
            return None
        best = max(best, draft.confidence)
    return best


@dataclass(frozen=True, slots=True)
class _Judged:
    """A clash with its own severity, confidence and explanation."""

    clash: Clash
    severity: Severity
    confidence: float | None
    explanation: str


def _judged(rule: Rule, clash: Clash, scope: str | None) -> _Judged:
    """The clash's severity, capped for a missing scope or a weak draft, and its explanation with the reason."""
    severity = rule.severity
    explanation = clash.verdict.explanation
    if clash.scope_missing:
        explanation += SCOPE_NOTE.format(scope=scope)
        if severity_rank(severity) < severity_rank("info"):
            severity = "info"
    sides = [c for c in (_class_confidence(clash.left), _class_confidence(clash.right)) if c is not None]
    confidence = min(sides) if sides else None
    if confidence is not None and confidence < UNSURE_MATCH and severity_rank(severity) < severity_rank("info"):
        # e.g. undated running tallies: most such matches are successive updates, not one fact
        severity = "info"
        explanation += f" (drafted claims matched with confidence {confidence:.2f}, so this is at most info)"
    elif confidence is not None and confidence < LOW_CONFIDENCE and severity_rank(severity) < severity_rank("warning"):
        # drafted claims matched with low confidence may not state the same fact at all
        severity = "warning"
        explanation += f" (drafted claims matched with confidence {confidence:.2f}, so this is at most a warning)"
    return _Judged(clash, severity, confidence, explanation)


def _worst(judged: _Judged) -> tuple[int, float]:
    return (severity_rank(judged.severity), -(judged.confidence if judged.confidence is not None else 2.0))


def fact_findings(rule: Rule, key: FactKey, clashes: Sequence[Clash], refs: Refs) -> list[Finding]:
    """The findings of `rule` about the fact `key`: each a set of readings that pairwise cannot hold together.

    Two refinements of "one finding per fact" keep a finding from claiming more than
    crosscheck knows.  A clash capped to info (drafted claims matched with low confidence,
    a missing scope) says the two claims may not be one fact at all, so each severity
    holds only the readings of its own clashes (a pair of readings counts at its worst
    clash).  And within a severity, readings that agree with each other are never listed
    in one finding: "524", "511" and "53" deaths are one finding, "more than 500" against
    "53" another, since "more than 500" and "524" agree.  The clash graph is covered by
    cliques, greedily and worst clash first (`_cliques`); readings per fact are few.
    """
    rank_of: dict[frozenset[str], int] = {}
    for clash in clashes:
        pair = frozenset((clash.normals[0].notation, clash.normals[1].notation))
        rank_of[pair] = min(rank_of.get(pair, 9), severity_rank(_judged(rule, clash, key[2]).severity))
    findings = []
    for rank in sorted(set(rank_of.values())):
        tier = [c for c in clashes if rank_of[frozenset((c.normals[0].notation, c.normals[1].notation))] == rank]
        for clique in _cliques(tier):
            found = [c for c in tier if c.normals[0].notation in clique and c.normals[1].notation in clique]
            findings.append(fact_finding(rule, key, found, refs))
    return findings


def _cliques(clashes: Sequence[Clash]) -> list[frozenset[str]]:
    """Sets of readings, each pair of which clashes (or was never compared: both stated only by one
    document, which crosscheck does not hold against itself), that together hold every clash."""
    order: dict[str, None] = {}
    near: dict[str, set[str]] = {}
    documents: dict[str, set[str]] = {}
    edges: list[frozenset[str]] = []
    for clash in clashes:
        a, b = clash.normals[0].notation, clash.normals[1].notation
        order.setdefault(a)
        order.setdefault(b)
        near.setdefault(a, set()).add(b)
        near.setdefault(b, set()).add(a)
        documents.setdefault(a, set()).update(item.document for item in clash.left)
        documents.setdefault(b, set()).update(item.document for item in clash.right)
        edges.append(frozenset((a, b)))
    for a in order:  # readings of one and the same single document were never held against each other
        near[a].update(b for b in order if b != a and len(documents[a] | documents[b]) == 1)
    covered: set[frozenset[str]] = set()
    cliques: list[frozenset[str]] = []
    for edge in edges:
        if edge in covered:
            continue
        clique = set(edge)
        candidates = [n for n in order if n not in clique and all(n in near[m] for m in clique)]
        while candidates:
            best = max(candidates, key=lambda n: sum(frozenset((n, m)) not in covered for m in clique))
            clique.add(best)
            candidates = [n for n in candidates if n != best and n in near[best]]
        covered.update(frozenset((a, b)) for a in clique for b in clique)
        cliques.append(frozenset(clique))
    return cliques


def fact_finding(rule: Rule, key: FactKey, clashes: Sequence[Clash], refs: Refs) -> Finding:
    """The one finding of `rule` about the fact `key`, from its clashes (at least one)."""
    # each class once, with the reading its first clash gives it
    classes: dict[int, tuple[Sequence[Item], Normal]] = {}
    for clash in clashes:
        classes.setdefault(id(clash.left), (clash.left, clash.normals[0]))
        classes.setdefault(id(clash.right), (clash.right, clash.normals[1]))
    # classes reading alike form one position, unless they clash with each other: then their wording tells them apart
    ambiguous = {
        clash.normals[0].notation for clash in clashes
        if clash.left is not clash.right and clash.normals[0].notation == clash.normals[1].notation
    }
    position_of: dict[int, tuple[str, ...]] = {}
    members: dict[tuple[str, ...], list[int]] = {}
    for class_id, (items, normal) in classes.items():
        reading = normal.notation
        position_key: tuple[str, ...] = (reading, items[0].text) if reading in ambiguous else (reading,)
        position_of[class_id] = position_key
        members.setdefault(position_key, []).append(class_id)
    # claims in document order; positions in the order of their first claim
    every = sorted((item for items, _ in classes.values() for item in items), key=_order)
    index = {id(item): i for i, item in enumerate(every)}
    normal_of = {id(item): normal for items, normal in classes.values() for item in items}
    claims = [refs.get(item, normal_of[id(item)]) for item in every]
    placed = []
    for position_key, class_ids in members.items():
        indices = sorted(index[id(item)] for class_id in class_ids for item in classes[class_id][0])
        placed.append((indices, position_key))
    placed.sort()
    number = {position_key: n for n, (_, position_key) in enumerate(placed)}
    positions = []
    for indices, position_key in placed:
        first = every[indices[0]]
        documents = list(dict.fromkeys(every[i].document for i in indices))
        positions.append(construct(Position, {"reading": position_key[0], "value": first.text, "claims": indices, "documents": documents}))
    # the worst clash per pair of positions says why they clash; the worst of all makes the message
    judged = sorted((_judged(rule, clash, key[2]) for clash in clashes), key=_worst)
    by_pair: dict[tuple[int, int], _Judged] = {}
    for one in judged:
        ends = sorted((number[position_of[id(one.clash.left)]], number[position_of[id(one.clash.right)]]))
        by_pair.setdefault((ends[0], ends[1]), one)
    conflicts = [
        construct(Conflict, {"positions": list(pair), "severity": one.severity,
                             "message": _message(rule, key, one, positions, number, position_of), "explanation": one.explanation})
        for pair, one in by_pair.items()
    ]
    worst = judged[0]
    return construct(Finding, {
        "fingerprint": fingerprint(rule.id, key, members),
        "rule": rule.id,
        "rule_name": rule.name,
        "severity": worst.severity,
        "subject": key[0],
        "property": key[1],
        "scope": key[2],
        "message": conflicts[0].message,  # the worst clash is the first pair's
        "explanation": worst.explanation,
        "claims": claims,
        "positions": positions,
        "conflicts": conflicts,
        "similarity": worst.clash.verdict.similarity,
        "diff": worst.clash.verdict.diff,
        "confidence": worst.confidence,
        "view": None,
    })


def _message(rule: Rule, key: FactKey, worst: _Judged, positions: list[Position],
             number: Mapping[tuple[str, ...], int], position_of: Mapping[int, tuple[str, ...]]) -> str:
    """The rule's message for the worst clash; each document named with how many more state its position."""
    clash = worst.clash
    a = clash.left[0]
    b = clash.right[0] if clash.right is not clash.left else next((i for i in clash.left if i.document != a.document), clash.left[-1])
    sides = [(a, clash.normals[0], clash.left), (b, clash.normals[1], clash.right)]
    sides.sort(key=lambda side: _order(side[0]))
    (a, na, left), (b, nb, right) = sides

    def named(item: Item, side: Sequence[Item]) -> str:
        documents = positions[number[position_of[id(side)]]].documents
        more = len(documents) - 1 if clash.left is not clash.right else 0
        return item.document + (f" and {more} more" if more > 0 else "")

    fields = _Template((na, nb), {
        "rule": rule.id, "subject": key[0], "property": key[1], "scope": key[2] or "",
        "a": a.text, "b": b.text, "a_document": named(a, left), "b_document": named(b, right),
        "explanation": worst.explanation, **clash.verdict.facts,
    })
    return rule.message.format_map(fields)


def waives(rule: Rule, item: Item) -> bool:
    """Whether the item's claim waives `rule`."""
    waive = item.claim.waive
    return waive is not None and waive.rule == rule.id


def report_order(finding: Finding) -> tuple[str, int, int, str, str]:
    """The sort key of findings in a report: document, line, column, rule, fingerprint."""
    if not finding.claims:
        return ("", 0, 0, finding.rule, finding.fingerprint)
    first = finding.claims[0]
    return (first.document, first.line, first.column, finding.rule, finding.fingerprint)
