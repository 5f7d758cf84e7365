"""Record the current findings as accepted, so `check --baseline FILE` shows only new ones."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from crosscheck.cli.arguments import add_corpus_arguments, corpus_options, output_file
from crosscheck.errors import EXIT_OK


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_corpus_arguments(parser)
    parser.add_argument("-o", "--output", required=True, metavar="FILE", type=output_file,
                        help="baseline file to write (replaced atomically; - prints it to standard output)")


def run(args: argparse.Namespace) -> int:
    from crosscheck import api
    from crosscheck.config import find_config
    from crosscheck.gate import baseline as baselines
    from crosscheck.io import write_atomic

    outcome = api.run(corpus_options(args, use_baseline=False))
    found = find_config()
    # the project's root, wherever this runs: the config's folder, else the baseline's (the current one for -)
    root = found[0].parent if found else Path(args.output).resolve().parent if args.output else Path.cwd()
    baseline = baselines.from_report(outcome.report, root)
    if args.output is None:
        sys.stdout.write(baselines.dumps(baseline))
        return EXIT_OK
    write_atomic(args.output, baselines.dumps(baseline))
    print(f"wrote {len(baseline.entries)} finding(s) to {args.output}", file=sys.stderr)
    return EXIT_OK
