"""Generate a synthetic corpus in the normal on-disk format, for benchmarks and scale tests.

Usage: python benchmarks/generate.py OUT_DIR --articles 1000 [--claims 40] [--shared 0.5]
[--conflicts 0.1] [--seed 1]

Each article is a plain-text file of sentences; each of its claims is one of
those sentences, so every quote really stands in the article text and every
value as written stands in its quote.  A share of the (subject, property) keys
is drawn from a pool common to all articles, so claims meet across documents;
of those, a share (the conflict rate) states a different value than the pool's,
so the engine has disagreements to find.  Output is deterministic for a seed.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import zlib
from dataclasses import dataclass
from pathlib import Path

_FIRST = "Ada Bo Chen Dara Emil Fay Gao Hana Ivo Jun Kai Lena Min Nadia Omar Pia Qiu Rosa Sami Tao Uma Vera Wei Xia Yan Zoe".split()
_LAST = "Li Wang Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Lin Luo Gao".split()
_PLACES = (
    "Beijing Shanghai Shenzhen Chengdu Wuhan Hefei Xi'an Nanjing Hangzhou Suzhou Tianjin Chongqing Guangzhou Qingdao Xiamen Harbin"
).split()
_KINDS_OF_ORG = ["Institute", "Laboratory", "Centre", "Agency", "Fund", "Alliance", "Park", "University"]
_TOPICS = ["Quantum", "Battery", "Genomics", "Robotics", "Materials", "Climate", "Photonics", "Semiconductor", "Ocean", "Space"]
_UNITS = [
    ("company", "companies"), ("laboratory", "laboratories"), ("patent", "patents"), ("researcher", "researchers"), ("project", "projects"),
]
_APPROX = [("exact", ""), ("nearly", "nearly "), ("over", "over "), ("about", "about "), ("at_least", "at least ")]
_SCALES = [("million", 1), ("billion", 1)]
_ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"]
_WORDS = ("innovation growth research industry talent funding capacity network cluster pilot region market policy "
          "platform data science investment export factory model standard partner frontier").split()
_FILLER = [
    "Officials said the work would continue through the coming months.",
    "The announcement drew attention from analysts and industry groups.",
    "Local authorities have published further details on their websites.",
    "Observers expect more partnerships to follow in the region.",
    "The plan builds on a series of earlier pilot programmes.",
]

# property id -> (kind, unit/currency hint)
PROPERTIES: dict[str, tuple[str, str | None]] = {
    "partner-count": ("quantity", "company"),
    "staff-count": ("quantity", "researcher"),
    "project-count": ("quantity", "project"),
    "investment": ("quantity", "CNY"),
    "growth-rate": ("percentage", None),
    "market-share": ("percentage", None),
    "completion-date": ("date", None),
    "founded": ("date", None),
    "index-rank": ("rank", None),
    "based-in": ("name", None),
    "programme-length": ("duration", None),
    "share-of-leaders": ("fraction", None),
    "statement": ("quote", None),
}


@dataclass(frozen=True)
class Fact:
    """One (subject, property, scope) and the value an article states for it."""

    subject: str
    prop: str
    year: int
    variant: int


def _entity_name(i: int) -> str:
    return f"{_PLACES[i % len(_PLACES)]} {_TOPICS[(i // len(_PLACES)) % len(_TOPICS)]} {_KINDS_OF_ORG[(i // 160) % len(_KINDS_OF_ORG)]} {i}"


def _person_name(i: int) -> str:
    return f"{_FIRST[i % len(_FIRST)]} {_LAST[(i // len(_FIRST)) % len(_LAST)]} {i}"


def _q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def _render(fact: Fact, name: str, people: int, rng: random.Random) -> tuple[str, str, str]:
    """(sentence, text as written, YAML flow value) for a fact; `variant` shifts the value for conflicts."""
    seed = zlib.crc32(f"{fact.subject}|{fact.prop}|{fact.year}".encode())
    local = random.Random(seed)
    kind, hint = PROPERTIES[fact.prop]
    v = fact.variant
    if fact.prop == "investment":
        amount = local.randint(2, 900) / 10 + v * 3
        label, approx = _APPROX[local.randrange(len(_APPROX))]
        text = f"{approx}{amount:g} billion yuan"
        sentence = f"In {fact.year}, {name} attracted {text} in new funding for its programmes."
        value = f"{{kind: quantity, amount: {amount:g}, scale: billion, currency: CNY, approx: {label}}}"
    elif kind == "quantity":
        n = local.randint(5, 5000) + v * 37
        label, approx = _APPROX[local.randrange(len(_APPROX))]
        singular, plural = next(u for u in _UNITS if u[0] == hint)
        text = f"{approx}{n} {plural}"
        sentence = f"By {fact.year}, {name} was working with {text} across the country."
        value = f"{{kind: quantity, amount: {n}, approx: {label}, unit: {singular}}}"
    elif kind == "percentage":
        pct = round(local.uniform(0.5, 40) + v * 1.5, 2)
        text = f"{pct:g}%"
        what = "grew by" if fact.prop == "growth-rate" else "held a market share of"
        sentence = f"In {fact.year}, {name} {what} {text}, according to official figures."
        value = f"{{kind: percentage, amount: {pct:g}}}"
    elif kind == "date":
        year = local.randint(1990, 2040) + v
        if fact.prop == "founded":
            text = str(year)
            sentence = f"{name} was founded in {year} as a small research unit."
            value = f"{{kind: date, relation: \"on\", date: {year}}}"
        else:
            text = f"by {year}"
            sentence = f"{name} plans to complete its current construction phase {text}."
            value = f"{{kind: date, relation: by, date: {year}}}"
    elif kind == "rank":
        pos = (local.randrange(10) + v) % 10 + 1
        text = _ORDINALS[pos - 1]
        sentence = f"In {fact.year}, {name} ranked {text} in the national innovation index."
        value = f"{{kind: rank, position: {pos}}}"
    elif kind == "name":
        place = _PLACES[(local.randrange(len(_PLACES)) + v) % len(_PLACES)]
        text = place
        sentence = f"{name} is headquartered in {place}, officials confirmed."
        value = f"{{kind: name, name: {_q(place)}}}"
    elif kind == "duration":
        years = local.randint(2, 15) + v
        text = f"{years}-year"
        sentence = f"{name} launched a {text} programme to train engineers."
        value = f"{{kind: duration, amount: {years}, unit: year}}"
    elif kind == "fraction":
        num = (local.randint(1, 9) + v) % 10 or 1
        text = f"{num} of the top ten"
        sentence = f"In {fact.year}, {name} counted {text} regional firms among its members."
        value = f"{{kind: fraction, numerator: {num}, denominator: 10, of: 10}}"
    else:  # quote
        words = " ".join(local.choice(_WORDS) for _ in range(local.randint(6, 12)))
        if v:
            words += " " + _WORDS[v % len(_WORDS)]
        speaker = f"person-{local.randrange(people)}"
        sentence = f"\u201c{words.capitalize()},\u201d said {_person_name(int(speaker.split('-')[1]))}."
        words = words.capitalize()
        text = words
        value = f"{{kind: quote, speaker: {speaker}, words: {_q(words)}}}"
    return sentence, text, value


def generate(
    out: Path,
    articles: int,
    claims: int = 40,
    shared: float = 0.5,
    conflicts: float = 0.1,
    seed: int = 1,
    entities: int | None = None,
) -> dict[str, int]:
    """Write `articles` article/claims-file pairs and a registry into `out`; return counts."""
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    n_entities = entities or max(50, articles * claims // 8)
    n_people = max(20, n_entities // 20)
    props = list(PROPERTIES)
    # the shared pool: keys many articles state, so comparisons have something to compare
    pool = [Fact(f"org-{rng.randrange(n_entities)}", rng.choice(props), rng.choice((2022, 2023, 2024)), 0)
            for _ in range(max(10, articles * claims // 20))]
    total = 0
    per_dir = 1000
    for a in range(articles):
        folder = out / f"part-{a // per_dir:04d}"
        if a % per_dir == 0:
            folder.mkdir(exist_ok=True)
        stem = f"article-{a:07d}"
        facts: list[Fact] = []
        keys: set[tuple[str, str, int]] = set()
        while len(facts) < claims:
            if rng.random() < shared:
                base = rng.choice(pool)
                fact = Fact(base.subject, base.prop, base.year, 1 if rng.random() < conflicts else 0)
            else:
                fact = Fact(f"org-{rng.randrange(n_entities)}", rng.choice(props), rng.choice((2022, 2023, 2024)), 0)
            if (fact.subject, fact.prop, fact.year) in keys:
                continue
            keys.add((fact.subject, fact.prop, fact.year))
            facts.append(fact)
        sentences: list[str] = []
        lines = [
            "version: 1",
            "document:",
            f"  article: {stem}.txt",
            f"  title: {_q(f'Synthetic report {a}: regional innovation update')}",
            "  publisher: Synthetic Wire",
            f"  published: {2024}-{(a % 12) + 1:02d}",
            "claims:",
        ]
        for i, fact in enumerate(facts):
            name = _entity_name(int(fact.subject.split("-")[1]))
            sentence, text, value = _render(fact, name, n_people, rng)
            sentences.append(sentence)
            if i % 4 == 3:
                sentences.append(rng.choice(_FILLER))
            lines += [
                f"  - id: c{i}-{fact.prop}",
                f"    subject: {fact.subject}",
                f"    property: {fact.prop}",
                f"    text: {_q(text)}",
                f"    quote: {_q(sentence)}",
                f"    value: {value}",
            ]
            if PROPERTIES[fact.prop][0] not in ("name", "quote", "duration") and fact.prop != "founded":
                lines.append(f"    scope: {{as_of: {fact.year}}}")
        paragraphs = [" ".join(sentences[i : i + 5]) for i in range(0, len(sentences), 5)]
        (folder / f"{stem}.txt").write_text(f"Synthetic report {a}\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
        (folder / f"{stem}.claims.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
        total += len(facts)
    _write_registry(out / "registry.yaml", n_entities, n_people)
    return {"articles": articles, "claims": total, "entities": n_entities}


def _write_registry(path: Path, n_entities: int, n_people: int) -> None:
    lines = ["version: 1", "entities:"]
    for i in range(n_entities):
        lines += [f"  org-{i}:", f"    name: {_q(_entity_name(i))}", "    type: organisation"]
    for i in range(n_people):
        lines += [f"  person-{i}:", f"    name: {_q(_person_name(i))}", "    type: person"]
    lines.append("properties:")
    for prop, (kind, unit) in PROPERTIES.items():
        lines += [f"  {prop}:", f"    kind: {kind}", f"    description: {_q(f'Synthetic property {prop}')}"]
        if unit:
            lines.append(f"    unit: {unit}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_registry(path: Path, entities: int, people: int) -> None:
    """The registry `generate` writes for `entities` organisations and `people` people: the registry of a corpus
    derived from a generated one (benchmarks/store_bench.py copies an archive under new subject ids)."""
    _write_registry(path, entities, people)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--claims", type=int, default=40, help="claims per article")
    parser.add_argument("--shared", type=float, default=0.5, help="share of claims whose key other articles also state")
    parser.add_argument("--conflicts", type=float, default=0.1, help="share of shared claims that state a different value")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    counts = generate(args.out, args.articles, args.claims, args.shared, args.conflicts, args.seed)
    print(f"wrote {counts['articles']} articles, {counts['claims']} claims, {counts['entities']} entities to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
