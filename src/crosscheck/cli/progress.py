"""What a long check is doing, on standard error: a rich.progress display, or timed lines with `--verbose`.

A check of a few articles takes a fraction of a second and shows nothing; the display
appears only once a run has taken `DELAY` seconds, and only when standard error is a
terminal (a CI log or a pipe gets no spinner frames).  `--quiet` shows nothing at all;
`--verbose` prints each step with the seconds the previous one took, on a terminal or not.
"""

from __future__ import annotations

import sys
import threading
import time
from types import TracebackType
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from rich.progress import Progress, TaskID

DELAY = 1.0
"""Seconds a run takes before the progress display appears."""


class Steps:
    """A context manager whose `step(doing)` is `api.Options.on_progress`."""

    def __init__(self, *, quiet: bool = False, verbose: bool = False, stream: TextIO | None = None) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.quiet = quiet
        self.verbose = verbose and not quiet
        isatty = getattr(self.stream, "isatty", None)
        self.live = not quiet and not self.verbose and bool(isatty and isatty())
        self.started = self.last = time.perf_counter()
        self.doing = "reading the settings"
        self.lock = threading.Lock()
        self.progress: Progress | None = None
        self.task: TaskID | None = None
        self.timer: threading.Timer | None = None

    def __enter__(self) -> Steps:
        if self.live:
            self.timer = threading.Timer(DELAY, self._show)
            self.timer.daemon = True
            self.timer.start()
        return self

    def step(self, doing: str) -> None:
        now = time.perf_counter()
        with self.lock:
            if self.verbose:
                if self.doing:
                    print(f"crosscheck: {self.doing}: {now - self.last:.2f} s", file=self.stream)
                self.last = now
            self.doing = doing
            if self.progress is not None and self.task is not None:
                self.progress.update(self.task, description=doing)

    def _show(self) -> None:
        from rich.console import Console
        from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        with self.lock:
            if self.timer is None:  # the run ended meanwhile
                return
            self.progress = Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
                                     console=Console(file=self.stream), transient=True)
            self.task = self.progress.add_task(self.doing, total=None)
            self.progress.start()

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None) -> None:
        with self.lock:
            if self.timer is not None:
                self.timer.cancel()
                self.timer = None
            if self.progress is not None:
                self.progress.stop()
                self.progress = None
        self.step("")
        if self.verbose and kind is None:
            print(f"crosscheck: done in {time.perf_counter() - self.started:.2f} s", file=self.stream)
