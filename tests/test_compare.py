"""Era differences: estimates, intervals, permutation p and its floor, seeds, tables."""

from __future__ import annotations

from math import comb

import numpy as np
import pandas as pd
import pytest

import borderlines
from borderlines import compare
from borderlines.compare import (DIFFERENCE_COLUMNS, era_difference, format_difference, mean_difference,
                                 measure_rng, permutation_p, rate_differences, share_differences)


def test_estimate_is_b_minus_a_of_ratio_of_sums():
    r = era_difference([2, 4, 6], [100, 200, 300], [9, 3, 6], [100, 100, 100], scale=1000)
    assert r["value_a"] == pytest.approx(1000 * 12 / 600)
    assert r["value_b"] == pytest.approx(1000 * 18 / 300)
    assert r["estimate"] == pytest.approx(r["value_b"] - r["value_a"])
    assert r["ratio"] == pytest.approx(60 / 20)
    assert r["low"] < r["estimate"] < r["high"]
    assert r["ratio_low"] < r["ratio"] < r["ratio_high"]
    assert borderlines.era_difference is era_difference


def test_interval_of_means_is_welch_with_hsu_df():
    from scipy import stats
    a, b = np.array([1.0, 2.0, 4.0, 7.0]), np.array([3.0, 5.0, 6.0, 9.0, 12.0])
    r = mean_difference(a, b)
    se = np.sqrt(a.var(ddof=1) / len(a) + b.var(ddof=1) / len(b))   # the jackknife of a mean is s²/n
    half = stats.t.ppf(0.975, 3) * se
    assert (r["low"], r["high"]) == pytest.approx((b.mean() - a.mean() - half, b.mean() - a.mean() + half))
    assert r["p_t"] == pytest.approx(2 * stats.t.sf((b.mean() - a.mean()) / se, 3))


@pytest.mark.parametrize("n_a, n_b, floor", [(4, 1, 1 / 5), (3, 3, 2 / 20), (5, 2, 1 / 21), (2, 2, 2 / 6)])
def test_p_min_is_the_permutation_floor(n_a, n_b, floor):
    rng = np.random.default_rng(3)
    r = era_difference(rng.poisson(5, n_a), np.full(n_a, 500), rng.poisson(50, n_b), np.full(n_b, 500))
    assert r["p_min"] == pytest.approx(floor)
    assert r["p_value"] >= r["p_min"]


def test_four_against_one_cannot_give_an_interval_or_small_p():
    r = era_difference([3, 5, 2, 8], [700, 900, 400, 1200], [90], [800], scale=1000)
    assert np.isnan(r["low"]) and np.isnan(r["high"]) and np.isnan(r["ratio_low"])
    assert "too few articles" in r["note"]
    assert r["p_value"] == pytest.approx(0.2) and r["p_min"] == pytest.approx(0.2)


def test_exact_permutation_p_by_hand():
    # means 1, 2, 3 | 10, 11, 12: the observed split is the most extreme of C(6,3) = 20,
    # and so is its mirror image: p = 2/20.
    p, floor = permutation_p([1, 2, 3, 10, 11, 12], np.ones(6), 3, np.random.default_rng(0))
    assert p == pytest.approx(0.1) and floor == pytest.approx(0.1)


def test_monte_carlo_p_when_splits_are_many():
    rng = np.random.default_rng(1)
    n = 30
    assert comb(2 * n, n) > compare.EXACT_SPLITS
    p, floor = permutation_p(np.r_[rng.normal(0, 1, n), rng.normal(0, 1, n)], np.ones(2 * n), n,
                             np.random.default_rng(0), n_permutations=499)
    assert floor == pytest.approx(1 / 500)
    assert 0.0 < p <= 1.0


def test_no_variation_gives_no_interval_not_a_zero_width_one():
    r = era_difference([0, 0, 0], [100, 200, 300], [0, 0, 0, 0], [100, 100, 100, 100])
    assert r["estimate"] == 0
    assert np.isnan(r["low"]) and np.isnan(r["high"])
    assert "no variation" in r["note"]
    assert "0.0 to 0.0" not in format_difference(r)


def test_articles_without_denominator_and_nan_are_left_out():
    r = era_difference([1, 2, 0, np.nan], [10, 20, 0, 5], [1, 1, 1], [10, 10, 10])
    assert r["n_a"] == 2 and r["n_b"] == 3


