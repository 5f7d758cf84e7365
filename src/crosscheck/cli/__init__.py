"""The command line: `main` parses arguments, runs one command, and turns errors into exit statuses."""

from crosscheck.cli.app import main

__all__ = ["main"]
