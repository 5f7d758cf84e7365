"""Validate claims files: schema, registry ids, value kinds, and that every quote stands in its article."""

from __future__ import annotations

import argparse
import sys
from collections import Counter

from crosscheck.errors import EXIT_INVALID, EXIT_OK


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", default=["."], metavar="PATH", help="claims files, articles or corpus folders (default: .)")
    parser.add_argument("--registry", metavar="FILE", help="registry file (default: registry.yaml found beside the corpus)")


def run(args: argparse.Namespace) -> int:
    from crosscheck import api
    from crosscheck.load.read import display_path
    from crosscheck.reporters.escape import strip_control

    result = api.load(args.paths, args.registry, use_cache=False)
    errors = [d for d in result.diagnostics if d.severity == "error"]
    for diagnostic in result.diagnostics:
        print(strip_control(diagnostic.format()))
    files = {d.path for d in errors}
    if errors:
        print(f"{len(errors)} error{'s' * (len(errors) != 1)} in {len(files)} file{'s' * (len(files) != 1)}", file=sys.stderr)
        return EXIT_INVALID
    corpus = result.corpus
    if not corpus.documents:
        print("no claims files found (expected *.claims.yaml files under the given paths)", file=sys.stderr)
        return EXIT_INVALID
    kinds = Counter(c.claim.value.kind for c in corpus.claims)
    by_kind = ", ".join(f"{kind} {count}" for kind, count in sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0])))
    registry = f"; registry {display_path(corpus.registry_path)}" if corpus.registry_path else "; no registry"
    print(f"ok: {len(corpus.documents)} documents, {len(corpus.claims)} claims ({by_kind}){registry}")
    sources = result.sources
    if sources is not None and sources.articles_without_claims:
        print(f"note: {len(sources.articles_without_claims)} article(s) have no claims file; `crosscheck check` drafts claims for them")
    return EXIT_OK
