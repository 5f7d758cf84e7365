"""Command line: parse arguments, call the API, print, exit.  No logic of its own.

Each subcommand is a module in `crosscheck.cli.commands` (or elsewhere) with
`add_arguments(parser)` and `run(args) -> int`, its docstring the command's
description; adding a command is one line in `COMMANDS`.  Only the module of
the command being run is imported: a cold start is mostly imports, and
`crosscheck check NEW --against STORE` runs on every new article.

This is the only place that turns errors into output and exit statuses (all
defined in `crosscheck.errors`): 0 clean, 1 findings at or above --fail-on,
2 invalid input or usage, 3 internal error (a bug: please report it), 130
interrupted.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Iterable
from typing import NoReturn

from crosscheck import __version__
from crosscheck.errors import EXIT_FINDINGS, EXIT_INTERNAL, EXIT_INTERRUPTED, EXIT_INVALID, EXIT_OK, CrosscheckError, Diagnostic

COMMANDS: dict[str, tuple[str, str]] = {
    "validate": ("crosscheck.cli.commands.validate", "check claims files against the schema, the registry and their articles"),
    "check": ("crosscheck.cli.commands.check", "compare claims across articles and report disagreements"),
    "extract": ("crosscheck.cli.commands.extract", "draft a claims file from an article's text"),
    "baseline": ("crosscheck.cli.commands.baseline", "write the fingerprints of the current findings to a baseline file"),
    "config": ("crosscheck.cli.commands.config", "show the effective configuration and the source of each value"),
    "rules": ("crosscheck.cli.commands.rules", "list the rules, or `rules explain ID` to show one with its examples"),
    "cache": ("crosscheck.cli.commands.cache", "clear the claims cache"),
    "index": ("crosscheck.cli.commands.index", "build or update a claims store (SQLite, indexed by key) from claims files"),
    "audit": ("crosscheck.cli.commands.audit", "check a whole claims store as one corpus, one fact at a time"),
    "schema": ("crosscheck.cli.commands.schema", "print one of the JSON Schemas (claims, registry, report, rules), for editors"),
    "completion": ("crosscheck.cli.commands.completion", "print a shell completion script (bash, zsh or tcsh)"),
}
"""Subcommand -> (the module implementing it, its one-line help), in the order `--help` lists them.

The help lines live here rather than in the modules so that `--help` imports none of them."""


class _Parser(argparse.ArgumentParser):
    """argparse, with a usage error as one plain line: `crosscheck: error: MESSAGE (see ... --help)`, exit status 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_INVALID, f"crosscheck: error: {message} (see `{self.prog} --help`)\n")


def build_parser(commands: Iterable[str] | None = None) -> argparse.ArgumentParser:
    """The argument parser; only the subcommands in `commands` (default: all) get their arguments.

    The others are still listed, with their help line, by `crosscheck --help`.
    """
    wanted = set(COMMANDS if commands is None else commands)
    parser = _Parser(
        prog="crosscheck",
        description="Check that articles agree with each other: figures, dates, ranks, names and quotes.",
    )
    parser.add_argument("-V", "--version", action="version", version=f"crosscheck {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    for name, (module_name, help_line) in COMMANDS.items():
        if name not in wanted:
            sub.add_parser(name, help=help_line)
            continue
        module = importlib.import_module(module_name)
        command = sub.add_parser(name, help=help_line, description=module.__doc__)
        module.add_arguments(command)
        command.set_defaults(run=module.run)
    return parser


def command_named(argv: list[str]) -> str | None:
    """The subcommand an argument list runs: its first word that is not an option, if it is a command.

    The top-level options (`-h`, `-V`/`--version`) take no value, so that word is the one argparse dispatches on.
    """
    for arg in argv:
        if arg == "--":
            return None
        if not arg.startswith("-"):
            return arg if arg in COMMANDS else None
    return None


def _plain_usage(diagnostic: Diagnostic) -> str | None:
    """A usage error (not located in any file) as argparse's are shown: `crosscheck: error: MESSAGE`."""
    if diagnostic.code == "usage" and diagnostic.path == "crosscheck":
        return f"crosscheck: error: {diagnostic.message}"
    return None


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `crosscheck` console script."""
    argv = sys.argv[1:] if argv is None else list(argv)
    name = command_named(argv)
    parser = build_parser([name] if name else [])
    args = parser.parse_args(argv)
    try:
        return int(args.run(args) or EXIT_OK)
    except CrosscheckError as exc:
        from crosscheck.reporters.escape import strip_control

        for diagnostic in exc.diagnostics:
            print(strip_control(_plain_usage(diagnostic) or diagnostic.format()), file=sys.stderr)
        return EXIT_INVALID
    except KeyboardInterrupt:
        print("crosscheck: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # the reader went away (`| head`) before the command could say how it went (the commands
        # that judge, check and validate, keep their own status: `cli.output.delivered`); never 0
        from crosscheck.cli.output import silence_stdout

        silence_stdout()
        return EXIT_FINDINGS
    except Exception as exc:
        if os.environ.get("CROSSCHECK_DEBUG"):
            raise
        from crosscheck.reporters.escape import strip_control

        print(
            f"crosscheck: internal error: {type(exc).__name__}: {strip_control(str(exc))} "
            "(this is a bug; rerun with CROSSCHECK_DEBUG=1 for a traceback)",
            file=sys.stderr,
        )
        return EXIT_INTERNAL


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
