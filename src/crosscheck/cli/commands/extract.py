"""Draft a claims file from an article's text.

Writes YAML to stdout, or to FILE with -o.  An existing FILE is never
overwritten unless --force; --merge appends only the drafted claims the file
does not already have and keeps every hand edit and comment.  Drafted claims
carry `draft: {confidence, review, method, span}` until a person checks them.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from crosscheck.cli.arguments import output_file
from crosscheck.errors import EXIT_OK, CrosscheckError, Diagnostic


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("article", metavar="ARTICLE", help="the article text file")
    parser.add_argument("-o", "--output", metavar="FILE", type=output_file,
                        help="write the claims file here (default, or -: print to standard output)")
    parser.add_argument("--registry", metavar="FILE", help="registry to match subjects and properties against "
                        "(default: registry.yaml found beside the article)")
    parser.add_argument("--published", metavar="DATE", help="publication date (2025-01-16) to resolve relative dates "
                        "when the article has no dated dateline")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    mode.add_argument("--merge", action="store_true", help="add the drafted claims FILE lacks, keeping its edits")


def run(args: argparse.Namespace) -> int:
    # imported here, not at the top: every command line builds this command's parser
    from crosscheck.extract.draft import NoClaims, claims_file
    from crosscheck.extract.writing import merge_into, render
    from crosscheck.io import write_atomic
    from crosscheck.load.read import discover, display_path, load_registry, read_text

    article = Path(args.article)
    text, problems = read_text(article, "article")
    if text is None:
        raise CrosscheckError(problems)
    registry = None
    registry_path = Path(args.registry) if args.registry else discover([article]).registry
    if registry_path is not None:
        registry, _text, problems = load_registry(registry_path)
        if registry is None:
            raise CrosscheckError(problems)
    output = Path(args.output) if args.output else None
    if args.published:
        from crosscheck.model.base import to_partial_date as _to_partial_date

        try:
            _to_partial_date(args.published)
        except ValueError as exc:
            raise CrosscheckError(Diagnostic("--published", 1, 1, "usage", str(exc))) from None
    folder = output.parent if output is not None else article.parent
    relative = Path(os.path.relpath(article.resolve(), folder.resolve())).as_posix()
    try:
        drafted = claims_file(text, relative, registry=registry, published=args.published)
    except NoClaims as exc:
        raise CrosscheckError(Diagnostic(display_path(article), 1, 1, "no-claims", str(exc))) from None

    if output is None:
        sys.stdout.write(render(drafted))
        return EXIT_OK
    if output.exists() and args.merge:
        existing, problems = read_text(output, "claims file")
        if existing is None:
            raise CrosscheckError(problems)
        try:
            merged, added = merge_into(existing, drafted, text)
        except Exception as exc:  # ruamel parse errors carry their own position text
            raise CrosscheckError(Diagnostic(display_path(output), 1, 1, "merge", f"cannot merge: {exc}".splitlines()[0])) from None
        write_atomic(output, merged)
        print(f"{display_path(output)}: added {added} drafted claim(s), kept {len(drafted.claims) - added} already present",
              file=sys.stderr)
        return EXIT_OK
    try:
        write_atomic(output, render(drafted), overwrite=args.force)
    except FileExistsError:
        raise CrosscheckError(Diagnostic(display_path(output), 1, 1, "file-exists",
                                         "claims file exists (expected a new path; use --merge to add drafted claims, "
                                         "--force to overwrite)")) from None
    review = sum(1 for c in drafted.claims if c.draft and c.draft.review)
    print(f"{display_path(output)}: {len(drafted.claims)} drafted claim(s), {review} marked for review", file=sys.stderr)
    return EXIT_OK
