"""Findings wording: chosen from the estimate, never more than the data carry."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest
from conftest import make_corpus

from borderlines import terms
from borderlines.compare import rate_differences
from borderlines.wording import (HIGHER, LOWER, NO_DATA, NO_INTERVAL, UNCLEAR, difference_lines,
                                 difference_sentence, differences_summary, display_differences, verdict)

DIRECTION = re.compile(r"\b(more|less|fewer|higher|lower|greater|smaller)\b", re.I)


def row(estimate, low, high, p=0.01, p_min=0.001, note="", value_a=1.0, value_b=2.0, n_a=10, n_b=10):
    return {"measure": "quotes_per_1000_words", "phrase": "quotes per 1,000 words", "estimate": estimate, "low": low, "high": high, "p_value": p, "p_min": p_min, "level": 0.95,
            "note": note, "value_a": value_a, "value_b": value_b, "n_a": n_a, "n_b": n_b,
            "ratio": np.nan, "ratio_low": np.nan, "ratio_high": np.nan}


@pytest.mark.parametrize("r, expected", [
    (row(1.0, 0.2, 1.8), HIGHER),
    (row(-1.0, -1.8, -0.2), LOWER),
    (row(1.0, -0.2, 2.2), UNCLEAR),                 # the interval spans zero
    (row(1.0, 0.2, 1.8, p=0.08), UNCLEAR),          # the permutation test disagrees
    (row(1.0, np.nan, np.nan, note="too few articles"), NO_INTERVAL),
    (row(np.nan, np.nan, np.nan, note="no articles"), NO_DATA),
])
def test_verdict(r, expected):
    assert verdict(r) == expected


@pytest.mark.parametrize("r", [row(1.0, -0.2, 2.2), row(1.0, 0.2, 1.8, p=0.2),
                               row(5.6, np.nan, np.nan, p=0.2, p_min=0.2, note="too few articles", n_b=1)])
def test_no_direction_word_without_a_clear_difference(r):
    text = difference_sentence(r, "Era A", "Era B")
    assert not DIRECTION.search(text), text


def test_unclear_sentence_gives_the_range():
    text = difference_sentence(row(1.0, -0.25, 2.25, p=0.3), "A", "B")
    assert text.startswith("No clear difference in quotes per 1,000 words")
    assert "consistent with a difference (B − A) from −0.2 to +2.2" in text


def test_floor_is_stated_when_no_test_can_reach_the_level():
    text = difference_sentence(row(5.6, np.nan, np.nan, p=0.2, p_min=0.2, note="too few articles", n_a=4, n_b=1),
                               "A", "B")
    assert "not a finding" in text and "smallest possible is 0.2" in text


def test_clear_sentence_and_percent():
    r = row(0.1, 0.04, 0.16, value_a=0.2, value_b=0.3)
    text = difference_sentence(r, "A", "B", digits=0, percent=True, what="the US government's share of quotes")
    assert "higher in B than in A: 30% against 20%, a difference of +10 pp (95% CI +4 pp to +16 pp" in text


def _synthetic(rng, n, rate_a, rate_b):
    words = rng.integers(300, 1500, 2 * n)
    rate = np.repeat([rate_a, rate_b], n) * words / 1000
    k = 2.0
    return pd.DataFrame({"doc_id": [f"d{i}" for i in range(2 * n)], "era": ["a"] * n + ["b"] * n,
                         "n": rng.negative_binomial(k, k / (k + rate)), "n_words": words})


def test_a_real_effect_is_reported_and_a_null_is_not():
    rng = np.random.default_rng(11)
    measures = {"quotes per 1,000 words": ("n", "n_words", 1000.0)}
    effect = rate_differences(_synthetic(rng, 40, 5.0, 10.0), measures, "a", "b", n_permutations=999)
    assert verdict(effect.iloc[0]) == HIGHER
    assert "is higher in B than in A" in difference_sentence(effect.iloc[0], "A", "B")
    claims = []
    for i in range(40):
        null = rate_differences(_synthetic(rng, 10, 6.0, 6.0), measures, "a", "b", seed=i, n_permutations=199)
        claims.append(verdict(null.iloc[0]) in (HIGHER, LOWER))
    assert sum(claims) <= 6   # ~5 % expected; 6 of 40 has probability < 0.05 at a true 5 %


def test_a_word_used_more_in_one_era_of_a_synthetic_corpus():
    rng = np.random.default_rng(2)
    docs = []
    for i in range(16):
        era = "a" if i < 8 else "b"
        n_wall = int(rng.integers(0, 2)) if era == "a" else int(rng.integers(4, 8))
        words = ["officials", "discussed", "the", "plan", "today"] * int(rng.integers(20, 40))
        text = " ".join(words + ["wall"] * n_wall) + "."
        docs.append({"doc_id": f"d{i:02d}", "era": era, "text": text})
    corpus = make_corpus(docs)
    per_doc = terms.term_counts(corpus, by="doc_id")
    wall = per_doc[per_doc["term"] == "wall"].set_index("doc_id")["n"]
    words = terms.doc_words(terms.token_table(corpus)).set_index("doc_id")["n_words"]
    table = corpus[["doc_id", "era"]].assign(n=lambda d: d["doc_id"].map(wall).fillna(0),
                                             n_words=lambda d: d["doc_id"].map(words))
    result = rate_differences(table, {"wall": ("n", "n_words", 1000.0)}, "a", "b").iloc[0]
    assert verdict(result) == HIGHER


def test_differences_summary():
    table = pd.DataFrame([row(1.0, 0.2, 1.8), row(1.0, -0.2, 2.2), row(1.0, np.nan, np.nan, note="x")])
    assert differences_summary(table, "frames") == (
        "1 of 3 frames differ clearly between the eras (interval excluding zero and permutation p below "
        "0.05); 1 has too few articles for an interval")


def test_difference_lines_and_display():
    table = pd.DataFrame([{**row(1.0, 0.2, 1.8), "measure": "m1", "phrase": "first"},
                          {**row(1.0, -0.2, 2.2), "measure": "m2", "phrase": "<second>"}])
    lines = difference_lines(table, "A", "B", measures=["m2", "m1", "absent"])
    assert lines.splitlines()[0].startswith("- No clear difference in &lt;second&gt;")   # escaped
    assert lines.splitlines()[1].startswith("- First is higher in B than in A")
    assert difference_lines(table, "A", "B").splitlines()[0].startswith("- First is higher")   # table order
    shown = display_differences(table, "A", "B", names={"m1": "first"})
    assert list(shown["compared"]) == ["first", "m2"] and list(shown["verdict"]) == [HIGHER, UNCLEAR]
    assert shown.loc[0, "B − A"].startswith("+1.00 (95% CI 0.20 to 1.80")


def test_sentence_keeps_the_case_of_names():
    text = difference_sentence({**row(1.0, 0.2, 1.8), "phrase": "the US government share"}, "A", "B")
    assert text.startswith("The US government share is higher")
