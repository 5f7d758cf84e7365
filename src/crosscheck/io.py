"""Atomic file writes: a reader sees the old file or the new one, never half of one."""

from __future__ import annotations

import errno
import os
import secrets
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from crosscheck.errors import CrosscheckError, Diagnostic

_NEW_FILE_MODE = 0o666
"""What a new file asks for; the kernel takes the umask (and any default ACL) off, as for `open(path, "w")`."""


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
    The file gets the permissions any other program's new file would (0666 less the umask); a file
    it replaces keeps its own.  A device or a pipe (`-o /dev/null`, `-o /dev/stdout` into a pipe)
    is written into, not replaced: renaming over it would put a plain file where the device was.
    A symlink is written through: the file it points to is replaced, the link stays.  The
    temporary file has no name until the block completes (Linux's O_TMPFILE), so a run killed
    mid-write leaves nothing behind; elsewhere a named one is removed on any exception.
    """
    path = Path(path)
    if not overwrite and path.exists():
        raise FileExistsError(path)
    if path.is_symlink():
        path = Path(os.path.realpath(path))
    target = _status(path)
    if target is not None and not (stat.S_ISREG(target.st_mode) or stat.S_ISDIR(target.st_mode)):
        with _written_through(path) as handle:
            yield handle
        return
    folder = path.parent if str(path.parent) else Path(".")
    try:
        fd, tmp = _create_temporary(folder, path.name)
    except OSError as exc:
        raise _unwritable(path, exc) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            if target is not None and stat.S_ISREG(target.st_mode):
                # only the read/write/execute bits: a set-user-id bit is not handed on to a report
                os.fchmod(handle.fileno(), stat.S_IMODE(target.st_mode) & 0o777)
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
            if tmp is None:
                tmp = _name_temporary(handle.fileno(), folder, path.name)
        if not overwrite:
            # link() fails if the target appeared meanwhile; rename() would silently replace it
            os.link(tmp, path)
            os.unlink(tmp)
        else:
            os.replace(tmp, path)
    except BaseException as exc:
        if tmp is not None and os.path.exists(tmp):
            os.unlink(tmp)
        if isinstance(exc, OSError) and not isinstance(exc, FileExistsError):
            raise _unwritable(path, exc) from None
        raise


def _create_temporary(folder: Path, name: str) -> tuple[int, str | None]:
    """A new, empty file in `folder`, opened for writing: unnamed (None) where the system allows.

    Not `tempfile.mkstemp`: it creates its files 0600 whatever the umask, and the rename would
    hand that mode on to the user's report.
    """
    unnamed = getattr(os, "O_TMPFILE", 0)
    if unnamed and os.path.isdir("/proc/self/fd"):
        try:
            return os.open(folder, unnamed | os.O_WRONLY | getattr(os, "O_CLOEXEC", 0), _NEW_FILE_MODE), None
        except OSError as exc:
            if exc.errno not in (errno.EOPNOTSUPP, errno.EISDIR, errno.EINVAL):
                raise  # no such folder, no permission: the named way would fail the same
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    while True:
        tmp = os.path.join(folder, f".{name}.{secrets.token_hex(4)}.tmp")
        try:
            return os.open(tmp, flags, _NEW_FILE_MODE), tmp
        except FileExistsError:
            continue


def _name_temporary(fd: int, folder: Path, name: str) -> str:
    """Give the finished unnamed file a name beside `name` (for the rename that publishes it)."""
    while True:
        tmp = os.path.join(folder, f".{name}.{secrets.token_hex(4)}.tmp")
        try:
            _link_following(f"/proc/self/fd/{fd}", tmp)
            return tmp
        except FileExistsError:
            continue


def _link_following(source: str, name: str) -> None:
    """linkat(2) with AT_SYMLINK_FOLLOW: os.link calls plain link(2), which will not follow /proc's fd links."""
    import ctypes  # only where a report is written

    libc = ctypes.CDLL(None, use_errno=True)
    at_fdcwd, at_symlink_follow = -100, 0x400
    if libc.linkat(at_fdcwd, os.fsencode(source), at_fdcwd, os.fsencode(name), at_symlink_follow) != 0:
        code = ctypes.get_errno()
        raise OSError(code, os.strerror(code), name)


def _status(path: Path) -> os.stat_result | None:
    """What `path` is now (following links), or None when nothing is there."""
    try:
        return os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        return None


@contextmanager
def _written_through(path: Path) -> Iterator[TextIO]:
    """A text handle straight on `path`, for targets that cannot be swapped atomically."""
    try:
        with open(path, "w", encoding="utf-8", newline="") as handle:
            yield handle
    except OSError as exc:
        raise _unwritable(path, exc) from None


def _unwritable(path: Path, exc: OSError) -> CrosscheckError:
    reason = exc.strerror or str(exc)
    return CrosscheckError(Diagnostic(str(path), 1, 1, "output",
                                      f"cannot write the file: {reason} (expected a writable path in an existing folder)"))