def test_empty_era():
    r = era_difference([], [], [1, 2, 3], [10, 10, 10])
    assert r["n_a"] == 0 and np.isnan(r["p_value"]) and "no articles" in r["note"]


def test_clusters_count_once():
    # Three copies of one wire story in era B are one unit, not three.
    plain = era_difference([1, 2, 3], [10, 10, 10], [9, 9, 9, 2, 3], [10] * 5)
    clustered = era_difference([1, 2, 3], [10, 10, 10], [9, 9, 9, 2, 3], [10] * 5,
                               clusters_a=["a", "b", "c"], clusters_b=["w", "w", "w", "x", "y"])
    assert plain["n_b"] == 5 and clustered["n_b"] == 3
    assert clustered["value_b"] == pytest.approx(plain["value_b"])   # the pooled rate is unchanged
    assert clustered["high"] - clustered["low"] > plain["high"] - plain["low"]
    assert "clusters" in clustered["method"]


def test_missing_values_do_not_enter_a_cluster():
    r = mean_difference([1.0, np.nan, 3.0, 5.0], [2.0, 4.0, 6.0], clusters_a=["x", "x", "y", "z"],
                        clusters_b=["u", "v", "w"])
    assert r["n_a"] == 3 and r["value_a"] == pytest.approx(3.0)


def test_seeds_are_keyed_by_measure_name():
    draw = lambda seed, name: measure_rng(seed, name).integers(0, 10**9, 4).tolist()  # noqa: E731
    assert draw(1, "quotes") == draw(1, "quotes")
    assert draw(1, "quotes") != draw(1, "figures")
    assert draw(1, "quotes") != draw(2, "quotes")


def test_reproducible_monte_carlo_p():
    rng = np.random.default_rng(4)
    a, b = rng.poisson(5, 40), rng.poisson(6, 40)
    r1 = mean_difference(a, b, seed=7, measure="m")
    r2 = mean_difference(a, b, seed=7, measure="m")
    assert r1["p_permutation"] == r2["p_permutation"]


def test_rejects_bad_level():
    with pytest.raises(ValueError, match="level"):
        era_difference([1], [1], [1], [1], level=95)


def _per_article():
    return pd.DataFrame({"doc_id": [f"d{i}" for i in range(8)], "era": ["a"] * 4 + ["b"] * 4,
                         "n": [2, 3, 1, 2, 8, 9, 7, 10], "n_words": [500, 600, 400, 500, 500, 600, 450, 520]})


def test_rate_differences_table():
    t = rate_differences(_per_article(), {"per_1000": ("n", "n_words", 1000.0), "per_article": "n"}, "a", "b")
    assert list(t.columns) == list(DIFFERENCE_COLUMNS)
    assert list(t["measure"]) == ["per_1000", "per_article"]
    assert t.loc[1, "estimate"] == pytest.approx(8.5 - 2.0)
    assert (t["low"] > 0).all()


def test_share_differences_table():
    counts = pd.DataFrame({"doc_id": ["d1", "d1", "d2", "d2", "d3", "d3", "d4", "d4", "d5", "d5", "d6", "d6"],
                           "era": ["a"] * 6 + ["b"] * 6,
                           "voice": ["us", "mx"] * 6,
                           "n": [3, 1, 4, 1, 5, 2, 1, 3, 1, 4, 2, 5]})
    t = share_differences(counts, "voice", "a", "b")
    assert list(t["measure"]) == ["us", "mx"]
    assert t.set_index("measure").loc["us", "value_a"] == pytest.approx(12 / 16)
    assert t["estimate"].sum() == pytest.approx(0)  # the shares of one era add up to one


def test_format_difference():
    r = era_difference([2, 4, 6], [100, 200, 300], [9, 3, 6], [100, 100, 100], scale=1000)
    text = format_difference(r)
    assert text.startswith("+40.0 (95% CI") and "permutation p" in text and "smallest possible" in text


def test_text_measures_compare_every_measure_with_its_definition():
    from borderlines.measures import TEXT_MEASURES
    stats = pd.DataFrame({"doc_id": [f"d{i}" for i in range(6)], "era": ["a"] * 3 + ["b"] * 3,
                          "n_words": [100, 200, 300, 400, 500, 600], "n_sentences": [10, 10, 20, 20, 20, 30],
                          **{m.name: [1.0, 2.0, 3.0, 4.0, 5.0, 6.0] for m in TEXT_MEASURES if m.name not in
                             ("n_words", "n_sentences", "words_per_sentence_pooled")}})
    out = compare.compare_measures(stats, TEXT_MEASURES, "a", "b", seed=3)
    assert list(out["measure"]) == [m.name for m in TEXT_MEASURES]
    assert list(out["definition"]) == [m.definition for m in TEXT_MEASURES]
    assert out.set_index("measure").loc["n_words", "estimate"] == pytest.approx(300)
    assert out.set_index("measure").loc["words_per_sentence_pooled", "estimate"] == pytest.approx(1500 / 70 - 600 / 40)


