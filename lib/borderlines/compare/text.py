"""Text statistics per era: totals (articles, words, sentences) and each era's estimate
of the text measures (:data:`borderlines.measures.TEXT_MEASURES`) from the per-article
table of :func:`borderlines.textstats.article_stats`."""

from __future__ import annotations

import pandas as pd

from ..measures import TEXT_MEASURES
from ..uncertainty import measure_estimates


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


def era_stats(stats: pd.DataFrame, eras: pd.DataFrame) -> pd.DataFrame:
    """Per era and text measure (:data:`borderlines.measures.TEXT_MEASURES`: per-article
    means, and the pooled words per sentence), its estimate with a jackknife t interval
    over articles (or the note why there is none): columns
    :data:`~borderlines.uncertainty.MEASURE_ESTIMATE_COLUMNS`. Eras in the eras
    table's order, then any 'outside'/'undated' key of ``stats``."""
    keys = [k for k in eras["era"] if (stats["era"] == k).any()]
    keys += [k for k in stats["era"].unique() if k not in keys]
    return measure_estimates(stats, TEXT_MEASURES, keys)
