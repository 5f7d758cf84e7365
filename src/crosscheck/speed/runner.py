"""The one process pool: how many processes a job gets, and running its parts in forked children.

Loading and comparing a large corpus are CPU-bound Python, so a second core
only helps in a second process.  Children are forked, never spawned: they
inherit the corpus, registry and rules already in memory, so only their
results travel back (packed, pickled, through a pipe each).  Every process,
this one included, takes the next part from a shared counter whenever it is
free, so uneven parts balance; this process unpacks children's results
between its own parts.  A part whose child fails or dies is done again here,
so a crash in a child is never a wrong result, and a bug shows up here as it
would in one process.  Where fork is unavailable the job runs in one process,
with the same result.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator
from multiprocessing.connection import wait
from typing import Any, TypeVar

from crosscheck.errors import CrosscheckError, Diagnostic

T = TypeVar("T")

_PIPE_BYTES = 1 << 20
"""Pipe buffer asked for (Linux): a child can run a few parts ahead of this process without blocking."""


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def jobs(units: int, minimum: int) -> int:
    """Processes for a job of `units` units (this one included), never more than there are units.

    `CROSSCHECK_JOBS` when set; else every core once the job has at least `minimum` units
    (below that, starting a process costs more than it saves); 1 where fork is unavailable.
    """
    wanted = os.environ.get("CROSSCHECK_JOBS", "").strip()
    if wanted:
        if not (wanted.isascii() and wanted.isdigit()):  # "²".isdigit() is true, but int() refuses it
            raise CrosscheckError(Diagnostic("CROSSCHECK_JOBS", 1, 1, "usage",
                                             f"not a number of processes: {wanted!r} (expected a whole number such as 4)"))
        count = int(wanted)
    else:
        count = (os.cpu_count() or 1) if units >= minimum else 1
    if count > 1 and not can_fork():
        return 1
    return max(1, min(count, units))


def run_parts(work: Callable[[int], T], parts: int, pack: Callable[[T], Any], unpack: Callable[[Any], T]) -> list[T]:
    """`[work(0), ..., work(parts - 1)]`, in as many processes as there are parts."""
    results: list[Any] = [None] * parts
    for index, result in run_each(work, parts, parts, pack, unpack):
        results[index] = result
    return results


def run_each(
    work: Callable[[int], T], parts: int, processes: int, pack: Callable[[T], Any], unpack: Callable[[Any], T],
) -> Iterator[tuple[int, T]]:
    """`(i, work(i))` for every part i, as each is done, in `processes` processes (this one included).

    A child sends `pack(work(i))`; this process turns it back with `unpack`.  The results come
    in no set order: a caller that keeps them in part order gets what one process gives.
    """
    processes = min(processes, parts)
    if processes <= 1 or not can_fork():
        for part in range(parts):
            yield part, work(part)
        return
    context = multiprocessing.get_context("fork")
    counter = context.Value("q", 0)
    readers: list[Any] = []
    children: list[Any] = []
    done: set[int] = set()
    failed = True
    try:
        for _ in range(processes - 1):
            reader, writer = context.Pipe(duplex=False)
            _grow_pipe(writer.fileno())
            process = context.Process(target=_child, args=(work, pack, parts, counter, writer), daemon=True)
            process.start()
            writer.close()  # the child holds its copy: EOF here once it exits
            readers.append(reader)
            children.append(process)
        while (index := _take(counter, parts)) is not None:
            result = work(index)
            done.add(index)
            yield index, result
            for sent, message in _messages(readers, timeout=0):
                done.add(sent)
                yield sent, unpack(message)
        for sent, message in _messages(readers, timeout=None):
            done.add(sent)
            yield sent, unpack(message)
        for missing in range(parts):
            if missing not in done:  # its child failed or died
                yield missing, work(missing)
        failed = False
    finally:  # also when this process failed or was interrupted: no child outlives it
        for reader in readers:
            reader.close()
        for process in children:
            process.join(timeout=0 if failed else 1)
            if process.is_alive():
                process.terminate()
                process.join()


def _messages(readers: list[Any], timeout: float | None) -> Iterator[tuple[int, Any]]:
    """The children's results that have arrived (all of them, until every child is gone, when `timeout` is None)."""
    while readers:
        ready: list[Any] = wait(readers, timeout)
        if not ready:
            return
        for reader in ready:
            try:
                message = reader.recv()
            except (EOFError, OSError):
                readers.remove(reader)
                reader.close()
                continue
            yield message


def _take(counter: Any, total: int) -> int | None:
    with counter.get_lock():
        index = counter.value
        if index >= total:
            return None
        counter.value = index + 1
    return index


def _child(work: Callable[[int], Any], pack: Callable[[Any], Any], parts: int, counter: Any, writer: Any) -> None:
    """In a child: do parts until none is left, sending each one's result; stop at the first failure."""
    try:
        while (index := _take(counter, parts)) is not None:
            writer.send((index, pack(work(index))))
    except BaseException:
        pass
    finally:
        writer.close()


def _grow_pipe(fd: int) -> None:
    try:
        import fcntl

        fcntl.fcntl(fd, getattr(fcntl, "F_SETPIPE_SZ", 1031), _PIPE_BYTES)
    except (ImportError, OSError):  # pragma: no cover - not Linux, or a lower limit: smaller steps
        pass
