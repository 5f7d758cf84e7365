"""Rules as text for people: one line per rule (`crosscheck rules`), or one rule in full with its
examples run live (`crosscheck rules explain ID`)."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

from crosscheck.rules import Rule
from crosscheck.rules.examples import run_example


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
