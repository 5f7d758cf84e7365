"""Manage the claims cache (`.crosscheck/cache.db` next to the corpus): `crosscheck cache clear`."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from crosscheck.errors import EXIT_OK

if TYPE_CHECKING:
    from crosscheck.speed.claims_cache import ClaimsCache


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("action", choices=["clear"], help="clear: delete every cached entry")
    parser.add_argument("paths", nargs="*", default=["."], metavar="PATH", help="the corpus whose cache to clear (default: .)")
    parser.add_argument("--cache", metavar="FILE", help="cache file (default: .crosscheck/cache.db next to the corpus)")


def add_cache_arguments(parser: argparse.ArgumentParser) -> None:
    """`--cache FILE` and `--no-cache`, shared by the commands that load a corpus."""
    parser.add_argument("--cache", metavar="FILE", help="claims cache file (default: .crosscheck/cache.db next to the corpus)")
    parser.add_argument("--no-cache", action="store_true", help="load every file afresh; neither read nor write the cache")


def open_cache(args: argparse.Namespace, paths: list[str]) -> ClaimsCache | None:
    """The cache the arguments ask for, or None with --no-cache (or CROSSCHECK_NO_CACHE=1)."""
    import os

    if getattr(args, "no_cache", False) or os.environ.get("CROSSCHECK_NO_CACHE") == "1":
        return None
    from crosscheck.speed.claims_cache import ClaimsCache, default_path

    return ClaimsCache(Path(args.cache) if getattr(args, "cache", None) else default_path(paths))


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
