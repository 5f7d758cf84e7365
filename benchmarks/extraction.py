"""Precision and recall of `crosscheck extract` against hand-annotated claims files, and its speed.

    python benchmarks/extraction.py [CORPUS_DIR] [--registry FILE] [--repeat N]

For every `*.claims.yaml` in CORPUS_DIR (default: seeds/) the article is drafted
from its text alone and each drafted claim is paired, one to one, with a hand
claim of the same kind whose value is the same (the same interval after
normalisation; the same words for names; the same words and speaker for quotes)
and whose value text overlaps in the article.  Keys (subject/property) are not
compared: they are proposals for a person to confirm.  Prints a table per kind
and the extraction speed in articles per second.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter
from pathlib import Path

import yaml

from crosscheck.extract.draft import draft_claims
from crosscheck.kinds import normalize
from crosscheck.model.claims import Claim, ClaimsFile
from crosscheck.model.registry import Registry
from crosscheck.text.search import SearchableText, normalize_typography

NUMERIC = ("quantity", "percentage", "fraction", "date", "duration", "rank")
TARGETS = {"numeric": (0.95, 0.90), "quote": (0.90, 0.90)}


def value_span(claim: Claim, searchable: SearchableText) -> tuple[int, int] | None:
    """Where the claim's value text stands in the article (inside its quote)."""
    quote = searchable.find(claim.quote)
    if quote is None:
        return None
    inner = searchable.find(claim.text, quote.start)
    if inner is None or inner.start >= quote.end:
        return quote.start, quote.end
    return inner.start, inner.end


def _fold(text: str) -> str:
    return re.sub(r"[\W_]+", " ", normalize_typography(text).lower()).strip()


def same_value(a: Claim, b: Claim, published: str | None) -> bool:
    """True when two claims of the same kind state the same value."""
    va, vb = a.value, b.value
    if va.kind != vb.kind:
        return False
    if va.kind == "quote":
        return _fold(va.words) == _fold(vb.words) and va.speaker == vb.speaker
    if va.kind == "name":
        return _fold(va.name) == _fold(vb.name)
    na, nb = normalize(va, a.text, published=published), normalize(vb, b.text, published=published)
    if na.interval is not None or nb.interval is not None:
        if na.interval is None or nb.interval is None:
            return False
        # what is counted ("company" vs "collaborator") belongs to the key, like the subject; money keeps its currency
        unitless = lambda i, v: i if getattr(v, "currency", None) else i.model_copy(update={"unit": None})  # noqa: E731
        return unitless(na.interval, va) == unitless(nb.interval, vb)
    if va.kind == "date":
        strip = lambda r: re.sub(r"^(?:on|in|during|at)\s+", "", _fold(r or ""))  # noqa: E731
        return va.relation == vb.relation and strip(va.relative) == strip(vb.relative)
    return na.form == nb.form


def match(gold: list[Claim], drafted: list[Claim], text: str, published: str | None) -> list[tuple[Claim, Claim]]:
    """One-to-one pairs (gold, drafted) with the same value and overlapping value text, in text order."""
    searchable = SearchableText(text)
    gspans = [value_span(c, searchable) for c in gold]
    dspans = [value_span(c, searchable) for c in drafted]
    used: set[int] = set()
    pairs = []
    for gi, g in enumerate(gold):
        if gspans[gi] is None:
            continue
        for di, d in enumerate(drafted):
            if di in used or dspans[di] is None:
                continue
            (gs, ge), (ds, de) = gspans[gi], dspans[di]
            if gs < de and ds < ge and same_value(g, d, published):
                used.add(di)
                pairs.append((g, d))
                break
    return pairs


def evaluate(corpus: Path, registry: Registry | None) -> tuple[Counter, Counter, Counter, list[str]]:
    gold_n, draft_n, hit_n = Counter(), Counter(), Counter()
    misses: list[str] = []
    for claims_path in sorted(corpus.glob("*.claims.yaml")):
        gold_file = ClaimsFile.model_validate(yaml.safe_load(claims_path.read_text(encoding="utf-8")))
        article = claims_path.parent / gold_file.document.article
        text = article.read_text(encoding="utf-8")
        published = gold_file.document.published
        drafted = draft_claims(text, registry=registry)
        pairs = match(list(gold_file.claims), drafted, text, published)
        matched_gold = {id(g) for g, _ in pairs}
        matched_draft = {id(d) for _, d in pairs}
        for c in gold_file.claims:
            gold_n[c.value.kind] += 1
            if id(c) not in matched_gold and c.value.kind != "name":
                misses.append(f"  miss  {article.name}: {c.value.kind:<10} {c.text!r}")
        for c in drafted:
            draft_n[c.value.kind] += 1
            if id(c) not in matched_draft and c.value.kind != "name":
                misses.append(f"  extra {article.name}: {c.value.kind:<10} {c.text!r}")
        for g, _ in pairs:
            hit_n[g.value.kind] += 1
    return gold_n, draft_n, hit_n, misses


def _row(name: str, gold: int, drafted: int, hit: int) -> str:
    recall = hit / gold if gold else float("nan")
    precision = hit / drafted if drafted else float("nan")
    return f"| {name:<18} | {gold:>4} | {drafted:>7} | {hit:>7} | {recall:>6.1%} | {precision:>9.1%} |"


def speed(corpus: Path, registry: Registry | None, repeat: int) -> float:
    texts = [p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt"))]
    draft_claims(texts[0], registry=registry)  # warm the caches (lexicon, compiled patterns)
    start = time.perf_counter()
    for _ in range(repeat):
        for text in texts:
            draft_claims(text, registry=registry)
    return repeat * len(texts) / (time.perf_counter() - start)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", default="seeds", type=Path)
    parser.add_argument("--registry", type=Path, help="match keys against this registry (does not change the scores)")
    parser.add_argument("--repeat", type=int, default=20, help="passes over the corpus for the timing")
    parser.add_argument("--misses", action="store_true", help="list unmatched gold and drafted claims")
    args = parser.parse_args(argv)
    registry = Registry.model_validate(yaml.safe_load(args.registry.read_text())) if args.registry else None
    gold, drafted, hit, misses = evaluate(args.corpus, registry)
    print("| kind               | gold | drafted | matched | recall | precision |")
    print("|--------------------|-----:|--------:|--------:|-------:|----------:|")
    for kind in (*NUMERIC, "quote", "name"):
        print(_row(kind, gold[kind], drafted[kind], hit[kind]))
    g, d, h = (sum(c[k] for k in NUMERIC) for c in (gold, drafted, hit))
    print(_row("numeric (all six)", g, d, h))
    rate = speed(args.corpus, registry, args.repeat)
    print(f"\nextraction speed: {rate:.0f} articles/s ({len(list(args.corpus.glob('*.txt')))} articles x {args.repeat})")
    if args.misses:
        print("\n".join(misses))
    return 0


if __name__ == "__main__":
    sys.exit(main())
