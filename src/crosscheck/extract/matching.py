"""Which drafted claims in different articles state the same fact.

Identical keys are not enough for drafted claims: without a registry, two
outlets' "nearly 600 leading companies" and "600+ corporate collaborators" get
different slug keys.  Claims are first blocked by (kind, currency, magnitude
bucket) so only plausible pairs are scored (sub-quadratic on real corpora); a
pair's score mixes the similarity of subjects, of counted things/properties and
of the surrounding words (rapidfuzz token similarity).  Pairs above a threshold
are joined greedily, best first, never putting two claims of one article in a
group.  A sentence-embedding model was not used: the lexical score separates
the seed corpus's matches, and no model would install offline here.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass
from typing import Mapping, Sequence

from rapidfuzz import fuzz

from crosscheck.extract.keys import REVIEW_BELOW
from crosscheck.extract.phrases import content_words
from crosscheck.model.claims import Claim, Draft
from crosscheck.model.registry import Registry

MATCH_THRESHOLD = 0.45
"""Minimum pair score (0..1) for two claims to be proposed as the same fact."""

_YEAR = {"year": 1.0, "decade": 10.0, "month": 1 / 12, "week": 1 / 52, "day": 1 / 365, "hour": 1 / 8760, "minute": 1 / 525600}
_SCALE = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}


@dataclass(frozen=True, slots=True)
class Member:
    """A claim of one document, by position."""

    document: str
    index: int


@dataclass(frozen=True, slots=True)
class MatchGroup:
    """Claims from different documents proposed to state the same fact."""

    members: tuple[Member, ...]
    confidence: float
    """The weakest link's score: how sure the grouping is (0..1)."""


def _central(claim: Claim) -> float | None:
    """One number standing for the value, for magnitude blocking and closeness."""
    v = claim.value
    if v.kind in ("quantity", "percentage", "duration"):
        amount = v.amount if v.amount is not None else (v.low + v.high) / 2
        if v.kind == "quantity":
            amount *= _SCALE.get(v.scale or "", 1)
        if v.kind == "duration":
            amount *= _YEAR[v.unit]
        return float(amount)
    if v.kind == "fraction":
        return v.numerator / v.denominator
    if v.kind == "rank":
        return float(v.position or v.top)
    if v.kind == "date" and v.date:
        return float(v.date[:4])
    return None


def _blocks(claim: Claim) -> list[tuple]:
    """Block keys of a claim: a pair is scored only when the claims share one."""
    v = claim.value
    if v.kind == "name":
        return []
    if v.kind == "quote":
        return [("quote", v.speaker)]
    central = _central(claim)
    if central is None:
        return [(v.kind, "relative")]
    if v.kind == "fraction":
        bucket = round(central * 5)
        return [(v.kind, "", b) for b in (bucket - 1, bucket, bucket + 1)]
    if v.kind in ("date", "rank"):
        return [(v.kind, "", int(central))]
    unit = getattr(v, "currency", None) or ""
    bucket = math.floor(math.log10(abs(central))) if central else -99
    return [(v.kind, unit, bucket), (v.kind, unit, bucket + 1)]


def _words(text: str | None) -> str:
    return " ".join(content_words((text or "").replace("-", " ").replace(".", " ")))


_KIND_WORDS = frozenset("duration rank share quote on by since before after until within percentage".split())


def _thing(prop: str) -> str:
    """A property's words without the kind prefixes the fallback keys add ("duration-reign" -> "reign")."""
    return " ".join(w for w in _words(prop).split() if w not in _KIND_WORDS) or prop


def _stems(text: str) -> set[str]:
    return {w[:5] for w in text.split() if len(w) > 2}


def overlap(a: str, b: str) -> float:
    """Word overlap of two texts (cosine of their sets of 5-letter stems), 0..1: unrelated texts score 0."""
    sa, sb = _stems(a), _stems(b)
    if not sa or not sb:
        return 0.0
    return len(sa & sb) / math.sqrt(len(sa) * len(sb))


def _closeness(a: Claim, b: Claim) -> float:
    ca, cb = _central(a), _central(b)
    if ca is None or cb is None:
        return 1.0 if getattr(a.value, "relative", None) == getattr(b.value, "relative", None) else 0.7
    if a.value.kind in ("date", "rank", "duration") or max(abs(ca), abs(cb)) < 20:
        return 1.0 if ca == cb else 0.4  # small numbers: only the same one is evidence
    if max(abs(ca), abs(cb)) == 0:
        return 1.0
    diff = abs(ca - cb) / max(abs(ca), abs(cb))
    return 1.0 if diff <= 0.25 else 0.75 if diff <= 0.6 else 0.4


