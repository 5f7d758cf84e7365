"""Disjoint sets (union-find): which quotes or fragments, joined pair by pair, are one utterance."""

from __future__ import annotations


class DisjointSets:
    """`count` members, each alone at first; `join` merges two members' sets, `root` names a member's set."""

    def __init__(self, count: int) -> None:
        self.parent = list(range(count))

    def root(self, i: int) -> int:
        """The member that stands for `i`'s set (paths halved on the way, so chains stay short)."""
        parent = self.parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def join(self, i: int, j: int) -> None:
        """Merge the sets of `i` and `j`."""
        self.parent[self.root(i)] = self.root(j)
