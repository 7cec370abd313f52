"""Frames per era (borderlines.compare.frames): shares with intervals, examples, triggers,
differences between eras; the bootstrap settings reach frames and tone alike."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from conftest import make_corpus
from frame_lexicons import CODEBOOK_FRAMES, LEXICON, share_corpus

from borderlines import compare, frames as fr
from borderlines.compare import MEASURE_DIFFERENCE_COLUMNS
from borderlines.nlp import sentence_table


def test_frame_shares_with_intervals_and_empty_frames():
    corpus = share_corpus()
    lexicon = fr.frames_from_data(LEXICON)
    sentences = sentence_table(corpus)
    sf = fr.sentence_frames(corpus, lexicon, sentences)
    shares = compare.frames.frame_shares(sf, sentences, corpus, frames=lexicon, seed=1)
    assert list(shares.columns) == list(compare.frames.FRAME_SHARE_COLUMNS)
    assert len(shares) == 2 * 4 and list(dict.fromkeys(shares["era"])) == ["trump_1", "biden"]
    s = shares.set_index(["era", "frame"])
    sec = s.loc[("trump_1", "security")]
    assert (sec["n_framed"], sec["n_sentences"], sec["n_articles"]) == (2, 6, 2)
    assert sec["estimate"] == pytest.approx(2 / 6)
    assert np.isnan(sec["ci_low"]) and sec["note"] == "fewer than 3 articles: no interval"  # two articles
    crime_b = s.loc[("biden", "crime")]
    assert crime_b["estimate"] == pytest.approx(1 / 2) and crime_b["note"] == "one article: no interval"
    assert np.isnan(crime_b["ci_low"])
    assert s.loc[("biden", "economy"), "estimate"] == 0       # listed although nothing matched
    # without the lexicon only frames that matched are listed
    assert set(compare.frames.frame_shares(sf, sentences, corpus)["frame"]) == {"security", "crime"}
    again = compare.frames.frame_shares(sf, sentences, corpus, frames=lexicon, seed=1)
    pd.testing.assert_frame_equal(shares, again)


def test_frame_examples_rank_by_triggers():
    corpus = make_corpus([{"doc_id": "e1", "text": "A wall. A wall and a border wall and ICE. Wall, wall."}])
    sf = fr.sentence_frames(corpus, fr.frames_from_data(LEXICON))
    examples = compare.frames.frame_examples(sf, n=2)
    sec = examples[examples["frame"] == "security"]
    assert list(sec["rank"]) == [1, 2]
    assert list(sec["sent_id"]) == [1, 2]       # three triggers (3 distinct), then two
    assert list(examples.columns) == list(compare.frames.FRAME_EXAMPLE_COLUMNS)


def test_bundled_corpus_frames(bundled_corpus):
    sentences = sentence_table(bundled_corpus)
    sf = fr.sentence_frames(bundled_corpus, sentences=sentences)
    assert set(sf["frame"]) == set(CODEBOOK_FRAMES)
    shares = compare.frames.frame_shares(sf, sentences, bundled_corpus, frames=fr.load_frames())
    assert shares["estimate"].between(0, 1).all()
    biden = shares[shares["era"] == "biden"]
    assert (biden["note"] == "one article: no interval").all()


def test_frame_triggers_count_matches_sentences_and_forms():
    corpus = make_corpus([
        {"doc_id": "t1", "text": "They built border walls. The wall and another wall stood. Deported men."},
        {"doc_id": "b1", "text": "Deporting, deported: deport.", "era": "biden"},
    ])
    lexicon = fr.frames_from_data(LEXICON)
    triggers = compare.frames.frame_triggers(fr.frame_matches(corpus, lexicon), lexicon, eras=["trump_1", "biden"])
    assert list(triggers.columns) == list(compare.frames.FRAME_TRIGGER_COLUMNS)
    rows = {(r.era, r.frame, r.entry): (r.n_matches, r.n_sentences, r.forms) for r in triggers.itertuples()}
    assert rows[("trump_1", "security", "wall")] == (2, 1, "wall")
    assert rows[("trump_1", "security", "border wall")] == (1, 1, "border walls")
    assert rows[("biden", "crime", "deport")] == (3, 1, "deport; deported; deporting")
    # eras in the order given, frames in lexicon order, most matches first
    assert list(triggers["era"]) == sorted(triggers["era"], key=["trump_1", "biden"].index)
    sec = triggers[(triggers["era"] == "trump_1") & (triggers["frame"] == "security")]
    assert list(sec["entry"]) == ["wall", "border wall"]
    assert compare.frames.frame_triggers(fr.frame_matches(corpus, lexicon), lexicon, eras=["trump_2"]).empty
    assert compare.frames.frame_triggers(fr.frame_matches(corpus, lexicon), max_forms=1).loc[
        lambda t: t["entry"] == "deport", "forms"].tolist() == ["deported", "deport"]


def test_frame_share_differences():
    corpus = share_corpus()
    lexicon = fr.frames_from_data(LEXICON)
    sentences = sentence_table(corpus)
    sf = fr.sentence_frames(corpus, lexicon, sentences)
    shares = compare.frames.frame_shares(sf, sentences, corpus, frames=lexicon, seed=1)
    diffs = compare.frames.frame_share_differences(sf, sentences, corpus, "trump_1", "biden", frames=lexicon, seed=1)
    assert list(diffs.columns) == [*compare.frames.FRAME_DIFFERENCE_COLUMNS, *(c for c in MEASURE_DIFFERENCE_COLUMNS
                                                                  if c != "label")] and len(diffs) == 4
    assert diffs.set_index("frame").loc["crime", "definition"].startswith(
        f"share of the era's sentences with at least one entry of the frame '{diffs.set_index('frame').loc['crime', 'label']}'")
    s = shares.set_index(["era", "frame"])["estimate"]
    row = diffs.set_index("frame").loc["crime"]
    assert row["estimate"] == pytest.approx(s[("biden", "crime")] - s[("trump_1", "crime")])
    assert (row["n_framed_a"], row["n_framed_b"]) == (1, 1)
    # two articles against one: no interval, and no p below 1/3
    assert np.isnan(row["low"]) and "too few articles" in row["note"] and row["p_min"] == pytest.approx(1 / 3)
    assert diffs["estimate"].abs().is_monotonic_decreasing
    missing = compare.frames.frame_share_differences(sf, sentences, corpus, "trump_1", "trump_2", frames=lexicon)
    assert missing["estimate"].isna().all() and (missing["n_framed_b"] == 0).all()
    with pytest.raises(ValueError, match="both 'biden'"):
        compare.frames.frame_share_differences(sf, sentences, corpus, "biden", "biden")
