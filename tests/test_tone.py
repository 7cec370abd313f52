"""Sentence tone (borderlines.tone: VADER scores and labels, quotes vs narration) and tone
per era (borderlines.compare.tone)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from conftest import make_corpus

from borderlines import compare, uncertainty
from borderlines import tone as tone_mod

TONE_LABELS = [
    pytest.param(0.05, "positive", id="positive-threshold"),
    pytest.param(0.049, "neutral", id="just-under-positive"),
    pytest.param(0.0, "neutral", id="zero"),
    pytest.param(-0.049, "neutral", id="just-above-negative"),
    pytest.param(-0.05, "negative", id="negative-threshold"),
    pytest.param(1.0, "positive", id="most-positive"),
    pytest.param(-1.0, "negative", id="most-negative"),
]


@pytest.mark.parametrize("compound, label", TONE_LABELS)
def test_tone_label_thresholds(compound, label):
    assert tone_mod.tone_label(compound) == label


TONE_TEXT = ("Officials met on Tuesday. “This is a terrible, horrible disaster,” she said. "
             "The plan was a “great” success, according to reports.")


def tone_corpus():
    return make_corpus([{"doc_id": "t1", "text": TONE_TEXT},
                        {"doc_id": "b1", "text": "What a wonderful day. It was fine.", "era": "biden"}])


def test_sentence_tone_uses_vader_scores_and_thresholds():
    tone = tone_mod.sentence_tone(tone_corpus())
    assert list(tone.columns) == list(tone_mod.TONE_COLUMNS)
    t1 = tone[tone["doc_id"] == "t1"].set_index("sent_id")
    assert t1.loc[0, "tone"] == "neutral" and t1.loc[0, "compound"] == 0
    assert t1.loc[1, "tone"] == "negative" and t1.loc[1, "compound"] < -0.5
    assert t1.loc[2, "tone"] == "positive"
    assert np.allclose(tone[["pos", "neu", "neg"]].sum(axis=1), 1, atol=0.01)


def test_tone_by_era():
    tone = tone_mod.sentence_tone(tone_corpus())
    by_era = compare.tone.tone_by_era(tone, seed=3).set_index("era")
    assert list(by_era.reset_index().columns) == list(compare.tone.TONE_ERA_COLUMNS)
    trump = tone[tone["era"] == "trump_1"]["compound"]
    assert by_era.loc["trump_1", "estimate"] == pytest.approx(trump.mean())
    assert by_era.loc["trump_1", "median"] == pytest.approx(trump.median())
    assert by_era.loc["trump_1", "n_sentences"] == 3 and by_era.loc["biden", "n_sentences"] == 2
    shares = by_era[["share_positive", "share_neutral", "share_negative"]].sum(axis=1)
    assert np.allclose(shares, 1)
    assert by_era["too_few_sentences"].all()        # 3 and 2 sentences, under the default 20
    assert by_era.loc["biden", "note"] == "one article: no interval; too few sentences (2, under 20): not a finding"
    assert "too few sentences" in uncertainty.format_estimate(by_era.loc["biden"])
    enough = compare.tone.tone_by_era(tone, seed=3, min_sentences=2).set_index("era")
    assert not enough["too_few_sentences"].any() and (enough["note"] == "one article: no interval").all()
    assert enough.loc["trump_1", "estimate"] == by_era.loc["trump_1", "estimate"]   # flagged, not changed


def test_tone_by_voice_flags_too_few_sentences():
    tone = tone_mod.sentence_tone(tone_corpus())
    result = compare.tone.tone_quotes_vs_narration(tone, quotes_table(), min_sentences=2).set_index(["era", "voice"])
    assert bool(result.loc[("trump_1", "quote"), "too_few_sentences"])          # one quoted sentence
    assert not result.loc[("trump_1", "narration"), "too_few_sentences"]        # two narrated ones
    assert "too few sentences (1, under 2)" in result.loc[("trump_1", "quote"), "note"]
    assert result.loc[("biden", "quote"), "note"] == "no articles"              # nothing to flag


def quotes_table():
    first = TONE_TEXT.index("“This")
    first_end = TONE_TEXT.index("”", first) + 1
    great = TONE_TEXT.index("“great”")
    return pd.DataFrame({
        "doc_id": ["t1", "t1", "t1"],
        "start": [first, first + 1, great],           # the second span lies inside the first
        "end": [first_end, first + 10, great + len("“great”")],
        "speaker": ["she", "she", ""],
    })


def test_sentences_are_quote_or_narration_by_overlap():
    tone = tone_mod.sentence_tone(tone_corpus())
    voiced = tone_mod.sentence_voice(tone, quotes_table()).set_index(["doc_id", "sent_id"])
    quote = voiced.loc[("t1", 1)]
    span = TONE_TEXT.index("”") + 1 - TONE_TEXT.index("“This")
    assert quote["quote_chars"] == span                 # nested spans counted once
    assert quote["voice"] == "quote"
    assert voiced.loc[("t1", 2), "voice"] == "narration"    # a scare quote is not a quotation
    assert voiced.loc[("t1", 0), "quote_chars"] == 0
    assert (voiced.loc["b1", "voice"] == "narration").all()
    strict = tone_mod.sentence_voice(tone, quotes_table(), min_overlap=0.9)
    assert (strict["voice"] == "narration").all()


def test_only_quoted_kinds_count_when_quotes_have_kinds():
    tone = tone_mod.sentence_tone(tone_corpus())
    quotes = quotes_table().assign(kind=["indirect", "indirect", "partial"])
    assert (tone_mod.sentence_voice(tone, quotes)["voice"] == "narration").all()
    every = tone_mod.sentence_voice(tone, quotes, kinds=None).set_index(["doc_id", "sent_id"])
    assert every.loc[("t1", 1), "voice"] == "quote"
    direct = tone_mod.sentence_voice(tone, quotes.assign(kind=["direct", "direct", "partial"]))
    assert list(direct.loc[direct["voice"] == "quote", "sent_id"]) == [1]


def test_tone_quotes_vs_narration():
    tone = tone_mod.sentence_tone(tone_corpus())
    result = compare.tone.tone_quotes_vs_narration(tone, quotes_table()).set_index(["era", "voice"])
    assert list(result.reset_index().columns) == list(compare.tone.TONE_VOICE_COLUMNS)
    t1 = tone[tone["doc_id"] == "t1"].set_index("sent_id")["compound"]
    assert result.loc[("trump_1", "quote"), "estimate"] == pytest.approx(t1[1])
    assert result.loc[("trump_1", "narration"), "estimate"] == pytest.approx((t1[0] + t1[2]) / 2)
    assert result.loc[("trump_1", "narration"), "n_sentences"] == 2
    no_quotes = result.loc[("biden", "quote")]
    assert no_quotes["n_articles"] == 0 and no_quotes["note"] == "no articles"
    with pytest.raises(ValueError, match="lacks column.*end"):
        compare.tone.tone_quotes_vs_narration(tone, quotes_table().drop(columns="end"))


def test_tone_histogram_bins_and_shares():
    tone = pd.DataFrame({"era": ["a", "a", "a", "a", "b"], "compound": [-1.0, -0.05, 0.0, 1.0, 0.3]})
    hist = compare.tone.tone_histogram(tone, bins=4, eras=["a", "b", "c"])
    assert list(hist.columns) == list(compare.tone.TONE_BIN_COLUMNS) and len(hist) == 12
    a = hist[hist["era"] == "a"]
    assert list(a["bin_start"]) == [-1.0, -0.5, 0.0, 0.5]
    assert list(a["n_sentences"]) == [1, 1, 1, 1]                  # 1.0 falls in the last bin
    assert a["share"].sum() == pytest.approx(1)
    assert hist[hist["era"] == "c"]["share"].isna().all()
    with pytest.raises(ValueError):
        compare.tone.tone_histogram(tone, bins=0)
