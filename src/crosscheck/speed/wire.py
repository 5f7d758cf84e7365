"""Findings in a compact form, to hand between processes and to store.

The engine shares one ClaimRef per claim, however many findings name it (a
figure restated across a corpus meets many others), so a sent or stored
report need hold each only once (`shared_claims`).  Pickling the models
themselves costs ten times more than plain tuples (pydantic's `__setstate__`
per object), hence `pack_findings`.  Only the model is imported here: the report
cache uses this on a warm run, which never needs the engine.
"""

from __future__ import annotations

from crosscheck.model.construct import construct
from crosscheck.model.report import ClaimRef, Finding
from crosscheck.model.values import Interval

Packed = tuple[list[tuple], list[tuple]]
"""Findings as rows whose claims are indices into a list of claim rows."""


def shared_claims(findings: list[Finding]) -> tuple[list[ClaimRef], list[list[int]]]:
    """Each claim of the findings once, and each finding's claims as indices into that list."""
    index: dict[int, int] = {}
    refs: list[ClaimRef] = []
    indices = []
    for finding in findings:
        claims = []
        for ref in finding.claims:
            at = index.get(id(ref))
            if at is None:  # `refs` keeps each alive, so its id stays its own
                at = index[id(ref)] = len(refs)
                refs.append(ref)
            claims.append(at)
        indices.append(claims)
    return refs, indices


def pack_findings(findings: list[Finding]) -> Packed:
    """Findings as plain tuples, each claim once: a compact, fast-to-pickle form."""
    refs, indices = shared_claims(findings)
    packed_refs = []
    for ref in refs:
        values = ref.__dict__
        interval = values["interval"]
        if interval is not None:
            values = {**values, "interval": tuple(interval.__dict__.values())}
        packed_refs.append(tuple(values.values()))
    rows = [tuple({**finding.__dict__, "claims": claims}.values()) for finding, claims in zip(findings, indices)]
    return rows, packed_refs


def unpack_findings(packed: Packed) -> list[Finding]:
    """The findings `pack_findings` packed, sharing ClaimRefs as the originals did."""
    rows, packed_refs = packed
    ref_fields, interval_fields, finding_fields = list(ClaimRef.model_fields), list(Interval.model_fields), list(Finding.model_fields)
    at_interval = ref_fields.index("interval")
    refs = []
    for row in packed_refs:
        values = dict(zip(ref_fields, row))
        if row[at_interval] is not None:
            values["interval"] = construct(Interval, dict(zip(interval_fields, row[at_interval])))
        refs.append(construct(ClaimRef, values))
    findings = []
    for row in rows:
        values = dict(zip(finding_fields, row))
        values["claims"] = [refs[at] for at in values["claims"]]
        findings.append(construct(Finding, values))
    return findings
