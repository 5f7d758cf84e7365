"""List the rules, or explain one: what it reports, why, its parameters and its examples (run live)."""

from __future__ import annotations

import argparse
import sys

from crosscheck.errors import EXIT_OK, CrosscheckError


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("action", nargs="?", default="list", choices=("list", "explain"), help="list (default) or explain")
    parser.add_argument("rule", nargs="?", metavar="ID", help="rule id, for explain (e.g. CC101)")
    parser.add_argument("--rules", action="append", metavar="DIR", help="extra rules folder (repeatable)")


def run(args: argparse.Namespace) -> int:
    from crosscheck import api
    from crosscheck.cli.arguments import print_warning
    from crosscheck.comparators import registry
    from crosscheck.reporters.escape import strip_control
    from crosscheck.rules import find_rule
    from crosscheck.rules.explain import explain_rule, list_rules

    for problem in registry().problems:
        print_warning(f"crosscheck: warning: {problem}")
    rules = api.rules(api.Options(rules=args.rules or ()))
    if args.action == "list":
        if args.rule:
            raise CrosscheckError(f"`rules list` takes no rule id (found {args.rule!r}); use `crosscheck rules explain {args.rule}`")
        sys.stdout.write(strip_control(list_rules(rules)))
        return EXIT_OK
    if not args.rule:
        raise CrosscheckError("`rules explain` needs a rule id (expected e.g. `crosscheck rules explain CC101`)")
    sys.stdout.write(strip_control(explain_rule(find_rule(rules, args.rule))))
    return EXIT_OK
