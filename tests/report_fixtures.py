"""Hand-made reports for reporter tests: realistic findings over the seed articles, and hostile text.

Rule ids and names come from the real catalogue (`crosscheck.rules.load_rules()`), so
a renamed or renumbered rule changes the snapshots instead of leaving them stale.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from crosscheck.model.report import ClaimRef, Conflict, Finding, Position, Report, Summary
from crosscheck.model.values import Interval
from crosscheck.rules import Rule, load_rules


@cache
def catalogue() -> dict[str, Rule]:
    """The built-in rules by id."""
    return {rule.id: rule for rule in load_rules()}


def rule(rule_id: str) -> dict[str, Any]:
    """The `rule` and `rule_name` of a finding of the catalogue's rule `rule_id`."""
    found = catalogue()[rule_id]
    return {"rule": found.id, "rule_name": found.name}

DOC_CENTER_A = "seeds/002_b4a56f776e750063.txt"
DOC_CENTER_B = "seeds/003_4608776da9d1df45.txt"
DOC_MINISTER_A = "seeds/000_7a62f7c734be23ae.txt"
DOC_MINISTER_B = "seeds/001_6cf2d1e588d7ed72.txt"


def figure_conflict() -> Finding:
    return Finding(
        fingerprint="3f9a1c0d5e7b2a46",
        **rule("CC101"),
        severity="error",
        subject="ncie",
        property="partner_companies",
        message="partner companies: 'nearly 600' and '600+' cannot both hold",
        explanation="'nearly 600' means fewer than 600 (at least 540); '600+' means at least 600.",
        claims=[
            ClaimRef(
                document=DOC_CENTER_A,
                claims_file="seeds/002_b4a56f776e750063.claims.yaml",
                claim="ncie-partner-companies",
                quote="has initiated joint innovation centers with nearly 600 leading companies",
                line=6,
                column=494,
                value="nearly 600",
                interval=Interval(low=540, high=600, high_closed=False, unit="company"),
                normalized="[540, 600) company",
            ),
            ClaimRef(
                document=DOC_CENTER_B,
                claims_file="seeds/003_4608776da9d1df45.claims.yaml",
                claim="ncie-partner-companies",
                quote="600+ corporate collaborators",
                line=5,
                column=265,
                value="600+",
                interval=Interval(low=600, high=None, unit="company"),
                normalized="[600, ∞) company",
                outlet="CGTN",
                published="2025-02-10",
            ),
        ],
        positions=[
            Position(reading="[540, 600) company", value="nearly 600", claims=[0], documents=[DOC_CENTER_A]),
            Position(reading="[600, ∞) company", value="600+", claims=[1], documents=[DOC_CENTER_B]),
        ],
        conflicts=[Conflict(positions=[0, 1], severity="error", message="partner companies: 'nearly 600' and '600+' cannot both hold",
                            explanation="'nearly 600' means fewer than 600 (at least 540); '600+' means at least 600.")],
    )


def name_variant() -> Finding:
    return Finding(
        fingerprint="b2c4d6e8f0a1b3c5",
        **rule("CC401"),
        severity="warning",
        subject="ncie",
        property="name",
        message="'National Innovation Center par Excellence' is not a registered name of ncie",
        explanation="The two articles name the same centre differently; register the form as an alias or correct it.",
        similarity=0.71,
        claims=[
            ClaimRef(
                document=DOC_CENTER_A,
                claim="ncie-name",
                quote="The National Center for Technological Innovation Excellence",
                line=6,
                column=281,
                value="National Center for Technological Innovation Excellence",
                normalized="National Center for Technological Innovation Excellence",
            ),
            ClaimRef(
                document=DOC_CENTER_B,
                claim="ncie-name",
                quote="the National Innovation Center par Excellence's partnerships",
                line=5,
                column=168,
                value="National Innovation Center par Excellence",
                normalized="National Innovation Center par Excellence",
            ),
        ],
    )


