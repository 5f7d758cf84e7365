"""Verdicts worded as findings: severity, message, located claims, a stable fingerprint.

A fingerprint is rule, key and the sorted (document, claim, text) of the claims,
never line numbers, so a finding keeps its id wherever its lines move (baselines
record it).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from pathlib import Path

from crosscheck.comparators import Item, Verdict
from crosscheck.kinds import Normal
from crosscheck.model.claims import LOW_CONFIDENCE
from crosscheck.model.construct import construct
from crosscheck.model.corpus import Document
from crosscheck.model.frame import UNSURE_MATCH
from crosscheck.model.report import ClaimRef, Finding, severity_rank
from crosscheck.rules.schema import Rule

SCOPE_NOTE = (
    " One claim gives a time scope ({scope}) and the other none, so they may describe different times;"
    " reported as info."
)


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


def fingerprint(rule_id: str, key: tuple[str, str, str | None], items: Iterable[Item]) -> str:
    """Stable id of a finding: rule, key and the sorted (document, claim id, text) of its claims."""
    claims = sorted((item.document, item.claim.id, item.text) for item in items)
    blob = _FINGERPRINT_JSON([rule_id, list(key), claims])
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


class Refs:
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


def finding(rule: Rule, verdict: Verdict, scope: str | None, scope_missing: bool, refs: Refs) -> Finding:
    """The finding a verdict of `rule` makes, with its severity capped for a missing scope or a weak draft."""
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


def _document_order(pair: tuple[Item, Normal]) -> tuple[str, int, int, str]:
    item = pair[0]
    located = item.located
    return (item.document, located.line, located.column, item.claim.id)


def waived(rule: Rule, verdict: Verdict) -> bool:
    """Whether a claim of the verdict waives `rule`."""
    return any(item.claim.waive is not None and item.claim.waive.rule == rule.id for item in verdict.items)


def report_order(finding: Finding) -> tuple[str, int, int, str, str]:
    """The sort key of findings in a report: document, line, column, rule, fingerprint."""
    first = finding.claims[0]
    return (first.document, first.line, first.column, finding.rule, finding.fingerprint)
