"""The hostile-input campaign (issue 19): mutate claims files, articles, rules and configuration,
run the command line on each, and check that it never crashes, never hangs and never touches
what is not its own.

Each input is a small corpus written into a fresh folder, then one command run in-process on it.
An input fails when the command

- exits 3 (an internal error: every bad input must be a located error, exit 2),
- takes over `HANG_SECONDS` of processor time, or is still running after `STOP_SECONDS` by the
  clock (blocked: waiting on a pipe, a lock),
- changes any file it was given (content or mode, compared by hash), or
- writes any file but its named output and its own cache folder (`.crosscheck/`).

    python benchmarks/fuzz.py --inputs 100000          # the long campaign (both cores: --workers 2)
    python benchmarks/fuzz.py --inputs 2000 --seed 7   # a shorter one, reproducible by its seed

`tests/test_fuzz_campaign.py` runs the same cases briefly under hypothesis on every test run.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import io
import multiprocessing
import os
import random
import shutil
import signal
import stat
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

HANG_SECONDS = 10.0
STOP_SECONDS = 60.0
"""A run still going after this long by the clock is stopped and counted as a hang.  The clock alone
does not judge a hang: on a machine shared with other work a run of one second of processor time
can take ten by the clock, so runs are judged by the processor time they used."""

ARTICLE = (
    "Acme Corp said on Monday that 5 people were hired in March 2024, about 12% of its staff.\n"
    "\n"
    "The company, based in Springfield, expects revenue of $3 million by 2025, its chief Jane Doe said.\n"
)
CLAIMS = """version: 1
document:
  article: a.txt
  title: Acme hires
  published: 2024-03-10
claims:
  - id: c1
    subject: acme
    property: hires
    text: 5 people
    quote: 5 people were hired
    value: {kind: quantity, amount: 5, unit: person}
  - id: c2
    subject: acme
    property: revenue
    text: $3 million
    quote: revenue of $3 million by 2025
    value: {kind: quantity, amount: 3, scale: million, unit: USD}
  - id: c3
    subject: acme
    property: share
    text: about 12%
    quote: about 12% of its staff
    value: {kind: percentage, amount: 12, approx: about}
"""
OTHER_ARTICLE = "Acme Corp said 6 people were hired in March 2024.\n"
OTHER_CLAIMS = CLAIMS.replace("a.txt", "b.txt").split("  - id: c2")[0].replace("amount: 5", "amount: 6").replace("5 people", "6 people")
RULE = (Path(__file__).resolve().parents[1] / "rules" / "CC101.yaml").read_text(encoding="utf-8").replace("CC101", "XX901")
CONFIG = '[tool.crosscheck]\nfail_on = "error"\nformat = "json"\n'

HOSTILE = [
    "", " ", ": ", "- ", "\n", "\r", "\r\n", "\t", "\x00", "\x0b", "\x85", "\u2028", "\u2029", "\u200b", "\u200e",
    "\u202e", "\u2066", "\ufeff", "\x1b[31m", "\x9b", "&a ", "*a ", "!!timestamp ", "!!binary ", "!!python/object ",
    "<<: ", "? ", "| ", "> ", "%YAML 1.1\n", "---\n", "...\n", "#", '"', "'", "{", "}", "[", "]", ",",
    "2024-02-30", "0000-00-00", "9999-12-31", "0001-01-01", "1e309", ".inf", "-.inf", ".nan", "0x1F", "0o17", "1_000",
    "9" * 400, "9" * 5000, "-0", "yes", "no", "~", "null", "[" * 200 + "]" * 200, "{a: " * 60 + "1" + "}" * 60,
    "between 5 and 3 ", "\u00b2", "\u0660\u0661", "{a:>99999}", "{a:d}", "{a!x}", "{a.__class__}", "{}", "%s",
    "$x$", "::error::", "##[error]", "<script>", "@user", "../", "/etc/passwd", "a" * 300, "\udcff",
]
"""Tokens known to have broken YAML loaders, date and number handling, templates, escaping or paths."""
TOML_HOSTILE = ["tool = 5\n", "[[tool.crosscheck]]\n", "jobs = \u00b2\n", "rules = \"\x00\"\n", "registry = 5\n",
                "fail_on = [1]\n", "[tool.crosscheck.params]\nCC101 = 5\n", "x = " + "9" * 5000 + "\n", "format = \"\"\n"]


class Chooser(Protocol):
    """Where the random decisions come from: `random.Random` for the campaign, hypothesis's draws in the tests."""

    def randint(self, low: int, high: int) -> int: ...


