"""Charts about cited figures: when the figures are about, what they count per era."""

from __future__ import annotations

import altair as alt
import pandas as pd

from ..eras import era_labels
from . import definition_tooltip, era_scale, era_shape

#: Above this many dated figures the timeline plots counts per period × measure × era.
MAX_TIMELINE_POINTS = 2000
#: Longest source sentence kept in a tooltip (characters); the tables hold the full text.
TOOLTIP_SENTENCE_CHARS = 240


def measure_label(measure: str) -> str:
    """Readable name of a measure key (``'asylum_seekers'`` -> ``'asylum seekers'``)."""
    return measure.replace("_", " ") if measure else "(not said)"


def _shorten(text: str, limit: int = TOOLTIP_SENTENCE_CHARS) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def _midpoint(start: pd.Series, end: pd.Series) -> pd.Series:
    return start + (end + pd.Timedelta(days=1) - start) / 2


def timeline_data(placed: pd.DataFrame, max_points: int = MAX_TIMELINE_POINTS) -> tuple[pd.DataFrame, bool]:
    """``(data, aggregated)`` for :func:`figure_timeline` from the dated figures of
    ``placed`` (:func:`borderlines.compare.figures.figures_with_articles`).

    With at most ``max_points`` dated figures, one row per figure (period start, end and
    midpoint, measure, era, and tooltip text: surface, value, qualifier, attribution,
    outlet, article date, source sentence shortened to
    :data:`TOOLTIP_SENTENCE_CHARS`). Above it, one row per period × measure × era with
    ``n_figures``, ``n_articles`` and ``n_outlets``, keeping the ``max_points`` groups
    with most figures so the chart data stay bounded."""
    dated = placed[placed["period"] != ""]
    if len(dated) > max_points:
        grouped = dated.groupby(["period", "measure", "era", "era_label"], as_index=False).agg(
            period_start=("period_start", "first"), period_end=("period_end", "first"),
            n_figures=("surface", "size"), n_articles=("doc_id", "nunique"), n_outlets=("outlet", "nunique"))
        data = grouped.sort_values(["n_figures", "period", "measure", "era_label"],
                                   ascending=[False, True, True, True], kind="stable").head(max_points)
        aggregated = True
    else:
        data = dated[["period", "measure", "era", "era_label", "period_start", "period_end", "surface", "value",
                      "qualifier", "unit", "kind", "attributed_to", "outlet", "article_date", "sentence"]].copy()
        data["value"] = data["value"].map(lambda v: f"{v:,.10g}")
        data["attributed_to"] = data["attributed_to"].replace("", "(no source given)")
        data["article_date"] = data["article_date"].dt.strftime("%Y-%m-%d")
        data["sentence"] = data["sentence"].map(_shorten)
        aggregated = False
    data = data.reset_index(drop=True)
    data["measure"] = data["measure"].map(measure_label)
    data["is_range"] = data["period"].str.contains("..", regex=False)
    data["period_mid"] = _midpoint(data["period_start"], data["period_end"])
    data["period_end_excl"] = data["period_end"] + pd.Timedelta(days=1)
    return data, aggregated


def _datetime(when: pd.Timestamp) -> alt.DateTime:
    return alt.DateTime(year=when.year, month=when.month, date=when.day)


def _era_bands(eras: pd.DataFrame, lo: pd.Timestamp, hi: pd.Timestamp) -> pd.DataFrame:
    """Era spans clipped to ``[lo, hi]`` (eras outside it dropped)."""
    spans = eras.assign(end=eras["end"].fillna(hi))
    spans = spans[(spans["end"] >= lo) & (spans["start"] <= hi)].copy()
    spans["start"] = spans["start"].clip(lower=lo)
    spans["end"] = spans["end"].clip(upper=hi)
    return spans[["era", "label", "start", "end"]]


def _message(text: str, title: str) -> alt.Chart:
    """A chart that only says ``text`` (for an empty input), so the page still shows why."""
    return alt.Chart(pd.DataFrame({"message": [text]})).mark_text(
        align="left", fontStyle="italic", color="#666", fontSize=13).encode(
        text="message:N", x=alt.value(0), y=alt.value(20)).properties(title=title, width=520, height=40)


