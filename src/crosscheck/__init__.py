"""crosscheck: check that articles agree with each other.

The public API: load and validate a corpus, compare its claims, get a Report.
"""

from crosscheck.models import Claim, ClaimsFile, Registry
from crosscheck.report import Finding, Report
from crosscheck.validation import LoadResult, load_corpus

__version__ = "0.1.0"

__all__ = ["Claim", "ClaimsFile", "Finding", "LoadResult", "Registry", "Report", "__version__", "load_corpus"]
