"""Era comparisons as differences with honest uncertainty.

Every comparison is one number, era B minus era A, with its own interval and an
article-level permutation p-value, never one era's value set against the other's
interval. A rate is a ratio of sums over articles, ``scale * Σ num / Σ den`` (quotes
per 1,000 words: ``num`` quotes, ``den`` words, ``scale`` 1000); a share is the same
with ``den`` the article's total (quotes by one voice over all quotes); a per-article
mean is the same with ``den = 1``. So one function, :func:`era_difference`, does all
three; articles with ``den == 0`` say nothing about a ratio and are left out.

Interval
    Each era's rate gets its delete-one-article jackknife variance; the difference has
    a Welch-type interval, ``d ± t(df) · √(v_A + v_B)`` with Hsu's conservative
    ``df = min(n_A, n_B) − 1``. In simulations of overdispersed counts
    (``benchmarks/coverage.py``) it covers 94–97 % of the time at 95 % from 5 to 100
    articles per era (issue 13 measured about 87 % at 5 for percentile bootstrap
    intervals). With fewer than :data:`MIN_ARTICLES` articles in an era, or no
    variation between articles at all, there is no honest interval: the
    bounds are NaN and ``note`` says why. The ratio B / A gets the same interval on the
    log scale when both rates are positive and numerators are not negative.

p-value
    A permutation test over articles of the studentized difference (robust when the
    eras differ in spread; Chung and Romano 2013; studentized by the linearization
    standard error, which needs only sums, so thousands of splits of thousands of
    articles take seconds): every split of the articles when there are at most
    :data:`EXACT_SPLITS`, else ``n_permutations`` random ones.
    ``p_min`` is its floor, the smallest p the test can give with these group sizes
    (four articles against one: 0.2, whatever the data). ``p_value`` is the larger of
    the permutation p and the interval's t p, so it is below 1 − level only when the
    interval excludes zero and the permutation test agrees (at 5–10 articles an era
    with unequal spreads the permutation test alone rejects a true null about 7 % of
    the time).

Near-duplicates
    Articles of one cluster (the same wire story in two outlets,
    :func:`borderlines.confounds.near_duplicates`) can be passed as ``clusters``: each
    cluster's numerators and denominators are summed and the cluster is one unit.
"""

from __future__ import annotations

import zlib
from math import comb

import numpy as np
import pandas as pd
from scipy import stats

from ..measures import RESULT_ID_COLUMNS

MIN_ARTICLES = 3
EXACT_SPLITS = 20_000
DEFAULT_PERMUTATIONS = 1_999   # Monte Carlo floor 1/2000: far below any level, and fast
TOO_FEW = f"too few articles (fewer than {MIN_ARTICLES} in an era): no interval"
NO_VARIATION = "no variation between articles (e.g. none in either era): no interval"
#: Notes of one era's interval (:func:`era_interval`).
ONE_ARTICLE = "one article: no interval"
FEW_ARTICLES = f"fewer than {MIN_ARTICLES} articles: no interval"
NO_ARTICLES = "no articles"
NO_DENOMINATOR = "nothing to divide by (denominator is zero)"
ERA_NO_VARIATION = "no variation between articles: no interval"

#: Columns of the tables of :func:`rate_differences`, :func:`share_differences`,
#: :func:`mean_differences` (one row per measure or category).
DIFFERENCE_COLUMNS = {
    "measure": "what is compared (measure name or category)",
    "era_a": "era key A", "era_b": "era key B",
    "n_a": "articles (or clusters) of era A used", "n_b": "articles (or clusters) of era B used",
    "value_a": "era A's rate, share or mean (× scale)", "value_b": "era B's",
    "estimate": "value_b − value_a", "low": "lower end of the interval (NaN without one)",
    "high": "upper end of the interval", "ratio": "value_b / value_a (NaN where it does not fit)",
    "ratio_low": "lower end of the ratio's interval", "ratio_high": "upper end",
    "p_value": "two-sided p: the larger of p_permutation and p_t (below 1 − level only when "
               "the interval excludes zero and the permutation test agrees)",
    "p_permutation": "article-level permutation p-value (two-sided)",
    "p_t": "p of the interval's t statistic (NaN without an interval)",
    "p_min": "the smallest p the permutation test can give with these group sizes",
    "level": "confidence level of the intervals", "method": "how the interval and p were made",
    "note": "'' or why there is no interval",
}


