"""`python -m crosscheck`: the same as the `crosscheck` command."""

import sys

from crosscheck.cli.app import main

sys.exit(main())
