"""What identifies a version of crosscheck's own code, for the caches that must not outlive it."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
"""The installed `crosscheck` package folder."""


def file_stamps(paths: Iterable[Path]) -> list[str]:
    """`relative/path size mtime_ns` of each file among `paths` (relative to `PACKAGE`), in the given order.

    A changed, added or removed file changes the stamp; reading names, sizes and times, not contents,
    keeps it cheap on every run.
    """
    stamps = []
    for path in paths:
        if path.is_file():
            info = path.stat()
            stamps.append(f"{path.relative_to(PACKAGE).as_posix()} {info.st_size} {info.st_mtime_ns}")
    return stamps