def measure_rng(seed: int, measure: str) -> np.random.Generator:
    """A generator for one measure: the same ``seed`` and ``measure`` name give the same
    stream, different names independent ones (``numpy.random.SeedSequence``)."""
    key = tuple(zlib.crc32(part.encode()) for part in str(measure).split("/"))
    return np.random.default_rng(np.random.SeedSequence(int(seed), spawn_key=key))


def _group_stats(num: np.ndarray, den: np.ndarray, mask: np.ndarray):
    # Ratio of sums, its jackknife variance and size for each row of ``mask`` (rows × units);
    # ``num``/``den`` are one row of units or one row per mask row.
    n = mask.sum(1)
    s_num, s_den = (mask * num).sum(1), (mask * den).sum(1)
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = s_num / s_den
        loo = np.where(mask, (s_num[:, None] - num) / (s_den[:, None] - den), 0.0)
        mean = loo.sum(1) / n
        var = (n - 1) / n * (np.where(mask, loo - mean[:, None], 0.0) ** 2).sum(1)
    return ratio, var, n


def era_interval(num, den, *, scale: float = 1.0, level: float = 0.95,
                 clusters=None) -> tuple[float, float, float, str]:
    """One era's rate ``scale * Σ num / Σ den`` over its articles with its interval:
    ``(estimate, low, high, note)``. The delete-one-article jackknife variance of the
    ratio (as in :func:`era_difference`) gives a t interval with ``n − 1`` degrees of
    freedom on the scale where the estimate is closest to normal: logit for a share
    (``0 ≤ num ≤ den``), log for a rate of counts (``num ≥ 0``), the plain scale
    otherwise (a mean tone, which can be negative). At 95 % it covers 92–98 % of the
    time from 5 to 100 articles (overdispersed counts, shares, heavy-tailed scores;
    ``benchmarks/coverage.py``), where the percentile bootstrap covered about 87 % at
    5. Articles with ``den == 0`` (or a NaN) say nothing and are left out; below
    :data:`MIN_ARTICLES` articles, or without variation between them, the bounds are
    NaN and ``note`` says why."""
    if not 0 < level < 1:
        raise ValueError(f"level must be between 0 and 1, got {level}")
    raw_den = np.asarray(den, float)
    num, den = _units(num, den, clusters)
    n = len(num)
    if n == 0:
        note = NO_DENOMINATOR if len(raw_den) and np.nansum(raw_den) == 0 else NO_ARTICLES
        return np.nan, np.nan, np.nan, note
    r, v, _ = (float(a[0]) for a in _group_stats(num, den, np.ones((1, n), bool)))
    if n == 1 or n < MIN_ARTICLES:
        return scale * r, np.nan, np.nan, ONE_ARTICLE if n == 1 else FEW_ARTICLES
    if not v > 0:
        return scale * r, np.nan, np.nan, ERA_NO_VARIATION
    half = stats.t.ppf(0.5 + level / 2, n - 1) * np.sqrt(v)
    counts = bool((num >= 0).all())
    if counts and (num <= den).all() and 0 < r < 1:     # a share: logit scale
        centre, h = np.log(r / (1 - r)), half / (r * (1 - r))
        low, high = (1 / (1 + np.exp(-(centre + s * h))) for s in (-1, 1))
    elif counts and r > 0:                               # a rate of counts: log scale
        low, high = r * np.exp(-half / r), r * np.exp(half / r)
    else:
        low, high = r - half, r + half
    return scale * r, scale * float(low), scale * float(high), ""


