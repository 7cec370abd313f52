"""Each era's own estimate with an interval that covers.

Every estimate is made per era over *articles* (the sampling unit): a rate is a ratio
of sums (``scale * Σ num / Σ den``), a share the same with the article's total as
``den``, a mean the same with ``den = 1``. Its interval is the jackknife t interval of
:func:`borderlines.compare.era_interval` (one implementation with the era
differences): 92–98 % coverage at 95 % from 5 to 100 articles (``benchmarks/coverage.py``),
where a percentile bootstrap covered about 87 % at 5. Below three articles, with no
articles, or when the articles do not vary (a zero-width interval would read as
certainty), the bounds are NaN and ``note`` says why. The intervals involve no random
numbers, so they reproduce without a seed. These describe one era each; compare eras
with :mod:`borderlines.compare`, never by setting one era's value against the other's
interval.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pandas as pd

from .compare.core import (ERA_NO_VARIATION as NO_VARIATION, FEW_ARTICLES, NO_ARTICLES,  # noqa: F401
                           NO_DENOMINATOR, ONE_ARTICLE as NO_INTERVAL, era_interval)
from .measures import RESULT_ID_COLUMNS

DEFAULT_CONFIDENCE = 0.95

#: Columns of every estimate table in this module.
ESTIMATE_COLUMNS = {
    "era": "era key",
    "n_articles": "articles in the era",
    "estimate": "the statistic on the era's articles",
    "ci_low": "lower end of the jackknife t interval (NaN without an interval)",
    "ci_high": "upper end of the jackknife t interval (NaN without an interval)",
    "note": "'' or why there is no interval",
}


def mean_ci(values, seed: int = 0, confidence: float = DEFAULT_CONFIDENCE) -> tuple[float, float, float, str]:
    """``(mean, ci_low, ci_high, note)`` of per-article ``values`` (NaN values left out):
    the mean, the ends of its jackknife t interval (:func:`~borderlines.compare.era_interval`),
    and ``''`` or why there is no interval (NaN bounds: fewer than three values, or all
    equal). ``seed`` is accepted for older calls and not used."""
    x = np.asarray(values, dtype=float)
    return era_interval(x, np.ones_like(x), level=confidence)


def ratio_ci(numerator, denominator, scale: float = 1.0, seed: int = 0,
             confidence: float = DEFAULT_CONFIDENCE) -> tuple[float, float, float, str]:
    """``(estimate, ci_low, ci_high, note)`` of ``scale * sum(numerator) / sum(denominator)``
    over articles (e.g. quotes per 1,000 words with ``scale=1000``), with the jackknife t
    interval of :func:`~borderlines.compare.era_interval`; articles whose denominator is
    zero say nothing about the ratio and are left out. ``seed`` is accepted for older
    calls and not used."""
    return era_interval(numerator, denominator, scale=scale, level=confidence)


def era_means(table: pd.DataFrame, value: str, era: str = "era", seed: int = 0,
              eras: list[str] | None = None, **kwargs) -> pd.DataFrame:
    """Per-era mean of a per-article column ``value`` (one row per article in ``table``),
    columns :data:`ESTIMATE_COLUMNS`. ``eras`` fixes the order and includes empty eras;
    ``seed`` is accepted for older calls (the interval uses no random numbers)."""
    keys = eras if eras is not None else list(dict.fromkeys(table[era]))
    rows = []
    for key in keys:
        x = table.loc[table[era] == key, value]
        est, low, high, note = mean_ci(x, **kwargs)
        rows.append({"era": key, "n_articles": len(x), "estimate": est, "ci_low": low,
                     "ci_high": high, "note": note})
    return pd.DataFrame(rows, columns=list(ESTIMATE_COLUMNS))


def era_rates(table: pd.DataFrame, numerator: str, denominator: str, scale: float = 1.0,
              era: str = "era", seed: int = 0, eras: list[str] | None = None,
              **kwargs) -> pd.DataFrame:
    """Per-era rate ``scale * Σ numerator / Σ denominator`` over the era's articles (one
    row per article in ``table``), with its jackknife t interval over articles;
    :data:`ESTIMATE_COLUMNS`."""
    keys = eras if eras is not None else list(dict.fromkeys(table[era]))
    rows = []
    for key in keys:
        part = table[table[era] == key]
        est, low, high, note = ratio_ci(part[numerator], part[denominator], scale=scale, **kwargs)
        rows.append({"era": key, "n_articles": len(part), "estimate": est, "ci_low": low,
                     "ci_high": high, "note": note})
    return pd.DataFrame(rows, columns=list(ESTIMATE_COLUMNS))


#: Columns of :func:`measure_estimates`.
MEASURE_ESTIMATE_COLUMNS = {
    **RESULT_ID_COLUMNS,
    **ESTIMATE_COLUMNS,
}


def measure_estimates(table: pd.DataFrame, measures, eras, era: str = "era",
                      empty_eras: bool = False) -> pd.DataFrame:
    """Each era's estimate of each of ``measures`` (:class:`borderlines.measures.Measure`
    or their names; or, as for :func:`borderlines.compare.rate_differences`, a dict of
    a column name for a per-article mean or ``(numerator, denominator, scale)``) over the
    per-article ``table``, with its jackknife t interval: columns
    :data:`MEASURE_ESTIMATE_COLUMNS`, measures (and a family's categories) in order,
    eras in era order. ``eras``: the eras table or a list of keys; only those with
    articles in ``table`` unless ``empty_eras`` (then every key of ``eras``, an empty
    era with note "no articles")."""
    from .compare.core import _ad_hoc, _share_wide, eras_with_articles
    from .measures import MEASURES
    if isinstance(measures, dict):
        measures = _ad_hoc(measures)
    measures = [MEASURES[m] if isinstance(m, str) else m for m in measures]
    order = list(eras["era"]) if isinstance(eras, pd.DataFrame) else list(eras)
    keys = list(dict.fromkeys(order)) if empty_eras else eras_with_articles(table[era], eras)
    parts = []
    for m in measures:
        if m.category is None:
            parts.append(_estimates(table, m, keys, era).assign(**m.ids()))
            continue
        if m.denominator is None:
            wide, categories = _share_wide(table, m.category, m.numerator, "doc_id", era)
        for c in (categories if m.denominator is None else dict.fromkeys(table[m.category])):
            part = (_estimates(wide, replace(m, numerator=c, denominator="_total"), keys, era)
                    if m.denominator is None else _estimates(table[table[m.category] == c], m, keys, era))
            parts.append(part.assign(**m.ids(c)))
    if not parts:
        return pd.DataFrame(columns=list(MEASURE_ESTIMATE_COLUMNS))
    return pd.concat(parts, ignore_index=True)[list(MEASURE_ESTIMATE_COLUMNS)]


def _estimates(table: pd.DataFrame, measure, keys: list[str], era: str) -> pd.DataFrame:
    if measure.denominator is None:
        return era_means(table, measure.numerator, era=era, eras=keys)
    return era_rates(table, measure.numerator, measure.denominator, scale=measure.scale, era=era, eras=keys)


def era_shares(counts: pd.DataFrame, category: str, count: str = "n", unit: str = "doc_id",
               era: str = "era", seed: int = 0, eras: list[str] | None = None, measure=None,
               **kwargs) -> pd.DataFrame:
    """Share of each ``category`` within each era, from per-article counts.

    ``counts`` has one row per (article, category) with the article's ``era`` and a
    ``count`` (e.g. quotes by role per article). The share is Σ count in the category /
    Σ count in the era, with its jackknife t interval (logit scale) over the era's
    articles. Returns
    :data:`ESTIMATE_COLUMNS` plus ``category`` and ``count`` (the era's total in it);
    with ``measure`` (a :class:`borderlines.measures.Measure` family, e.g. ``voice_share``)
    also each row's ``definition``."""
    keys = eras if eras is not None else list(dict.fromkeys(counts[era]))
    categories = list(dict.fromkeys(counts[category]))
    rows = []
    for key in keys:
        part = counts[counts[era] == key]
        wide = part.pivot_table(index=unit, columns=category, values=count, aggfunc="sum",
                                fill_value=0).reindex(columns=categories, fill_value=0)
        totals = wide.sum(axis=1)
        for cat in categories:
            est, low, high, note = ratio_ci(wide[cat].to_numpy(), totals.to_numpy(), **kwargs)
            rows.append({"era": key, category: cat, "count": int(wide[cat].sum()),
                         "n_articles": len(wide), "estimate": est, "ci_low": low,
                         "ci_high": high, "note": note})
    out = pd.DataFrame(rows, columns=["era", category, "count", *list(ESTIMATE_COLUMNS)[1:]])
    if measure is not None:
        out.insert(2, "definition", [measure.definition_of(c) for c in out[category]])
    return out


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
