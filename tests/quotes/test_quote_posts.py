"""Embedded posts (borderlines.quotes.posts): a post reproduced in full and signed
"— Name (@handle) date" is one ``embedded`` row spoken by its author; quotation marks inside
it and the same words quoted again in the text give no rows of their own."""

from __future__ import annotations

import pytest

from quote_examples import TRUMP, quotes_of, row, rows_named, rows_of

# (text, rows named by their quote), with the bundled actors table
POSTS = [
    pytest.param("Border numbers are down. — Donald J. Trump (@realDonaldTrump) June 10, 2019\n\n"
                 "We stand with migrants. — Jane Roe (@janeroe) March 3, 2019",
                 [row("Border numbers are down.", kind="embedded", method="tweet_signature", speaker=TRUMP,
                      speaker_mention="Donald J. Trump (@realDonaldTrump)"),
                  row("We stand with migrants.", speaker="Jane Roe", role="unknown", country="")],
                 id="author-by-handle-or-name"),
]


@pytest.mark.parametrize("text, expected", POSTS)
def test_embedded_posts(text, expected):
    assert rows_named(quotes_of(text), expected) == expected


# (text, every row it gives as (kind, quote, speaker)), with the bundled actors table
POSTS_ALL = [
    pytest.param("They call it a “crisis” but it is not. — Donald J. Trump (@realDonaldTrump) June 10, 2019",
                 [("embedded", "They call it a “crisis” but it is not.", TRUMP)],
                 id="quotes-inside-a-post-are-not-quotes-of-their-own"),
    pytest.param("Roe tweeted: “The ferry runs again on Monday.”\n\nThe ferry runs again on Monday. "
                 "— Ana Roe (@anaroe) June 10, 2019",
                 [("embedded", "The ferry runs again on Monday.", "Ana Roe")], id="quoted-before-the-post"),
    pytest.param("The ferry runs again on Monday. — Ana Roe (@anaroe) June 10, 2019\n\n"
                 "Later, Roe tweeted again: “The ferry runs again on Monday.”",
                 [("embedded", "The ferry runs again on Monday.", "Ana Roe")], id="quoted-after-the-post"),
]


@pytest.mark.parametrize("text, expected", POSTS_ALL)
def test_a_post_counts_once(text, expected):
    assert rows_of(quotes_of(text), ["kind", "quote", "speaker"]) == expected