def difference_intervals(num, den, in_b, level: float = 0.95) -> dict:
    """The interval arithmetic of :func:`era_difference`, vectorized: for each row of
    ``in_b`` (rows × units, True for era B's units) with ``num``/``den`` (one row of
    units, or one per row), arrays ``value_a``, ``value_b``, ``estimate``, ``low``,
    ``high``, ``ratio``, ``ratio_low``, ``ratio_high`` (unscaled; NaN bounds below
    :data:`MIN_ARTICLES` units an era or without variation)."""
    num, den, in_b = np.asarray(num, float), np.asarray(den, float), np.atleast_2d(in_b)
    r_a, v_a, n_a = _group_stats(num, den, ~in_b)
    r_b, v_b, n_b = _group_stats(num, den, in_b)
    ok = (np.minimum(n_a, n_b) >= MIN_ARTICLES) & (v_a + v_b > 0)
    low, high = _welch(r_b - r_a, v_a, v_b, n_a, n_b, level)
    with np.errstate(divide="ignore", invalid="ignore"):
        fits = ok & (r_a > 0) & (r_b > 0) & (num >= 0).all(axis=-1)
        lo, hi = _welch(np.log(r_b / r_a), v_a / r_a ** 2, v_b / r_b ** 2, n_a, n_b, level)
        nan = np.full(len(r_a), np.nan)
        return {"value_a": r_a, "value_b": r_b, "estimate": r_b - r_a,
                "low": np.where(ok, low, nan), "high": np.where(ok, high, nan),
                "ratio": np.where(fits, r_b / r_a, nan), "ratio_low": np.where(fits, np.exp(lo), nan),
                "ratio_high": np.where(fits, np.exp(hi), nan), "variance": v_a + v_b}


def _moments(num, den, in_b):
    # Per split and era: n, Σnum, Σden, Σnum², Σnum·den, Σden² (one matrix product).
    x = np.stack([np.ones_like(num), num, den, num * num, num * den, den * den], axis=1)
    m_b = in_b.astype(float) @ x
    return np.stack([x.sum(0) - m_b, m_b], axis=1)      # splits × (era A, era B) × 6


def _studentized(num, den, in_b):
    # The difference over its linearization (sandwich) standard error: any consistent
    # standard error makes the permutation test robust to unequal spreads, and this one
    # needs sums only, so thousands of splits of thousands of articles stay fast.
    m = _moments(num, den, in_b)
    n, s_num, s_den, s_nn, s_nd, s_dd = (m[:, :, k] for k in range(6))
    with np.errstate(divide="ignore", invalid="ignore"):
        r = s_num / s_den
        var = n / (n - 1) * np.maximum(s_nn - 2 * r * s_nd + r * r * s_dd, 0.0) / s_den ** 2
        d, se = r[:, 1] - r[:, 0], np.sqrt(var.sum(1))
        return np.where(se > 0, d / se, np.where(d == 0, 0.0, np.sign(d) * np.inf))


def _raw(num, den, in_b):
    m = _moments(num, den, in_b)
    with np.errstate(divide="ignore", invalid="ignore"):
        r = m[:, :, 1] / m[:, :, 2]
    return r[:, 1] - r[:, 0]


def _splits(n_a: int, n: int, rng: np.random.Generator, n_permutations: int):
    # Yields boolean blocks (splits × units), True for era B; the observed split first.
    observed = np.zeros((1, n), bool)
    observed[0, n_a:] = True
    yield observed
    if comb(n, n_a) <= EXACT_SPLITS:
        from itertools import combinations
        block = []
        for a_units in combinations(range(n), n_a):
            row = np.ones(n, bool)
            row[list(a_units)] = False
            block.append(row)
            if len(block) == 2000:
                yield np.array(block)
                block = []
        if block:
            yield np.array(block)
        return
    for start in range(0, n_permutations, 1000):
        size = min(1000, n_permutations - start)
        yield rng.permuted(np.tile(observed[0], (size, 1)), axis=1)


def permutation_p(num, den, n_a: int, rng: np.random.Generator,
                  n_permutations: int = DEFAULT_PERMUTATIONS) -> tuple[float, float]:
    """``(p_value, p_min)`` of the two-sided permutation test of the ratio-of-sums
    difference between units ``[:n_a]`` (era A) and ``[n_a:]`` (era B). Studentized when
    both eras have :data:`MIN_ARTICLES` units or more, the raw difference otherwise."""
    num, den = np.asarray(num, float), np.asarray(den, float)
    n = len(num)
    stat = _studentized if min(n_a, n - n_a) >= MIN_ARTICLES else _raw
    exact = comb(n, n_a) <= EXACT_SPLITS
    blocks = _splits(n_a, n, rng, n_permutations)
    observed = abs(float(stat(num, den, next(blocks))[0]))
    tol = 1e-9 * max(observed, 1.0)
    hits = total = 0
    for block in blocks:
        values = np.abs(stat(num, den, block))
        hits += int(np.sum(values >= observed - tol))
        total += len(values)
    floor = (2 if 2 * n_a == n else 1) / comb(n, n_a)
    if exact:
        return hits / total, floor
    return (hits + 1) / (total + 1), max(floor, 1 / (total + 1))


