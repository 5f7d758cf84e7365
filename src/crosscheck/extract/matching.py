"""Which drafted claims in different articles state the same fact: by frame, never by value.

Two drafted figures are the same fact when their frames agree: value kind, measure,
qualifiers, period, modality and level/change (`frame_key`).  Their values play no part,
so a real conflict (six vs seven, 12% vs 3%) is compared like any other pair, and two
figures that only happen to be close are not.  The subject must agree too; a figure
whose article names no owner ("revenue came to ...") joins the one owner the other
articles name for that frame, at a confidence low enough that a conflict it takes part
in is at most a warning.  Quotes are matched by speaker and words (the words are what a
quote states).  Dates, ranks and names keep their drafted keys: only identical keys meet.

Calibration on the eight development clusters (real multi-outlet news with gold): of the
conflicts between frame matches whose owner or place one article took from the others
(`INFERRED_SUBJECT`, 0.5), 10 of 20 are real discrepancies and 3 are known traps, so the
engine caps them at warning (`LOW_CONFIDENCE`, 0.6); of those between undated running
tallies (`UNDATED_TALLY`, 0.3), 3 of 59 are real and 20 are successive updates, so they are
at most info (`model.frame.UNSURE_MATCH`, 0.35).  Matches whose articles name the same owner
(`SAME_SUBJECT`) produced no conflict there, so 0.8 is a prior, not a measurement.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from crosscheck.extract.change_intervals import INFERRED_QUALIFIERS, UNSTATED_INTERVAL, inferred_partitions
from crosscheck.extract.frame_lexicon import frame_lexicon
from crosscheck.extract.framing import NO_SUBJECT
from crosscheck.extract.keys import REVIEW_BELOW
from crosscheck.model.claims import Claim, Draft
from crosscheck.model.frame import Frame
from crosscheck.model.registry import Registry
from crosscheck.model.values import QuoteValue
from crosscheck.text.lexicon import lexicon

MATCH_THRESHOLD = 0.55
"""Minimum similarity (0..1) for two quotes of one speaker to be proposed as the same statement (on the
development clusters, restatements of one quote scored 0.59 and up, different quotes 0.44 and below)."""
SAME_SUBJECT = 0.8
"""Confidence of a frame match between claims that name the same subject."""
INFERRED_SUBJECT = 0.5
"""Confidence of a frame match where one article names no subject and takes the others' one."""
SHORT_NAME = 0.7
"""Confidence of a frame match whose subjects are one name in full and short ("Sunita Williams", "Williams")."""
CURRENT_PERIODS = frozenset({"this-year", "this-month"})
"""Unresolved periods that name the article's own time: a figure without a period may be of it too."""
SAME_UPDATE = 0.5
"""Confidence of a match of undated tallies that each sit beside the same exact figure of another tally: one
update, so a conflict is a warning (on the development clusters, the injured and missing counts paired with one
death-toll update)."""
ANCHOR_REACH = 600
"""How near (in characters) the shared figure must be for a tally to belong to its update."""
UNDATED_TALLY = 0.3
"""Confidence of a match of running tallies that no article dates: below `UNSURE_MATCH`, so at most info."""


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
    """The weakest link's confidence: how sure the grouping is (0..1)."""
    inferred_interval: frozenset[Member] = frozenset()
    """Members whose change's interval (month, year ...) or price's window was taken from the others: matched at
    `UNSTATED_INTERVAL`."""

    def confidence_of(self, member: Member) -> float:
        """How sure the grouping is of one member."""
        return min(self.confidence, UNSTATED_INTERVAL) if member in self.inferred_interval else self.confidence


def frame_key(claim: Claim) -> tuple | None:
    """What must agree for two claims to state one fact (subject and place apart); None without a frame."""
    frame = claim.frame
    if frame is None:
        return None
    scope = claim.scope.key if claim.scope is not None else None
    qualifiers = tuple(sorted((k, v) for k, v in frame.qualifiers.items() if k != "place" and k not in INFERRED_QUALIFIERS))
    period = None if frame.period in CURRENT_PERIODS else frame.period
    return (claim.value.kind, frame.measure, qualifiers, period, scope, frame.modality, frame.level)


