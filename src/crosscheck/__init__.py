"""crosscheck: check that articles agree with each other.

The public API: the whole check as one call, or its steps.

    outcome = run(Options(paths=["seeds/"]))  # what `crosscheck check seeds/` does
    outcome.report, outcome.exit_status
    report = check_texts({"a.txt": text_a, "b.txt": text_b})  # texts held in memory, drafted

    result = load_corpus(["seeds/"])          # LoadResult: corpus + diagnostics
    report = check(result.corpus, load_rules())

The names are imported on first use (PEP 562 module `__getattr__`), so
`import crosscheck` and the command line pay only for what they touch:
`crosscheck check --against STORE` must start fast, and pydantic models,
comparators and the drafting machinery are most of a cold start.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_EXPORTS: dict[str, str] = {
    "run": "crosscheck.api",
    "check_texts": "crosscheck.api",
    "Options": "crosscheck.api",
    "Outcome": "crosscheck.api",
    "check": "crosscheck.engine",
    "Claim": "crosscheck.model.claims",
    "ClaimsFile": "crosscheck.model.claims",
    "Registry": "crosscheck.model.registry",
    "Finding": "crosscheck.model.report",
    "Report": "crosscheck.model.report",
    "Rule": "crosscheck.rules",
    "load_rules": "crosscheck.rules",
    "LoadResult": "crosscheck.load.corpus",
    "load_corpus": "crosscheck.speed",
}
"""Public name -> the module that defines it."""

__all__ = [
    "Claim", "ClaimsFile", "Finding", "LoadResult", "Options", "Outcome", "Registry", "Report", "Rule",
    "__version__", "check", "check_texts", "load_corpus", "load_rules", "run",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'crosscheck' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


if TYPE_CHECKING:  # static analysers and IDEs see the real names
    from crosscheck.api import Options, Outcome, check_texts, run
    from crosscheck.engine.check import check
    from crosscheck.load.corpus import LoadResult
    from crosscheck.model.claims import Claim, ClaimsFile
    from crosscheck.model.registry import Registry
    from crosscheck.model.report import Finding, Report
    from crosscheck.rules import Rule, load_rules
    from crosscheck.speed import load_corpus