def _pick(chooser: Chooser, items: Sequence[str]) -> str:
    return items[chooser.randint(0, len(items) - 1)]


def mutate(text: str, chooser: Chooser, tokens: Sequence[str] = HOSTILE) -> str:
    """One to four edits of `text`: insert a hostile token, delete or repeat a span, replace a line, or
    swap a byte for one that is not UTF-8 (kept as a lone surrogate, written back as the raw byte)."""
    for _edit in range(chooser.randint(1, 4)):
        at = chooser.randint(0, len(text))
        operation = chooser.randint(0, 5)
        if operation <= 1:
            text = text[:at] + _pick(chooser, tokens) + text[at:]
        elif operation == 2:
            text = text[:at] + text[at + chooser.randint(1, 40):]
        elif operation == 3:
            span = text[at : at + chooser.randint(1, 80)]
            text = text[:at] + span * chooser.randint(2, 50) + text[at:]
        elif operation == 4:
            lines = text.split("\n")
            line = chooser.randint(0, len(lines) - 1)
            head = lines[line].split(":")[0]
            lines[line] = f"{head}: {_pick(chooser, tokens)}"
            text = "\n".join(lines)
        else:
            text = text[:at] + "\udcff" + text[at + 1:]
    return text


@dataclass
class Case:
    """One input: the files of a corpus (name -> text) and the command to run on it."""

    files: dict[str, str]
    command: list[str]
    output: str | None = None
    """The file the command is told to write (-o), if any."""
    special: str | None = None
    """A special file to add: "fifo" or "devzero" (a symlink to /dev/zero), named `special_name`."""
    special_name: str = "c.txt"
    links: dict[str, str] = field(default_factory=dict)
    """Symlinks to add: name -> target (relative targets stay inside the case folder)."""
    modes: dict[str, int] = field(default_factory=dict)
    """Permissions to set on files after writing them."""


def make_case(chooser: Chooser) -> Case:
    """A corpus with one part mutated (claims file, article, rule file or configuration) and a command for it."""
    files = {"a.txt": ARTICLE, "a.claims.yaml": CLAIMS, "b.txt": OTHER_ARTICLE, "b.claims.yaml": OTHER_CLAIMS}
    target = chooser.randint(0, 5)
    extra: list[str] = []
    if target <= 1:
        files["a.claims.yaml"] = mutate(CLAIMS, chooser)
    elif target == 2:
        files["a.txt"] = mutate(ARTICLE, chooser)
        if chooser.randint(0, 1):
            files["d.txt"] = mutate(ARTICLE, chooser)  # a bare article: drafted
    elif target == 3:
        files["rules/XX901.yaml"] = mutate(RULE, chooser)
        extra = ["--rules", "rules"]
    elif target == 4:
        files["pyproject.toml"] = mutate(CONFIG, chooser, TOML_HOSTILE + HOSTILE[:30]) + _pick(chooser, TOML_HOSTILE)
    else:
        files["registry.yaml"] = mutate("entities:\n  - id: acme\n    name: Acme Corp\n", chooser)
    commands = [
        ["check", ".", "-f", "json", "-o", "out/report.json"],
        ["check", ".", "--no-cache", "-f", "markdown"],
        ["check", ".", "-f", "sarif"],
        ["validate", "."],
        ["extract", "a.txt"],
        ["check", ".", "-f", "github", "--no-cache"],
    ]
    command = commands[chooser.randint(0, len(commands) - 1)]
    if command[0] == "extract" and target != 2:
        files["a.txt"] = mutate(ARTICLE, chooser)
    case = Case(files, command + (extra if command[0] != "extract" else []))
    if "-o" in command:
        case.output = command[command.index("-o") + 1]
    special = chooser.randint(0, 30)
    if special == 0:
        case.special = "fifo"
    elif special == 1:
        case.special = "devzero"
    return case


