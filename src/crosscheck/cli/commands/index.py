"""Build or update a claims store for `crosscheck check NEW... --against FILE`."""

from __future__ import annotations

import argparse
import sys

from crosscheck.cli.arguments import add_cache_arguments
from crosscheck.errors import EXIT_INVALID, EXIT_OK


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help="claims files, articles or corpus folders to add")
    parser.add_argument("--store", required=True, metavar="FILE", help="the claims store to create or update")
    parser.add_argument("--registry", metavar="FILE", help="registry file (default: registry.yaml found beside the corpus)")
    add_cache_arguments(parser)


def run(args: argparse.Namespace) -> int:
    from crosscheck import api
    from crosscheck.reporters.escape import strip_control
    from crosscheck.store import display_url

    result = api.load(args.paths, args.registry, cache=args.cache, use_cache=not args.no_cache)
    errors = [d for d in result.diagnostics if d.severity == "error"]
    if errors:
        for diagnostic in errors:
            print(strip_control(diagnostic.format()))
        print(f"{len(errors)} error(s): nothing indexed", file=sys.stderr)
        return EXIT_INVALID
    count = api.index(result.corpus, args.store)
    print(f"indexed {len(result.corpus.documents)} documents, {count} claims into {display_url(args.store)}")
    return EXIT_OK
