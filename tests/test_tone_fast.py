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


VADER_RULES = [
    pytest.param("The talks went well.", id="lexicon-word"),
    pytest.param("The shelters are not safe.", id="negation"),
    pytest.param("The deal isn't good for farmers.", id="negation-word"),
    pytest.param("They wouldn't've been happy with it.", id="any-nt-negates"),
    pytest.param("The plan is extremely good.", id="booster"),
    pytest.param("The plan is very very bad.", id="boosters-further-back"),
    pytest.param("The crossing was GREAT, officials said.", id="capitals-among-lower-case"),
    pytest.param("ALL CAPS IS LOUD AND GOOD", id="every-word-in-capitals"),
    pytest.param("The visit was good, but the results were poor.", id="but-shifts-the-weight"),
    pytest.param("It was kind of good.", id="kind-of"),
    pytest.param("At least the aid arrived.", id="least"),
    pytest.param("The numbers were the least bad of the year.", id="the-least"),
    pytest.param("Never so happy to see a bridge open.", id="never-so"),
    pytest.param("Without doubt a good outcome.", id="without-doubt"),
    pytest.param("That was the bomb.", id="idiom"),
    pytest.param("No good options remain.", id="no-before-a-lexicon-word"),
    pytest.param("Agents processed 1,200 people on Tuesday.", id="no-lexicon-word"),
    pytest.param("Good!!! Really good?!", id="punctuation-emphasis"),
    pytest.param("They smiled 😊 at the border.", id="emoji-scored-by-vader-itself"),
    pytest.param("   ", id="blank"),
    pytest.param("", id="empty"),
]


@pytest.mark.parametrize("text", VADER_RULES)
def test_fast_copy_gives_vaders_scores(reference, text):
    assert FastSentimentIntensityAnalyzer().polarity_scores(text) == reference.polarity_scores(text)


def test_sentence_tone_is_the_same_with_either_analyzer(bundled_corpus):
    pd.testing.assert_frame_equal(sentence_tone(bundled_corpus, analyzer=fast_vader()),
                                  sentence_tone(bundled_corpus))
