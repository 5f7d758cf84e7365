"""Subcommands of the `crosscheck` CLI, one module each (see `crosscheck.cli.app`)."""
