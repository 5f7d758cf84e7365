"""Drafting speed: articles drafted per CPU second (one core), once the pipeline is loaded.

`python benchmarks/drafting_speed.py [FOLDER ...]` drafts every `.txt` under the folders (default: the seeds),
repeating them to about 600 words each, and prints the pipeline load time and the articles per second.
The issue-13 target is at least 10 articles of 600 words per second per core.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from crosscheck.extract import draft_claims
from crosscheck.extract.nlp import load_pipeline

ROOT = Path(__file__).resolve().parents[1]


def articles(folders: list[Path]) -> list[str]:
    """Each article's text, cut or repeated to about 600 words."""
    out = []
    for folder in folders:
        for path in sorted(folder.rglob("*.txt")):
            words = path.read_text(encoding="utf-8").split(" ")
            while len(words) < 600:
                words += words
            out.append(" ".join(words[:600]))
    return out


def main(argv: list[str]) -> int:
    folders = [Path(a) for a in argv] or [ROOT / "seeds"]
    texts = articles(folders)
    start = time.perf_counter()
    load_pipeline()
    loaded = time.perf_counter() - start
    draft_claims(texts[0])  # warm the lazily compiled patterns
    start, cpu = time.perf_counter(), time.process_time()
    claims = sum(len(draft_claims(text)) for text in texts)
    elapsed, used = time.perf_counter() - start, time.process_time() - cpu
    # CPU seconds are what "per core" means, and stay meaningful on a loaded machine; wall time is shown too
    print(f"pipeline load {loaded:.2f} s; {len(texts)} articles of 600 words, {claims} claims: "
          f"{len(texts) / used:.1f} articles per CPU second ({used:.2f} s CPU, {elapsed:.2f} s wall)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