def _same_subjects(subjects: set[str]) -> dict[str, str]:
    """Each subject id -> the fullest id it is a short form of ("williams" -> "sunita-williams"), or itself."""
    # each id under every ending that follows one of its hyphens ("sunita-williams" under "williams")
    longer: dict[str, list[str]] = defaultdict(list)
    for s in subjects:
        for at, ch in enumerate(s):
            if ch == "-":
                longer[s[at + 1:]].append(s)
    return {subject: forms[0] if len(forms := longer.get(subject, [])) == 1 else subject for subject in subjects}


def _undated_tally(claim: Claim, frame: Frame) -> bool:
    """A running tally (deaths, cases ...) with no date: articles of different days give different counts.

    "So far this year" dates a tally only as well as the article's own date does, but it says the count is
    the current year-to-date one, which an undated restatement in another article is taken to be too.
    """
    return frame.measure in frame_lexicon().running_tallies and frame.period is None and claim.scope is None


def _partitions(members: list[Member], value_of: Callable[[Member], str | None],
                same: Callable[[set[str]], dict[str, str]] | None = None) -> list[tuple[list[Member], bool, bool]]:
    """Members split by a value (subject, place): (members, took the value from others, merged short forms).

    Members that state no value join the one value the others state; with several values they stay apart.
    """
    stated = {v for m in members if (v := value_of(m))}
    canonical = same(stated) if same else {v: v for v in stated}
    named = sorted(set(canonical.values()))
    unnamed = [m for m in members if not value_of(m)]
    by_value: dict[str, list[Member]] = defaultdict(list)
    for m in members:
        if v := value_of(m):
            by_value[canonical[v]].append(m)
    out = []
    for value in named:
        group = by_value[value]
        merged = len({value_of(m) for m in group}) > 1
        if len(named) == 1 and unnamed:
            out.append((group + unnamed, True, merged))
        else:
            out.append((group, False, merged))
    if unnamed and len(named) != 1:
        out.append((unnamed, True, False))
    return out


def _frame_groups(claims: dict[Member, Claim]) -> list[MatchGroup]:
    by_frame: dict[tuple, list[Member]] = defaultdict(list)
    frames: dict[Member, Frame] = {}
    for member, claim in claims.items():
        key = frame_key(claim)
        if key is not None and claim.frame is not None and claim.draft is not None:  # a key implies a frame
            by_frame[key].append(member)
            frames[member] = claim.frame
    out: list[MatchGroup] = []
    anchors: dict[str, tuple[list[int], list[tuple[Member, tuple]]]] | None = None  # indexed when first needed
    for members, inferred_interval in (p for ms in by_frame.values() for p in inferred_partitions(
            ms, lambda m: frames[m].qualifiers, lambda m: m.document)):
        if len({m.document for m in members}) < 2:
            continue
        undated = all(_undated_tally(claims[m], frames[m]) for m in members)
        if undated and anchors is None:
            anchors = _anchors_by_document(claims)
        for update_members in (_same_updates(members, claims, anchors) if anchors is not None and undated
                               else {}).values():
            out.append(MatchGroup(tuple(sorted(update_members, key=lambda m: (m.document, m.index))), SAME_UPDATE))
            updated = set(update_members)
            members = [m for m in members if m not in updated]
        for placed, place_inferred, _ in _partitions(members, lambda m: frames[m].qualifiers.get("place")):
            for group, subject_inferred, merged in _partitions(placed, lambda m: frames[m].subject, _same_subjects):
                if len({m.document for m in group}) < 2:
                    continue
                in_current = {frames[m].period for m in group} & CURRENT_PERIODS
                period_inferred = bool(in_current) and any(frames[m].period is None for m in group)
                inferred = place_inferred or subject_inferred or period_inferred
                confidence = INFERRED_SUBJECT if inferred else SAME_SUBJECT
                if merged:
                    confidence = min(confidence, SHORT_NAME)
                if undated:
                    confidence = UNDATED_TALLY
                out.append(MatchGroup(tuple(sorted(group, key=lambda m: (m.document, m.index))), confidence,
                                      inferred_interval & frozenset(group)))
    return out


