"""Print the effective configuration and where each value came from (flag, environment, file, default)."""

from __future__ import annotations

import argparse
import sys

from crosscheck.errors import EXIT_OK


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--fail-on", choices=("error", "warning", "info", "never"), help="as for check")
    parser.add_argument("-f", "--format", metavar="NAME", help="as for check")
    parser.add_argument("--baseline", metavar="FILE", help="as for check")
    parser.add_argument("--registry", metavar="FILE", help="as for check")


def run(args: argparse.Namespace) -> int:
    from crosscheck import config as configuration
    from crosscheck.reporters.escape import strip_control

    flags = {"fail_on": args.fail_on, "format": args.format, "baseline": args.baseline, "registry": args.registry}
    sys.stdout.write(strip_control(configuration.describe(configuration.resolve(flags))))
    return EXIT_OK
