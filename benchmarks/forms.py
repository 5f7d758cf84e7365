"""How well drafting reads each way news writes a figure, a date, a quote and a name.

    python benchmarks/forms.py [DATA...] [--misses] [--form TEXT]

Every file in `benchmarks/forms/` (or the files given) is a list of *forms*; a
form is a list of *cases*, a sentence we wrote with the claims drafting must read
from it:

    - form: "range: X to Y"
      cases:
        - text: Between 3,000 and 4,000 people marched.
          expect:
            - {kind: quantity, text: "Between 3,000 and 4,000", value: {amount: 3000, high: 4000}}
        - text: The plant employs 3,000 to 4,000 workers.
          expect: [...]
      below_target: false      # optional: true while the form is known to miss the targets

An expected claim gives its `kind`, the `text` it is read from (found in the
sentence; drafted claims whose value text overlaps it are candidates) and its
`value` in claims-file syntax (`kind` is filled in).  A unit, speaker or
currency in the expected value is compared; otherwise only the reading (the
interval, the date range, the words) is.  `frame:` (a subset of the drafted
claim's frame, e.g. `{modality: forecast}`) is compared when given.  A case may
give `published:` (the article's publication date, for relative dates) and
`title:`.  `expect: []` is a sentence that must draft nothing of the form's
kinds.

Per form: precision = matched drafted claims / drafted claims of the form's
kinds; recall = matched expected claims / expected claims.  The targets are
>= 95% precision and >= 90% recall (issue 14); `--check` exits 1 when a form not
marked `below_target` misses them, or a form marked so meets them.
"""

from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import TypeAdapter

from crosscheck.extract.draft import draft_claims
from crosscheck.kinds import normalize
from crosscheck.kinds.units import canonical_unit
from crosscheck.model.claims import Claim
from crosscheck.model.values import Value

DATA = Path(__file__).with_name("forms")
TARGET_PRECISION, TARGET_RECALL = 0.95, 0.90
_VALUE: TypeAdapter[Value] = TypeAdapter(Value)


@dataclass(frozen=True)
class Expected:
    kind: str
    text: str
    value: dict[str, Any]
    frame: dict[str, Any]


@dataclass(frozen=True)
class Case:
    text: str
    expect: tuple[Expected, ...]
    published: str | None = None
    title: str | None = None


@dataclass(frozen=True)
class Form:
    name: str
    source: str
    cases: tuple[Case, ...]
    below_target: bool = False


@dataclass
class Score:
    expected: int = 0
    drafted: int = 0
    matched: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched / self.drafted if self.drafted else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.expected if self.expected else 1.0

    @property
    def meets_targets(self) -> bool:
        return self.precision >= TARGET_PRECISION and self.recall >= TARGET_RECALL


def load_forms(paths: list[Path]) -> list[Form]:
    """Every form of the data files, in file order."""
    forms = []
    for path in paths:
        for entry in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            cases = tuple(
                Case(text=c["text"], published=c.get("published"), title=c.get("title"),
                     expect=tuple(Expected(kind=e["kind"], text=str(e["text"]), value=dict(e.get("value") or {}),
                                           frame=dict(e.get("frame") or {})) for e in c.get("expect") or ()))
                for c in entry["cases"])
            for n, case in enumerate(cases, 1):
                for want in case.expect:
                    try:
                        _VALUE.validate_python({"kind": want.kind, **want.value})
                    except ValueError as exc:  # pydantic's ValidationError is a ValueError
                        first = str(exc).splitlines()[1:3]
                        raise SystemExit(f"{path}: form {entry['form']!r}, case {n}: the expected value of "
                                         f"{want.text!r} is not a claim value ({' '.join(s.strip() for s in first)})") from None
            forms.append(Form(name=entry["form"], source=path.name, cases=cases,
                              below_target=bool(entry.get("below_target", False))))
    return forms


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).replace("\u2019", "'").replace("\u2018", "'")
    return re.sub(r"[\W_]+", " ", text.lower()).strip()


def _singular(unit: str) -> str:
    """A unit or counted noun in the one vocabulary crosscheck compares by ("hectares", "ha" -> "hectare")."""
    return canonical_unit(unit).name if unit else ""


