"""Field docstrings as JSON Schema descriptions, read from the source only when a schema is made.

The models document each field with a docstring under its declaration.  pydantic's
`use_attribute_docstrings` would read them by parsing every model's source at import;
`model.base.Frozen` instead calls `describe_fields` from `json_schema_extra`, so only
`python -m crosscheck.schemas` (and whoever asks for a schema) pays for it.  The
descriptions land where pydantic would put them, so the published schemas are unchanged.
"""

from __future__ import annotations

import ast
import inspect
import textwrap
from typing import Any

from pydantic import BaseModel


def attribute_docstrings(cls: type) -> dict[str, str]:
    """Field name -> the docstring under its declaration, in `cls` and the models it extends."""
    docs: dict[str, str] = {}
    for klass in reversed([k for k in cls.__mro__ if issubclass(k, BaseModel) and k is not BaseModel]):
        try:
            tree = ast.parse(textwrap.dedent(inspect.getsource(klass)))
        except (OSError, TypeError, SyntaxError):  # pragma: no cover - no source (frozen app, REPL)
            continue
        body = tree.body[0].body if tree.body and isinstance(tree.body[0], ast.ClassDef) else []
        for node, after in zip(body, body[1:]):
            if (isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and isinstance(after, ast.Expr)
                    and isinstance(after.value, ast.Constant) and isinstance(after.value.value, str)):
                docs[node.target.id] = inspect.cleandoc(after.value.value)
    return docs


def describe_fields(schema: dict[str, Any], cls: type[BaseModel]) -> None:
    """Give each property of `cls`'s JSON Schema the docstring under its field's declaration."""
    docs = attribute_docstrings(cls)
    properties = schema.get("properties", {})
    for name, info in cls.model_fields.items():
        doc = docs.get(name)
        if doc is None or info.description is not None:
            continue
        for key in (info.alias, name):
            if key in properties and "description" not in properties[key]:
                properties[key] = _with_description(properties[key], doc, sort=key not in ("properties", "default"))
                break


def _with_description(schema: dict[str, Any], doc: str, *, sort: bool) -> dict[str, Any]:
    """`schema` with a description, keys in pydantic's order (sorted, except under a key it leaves as is)."""
    if sort:
        return dict(sorted({**schema, "description": doc}.items()))
    out = {k: v for k, v in schema.items() if k != "title"}
    out["description"] = doc
    if "title" in schema:
        out["title"] = schema["title"]
    return out
