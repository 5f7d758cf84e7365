"""crosscheck: check that articles agree with each other.

The public API: load and validate a corpus, load the rules, compare, get a Report.

    result = load_corpus(["seeds/"])          # LoadResult: corpus + diagnostics
    report = check(result.corpus, load_rules())
"""

from crosscheck.engine import check
from crosscheck.models import Claim, ClaimsFile, Registry
from crosscheck.report import Finding, Report
from crosscheck.rules import Rule, load_rules
from crosscheck.validation import LoadResult, load_corpus

__version__ = "0.1.0"

__all__ = [
    "Claim", "ClaimsFile", "Finding", "LoadResult", "Registry", "Report", "Rule",
    "__version__", "check", "load_corpus", "load_rules",
]