def _anchor(claim: Claim) -> tuple | None:
    """A figure specific enough to name one update of a running tally: an exact count, not a round one (1,644)."""
    value, frame = claim.value, claim.frame
    if frame is None or value.kind != "quantity" or value.approx != "exact" or claim.scope is not None \
            or frame.measure not in frame_lexicon().running_tallies or frame.period is not None or frame.level != "level":
        return None
    amount = value.amount
    if amount is None or float(amount) != int(amount) or amount < 100 or int(amount) % 10 == 0 or value.scale:
        return None
    return frame.measure, int(amount)


def _anchors_by_document(claims: dict[Member, Claim]) -> dict[str, tuple[list[int], list[tuple[Member, tuple]]]]:
    """Each document's anchor figures (`_anchor`) by where their quote starts: (the starts, sorted; the members
    and anchors in that order), so a tally looks only at the anchors within reach, not at every claim."""
    found: dict[str, list[tuple[int, Member, tuple]]] = defaultdict(list)
    for o, other in claims.items():
        if (a := _anchor(other)) is not None and other.draft is not None and other.draft.span is not None:
            found[o.document].append((other.draft.span[0], o, a))
    out = {}
    for document, entries in found.items():
        entries.sort(key=lambda e: e[0])
        out[document] = ([e[0] for e in entries], [(e[1], e[2]) for e in entries])
    return out


def _same_updates(members: list[Member], claims: dict[Member, Claim],
                  anchors_of: dict[str, tuple[list[int], list[tuple[Member, tuple]]]]) -> dict[tuple, list[Member]]:
    """Undated tallies of one measure that belong to one update: each document states, near them, the same
    specific figure of another tally ("the toll had risen to 1,644, while 3,408 people had been injured").

    The anchor dates the tallies as well as a date would: two articles that give the same exact death toll
    report the same official update, so the injured and missing counts beside it are of that update too.
    """
    by_anchor: dict[tuple, list[Member]] = defaultdict(list)
    for m in members:
        claim = claims[m]
        span = claim.draft.span if claim.draft is not None else None
        if span is None or claim.frame is None:
            continue
        starts, near = anchors_of.get(m.document, ([], []))
        lo, hi = bisect.bisect_left(starts, span[0] - ANCHOR_REACH), bisect.bisect_right(starts, span[0] + ANCHOR_REACH)
        anchors = sorted(a for o, a in near[lo:hi] if o != m and a[0] != claim.frame.measure)
        if anchors:
            by_anchor[anchors[0]].append(m)
    out = {}
    for anchor, group in by_anchor.items():
        firsts = {m.document: m for m in sorted(group, key=lambda m: (m.document, m.index))}
        if len(firsts) >= 2:
            out[anchor] = list(firsts.values())
    return out