def figure_timeline(placed: pd.DataFrame, eras: pd.DataFrame,
                    max_points: int = MAX_TIMELINE_POINTS) -> alt.LayerChart | alt.Chart:
    """Each dated figure at the period it describes (not the article's date): a point at
    the middle of the period, and a bar across it for a multi-month period; one row per
    measure, coloured and shaped by the citing article's era (with eras as shaded
    spans), the kind of figure and its source sentence in the tooltip. Above ``max_points`` dated figures it
    plots, per period × measure × era, one mark sized by the number of figures
    (:func:`timeline_data`). ``placed`` from :func:`borderlines.compare.figures.figures_with_articles`."""
    title = "When the cited figures are about"
    data, aggregated = timeline_data(placed, max_points)
    if data.empty:
        return _message("No figure names a period it describes.", title)
    pad = pd.Timedelta(days=45)
    lo, hi = data["period_start"].min() - pad, data["period_end_excl"].max() + pad
    bands = _era_bands(eras, lo, hi)
    scale = era_scale(eras, present=[*data["era"], *bands["era"]])
    x_scale = alt.Scale(domain=[_datetime(lo), _datetime(hi)])
    measures = sorted(data["measure"].unique())
    y = alt.Y("measure:N", title=None, sort=measures, axis=alt.Axis(labelLimit=200))
    y_offset = alt.YOffset("era_label:N", sort=list(era_labels(eras).values()))
    era_title = "Citing article's era"
    color = alt.Color("era_label:N", scale=scale, title=era_title)
    # the era by shape as well as colour (one legend); the kind of figure is in the tooltip
    shape = era_shape(eras, present=[*data["era"], *bands["era"]], title=era_title)
    if aggregated:
        tooltip = [alt.Tooltip("period:N", title="Period"), alt.Tooltip("measure:N", title="Measure"),
                   alt.Tooltip("era_label:N", title="Era of the citing articles"),
                   alt.Tooltip("n_figures:Q", title="Figures", format=","),
                   alt.Tooltip("n_articles:Q", title="Articles", format=","),
                   alt.Tooltip("n_outlets:Q", title="Outlets", format=",")]
        size = alt.Size("n_figures:Q", title="Figures", scale=alt.Scale(range=[30, 400]))
        subtitle = (f"Too many figures to show one by one: each mark is a period × measure × era, "
                    f"sized by the figures citing it ({len(data):,} groups shown); bars span multi-month periods")
    else:
        tooltip = [alt.Tooltip("surface:N", title="Figure as written"), alt.Tooltip("value:N", title="Value"),
                   alt.Tooltip("unit:N", title="Unit"), alt.Tooltip("qualifier:N", title="Qualifier"),
                   alt.Tooltip("measure:N", title="Measure"), alt.Tooltip("period:N", title="Period described"),
                   alt.Tooltip("attributed_to:N", title="Attributed to"), alt.Tooltip("outlet:N", title="Outlet"),
                   alt.Tooltip("article_date:N", title="Article date"),
                   alt.Tooltip("era_label:N", title="Era of the article"), alt.Tooltip("kind:N", title="Kind"),
                   alt.Tooltip("sentence:N", title="Source sentence")]
        size = alt.value(70)
        subtitle = ("Each point is a figure, at the middle of the period it describes; bars span "
                    "multi-month periods; shaded spans are eras")
    base = alt.Chart(data).encode(y=y, yOffset=y_offset, color=color, tooltip=tooltip)
    bars = base.transform_filter("datum.is_range").mark_rule(strokeWidth=3, opacity=0.55).encode(
        x=alt.X("period_start:T", scale=x_scale), x2="period_end_excl:T")
    points = base.mark_point(filled=True, opacity=0.85).encode(
        x=alt.X("period_mid:T", title="Period the figure describes", scale=x_scale,
                axis=alt.Axis(format="%b %Y", labelOverlap=True)),
        shape=shape, size=size)
    layers = [bars, points]
    if not bands.empty:
        palette = dict(zip(scale.domain, scale.range))
        bands = bands.assign(fill=bands["label"].map(palette))
        band = alt.Chart(bands).mark_rect(opacity=0.07).encode(
            x=alt.X("start:T", scale=x_scale), x2="end:T",
            # colours looked up, not scaled: a second era scale would hide the points' legend
            fill=alt.Fill("fill:N", scale=None))
        band_text = alt.Chart(bands).mark_text(align="left", dx=4, dy=-4, baseline="bottom", color="#555").encode(
            x=alt.X("start:T", scale=x_scale), text="label:N", y=alt.value(0))
        layers = [band, band_text, *layers]
    counts = data.groupby("measure").size() if not aggregated else data.groupby("measure")["n_figures"].sum()
    return alt.layer(*layers).properties(
        title=alt.Title(title, subtitle=subtitle), width=620,
        height=max(120, 34 * len(measures)),
        description=(f"{title}: each cited figure placed at the period it describes, one row per measure, "
                     f"coloured and shaped by the citing article's era; from {data['period_start'].min():%B %Y} "
                     f"to {data['period_end'].max():%B %Y}. Figures per measure: "
                     + ", ".join(f"{m} {int(n):,}" for m, n in counts.items()) + "."))