def _welch(d, v_a, v_b, n_a, n_b, level: float):
    # Hsu's conservative degrees of freedom, min(n_a, n_b) − 1: Satterthwaite's let a
    # null with unequal spreads be rejected 7–8 % of the time at 5–10 articles an era.
    df = np.minimum(n_a, n_b) - 1
    with np.errstate(divide="ignore", invalid="ignore"):
        half = stats.t.ppf(0.5 + level / 2, df) * np.sqrt(v_a + v_b)
    return d - half, d + half


def _t_p(d, variance, n_a, n_b) -> float:
    # Two-sided p of d / √variance against t with Hsu's df.
    if not variance > 0 or min(n_a, n_b) < MIN_ARTICLES:
        return np.nan
    return float(2 * stats.t.sf(abs(d) / np.sqrt(variance), min(n_a, n_b) - 1))


def _units(num, den, clusters):
    num, den = np.asarray(num, float), np.asarray(den, float)
    if len(num) != len(den):
        raise ValueError(f"numerators ({len(num)}) and denominators ({len(den)}) differ in length")
    known = ~(np.isnan(num) | np.isnan(den))    # an article without a value says nothing
    num, den = num[known], den[known]
    if clusters is not None:
        frame = pd.DataFrame({"c": np.asarray(clusters)[known], "num": num, "den": den})
        summed = frame.groupby("c", sort=False)[["num", "den"]].sum()
        num, den = summed["num"].to_numpy(float), summed["den"].to_numpy(float)
    return num[den != 0], den[den != 0]


def era_difference(num_a, den_a, num_b, den_b, *, scale: float = 1.0, level: float = 0.95,
                   seed: int = 0, measure: str = "", clusters_a=None, clusters_b=None,
                   n_permutations: int = DEFAULT_PERMUTATIONS) -> dict:
    """Era B's rate minus era A's, from per-article numerators and denominators (a rate
    is ``scale * Σ num / Σ den``). Returns a dict with the keys of
    :data:`DIFFERENCE_COLUMNS` except ``measure``/``era_a``/``era_b``: ``estimate``
    (b − a), ``low``/``high`` (jackknife–Welch interval), ``ratio`` with its interval,
    ``p_value``, ``p_min``, ``n_a``, ``n_b``, ``method``, ``note``. ``seed`` and
    ``measure`` seed the random permutations (:func:`measure_rng`); ``clusters_a``/
    ``clusters_b`` label near-duplicate articles to be counted as one unit."""
    if not 0 < level < 1:
        raise ValueError(f"level must be between 0 and 1, got {level}")
    (na_, da_), (nb_, db_) = _units(num_a, den_a, clusters_a), _units(num_b, den_b, clusters_b)
    n_a, n_b = len(na_), len(nb_)
    num, den = np.r_[na_, nb_], np.r_[da_, db_]
    in_b = np.r_[np.zeros(n_a, bool), np.ones(n_b, bool)]
    units = "clusters of near-duplicate articles" if clusters_a is not None else "articles"
    res = {k: float(v[0]) for k, v in difference_intervals(num, den, in_b, level).items()}
    out = {"n_a": n_a, "n_b": n_b, **{k: scale * res[k] for k in ("value_a", "value_b", "estimate",
                                                                   "low", "high")},
           **{k: res[k] for k in ("ratio", "ratio_low", "ratio_high")},
           "p_value": np.nan, "p_permutation": np.nan, "p_t": np.nan, "p_min": np.nan, "level": level,
           "note": "", "method": f"jackknife–Welch interval (Hsu df); permutation test over {units}"}
    if n_a == 0 or n_b == 0:
        out["note"] = "no articles in an era: nothing to compare"
        return out
    out["p_permutation"], out["p_min"] = permutation_p(num, den, n_a, measure_rng(seed, measure),
                                                        n_permutations)
    out["p_t"] = _t_p(res["estimate"], res["variance"], n_a, n_b)
    out["p_value"] = float(np.nanmax([out["p_permutation"], out["p_t"]]))
    if min(n_a, n_b) < MIN_ARTICLES:
        out["note"] = TOO_FEW
    elif res["variance"] == 0:
        out["note"] = NO_VARIATION
    return out


