"""Figures per article and per era (borderlines.compare.figures): migration statistics,
counts per article, recurring measures, status counts, intervals, figures placed in their
articles and eras, and era rates."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from conftest import make_corpus

from borderlines.cited_figures import FIGURE_COLUMNS, STATUSES, extract_figures
from borderlines.compare.figures import (ARTICLE_FIGURE_COLUMNS, FIGURE_ARTICLE_COLUMNS, MIGRATION_STAT_COLUMNS,
                                         RECURRING_COLUMNS, figure_interval, figures_per_article,
                                         figures_with_articles, measure_counts,
                                         migration_stats, migration_stats_by_era, period_bounds,
                                         recurring_measures, undated_figures)
from borderlines.eras import load_eras
from borderlines.measures import FIGURE_MEASURES
from borderlines.nlp import get_nlp, is_word
from borderlines.uncertainty import measure_estimates


# --- summaries -----------------------------------------------------------------------

def test_migration_stats(bundled_figures):
    stats = migration_stats(bundled_figures)
    assert list(stats.columns) == list(MIGRATION_STAT_COLUMNS)
    assert len(stats) == int(bundled_figures["is_migration_stat"].sum())
    assert not stats["measure"].isin(["duration", "distance", "funding"]).any()
    expected = bundled_figures[bundled_figures["is_migration_stat"]].sort_values(["doc_id", "start"])
    assert stats["surface"].tolist() == expected["surface"].tolist()


def test_figures_per_article(bundled_corpus, bundled_figures):
    table = figures_per_article(bundled_figures, bundled_corpus)
    assert list(table.columns) == list(ARTICLE_FIGURE_COLUMNS)
    assert table["doc_id"].tolist() == bundled_corpus["doc_id"].tolist()
    assert table["n_figures"].sum() == len(bundled_figures)
    assert (table["n_attributed"] <= table["n_figures"]).all()
    nlp = get_nlp()
    words = [sum(is_word(t) for t in doc) for doc in nlp.pipe(bundled_corpus["text"])]
    assert table["n_words"].tolist() == words
    counts = dict(zip(table["doc_id"], table["n_figures"]))
    assert counts == {"000": 9, "001": 3, "002": 9, "003": 6, "004": 5}


def test_figures_per_article_keeps_articles_without_figures():
    corpus = make_corpus([{"doc_id": "a", "text": "Arrests hit 5,000 in May."},
                          {"doc_id": "b", "text": "Nothing to count here."}])
    table = figures_per_article(extract_figures(corpus), corpus)
    assert table["n_figures"].tolist() == [1, 0] and table["n_words"].tolist() == [5, 4]
    none = figures_per_article(extract_figures(corpus).iloc[0:0], corpus)
    assert none["n_figures"].tolist() == [0, 0] and none["n_words"].tolist() == [5, 4]


def test_recurring_measures_bundled(bundled_corpus, bundled_figures):
    rec = recurring_measures(bundled_figures, bundled_corpus)
    assert list(rec.columns) == list(RECURRING_COLUMNS)
    row = rec[(rec["measure"] == "migrants") & (rec["unit"] == "percent")].iloc[0]
    assert row.period == "2019-05..2019-08" and row.n_outlets == 2 and row.agree
    assert set(row.outlets.split("; ")) == {"The Washington Post", "KJZZ"}
    assert (rec["n_outlets"] > 1).all()


def test_recurring_measures_disagreement_and_undated():
    corpus = make_corpus([
        {"doc_id": "a", "text": "Arrests reached 90,000 in May.", "date": "2019-06-10"},
        {"doc_id": "b", "text": "Arrests reached about 100,000 in May.", "date": "2019-06-11"},
        {"doc_id": "c", "text": "Arrests reached 70,000 in May.", "date": "2019-06-12"},
        {"doc_id": "d", "text": "Mexico sent thousands of National Guard troops.", "date": "2019-06-12"},
        {"doc_id": "e", "text": "Mexico sent some 25,000 National Guard members.", "date": "2019-06-12"},
    ])
    corpus["outlet"] = ["A", "B", "B", "C", "D"]
    figures = extract_figures(corpus)
    rec = recurring_measures(figures, corpus)
    assert len(rec) == 1 and rec.iloc[0].n_figures == 3 and not rec.iloc[0].agree
    undated = recurring_measures(figures, corpus, include_undated=True)
    guard = undated[undated["measure"] == "national_guard"].iloc[0]
    assert guard.agree and guard.period == ""
    assert recurring_measures(figures.iloc[0:0], corpus).empty


def test_recurring_measures_compare_like_with_like():
    corpus = make_corpus([
        {"doc_id": "a", "text": "Arrests reached 90,000 in May.", "date": "2019-06-10"},
        {"doc_id": "b", "text": "Arrests reached 91,000 in May.", "date": "2019-06-11"},
        {"doc_id": "c", "text": "Officials said arrests would reach 150,000 in May.", "date": "2019-05-02"},
    ])
    corpus["outlet"] = ["A", "B", "C"]
    figures = extract_figures(corpus)
    assert figures["status"].tolist() == ["reported", "reported", "projection"]
    rec = recurring_measures(figures, corpus)
    assert len(rec) == 1 and rec.iloc[0].status == "reported" and rec.iloc[0].agree
    assert rec.iloc[0].outlets == "A; B"


def test_figures_per_article_counts_projections_and_estimates_apart():
    corpus = make_corpus([
        {"doc_id": "a", "text": "Arrests hit 5,000 in May. Officials expect 7,000 in June. An estimated 300 "
                                "people hid.", "date": "2019-05-20"},
        {"doc_id": "b", "text": "Arrests hit 6,000 in May.", "date": "2019-05-21"},
    ])
    table = figures_per_article(extract_figures(corpus), corpus)
    assert table["n_figures"].tolist() == [3, 1]
    assert table["n_projections"].tolist() == [1, 0] and table["n_estimates"].tolist() == [1, 0]


def test_status_counts():
    from borderlines.compare.figures import STATUS_COUNT_COLUMNS, status_counts
    corpus = make_corpus([
        {"doc_id": "a", "text": "Arrests hit 5,000 in May. Officials expect 7,000 arrests in June.",
         "date": "2019-05-20"},
        {"doc_id": "b", "text": "Crossings will reach 9,000 next month.", "date": "2021-05-21", "era": "biden",
         "era_label": "Biden"},
    ])
    placed = figures_with_articles(extract_figures(corpus), corpus)
    counts = status_counts(placed, load_eras())
    assert list(counts.columns) == list(STATUS_COUNT_COLUMNS)
    assert counts["era"].tolist() == ["trump_1"] * 3 + ["biden"] * 3
    assert counts["era_label"].tolist()[-1] == "Biden"
    assert counts["status"].tolist() == list(STATUSES) * 2
    got = counts.set_index(["era", "status"])
    assert got.loc[("trump_1", "reported"), "n_figures"] == 1 and got.loc[("trump_1", "projection"), "n_figures"] == 1
    assert got.loc[("trump_1", "projection"), "pct_of_figures"] == 50.0
    assert got.loc[("biden", "projection"), "n_migration_stats"] == 1
    assert got.loc[("biden", "estimate"), "n_figures"] == 0
    assert counts["n_figures"].sum() == len(placed)
    assert status_counts(placed.iloc[0:0], load_eras()).empty


FIGURE_INTERVALS = [
    pytest.param((56, "exact"), pytest.approx((55.44, 56.56)), id="exact-rounding"),
    pytest.param((100, "about"), pytest.approx((90, 110)), id="about-ten-percent"),
    pytest.param((4000, "more than"), (4000, np.inf), id="more-than-open-above"),
    pytest.param((2000, "vague"), (2000, np.inf), id="vague-is-a-floor"),
    pytest.param((20000, "fewer than"), (0.0, 20000), id="fewer-than-down-to-zero"),
    pytest.param((3000, "exact", 5000.0), (3000, 5000.0), id="range"),
]


@pytest.mark.parametrize("args, expected", FIGURE_INTERVALS)
def test_figure_interval(args, expected):
    assert figure_interval(*args) == expected


# --- figures in context (notebook 03 helpers) ----------------------------------------

PERIOD_BOUNDS = [
    pytest.param("2019-02", "2019-02-01", "2019-02-28", id="month"),
    pytest.param("2019-05..2019-08", "2019-05-01", "2019-08-31", id="span"),
    pytest.param("2019-12", "2019-12-01", "2019-12-31", id="december"),
    pytest.param("2020-11..2021-02", "2020-11-01", "2021-02-28", id="span-across-year"),
]


@pytest.mark.parametrize("period, first, last", PERIOD_BOUNDS)
def test_period_bounds(period, first, last):
    assert period_bounds(period) == (pd.Timestamp(first), pd.Timestamp(last))


def test_period_bounds_of_no_period():
    assert all(pd.isna(v) for v in period_bounds(""))


def test_figures_with_articles(bundled_corpus, bundled_figures):
    placed = figures_with_articles(bundled_figures, bundled_corpus)
    assert list(placed.columns) == list(FIGURE_COLUMNS) + list(FIGURE_ARTICLE_COLUMNS)
    pd.testing.assert_frame_equal(placed[list(FIGURE_COLUMNS)], bundled_figures)
    row = placed[placed["surface"] == "66,450"].iloc[0]
    assert (row.era, row.period_start, row.period_end) == ("trump_1", pd.Timestamp("2019-02-01"),
                                                           pd.Timestamp("2019-02-28"))
    assert row.article_date == pd.Timestamp("2019-03-28")
    assert placed["period_start"].isna().tolist() == (placed["period"] == "").tolist()
    assert (placed["era"] == placed["doc_id"].map(bundled_corpus.set_index("doc_id")["era"])).all()


def test_undated_and_stats_by_era(bundled_corpus, bundled_figures):
    placed = figures_with_articles(bundled_figures, bundled_corpus)
    undated = undated_figures(placed)
    assert len(undated) == int((bundled_figures["period"] == "").sum())
    assert "several hundred border inspectors" in undated["surface"].tolist()
    stats = migration_stats_by_era(placed, load_eras())
    assert len(stats) == int(bundled_figures["is_migration_stat"].sum())
    assert stats["era_label"].tolist() == sorted(stats["era_label"], key=["Trump (first term)", "Biden"].index)


def test_measure_counts_include_zeros(bundled_corpus, bundled_figures):
    placed = figures_with_articles(bundled_figures, bundled_corpus)
    counts = measure_counts(placed, bundled_corpus)
    measures = set(placed.loc[placed["is_migration_stat"], "measure"])
    assert len(counts) == len(bundled_corpus) * len(measures)
    assert counts["n"].sum() == int(placed["is_migration_stat"].sum())
    assert counts.loc[(counts["doc_id"] == "003") & (counts["measure"] == "troops"), "n"].item() == 0
    assert measure_counts(placed.iloc[0:0], bundled_corpus).empty


RATES = [m for m in FIGURE_MEASURES if m.category is None]


def _figure_rates(per_article, eras):
    return measure_estimates(per_article, RATES, eras, empty_eras=True)


def test_era_figure_rates(bundled_corpus, bundled_figures):
    per_article = figures_per_article(bundled_figures, bundled_corpus)
    rates = _figure_rates(per_article, ["trump_1", "biden", "trump_2"])
    assert len(rates) == 3 * len(RATES)
    r = rates.set_index(["measure", "era"])
    trump = per_article[per_article["era"] == "trump_1"]
    assert r.loc[("figures_per_1000_words", "trump_1"), "estimate"] == pytest.approx(
        1000 * trump["n_figures"].sum() / trump["n_words"].sum())
    assert r.loc[("pct_figures_attributed", "trump_1"), "estimate"] == pytest.approx(
        100 * trump["n_attributed"].sum() / trump["n_figures"].sum())
    low, est, high = r.loc[("figures_per_1000_words", "trump_1"), ["ci_low", "estimate", "ci_high"]]
    assert low <= est <= high
    assert r.loc[("figures_per_1000_words", "biden"), "note"] == "one article: no interval"
    assert r.loc[("figures_per_1000_words", "trump_2"), "note"] == "no articles"
    again = _figure_rates(per_article, ["trump_1"])
    pd.testing.assert_frame_equal(again, rates[rates["era"] == "trump_1"].reset_index(drop=True))


def test_era_figure_rates_with_an_era_without_figures():
    corpus = make_corpus([{"doc_id": "a", "text": "Nothing was counted here."},
                          {"doc_id": "b", "text": "Nor here, officials said."}])
    per_article = figures_per_article(extract_figures(corpus), corpus)
    rates = _figure_rates(per_article, ["trump_1"]).set_index("measure")
    assert rates.loc["figures_per_1000_words", "estimate"] == 0
    assert pd.isna(rates.loc["pct_figures_attributed", "estimate"])
    assert "denominator is zero" in rates.loc["pct_figures_attributed", "note"]


def test_era_comparison_notes(bundled_corpus):
    from borderlines.eras import era_comparison_notes
    eras = load_eras()
    assert era_comparison_notes(bundled_corpus, eras, "trump_1", "biden") == []
    notes = era_comparison_notes(bundled_corpus, eras, "trump_1", "trump_2")
    assert len(notes) == 1 and "no articles from Trump (second term)" in notes[0] and "era_b" in notes[0]
    with pytest.raises(ValueError, match="era_b = 'bidn'.*trump_1, biden, trump_2"):
        era_comparison_notes(bundled_corpus, eras, "trump_1", "bidn")
    with pytest.raises(ValueError, match="both"):
        era_comparison_notes(bundled_corpus, eras, "biden", "biden")


def test_recurring_overview_cuts_long_lists(bundled_corpus, bundled_figures):
    from borderlines.compare.figures import recurring_overview
    rec = recurring_measures(bundled_figures, bundled_corpus)
    pd.testing.assert_frame_equal(recurring_overview(rec), rec)
    long = rec.assign(outlets="; ".join(f"O{i}" for i in range(10)), values="a (O1); b (O2)")
    short = recurring_overview(long, max_items=3)
    assert short["outlets"].iloc[0] == "O0; O1; O2; … (7 more)"
    assert short["values"].iloc[0] == "a (O1); b (O2)"
    assert recurring_overview(rec.iloc[0:0]).empty
