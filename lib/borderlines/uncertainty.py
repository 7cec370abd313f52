"""Honest comparisons between eras of very different sizes.

Every estimate is made per era over *articles* (the sampling unit), with a percentile
bootstrap interval from :func:`scipy.stats.bootstrap` when the era has at least two
articles, and an explicit note when it has one ("one article: no interval") or none,
or when its articles do not vary (a zero-width interval would read as certainty).
These describe one era each; compare eras with :mod:`borderlines.compare`, never by
setting one era's value against the other's interval.
Seeds come from the caller (the notebooks' ``seed`` parameter) so results reproduce.
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
from scipy import stats

NO_INTERVAL = "one article: no interval"
NO_ARTICLES = "no articles"
NO_VARIATION = "no variation between articles: no interval"
DEFAULT_RESAMPLES = 2000
DEFAULT_CONFIDENCE = 0.95

#: Columns of every estimate table in this module.
ESTIMATE_COLUMNS = {
    "era": "era key",
    "n_articles": "articles in the era (the bootstrap resamples these)",
    "estimate": "the statistic on the era's articles",
    "ci_low": "lower end of the bootstrap interval (NaN without an interval)",
    "ci_high": "upper end of the bootstrap interval (NaN without an interval)",
    "note": "'' or why there is no interval",
}


def _note(n: int) -> str:
    return NO_ARTICLES if n == 0 else NO_INTERVAL if n == 1 else ""


def _bootstrap(data: tuple[np.ndarray, ...], statistic, seed: int, n_resamples: int,
               confidence: float) -> tuple[float, float]:
    if len(data[0]) < 2 or np.all(data[0] == data[0][0]) and len(data) == 1:
        if len(data[0]) >= 2:  # all values equal: the interval is the value itself
            v = float(statistic(*data))
            return v, v
        return np.nan, np.nan
    res = stats.bootstrap(data, statistic, paired=len(data) > 1, vectorized=True,
                          n_resamples=n_resamples, confidence_level=confidence,
                          method="percentile", rng=np.random.default_rng(seed))
    return float(res.confidence_interval.low), float(res.confidence_interval.high)


def mean_ci(values, seed: int = 0, n_resamples: int = DEFAULT_RESAMPLES,
            confidence: float = DEFAULT_CONFIDENCE) -> tuple[float, float, float, str]:
    """``(mean, ci_low, ci_high, note)`` of per-article ``values``; NaN bounds and a note
    when fewer than two articles or all equal."""
    x = np.asarray(values, dtype=float)
    if len(x) == 0:
        return np.nan, np.nan, np.nan, NO_ARTICLES
    low, high = _bootstrap((x,), lambda a, axis=-1: np.mean(a, axis=axis), seed, n_resamples, confidence)
    return _no_zero_width(float(x.mean()), low, high, _note(len(x)))


def _no_zero_width(estimate: float, low: float, high: float, note: str) -> tuple[float, float, float, str]:
    if not note and low == high:
        return estimate, np.nan, np.nan, NO_VARIATION
    return estimate, low, high, note


def ratio_ci(numerator, denominator, scale: float = 1.0, seed: int = 0,
             n_resamples: int = DEFAULT_RESAMPLES,
             confidence: float = DEFAULT_CONFIDENCE) -> tuple[float, float, float, str]:
    """``scale * sum(numerator) / sum(denominator)`` over articles (e.g. quotes per 1,000
    words with ``scale=1000``), with a paired bootstrap over articles. Resamples whose
    denominator is zero (only articles with nothing to divide) are left out of the
    interval rather than making it undefined."""
    num = np.asarray(numerator, dtype=float)
    den = np.asarray(denominator, dtype=float)
    if len(num) == 0:
        return np.nan, np.nan, np.nan, NO_ARTICLES
    if den.sum() == 0:
        return np.nan, np.nan, np.nan, "nothing to divide by (denominator is zero)"

    def stat(n, d, axis=-1):
        total = np.sum(d, axis=axis)
        return scale * np.sum(n, axis=axis) / np.where(total == 0, np.nan, total)

    estimate = scale * num.sum() / den.sum()
    if len(num) < 2:
        return float(estimate), np.nan, np.nan, NO_INTERVAL
    with warnings.catch_warnings():  # NaN resamples are handled just below
        warnings.simplefilter("ignore", stats.DegenerateDataWarning)
        res = stats.bootstrap((num, den), stat, paired=True, vectorized=True, n_resamples=n_resamples,
                              confidence_level=confidence, method="percentile",
                              rng=np.random.default_rng(seed))
    low, high = res.confidence_interval.low, res.confidence_interval.high
    if np.isnan(low) or np.isnan(high):
        tail = 100 * (1 - confidence) / 2
        low, high = np.nanpercentile(res.bootstrap_distribution, [tail, 100 - tail])
    return _no_zero_width(float(estimate), float(low), float(high), "")


def era_means(table: pd.DataFrame, value: str, era: str = "era", seed: int = 0,
              eras: list[str] | None = None, **kwargs) -> pd.DataFrame:
    """Per-era mean of a per-article column ``value`` (one row per article in ``table``),
    columns :data:`ESTIMATE_COLUMNS`. ``eras`` fixes the order and includes empty eras."""
    keys = eras if eras is not None else list(dict.fromkeys(table[era]))
    rows = []
    for i, key in enumerate(keys):
        x = table.loc[table[era] == key, value]
        est, low, high, note = mean_ci(x, seed=seed + i, **kwargs)
        rows.append({"era": key, "n_articles": len(x), "estimate": est, "ci_low": low,
                     "ci_high": high, "note": note})
    return pd.DataFrame(rows, columns=list(ESTIMATE_COLUMNS))


def era_rates(table: pd.DataFrame, numerator: str, denominator: str, scale: float = 1.0,
              era: str = "era", seed: int = 0, eras: list[str] | None = None,
              **kwargs) -> pd.DataFrame:
    """Per-era rate ``scale * Σ numerator / Σ denominator`` over the era's articles (one
    row per article in ``table``), bootstrapped over articles; :data:`ESTIMATE_COLUMNS`."""
    keys = eras if eras is not None else list(dict.fromkeys(table[era]))
    rows = []
    for i, key in enumerate(keys):
        part = table[table[era] == key]
        est, low, high, note = ratio_ci(part[numerator], part[denominator], scale=scale,
                                        seed=seed + i, **kwargs)
        rows.append({"era": key, "n_articles": len(part), "estimate": est, "ci_low": low,
                     "ci_high": high, "note": note})
    return pd.DataFrame(rows, columns=list(ESTIMATE_COLUMNS))


def era_shares(counts: pd.DataFrame, category: str, count: str = "n", unit: str = "doc_id",
               era: str = "era", seed: int = 0, eras: list[str] | None = None,
               **kwargs) -> pd.DataFrame:
    """Share of each ``category`` within each era, from per-article counts.

    ``counts`` has one row per (article, category) with the article's ``era`` and a
    ``count`` (e.g. quotes by role per article). The share is Σ count in the category /
    Σ count in the era, bootstrapped over the era's articles. Returns
    :data:`ESTIMATE_COLUMNS` plus ``category`` and ``count`` (the era's total in it)."""
    keys = eras if eras is not None else list(dict.fromkeys(counts[era]))
    categories = list(dict.fromkeys(counts[category]))
    rows = []
    for i, key in enumerate(keys):
        part = counts[counts[era] == key]
        wide = part.pivot_table(index=unit, columns=category, values=count, aggfunc="sum",
                                fill_value=0).reindex(columns=categories, fill_value=0)
        totals = wide.sum(axis=1)
        for j, cat in enumerate(categories):
            est, low, high, note = ratio_ci(wide[cat].to_numpy(), totals.to_numpy(),
                                            seed=seed + 1000 * i + j, **kwargs)
            rows.append({"era": key, category: cat, "count": int(wide[cat].sum()),
                         "n_articles": len(wide), "estimate": est, "ci_low": low,
                         "ci_high": high, "note": note})
    return pd.DataFrame(rows, columns=["era", category, "count", *list(ESTIMATE_COLUMNS)[1:]])


def enough_digits(values, digits: int = 1, most: int = 4) -> int:
    """The fewest decimals, at least ``digits`` and at most ``digits + most``, at which
    the distinct ``values`` (an estimate and its bounds) stay distinct when rounded: a
    MATTR of 0.72 against 0.75 is not shown as 0.7 and 0.7."""
    x = [float(v) for v in values if pd.notna(v)]
    # and two significant figures for a value below 1 (0.72, not 0.7)
    small = [abs(v) for v in x if 0 < abs(v) < 1]
    if small:
        digits = max(digits, min(digits + most, int(np.ceil(-np.log10(min(small)))) + 1))
    for d in range(digits, digits + most + 1):
        if len({round(v, d) for v in x}) == len(set(x)):
            return d
    return digits + most


def format_estimate(row, digits: int = 1, percent: bool = False) -> str:
    """Human text for one estimate row: ``"12.3 (95% CI 10.1–14.2)"`` or
    ``"12.3 (one article: no interval)"``; ``digits`` decimals, more where fewer would
    show different bounds as equal (:func:`enough_digits`)."""
    bounds = [row["estimate"], row.get("ci_low"), row.get("ci_high")]
    digits = enough_digits([100 * v if percent and pd.notna(v) else v for v in bounds], digits)
    f = (lambda v: f"{100 * v:.{digits}f}%") if percent else (lambda v: f"{v:,.{digits}f}")
    if pd.isna(row["estimate"]):
        return f"n/a ({row['note']})" if row["note"] else "n/a"
    if row["note"]:
        return f"{f(row['estimate'])} ({row['note']})"
    return f"{f(row['estimate'])} (95% CI {f(row['ci_low'])}–{f(row['ci_high'])})"