def share_difference(count_a, total_a, count_b, total_b, **kwargs) -> dict:
    """Era B's share minus era A's: per-article counts in a category over per-article
    totals (Σ count / Σ total, as a proportion 0–1); :func:`era_difference`'s result."""
    return era_difference(count_a, total_a, count_b, total_b, **kwargs)


def mean_difference(values_a, values_b, **kwargs) -> dict:
    """Era B's per-article mean minus era A's (NaN values left out);
    :func:`era_difference`'s result with one article as the denominator."""
    a, b = np.asarray(values_a, float), np.asarray(values_b, float)
    return era_difference(a, np.ones_like(a), b, np.ones_like(b), **kwargs)


def _row(measure: str, era_a: str, era_b: str, result: dict) -> dict:
    return {"measure": measure, "era_a": era_a, "era_b": era_b, **result}


def _table(rows: list[dict]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=list(DIFFERENCE_COLUMNS))


def _with_clusters(table: pd.DataFrame, clusters: pd.DataFrame | None, unit: str) -> pd.DataFrame:
    # ``table`` plus a ``_cluster`` column (each article its own cluster without ``clusters``).
    if clusters is None:
        return table.assign(_cluster=table[unit].to_numpy())
    mapped = table[unit].map(clusters.set_index("doc_id")["cluster"])
    return table.assign(_cluster=mapped.fillna(table[unit]).to_numpy())


def _cluster_kwargs(part_a: pd.DataFrame, part_b: pd.DataFrame, clusters) -> dict:
    if clusters is None:
        return {}
    return {"clusters_a": part_a["_cluster"].to_numpy(), "clusters_b": part_b["_cluster"].to_numpy()}


def rate_differences(table: pd.DataFrame, measures: dict, era_a: str, era_b: str, era: str = "era",
                     clusters: pd.DataFrame | None = None, unit: str = "doc_id", seed: int = 0,
                     **kwargs) -> pd.DataFrame:
    """One :data:`DIFFERENCE_COLUMNS` row per measure from a per-article ``table``.
    ``measures`` maps a name to ``(numerator, denominator, scale)`` columns, or to one
    column name for a per-article mean. ``clusters``: near-duplicates (``doc_id``,
    ``cluster``, :func:`borderlines.confounds.near_duplicates`), each cluster one unit.
    ``kwargs`` go to :func:`era_difference`."""
    table = _with_clusters(table, clusters, unit) if clusters is not None else table
    part_a, part_b = table[table[era] == era_a], table[table[era] == era_b]
    by_cluster = _cluster_kwargs(part_a, part_b, clusters)
    rows = []
    for name, spec in measures.items():
        if isinstance(spec, str):
            a, b = part_a[spec].to_numpy(float), part_b[spec].to_numpy(float)
            result = era_difference(a, np.ones_like(a), b, np.ones_like(b), seed=seed, measure=name,
                                    **by_cluster, **kwargs)
        else:
            num, den, scale = spec
            result = era_difference(part_a[num], part_a[den], part_b[num], part_b[den], scale=scale,
                                    seed=seed, measure=name, **by_cluster, **kwargs)
        rows.append(_row(name, era_a, era_b, result))
    return _table(rows)


def mean_differences(table: pd.DataFrame, values, era_a: str, era_b: str, **kwargs) -> pd.DataFrame:
    """:func:`rate_differences` of per-article means of the columns ``values``."""
    return rate_differences(table, {v: v for v in values}, era_a, era_b, **kwargs)


