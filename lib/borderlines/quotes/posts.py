"""Rows for embedded posts (a tweet reproduced in full, found by
:func:`borderlines.cleaning.embedded_posts`): the post's text without its signature,
spoken by the signature's author."""

from __future__ import annotations

import re
from typing import NamedTuple

import pandas as pd

from .actors import _ActorIndex, _key
from .vocabulary import _TITLE_WORDS
from .article import _Article, _Mention
from .marks import _content_span
from .rows import _row


class _Post(NamedTuple):
    """One row of :func:`~borderlines.cleaning.embedded_posts`, as much as quotes need."""
    start: int
    end: int
    text_end: int
    author: str
    handle: str


def _posts_by_doc(posts: pd.DataFrame) -> dict[object, list[_Post]]:
    """``{doc_id: [post, ...]}`` in table order: plain records, because reading pandas
    rows one at a time inside the per-article loop is slow."""
    out: dict[object, list[_Post]] = {}
    if not len(posts):
        return out
    for d, start, end, text_end, author, handle in zip(posts["doc_id"], posts["start"], posts["end"],
                                                       posts["text_end"], posts["author"], posts["handle"]):
        out.setdefault(d, []).append(_Post(int(start), int(end), int(text_end), author, handle))
    return out


_LEADING_TITLES_RE = re.compile(r"^(?:(?:" + "|".join(re.escape(t) for t in _TITLE_WORDS) + r")\s+)+")


def _embedded_rows(art: _Article, posts: list[_Post], index: _ActorIndex, group0: int) -> list[dict]:
    """Rows for posts reproduced in the text; the speaker comes from the signature's
    handle, else its name (titles such as "Sec." dropped)."""
    text = art.text
    rows = []
    for k, post in enumerate(posts):
        start, end = _content_span(text, post.start, post.text_end)
        bare = _LEADING_TITLES_RE.sub("", post.author)
        names = (index.lookup.get(_key(post.handle), ()) or index.lookup.get(_key(post.author), ())
                 or index.lookup.get(_key(bare), ()))
        sig_start = text.find(post.author, post.text_end, post.end)
        sig_end = text.find(")", sig_start) + 1 if sig_start >= 0 else 0
        if sig_start < 0 or sig_end <= 0:
            sig_start, sig_end = post.text_end, post.end
        mention = _Mention(sig_start, sig_end, names[0] if names else bare, "person", "tweet_signature")
        rows.append(_row(art, "embedded", start, end, post.start, post.end, mention,
                         "tweet_signature", [], index, group0 + k))
    return rows


_NOT_WORD_RE = re.compile(r"[\W_]+")


def _without_repeated_posts(rows: list[dict], embedded: list[dict]) -> list[dict]:
    """``rows`` without the direct quotes that repeat an embedded post of the article
    (the post's words quoted again in the text, or most of them): a post counts once, as
    its ``embedded`` row."""
    posts = [_NOT_WORD_RE.sub(" ", r["quote"]).strip().lower() for r in embedded]
    posts = [p for p in posts if p]
    if not posts:
        return rows

    def repeats(row):
        words = _NOT_WORD_RE.sub(" ", row["quote"]).strip().lower()
        return row["kind"] == "direct" and bool(words) and any(words in p and 2 * len(words) >= len(p) for p in posts)
    return [r for r in rows if not repeats(r)]
