"""Using every core: how many processes a job gets, and running its parts in forked children.

Loading and comparing a large corpus are CPU-bound Python, so a second core
only helps in a second process.  Children are forked, never spawned: they
inherit the corpus, registry and rules already in memory, so only their
results travel back (pickled, through a pipe).  Where fork is unavailable the
job runs in one process, with the same result.
"""

from __future__ import annotations

import multiprocessing
import os
from typing import Any, Callable, TypeVar

T = TypeVar("T")


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def jobs(units: int, minimum: int) -> int:
    """Processes for a job of `units` units (this one included), never more than there are units.

    `CROSSCHECK_JOBS` when set; else every core once the job has at least `minimum` units
    (below that, starting a process costs more than it saves); 1 where fork is unavailable.
    """
    wanted = os.environ.get("CROSSCHECK_JOBS")
    if wanted and wanted.isdigit():
        count = int(wanted)
    else:
        count = (os.cpu_count() or 1) if units >= minimum else 1
    if count > 1 and not can_fork():
        return 1
    return max(1, min(count, units))


def run_parts(work: Callable[[int], T], parts: int, pack: Callable[[T], Any], unpack: Callable[[Any], T]) -> list[T]:
    """`[work(0), ..., work(parts - 1)]`: part 0 in this process while forked children do the others.

    A child sends `pack(work(i))`; this process turns it back with `unpack`.  A child that
    fails or dies has its part done again here, so a crash in a child is never a wrong result
    (and a bug shows up here, as it would in one process).
    """
    if parts <= 1 or not can_fork():
        return [work(part) for part in range(parts)]
    context = multiprocessing.get_context("fork")
    children = []
    try:
        for part in range(1, parts):
            reader, writer = context.Pipe(duplex=False)
            process = context.Process(target=_child, args=(work, pack, part, writer), daemon=True)
            process.start()
            writer.close()  # the child holds its copy: EOF here if it dies before sending
            children.append((part, reader, process))
        results: list[Any] = [work(0)]
        for part, reader, process in children:
            try:
                message = reader.recv()
            except (EOFError, OSError):
                message = None
            reader.close()
            process.join()
            results.append(work(part) if message is None else unpack(message))
        return results
    finally:  # this process failed (or was interrupted): no child outlives it
        for _part, reader, process in children:
            if process.is_alive():
                process.terminate()
                process.join()
            reader.close()


def _child(work: Callable[[int], Any], pack: Callable[[Any], Any], part: int, writer: Any) -> None:
    try:
        message = pack(work(part))
    except BaseException:  # noqa: BLE001 - the parent does this part again and meets the error itself
        message = None
    writer.send(message)
    writer.close()
