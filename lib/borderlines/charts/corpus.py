"""Charts about the corpus: articles over time, length, cleaning, per-era estimates."""

from __future__ import annotations

import altair as alt
import numpy as np
import pandas as pd

from . import definition_tooltip, era_scale, era_shape

#: Above this many articles, corpus charts show counts and distributions, not articles.
MAX_ARTICLES_PLOTTED = 300


def article_timeline(corpus: pd.DataFrame, eras: pd.DataFrame, n_words: pd.Series | None = None,
                     max_points: int = MAX_ARTICLES_PLOTTED) -> alt.LayerChart:
    """Each article as a point at its publication date (one row per outlet), coloured
    by era, over shaded era spans; with more than ``max_points`` articles, one point per
    outlet, month and era sized by its number of articles. ``corpus`` from
    ``load_corpus``; ``n_words`` an optional per-article word count on ``doc_id``."""
    data = corpus[["doc_id", "date", "era_label", "outlet", "title"]].copy()
    data["outlet"] = data["outlet"].replace("", "(unknown outlet)")
    if n_words is not None:
        data["words"] = data["doc_id"].map(n_words).fillna(0).astype(int)
    if len(data) > max_points:
        return _monthly_timeline(data, eras)
    spans = _era_spans(data, eras)
    scale = era_scale(eras, present=data["era_label"])
    tooltip = ["doc_id:N", "title:N", "outlet:N", alt.Tooltip("date:T", format="%Y-%m-%d"), "era_label:N"]
    size = alt.value(120)
    if "words" in data:
        tooltip.append(alt.Tooltip("words:Q", format=","))
        size = alt.Size("words:Q", title="Words", scale=alt.Scale(range=[60, 400]))
    points = alt.Chart(data).mark_point(filled=True, opacity=0.85, stroke="white", strokeWidth=1).encode(
        x=alt.X("date:T", title="Publication date"),
        y=alt.Y("outlet:N", title=None),
        color=alt.Color("era_label:N", scale=scale, title="Era"),
        shape=era_shape(eras, present=data["era_label"]), size=size, tooltip=tooltip)
    return alt.layer(_era_bands(spans, era_scale(eras)), points).properties(
        title=alt.Title("Articles over time", subtitle="Each point is an article; shaded spans are eras"),
        width=560, height=max(120, 40 * data["outlet"].nunique()))


def _era_spans(data: pd.DataFrame, eras: pd.DataFrame) -> pd.DataFrame:
    lo = min(data["date"].min(), eras["start"].min()) if len(data) else eras["start"].min()
    hi = max(data["date"].max(), lo) if len(data) else lo
    spans = eras.assign(end=eras["end"].fillna(hi + pd.Timedelta(days=90)))
    if len(data):
        spans = spans[(spans["end"] >= data["date"].min() - pd.Timedelta(days=180)) &
                      (spans["start"] <= data["date"].max() + pd.Timedelta(days=180))]
    return spans


def _era_bands(spans: pd.DataFrame, scale: alt.Scale) -> alt.LayerChart:
    # The bands take their colours directly (no scale), so the points keep the era legend.
    colour_of = dict(zip(scale.to_dict()["domain"], scale.to_dict()["range"]))
    spans = spans.assign(colour=spans["label"].map(colour_of).fillna("#999999"))
    band = alt.Chart(spans).mark_rect(opacity=0.08).encode(
        x="start:T", x2="end:T", color=alt.Color("colour:N", scale=None))
    text = alt.Chart(spans).mark_text(align="left", dx=4, dy=-6, baseline="bottom", color="#555").encode(
        x="start:T", text="label:N", y=alt.value(0))
    return alt.layer(band, text)


def _monthly_timeline(data: pd.DataFrame, eras: pd.DataFrame) -> alt.LayerChart:
    month = data.assign(month=data["date"].dt.to_period("M").dt.to_timestamp())
    counts = (month.groupby(["outlet", "month", "era_label"], as_index=False)
              .agg(articles=("doc_id", "size"), **({"words": ("words", "sum")} if "words" in data else {})))
    scale = era_scale(eras, present=counts["era_label"])
    tooltip = ["outlet:N", alt.Tooltip("month:T", format="%B %Y", title="month"), "era_label:N",
               alt.Tooltip("articles:Q", format=",")]
    if "words" in counts:
        tooltip.append(alt.Tooltip("words:Q", format=","))
    points = alt.Chart(counts).mark_point(filled=True, opacity=0.8).encode(
        x=alt.X("month:T", title="Publication month"), y=alt.Y("outlet:N", title=None),
        color=alt.Color("era_label:N", scale=scale, title="Era"), shape=era_shape(eras, present=counts["era_label"]),
        size=alt.Size("articles:Q", title="Articles", scale=alt.Scale(range=[20, 400])), tooltip=tooltip)
    return alt.layer(_era_bands(_era_spans(data, eras), era_scale(eras)), points).properties(
        title=alt.Title("Articles over time", subtitle=f"{len(data):,} articles: each point is an outlet's "
                                                      "articles in a month; shaded spans are eras"),
        width=560, height=max(120, 30 * counts["outlet"].nunique()))


