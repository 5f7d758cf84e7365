"""Check a whole claims store (`crosscheck index --store URL`) as one corpus, one fact at a time.

Wiring only: settings -> `api.audit` (the archive streamed in key order, memory bounded by a
batch of fact groups, not the archive) -> reporter -> exit status from `--fail-on`.  A progress
bar goes to standard error when it is a terminal.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from crosscheck import __version__, gate, reporters
from crosscheck.cli.arguments import output_file


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--store", required=True, metavar="URL", help="the claims store: a path, sqlite:///PATH or postgresql://")
    parser.add_argument("--registry", metavar="FILE", help="registry the archived articles are checked with (default: config `registry`)")
    parser.add_argument("--rules", action="append", metavar="DIR", help="extra rules folder (repeatable)")
    formats = ", ".join(reporters.BUILTIN)
    parser.add_argument("-f", "--format", metavar="NAME", help=f"report format: {formats} or a plugin's (default: rich)")
    parser.add_argument("-o", "--output", metavar="FILE", type=output_file,
                        help="write the report to FILE (atomically) instead of standard output (- is standard output)")
    parser.add_argument("--fail-on", choices=gate.FAIL_ON, help="lowest severity that makes the exit status 1 (default: error)")
    colour = parser.add_mutually_exclusive_group()
    colour.add_argument("--color", dest="color", action="store_const", const=True, help="force colour")
    colour.add_argument("--no-color", dest="color", action="store_const", const=False, help="never colour (also: NO_COLOR)")
    parser.add_argument("--width", type=int, metavar="N", help="terminal width for the rich format")


def run(args: argparse.Namespace) -> int:
    from crosscheck import api
    from crosscheck.cli.arguments import print_warning

    options = api.Options(registry=args.registry, rules=args.rules or (), fail_on=args.fail_on, format=args.format)
    settings = api.settings_for(options)
    rules = api.rules(options)
    with _progress() as progress:
        report = api.audit(args.store, registry=settings.registry, rules=rules, progress=progress)
    from crosscheck.load.claim_lines import with_claim_lines

    report = with_claim_lines(report)  # as `check` names them: the claims files' lines, where the files are here
    render = reporters.get(settings.format)
    for problem in reporters.plugin_errors():
        print_warning(f"crosscheck: warning: {problem}")
    render_options = reporters.RenderOptions(
        color=False if args.output else args.color, width=args.width, link_base=settings.link_base,
        rules={rule.id: api.rule_info(rule) for rule in rules}, tool_version=__version__,
    )
    if args.output:
        from crosscheck.io import atomic_writer

        with atomic_writer(args.output) as out:
            render(report, out, render_options)
    else:
        render(report, sys.stdout, render_options)
    return gate.exit_status(report, settings.fail_on)


@contextmanager
def _progress() -> Iterator[Callable[[int, int], None] | None]:
    """A progress bar of claims compared, on standard error when it is a terminal; else no callback."""
    if not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(TextColumn("auditing claims"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("audit", total=None)

        def update(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        yield update
