"""`crosscheck validate` holds a claim's unit to its property's, and currency codes to ISO 4217."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

REGISTRY = """\
version: 1
entities:
  coastal-trail: {name: Coastal Trail, type: other}
properties:
  trail-length: {kind: quantity, unit: km, description: Length of the trail}
  trail-cost: {kind: quantity, unit: USD, description: What the trail cost}
  volunteers: {kind: quantity, unit: volunteer, description: Volunteers who built it}
  share-paved: {kind: percentage, description: Share of the trail that is paved}
"""
ARTICLE = ("The new trail runs 12 miles along the coast, cost $4 million and was built by 85 volunteers over 12 kg of maps; "
           "two-thirds of it is paved, and volunteers rose 40% to 85.\n")


def claims(value: str, text: str, prop: str) -> str:
    return textwrap.dedent(f"""\
        version: 1
        document: {{article: article.txt}}
        claims:
          - id: c1
            subject: coastal-trail
            property: {prop}
            text: "{text}"
            quote: "{ARTICLE.strip()}"
            value: {value}
        """)


@pytest.fixture
def corpus(tmp_path: Path, monkeypatch) -> Path:
    (tmp_path / "registry.yaml").write_text(REGISTRY, encoding="utf-8")
    (tmp_path / "article.txt").write_text(ARTICLE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


ACCEPTED = [
    ("{kind: quantity, amount: 12, unit: miles}", "12", "trail-length"),  # a unit of the same dimension
    ("{kind: quantity, amount: 85, unit: volunteers}", "85", "volunteers"),  # the plural of the property's noun
    ("{kind: quantity, amount: 4, scale: million, currency: USD}", "4", "trail-cost"),
    ("{kind: fraction, numerator: 2, denominator: 3}", "two-thirds", "share-paved"),  # a share as a fraction or a percentage
    ("{kind: percentage, amount: 40, change: {direction: up, to: 85}}", "rose 40% to 85", "volunteers"),  # a count's change in percent
]
REJECTED = [
    ("{kind: quantity, amount: 12, unit: kg}", "12", "trail-length", "unit-mismatch", "unit 'kg' does not fit the property's unit (expected 'km'"),
    ("{kind: quantity, amount: 85, unit: workers}", "85", "volunteers", "unit-mismatch", "expected 'volunteer'"),
    ("{kind: quantity, amount: 4, scale: million, currency: USS}", "4", "trail-cost", "unknown-currency", "unknown currency code 'USS' (expected an ISO 4217 code"),
    ("{kind: percentage, amount: 40}", "40", "volunteers", "kind-mismatch", "takes quantity values"),  # a level in percent is no count
]


@pytest.mark.parametrize(("value", "text", "prop"), ACCEPTED)
def test_a_fitting_unit_passes(corpus, run_cli, value, text, prop):
    (corpus / "a.claims.yaml").write_text(claims(value, text, prop), encoding="utf-8")
    result = run_cli("validate", "a.claims.yaml")
    assert result.code == 0, result.out + result.err


@pytest.mark.parametrize(("value", "text", "prop", "code", "message"), REJECTED)
def test_a_unit_or_currency_that_does_not_fit_is_a_located_error(corpus, run_cli, value, text, prop, code, message):
    (corpus / "a.claims.yaml").write_text(claims(value, text, prop), encoding="utf-8")
    result = run_cli("validate", "a.claims.yaml")
    assert result.code == 2
    lines = result.out.splitlines()
    assert len(lines) == 1 and "Traceback" not in result.out + result.err, result.out + result.err
    assert re.match(rf"^a\.claims\.yaml:9:\d+: {code}: ", lines[0]), lines[0]
    assert message in lines[0]
