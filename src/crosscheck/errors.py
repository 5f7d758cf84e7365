"""Diagnostics, the one exception family, and every exit status of the command line.

Every problem with the user's input becomes a `Diagnostic`: a path, a line
and column, a short code, and a message that says what was expected and what
was found.  Only `cli/app.py` catches `CrosscheckError` and turns it into output
and an exit status.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass

EXIT_OK = 0
"""Nothing at or above `--fail-on` was found (or the command had nothing to judge)."""
EXIT_FINDINGS = 1
"""A finding at or above `--fail-on`."""
EXIT_INVALID = 2
"""Invalid input or usage: a `CrosscheckError`, or an argparse usage error."""
EXIT_INTERNAL = 3
"""A bug of crosscheck's: an exception that is not a `CrosscheckError`."""
EXIT_INTERRUPTED = 130
"""Interrupted (Ctrl-C): 128 + SIGINT, as shells report it."""


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One problem in an input file, located as precisely as we can."""

    path: str
    line: int
    column: int
    code: str
    message: str
    json_path: str | None = None
    severity: str = "error"

    def format(self) -> str:
        """The one-line form: `path:line:column: code: message [at $.json.path]`."""
        where = f" [at {self.json_path}]" if self.json_path else ""
        level = "" if self.severity == "error" else f"{self.severity}: "
        return f"{self.path}:{self.line}:{self.column}: {level}{self.code}: {self.message}{where}"

    @property
    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.path, self.line, self.column, self.code, self.message)


class CrosscheckError(Exception):
    """Invalid input or usage; carries the diagnostics that explain it."""

    def __init__(self, diagnostics: Iterable[Diagnostic] | Diagnostic | str):
        if isinstance(diagnostics, str):
            diagnostics = Diagnostic("crosscheck", 1, 1, "usage", diagnostics)
        if isinstance(diagnostics, Diagnostic):
            diagnostics = [diagnostics]
        self.diagnostics = sorted(diagnostics, key=lambda d: d.sort_key)
        super().__init__("\n".join(d.format() for d in self.diagnostics))


class StoreError(CrosscheckError):
    """A claims store that cannot be opened or used (missing, foreign, unknown scheme), located at the store."""

    def __init__(self, store: str, message: str):
        super().__init__(Diagnostic(store, 1, 1, "store", message))


def did_you_mean(found: str, choices: Iterable[str]) -> str:
    """A "; did you mean 'x'?" hint, or an empty string when nothing is close."""
    close = difflib.get_close_matches(found, list(choices), n=1, cutoff=0.6)
    return f"; did you mean {close[0]!r}?" if close else ""


def json_path(loc: Iterable[object]) -> str:
    """Render a location tuple as a JSON path: ('claims', 3, 'value') -> $.claims[3].value."""
    out = "$"
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else f".{part}"
    return out

