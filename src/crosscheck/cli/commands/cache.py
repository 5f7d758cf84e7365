"""Manage the claims cache (`.crosscheck/cache.db` next to the corpus): `crosscheck cache clear`."""

from __future__ import annotations

import argparse
from pathlib import Path

from crosscheck.errors import EXIT_OK


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("action", choices=["clear"], help="clear: delete every cached entry")
    parser.add_argument("paths", nargs="*", default=["."], metavar="PATH", help="the corpus whose cache to clear (default: .)")
    parser.add_argument("--cache", metavar="FILE", help="cache file (default: .crosscheck/cache.db next to the corpus)")


def run(args: argparse.Namespace) -> int:
    from crosscheck.speed.claims_cache import ClaimsCache, default_path

    path = Path(args.cache) if args.cache else default_path(args.paths)
    if not path.exists():
        print(f"no cache at {path}")
        return EXIT_OK
    with ClaimsCache(path) as cache:
        count = cache.clear()
    print(f"cleared {count} cached file(s) from {path}")
    return EXIT_OK
