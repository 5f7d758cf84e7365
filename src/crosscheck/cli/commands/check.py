"""Compare the claims of every article and report where they disagree.

Wiring only: configuration -> load and validate the corpus (exit 2 on invalid
input) -> rules engine over the whole corpus (inline waivers apply there) -> baseline ->
`--changed`/`--since` filter -> reporter -> exit status from `--fail-on`.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from typing import TYPE_CHECKING

from crosscheck import __version__, gate, reporters
from crosscheck.cli.arguments import (
    add_cache_arguments,
    add_corpus_arguments,
    corpus_options,
    non_negative_int,
    output_file,
    positive_int,
    print_warning,
)
from crosscheck.cli.output import delivered
from crosscheck.cli.progress import Steps
from crosscheck.errors import EXIT_INVALID, EXIT_OK, CrosscheckError

if TYPE_CHECKING:
    from crosscheck import api


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_corpus_arguments(parser)
    add_cache_arguments(parser)
    parser.add_argument("--against", metavar="STORE",
                        help="compare the given articles only with the claims store STORE (see `crosscheck index`)")
    parser.add_argument("-f", "--format", metavar="NAME",
                        help=f"report format: {', '.join(reporters.BUILTIN)} or a plugin's (default: rich)")
    parser.add_argument("-o", "--output", metavar="FILE", type=output_file,
                        help="write the report to FILE (atomically) instead of standard output (- is standard output)")
    parser.add_argument("--fail-on", choices=gate.FAIL_ON, help="lowest severity that makes the exit status 1 (default: error)")
    parser.add_argument("--baseline", metavar="FILE", help="hide findings recorded in FILE by `crosscheck baseline`")
    parser.add_argument("--no-baseline", action="store_true", help="ignore the configured baseline")
    parser.add_argument("--changed", nargs="+", metavar="FILE",
                        help="report only findings involving these articles or claims files (each must exist); "
                             "a changed registry, rule folder or config file counts every finding as changed")
    parser.add_argument("--since", metavar="GIT_REF",
                        help="like --changed, with the files changed since the merge base of GIT_REF and HEAD")
    parser.add_argument("--stdin-name", metavar="NAME",
                        help="with PATH -: the name of the article read from standard input (its folder's corpus is the one compared)")
    parser.add_argument("--show-files", action="store_true", help="list the files the check would read, and exit")
    parser.add_argument("--link-base", metavar="URL", help="Markdown: link each quote to URL/path#Lline")
    colour = parser.add_mutually_exclusive_group()
    colour.add_argument("--color", dest="color", action="store_const", const=True, help="force colour")
    colour.add_argument("--no-color", dest="color", action="store_const", const=False, help="never colour (also: NO_COLOR)")
    parser.add_argument("--width", type=positive_int, metavar="N", help="terminal width for the rich format")
    parser.add_argument("--max-findings", type=positive_int, metavar="N",
                        help="rich, markdown: show the N most severe findings and count the others")
    parser.add_argument("--max-chars", type=non_negative_int, metavar="N",
                        help=f"markdown: at most N characters, findings left out counted (default: {reporters.PR_COMMENT_LIMIT:,}, "
                             "a pull-request comment; 0: no limit)")
    parser.add_argument("--full-report", metavar="WHERE",
                        help="markdown: where the full report is (a CI artifact's URL, a file), named when findings are left out")
    talk = parser.add_mutually_exclusive_group()
    talk.add_argument("-q", "--quiet", action="store_true", help="print no warnings and no progress on standard error")
    talk.add_argument("-v", "--verbose", action="store_true", help="print each step of the check and its time on standard error")


def run(args: argparse.Namespace) -> int:
    from crosscheck import api
    from crosscheck.model.corpus import Document

    stdin = _stdin_article(args)
    if stdin is not None:
        args.paths = []
    steps = Steps(quiet=args.quiet, verbose=args.verbose)
    options = corpus_options(
        args, cache=args.cache, use_cache=not args.no_cache, against=args.against, fail_on=args.fail_on,
        format=args.format, baseline=args.baseline, use_baseline=not args.no_baseline, changed=args.changed,
        since=args.since, link_base=args.link_base, stdin=stdin, on_progress=steps.step,
    )
    if args.quiet:
        options = replace(options, on_warning=None)
    if _format_of(options) in reporters.SHOWS_ARTICLES:
        options = replace(options, articles=True)
    if args.show_files:
        from crosscheck.load.read import display_path

        shown = [display_path(path) for path in api.files(options)]
        return delivered(lambda: print(*shown, sep="\n") if shown else None, EXIT_OK)
    try:
        with steps:
            outcome = api.run(options)
    except CrosscheckError as exc:
        write_problems(args, exc, _format_of(options))
        raise
    render = reporters.get(outcome.settings.format)
    for problem in [] if args.quiet else reporters.plugin_errors():
        print_warning(f"crosscheck: warning: {problem}")
    render_options = reporters.RenderOptions(
        color=False if args.output else args.color,
        width=args.width,
        link_base=outcome.settings.link_base,
        rules=outcome.rules,
        focus=outcome.focus,
        tool_version=__version__,
        max_findings=args.max_findings,
        max_chars=args.max_chars,
        full_report=args.full_report,
        documents=[d for d in outcome.documents if isinstance(d, Document)] if options.articles else (),
    )
    from crosscheck.speed import gcpause

    if args.output:
        from crosscheck.io import atomic_writer

        # a reporter builds many short-lived objects and no cycles: the collector would only rescan them
        with atomic_writer(args.output) as out, gcpause.paused():  # streamed: a large report is never one string
            render(outcome.report, out, render_options)
        return outcome.exit_status

    def write() -> None:
        with gcpause.paused():
            render(outcome.report, sys.stdout, render_options)

    return delivered(write, outcome.exit_status)


def _stdin_article(args: argparse.Namespace) -> tuple[str, str] | None:
    """(name, text) of the article read from standard input when the one PATH is `-`; `--stdin-name` is required then."""
    if "-" not in args.paths:
        if args.stdin_name is not None:
            raise CrosscheckError("--stdin-name: expected the path - (the article read from standard input) among the paths")
        return None
    if args.paths != ["-"]:
        raise CrosscheckError("-: expected standard input as the only path (found other paths beside it)")
    if not args.stdin_name:
        raise CrosscheckError("-: reading an article from standard input needs --stdin-name NAME (the path it is checked as)")
    return args.stdin_name, sys.stdin.read()


def _format_of(options: api.Options) -> str | None:
    """The report format a run with `options` was to write; None when even the settings are invalid (then: the flag's)."""
    from crosscheck import api

    try:
        return api.settings_for(options).format
    except CrosscheckError:
        return options.format


def write_problems(args: argparse.Namespace, error: CrosscheckError, format_name: str | None) -> None:
    """In a format that carries input problems, write them as its report (to `-o` or standard output).

    A CI step reading the report (a SARIF upload, annotations) then sees why the check failed,
    instead of a missing file; the problems still go to standard error, and the status stays 2.
    """
    if format_name not in reporters.SHOWS_DIAGNOSTICS:
        return
    render = reporters.get(format_name)
    report = reporters.problem_report(error.diagnostics)
    options = reporters.RenderOptions(color=False, width=getattr(args, "width", None), tool_version=__version__)
    if getattr(args, "output", None):
        from crosscheck.io import atomic_writer

        with atomic_writer(args.output) as out:
            render(report, out, options)
    else:
        delivered(lambda: render(report, sys.stdout, options), EXIT_INVALID)
