"""Build or update a claims store for `crosscheck check NEW... --against FILE`."""

from __future__ import annotations

import argparse
import sys

from crosscheck.cli.commands.cache import add_cache_arguments, open_cache
from crosscheck.errors import EXIT_INVALID, EXIT_OK, CrosscheckError, Diagnostic


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help="claims files, articles or corpus folders to add")
    parser.add_argument("--store", required=True, metavar="FILE", help="the claims store to create or update")
    parser.add_argument("--registry", metavar="FILE", help="registry file (default: registry.yaml found beside the corpus)")
    add_cache_arguments(parser)


def run(args: argparse.Namespace) -> int:
    from crosscheck import store as claims_store
    from crosscheck.reporters.escape import strip_control
    from crosscheck import speed

    cache = open_cache(args, args.paths)
    try:
        result = speed.load_corpus(args.paths, registry=args.registry, cache=cache)
    finally:
        if cache is not None:
            cache.close()
    errors = [d for d in result.diagnostics if d.severity == "error"]
    if errors:
        for diagnostic in errors:
            print(strip_control(diagnostic.format()))
        print(f"{len(errors)} error(s): nothing indexed", file=sys.stderr)
        return EXIT_INVALID
    try:
        count = claims_store.index(result.corpus, args.store)
    except claims_store.StoreError as exc:
        raise CrosscheckError(Diagnostic(args.store, 1, 1, "store", str(exc))) from None
    print(f"indexed {len(result.corpus.documents)} documents, {count} claims into {args.store}")
    return EXIT_OK
