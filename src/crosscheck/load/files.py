"""Reading one input file: a size cap and UTF-8, every failure a located diagnostic."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from crosscheck.errors import Diagnostic
from crosscheck.load.discovery import display_path

MAX_FILE_BYTES = 20 * 1024 * 1024
"""Largest article, claims or rule file read: anything bigger is not one article's annotation."""
MAX_REGISTRY_BYTES = 512 * 1024 * 1024
"""Largest registry read: it names every entity of the corpus, so it grows with the archive."""

def read_text(path: Path, what: str, limit: int | None = None) -> tuple[str | None, list[Diagnostic]]:
    """Read a UTF-8 file of at most `limit` bytes (default `MAX_FILE_BYTES`); a missing, oversized or
    undecodable file is a located diagnostic.  The path is made displayable (a `realpath`) only for one: every
    rule file is read on every run."""
    limit = MAX_FILE_BYTES if limit is None else limit
    try:
        data = read_regular(path, limit)
    except FileNotFoundError:
        return None, [Diagnostic(display_path(path), 1, 1, "file-missing", f"{what} not found (expected a readable file)")]
    except IsADirectoryError:
        return None, [Diagnostic(display_path(path), 1, 1, "file-missing", f"{what} is a folder (expected a file)")]
    except _NotRegular as exc:
        return None, [Diagnostic(display_path(path), 1, 1, "file-unreadable", f"{what} is {exc} (expected a regular file)")]
    except _TooLarge as exc:
        return None, [Diagnostic(display_path(path), 1, 1, "file-too-large", f"{what} is {exc} bytes (expected at most {limit})")]
    except OSError as exc:
        return None, [Diagnostic(display_path(path), 1, 1, "file-unreadable", f"cannot read {what}: {exc.strerror}")]
    except ValueError:  # a NUL byte in the name
        return None, [Diagnostic(display_path(path), 1, 1, "file-unreadable",
                                 f"cannot read {what}: its name holds a NUL byte (expected a file name)")]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        head = data[: exc.start]
        line = head.count(b"\n") + 1
        column = len(head[head.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        return None, [
            Diagnostic(display_path(path), line, column, "encoding",
                       f"{what} is not valid UTF-8 (expected UTF-8, found byte 0x{data[exc.start]:02x})")
        ]
    return text.removeprefix("\ufeff"), []


class _NotRegular(OSError):
    """A pipe, a device or a socket where a file was expected; the message says which."""


class _TooLarge(OSError):
    """A file over the limit; the message is its size (or "over N" for one that grew while read)."""


_KINDS = ((stat.S_ISFIFO, "a pipe"), (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"))


def read_regular(path: Path, limit: int) -> bytes:
    """The bytes of a regular file of at most `limit` bytes; OSError for anything else.

    Opened without waiting (a pipe with no writer would block the run forever) and checked
    before reading (a device such as /dev/zero never ends); the read stops past `limit` even
    if the file grows meanwhile.
    """
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    try:
        status = os.fstat(fd)
        if stat.S_ISDIR(status.st_mode):
            raise IsADirectoryError(path)
        if not stat.S_ISREG(status.st_mode):
            raise _NotRegular(next((name for test, name in _KINDS if test(status.st_mode)), "not a regular file"))
        if status.st_size > limit:
            raise _TooLarge(str(status.st_size))
        chunks: list[bytes] = []
        total = 0
        while total <= limit:
            chunk = os.read(fd, max(min(limit + 1 - total, 1 << 20), 1))
            if not chunk:
                return b"".join(chunks)
            chunks.append(chunk)
            total += len(chunk)
        raise _TooLarge(f"over {limit}")
    finally:
        os.close(fd)
