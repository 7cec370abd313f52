"""Statistics about the texts: per article and per era.

Words are tokens with a letter or digit (:func:`borderlines.nlp.is_word`); sentences
come from the shared spaCy pipeline. Lexical diversity is the moving-average type–token
ratio (MATTR, Covington & McFall 2010), which does not fall as texts get longer the way
a plain type–token ratio does. Per-era figures are per-article means with jackknife t
intervals over articles (:mod:`borderlines.uncertainty`).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .readability import readability_scores
from .compare import DIFFERENCE_COLUMNS, rate_differences
from .uncertainty import era_means, era_rates

MATTR_WINDOW = 50

#: Columns of :func:`article_stats` (one row per article).
ARTICLE_STATS_COLUMNS = {
    "doc_id": "article id",
    "era": "era key",
    "n_words": "words (tokens with a letter or digit)",
    "n_sentences": "sentences",
    "mean_sentence_length": "words per sentence",
    "mattr": f"moving-average type–token ratio over {MATTR_WINDOW}-word windows (0–1, lowercased)",
    "flesch_reading_ease": "Flesch reading ease (0–100, higher is easier)",
    "fk_grade": "Flesch–Kincaid grade level (US school grade)",
}


def mattr(words: list[str], window: int = MATTR_WINDOW) -> float:
    """Moving-average type–token ratio: the mean, over every run of ``window``
    consecutive words, of distinct words / ``window``. Texts shorter than the window
    get their plain type–token ratio; no words gives NaN."""
    n = len(words)
    if n == 0:
        return float("nan")
    if n <= window:
        return len(set(words)) / n
    counts: dict[str, int] = {}
    for w in words[:window]:
        counts[w] = counts.get(w, 0) + 1
    distinct = len(counts)
    total = distinct
    for i in range(window, n):
        out, inn = words[i - window], words[i]
        counts[out] -= 1
        if counts[out] == 0:
            distinct -= 1
        counts[inn] = counts.get(inn, 0) + 1
        if counts[inn] == 1:
            distinct += 1
        total += distinct
    return total / ((n - window + 1) * window)


def article_stats(corpus: pd.DataFrame, tokens: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per-article text statistics, columns :data:`ARTICLE_STATS_COLUMNS`. ``tokens``:
    the articles' :func:`borderlines.terms.token_table` (the study's ``tokens``), so
    nothing is parsed again; without it the articles are parsed here."""
    if tokens is None:
        from .terms import token_table
        tokens = token_table(corpus)
    words = tokens[tokens["is_word"]]
    lower = words.groupby("doc_id", observed=False)["lower"].agg(lambda s: [str(w) for w in s])
    n_sent = words.groupby("doc_id", observed=False)["sent_id"].nunique()
    rows = []
    for doc_id, era, text in zip(corpus["doc_id"], corpus["era"], corpus["text"]):
        ws, n = lower.get(doc_id, []), int(n_sent.get(doc_id, 0))
        rows.append({"doc_id": doc_id, "era": era, "n_words": len(ws), "n_sentences": n,
                     "mean_sentence_length": len(ws) / n if n else np.nan,
                     "mattr": mattr(ws), **readability_scores(text)})
    return pd.DataFrame(rows, columns=list(ARTICLE_STATS_COLUMNS))


#: Columns of :func:`era_totals`.
ERA_TOTALS_COLUMNS = {
    "era": "era key", "label": "era name", "n_articles": "articles", "n_words": "words",
    "n_sentences": "sentences", "share_of_words": "the era's share of all words in the corpus",
}


def era_totals(stats: pd.DataFrame, eras: pd.DataFrame) -> pd.DataFrame:
    """Totals per era (articles, words, sentences, share of the corpus's words), every
    era in the eras table included, plus any 'outside'/'undated' articles."""
    keys = list(eras["era"]) + [k for k in stats["era"].unique() if k not in set(eras["era"])]
    labels = dict(zip(eras["era"], eras["label"]))
    g = stats.groupby("era").agg(n_articles=("doc_id", "size"), n_words=("n_words", "sum"),
                                 n_sentences=("n_sentences", "sum")).reindex(keys, fill_value=0)
    g["share_of_words"] = g["n_words"] / max(int(g["n_words"].sum()), 1)
    g.insert(0, "label", [labels.get(k, k) for k in g.index])
    return g.reset_index(names="era")[list(ERA_TOTALS_COLUMNS)]


#: The per-article measures :func:`era_stats` summarises, with their units.
ERA_MEASURES = {
    "n_words": "words per article",
    "n_sentences": "sentences per article",
    "mean_sentence_length": "words per sentence (mean over articles)",
    "mattr": "MATTR (mean over articles)",
    "flesch_reading_ease": "Flesch reading ease (mean over articles)",
    "fk_grade": "Flesch–Kincaid grade (mean over articles)",
}


def era_stats(stats: pd.DataFrame, eras: pd.DataFrame, seed: int = 0,
              n_resamples: int = 2000) -> pd.DataFrame:
    """Per era and measure: the per-article mean with its jackknife t interval (or the
    note "one article: no interval"). Columns: measure, description, then
    :data:`~borderlines.uncertainty.ESTIMATE_COLUMNS`. Includes the pooled words per
    sentence (Σ words / Σ sentences) as ``words_per_sentence_pooled``."""
    keys = [k for k in eras["era"] if (stats["era"] == k).any()]
    keys += [k for k in stats["era"].unique() if k not in keys]
    parts = []
    for measure, description in ERA_MEASURES.items():
        est = era_means(stats, measure, seed=seed, eras=keys, n_resamples=n_resamples)
        parts.append(est.assign(measure=measure, description=description))
    pooled = era_rates(stats, "n_words", "n_sentences", seed=seed, eras=keys,
                       n_resamples=n_resamples)
    parts.append(pooled.assign(measure="words_per_sentence_pooled",
                               description="words per sentence (all sentences of the era)"))
    out = pd.concat(parts, ignore_index=True)
    return out[["measure", "description", *[c for c in out.columns if c not in ("measure", "description")]]]


#: The measures of :func:`era_stat_differences` as
#: :func:`borderlines.compare.rate_differences` measures, and their descriptions.
STAT_MEASURES = {**{m: m for m in ERA_MEASURES}, "words_per_sentence_pooled": ("n_words", "n_sentences", 1.0)}
STAT_DESCRIPTIONS = {**ERA_MEASURES, "words_per_sentence_pooled": "words per sentence (all sentences of the era)"}


def era_stat_differences(stats: pd.DataFrame, era_a: str, era_b: str, seed: int = 0,
                         clusters: pd.DataFrame | None = None) -> pd.DataFrame:
    """Era B minus era A for every measure of :func:`era_stats` (per-article means, and
    the pooled words per sentence), with intervals and permutation p
    (:func:`borderlines.compare.rate_differences`); columns ``description`` and
    :data:`~borderlines.compare.DIFFERENCE_COLUMNS`."""
    out = rate_differences(stats, STAT_MEASURES, era_a, era_b, seed=seed, clusters=clusters)
    out.insert(1, "description", out["measure"].map(STAT_DESCRIPTIONS))
    return out[["measure", "description", *list(DIFFERENCE_COLUMNS)[1:]]]
