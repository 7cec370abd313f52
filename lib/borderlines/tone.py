"""Tone of sentences: VADER scores, tone per era, and tone of quotes vs narration.

VADER (the ``vaderSentiment`` package and the lexicon it ships) scores every
sentence; compound ranges from -1 (most negative) to +1, and VADER's own thresholds
(±0.05) name a sentence positive, neutral or negative. The reference is
``vaderSentiment``'s own analyzer; :mod:`borderlines.tone_fast` holds a faster copy
with the same scores (the extraction pipeline uses it). Sentences are labelled quote or
narration by how much of them lies inside quote spans. VADER's limits: its lexicon was
built for social-media text, it scores words, not stance or target ("safe third
country" reads as positive, "illegal" as negative whoever says it), and news prose is
mostly neutral; a tone estimate over fewer than ``min_sentences`` sentences
(:data:`MIN_TONE_SENTENCES`) is flagged ``too_few_sentences`` and is not a finding.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import pandas as pd
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from .compare import compare_measures
from .measures import TONE_MEASURES
from .nlp import sentence_table
from .uncertainty import DEFAULT_RESAMPLES, ESTIMATE_COLUMNS, era_rates

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

#: Fewer sentences than this and a tone estimate is not a finding (flagged).
MIN_TONE_SENTENCES = 20

#: Columns of :func:`tone_by_era`: the estimate is the mean compound score of the
#: era's sentences, with jackknife t intervals over articles; then the sentence distribution.
TONE_ERA_COLUMNS = {
    **ESTIMATE_COLUMNS,
    "n_sentences": "sentences of the era",
    "too_few_sentences": "True when n_sentences < min_sentences: the estimate is not a finding "
                         "(its note says so)",
    "median": "median compound score",
    "q25": "25th percentile of compound",
    "q75": "75th percentile of compound",
    "sd": "standard deviation of compound across sentences",
    "share_positive": "share of sentences with compound ≥ 0.05",
    "share_neutral": "share of sentences between the thresholds",
    "share_negative": "share of sentences with compound ≤ -0.05",
}

#: Columns of :func:`tone_quotes_vs_narration`.
TONE_VOICE_COLUMNS = {
    "era": "era key",
    "voice": "'quote' or 'narration'",
    "n_sentences": "sentences of the era with this voice",
    **{k: v for k, v in ESTIMATE_COLUMNS.items() if k != "era"},
    "too_few_sentences": "True when n_sentences < min_sentences: not a finding (see note)",
}

#: Columns of :func:`tone_histogram` (one row per era and compound-score bin).
TONE_BIN_COLUMNS = {
    "era": "era key",
    "bin_start": "lower edge of the bin (compound score)",
    "bin_end": "upper edge (exclusive, but 1.0 is in the last bin)",
    "n_sentences": "sentences of the era in the bin",
    "share": "their share of the era's sentences (NaN when the era has none)",
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


def tone_per_article(tone: pd.DataFrame) -> pd.DataFrame:
    """Per article of a :func:`sentence_tone` table: ``doc_id``, ``era``, ``total``
    (sum of compound scores) and ``n`` (sentences), so ``total / n`` is its mean tone."""
    return (tone.groupby(["doc_id", "era"], sort=False)
            .agg(total=("compound", "sum"), n=("compound", "size")).reset_index())


def too_few_sentences(estimates: pd.DataFrame, n_sentences, min_sentences: int = MIN_TONE_SENTENCES) -> pd.DataFrame:
    """``estimates`` (:data:`~borderlines.uncertainty.ESTIMATE_COLUMNS`) with
    ``too_few_sentences`` (``n_sentences`` below ``min_sentences``, per row) and, on those
    rows, the note "too few sentences (n, under min): not a finding" (after any other note), so
    :func:`~borderlines.uncertainty.format_estimate` prints it instead of an interval."""
    few = np.asarray(n_sentences) < min_sentences
    out = estimates.assign(too_few_sentences=few)
    flag = [f"too few sentences ({n}, under {min_sentences}): not a finding" for n in np.asarray(n_sentences)]
    out["note"] = [("; ".join(x for x in (note, f) if x) if is_few and n else note)
                   for note, f, is_few, n in zip(out["note"], flag, few, np.asarray(n_sentences))]
    return out


def tone_by_era(tone: pd.DataFrame, seed: int = 0, eras: list[str] | None = None,
                n_resamples: int = DEFAULT_RESAMPLES, min_sentences: int = MIN_TONE_SENTENCES) -> pd.DataFrame:
    """Per era, the mean compound score of its sentences with a jackknife t interval over
    articles, and the distribution of sentence scores;
    columns :data:`TONE_ERA_COLUMNS`. ``eras`` fixes the order (default: order in ``tone``).
    An era with fewer than ``min_sentences`` sentences is flagged ``too_few_sentences``
    (see :func:`too_few_sentences`): VADER scores single sentences noisily, so a mean over
    a handful is not a finding."""
    keys = list(eras) if eras is not None else list(dict.fromkeys(tone["era"]))
    est = era_rates(tone_per_article(tone), "total", "n", seed=seed, eras=keys, n_resamples=n_resamples)
    rows = []
    for key in keys:
        c = tone.loc[tone["era"] == key, "compound"].to_numpy(float)
        has = len(c) > 0
        rows.append({
            "n_sentences": len(c),
            "median": float(np.median(c)) if has else np.nan,
            "q25": float(np.quantile(c, 0.25)) if has else np.nan,
            "q75": float(np.quantile(c, 0.75)) if has else np.nan,
            "sd": float(np.std(c, ddof=1)) if len(c) > 1 else np.nan,
            "share_positive": float(np.mean(c >= VADER_THRESHOLD)) if has else np.nan,
            "share_neutral": float(np.mean(np.abs(c) < VADER_THRESHOLD)) if has else np.nan,
            "share_negative": float(np.mean(c <= -VADER_THRESHOLD)) if has else np.nan,
        })
    out = pd.concat([est, pd.DataFrame(rows, index=est.index)], axis=1)
    return too_few_sentences(out, out["n_sentences"], min_sentences)[list(TONE_ERA_COLUMNS)]


def tone_histogram(tone: pd.DataFrame, bins: int = 20, eras: list[str] | None = None) -> pd.DataFrame:
    """The distribution of sentence compound scores per era (from
    :func:`sentence_tone`) in ``bins`` equal bins over [-1, 1], as counts and shares of
    the era's sentences: a chart of any corpus size plots ``bins`` rows per era;
    columns :data:`TONE_BIN_COLUMNS`. ``eras`` fixes the order (default: order in
    ``tone``); an era without sentences gets zero counts and NaN shares."""
    if bins < 1:
        raise ValueError(f"bins must be at least 1, got {bins}")
    keys = list(eras) if eras is not None else list(dict.fromkeys(tone["era"]))
    edges = np.linspace(-1.0, 1.0, bins + 1)
    parts = []
    for key in keys:
        c = tone.loc[tone["era"] == key, "compound"].to_numpy(float)
        counts, _ = np.histogram(np.clip(c, -1.0, 1.0), bins=edges)
        share = counts / len(c) if len(c) else np.full(bins, np.nan)
        parts.append(pd.DataFrame({"era": key, "bin_start": edges[:-1], "bin_end": edges[1:],
                                   "n_sentences": counts.astype(np.int64), "share": share}))
    if not parts:
        return pd.DataFrame({c: pd.Series(dtype=object if c == "era" else float) for c in TONE_BIN_COLUMNS})
    return pd.concat(parts, ignore_index=True)[list(TONE_BIN_COLUMNS)]


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


def tone_quotes_vs_narration(tone: pd.DataFrame, quotes: pd.DataFrame, min_overlap: float = 0.5,
                             seed: int = 0, eras: list[str] | None = None,
                             kinds: tuple[str, ...] | None = QUOTED_KINDS,
                             n_resamples: int = DEFAULT_RESAMPLES,
                             min_sentences: int = MIN_TONE_SENTENCES) -> pd.DataFrame:
    """Mean VADER compound of quoted sentences and of narration per era, each
    with a jackknife t interval over the era's articles that have such sentences;
    columns :data:`TONE_VOICE_COLUMNS`. ``quotes``, ``min_overlap`` and ``kinds`` as in
    :func:`sentence_voice`; a row over fewer than ``min_sentences``
    sentences is flagged ``too_few_sentences`` and is not a finding."""
    voiced = sentence_voice(tone, quotes, min_overlap, kinds)
    keys = list(eras) if eras is not None else list(dict.fromkeys(tone["era"]))
    parts = []
    for voice in ("quote", "narration"):
        part = voiced[voiced["voice"] == voice]
        est = era_rates(tone_per_article(part), "total", "n", seed=seed, eras=keys,
                        n_resamples=n_resamples)
        est.insert(1, "voice", voice)
        est.insert(2, "n_sentences", [int((part["era"] == k).sum()) for k in keys])
        parts.append(est)
    out = pd.concat(parts, ignore_index=True)
    out = too_few_sentences(out, out["n_sentences"], min_sentences)
    out["_e"] = out["era"].map({e: i for i, e in enumerate(keys)})
    return out.sort_values(["_e"], kind="stable")[list(TONE_VOICE_COLUMNS)].reset_index(drop=True)


def tone_voice_per_article(tone: pd.DataFrame, quotes: pd.DataFrame, min_overlap: float = 0.5,
                           kinds: tuple[str, ...] | None = QUOTED_KINDS) -> pd.DataFrame:
    """Per article of a :func:`sentence_tone` table: ``doc_id``, ``era``, ``total`` and
    ``n`` (all sentences, as :func:`tone_per_article`), ``total_quote``/``n_quote`` (its
    quoted sentences) and ``total_narration``/``n_narration`` (the rest), with zeros;
    ``quotes``, ``min_overlap`` and ``kinds`` as in :func:`sentence_voice`. The
    per-article table of :data:`borderlines.measures.TONE_MEASURES`."""
    voiced = sentence_voice(tone, quotes, min_overlap, kinds)
    out = tone_per_article(voiced)
    for voice in ("quote", "narration"):
        part = tone_per_article(voiced[voiced["voice"] == voice]).set_index("doc_id")
        out[f"total_{voice}"] = out["doc_id"].map(part["total"]).fillna(0.0).to_numpy(float)
        out[f"n_{voice}"] = out["doc_id"].map(part["n"]).fillna(0).to_numpy("int64")
    return out


def tone_differences(tone: pd.DataFrame, quotes: pd.DataFrame, era_a: str, era_b: str, seed: int = 0,
                     clusters: pd.DataFrame | None = None, min_overlap: float = 0.5,
                     kinds: tuple[str, ...] | None = QUOTED_KINDS) -> pd.DataFrame:
    """Era B minus era A in the mean compound score of all sentences, of quoted
    sentences and of narration (:data:`borderlines.measures.TONE_MEASURES` over
    :func:`tone_voice_per_article`), each over the articles that have such sentences;
    :data:`~borderlines.compare.MEASURE_DIFFERENCE_COLUMNS` rows with ``measure`` "all
    sentences", "quote", "narration"."""
    table = tone_voice_per_article(tone, quotes, min_overlap, kinds)
    return compare_measures(table, TONE_MEASURES, era_a, era_b, seed=seed, clusters=clusters)
