"""How to resolve a finding: the registry alias to add, the waiver to write, or the baseline to record.

Pure functions from a finding to plain-text hints, for any reporter to lay out in its own way
(the HTML report shows them under each finding; Markdown can list them).  Every snippet is
text to paste into a YAML file or a shell, built here once: the forms of a name are quoted as
YAML double-quoted scalars (JSON strings, which YAML reads back as written) and a folder as a
shell word, so no article text can change what a pasted snippet does.  Control characters
(bidi overrides, escapes) are removed, as they are everywhere untrusted text is shown.

What a finding holds is read by the few `_` functions at the top, so a change to its shape
(several positions per disagreement) is a change there.
"""

from __future__ import annotations

import json
import os.path
import shlex
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Literal

from crosscheck.reporters.escape import strip_control

if TYPE_CHECKING:
    from crosscheck.model.report import ClaimRef, Finding

REGISTRY_RULES = frozenset({"CC401"})
"""Rules an alias in the registry resolves (a form of a name that is not registered)."""
BASELINE_FILE = "crosscheck-baseline.json"
REASON_PLACEHOLDER = "<why this difference is accepted>"
"""The reason a waiver snippet leaves to the reviewer: a waiver without a real reason is no decision."""

_YAML_WORDS = frozenset({"true", "false", "null", "yes", "no", "on", "off", "y", "n"})
"""Words YAML reads as something other than a string when bare."""

Action = Literal["alias", "waive", "baseline", "correct"]


@dataclass(frozen=True, slots=True)
class Hint:
    """One way to resolve a finding: what to do, in a sentence, and the text to paste, if any."""

    action: Action
    """alias (register a form of a name), waive (accept it on one claim), baseline (record every finding), correct."""
    advice: str
    """What to do and where, in one sentence."""
    snippet: str = ""
    """Text to paste: YAML for alias and waive, shell commands for baseline; empty for correct."""
    language: Literal["yaml", "shell", ""] = ""
    """What the snippet is, for a reporter that highlights or fences it."""
    claims: tuple[ClaimRef, ...] = ()
    """For waive: the claims the snippet may go in (any one waives the finding), each named by its claims file and id."""


# --------------------------------------------------------------------------- what a finding holds


def _claims(finding: Finding) -> list[ClaimRef]:
    """Every claim the finding names."""
    return list(finding.claims)


def _annotated(finding: Finding) -> list[ClaimRef]:
    """The claims that stand in a claims file, where a waiver can be written; drafted claims have none."""
    return [claim for claim in _claims(finding) if claim.claims_file]


def _unregistered_forms(finding: Finding) -> list[str]:
    """The forms of the name to register: those the explanation says are not registered, else every form."""
    forms = list(dict.fromkeys(claim.value for claim in _claims(finding)))
    named = [form for form in forms if f"'{form}' is not" in finding.explanation]
    return named or forms


# --------------------------------------------------------------------------- the hints


def hints(finding: Finding, baseline: list[str]) -> list[Hint]:
    """The ways to resolve `finding`, the most specific first; `baseline` is `baseline_commands(...)` of the report."""
    found: list[Hint] = []
    if finding.rule in REGISTRY_RULES:
        found.append(alias_hint(finding))
    annotated = _annotated(finding)
    if annotated:
        found.append(waiver_hint(finding.rule, annotated))
    found.append(Hint("baseline", "Or record every current finding as known, to hide them in later runs:", "\n".join(baseline), "shell"))
    found.append(Hint("correct", "Otherwise correct the article or its claims file so that they agree."))
    return found


def alias_hint(finding: Finding) -> Hint:
    """The registry entry that makes the unregistered forms of a name accepted names of its entity."""
    forms = ", ".join(_yaml_string(form) for form in _unregistered_forms(finding))
    snippet = f"entities:\n  {_yaml_word(finding.subject)}:\n    aliases: [{forms}]"
    return Hint("alias", f"If the form is an accepted name of {_clean(finding.subject)}, add it to the entity's aliases "
                         "in the registry (beside the aliases it has):", snippet, "yaml")


def waiver_hint(rule: str, claims: list[ClaimRef]) -> Hint:
    """The waiver to write into one of `claims` (each in a claims file), with the reason left to the reviewer.

    The snippet is the same whichever claim it goes in, so a report holds it once per rule.
    """
    return Hint("waive", "If the difference is known and accepted, add this to one of the claims, in its claims file, "
                         "with the reason:", _waiver(rule), "yaml", tuple(claims))


@cache
def _waiver(rule: str) -> str:
    return f"waive: {{rule: {_yaml_word(rule)}, reason: {_yaml_string(REASON_PLACEHOLDER)}}}"


def place(claim: ClaimRef) -> str:
    """Where a waiver goes: `path.claims.yaml:12, the claim with id: x` (the claim must come from a claims file)."""
    line = f":{claim.claims_line}" if claim.claims_line else ""
    return f"{_clean(claim.claims_file or '')}{line}, the claim with id: {_clean(claim.claim)}"


def baseline_commands(documents: Iterable[str]) -> list[str]:
    """`crosscheck baseline DIR -o crosscheck-baseline.json` and the check that uses it, DIR the folder of every document."""
    folders = list({os.path.dirname(path) or "." for path in documents})
    try:
        folder = os.path.commonpath(folders) if folders else "."
    except ValueError:  # absolute and relative paths mixed
        folder = "."
    word = shlex.quote(_clean(folder) or ".")
    return [f"crosscheck baseline {word} -o {BASELINE_FILE}", f"crosscheck check {word} --baseline {BASELINE_FILE}"]


def _clean(text: str) -> str:
    return text if text.isprintable() else strip_control(text, keep_newlines=False)


def _yaml_string(text: str) -> str:
    """A YAML double-quoted scalar that reads back as `text` (a JSON string is one)."""
    return json.dumps(_clean(text), ensure_ascii=False)


def _yaml_word(text: str) -> str:
    """An id as YAML: registry and rule ids are plain words (`a-z0-9-`), written bare; anything else is quoted."""
    cleaned = _clean(text)
    plain = (cleaned[:1].isalpha() and cleaned.lower() not in _YAML_WORDS
             and all(c.isascii() and (c.isalnum() or c in "-_.") for c in cleaned))
    return cleaned if plain else _yaml_string(cleaned)
