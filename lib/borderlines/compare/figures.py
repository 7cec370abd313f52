"""Tables built from :func:`~borderlines.cited_figures.extract.extract_figures`: migration statistics,
per-article counts, measures recurring across outlets, figures placed in time, per-era rates."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..nlp import sentence_table
from ..cited_figures.extract import FIGURE_COLUMNS, STATUSES
from ..cited_figures.periods import _parse_span


#: Columns of :func:`migration_stats`.
MIGRATION_STAT_COLUMNS = {c: FIGURE_COLUMNS[c] for c in (
    "doc_id", "surface", "value", "range_high", "qualifier", "unit", "rate_per", "measure",
    "kind", "direction", "period", "baseline", "status", "attributed_to", "start", "end")}

#: Columns of :func:`figures_per_article` (one row per article).
ARTICLE_FIGURE_COLUMNS = {
    "doc_id": "article id",
    "era": "era key",
    "outlet": "publication",
    "n_figures": "quantities cited",
    "n_migration_stats": "of which statistics about migration or enforcement",
    "n_attributed": "quantities with a source (attributed_to not empty)",
    "n_attributed_stats": "migration statistics with a source",
    "n_words": "words in the clean text (borderlines.nlp.is_word)",
    "n_projections": "quantities that are projections (status 'projection')",
    "n_estimates": "quantities that are estimates (status 'estimate')",
}

#: Columns of :func:`recurring_measures` (one row per measure and period).
RECURRING_COLUMNS = {
    "measure": "what is counted",
    "unit": "unit of the values",
    "kind": "count, change, rate, ...",
    "direction": "up | down | '' (changes)",
    "period": "period the figures refer to",
    "status": "reported | projection | estimate: figures are compared only with figures of the same status",
    "n_outlets": "distinct outlets citing it (always > 1)",
    "n_figures": "figures citing it",
    "outlets": "the outlets, '; '-separated",
    "doc_ids": "the articles, '; '-separated",
    "values": "each figure as 'surface (outlet)', '; '-separated",
    "value_min": "smallest value cited",
    "value_max": "largest value cited",
    "agree": "True when the figures' value intervals overlap (see figure_interval)",
}


def migration_stats(figures: pd.DataFrame) -> pd.DataFrame:
    """The statistics about migration or enforcement among ``figures`` (from
    :func:`extract_figures`), columns :data:`MIGRATION_STAT_COLUMNS`, in text order."""
    stats = figures[figures["is_migration_stat"]]
    return stats.sort_values(["doc_id", "start"], kind="stable")[list(MIGRATION_STAT_COLUMNS)].reset_index(drop=True)


def figures_per_article(figures: pd.DataFrame, corpus: pd.DataFrame,
                        sentences: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per article of ``corpus`` with its era, figure counts and word count,
    columns :data:`ARTICLE_FIGURE_COLUMNS` (the table of
    :data:`borderlines.measures.FIGURE_MEASURES`, e.g. figures per 1,000 words).
    Words: the ``n_words`` column of ``corpus`` when it has one (the study's
    ``articles`` table, :mod:`borderlines.study`), else counted from ``sentences`` (a
    :func:`~borderlines.nlp.sentence_table`, made when not given)."""
    if "n_words" in corpus.columns:
        words = corpus.set_index("doc_id")["n_words"]
    else:
        if sentences is None:
            sentences = sentence_table(corpus)
        words = sentences.groupby("doc_id")["n_words"].sum()
    f = figures.assign(attributed=figures["attributed_to"] != "")
    grouped = f.groupby("doc_id")
    counts = pd.DataFrame({
        "n_figures": grouped.size(),
        "n_migration_stats": grouped["is_migration_stat"].sum(),
        "n_attributed": grouped["attributed"].sum(),
        "n_attributed_stats": (f["attributed"] & f["is_migration_stat"]).groupby(f["doc_id"]).sum(),
        "n_projections": (f["status"] == "projection").groupby(f["doc_id"]).sum(),
        "n_estimates": (f["status"] == "estimate").groupby(f["doc_id"]).sum(),
    })
    out = corpus[["doc_id", "era"]].copy()
    out["outlet"] = corpus["outlet"] if "outlet" in corpus.columns else ""
    out = out.join(counts, on="doc_id")
    for col in ("n_figures", "n_migration_stats", "n_attributed", "n_attributed_stats", "n_projections",
                "n_estimates"):
        out[col] = out[col].fillna(0).astype("int64")
    out["n_words"] = out["doc_id"].map(words).fillna(0).astype("int64")
    return out[list(ARTICLE_FIGURE_COLUMNS)].reset_index(drop=True)


