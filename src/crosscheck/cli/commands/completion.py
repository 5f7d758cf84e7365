"""Print a shell completion script for crosscheck (made by shtab from the argument parser itself).

    crosscheck completion bash > ~/.local/share/bash-completion/completions/crosscheck
    crosscheck completion zsh > "${fpath[1]}/_crosscheck"
"""

from __future__ import annotations

import argparse

from crosscheck.cli.output import delivered
from crosscheck.errors import EXIT_OK

SHELLS = ("bash", "zsh", "tcsh")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("shell", choices=SHELLS, help="the shell to complete in")


def run(args: argparse.Namespace) -> int:
    import sys

    import shtab

    from crosscheck.cli.app import build_parser

    script = shtab.complete(build_parser(), shell=args.shell)
    return delivered(lambda: sys.stdout.write(script if script.endswith("\n") else script + "\n"), EXIT_OK)
