"""Tone per era: the mean VADER compound score of each era's sentences, of its quoted
sentences and of its narration, with jackknife t intervals over articles, the
distribution of sentence scores, and the differences between eras
(:data:`borderlines.measures.TONE_MEASURES`). Scores come from
:func:`borderlines.tone.sentence_tone`; a tone estimate over fewer than
``min_sentences`` sentences (:data:`MIN_TONE_SENTENCES`) is flagged
``too_few_sentences`` and is not a finding.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..measures import TONE_MEASURES
from ..tone import QUOTED_KINDS, VADER_THRESHOLD, sentence_voice
from ..uncertainty import ESTIMATE_COLUMNS, era_rates
from .core import compare_measures

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
                min_sentences: int = MIN_TONE_SENTENCES) -> pd.DataFrame:
    """Per era, the mean compound score of its sentences with a jackknife t interval over
    articles, and the distribution of sentence scores;
    columns :data:`TONE_ERA_COLUMNS`. ``eras`` fixes the order (default: order in ``tone``).
    An era with fewer than ``min_sentences`` sentences is flagged ``too_few_sentences``
    (see :func:`too_few_sentences`): VADER scores single sentences noisily, so a mean over
    a handful is not a finding."""
    keys = list(eras) if eras is not None else list(dict.fromkeys(tone["era"]))
    est = era_rates(tone_per_article(tone), "total", "n", seed=seed, eras=keys)
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


def tone_quotes_vs_narration(tone: pd.DataFrame, quotes: pd.DataFrame, min_overlap: float = 0.5,
                             seed: int = 0, eras: list[str] | None = None,
                             kinds: tuple[str, ...] | None = QUOTED_KINDS,
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
        est = era_rates(tone_per_article(part), "total", "n", seed=seed, eras=keys)
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
