"""Reusing a whole check when nothing it was computed from has changed.

A check's report depends on the bytes of every claims file, article and the
registry, on the rules as loaded (with their configured params), on the code
that compares (crosscheck and its comparator plugins), on the working directory
(report paths are relative to it) and on whether articles without claims are
drafted.  A run's *identity* names all of these but the file contents; its
*inputs* digest hashes the contents.  After a full run, the report is stored
under its identity with its inputs digest; the next run with the same identity
checks the same files and, when they are unchanged, prints the stored report
without loading a single claim.  Unchanged means equal stat signatures (inode,
size, modification and change times; see `_Stats`) or, failing that, equal
contents: a warm run of an unchanged corpus stats its files and reads none.

Never a stale report: every file the report was computed from is checked again
before it is reused, the stored payload carries its own digest (checked by the
cache) and is validated as a `Report` on the way back, and a report is not
stored when a file it depends on was modified while the run was reading it
(its modification time is not older than the run's start).
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import NonNegativeInt, TypeAdapter, ValidationError

from crosscheck.code_stamp import PACKAGE, file_stamps
from crosscheck.model.base import Frozen
from crosscheck.model.construct import construct
from crosscheck.model.report import ClaimRef, Finding, Report, Summary
from crosscheck.speed.wire import shared_claims

if TYPE_CHECKING:
    from crosscheck.load.read import Sources
    from crosscheck.model.corpus import Document
    from crosscheck.rules import Rule
    from crosscheck.speed.claims_cache import ClaimsCache

FORMAT = 2
RACY_NS = 2_000_000_000
"""A file modified this close to the run's start may have changed while it was read (coarse
file-system clocks): such a run's report is not stored; the next run stores it."""


@dataclass(frozen=True, slots=True)
class Placed:
    """Where a document of a stored run came from: what `--changed` needs to find it."""

    id: str
    article_path: Path
    claims_path: Path | None


@dataclass(frozen=True, slots=True)
class Stored:
    """A reused run: its report, the warnings loading printed, and its documents' files."""

    report: Report
    warnings: list[str]
    documents: list[Placed]


class _StoredFinding(Finding):
    claims: list[NonNegativeInt]  # type: ignore[assignment]  # indices into `_StoredReport.refs`


class _StoredReport(Frozen):
    """A report as stored: each claim once, however many findings involve it.

    A claim restated across a corpus meets many others (108k findings on 400k synthetic claims
    name 80k distinct claims 217k times); stored once, the payload is 40% smaller and validating
    it on the way back half the work.
    """

    version: str
    summary: Summary
    refs: list[ClaimRef]
    findings: list[_StoredFinding]


_BATCH = 2000
"""Claims or findings serialised per part when a report is stored."""


def _encode(report: Report) -> Iterator[bytes]:
    """The report as stored (`_StoredReport` JSON), in parts of a batch of claims or findings each.

    The parts are written to the cache as they come, so a large report is never one value in memory.
    """
    refs, indices = shared_claims(report.findings)
    findings = [construct(_StoredFinding, {**vars(finding), "claims": claims}) for finding, claims in zip(report.findings, indices)]
    head = construct(_StoredReport, {"version": report.version, "summary": report.summary, "refs": [], "findings": []})
    opening = head.__pydantic_serializer__.to_json(head)
    assert opening.endswith(b'"refs":[],"findings":[]}')  # fields in declaration order, lists last
    yield opening[: -len(b'[],"findings":[]}')] + b"["
    parts: tuple[tuple[Sequence[Any], TypeAdapter[Any], bytes], ...] = (
        (refs, _REFS, b'],"findings":['), (findings, _FINDINGS, b"]}"))
    for items, adapter, closing in parts:
        for start in range(0, len(items), _BATCH):
            batch = adapter.dump_json(items[start : start + _BATCH])[1:-1]
            yield b"," + batch if start else batch
        yield closing


_REFS = TypeAdapter(list[ClaimRef])
_FINDINGS = TypeAdapter(list[_StoredFinding])


def _decode(body: bytes | bytearray) -> Report:
    """The stored report, validated; ValidationError or IndexError when it is not what `_encode` wrote."""
    stored = _StoredReport.model_validate_json(body)
    refs = stored.refs
    findings = []
    for entry in stored.findings:
        findings.append(construct(Finding, {**vars(entry), "claims": [refs[i] for i in entry.claims]}))
    return construct(Report, {"version": stored.version, "summary": stored.summary, "diagnostics": [], "findings": findings})


def _code_stamp() -> list[str]:
    """What identifies the comparing code: every file of the crosscheck package, and comparator plugins."""
    from importlib.metadata import entry_points

    stamp = file_stamps(path for path in sorted(PACKAGE.rglob("*")) if "__pycache__" not in path.parts)
    for entry in sorted(entry_points(group="crosscheck.comparators"), key=lambda e: e.name):
        version = entry.dist.version if entry.dist is not None else "?"
        stamp.append(f"plugin {entry.name}={entry.value} {version}")
    return stamp


class _Stats(str):
    """A digest of the files' stat signatures (device, inode, size, modified and changed times), in hex.

    Equal signatures mean the files were not written, replaced or touched since (the `st_ctime`
    of a file changes on every write and cannot be set back), so a warm run stats its inputs
    instead of reading them; any difference falls back to hashing the contents, as git's index
    does.  `modified` and `changed` are the latest modification and change times among them.
    """

    modified: int
    changed: int


