"""The trading session a price was quoted in ("$80.35 in pre-market trading", "$80.45 in after-hours
trading"): a share's price before the opening bell and after the close are two facts, not one disagreement.
The phrases are the lexicon's `frame_trading_sessions`."""

from __future__ import annotations

import re
from functools import cache

from crosscheck.text.lexicon import alternation, section


@cache
def _phrases() -> list[tuple[re.Pattern[str], str]]:
    table = section("frame_trading_sessions")
    assert isinstance(table, dict)
    return [(re.compile(rf"(?<![\w-])(?:{alternation(str(p).lower() for p in phrases)})(?![\w-])"), str(name))
            for name, phrases in table.items()]


def session_in(window: str) -> str | None:
    """The session a clause's words (lower case, as `cue_words` joins them) name, else None."""
    text = re.sub(r"\s*-\s*", "-", window)  # the parse splits "pre-market" into three tokens
    return next((name for pattern, name in _phrases() if pattern.search(text)), None)