@dataclass
class Outcome:
    """What one input did: its exit status, how long it took, and what went wrong (empty when nothing)."""

    status: int
    seconds: float
    """By the clock."""
    problems: list[str] = field(default_factory=list)
    out: str = ""
    err: str = ""
    processor_seconds: float = 0.0
    """Processor time the run used (this process, every thread)."""


def _write(folder: Path, case: Case) -> None:
    for name, text in case.files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8", "surrogateescape"))
    if case.special == "fifo":
        os.mkfifo(folder / case.special_name)
    elif case.special == "devzero":
        (folder / case.special_name).symlink_to("/dev/zero")
    for name, target in case.links.items():
        (folder / name).symlink_to(target)
    for name, mode in case.modes.items():
        (folder / name).chmod(mode)
    if case.output:
        (folder / case.output).parent.mkdir(parents=True, exist_ok=True)


def snapshot(folder: Path) -> dict[str, str]:
    """Every entry under `folder` (symlinks not followed) -> a hash of its type, mode and content."""
    found = {}
    for path in sorted(folder.rglob("*")):
        info = path.lstat()
        kind = stat.S_IFMT(info.st_mode)
        digest = hashlib.blake2b(f"{kind} {stat.S_IMODE(info.st_mode)}".encode(), digest_size=16)
        if stat.S_ISREG(info.st_mode) and os.access(path, os.R_OK):
            digest.update(path.read_bytes())
        elif stat.S_ISLNK(info.st_mode):
            digest.update(os.fsencode(os.readlink(path)))
        found[path.relative_to(folder).as_posix()] = digest.hexdigest()
    return found


class _Hang(BaseException):  # not an Exception: the command line turns those into exit 3
    pass


def _alarm(_signum: int, _frame: object) -> None:
    raise _Hang


def run_case(case: Case, root: Path) -> Outcome:
    """Write the case under `root`, run its command there, and judge what it did."""
    from crosscheck.cli import main

    folder = Path(tempfile.mkdtemp(dir=root))
    _write(folder, case)
    before = snapshot(folder)
    out, err = io.StringIO(), io.StringIO()
    cwd = os.getcwd()
    os.chdir(folder)
    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, STOP_SECONDS)  # a run this long is a hang: stop it, report it
    started, started_processor = time.monotonic(), time.process_time()
    status = -1
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                status = main(list(case.command))
            except SystemExit as exc:
                status = int(exc.code or 0) if not isinstance(exc.code, str) else 2
    except _Hang:
        status = -1
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        os.chdir(cwd)
    seconds, processor = time.monotonic() - started, time.process_time() - started_processor
    outcome = Outcome(status, seconds, out=out.getvalue()[-4000:], err=err.getvalue()[-2000:], processor_seconds=processor)
    if status == 3:
        outcome.problems.append("internal error (exit 3)")
    if status == -1 or processor > HANG_SECONDS:
        outcome.problems.append(f"took {processor:.1f} s of processor time, {seconds:.1f} s by the clock")
    after = snapshot(folder)
    for name, digest in before.items():
        if after.get(name) != digest:
            outcome.problems.append(f"changed or removed an input: {name}")
    for name in after.keys() - before.keys():
        if name == case.output or name.startswith(".crosscheck"):
            continue
        outcome.problems.append(f"wrote a file it was not asked to: {name}")
    for name in case.modes:
        (folder / name).chmod(0o700)
    shutil.rmtree(folder, ignore_errors=True)
    return outcome


