"""Tone of sentences: VADER scores, and which sentences are quotes or narration.

VADER (the ``vaderSentiment`` package and the lexicon it ships) scores every
sentence; compound ranges from -1 (most negative) to +1, and VADER's own thresholds
(±0.05) name a sentence positive, neutral or negative. The reference is
``vaderSentiment``'s own analyzer; :mod:`borderlines.tone_fast` holds a faster copy
with the same scores (the extraction pipeline uses it). Sentences are labelled quote or
narration by how much of them lies inside quote spans. VADER's limits: its lexicon was
built for social-media text, it scores words, not stance or target ("safe third
country" reads as positive, "illegal" as negative whoever says it), and news prose is
mostly neutral. Tone per era, of quotes and narration, and its era differences are in
:mod:`borderlines.compare.tone`.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import pandas as pd
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from .nlp import sentence_table

#: Columns of :func:`sentence_tone` (one row per sentence).
TONE_COLUMNS = {
    "doc_id": "article id",
    "era": "era key",
    "sent_id": "sentence number in the article",
    "start": "offset of the sentence in the clean text",
    "end": "end offset (exclusive)",
    "sentence": "the sentence text",
    "compound": "VADER compound score, -1 (negative) to +1 (positive)",
    "pos": "VADER share of positive text, 0 to 1",
    "neu": "VADER share of neutral text, 0 to 1",
    "neg": "VADER share of negative text, 0 to 1",
    "tone": "'positive' (compound ≥ 0.05), 'negative' (≤ -0.05) or 'neutral'",
}

VADER_THRESHOLD = 0.05
#: Quote kinds (``kind`` column of borderlines.quotes) that make a sentence a quote.
QUOTED_KINDS = ("direct", "embedded")


@lru_cache(maxsize=1)
def _vader() -> SentimentIntensityAnalyzer:
    return SentimentIntensityAnalyzer()


def tone_label(compound: float) -> str:
    """VADER's reading of a compound score: positive (≥ 0.05), negative (≤ -0.05),
    else neutral."""
    if compound >= VADER_THRESHOLD:
        return "positive"
    if compound <= -VADER_THRESHOLD:
        return "negative"
    return "neutral"


def sentence_tone(corpus: pd.DataFrame, sentences: pd.DataFrame | None = None,
                  analyzer: SentimentIntensityAnalyzer | None = None) -> pd.DataFrame:
    """VADER scores of every sentence; columns :data:`TONE_COLUMNS`. ``sentences`` is
    a :func:`~borderlines.nlp.sentence_table` of the corpus (made if ``None``);
    ``analyzer`` another VADER analyzer, e.g. :func:`borderlines.tone_fast.fast_vader` (same scores, faster)."""
    sentences = sentence_table(corpus) if sentences is None else sentences
    analyzer = _vader() if analyzer is None else analyzer
    scores = [analyzer.polarity_scores(s) for s in sentences["sentence"]]
    out = pd.DataFrame({
        "doc_id": sentences["doc_id"].to_numpy(),
        "era": sentences["doc_id"].map(dict(zip(corpus["doc_id"], corpus["era"]))).to_numpy(),
        "sent_id": sentences["sent_id"].to_numpy(),
        "start": sentences["start"].to_numpy(), "end": sentences["end"].to_numpy(),
        "sentence": sentences["sentence"].to_numpy(),
        "compound": [s["compound"] for s in scores], "pos": [s["pos"] for s in scores],
        "neu": [s["neu"] for s in scores], "neg": [s["neg"] for s in scores],
    })
    out["tone"] = [tone_label(c) for c in out["compound"]]
    return out[list(TONE_COLUMNS)]


def _merged_spans(quotes: pd.DataFrame) -> pd.DataFrame:
    # Union of overlapping quote spans per article, so nested quotes count once.
    q = quotes[["doc_id", "start", "end"]].sort_values(["doc_id", "start"], kind="stable")
    q = q[q["end"] > q["start"]]
    prev_end = q.groupby("doc_id", sort=False)["end"].transform(lambda s: s.cummax().shift())
    new = prev_end.isna() | (q["start"] > prev_end)
    group = new.cumsum()
    return q.groupby(group).agg(doc_id=("doc_id", "first"), start=("start", "min"),
                                end=("end", "max")).reset_index(drop=True)


def sentence_voice(sentences: pd.DataFrame, quotes: pd.DataFrame, min_overlap: float = 0.5,
                   kinds: tuple[str, ...] | None = QUOTED_KINDS) -> pd.DataFrame:
    """``sentences`` (any table with ``doc_id``, ``start``, ``end``, e.g.
    :func:`sentence_tone`) plus ``quote_chars`` (characters inside quote spans),
    ``quote_share`` (their share of the sentence) and ``voice``: 'quote' when at least
    ``min_overlap`` of the sentence is quoted, else 'narration'.

    ``quotes`` has one row per quote with ``doc_id``, ``start``, ``end`` (offsets in the
    clean text), e.g. from :func:`borderlines.quotes.extract_quotes`. If it has a
    ``kind`` column, only ``kinds`` count (default: direct and embedded quotes, the
    speakers' own words; partial quotes are a few words inside narration and indirect
    ones the reporter's paraphrase); ``kinds=None`` counts every row."""
    missing = [c for c in ("doc_id", "start", "end") if c not in quotes.columns]
    if missing:
        raise ValueError(f"quotes table lacks column(s) {', '.join(missing)}: it needs doc_id, start, "
                         "end (character offsets of each quote in the clean text)")
    if not 0 < min_overlap <= 1:
        raise ValueError(f"min_overlap is a share of the sentence in (0, 1], got {min_overlap}")
    if kinds is not None and "kind" in quotes.columns:
        quotes = quotes[quotes["kind"].isin(kinds)]
    spans = _merged_spans(quotes)
    s = sentences.reset_index(drop=True)
    pairs = (s[["doc_id", "start", "end"]].reset_index(names="_row")
             .merge(spans, on="doc_id", suffixes=("", "_q")))
    overlap = (np.minimum(pairs["end"], pairs["end_q"])
               - np.maximum(pairs["start"], pairs["start_q"])).clip(lower=0)
    chars = overlap.groupby(pairs["_row"]).sum().reindex(s.index, fill_value=0).astype(np.int64)
    length = (s["end"] - s["start"]).clip(lower=1)
    out = s.assign(quote_chars=chars.to_numpy(), quote_share=(chars / length).to_numpy())
    out["voice"] = np.where(out["quote_share"] >= min_overlap, "quote", "narration")
    return out
