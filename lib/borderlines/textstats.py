"""Statistics about the texts, per article: length, sentences, lexical diversity, readability.

Words are tokens with a letter or digit (:func:`borderlines.nlp.is_word`); sentences
come from the shared spaCy pipeline. Lexical diversity is the moving-average type–token
ratio (MATTR, Covington & McFall 2010), which does not fall as texts get longer the way
a plain type–token ratio does. Per-era totals and estimates are in
:mod:`borderlines.compare.text` (the text measures of :mod:`borderlines.measures`).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .readability import readability_scores

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

#: Columns :func:`borderlines.pipeline.extract_batch` adds to the study's ``articles``
#: table, computed once per article: article-table name -> :func:`article_stats` column.
#: ``n_word_sentences`` counts sentences holding a word (the articles' ``n_sentences``
#: counts every sentence); ``n_words`` is the articles' own (the same words).
ARTICLE_TABLE_COLUMNS = {
    "n_word_sentences": "n_sentences",
    "mean_sentence_length": "mean_sentence_length",
    "mattr": "mattr",
    "flesch_reading_ease": "flesch_reading_ease",
    "fk_grade": "fk_grade",
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


def article_stats(corpus: pd.DataFrame, tokens: pd.DataFrame | None = None,
                  articles: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per-article text statistics, columns :data:`ARTICLE_STATS_COLUMNS`, rows in the
    order of ``corpus``. ``articles``: the study's articles table; when it holds
    :data:`ARTICLE_TABLE_COLUMNS` for every article (the extraction computed them once)
    they are taken from it, else computed here. ``tokens``: the articles'
    :func:`borderlines.terms.token_table` (the study's ``tokens``), so nothing is parsed
    again; without it the articles are parsed here."""
    cached = _stats_from_articles(corpus, articles)
    if cached is not None:
        return cached
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


def article_table_stats(corpus: pd.DataFrame, tokens: pd.DataFrame) -> pd.DataFrame:
    """:data:`ARTICLE_TABLE_COLUMNS` of each article of ``corpus`` (its rows' order), from
    its :func:`borderlines.terms.token_table` ``tokens``: what the extraction stores."""
    stats = article_stats(corpus, tokens)
    return stats[list(ARTICLE_TABLE_COLUMNS.values())].set_axis(list(ARTICLE_TABLE_COLUMNS), axis=1)


def _stats_from_articles(corpus: pd.DataFrame, articles: pd.DataFrame | None) -> pd.DataFrame | None:
    """:func:`article_stats` of ``corpus`` read from ``articles``, or None when it lacks
    a column or an article (an older cache, a plain corpus table)."""
    needed = ["doc_id", "n_words", *ARTICLE_TABLE_COLUMNS]
    if articles is None or not set(needed) <= set(articles.columns):
        return None
    held = articles[needed].set_index(articles["doc_id"].astype(str))
    ids = corpus["doc_id"].astype(str)
    if held.index.has_duplicates or not ids.isin(held.index).all():
        return None
    held = held.loc[ids]
    columns = {"doc_id": list(corpus["doc_id"]), "era": list(corpus["era"]),
               "n_words": held["n_words"].to_numpy(np.int64)}
    for name, stat in ARTICLE_TABLE_COLUMNS.items():
        values = held[name].to_numpy()
        columns[stat] = values.astype(np.int64) if stat == "n_sentences" else values.astype(float)
    return pd.DataFrame(columns, columns=list(ARTICLE_STATS_COLUMNS))
