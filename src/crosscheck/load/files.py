"""Reading one input file: a size cap and UTF-8, every failure a located diagnostic."""

from __future__ import annotations

from pathlib import Path

from crosscheck.errors import Diagnostic
from crosscheck.load.discovery import display_path

MAX_FILE_BYTES = 20 * 1024 * 1024
"""Largest article, claims or rule file read: anything bigger is not one article's annotation."""
MAX_REGISTRY_BYTES = 512 * 1024 * 1024
"""Largest registry read: it names every entity of the corpus, so it grows with the archive."""

def read_text(path: Path, what: str, limit: int | None = None) -> tuple[str | None, list[Diagnostic]]:
    """Read a UTF-8 file of at most `limit` bytes (default `MAX_FILE_BYTES`); a missing, oversized or
    undecodable file is a located diagnostic."""
    shown = display_path(path)
    limit = MAX_FILE_BYTES if limit is None else limit
    try:
        size = path.stat().st_size
        if size > limit:
            return None, [Diagnostic(shown, 1, 1, "file-too-large", f"{what} is {size} bytes (expected at most {limit})")]
        data = path.read_bytes()
    except FileNotFoundError:
        return None, [Diagnostic(shown, 1, 1, "file-missing", f"{what} not found (expected a readable file)")]
    except IsADirectoryError:
        return None, [Diagnostic(shown, 1, 1, "file-missing", f"{what} is a folder (expected a file)")]
    except OSError as exc:
        return None, [Diagnostic(shown, 1, 1, "file-unreadable", f"cannot read {what}: {exc.strerror}")]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        head = data[: exc.start]
        line = head.count(b"\n") + 1
        column = len(head[head.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        return None, [
            Diagnostic(shown, line, column, "encoding", f"{what} is not valid UTF-8 (expected UTF-8, found byte 0x{data[exc.start]:02x})")
        ]
    return text.removeprefix("\ufeff"), []
