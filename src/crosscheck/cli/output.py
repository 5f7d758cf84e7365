"""Writing a command's output to standard output when the reader may go away (`| head`).

A reader that closes the pipe early takes what it wanted; the command's exit status must still
be the run's own (a failing check piped into `head` still fails the build), and nothing more is
printed: no second error, no "Exception ignored" line when Python flushes at exit.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable


def delivered(write: Callable[[], object], status: int) -> int:
    """Run `write` (which prints to standard output) and flush it; `status`, even when the reader closed the pipe."""
    try:
        write()
        sys.stdout.flush()
    except BrokenPipeError:
        silence_stdout()
    return status


def silence_stdout() -> None:
    """Point standard output at the null device, so that what is still buffered is dropped without an error."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)
