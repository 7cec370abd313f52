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
    pytest.param("Talks resumed. Both sides met.", ["Talks resumed.", "Both sides met."], id="full-stop"),
    pytest.param("Is it over? Nobody knows!", ["Is it over?", "Nobody knows!"], id="question-and-exclamation"),
    # a line break ends a sentence, so a headline without a full stop stands alone
    pytest.param("Ministers meet in Lima\nThe meeting starts today.",
                 ["Ministers meet in Lima", "The meeting starts today."], id="headline-line-break"),
    pytest.param("First paragraph here\n\nSecond one", ["First paragraph here", "Second one"], id="paragraph-break"),
    # an opening quotation mark goes with the sentence it opens
    pytest.param("He left. “We will return,” he said.", ["He left.", "“We will return,” he said."],
                 id="curly-opening-quote"),
    pytest.param("She nodded. \"Fine,\" she said.", ["She nodded.", "\"Fine,\" she said."],
                 id="straight-opening-quote"),
    # an attribution after an exclaimed or asked quotation stays in its sentence
    pytest.param("“Open the gates!” she shouted. Nobody moved.",
                 ["“Open the gates!” she shouted.", "Nobody moved."], id="attribution-after-exclamation"),
    pytest.param("“Why now?” he asked.", ["“Why now?” he asked."], id="attribution-after-question"),
    # ... but a capitalized word after it starts a new sentence
    pytest.param("“Go!” Then silence.", ["“Go!”", "Then silence."], id="capitalized-word-after-quotation"),
    # an abbreviation that ends a sentence, before a word that opens one
    pytest.param("The plant is near Nogales, Ariz. The owners agreed.",
                 ["The plant is near Nogales, Ariz.", "The owners agreed."], id="state-abbreviation-after-city"),
    pytest.param("He works for Widget Co. In March he quit.", ["He works for Widget Co.", "In March he quit."],
                 id="company-abbreviation"),
    # ... never before a name, nor a state abbreviation without a city before it
    pytest.param("Officials in Washington, D.C. Mayor Lee spoke.",
                 ["Officials in Washington, D.C. Mayor Lee spoke."], id="abbreviation-before-a-name"),
    pytest.param("Ariz. The rest follows.", ["Ariz. The rest follows."], id="state-abbreviation-without-city"),
]


@pytest.mark.parametrize("text, expected", SENTENCES)
def test_sentence_rules(text, expected):
    corpus = make_corpus([{"doc_id": "s", "text": text}])
    assert nlp.sentence_table(corpus)["sentence"].tolist() == expected
    parsed = nlp.sentence_table(corpus, docs=nlp.parse_texts(corpus["text"].tolist()))
    assert parsed["sentence"].tolist() == expected


def test_a_single_line_break_ends_a_sentence_in_text_given_as_is():
    # the corpus cleaner makes a single line break a paragraph break; the rule holds
    # without it too, for a text table that did not come through the cleaner
    text = "Ministers meet in Lima\nThe meeting starts today."
    table = pd.DataFrame({"doc_id": ["s"], "text": [text]})
    expected = ["Ministers meet in Lima", "The meeting starts today."]
    assert nlp.sentence_table(table)["sentence"].tolist() == expected
    assert nlp.sentence_table(table, docs=nlp.parse_texts([text]))["sentence"].tolist() == expected


WORD_COUNTS = [
    pytest.param("Agents detained 66,450 people.", 4, id="number-with-comma-is-one-word"),
    pytest.param("They don’t agree — at all.", 6, id="contraction-is-two-dash-none"),
    pytest.param("@BorderChief posted “Thanks”!", 3, id="handle-is-a-word-quotation-marks-not"),
    pytest.param("... !!! —", 0, id="punctuation-only"),
]


@pytest.mark.parametrize("text, n_words", WORD_COUNTS)
def test_word_counts(text, n_words):
    assert nlp.count_words(nlp.get_nlp()(text)) == n_words
    corpus = make_corpus([{"doc_id": "w", "text": text}])
    assert nlp.sentence_table(corpus)["n_words"].sum() == n_words


def test_an_empty_text_has_no_words():
    # a corpus refuses an empty text, so the table is given as is
    assert nlp.count_words(nlp.get_nlp()("")) == 0
    assert nlp.sentence_table(pd.DataFrame({"doc_id": ["w"], "text": [""]}))["n_words"].sum() == 0


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
