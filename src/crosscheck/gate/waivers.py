"""Inline waivers that cannot waive anything: a waiver naming a rule the catalogue does not have.

Such a waiver is a silent pass waiting to happen (a typo, "CC11" for "CC101", or a rule
renamed since): the finding it was written for shows, or worse, the waiver is read as done.
The rule ids are known only once the catalogue is loaded, so this runs after loading, beside
the other checks the gate makes, and each problem is located at the waiver's `rule` in its file.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from crosscheck.errors import Diagnostic, did_you_mean

if TYPE_CHECKING:
    from crosscheck.model.corpus import Document


def unknown_rules(documents: Iterable[Document], rule_ids: Iterable[str]) -> list[Diagnostic]:
    """One located error per waiver whose rule is not among `rule_ids`."""
    from crosscheck.load.read import display_path

    known = set(rule_ids)
    problems = []
    for document in documents:
        wrong = [c.claim for c in document.claims if c.claim.waive is not None and c.claim.waive.rule not in known]
        if not wrong or document.claims_path is None:
            continue
        where = _waiver_positions(document.claims_path)
        for claim in wrong:
            assert claim.waive is not None  # narrowed above
            index, line, column = where.get(claim.id, (0, 1, 1))
            problems.append(Diagnostic(
                display_path(document.claims_path), line, column, "unknown-rule",
                f"the waiver names rule {claim.waive.rule!r}, which does not exist "
                f"(expected a rule id from `crosscheck rules`{did_you_mean(claim.waive.rule, known)})",
                json_path=f"$.claims[{index}].waive.rule",
            ))
    return problems


def _waiver_positions(claims_path: Path) -> dict[str, tuple[int, int, int]]:
    """Claim id -> (its index in the file, line, column of its `waive.rule`): read again, on this error path only."""
    import yaml

    from crosscheck.load.read import Locator

    text = claims_path.read_text(encoding="utf-8")
    locator = Locator(text)
    claims = (yaml.safe_load(text) or {}).get("claims") or []
    return {
        entry["id"]: (index, *locator.locate(("claims", index, "waive", "rule")))
        for index, entry in enumerate(claims)
        if isinstance(entry, dict) and isinstance(entry.get("id"), str)
    }
