"""Regular-expression building blocks shared by the extractors."""

from __future__ import annotations

import re
from collections.abc import Iterable


def trie_pattern(words: Iterable[str], not_after: str = "") -> str:
    """A regex alternation of ``words`` factored as a trie ("sa(?:id|ys)"), which the
    regex engine scans much faster than a flat alternation. At a given position it may
    match a shorter word than a longest-first alternation would: anchor it (``\\b``) or
    use it in a lookahead.

    ``not_after``: a character class (r"\\w", r"[\\w.]") that must not come just before
    the word, checked after its first character (``(?<!\\w.)`` there is ``\\b`` before a
    word character): a pattern that starts with a literal character lets the engine
    skip ahead to the places where that character occurs, where one that starts with a
    lookbehind or ``\\b`` is tried at every position of the text."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    guard = f"(?<!{not_after}.)" if not_after else ""

    def build(node: dict, first: bool = False) -> str:
        alts = [re.escape(ch) + (guard if first else "") + build(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body
    return build(trie, first=True)
