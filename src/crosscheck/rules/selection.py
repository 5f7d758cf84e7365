"""Which rules run and how severe their findings are: `select`, `ignore` and `severity`, as ruff and SQLFluff have them.

A selector names a rule by id ("CC101"), by id prefix ("CC1": every quantity and percentage
rule), by dotted name ("quote.words-match") or by a leading part of a name ("quote"), case
aside; "ALL" selects every rule.  `select` empty means every rule; `ignore` then removes
rules.  A selector that names no rule is an error where it is written: it was meant to
select something and would otherwise silently select nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from crosscheck.errors import CrosscheckError, Diagnostic, did_you_mean

if TYPE_CHECKING:
    from crosscheck.rules import Rule
    from crosscheck.rules.overrides import LocateSetting


def selects(selector: str, rule: Rule) -> bool:
    """Whether `selector` names `rule` (id, id prefix, dotted name or its leading parts, or ALL)."""
    wanted = selector.strip().lower()
    name = (rule.name or "").lower()
    return (wanted == "all" or rule.id.lower().startswith(wanted)
            or name == wanted or name.startswith(wanted + "."))


def apply(rules: Sequence[Rule], *, select: Iterable[str] = (), ignore: Iterable[str] = (),
          severity: Mapping[str, str] | None = None, locate_setting: LocateSetting | None = None) -> list[Rule]:
    """The rules `select` (default: all) names, less those `ignore` names, with their `severity` overrides.

    `severity` maps a selector to error, warning or info; where several name a rule, the most
    specific (longest) wins.  Unknown selectors raise CrosscheckError, located by `locate_setting(key)`.
    """
    chosen, dropped, severities = list(select), list(ignore), dict(severity or {})
    problems = [
        _unknown(key, selector, rules, locate_setting)
        for key, selectors in (("select", chosen), ("ignore", dropped), ("severity", list(severities)))
        for selector in selectors
        if not any(selects(selector, rule) for rule in rules)
    ]
    if problems:
        raise CrosscheckError(problems)
    kept = [r for r in rules if (not chosen or any(selects(s, r) for s in chosen)) and not any(selects(s, r) for s in dropped)]
    out = []
    for rule in kept:
        naming = sorted((s for s in severities if selects(s, rule)), key=len)
        out.append(rule.model_copy(update={"severity": severities[naming[-1]]}) if naming else rule)
    return out


def _unknown(key: str, selector: str, rules: Sequence[Rule], locate_setting: LocateSetting | None) -> Diagnostic:
    where = locate_setting(key) if locate_setting is not None else ("crosscheck", 1, 1)
    names = [r.id for r in rules] + [r.name for r in rules if r.name]
    return Diagnostic(*where, "unknown-rule",
                      f"{key}: {selector!r} names no rule (expected a rule id, id prefix or dotted name from `crosscheck rules`"
                      f"{did_you_mean(selector, names)})")