def figure_interval(value: float, qualifier: str, range_high: float = np.nan,
                    tolerance: float = 0.01) -> tuple[float, float]:
    """``(low, high)`` the words allow: exact ±``tolerance`` (rounding), about ±10 %,
    more than / vague from the value up, fewer than / up to from 0, ranges their ends."""
    if not pd.isna(range_high):
        return value, range_high
    if qualifier == "about":
        return value * 0.9, value * 1.1
    if qualifier in ("more than", "vague"):
        return value, np.inf
    if qualifier in ("fewer than", "up to"):
        return 0.0, value
    return value * (1 - tolerance), value * (1 + tolerance)


def recurring_measures(figures: pd.DataFrame, corpus: pd.DataFrame,
                       include_undated: bool = False) -> pd.DataFrame:
    """Migration statistics cited by more than one outlet for the same measure, unit,
    kind, direction, period and status (a projection is never compared with a reported
    figure), and whether their values agree (their
    :func:`figure_interval` overlap). One row per such measure and period, columns
    :data:`RECURRING_COLUMNS`. Figures without a period are left out unless
    ``include_undated`` (then all undated figures of a measure form one group)."""
    stats = figures[figures["is_migration_stat"] & (figures["measure"] != "")]
    if not include_undated:
        stats = stats[stats["period"] != ""]
    outlets = corpus.set_index("doc_id")["outlet"] if "outlet" in corpus.columns else pd.Series(dtype=object)
    stats = stats.assign(outlet=stats["doc_id"].map(outlets).fillna(stats["doc_id"]))
    rows = []
    keys = ["measure", "unit", "kind", "direction", "period", "status"]
    for key, g in stats.groupby(keys, sort=True):
        if g["outlet"].nunique() < 2:
            continue
        bounds = [figure_interval(v, q, h) for v, q, h in zip(g["value"], g["qualifier"], g["range_high"])]
        rows.append({
            **dict(zip(keys, key)),
            "n_outlets": int(g["outlet"].nunique()), "n_figures": len(g),
            "outlets": "; ".join(dict.fromkeys(g["outlet"])),
            "doc_ids": "; ".join(dict.fromkeys(g["doc_id"])),
            "values": "; ".join(f"{s} ({o})" for s, o in zip(g["surface"], g["outlet"])),
            "value_min": float(g["value"].min()), "value_max": float(g["value"].max()),
            "agree": bool(max(b[0] for b in bounds) <= min(b[1] for b in bounds)),
        })
    return pd.DataFrame(rows, columns=list(RECURRING_COLUMNS))


# ---------------------------------------------------------------------------------------
# Figures in context: batches with progress, article metadata, periods as dates, per era

#: Columns :func:`figures_with_articles` adds to :data:`FIGURE_COLUMNS`.
FIGURE_ARTICLE_COLUMNS = {
    "outlet": "publication of the citing article",
    "article_date": "publication date of the citing article",
    "era": "era key of the citing article",
    "era_label": "era label of the citing article",
    "period_start": "first day of the period the figure describes (NaT when undated)",
    "period_end": "last day of that period (NaT when undated)",
}