def test_tone_differences():
    from borderlines.compare.tone import tone_differences
    tone = pd.DataFrame({"doc_id": ["a1", "a1", "a2", "b1", "b2", "b2"], "era": ["a", "a", "a", "b", "b", "b"],
                         "start": [0, 20, 0, 0, 0, 20], "end": [19, 40, 19, 19, 19, 40],
                         "compound": [-0.5, 0.1, -0.3, 0.4, 0.2, 0.6]})
    quotes = pd.DataFrame({"doc_id": ["a1"], "start": [0], "end": [19], "kind": ["direct"]})
    out = tone_differences(tone, quotes, "a", "b")
    assert list(out["measure"]) == ["all sentences", "quote", "narration"]
    assert out.loc[0, "estimate"] == pytest.approx(1.2 / 3 - (-0.7 / 3))
    assert out.loc[1, "n_b"] == 0 and "no articles" in out.loc[1, "note"]


def _three_eras():
    # era c has no articles in the table; era d one article; a, b, e four each
    return pd.DataFrame({"doc_id": [f"d{i}" for i in range(13)],
                         "era": ["a"] * 4 + ["b"] * 4 + ["d"] + ["e"] * 4,
                         "n": [2, 3, 1, 2, 8, 9, 7, 10, 4, 3, 2, 4, 3], "w": [500] * 13})


def test_pairwise_differences_cover_every_pair_of_eras_with_articles():
    table = _three_eras()
    eras = pd.DataFrame({"era": ["a", "b", "c", "d", "e"], "label": list("ABCDE")})
    out = compare.pairwise_differences(table, {"rate": ("n", "w", 1000.0), "mean": "n"}, eras)
    assert list(out.columns) == list(DIFFERENCE_COLUMNS)
    pairs = list(zip(out["era_a"], out["era_b"]))[:6]
    assert pairs == [("a", "b"), ("a", "d"), ("a", "e"), ("b", "d"), ("b", "e"), ("d", "e")]
    assert out["measure"].tolist() == ["rate"] * 6 + ["mean"] * 6
    row = out[(out["measure"] == "mean") & (out["era_a"] == "a") & (out["era_b"] == "b")].iloc[0]
    assert row["estimate"] == pytest.approx(8.5 - 2.0) and row["low"] > 0 and row["p_min"] == pytest.approx(2 / 70)
    one = out[(out["era_b"] == "d")]
    assert one["low"].isna().all() and (one["note"] == compare.TOO_FEW).all()
    assert compare.pairwise_differences(table[table["era"] == "a"], {"mean": "n"}, eras).empty


def test_pairwise_share_differences():
    counts = pd.DataFrame({"doc_id": [f"d{i}" for i in range(9) for _ in (0, 1)],
                           "era": [e for e in ["x"] * 3 + ["y"] * 3 + ["z"] * 3 for _ in (0, 1)],
                           "voice": ["us", "mx"] * 9, "n": [3, 1, 2, 2, 4, 1, 1, 3, 0, 4, 1, 2, 2, 2, 3, 3, 1, 1]})
    out = compare.pairwise_share_differences(counts, "voice", ["x", "y", "z"])
    assert len(out) == 6 and out["measure"].tolist() == ["us"] * 3 + ["mx"] * 3
    us_xy = out.iloc[0]
    assert us_xy["estimate"] == pytest.approx(2 / 11 - 9 / 13)


def test_measure_estimates_per_era():
    from borderlines.uncertainty import MEASURE_ESTIMATE_COLUMNS, measure_estimates
    out = measure_estimates(_three_eras(), {"rate": ("n", "w", 1000.0), "mean": "n"}, ["e", "a", "d", "c"])
    assert list(out.columns) == list(MEASURE_ESTIMATE_COLUMNS)
    assert out["era"].tolist() == ["e", "a", "d"] * 2
    assert out.loc[1, "estimate"] == pytest.approx(1000 * 8 / 2000)
    assert out.loc[2, "note"] == "one article: no interval"
