"""Command line: parse arguments, call the API, print, exit.  No logic of its own.

Each subcommand is a module in `crosscheck.commands` (or elsewhere) with
`NAME`, `HELP`, `add_arguments(parser)` and `run(args) -> int`; adding a
command is one line in `COMMANDS`.

Exit status: 0 clean, 1 findings at or above --fail-on, 2 invalid input or
usage, 3 internal error (a bug: please report it).
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from types import ModuleType

from crosscheck import __version__
from crosscheck.errors import EXIT_INVALID, CrosscheckError

EXIT_INTERNAL = 3

COMMANDS: list[str] = [
    "crosscheck.commands.validate",
    "crosscheck.commands.check",
    "crosscheck.extract.command",
    "crosscheck.commands.baseline",
    "crosscheck.commands.config",
    "crosscheck.commands.rules_cmd",
    "crosscheck.commands.cache_cmd",
    "crosscheck.commands.index_cmd",
]
"""Modules that implement subcommands, in the order `--help` lists them."""


def _commands() -> list[ModuleType]:
    return [importlib.import_module(name) for name in COMMANDS]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="crosscheck",
        description="Check that articles agree with each other: figures, dates, ranks, names and quotes.",
    )
    parser.add_argument("--version", action="version", version=f"crosscheck {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    for module in _commands():
        command = sub.add_parser(module.NAME, help=module.HELP, description=module.__doc__)
        module.add_arguments(command)
        command.set_defaults(run=module.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `crosscheck` console script."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.run(args) or 0)
    except CrosscheckError as exc:
        from crosscheck.sanitize import strip_control

        for diagnostic in exc.diagnostics:
            print(strip_control(diagnostic.format()), file=sys.stderr)
        return EXIT_INVALID
    except KeyboardInterrupt:
        print("crosscheck: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # the reader went away (e.g. `| head`); not an error of ours
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as exc:  # noqa: BLE001 - the last line of defence against tracebacks
        if os.environ.get("CROSSCHECK_DEBUG"):
            raise
        from crosscheck.sanitize import strip_control

        print(
            f"crosscheck: internal error: {type(exc).__name__}: {strip_control(str(exc))} "
            "(this is a bug; rerun with CROSSCHECK_DEBUG=1 for a traceback)",
            file=sys.stderr,
        )
        return EXIT_INTERNAL


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