def period_bounds(period: str) -> tuple[pd.Timestamp, pd.Timestamp]:
    """``(first day, last day)`` of a period ``'YYYY-MM'`` or ``'YYYY-MM..YYYY-MM'``;
    ``(NaT, NaT)`` for ``''``."""
    span = _parse_span(period)
    if span is None:
        return pd.NaT, pd.NaT
    first = pd.Timestamp(year=span[0] // 12, month=span[0] % 12 + 1, day=1)
    after = pd.Timestamp(year=(span[1] + 1) // 12, month=(span[1] + 1) % 12 + 1, day=1)
    return first, after - pd.Timedelta(days=1)


def figures_with_articles(figures: pd.DataFrame, corpus: pd.DataFrame) -> pd.DataFrame:
    """``figures`` (from :func:`extract_figures`) with their article's outlet, date and
    era, and the first and last day of the period each describes: columns
    :data:`FIGURE_COLUMNS` then :data:`FIGURE_ARTICLE_COLUMNS`, rows in the same order."""
    articles = corpus.set_index("doc_id")
    out = figures.copy()
    for col, src in (("outlet", "outlet"), ("article_date", "date"), ("era", "era"), ("era_label", "era_label")):
        values = articles[src] if src in articles.columns else pd.Series("", index=articles.index)
        out[col] = out["doc_id"].map(values)
    out["article_date"] = pd.to_datetime(out["article_date"])
    bounds = {p: period_bounds(p) for p in out["period"].unique()}
    out["period_start"] = pd.to_datetime(out["period"].map(lambda p: bounds[p][0]))
    out["period_end"] = pd.to_datetime(out["period"].map(lambda p: bounds[p][1]))
    return out[list(FIGURE_COLUMNS) + list(FIGURE_ARTICLE_COLUMNS)]


def undated_figures(placed: pd.DataFrame) -> pd.DataFrame:
    """The figures of ``placed`` (from :func:`figures_with_articles`) that name no period,
    so cannot be placed on a timeline: article, outlet, era, the figure and its sentence."""
    cols = ["doc_id", "outlet", "era_label", "surface", "measure", "is_migration_stat", "attributed_to",
            "sentence"]
    return placed.loc[placed["period"] == "", cols].reset_index(drop=True)


def _era_order(placed: pd.DataFrame, eras: pd.DataFrame | None) -> pd.Series:
    order = {key: i for i, key in enumerate(eras["era"])} if eras is not None else {}
    return placed["era"].map(order).fillna(len(order))


def migration_stats_by_era(placed: pd.DataFrame, eras: pd.DataFrame | None = None) -> pd.DataFrame:
    """The migration statistics of ``placed`` (from :func:`figures_with_articles`) with
    the citing article's era, outlet and date first, ordered by era (as in ``eras``),
    article and position in the text."""
    stats = placed[placed["is_migration_stat"]].assign(_order=lambda d: _era_order(d, eras))
    stats = stats.sort_values(["_order", "doc_id", "start"], kind="stable")
    cols = ["era_label", "outlet", "article_date", "doc_id", "surface", "value", "range_high", "qualifier",
            "unit", "measure", "kind", "direction", "period", "baseline", "status", "attributed_to"]
    return stats[cols].reset_index(drop=True)


#: Columns of :func:`status_counts` (one row per era and status).
STATUS_COUNT_COLUMNS = {
    "era": "era key of the citing articles",
    "era_label": "era label",
    "status": "reported | projection | estimate (see STATUSES)",
    "n_figures": "figures of that status cited in the era's articles",
    "n_migration_stats": "of which statistics about migration or enforcement",
    "pct_of_figures": "n_figures as a percentage of all the era's figures (NaN when it has none)",
}


def status_counts(placed: pd.DataFrame, eras: pd.DataFrame | None = None) -> pd.DataFrame:
    """How many of each era's figures are reported, projections or estimates: one row
    per era present in ``placed`` (from :func:`figures_with_articles`, ordered as in
    ``eras``) and status of :data:`STATUSES` (zeros included), columns
    :data:`STATUS_COUNT_COLUMNS`."""
    order = _era_order(placed, eras)
    era_keys = list(dict.fromkeys(placed.assign(_o=order).sort_values("_o", kind="stable")["era"]))
    labels = dict(zip(placed["era"], placed["era_label"]))
    grid = pd.MultiIndex.from_product([era_keys, list(STATUSES)], names=["era", "status"])
    grouped = placed.groupby(["era", "status"])
    out = pd.DataFrame({"n_figures": grouped.size(), "n_migration_stats": grouped["is_migration_stat"].sum()})
    out = out.reindex(grid, fill_value=0).reset_index().astype({"n_figures": "int64", "n_migration_stats": "int64"})
    totals = out.groupby("era")["n_figures"].transform("sum")
    out["pct_of_figures"] = (100.0 * out["n_figures"] / totals.where(totals > 0)).astype(float)
    out["era_label"] = out["era"].map(labels)
    return out[list(STATUS_COUNT_COLUMNS)]


def measure_counts(placed: pd.DataFrame, corpus: pd.DataFrame) -> pd.DataFrame:
    """Migration statistics per article and measure, for
    :func:`borderlines.uncertainty.era_shares`: columns ``doc_id``, ``era``, ``measure``,
    ``n`` (statistics), one row for every article of ``corpus`` and every measure cited
    anywhere (zeros included, so each era's articles are all resampled)."""
    stats = placed[placed["is_migration_stat"]]
    measures = sorted(stats["measure"].unique())
    counts = stats.groupby(["doc_id", "measure"]).size()
    grid = pd.MultiIndex.from_product([corpus["doc_id"], measures], names=["doc_id", "measure"])
    out = counts.reindex(grid, fill_value=0).rename("n").reset_index()
    out["era"] = out["doc_id"].map(corpus.set_index("doc_id")["era"])
    return out[["doc_id", "era", "measure", "n"]].astype({"n": "int64"})


def _first_items(joined: str, max_items: int) -> str:
    items = joined.split("; ") if joined else []
    if len(items) <= max_items:
        return joined
    return "; ".join(items[:max_items]) + f"; … ({len(items) - max_items:,} more)"


def recurring_overview(recurring: pd.DataFrame, max_items: int = 4) -> pd.DataFrame:
    """:func:`recurring_measures` output for display: ``outlets``, ``doc_ids`` and
    ``values`` cut to their first ``max_items`` entries and "… (N more)", so a measure
    cited by hundreds of articles stays one readable row. Other columns unchanged."""
    out = recurring.copy()
    for col in ("outlets", "doc_ids", "values"):
        out[col] = out[col].map(lambda s: _first_items(s, max_items))
    return out