def _stat_files(paths: Iterable[Path]) -> _Stats | None:
    """The files' stat signature; None when one cannot be stat'ed."""
    h = hashlib.blake2b(digest_size=20)
    modified = changed = 0
    for path in paths:
        try:
            info = os.stat(path)
        except OSError:
            return None
        modified, changed = max(modified, info.st_mtime_ns), max(changed, info.st_ctime_ns)
        line = f"{path}\0{info.st_dev}\0{info.st_ino}\0{info.st_size}\0{info.st_mtime_ns}\0{info.st_ctime_ns}\n"
        h.update(line.encode("utf-8", "surrogateescape"))
    stats = _Stats(h.hexdigest())
    stats.modified, stats.changed = modified, changed
    return stats


def _hash_files(paths: Iterable[Path]) -> bytes | None:
    """One digest of the paths and their contents, in order; None when a file cannot be read."""
    from crosscheck.load.files import MAX_REGISTRY_BYTES, read_regular

    h = hashlib.blake2b(digest_size=20)
    for path in paths:
        try:
            data = read_regular(path, MAX_REGISTRY_BYTES)  # never a pipe or a device: they would hang the probe
        except (OSError, ValueError):
            return None
        h.update(f"{path}\0{len(data)}\0".encode("utf-8", "surrogateescape"))
        h.update(data)
    return h.digest()


class Probe:
    """One run's identity and, once computed, the digest of its inputs."""

    def __init__(self, sources: Sources, rules: Sequence[Rule], *, draft: bool) -> None:
        from crosscheck import __version__

        self.sources = sources
        self.draft = draft
        self.started_ns = _now_ns()
        described = {
            "format": FORMAT,
            "version": __version__,
            "cwd": os.getcwd(),
            "draft": draft,
            "code": _code_stamp(),
            "rules": [rule.model_dump(mode="json") for rule in rules],
            "claims": [str(path) for path in sources.claims_files],
            "bare": [str(path) for path in sources.articles_without_claims] if draft else [],
            "registry": str(sources.registry) if sources.registry is not None else None,
        }
        self.identity = hashlib.blake2b(json.dumps(described, sort_keys=True).encode(), digest_size=20).digest()

    def _fixed_files(self) -> list[Path]:
        """The files every run of this identity reads: claims files, the registry, articles to draft."""
        files = list(self.sources.claims_files)
        if self.sources.registry is not None:
            files.append(self.sources.registry)
        if self.draft:
            files.extend(self.sources.articles_without_claims)
        return files

    def lookup(self, cache: ClaimsCache) -> Stored | None:
        """The stored run, when every file it was computed from is byte-for-byte unchanged."""
        found = cache.get_report(self.identity)
        if found is None:
            return None
        inputs, header, body = found
        try:
            data = json.loads(header)
            articles = [Path(p) for p in data["articles"]]
            files = self._fixed_files() + articles
            stats = _stat_files(files)
            if stats is None or stats != data["stats"]:  # written, touched or replaced since, or stored unsettled
                if _hash_files(files) != inputs:
                    return None
                if self._settled(stats, stats_too=True):  # the same bytes: next time the signatures suffice
                    cache.update_report_header(self.identity, json.dumps({**data, "stats": stats}).encode())
            report = _decode(body)
            documents = [Placed(d, Path(a), Path(c) if c is not None else None) for d, a, c in data["documents"]]
            warnings = [str(w) for w in data["warnings"]]
        except (ValueError, KeyError, TypeError, IndexError, ValidationError):
            return None  # not what we store: a miss, never a wrong report
        return Stored(report, warnings, documents)

    def store(self, cache: ClaimsCache, documents: Sequence[Document], report: Report, warnings: list[str]) -> bool:
        """Write the run's report into the cache's open transaction; False when a file changed while the run read it."""
        articles = sorted({d.article_path for d in documents if d.claims_path is not None}, key=str)
        files = self._fixed_files() + articles
        stats = _stat_files(files)
        if not self._settled(stats):
            return False  # edited during the run: what was read may not be what is hashed now
        inputs = _hash_files(files)
        if inputs is None or _stat_files(files) != stats:
            return False  # edited while hashed
        header = {
            "articles": [str(path) for path in articles],
            "documents": [[d.id, str(d.article_path), str(d.claims_path) if d.claims_path is not None else None] for d in documents],
            "warnings": warnings,
            "stats": stats if self._settled(stats, stats_too=True) else None,
        }
        cache.put_report(self.identity, inputs, json.dumps(header).encode(), _encode(report))
        return True

    def _settled(self, stats: _Stats | None, *, stats_too: bool = False) -> bool:
        """Whether every file was last modified (and, `stats_too`, changed) well before this run started.

        A file modified just before the run (RACY_NS) may be modified again within the same clock
        tick of a coarse file system: its content is not trusted to the stored report.  The stat
        signature is trusted only once the change times have settled too, since `touch -d` can set
        a modification time back but not a change time.
        """
        limit = self.started_ns - RACY_NS
        return stats is not None and stats.modified < limit and (not stats_too or stats.changed < limit)


def _now_ns() -> int:
    """The file system's idea of now (a file's mtime), so the comparison in `store` is like with like."""
    import time

    return time.time_ns()
