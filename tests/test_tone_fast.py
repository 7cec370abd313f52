"""The fast VADER copy (borderlines.tone_fast) gives vaderSentiment's own scores.

Each example exercises one of VADER's rules that the copy re-implements."""

from __future__ import annotations

import pandas as pd
import pytest
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from borderlines.tone import sentence_tone
from borderlines.tone_fast import FastSentimentIntensityAnalyzer, fast_vader


@pytest.fixture(scope="module")
def reference():
    return SentimentIntensityAnalyzer()


@pytest.mark.parametrize("text", [
    "The talks went well.",                                   # a lexicon word
    "The shelters are not safe.",                             # negation
    "The deal isn't good for farmers.",                       # a negation word
    "They wouldn't've been happy with it.",                   # any word with n't negates
    "The plan is extremely good.",                            # booster
    "The plan is very very bad.",                             # boosters further back
    "The crossing was GREAT, officials said.",                # capitals among lower case
    "ALL CAPS IS LOUD AND GOOD",                              # every word in capitals
    "The visit was good, but the results were poor.",         # "but" shifts the weight
    "It was kind of good.",                                   # "kind of"
    "At least the aid arrived.",                              # "least"
    "The numbers were the least bad of the year.",
    "Never so happy to see a bridge open.",                   # "never so"
    "Without doubt a good outcome.",                          # "without doubt"
    "That was the bomb.",                                     # an idiom
    "No good options remain.",                                # "no" before a lexicon word
    "Agents processed 1,200 people on Tuesday.",              # no lexicon word
    "Good!!! Really good?!",                                  # punctuation emphasis
    "They smiled 😊 at the border.",                          # emoji: scored by VADER itself
    "   ",
    "",
])
def test_fast_copy_gives_vaders_scores(reference, text):
    assert FastSentimentIntensityAnalyzer().polarity_scores(text) == reference.polarity_scores(text)


def test_sentence_tone_is_the_same_with_either_analyzer(bundled_corpus):
    pd.testing.assert_frame_equal(sentence_tone(bundled_corpus, analyzer=fast_vader()),
                                  sentence_tone(bundled_corpus))
