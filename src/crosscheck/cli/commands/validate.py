"""Validate claims files: schema, registry ids, value kinds, and that every quote stands in its article."""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from typing import TYPE_CHECKING

from crosscheck import __version__
from crosscheck.cli.output import delivered
from crosscheck.errors import EXIT_INVALID, EXIT_OK, CrosscheckError
from crosscheck.reporters import SHOWS_DIAGNOSTICS

if TYPE_CHECKING:
    from crosscheck.load.corpus import LoadResult


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", default=["."], metavar="PATH", help="claims files, articles or corpus folders (default: .)")
    parser.add_argument("--registry", metavar="FILE", help="registry file (default: registry.yaml found beside the corpus)")
    parser.add_argument("-f", "--format", metavar="NAME", default="text",
                        help=f"output format: text (one line per problem) or {', '.join(sorted(SHOWS_DIAGNOSTICS))}: "
                             "the problems as that report")


def run(args: argparse.Namespace) -> int:
    from crosscheck import api
    from crosscheck.reporters import RenderOptions, get, problem_report
    from crosscheck.reporters.escape import strip_control

    if args.format != "text" and args.format not in SHOWS_DIAGNOSTICS:
        raise CrosscheckError(f"--format: expected text or one of {', '.join(sorted(SHOWS_DIAGNOSTICS))}, found {args.format!r}")

    result = api.load(args.paths, args.registry, use_cache=False)
    errors = [d for d in result.diagnostics if d.severity == "error"]
    lines = [strip_control(diagnostic.format()) for diagnostic in result.diagnostics]
    if errors:
        files = {d.path for d in errors}
        problem = f"{len(errors)} error{'s' * (len(errors) != 1)} in {len(files)} file{'s' * (len(files) != 1)}"
    elif not result.corpus.documents:
        problem = "no claims files found (expected *.claims.yaml files under the given paths)"
    else:
        problem = None
        lines += _summary(result)
    status = EXIT_OK if problem is None else EXIT_INVALID
    if args.format != "text":
        report = problem_report(result.diagnostics, len(result.corpus.documents), len(result.corpus.claims))
        options = RenderOptions(color=False, tool_version=__version__)
        render = get(args.format)
        delivered(lambda: render(report, sys.stdout, options), status)
    else:
        delivered(lambda: print(*lines, sep="\n") if lines else None, status)
    if problem is not None:
        print(problem, file=sys.stderr)
    return status


def _summary(result: LoadResult) -> list[str]:
    """The `ok:` line of a valid corpus, and a note on the articles that have no claims file."""
    from crosscheck.load.read import display_path

    corpus = result.corpus
    kinds = Counter(c.claim.value.kind for c in corpus.claims)
    by_kind = ", ".join(f"{kind} {count}" for kind, count in sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0])))
    registry = f"; registry {display_path(corpus.registry_path)}" if corpus.registry_path else "; no registry"
    documents, claims = len(corpus.documents), len(corpus.claims)
    lines = [f"ok: {documents} document{'s' * (documents != 1)}, {claims} claim{'s' * (claims != 1)} ({by_kind}){registry}"]
    sources = result.sources
    if sources is not None and sources.articles_without_claims:
        lines.append(f"note: {len(sources.articles_without_claims)} article(s) have no claims file; "
                     "`crosscheck check` drafts claims for them")
    return lines