def words_per_article(stats: pd.DataFrame, corpus: pd.DataFrame, eras: pd.DataFrame,
                      max_bars: int = 60) -> alt.Chart:
    """Horizontal bars: words per article, coloured by era, labelled by outlet and date;
    with more than ``max_bars`` articles, the distribution of article length per era."""
    data = stats.merge(corpus[["doc_id", "outlet", "date", "era_label", "title"]], on="doc_id")
    if len(data) > max_bars:
        edges = np.histogram_bin_edges(data["n_words"], bins=40)
        binned = data.assign(bin=pd.cut(data["n_words"], edges, include_lowest=True, right=False))
        counts = binned.groupby(["bin", "era_label"], observed=True).size().reset_index(name="articles")
        counts["from"] = [b.left for b in counts["bin"]]
        counts["to"] = [b.right for b in counts["bin"]]
        return alt.Chart(counts.drop(columns="bin")).mark_bar(opacity=0.75).encode(
            x=alt.X("from:Q", title="Words per article"), x2="to:Q",
            y=alt.Y("articles:Q", title="Articles", stack=None),
            color=alt.Color("era_label:N", scale=era_scale(eras, present=counts["era_label"]), title="Era"),
            tooltip=["era_label:N", alt.Tooltip("from:Q", format=",.0f"), alt.Tooltip("to:Q", format=",.0f"),
                     alt.Tooltip("articles:Q", format=",")],
        ).properties(title=f"Words per article ({len(data):,} articles)", width=480)
    # the era is in each bar's label too, not told by colour alone
    data["article"] = (data["doc_id"] + " · " + data["outlet"].replace("", "(unknown)") + " · "
                       + data["date"].dt.strftime("%Y-%m-%d") + " · " + data["era_label"])
    return alt.Chart(data).mark_bar().encode(
        x=alt.X("n_words:Q", title="Words"),
        y=alt.Y("article:N", sort="-x", title=None, axis=alt.Axis(labelLimit=360)),
        color=alt.Color("era_label:N", scale=era_scale(eras, present=data["era_label"]), title="Era"),
        tooltip=["doc_id:N", "title:N", "outlet:N", alt.Tooltip("n_words:Q", format=","),
                 alt.Tooltip("n_sentences:Q", title="sentences"),
                 alt.Tooltip("mattr:Q", format=".3f", title="MATTR")],
    ).properties(title="Words per article", width=480)


def era_estimates(estimates: pd.DataFrame, eras: pd.DataFrame, title: str, x_title: str,
                  facet: str | None = None, fmt: str = ",.1f") -> alt.Chart:
    """Per-era estimates with jackknife t intervals: a point per era, a bar for the
    interval, and the note ("one article: no interval") written beside eras without one.
    ``estimates`` has :data:`~borderlines.uncertainty.ESTIMATE_COLUMNS` (plus ``facet``);
    a ``definition`` column (:func:`borderlines.uncertainty.measure_estimates`) shows in
    the tooltip."""
    labels = {**dict(zip(eras["era"], eras["label"])), "outside": "Outside every era"}
    data = estimates.dropna(subset=["estimate"]).copy()
    data["era_label"] = data["era"].map(labels).fillna(data["era"])
    data["interval"] = data.apply(
        lambda r: r["note"] if r["note"] else f"{r['ci_low']:{fmt}} – {r['ci_high']:{fmt}}", axis=1)
    base = alt.Chart(data).encode(
        y=alt.Y("era_label:N", title=None, sort=[labels.get(k, k) for k in eras["era"]]),
        color=alt.Color("era_label:N", scale=era_scale(eras, present=data["era_label"]), legend=None))
    tooltip = ["era_label:N", alt.Tooltip("estimate:Q", format=fmt), "interval:N",
               alt.Tooltip("n_articles:Q", title="articles")]
    tooltip[1:1] = definition_tooltip(data)
    rule = base.mark_rule(strokeWidth=3, opacity=0.6).encode(x="ci_low:Q", x2="ci_high:Q", tooltip=tooltip)
    point = base.mark_point(filled=True, size=90).encode(x=alt.X("estimate:Q", title=x_title), tooltip=tooltip)
    note = base.mark_text(align="left", dx=8, fontStyle="italic", color="#666").encode(
        x="estimate:Q", text="note:N")
    chart = alt.layer(rule, point, note)
    if facet:
        return chart.properties(width=420, height=70).facet(
            row=alt.Row(f"{facet}:N", title=None, sort=list(dict.fromkeys(data[facet])),
                        header=alt.Header(labelAngle=0, labelAlign="left")),
        ).resolve_scale(x="independent").properties(title=title)
    return chart.properties(title=title, width=420, height=40 * max(1, data["era_label"].nunique()))


