"""The engine: corpus + rules -> Report.  Pure and single-process: no files, no clock, no printing.

Claims are grouped by key first (`grouping`); pair rules compare claims
within a key, corpus rules (exchange rates, durations against start points)
do their own grouping across keys (`items`).  Verdicts become findings with a
stable fingerprint and a deterministic order (`findings`); waived findings
are counted, not shown.  `check` runs it all; `find` and `assemble` are the
seam a runner uses to share keys out among processes (`crosscheck.speed`).
"""

from crosscheck.engine.check import Found, assemble, check, find
from crosscheck.engine.items import Key

__all__ = ["Found", "Key", "assemble", "check", "find"]
