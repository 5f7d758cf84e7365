"""Debian's Chromium as the browser tests and the README's screenshot drive it: where it is, how it is started.

Playwright from the package index is pointed at the installed browser (`apt-get install chromium`),
so nothing downloads a browser build.
"""

from __future__ import annotations

import os
import shutil

CHROMIUM = os.environ.get("CROSSCHECK_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"]
