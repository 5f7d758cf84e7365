"""Drafting time per word against an article's length: drafting should be linear in it.

`python benchmarks/drafting_length.py [FOLDER ...] [--lengths WORDS ...]` joins the `.txt` articles under the
folders (default: the seeds), repeated as needed, into one stream as long as the longest length (default 30,000
words), cuts it at paragraph ends into articles of about 600, 5,000 and 30,000 words, and drafts each set (the
same words for every length, so only the length differs). It prints the CPU milliseconds per word for each
length and the ratio of the longest's to the shortest's; a live blog or a transcript is the long case. Linear
drafting keeps the ratio near 1 (issue 13's target: within 1.3).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from crosscheck.extract import draft_claims
from crosscheck.extract.nlp import load_pipeline

ROOT = Path(__file__).resolve().parents[1]
LENGTHS = (600, 5_000, 30_000)


def stream(folders: list[Path], words: int) -> list[str]:
    """Paragraphs of the folders' articles, in path order and repeated, until they hold at least `words` words."""
    articles = [p.read_text(encoding="utf-8") for f in folders for p in sorted(f.rglob("*.txt"))]
    if not articles:
        raise SystemExit("no .txt article under " + ", ".join(map(str, folders)))
    paragraphs: list[str] = []
    total = 0
    while total < words:
        for text in articles:
            for line in text.split("\n"):
                if line.strip():
                    paragraphs.append(line)
                    total += len(line.split())
            if total >= words:
                break
    return paragraphs


def cut(paragraphs: list[str], length: int) -> list[str]:
    """The paragraphs as consecutive articles of about `length` words each (a paragraph is never split)."""
    out: list[str] = []
    current: list[str] = []
    count = 0
    for line in paragraphs:
        current.append(line)
        count += len(line.split())
        if count >= length:
            out.append("\n\n".join(current))
            current, count = [], 0
    if current and (not out or count >= length / 2):
        out.append("\n\n".join(current))
    elif current:
        out[-1] += "\n\n" + "\n\n".join(current)
    return out


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path, help="folders of .txt articles (default: seeds/)")
    parser.add_argument("--lengths", type=int, nargs="+", default=list(LENGTHS), metavar="WORDS",
                        help="article lengths in words (default: %(default)s)")
    args = parser.parse_args(argv)
    folders = args.folders or [ROOT / "seeds"]
    lengths = sorted(args.lengths)
    paragraphs = stream(folders, max(lengths))
    load_pipeline()
    draft_claims(paragraphs[0] + "\n\nIt had 12 members, up 3% since 2020.")  # warm the lazily compiled patterns
    per_word: dict[int, float] = {}
    for length in lengths:
        texts = cut(paragraphs, length)
        words = sum(len(t.split()) for t in texts)
        start = time.process_time()
        claims = sum(len(draft_claims(t)) for t in texts)
        used = time.process_time() - start
        per_word[length] = used * 1000 / words
        print(f"{len(texts):3d} article(s) of about {length:6,d} words ({words:,d} words, {claims:,d} claims): "
              f"{per_word[length]:.3f} ms per word ({used:.2f} s CPU)")
    ratio = per_word[lengths[-1]] / per_word[lengths[0]]
    print(f"per-word time of {lengths[-1]:,d} words against {lengths[0]:,d}: {ratio:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
