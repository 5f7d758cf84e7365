"""Read articles, claims files and the registry; turn every problem into a located Diagnostic.

The names callers import, gathered from the modules that hold them: `discovery` (which files
a run reads), `files` (reading one file), `fast_yaml` (ryaml where it provably agrees with
libyaml), `parsing` (safe YAML), `locate` (positions for errors) and `diagnostics`
(pydantic's errors as located messages).  Positions are only computed for files that have
something to report.
"""

from __future__ import annotations

from crosscheck.load.diagnostics import _describe, _message, load_model, load_registry, validate_text, validation_diagnostics
from crosscheck.load.discovery import (
    ARTICLE_SUFFIXES,
    CLAIMS_SUFFIXES,
    REGISTRY_NAMES,
    Sources,
    _resolved_cwd,
    claims_path_for,
    discover,
    display_path,
    is_claims_file,
    real_path,
    shown_name,
)
from crosscheck.load.fast_yaml import _MISS, _parse_fast, _ryaml, _SafeLoader
from crosscheck.load.files import MAX_FILE_BYTES, MAX_REGISTRY_BYTES, read_text
from crosscheck.load.locate import Locator
from crosscheck.load.parsing import parse_yaml

__all__ = [
    "ARTICLE_SUFFIXES", "CLAIMS_SUFFIXES", "MAX_FILE_BYTES", "MAX_REGISTRY_BYTES", "REGISTRY_NAMES", "Locator", "Sources",
    "claims_path_for", "discover", "display_path", "is_claims_file", "load_model", "load_registry", "parse_yaml",
    "read_text", "real_path", "shown_name", "validate_text", "validation_diagnostics",
    # private names that tests, benchmarks and the rule loader reach for
    "_MISS", "_SafeLoader", "_describe", "_message", "_parse_fast", "_resolved_cwd", "_ryaml",
]
