"""Arguments shared by several commands, and the `api.Options` they build.

Every command line builds the parser of the command it runs, so this imports
nothing heavy: the API is imported when a command runs.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from crosscheck.api import Options


def add_corpus_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments shared by `check` and `baseline`: what to load and which rules to run."""
    parser.add_argument("paths", nargs="*", metavar="PATH",
                        help="claims files, articles or corpus folders (default: config `paths`, else .)")
    parser.add_argument("--registry", metavar="FILE", help="registry file (default: registry.yaml found beside the corpus)")
    parser.add_argument("--rules", action="append", metavar="DIR", help="extra rules folder (repeatable)")
    parser.add_argument("--select", action="append", type=rule_list, metavar="RULES",
                        help="run only these rules: ids, id prefixes or dotted names, comma-separated (default: config `select`, else all)")
    parser.add_argument("--ignore", action="append", type=rule_list, metavar="RULES",
                        help="do not run these rules (named as for --select; default: config `ignore`)")
    parser.add_argument(
        "--no-draft", dest="draft", action="store_false",
        help="ignore articles that have no claims file (default: draft their claims on the fly)",
    )


def add_cache_arguments(parser: argparse.ArgumentParser) -> None:
    """`--cache FILE` and `--no-cache`, shared by the commands that load a corpus."""
    parser.add_argument("--cache", metavar="FILE", help="claims cache file (default: .crosscheck/cache.db next to the corpus)")
    parser.add_argument("--no-cache", action="store_true", help="load every file afresh; neither read nor write the cache")


def output_file(text: str) -> str | None:
    """An argparse type for `-o`: a file to write, or None for "-", standard output as in most command-line tools."""
    return None if text == "-" else text


def rule_list(text: str) -> list[str]:
    """An argparse type: comma-separated rule selectors ("CC101,quote")."""
    return [part.strip() for part in text.split(",") if part.strip()]


def joined(lists: list[list[str]] | None) -> list[str] | None:
    """The selectors of a repeatable comma-separated option, in order; None when it was not given."""
    return None if lists is None else [item for part in lists for item in part]


def _whole_number_at_least(minimum: int, text: str) -> int:
    try:
        number = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, found {text!r}") from None
    if number < minimum:
        raise argparse.ArgumentTypeError(f"expected a number of at least {minimum}, found {number}")
    return number


def positive_int(text: str) -> int:
    """An argparse type: a whole number of at least 1 (`--width 0` would print nothing at all)."""
    return _whole_number_at_least(1, text)


def non_negative_int(text: str) -> int:
    """An argparse type: a whole number of at least 0 (0 meaning "no limit" where an option says so)."""
    return _whole_number_at_least(0, text)


def corpus_options(args: argparse.Namespace, **given: Any) -> Options:
    """The Options of `add_corpus_arguments`' arguments, plus `given`; warnings are printed as they come."""
    from crosscheck.api import Options

    return Options(paths=args.paths, registry=args.registry, rules=args.rules or (), draft=args.draft,
                   select=joined(args.select), ignore=joined(args.ignore), on_warning=print_warning, **given)


def print_warning(line: str) -> None:
    """A warning line on standard error, its control characters removed (it may quote an input file)."""
    from crosscheck.reporters.escape import strip_control

    print(strip_control(line), file=sys.stderr)
