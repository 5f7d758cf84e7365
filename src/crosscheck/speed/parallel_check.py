"""The engine across processes: keys shared out by hash, the parts' findings merged.

Each forked process compares the claims of its share of the keys
(`engine.find` with a `KeyShare`); exactly one also runs the corpus rules,
which group across keys.  `engine.assemble` merges the parts, so the report
is byte for byte the one `engine.check` gives in one process.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from crosscheck import engine
from crosscheck.comparators import Comparator, registry
from crosscheck.engine import Found
from crosscheck.model.corpus import Corpus
from crosscheck.model.report import Report
from crosscheck.rules.schema import Rule
from crosscheck.speed import gcpause, runner, wire

PARALLEL_MIN_CLAIMS = 50_000
"""Below this many claims one process compares faster than forking a second (see `runner.jobs`)."""


class KeyShare:
    """The keys of part `part` of `parts`: those whose hash falls to it (forked children share the hash seed)."""

    __slots__ = ("part", "parts")

    def __init__(self, part: int, parts: int) -> None:
        self.part, self.parts = part, parts

    def __contains__(self, key: object) -> bool:
        return hash(key) % self.parts == self.part


def check(corpus: Corpus, rules: Sequence[Rule], comparators: Mapping[str, Comparator] | None = None, *,
          jobs: int | None = None) -> Report:
    """`engine.check` in `jobs` processes (None: every core for a large corpus, or `CROSSCHECK_JOBS`)."""
    comparators = comparators if comparators is not None else registry().comparators
    if jobs is None:
        jobs = runner.jobs(sum(len(document.claims) for document in corpus.documents), PARALLEL_MIN_CLAIMS)
    parts = max(1, jobs)

    def part(index: int) -> Found:
        keys = KeyShare(index, parts) if parts > 1 else None
        return engine.find(corpus, rules, comparators, keys=keys, corpus_rules=index == parts - 1)

    # Comparing allocates many small, acyclic objects: the cyclic collector would only rescan them.
    with gcpause.paused():
        found = runner.run_parts(part, parts, _pack, _unpack)
    return engine.assemble(corpus, found)


def _pack(found: Found) -> tuple[wire.Packed, int]:
    """A part's findings and waived count, as a child sends them."""
    return wire.pack_findings(found.findings), found.waived


def _unpack(message: tuple[wire.Packed, int]) -> Found:
    packed, waived = message
    return Found(wire.unpack_findings(packed), waived)


__all__ = ["PARALLEL_MIN_CLAIMS", "KeyShare", "check"]