def _share_wide(counts: pd.DataFrame, category: str, count: str, unit: str, era: str):
    # (one row per article with a column per category and ``_total``, the categories in order)
    categories = list(dict.fromkeys(counts[category]))
    wide = counts.pivot_table(index=[unit, era], columns=category, values=count, aggfunc="sum",
                              fill_value=0).reset_index().rename_axis(columns=None)
    return wide.assign(_total=wide[categories].sum(axis=1)), categories


def _ad_hoc(measures: dict) -> list:
    # ``{name: column | (numerator, denominator, scale)}`` as Measures without a definition.
    from ..measures import Measure
    return [Measure(name, name, "", spec, kind="mean") if isinstance(spec, str)
            else Measure(name, name, "", spec[0], spec[1], spec[2]) for name, spec in measures.items()]


def _share_measure(category: str, count: str):
    from ..measures import Measure
    return Measure(category, "{category}", "", count, None, kind="share", category=category)


def share_differences(counts: pd.DataFrame, category: str, era_a: str, era_b: str, count: str = "n",
                      unit: str = "doc_id", era: str = "era", clusters: pd.DataFrame | None = None,
                      seed: int = 0, **kwargs) -> pd.DataFrame:
    """Per ``category``, era B's share of its total minus era A's, from per-article
    counts (one row per article and category, as for
    :func:`borderlines.uncertainty.era_shares`); one :data:`DIFFERENCE_COLUMNS` row per
    category, ``measure`` holding the category (:func:`compare_measures` of a share
    family). ``clusters`` as in :func:`rate_differences`."""
    out = compare_measures(counts, [_share_measure(category, count)], era_a, era_b, era=era, clusters=clusters,
                           unit=unit, seed=seed, **kwargs)
    return out[list(DIFFERENCE_COLUMNS)]


def format_difference(row, digits: int = 1, percent: bool = False) -> str:
    """Human text for one difference: ``"+2.1 (95% CI −0.4 to 4.6; permutation p = 0.31,
    smallest possible 0.008)"``, or the note when there is no interval. ``percent``
    shows proportions as percentage points."""
    unit = " pp" if percent else ""
    k = 100 if percent else 1

    def f(v, sign=False):
        return f"{k * v:{'+' if sign else ''},.{digits}f}".replace("-", "−")

    if pd.isna(row["estimate"]):
        return f"n/a ({row['note']})" if row["note"] else "n/a"
    p = _p_text(row)
    if row["note"]:
        return f"{f(row['estimate'], True)}{unit} ({row['note']}{'; ' + p if p else ''})"
    level = f"{100 * row['level']:.0f}%"
    return f"{f(row['estimate'], True)}{unit} ({level} CI {f(row['low'])} to {f(row['high'])}{unit}; {p})"


def _p_text(row) -> str:
    if pd.isna(row["p_value"]):
        return ""
    return f"permutation p = {row['p_value']:.2g}, smallest possible {row['p_min']:.2g}"


def eras_with_articles(era_keys, eras) -> list[str]:
    """The keys of ``eras`` (the eras table, or a list of keys in order) that occur in
    ``era_keys`` (an article table's ``era`` column), in era order."""
    order = list(eras["era"]) if isinstance(eras, pd.DataFrame) else list(eras)
    present = set(pd.Series(era_keys).dropna())
    return [k for k in dict.fromkeys(order) if k in present]


def pairwise_differences(table: pd.DataFrame, measures: dict, eras, era: str = "era",
                         clusters: pd.DataFrame | None = None, unit: str = "doc_id", seed: int = 0,
                         **kwargs) -> pd.DataFrame:
    """Every pair of the ``eras`` that have articles in ``table``, each measure compared:
    :func:`rate_differences` for each pair (era A the earlier in ``eras``' order, era B
    the later), one :data:`DIFFERENCE_COLUMNS` row per pair and measure, measures in
    the order given. ``eras``: the eras table or a list of keys; ``measures``,
    ``clusters`` and ``kwargs`` as in :func:`rate_differences`. The p-values are per
    pair, not adjusted for the number of pairs (k eras make k(k − 1)/2)."""
    out = compare_measures(table, _ad_hoc(measures), eras=eras, era=era, clusters=clusters, unit=unit,
                           seed=seed, **kwargs)
    return out[list(DIFFERENCE_COLUMNS)]