def pair_score(a: Claim, b: Claim) -> float:
    """How likely two claims state the same fact (0..1)."""
    if a.value.kind != b.value.kind:
        return 0.0
    if a.scope and b.scope and a.scope.key != b.scope.key:
        return 0.0
    if a.subject == b.subject and a.property == b.property:
        return 1.0 * _closeness(a, b) if a.value.kind != "quote" else 1.0
    if a.value.kind == "quote":
        return fuzz.token_set_ratio(a.value.words, b.value.words) / 100
    subject = max(overlap(_words(a.subject), _words(b.subject)),
                  fuzz.ratio(a.subject, b.subject) / 100 if min(len(a.subject), len(b.subject)) > 3 else 0)
    unit_a, unit_b = getattr(a.value, "unit", None), getattr(b.value, "unit", None)
    thing = overlap(_thing(a.property), _thing(b.property))
    if unit_a and unit_a == unit_b:
        thing = max(thing, 0.8)
    context = overlap(_words(a.quote), _words(b.quote))
    # Small counts, ranks, dates and durations recur by chance, so their value says less.
    value = _closeness(a, b)
    central = _central(a) or 0
    weight = 0.25 if a.value.kind in ("quantity", "percentage", "fraction") and (central >= 20 or central < 1) else 0.1
    lexical = (0.3 * subject + 0.2 * thing + 0.25 * context) / 0.75 * (1 - weight)
    return round(lexical + weight * value if value >= 0.75 else lexical * value, 3)


def match_claims(documents: Mapping[str, Sequence[Claim]], registry: Registry | None = None,
                 threshold: float = MATCH_THRESHOLD) -> list[MatchGroup]:
    """Groups of claims (two or more documents each) proposed to state the same fact, in a stable order."""
    blocks: dict[tuple, list[Member]] = defaultdict(list)
    claims: dict[Member, Claim] = {}
    for document in sorted(documents):
        for index, claim in enumerate(documents[document]):
            member = Member(document, index)
            claims[member] = claim
            for block in _blocks(claim):
                blocks[block].append(member)
    scored: dict[tuple[Member, Member], float] = {}
    for members in blocks.values():
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                if a.document == b.document or (a, b) in scored:
                    continue
                score = pair_score(claims[a], claims[b])
                if score >= threshold:
                    scored[(a, b)] = score
    parent: dict[Member, Member] = {m: m for m in claims}
    docs: dict[Member, set[str]] = {m: {m.document} for m in claims}
    weakest: dict[Member, float] = {m: 1.0 for m in claims}

    def root(m: Member) -> Member:
        while parent[m] != m:
            parent[m] = parent[parent[m]]
            m = parent[m]
        return m

    for (a, b), score in sorted(scored.items(), key=lambda kv: (-kv[1], kv[0][0].document, kv[0][0].index,
                                                                  kv[0][1].document, kv[0][1].index)):
        ra, rb = root(a), root(b)
        if ra == rb or docs[ra] & docs[rb]:
            continue
        parent[rb] = ra
        docs[ra] |= docs[rb]
        weakest[ra] = min(weakest[ra], weakest[rb], score)
    groups: dict[Member, list[Member]] = defaultdict(list)
    for m in claims:
        groups[root(m)].append(m)
    out = [MatchGroup(tuple(sorted(ms, key=lambda m: (m.document, m.index))), round(weakest[r], 3))
           for r, ms in groups.items() if len(ms) > 1]
    return sorted(out, key=lambda g: (g.members[0].document, g.members[0].index))


def align_keys(documents: Mapping[str, Sequence[Claim]], registry: Registry | None = None,
               threshold: float = MATCH_THRESHOLD) -> dict[str, list[Claim]]:
    """The documents' claims with matched drafted claims rewritten to share one key.

    The shared key (and, for counts, the counted unit) is a hand-annotated member's when there is one, else
    the most confident draft's.  Each
    rewritten draft keeps the match's confidence (the lower of it and its own) and is marked for review
    when that is low; hand-annotated claims are never changed.
    """
    out = {doc: list(claims) for doc, claims in documents.items()}
    for group in match_claims(documents, registry, threshold):
        members = [(m, documents[m.document][m.index]) for m in group.members]
        hand = [c for _, c in members if c.draft is None]
        lead = hand[0] if hand else max((c for _, c in members), key=lambda c: (c.draft.confidence, c.id))
        for m, claim in members:
            if claim.draft is None or (claim.subject, claim.property) == (lead.subject, lead.property) and claim is lead:
                continue
            confidence = round(min(claim.draft.confidence if claim is not lead else 1.0, group.confidence), 2)
            draft = Draft(confidence=confidence, review=confidence < REVIEW_BELOW or claim.draft.review,
                          method=claim.draft.method + "+matched", span=claim.draft.span)
            update = {"draft": draft}
            if claim.value.kind != "quote":
                update |= {"subject": lead.subject, "property": lead.property}
                lead_unit = getattr(lead.value, "unit", None)
                if claim.value.kind == "quantity" and not claim.value.currency and lead_unit \
                        and claim.value.unit != lead_unit:
                    # matched as the same fact, so they count the same thing ("collaborator" -> "company")
                    update["value"] = claim.value.model_copy(update={"unit": lead_unit})
            else:
                update |= {"property": lead.property}
            out[m.document][m.index] = claim.model_copy(update=update)
    return out