def _quote_groups(claims: dict[Member, Claim], threshold: float) -> list[MatchGroup]:
    """Quotes of one speaker whose words are alike, joined greedily, best pair first, one per article."""
    by_speaker: dict[str, list[Member]] = defaultdict(list)
    quotes: dict[Member, QuoteValue] = {}
    for member, claim in claims.items():
        if claim.value.kind == "quote":
            by_speaker[claim.value.speaker].append(member)
            quotes[member] = claim.value
    scored: list[tuple[float, Member, Member]] = []
    for members in by_speaker.values():
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                if a.document == b.document:
                    continue
                ca, cb = claims[a], claims[b]
                # plain edit similarity: a short quote is not the same statement as a long one that shares its words
                score = 1.0 if ca.property == cb.property else fuzz.ratio(quotes[a].words, quotes[b].words) / 100
                if score >= threshold:
                    scored.append((score, a, b))
    parent: dict[Member, Member] = {}
    docs: dict[Member, set[str]] = {}
    weakest: dict[Member, float] = {}

    def root(m: Member) -> Member:
        parent.setdefault(m, m)
        docs.setdefault(m, {m.document})
        weakest.setdefault(m, 1.0)
        while parent[m] != m:
            m = parent[m]
        return m

    for score, a, b in sorted(scored, key=lambda s: (-s[0], s[1].document, s[1].index, s[2].document, s[2].index)):
        ra, rb = root(a), root(b)
        if ra == rb or docs[ra] & docs[rb]:
            continue
        parent[rb] = ra
        docs[ra] |= docs[rb]
        weakest[ra] = min(weakest[ra], weakest[rb], score)
    groups: dict[Member, list[Member]] = defaultdict(list)
    for m in list(parent):
        groups[root(m)].append(m)
    return [MatchGroup(tuple(sorted(ms, key=lambda m: (m.document, m.index))), round(weakest[r], 3))
            for r, ms in groups.items() if len(ms) > 1]


def match_claims(documents: Mapping[str, Sequence[Claim]], registry: Registry | None = None,
                 threshold: float = MATCH_THRESHOLD) -> list[MatchGroup]:
    """Groups of claims (two or more documents each) proposed to state the same fact, in a stable order."""
    claims = {Member(document, index): claim for document in sorted(documents)
              for index, claim in enumerate(documents[document])}
    out = _frame_groups(claims) + _quote_groups(claims, threshold)
    return sorted(out, key=lambda g: (g.members[0].document, g.members[0].index))


def _measure_unit(unit: str | None) -> bool:
    """True for a physical unit as drafting writes it ("yd", "km", "kg", "s"), not a counted noun ("carry")."""
    return bool(unit) and (unit in lexicon().units.values() or unit in lexicon().duration_units.values())


def align_keys(documents: Mapping[str, Sequence[Claim]], registry: Registry | None = None,
               threshold: float = MATCH_THRESHOLD) -> dict[str, list[Claim]]:
    """The documents' claims with matched drafted claims rewritten to share one key.

    The shared key is a hand-annotated member's when there is one, else that of the most confident draft
    that names a subject.  Each rewritten draft keeps the match's confidence (the lower of it and its own)
    and is marked for review when that is low; hand-annotated claims are never changed.
    """
    out = {doc: list(claims) for doc, claims in documents.items()}
    for group in match_claims(documents, registry, threshold):
        members = [(m, documents[m.document][m.index]) for m in group.members]
        hand = [c for _, c in members if c.draft is None]
        # without a hand-annotated member every member is a draft
        drafted = [(c, c.draft) for _, c in members if c.draft is not None]
        lead = hand[0] if hand else max(drafted, key=lambda cd: (cd[0].subject != NO_SUBJECT, cd[1].confidence, cd[0].id))[0]
        for m, claim in members:
            if claim.draft is None:
                continue
            confidence = round(min(claim.draft.confidence, group.confidence_of(m)), 2)
            draft = Draft(confidence=confidence, review=confidence < REVIEW_BELOW or claim.draft.review,
                          method=claim.draft.method + "+matched", span=claim.draft.span)
            update: dict = {"draft": draft}
            if claim.value.kind != "quote":
                update |= {"subject": lead.subject, "property": lead.property}
                lead_unit = getattr(lead.value, "unit", None)
                if claim.value.kind == "quantity" and not claim.value.currency and lead_unit \
                        and claim.value.unit != lead_unit and not _measure_unit(lead_unit) \
                        and not _measure_unit(claim.value.unit):
                    # one measure, so they count the same thing ("collaborator" -> "company"); a unit of measure
                    # ("80 yards") is what the figure is in, never a counted thing, so it is left as written
                    update["value"] = claim.value.model_copy(update={"unit": lead_unit})
            else:
                update |= {"property": lead.property}
            out[m.document][m.index] = claim.model_copy(update=update)
    return out
