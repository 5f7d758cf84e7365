"""List the rules, or explain one: what it reports, why, its parameters and its examples (run live)."""

from __future__ import annotations

import argparse
import sys
import textwrap
from typing import TYPE_CHECKING, Sequence

from crosscheck.errors import EXIT_OK, CrosscheckError

if TYPE_CHECKING:
    from crosscheck.rules import Rule


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("action", nargs="?", default="list", choices=("list", "explain"), help="list (default) or explain")
    parser.add_argument("rule", nargs="?", metavar="ID", help="rule id, for explain (e.g. CC101)")
    parser.add_argument("--rules", action="append", metavar="DIR", help="extra rules folder (repeatable)")


def _load(args: argparse.Namespace) -> list[Rule]:
    from crosscheck import config as configuration
    from crosscheck.rules import load_rules

    settings = configuration.resolve({"rules": args.rules}).settings
    return load_rules(settings.rules, overrides=settings.params)


def list_rules(rules: Sequence[Rule]) -> str:
    """One line per rule: id, severity, name, summary."""
    width = max((len(rule.name) for rule in rules), default=0)
    lines = []
    for rule in rules:
        state = "" if rule.enabled else " (disabled)"
        lines.append(f"{rule.id}  {rule.severity:<7}  {rule.name:<{width}}  {rule.summary}{state}")
    return "\n".join(lines) + "\n"


def _wrap(text: str, indent: str = "  ", hanging: str | None = None) -> str:
    hanging = indent if hanging is None else hanging
    return textwrap.fill(" ".join(text.split()), width=100, initial_indent=indent, subsequent_indent=hanging)


def explain_rule(rule: Rule) -> str:
    """A rule in full: header, rationale, parameters with defaults, message, and each example run live."""
    from crosscheck.rules.examples import run_example

    params = rule.comparator_params().model_dump()
    kinds = ", ".join(rule.applies_to.kinds)
    out = [
        f"{rule.id} {rule.name} ({rule.severity}){'' if rule.enabled else ' - disabled'}",
        _wrap(rule.summary),
        "",
        f"  applies to: {kinds} claims, property {rule.applies_to.property!r}",
        f"  comparator: {rule.comparator}",
        f"  params:     {', '.join(f'{k}={v!r}' for k, v in params.items()) or '(none)'}",
        f"  message:    {rule.message}",
        "",
        "Rationale:",
        _wrap(rule.rationale),
        "",
        "Examples:",
    ]
    for index, example in enumerate(rule.examples, start=1):
        report = run_example(rule, example)
        fired = bool(report.findings)
        status = "ok" if fired == example.fires else "MISMATCH"
        expected = "fires" if example.fires else "does not fire"
        texts = " / ".join(f"'{claim.text}'" for claim in example.claims)
        out.append(f"  {index}. {texts}: {expected} [{status}]")
        if example.note:
            out.append(_wrap(example.note, "       "))
        for finding in report.findings[:1]:
            out.append(_wrap(finding.explanation, "       -> ", "          "))
    return "\n".join(out) + "\n"


def run(args: argparse.Namespace) -> int:
    from crosscheck.comparators import registry
    from crosscheck.rules import find_rule
    from crosscheck.reporters.escape import strip_control

    for problem in registry().problems:
        print(f"crosscheck: warning: {strip_control(problem)}", file=sys.stderr)
    rules = _load(args)
    if args.action == "list":
        if args.rule:
            raise CrosscheckError(f"`rules list` takes no rule id (found {args.rule!r}); use `crosscheck rules explain {args.rule}`")
        sys.stdout.write(strip_control(list_rules(rules)))
        return EXIT_OK
    if not args.rule:
        raise CrosscheckError("`rules explain` needs a rule id (expected e.g. `crosscheck rules explain CC101`)")
    sys.stdout.write(strip_control(explain_rule(find_rule(rules, args.rule))))
    return EXIT_OK
