"""Articles longer than spaCy's max_length are parsed in pieces, with the results of a
text parsed whole."""

from __future__ import annotations

import pytest

from borderlines.nlp import get_nlp, parse_texts, sentence_table, text_pieces
from conftest import make_corpus


@pytest.mark.parametrize("text, size, pieces", [
    ("First line.\nSecond.\n\nThird paragraph.", 30, ["First line.\nSecond.\n\n", "Third paragraph."]),
    ("One two three four five", 10, ["One two ", "three ", "four five"]),
    ("a.\n\n\n  b.\n\nc.", 8, ["a.\n\n\n  ", "b.\n\nc."]),
    ("x" * 25, 10, ["x" * 10, "x" * 10, "x" * 5]),
    ("short", 10, ["short"]),
    ("", 10, [""]),
])
def test_text_pieces(text, size, pieces):
    assert text_pieces(text, size) == pieces
    assert "".join(text_pieces(text, size)) == text


ARTICLE = ("Officials met in the capital on Monday. “We will not wait,” the minister said. "
           "Arrests fell 12 percent in May, Acme Inc. The agency said 4,100 people were held.\n\n"
           "Critics said the plan was cruel. “It is a crisis!” he said. Another paragraph follows here.\n\n")


def test_long_articles_give_the_results_of_short_ones(monkeypatch):
    from borderlines.quotes import extract_quotes
    from borderlines.terms import token_table
    corpus = make_corpus([{"doc_id": "long", "text": ARTICLE * 40}, {"doc_id": "short", "text": ARTICLE}])
    whole = (sentence_table(corpus), token_table(corpus), extract_quotes(corpus), parse_texts(corpus["text"]))
    monkeypatch.setattr(get_nlp(), "max_length", 500)     # the long article is now 20 times that
    assert len(corpus.loc[0, "text"]) > 20 * get_nlp().max_length
    pieced = (sentence_table(corpus), token_table(corpus), extract_quotes(corpus), parse_texts(corpus["text"]))
    for a, b in zip(whole[:3], pieced[:3]):
        assert a.equals(b)
    for a, b in zip(whole[3], pieced[3]):
        assert [(t.idx, t.text, t.is_sent_start) for t in a] == [(t.idx, t.text, t.is_sent_start) for t in b]
    doc = get_nlp()(corpus.loc[0, "text"])
    assert doc.text == corpus.loc[0, "text"]
