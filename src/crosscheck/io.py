"""Atomic file writes: a reader sees the old file or the new one, never half of one."""

from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, TextIO

from crosscheck.errors import CrosscheckError, Diagnostic


def write_atomic(path: str | Path, text: str, *, overwrite: bool = True) -> None:
    """Write `text` to `path` atomically (see `atomic_writer`)."""
    with atomic_writer(path, overwrite=overwrite) as handle:
        handle.write(text)


@contextmanager
def atomic_writer(path: str | Path, *, overwrite: bool = True) -> Iterator[TextIO]:
    """A text handle on a temporary file in `path`'s folder, renamed to `path` when the block ends.

    Whatever the block writes reaches `path` only if the block completes; an exception leaves
    `path` as it was.  With `overwrite=False` an existing file is kept and `FileExistsError`
    raised, so nothing a user wrote is lost by accident.  A file that cannot be written (no such
    folder, no permission, disk full) is a `CrosscheckError` naming `path`, not the temporary file.
    """
    path = Path(path)
    if not overwrite and path.exists():
        raise FileExistsError(path)
    folder = path.parent if str(path.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise _unwritable(path, exc) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        if not overwrite:
            # link() fails if the target appeared meanwhile; rename() would silently replace it
            os.link(tmp, path)
            os.unlink(tmp)
        else:
            os.replace(tmp, path)
    except BaseException as exc:
        if os.path.exists(tmp):
            os.unlink(tmp)
        if isinstance(exc, OSError) and not isinstance(exc, FileExistsError):
            raise _unwritable(path, exc) from None
        raise


def _unwritable(path: Path, exc: OSError) -> CrosscheckError:
    reason = exc.strerror or str(exc)
    return CrosscheckError(Diagnostic(str(path), 1, 1, "output", f"cannot write the file: {reason} (expected a writable path in an existing folder)"))