Failure = tuple[int, list[str], str]
"""An input that failed: its number, its problems and the end of what it printed on stderr."""


@dataclass
class Tally:
    """What a batch of inputs did, added up."""

    inputs: int = 0
    internal: int = 0
    hangs: int = 0
    changed: int = 0
    slowest_processor: float = 0.0
    slowest_clock: float = 0.0
    over_by_clock: int = 0
    """Runs over `HANG_SECONDS` by the clock but not by processor time: a busy machine, not a hang."""
    failures: list[Failure] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        self.inputs += other.inputs
        self.internal += other.internal
        self.hangs += other.hangs
        self.changed += other.changed
        self.slowest_processor = max(self.slowest_processor, other.slowest_processor)
        self.slowest_clock = max(self.slowest_clock, other.slowest_clock)
        self.over_by_clock += other.over_by_clock
        self.failures.extend(other.failures)


def _worker(job: tuple[int, int, int, str]) -> Tally:
    """Run inputs `first`..`first + count - 1` of the campaign `seed`; return the tallies and the failures."""
    first, count, seed, root = job
    tally = Tally(inputs=count)
    for number in range(first, first + count):
        outcome = run_case(make_case(random.Random(f"{seed}:{number}")), Path(root))
        tally.slowest_processor = max(tally.slowest_processor, outcome.processor_seconds)
        tally.slowest_clock = max(tally.slowest_clock, outcome.seconds)
        tally.over_by_clock += outcome.seconds > HANG_SECONDS and outcome.processor_seconds <= HANG_SECONDS
        if outcome.problems:
            tally.failures.append((number, outcome.problems, outcome.err))
            tally.internal += any("exit 3" in p for p in outcome.problems)
            tally.hangs += any(p.startswith("took") for p in outcome.problems)
            tally.changed += any(p.startswith(("changed", "wrote")) for p in outcome.problems)
    return tally


def campaign(inputs: int, seed: int, workers: int, chunk: int = 200) -> int:
    """Run `inputs` inputs in `workers` processes; print the figures and every failure; 1 if any input failed."""
    root = tempfile.mkdtemp(prefix="crosscheck-fuzz-")
    # one drafting run before the workers fork: they inherit the imports and the parsing pipeline,
    # so no input is charged with their start-up (seconds on a busy machine, over HANG_SECONDS at worst)
    run_case(Case({"a.txt": ARTICLE}, ["extract", "a.txt"]), Path(root))
    jobs = [(first, min(chunk, inputs - first), seed, root) for first in range(0, inputs, chunk)]
    total = Tally()
    started = time.monotonic()
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        for tally in pool.imap_unordered(_worker, jobs):
            total.add(tally)
            for number, problems, err in tally.failures:  # as they come: a long run can be stopped once it has found something
                print(f"input {number} (seed {seed}): {'; '.join(problems)}\n  {err.strip()[-400:]}", flush=True)
            elapsed = time.monotonic() - started
            print(f"{total.inputs} inputs, {total.internal} internal errors, {total.hangs} hangs, {total.changed} changed files "
                  f"({elapsed:.0f} s)", flush=True)
    shutil.rmtree(root, ignore_errors=True)
    print(f"campaign: {total.inputs} inputs, {total.internal} internal errors, {total.hangs} hangs over {HANG_SECONDS:.0f} s, "
          f"{total.changed} changed files; slowest run {total.slowest_processor:.1f} s of processor time, "
          f"{total.slowest_clock:.1f} s by the clock ({total.over_by_clock} over {HANG_SECONDS:.0f} s by the clock only); "
          f"{time.monotonic() - started:.0f} s in all")
    return 1 if total.failures else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--inputs", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=19)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args(argv)
    return campaign(args.inputs, args.seed, args.workers)


if __name__ == "__main__":
    sys.exit(main())
