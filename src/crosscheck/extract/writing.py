"""Rendering drafted claims as YAML, and merging them into a claims file without losing hand edits.

The output has the shape of a hand-written file (flow-style `value:` and
`draft:` mappings, defaults left out).  `merge_into` parses the existing file
with ruamel.yaml's round-trip loader, so comments, key order and every edit a
person made survive; only drafted claims not already present are appended.
"""

from __future__ import annotations

import io

import yaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import SingleQuotedScalarString

from crosscheck.model.claims import Claim, ClaimsFile
from crosscheck.schemas import schema_url
from crosscheck.text.search import SearchableText, normalize_typography

HEADER = (
    "Drafted by `crosscheck extract`. Check every claim (those with `review: true` first),\n"
    "fix its subject and property, then delete its `draft:` block.\n"
)
_DROP_DEFAULTS = {"approx": "exact", "points": False, "language": "en", "ever": False, "at_least": False}


def _yaml() -> YAML:
    yaml = YAML()  # round-trip: keeps comments and order
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.allow_unicode = True
    return yaml


_YAML11_TYPED = [  # PyYAML's (YAML 1.1) implicit resolvers for every type but str: bool, int, float, null, timestamp, merge
    (first, rx) for first, pairs in yaml.resolver.Resolver.yaml_implicit_resolvers.items() for tag, rx in pairs
    if tag != "tag:yaml.org,2002:str"
]


def _read_as_another_type_by_yaml_1_1(text: str) -> bool:
    """Whether a YAML 1.1 reader takes `text`, written plain, for something else than this string.

    ruamel.yaml (YAML 1.2) quotes what 1.2 would retype ("2035", "true"), but writes plain what only
    1.1 retypes: "on", "no", "1:20" (base 60), "012" (octal), "1_000", a date.
    """
    return any(text[:1] == first and rx.match(text) for first, rx in _YAML11_TYPED) or text in ("", "~")


def _clean(data):
    """JSON-ready data without None and without defaults a hand-written file leaves out.

    Strings a YAML 1.1 reader (PyYAML) would read as another type are quoted, so that the file
    reads back the same under YAML 1.1 and 1.2.
    """
    if isinstance(data, str) and _read_as_another_type_by_yaml_1_1(data):
        return SingleQuotedScalarString(data)
    if isinstance(data, dict):
        return {k: _clean(v) for k, v in data.items() if v is not None and _DROP_DEFAULTS.get(k, object()) != v}
    if isinstance(data, (list, tuple)):
        return [_clean(v) for v in data]
    return data


def _flow(data) -> CommentedMap:
    node = CommentedMap(data)
    node.fa.set_flow_style()
    return node


def claim_node(claim: Claim) -> CommentedMap:
    """One claim as a round-trip mapping, `value`, `scope`, `draft` and `frame` in flow style."""
    data = _clean(claim.model_dump(mode="json", by_alias=True))
    if claim.frame is not None:  # only what differs from a reported level, so an editor reads what was decided
        data["frame"] = _clean(claim.frame.model_dump(mode="json", exclude_defaults=True))
    node = CommentedMap()
    for key, item in data.items():
        if key in ("value", "scope", "draft", "frame") and isinstance(item, dict):
            if key == "draft" and "span" in item:
                span = CommentedSeq(item["span"])
                span.fa.set_flow_style()
                item = {**item, "span": span}
            if key == "value":
                item = {"kind": item.pop("kind"), **item}
            node[key] = _flow({k: (_flow(v) if isinstance(v, dict) else v) for k, v in item.items()})
        else:
            node[key] = item
    return node


def render(claims_file: ClaimsFile) -> str:
    """A drafted claims file as YAML text."""
    doc = CommentedMap()
    data = _clean(claims_file.model_dump(mode="json", by_alias=True, exclude={"claims"}))
    for key, item in data.items():
        doc[key] = item
    doc["claims"] = CommentedSeq(claim_node(c) for c in claims_file.claims)
    doc.yaml_set_start_comment(f"yaml-language-server: $schema={schema_url('claims')}\n{HEADER}")  # editors: completion, hover help
    out = io.StringIO()
    _yaml().dump(doc, out)
    return out.getvalue()


def _present(claim: Claim, existing: list[dict], searchable: SearchableText | None) -> bool:
    """True when a claim with the same kind and value as written already covers the same words."""
    text = normalize_typography(claim.text)
    for item in existing:
        if not isinstance(item, dict):
            continue
        if item.get("id") == claim.id:
            return True
        value = item.get("value") or {}
        if not isinstance(value, dict) or value.get("kind") != claim.value.kind:
            continue
        if normalize_typography(str(item.get("text", ""))) != text:
            continue
        if searchable is None or claim.draft is None or claim.draft.span is None:
            return True
        span = searchable.find(str(item.get("quote", "")))
        if span is None or (span.start < claim.draft.span[1] and claim.draft.span[0] < span.end):
            return True
    return False


def merge_into(existing_text: str, drafted: ClaimsFile, article_text: str | None = None) -> tuple[str, int]:
    """`existing_text` with the drafted claims it lacks appended; returns (text, number added)."""
    yaml = _yaml()
    doc = yaml.load(existing_text)
    if not isinstance(doc, dict):
        raise ValueError("the existing claims file is not a mapping (expected `version`, `document`, `claims`)")
    claims = doc.get("claims")
    if claims is None:
        claims = doc["claims"] = CommentedSeq()
    if not isinstance(claims, list):
        raise ValueError("`claims` in the existing file is not a list")
    searchable = SearchableText(article_text) if article_text is not None else None
    ids = {str(item.get("id")) for item in claims if isinstance(item, dict)}
    added = 0
    for claim in drafted.claims:
        if _present(claim, list(claims), searchable):
            continue
        node = claim_node(claim)
        if claim.id in ids:
            n = 2
            while f"{claim.id}-{n}" in ids:
                n += 1
            node["id"] = f"{claim.id}-{n}"
        ids.add(str(node["id"]))
        claims.append(node)
        added += 1
    out = io.StringIO()
    yaml.dump(doc, out)
    return out.getvalue(), added


