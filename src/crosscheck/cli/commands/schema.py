"""Print one of the JSON Schemas crosscheck publishes (the files `schemas/` holds and the package ships).

Point an editor's YAML language server at it (or at its https `$id`) for completion and hover
help in claims files, the registry and rule files: `crosscheck schema claims > claims.schema.json`.
"""

from __future__ import annotations

import argparse

from crosscheck.cli.output import delivered
from crosscheck.errors import EXIT_OK

SCHEMA_NAMES = ("claims", "registry", "report", "rules")
"""The published schemas (`crosscheck.schemas.SCHEMAS`), listed here so that `--help` imports no model."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("name", choices=SCHEMA_NAMES, metavar="NAME", help=f"which schema: {', '.join(SCHEMA_NAMES)}")


def run(args: argparse.Namespace) -> int:
    import sys

    from crosscheck import schemas

    text = schemas.render(args.name)
    return delivered(lambda: sys.stdout.write(text), EXIT_OK)
