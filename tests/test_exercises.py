"""Exercise checks (each path: unanswered, wrong, right), explorers and in-memory edits."""

from __future__ import annotations

import pandas as pd
import pytest

from borderlines import exercises, explore
from borderlines.cleaning import Rule
from borderlines.corpus import corpus_from_records
from borderlines.eras import load_eras
from borderlines.frames import add_frame_entry, load_frames
from borderlines.nlp import sentence_table
from borderlines.problems import CorpusError
from borderlines.quotes import ActorsError, add_actor, extract_quotes, load_actors


@pytest.fixture(scope="module")
def small():
    return corpus_from_records([
        {"id": "a", "date": "2019-03-01", "text": "Tariffs rose. The caravan moved north. Tariffs fell."},
        {"id": "b", "date": "2019-09-01", "text": "A caravan of migrants arrived."},
        {"id": "c", "date": "2022-01-05", "text": "New tariffs were announced by officials."},
    ])


def test_corpus_from_records_validates_like_a_file():
    with pytest.raises(CorpusError, match="is not a date"):
        corpus_from_records([{"id": "x", "date": "soon", "text": "t"}])


def test_check_concordance(small):
    assert exercises.check_concordance(None, None, "tariffs", small).ok is None
    assert exercises.check_concordance(3, 3, "tariffs", small).ok is False
    v = exercises.check_concordance(3, 2, "tariffs", small)
    assert v.ok is True and "3 times in 2 articles" in v.message
    assert v._repr_markdown_().startswith("✅")


def test_check_era_boundaries(small):
    eras = load_eras()
    split = eras.copy()
    split.loc[0, "end"] = pd.Timestamp("2019-06-07")
    split = pd.concat([split.iloc[:1], pd.DataFrame([{"era": "later", "label": "Later",
                                                      "start": pd.Timestamp("2019-06-08"),
                                                      "end": pd.Timestamp("2021-01-19")}]), split.iloc[1:]],
                      ignore_index=True)
    assert exercises.check_era_boundaries(split, 1, "2019-06-08", small, era="later").ok is True
    assert exercises.check_era_boundaries(split, 2, "2019-06-08", small, era="later").ok is False
    assert "should start" in exercises.check_era_boundaries(eras, 1, "2019-06-08", small, era="later").message
    gap = split.copy()
    gap.loc[0, "end"] = pd.Timestamp("2019-05-01")
    assert "day before" in exercises.check_era_boundaries(gap, 1, "2019-06-08", small, era="later").message


def test_check_new_speaker_and_add_actor():
    article = corpus_from_records([{"id": "t", "date": "2019-06-10",
                                    "text": "“We agree,” said Ana Reyes, a spokeswoman for the ministry."}])
    actors = load_actors()
    assert exercises.check_new_speaker(None, "Ana Reyes", article, "mexico_government").ok is None
    wrong = add_actor(actors, "Ana Reyes", "expert_or_ngo", "Mexico")
    assert exercises.check_new_speaker(wrong, "Ana Reyes", article, "mexico_government").ok is False
    right = add_actor(actors, "Ana Reyes", "mexico_government", "Mexico")
    assert exercises.check_new_speaker(right, "Ana Reyes", article, "mexico_government").ok is True
    with pytest.raises(ActorsError, match="unknown role"):
        add_actor(actors, "X Y", "pundit")


def test_check_frame_keyword_and_add_frame_entry(small):
    frames = load_frames()
    sentences = sentence_table(small)
    assert exercises.check_frame_keyword(frames, "caravan", small, sentences).ok is False
    mine = add_frame_entry(frames, "security_defense", "caravan")
    v = exercises.check_frame_keyword(mine, "caravan", small, sentences)
    assert v.ok is True and "2 sentence(s)" in v.message
    with pytest.raises(ValueError, match="unknown frame"):
        add_frame_entry(frames, "nonsense", "caravan")


def test_check_bootstrap():
    from borderlines.uncertainty import mean_ci
    values = [1.0, 2.0, 3.0, 4.0]
    _, low, high, _ = mean_ci(values, seed=5, n_resamples=500)
    assert exercises.check_bootstrap(low, high, True, values, 9.0, seed=5, n_resamples=500).ok is True
    assert exercises.check_bootstrap(low, high, False, values, 9.0, seed=5, n_resamples=500).ok is False
    assert exercises.check_bootstrap(low, high, False, values, 2.5, seed=5, n_resamples=500).ok is True
    assert exercises.check_bootstrap(0.0, 1.0, True, values, 9.0, seed=5, n_resamples=500).ok is False
    assert exercises.check_bootstrap(None, None, None, values, 9.0, seed=5).ok is None


def test_single_value_caveat_gives_the_permutation_floor():
    # 9.0 is above all four values: it is the most extreme of 5, p = 1/5
    text = exercises.single_value_caveat([1.0, 2.0, 3.0, 4.0], 9.0)
    assert "falls outside the range of era A's own articles [1.00, 4.00]" in text
    assert "p = 1/5 = 0.20" in text and "below 1/5 = 0.20" in text
    # 2.5 sits in the middle: 2 of the 4 are at least as low, so p = 3/5
    text = exercises.single_value_caveat([1.0, 2.0, 3.0, 4.0], 2.5)
    assert "falls within" in text and "p = 3/5 = 0.60" in text


def test_check_cleaning_rule():
    raw = "Body.\n\nSign up now.\n\nMore body."
    assert exercises.check_cleaning_rule(None, raw, "Sign up now.").ok is None
    assert exercises.check_cleaning_rule(Rule("r", r"Sign", "remove"), raw, "Sign up now.").ok is False
    assert exercises.check_cleaning_rule(Rule("r", r"^.*$", "remove"), raw, "Sign up now.").ok is False
    assert exercises.check_cleaning_rule(Rule("r", r"^Sign up now\.$", "remove"), raw, "Sign up now.").ok is True


def test_filter_quotes_and_static_explorers(small, monkeypatch, capsys):
    quotes = pd.DataFrame({"era": ["trump_1", "biden"], "speaker": ["A", "B"], "role": ["r1", "r2"],
                           "kind": ["direct", "partial"], "quote": ["Border <b>x</b>", "y"],
                           "sentence": ["s1", "wall s2"], "doc_id": ["a", "c"]})
    assert explore.filter_quotes(quotes, era="biden")["speaker"].tolist() == ["B"]
    assert explore.filter_quotes(quotes, text="WALL")["speaker"].tolist() == ["B"]
    assert len(explore.filter_quotes(quotes)) == 2
    monkeypatch.setenv(explore.BUILD_ENV, "1")
    assert not explore.interactive()
    shown = []
    monkeypatch.setattr(explore, "display", lambda obj: shown.append(obj))
    assert explore.quote_browser(quotes.drop(columns="era"), small) is None
    html = shown[-1].data
    assert "&lt;b&gt;x&lt;/b&gt;" in html and "<b>x</b>" not in html
    assert explore.term_explorer(small, term="tariffs") is None
    assert "tariffs" in shown[-1].data.lower() and "per 10,000 words" in shown[-1].data


def test_widgets_in_a_live_kernel(small, monkeypatch):
    monkeypatch.delenv(explore.BUILD_ENV, raising=False)
    quotes = extract_quotes(small)
    widget = explore.term_explorer(small, term="caravan")
    box = widget.children[0].children[0]
    box.value = "tariffs"  # typing a new term refreshes the view
    assert box.value == "tariffs"
    assert explore.quote_browser(quotes.assign(sentence=quotes["sentence"]), small) is not None
