"""Drafting claims from raw article text (`crosscheck extract`), and matching drafted claims across articles.

Pure rules, no model: regular expressions over word lists kept as data
(`lexicon.yaml`), rapidfuzz for registry and cross-document matching.
"""

from crosscheck.extract.draft import NoClaims, claims_file, draft_claims

__all__ = ["NoClaims", "claims_file", "draft_claims"]
