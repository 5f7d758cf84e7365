"""Positions for errors: a JSON path in a YAML file to its line and column, parsed only when asked."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any


class Locator:
    """Maps a JSON path in a YAML file to a line and column; parses lazily, only when asked."""

    def __init__(self, text: str):
        self._text = text
        self._root: Any = None
        self._parsed = False

    def _load(self) -> Any:
        if not self._parsed:
            from ruamel.yaml import YAML  # the slow, position-keeping loader: error path only

            self._parsed = True
            try:
                self._root = YAML(typ="rt", pure=True).load(self._text)
            except Exception:
                self._root = None
        return self._root

    def locate(self, loc: Iterable[object]) -> tuple[int, int]:
        """1-based (line, column) of the deepest node of `loc` that exists in the file."""
        from ruamel.yaml.comments import CommentedMap, CommentedSeq  # loaded by `_load` already

        node = self._load()
        line, column = 0, 0
        for part in loc:
            if isinstance(node, CommentedMap) and part in node:
                lc = node.lc
                is_leaf = not isinstance(node[part], (dict, list))
                line, column = lc.value(part) if is_leaf else lc.key(part)
                node = node[part]
            elif isinstance(node, CommentedSeq) and isinstance(part, int) and 0 <= part < len(node):
                line, column = node.lc.item(part)
                node = node[part]
            elif isinstance(node, dict):
                continue  # a union tag in pydantic's path, or a missing key: stay on the parent
            else:
                break
        return line + 1, column + 1