#: The cleaning chart names this many rules; the rest are summed as "other rules".
TOP_RULES = 6


def cleaning_removals(log: pd.DataFrame, top: int = TOP_RULES) -> alt.Chart:
    """What cleaning cut (marks and whitespace normalization excluded): one bar per rule,
    the ``top`` rules that cut most characters and the rest together as "other rules",
    each labelled with its characters, cuts and articles. A log with no cut gives a
    chart that says so."""
    cut = log[log["action"].isin(["remove", "metadata"])].assign(characters=lambda d: d["end"] - d["start"])
    if cut.empty:
        return alt.Chart(pd.DataFrame({"text": ["Cleaning removed nothing from these articles."]})).mark_text(
            align="left", fontSize=13, color="#555").encode(text="text:N", x=alt.value(0), y=alt.value(10)
        ).properties(title="What cleaning removed", width=420, height=24)
    per_rule = (cut.groupby("rule").agg(characters=("characters", "sum"), cuts=("doc_id", "size"))
                .sort_values("characters", ascending=False))
    keep = list(per_rule.index[:top]) if len(per_rule) > top + 1 else list(per_rule.index)
    other = f"other rules ({len(per_rule) - len(keep)})"
    cut = cut.assign(group=cut["rule"].where(cut["rule"].isin(keep), other))
    data = (cut.groupby("group", sort=False).agg(characters=("characters", "sum"), cuts=("doc_id", "size"),
                                                articles=("doc_id", "nunique")).reset_index())
    data["order"] = data["group"].map({g: i for i, g in enumerate(keep)}).fillna(len(keep))
    data["label"] = data.apply(lambda r: f"{r.characters:,} characters, {r.cuts} cut(s) in "
                                         f"{r.articles} article(s)", axis=1)
    base = alt.Chart(data).encode(
        y=alt.Y("group:N", title=None, sort=alt.EncodingSortField("order"), axis=alt.Axis(labelLimit=260)))
    bars = base.mark_bar(color="#6b7b8c").encode(
        x=alt.X("characters:Q", title="Characters removed"),
        tooltip=[alt.Tooltip("group:N", title="rule"), alt.Tooltip("characters:Q", format=","),
                 alt.Tooltip("cuts:Q", format=","), alt.Tooltip("articles:Q", format=",")])
    text = base.mark_text(align="left", dx=4, fontSize=11, color="#333").encode(x="characters:Q", text="label:N")
    return alt.layer(bars, text).properties(
        title=alt.Title("What cleaning removed", subtitle=f"{int(data['characters'].sum()):,} characters in "
                                                          f"{cut['doc_id'].nunique()} article(s), by rule"),
        width=360, height=alt.Step(26))


#: The monthly coverage chart has a row for each of this many outlets; the rest share one.
TOP_OUTLETS = 8


def articles_per_month(corpus: pd.DataFrame, eras: pd.DataFrame, top: int = TOP_OUTLETS) -> alt.Chart:
    """Coverage over time: articles per calendar month, one row per outlet (the ``top``
    outlets with most articles, the rest as "other outlets", a blank outlet as "(unknown
    outlet)"), bars coloured by era with the era in the tooltip and the month on the axis."""
    data = corpus[["doc_id", "date", "era_label", "outlet"]].dropna(subset=["date"]).copy()
    data["outlet"] = data["outlet"].fillna("").str.strip().replace("", "(unknown outlet)")
    counts = data["outlet"].value_counts()
    keep = list(counts.index[:top]) if len(counts) > top + 1 else list(counts.index)
    other = f"other outlets ({len(counts) - len(keep)})"
    data["outlet"] = data["outlet"].where(data["outlet"].isin(keep), other)
    data["month"] = data["date"].dt.to_period("M").dt.to_timestamp()
    per = data.groupby(["outlet", "month", "era_label"], as_index=False).agg(articles=("doc_id", "size"))
    scale = era_scale(eras, present=per["era_label"])
    return alt.Chart(per).mark_bar(width=6).encode(
        x=alt.X("month:T", title="Month", axis=alt.Axis(format="%b %Y", labelAngle=0, labelOverlap=True)),
        y=alt.Y("articles:Q", title="Articles", axis=alt.Axis(tickMinStep=1, format="d")),
        color=alt.Color("era_label:N", scale=scale, title="Era"),
        tooltip=["outlet:N", alt.Tooltip("month:T", format="%B %Y"), alt.Tooltip("era_label:N", title="era"),
                 alt.Tooltip("articles:Q", format=",")],
    ).properties(width=520, height=60).facet(
        row=alt.Row("outlet:N", title=None, sort=keep + [other], header=alt.Header(labelAngle=0, labelAlign="left")),
    ).properties(title=alt.Title("Articles per month, by outlet",
                                 subtitle=f"{len(data):,} articles from {len(counts)} outlet(s)"))