def _same_reading(want: Expected, got: Claim, published: str | None) -> bool:
    """True when the drafted claim reads the expected value (and frame, when the case gives one)."""
    if got.value.kind != want.kind:
        return False
    expected = _VALUE.validate_python({"kind": want.kind, **want.value})
    drafted = got.value
    for key, wanted in want.frame.items():
        if got.frame is None or getattr(got.frame, key, None) != wanted:
            return False
    if want.kind == "quote":
        if "speaker" in want.value and _fold(str(getattr(drafted, "speaker", "") or "")) != _fold(want.value["speaker"]):
            return False
        return _fold(drafted.words) == _fold(expected.words)  # type: ignore[union-attr]  # kind checked above
    if want.kind == "name":
        return _fold(drafted.name) == _fold(expected.name)  # type: ignore[union-attr]  # kind checked above
    for key in ("unit", "currency", "relation"):
        if key not in want.value:
            continue
        wanted, read = str(want.value[key]), str(getattr(drafted, key, "") or "")
        if (_singular(read) != _singular(wanted)) if key == "unit" else (_fold(read) != _fold(wanted)):
            return False
    a = normalize(expected, want.text, published=published)
    b = normalize(drafted, got.text, published=published)
    if a.interval is not None or b.interval is not None:
        if a.interval is None or b.interval is None:
            return False
        strip = {"unit": None}
        return a.interval.model_copy(update=strip) == b.interval.model_copy(update=strip)
    return a.form == b.form


def _overlaps(sentence: str, want: Expected, got: Claim) -> bool:
    start = sentence.find(want.text)
    if start < 0:
        raise ValueError(f"expected text {want.text!r} is not in the sentence {sentence!r}")
    end = start + len(want.text)
    at = sentence.find(got.text) if got.text else -1
    while at >= 0:
        if at < end and start < at + len(got.text):
            return True
        at = sentence.find(got.text, at + 1)
    return False


def score_form(form: Form) -> Score:
    """Precision and recall of drafting over one form's cases."""
    kinds = {e.kind for c in form.cases for e in c.expect} or {"quantity"}
    score = Score()
    for case in form.cases:
        drafted = [c for c in draft_claims(case.text, published=case.published, title=case.title) if c.value.kind in kinds]
        used: set[int] = set()
        score.expected += len(case.expect)
        score.drafted += len(drafted)
        for want in case.expect:
            hit = next((i for i, got in enumerate(drafted) if i not in used and _overlaps(case.text, want, got)
                        and _same_reading(want, got, case.published)), None)
            if hit is None:
                near = [f"{c.text!r}={c.value.model_dump(exclude={'kind'}, exclude_none=True)}" for c in drafted]
                score.misses.append(f"  miss  [{form.name}] {want.text!r} {want.value}  in: {case.text}"
                                    f"{'  drafted: ' + ', '.join(near) if near else ''}")
            else:
                used.add(hit)
        score.matched += len(used)
        for i, got in enumerate(drafted):
            if i not in used:
                score.misses.append(f"  extra [{form.name}] {got.text!r} "
                                    f"{got.value.model_dump(exclude={'kind'}, exclude_none=True)}  in: {case.text}")
    return score


def table(forms: list[Form], scores: list[Score]) -> str:
    lines = ["| form | cases | expected | drafted | matched | precision | recall | target |",
             "|---|---:|---:|---:|---:|---:|---:|:---:|"]
    for form, s in zip(forms, scores, strict=True):
        mark = "yes" if s.meets_targets else ("no (known)" if form.below_target else "**no**")
        lines.append(f"| {form.name} | {len(form.cases)} | {s.expected} | {s.drafted} | {s.matched} "
                     f"| {s.precision:.0%} | {s.recall:.0%} | {mark} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", nargs="*", type=Path, help="form files (default: benchmarks/forms/*.yaml)")
    parser.add_argument("--form", help="only the forms whose name contains this text")
    parser.add_argument("--misses", action="store_true", help="list every missed and extra claim")
    parser.add_argument("--check", action="store_true", help="exit 1 when a form's target status is not as marked")
    args = parser.parse_args(argv)
    forms = load_forms(args.data or sorted(DATA.glob("*.yaml")))
    if args.form:
        forms = [f for f in forms if args.form.lower() in f.name.lower()]
    scores = [score_form(f) for f in forms]
    print(table(forms, scores))
    met = sum(s.meets_targets for s in scores)
    print(f"\n{met} of {len(forms)} forms at >= {TARGET_PRECISION:.0%} precision and >= {TARGET_RECALL:.0%} recall")
    if args.misses:
        print("\n".join(m for s in scores for m in s.misses))
    wrong = [f.name for f, s in zip(forms, scores, strict=True) if s.meets_targets == f.below_target]
    if args.check and wrong:
        print("target status not as marked: " + "; ".join(wrong), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
