"""Drafting claims from raw article text (`crosscheck extract`), and matching drafted claims across articles.

Pure rules, no model: regular expressions over word lists kept as data
(`lexicon.yaml`), rapidfuzz for registry and cross-document matching.

The drafting machinery compiles many patterns when imported, so this package
imports it on first use of a name: `crosscheck check` loads the command module
`crosscheck.cli.commands.extract` for its `--help` and pays for drafting only when
an article has no claims file.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__all__ = ["NoClaims", "claims_file", "draft_claims"]


def __getattr__(name: str) -> Any:
    if name not in __all__:
        raise AttributeError(f"module 'crosscheck.extract' has no attribute {name!r}")
    from crosscheck.extract import draft

    value = getattr(draft, name)
    globals()[name] = value
    return value


if TYPE_CHECKING:
    from crosscheck.extract.draft import NoClaims, claims_file, draft_claims