def measure_shares(shares: pd.DataFrame, eras: pd.DataFrame) -> alt.LayerChart | alt.Chart:
    """What each era's migration statistics count: per measure, its share of the era's
    statistics (percent) with the jackknife t interval, one row per measure and a mark per
    era; the note ("one article: no interval") is in the tooltip. ``shares`` from
    :func:`borderlines.uncertainty.era_shares` over
    :func:`borderlines.compare.figures.measure_counts` (columns ``era``, ``measure``, ``count`` and
    the estimate columns)."""
    title = "What the migration statistics count, per era"
    labels = era_labels(eras)
    data = shares.dropna(subset=["estimate"]).copy()
    if data.empty:
        return _message("No era has migration statistics to compare.", title)
    data["era_label"] = data["era"].map(labels).fillna(data["era"])
    data["measure"] = data["measure"].map(measure_label)
    for col in ("estimate", "ci_low", "ci_high"):
        data[col] = 100 * data[col]
    data["interval"] = data.apply(
        lambda r: r["note"] if r["note"] else f"{r['ci_low']:.1f} – {r['ci_high']:.1f}", axis=1)
    order = (data.groupby("measure")["estimate"].max().sort_values(ascending=False).index.tolist())
    tooltip = [alt.Tooltip("measure:N", title="Measure"), alt.Tooltip("era_label:N", title="Era"),
               alt.Tooltip("estimate:Q", title="Share of the era's statistics (%)", format=".1f"),
               alt.Tooltip("interval:N", title="95% interval (%)"),
               alt.Tooltip("count:Q", title="Statistics", format=","),
               alt.Tooltip("n_articles:Q", title="Articles", format=","), *definition_tooltip(data)]
    base = alt.Chart(data).encode(
        y=alt.Y("measure:N", sort=order, title=None, axis=alt.Axis(labelLimit=200)),
        yOffset=alt.YOffset("era_label:N", sort=[labels.get(k, k) for k in eras["era"]]),
        color=alt.Color("era_label:N", scale=era_scale(eras, present=data["era"]), title="Era"),
        tooltip=tooltip)
    rule = base.mark_rule(strokeWidth=3, opacity=0.5).encode(x="ci_low:Q", x2="ci_high:Q")
    point = base.mark_point(filled=True, size=70).encode(
        shape=era_shape(eras, present=data["era"]),
        x=alt.X("estimate:Q", title="Share of the era's migration statistics (%)",
                scale=alt.Scale(domain=[0, 100], nice=False, padding=10)))  # a mark at 100 % stays clear of the legend
    return alt.layer(rule, point).properties(
        title=alt.Title(title, subtitle="Point: share of the era's statistics; bar: 95% jackknife t interval "
                                         "over articles (none for an era with fewer than three articles)"),
        description=f"{title}: for each measure, each era's share of its migration statistics (point, shaped "
                    "and coloured by era) with its 95% interval; " + "; ".join(
                        f"{era}: " + ", ".join(f"{m} {v:.0f}%" for m, v in zip(rows["measure"], rows["estimate"]))
                        for era, rows in data.groupby("era_label", sort=False)) + ".",
        width=480, height=max(80, 30 * len(order)))