def quote_diff() -> Finding:
    return Finding(
        fingerprint="c0ffee1234567890",
        **rule("CC501"),
        severity="warning",
        subject="yin-hejun",
        property="quote.regional_transition",
        message="Yin Hejun is quoted with different words for the same statement",
        explanation="Direct quotations must match word for word; these differ beyond typography.",
        similarity=0.64,
        diff="[-transition-] from single-city development to [-integrated-] {+comprehensive+} regional coordination",
        claims=[
            ClaimRef(
                document=DOC_MINISTER_A,
                claim="yin-quote-transition",
                quote="a strategic ‘transition from single-city development to integrated regional coordination,’",
                line=7,
                column=47,
                value="transition from single-city development to integrated regional coordination",
                normalized="transition from single-city development to integrated regional coordination",
            ),
            ClaimRef(
                document=DOC_MINISTER_B,
                claim="yin-quote-transition",
                quote='"This transition marks a new phase where innovation hubs are moving from single-city development to comprehensive regional coordination," Yin Hejun said',
                line=8,
                column=1,
                value="moving from single-city development to comprehensive regional coordination",
                normalized="moving from single-city development to comprehensive regional coordination",
            ),
        ],
    )


def missing_scope() -> Finding:
    return Finding(
        fingerprint="d1e2f3a4b5c6d7e8",
        **rule("CC102"),  # a percentage conflict with a scope on one side only: reported as info
        severity="info",
        subject="yangtze-river-delta",
        property="high_tech_share",
        scope="2024",
        message="high-tech share: one article gives a year, the other none",
        explanation="The figures agree, but only one says when it holds; consider stating the year.",
        claims=[
            ClaimRef(
                document=DOC_CENTER_A,
                claim="yrd-high-tech-share",
                quote="high-tech firms here represent over 30% of the national total",
                line=6,
                column=216,
                value="over 30%",
                interval=Interval(low=30, high=None, low_closed=False, unit="%"),
                normalized="(30, ∞) %",
            ),
            ClaimRef(
                document=DOC_CENTER_B,
                claim="yrd-high-tech-share",
                quote="hosts over 30% of China's high-tech enterprises",
                line=5,
                column=107,
                value="over 30%",
                interval=Interval(low=30, high=None, low_closed=False, unit="%"),
                normalized="(30, ∞) %",
            ),
        ],
    )


def sample_report() -> Report:
    """Four findings of every severity, sorted by document, line and rule as the engine sorts them."""
    findings = [quote_diff(), name_variant(), missing_scope(), figure_conflict()]
    return Report(
        summary=Summary(documents=5, claims=118, error=1, warning=2, info=1, waived=1),
        findings=findings,
    )


def empty_report() -> Report:
    return Report(summary=Summary(documents=5, claims=118), findings=[])


HOSTILE = (
    "[bold red]x[/] [link=http://evil]click[/link] \x1b[2J\x1b]8;;http://evil\x07 "
    "<script>alert(1)</script> | col | ](http://evil) `code` *em* _u_ # head\n"
    "::error::pwned %0A 100% @admin &amp;"
)


def hostile_report() -> Report:
    """A report whose article-derived text tries to inject into every format."""
    finding = Finding(
        fingerprint="0123456789abcdef",
        **rule("CC101"),
        severity="error",
        subject="acme",
        property="revenue",
        message="revenue: " + HOSTILE,
        explanation="'" + HOSTILE + "' cannot hold",
        claims=[
            ClaimRef(
                document="news/evil, file:1.txt",
                claim="c1",
                quote=HOSTILE,
                line=3,
                column=5,
                value="[bold red]x[/]",
                normalized=HOSTILE,
            ),
            ClaimRef(
                document="news/plain.txt",
                claim="c2",
                quote="revenue was 12 million",
                line=1,
                column=1,
                value="12 million",
                normalized="[11.5e6, 12.5e6)",
            ),
        ],
    )
    return Report(summary=Summary(documents=2, claims=2, error=1), findings=[finding])
