"""Sentence rules and the word counter (borderlines.nlp), as tables of (text, expected).

Every sentence example is checked on both ways of parsing, the spaCy pipeline
(``get_nlp``, whose ``sentence_fixes`` component applies the rules) and the array path
(``parse_texts``), which share one implementation of the rules."""

from __future__ import annotations

import pandas as pd
import pytest
from conftest import make_corpus

from borderlines import nlp

SENTENCES = [
    # the sentencizer: final punctuation ends a sentence
    ("Talks resumed. Both sides met.", ["Talks resumed.", "Both sides met."]),
    ("Is it over? Nobody knows!", ["Is it over?", "Nobody knows!"]),
    # a line break ends a sentence, so a headline without a full stop stands alone
    ("Ministers meet in Lima\nThe meeting starts today.", ["Ministers meet in Lima", "The meeting starts today."]),
    ("First paragraph here\n\nSecond one", ["First paragraph here", "Second one"]),
    # an opening quotation mark goes with the sentence it opens
    ("He left. “We will return,” he said.", ["He left.", "“We will return,” he said."]),
    ("She nodded. \"Fine,\" she said.", ["She nodded.", "\"Fine,\" she said."]),
    # an attribution after an exclaimed or asked quotation stays in its sentence
    ("“Open the gates!” she shouted. Nobody moved.", ["“Open the gates!” she shouted.", "Nobody moved."]),
    ("“Why now?” he asked.", ["“Why now?” he asked."]),
    # ... but a capitalized word after it starts a new sentence
    ("“Go!” Then silence.", ["“Go!”", "Then silence."]),
    # an abbreviation that ends a sentence, before a word that opens one
    ("The plant is near Nogales, Ariz. The owners agreed.", ["The plant is near Nogales, Ariz.", "The owners agreed."]),
    ("He works for Widget Co. In March he quit.", ["He works for Widget Co.", "In March he quit."]),
    # ... never before a name, nor a state abbreviation without a city before it
    ("Officials in Washington, D.C. Mayor Lee spoke.", ["Officials in Washington, D.C. Mayor Lee spoke."]),
    ("Ariz. The rest follows.", ["Ariz. The rest follows."]),
]


@pytest.mark.parametrize("text, expected", SENTENCES)
def test_sentence_rules(text, expected):
    corpus = pd.DataFrame({"doc_id": ["s"], "text": [text]})
    assert nlp.sentence_table(corpus)["sentence"].tolist() == expected
    parsed = nlp.sentence_table(corpus, docs=nlp.parse_texts([text]))
    assert parsed["sentence"].tolist() == expected


@pytest.mark.parametrize("text, n_words", [
    ("Agents detained 66,450 people.", 4),        # a number with a comma is one word
    ("They don’t agree — at all.", 6),             # "do" and "n’t" are two, the dash none
    ("@BorderChief posted “Thanks”!", 3),          # a handle is a word, quotation marks are not
    ("... !!! —", 0),
    ("", 0),
])
def test_word_counts(text, n_words):
    doc = nlp.get_nlp()(text)
    assert nlp.count_words(doc) == n_words
    corpus = pd.DataFrame({"doc_id": ["w"], "text": [text]})
    assert nlp.sentence_table(corpus)["n_words"].sum() == n_words


def test_every_word_count_is_the_same():
    """The articles' word counts of the token table (terms), the sentence table, the
    text statistics and the quote rates agree: "per 1,000 words" means one thing."""
    from borderlines import compare, terms, textstats
    corpus = make_corpus([
        {"doc_id": "a", "text": "Officials met on Friday. “We agreed,” one said.\n\nTalks resume in May."},
        {"doc_id": "b", "text": "The 2,000 troops — deployed in June — left. Nobody don’t know why!"},
        {"doc_id": "c", "text": "—"},
    ])
    sentences = nlp.sentence_table(corpus)
    by_sentences = sentences.groupby("doc_id")["n_words"].sum().reindex(corpus["doc_id"], fill_value=0)
    by_tokens = terms.doc_words(terms.token_table(corpus)).set_index("doc_id")["n_words"]
    by_stats = textstats.article_stats(corpus).set_index("doc_id")["n_words"]
    by_quotes = compare.quotes._article_word_counts(corpus)
    expected = [nlp.count_words(nlp.get_nlp()(t)) for t in corpus["text"]]
    for counts in (by_sentences, by_tokens, by_stats, by_quotes):
        assert counts.loc[list(corpus["doc_id"])].tolist() == expected