def pairwise_share_differences(counts: pd.DataFrame, category: str, eras, count: str = "n",
                               unit: str = "doc_id", era: str = "era", **kwargs) -> pd.DataFrame:
    """:func:`share_differences` for every pair of the ``eras`` with articles in
    ``counts`` (as :func:`pairwise_differences`); ``measure`` holds the category."""
    out = compare_measures(counts, [_share_measure(category, count)], eras=eras, era=era, unit=unit, **kwargs)
    return out[list(DIFFERENCE_COLUMNS)]


# --------------------------------------------------------------------------- measures

#: Columns of :func:`compare_measures`: what is compared and how it is defined, then
#: :data:`DIFFERENCE_COLUMNS` (``measure`` the measure's name, or a family's category).
MEASURE_DIFFERENCE_COLUMNS = {
    **RESULT_ID_COLUMNS,
    **{k: v for k, v in DIFFERENCE_COLUMNS.items() if k != "measure"},
}


def _spec(measure):
    # A borderlines.measures.Measure as a rate_differences spec.
    return measure.numerator if measure.denominator is None else (measure.numerator, measure.denominator,
                                                                    measure.scale)


def _pairs(table: pd.DataFrame, era: str, era_a, era_b, eras) -> list[tuple[str, str]]:
    from itertools import combinations
    if eras is not None:
        return list(combinations(eras_with_articles(table[era], eras), 2))
    if era_a is None or era_b is None:
        raise ValueError("compare_measures needs era_a and era_b, or eras (to compare every pair)")
    return [(era_a, era_b)]


def compare_measures(table: pd.DataFrame, measures, era_a: str | None = None, era_b: str | None = None, *,
                     eras=None, era: str = "era", clusters: pd.DataFrame | None = None, unit: str = "doc_id",
                     seed: int = 0, **kwargs) -> pd.DataFrame:
    """Era B minus era A for each of ``measures`` (:class:`borderlines.measures.Measure`,
    or their names, or a :func:`rate_differences` dict) over the per-article ``table`` that holds their columns: one
    :data:`MEASURE_DIFFERENCE_COLUMNS` row per measure (per category for a family, in
    the order of first appearance in ``table``), each with its label and definition.
    ``eras`` (the eras table or a list of keys) instead of ``era_a``/``era_b`` compares
    every pair of eras with articles (era A the earlier); rows then go measure by
    measure, pair by pair. A family whose ``denominator`` is ``None`` compares each
    category's share of the article's total over categories. ``clusters`` counts
    near-duplicate articles once (:func:`rate_differences`); ``kwargs`` go to
    :func:`era_difference`. Seeds are keyed by measure name (and ``category/value`` in a
    family), so adding a measure changes no other's p."""
    from ..measures import MEASURES
    measures = _ad_hoc(measures) if isinstance(measures, dict) else measures
    measures = [MEASURES[m] if isinstance(m, str) else m for m in measures]
    pairs = _pairs(table, era, era_a, era_b, eras)
    options = dict(era=era, clusters=clusters, unit=unit, seed=seed, **kwargs)
    parts = []
    for m in measures:
        if m.category is None:
            for a, b in pairs:
                parts.append(rate_differences(table, {m.name: _spec(m)}, a, b, **options).assign(**m.ids()))
            continue
        if m.denominator is None:   # each category's share of the article's total
            wide, categories = _share_wide(table, m.category, m.numerator, unit, era)
        else:
            categories = list(dict.fromkeys(table[m.category]))
        for c in categories:
            key = f"{m.category}/{c}"
            for a, b in pairs:
                if m.denominator is None:
                    part = rate_differences(wide, {key: (c, "_total", 1.0)}, a, b, **options)
                else:
                    part = rate_differences(table[table[m.category] == c], {key: _spec(m)}, a, b, **options)
                parts.append(part.assign(**m.ids(c)))
    if not parts:
        return pd.DataFrame(columns=list(MEASURE_DIFFERENCE_COLUMNS))
    return pd.concat(parts, ignore_index=True)[list(MEASURE_DIFFERENCE_COLUMNS)]
