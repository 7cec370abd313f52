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


# per-article quotes and words of two eras: era B quotes clearly more (5 articles each)
QUOTES_A, WORDS_A = [2, 3, 1, 2, 3], [500, 600, 400, 500, 550]
QUOTES_B, WORDS_B = [8, 9, 7, 10, 9], [500, 520, 480, 600, 500]


def test_check_era_difference_clear():
    from borderlines import era_difference
    r = era_difference(QUOTES_A, WORDS_A, QUOTES_B, WORDS_B, scale=1000, seed=3)
    args = (QUOTES_A, WORDS_A, QUOTES_B, WORDS_B)
    v = exercises.check_era_difference(r["estimate"], r["p_min"], True, *args, scale=1000, seed=3)
    assert v.ok is True and "a clear difference" in v.message
    v = exercises.check_era_difference(r["estimate"], r["p_min"], False, *args, scale=1000, seed=3)
    assert v.ok is False and "above zero" in v.message
    v = exercises.check_era_difference(-r["estimate"], r["p_min"], True, *args, scale=1000, seed=3)
    assert v.ok is False and "era A − era B" in v.message
    v = exercises.check_era_difference(r["estimate"] / 1000, r["p_min"], True, *args, scale=1000, seed=3)
    assert v.ok is False and "scale=1000" in v.message
    v = exercises.check_era_difference(r["estimate"], 0.05, True, *args, scale=1000, seed=3)
    assert v.ok is False and "result['p_min']" in v.message
    assert exercises.check_era_difference(None, None, None, *args).ok is None


def test_check_era_difference_four_against_one_cannot_be_clear():
    # four articles against one: no interval, and no permutation p below 1/5
    from borderlines import era_difference
    args = (QUOTES_A[:4], WORDS_A[:4], [30], [500])
    r = era_difference(*args, scale=1000)
    assert r["p_min"] == pytest.approx(0.2)
    v = exercises.check_era_difference(r["estimate"], r["p_min"], True, *args)
    assert v.ok is False and "no interval" in v.message
    v = exercises.check_era_difference(r["estimate"], r["p_min"], False, *args)
    assert v.ok is True and "not a clear difference" in v.message and "p = 0.2 with 4 and 1 articles" in v.message


def test_check_era_difference_without_era_b():
    v = exercises.check_era_difference(1.0, 0.2, False, QUOTES_A, WORDS_A, [], [])
    assert v.ok is None and "no articles" in v.message


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
