"""Charts about quotes: whose voices each era's coverage carries, and how often."""

from __future__ import annotations

import altair as alt
import pandas as pd

from ..eras import era_labels
from ..compare.quotes import VOICE_GROUPS
from . import definition_tooltip, era_scale, era_shape

#: Colours of the voice groups (:data:`borderlines.quotes.VOICE_GROUPS`), chosen apart
#: from the era colours so a group is never mistaken for an era.
VOICE_COLORS = {
    "US government": "#8c6bb1",
    "Mexican government": "#1b9e77",
    "Central American governments": "#e6ab02",
    "International organizations": "#66c2a5",
    "Experts and NGOs": "#e7298a",
    "Other or unknown": "#bbbbbb",
}
#: Segments of the voice-mix bars at least this wide (percent) are labelled with their voice.
LABEL_MIN_PERCENT = 12
#: Colour of the aggregate rows of :func:`speaker_counts` (other speakers, unattributed).
AGGREGATE_COLOR = "#aaaaaa"


def no_data(title: str, message: str) -> alt.Chart:
    """A chart holding only ``message``, for a table with nothing to draw (so a report
    says why a chart is empty instead of showing bare axes)."""
    return alt.Chart(pd.DataFrame({"message": [message]})).mark_text(
        align="left", fontSize=13, color="#666", fontStyle="italic").encode(
        x=alt.value(0), y=alt.value(20), text="message:N").properties(title=title, width=520, height=40)


def _interval_text(row: pd.Series) -> str:
    if row["note"]:
        return str(row["note"])
    return f"{100 * row['ci_low']:.1f}% – {100 * row['ci_high']:.1f}%"


def share_data(shares: pd.DataFrame, eras: pd.DataFrame, category: str) -> pd.DataFrame:
    """The rows of ``shares`` (:func:`borderlines.uncertainty.era_shares` output) that have
    an estimate, with ``era_label``, ``percent`` (estimate × 100), ``interval`` (the 95%
    interval in percent, or the note saying why there is none) and ``category`` as text."""
    labels = era_labels(eras)
    data = shares.dropna(subset=["estimate"]).copy()
    data["era_label"] = data["era"].map(labels).fillna(data["era"])
    data["percent"] = 100 * data["estimate"]
    data["interval"] = data.apply(_interval_text, axis=1) if len(data) else pd.Series(dtype="object")
    data[category] = data[category].astype(str)
    return data


def _era_sort(eras: pd.DataFrame, data: pd.DataFrame) -> list[str]:
    labels = era_labels(eras)
    order = [labels[k] for k in eras["era"]]
    return order + [x for x in dict.fromkeys(data["era_label"]) if x not in order]


def _era_color(eras: pd.DataFrame, data: pd.DataFrame) -> alt.Color:
    """Era colours with a legend naming only the eras in ``data`` (:func:`era_scale`)."""
    scale = era_scale(eras, present=data["era_label"])
    return alt.Color("era_label:N", scale=scale, title="Era", sort=scale.domain)


def _listing(data: pd.DataFrame, category: str) -> str:
    """The shares as text, era by era, for a chart's description (read by screen readers)."""
    parts = [f"{era}: " + ", ".join(f"{c} {p:.0f}%" for c, p in zip(rows[category], rows["percent"]))
             for era, rows in data.groupby("era_label", sort=False)]
    return "; ".join(parts) + "."


def _category_scale(category: str) -> alt.Scale | None:
    if category == "voice_group":
        return alt.Scale(domain=list(VOICE_GROUPS), range=[VOICE_COLORS[g] for g in VOICE_GROUPS])
    return None


def voice_mix(shares: pd.DataFrame, eras: pd.DataFrame, category: str = "voice_group",
              title: str = "Who speaks in each era", category_title: str = "Voice") -> alt.Chart:
    """One bar per era split into the shares of its quotes by ``category`` (summing to
    100%), so the eras' mix of voices compares at a glance whatever their size.
    ``shares`` is :func:`borderlines.uncertainty.era_shares` output for ``category``."""
    data = share_data(shares, eras, category)
    if data.empty:
        return no_data(title, "No quotes in the compared eras.")
    order = list(dict.fromkeys(data[category]))
    data["order"] = data[category].map({c: i for i, c in enumerate(order)})
    scale = _category_scale(category)
    color = alt.Color(f"{category}:N", title=category_title, sort=order, legend=alt.Legend(labelLimit=260),
                      **({"scale": scale} if scale is not None else {}))
    data["segment"] = [f"{c} {p:.0f}%" if p >= LABEL_MIN_PERCENT else "" for c, p in zip(data[category], data["percent"])]
    base = alt.Chart(data).encode(
        x=alt.X("percent:Q", stack="zero", title="Share of the era's quotes (%)",
                scale=alt.Scale(domain=[0, 100])),
        y=alt.Y("era_label:N", title=None, sort=_era_sort(eras, data)), order=alt.Order("order:Q"))
    # each wide segment names its category: the voice is not told by colour alone
    labels = base.mark_text(align="right", dx=-4, fontSize=11, color="#111", limit=120).encode(
        x=alt.X("percent:Q", stack="zero", bandPosition=1), text="segment:N")
    bars = base.mark_bar(stroke="white", strokeWidth=1).encode(
        color=color,
        tooltip=[alt.Tooltip("era_label:N", title="Era"), alt.Tooltip(f"{category}:N", title=category_title),
                 alt.Tooltip("percent:Q", title="Share (%)", format=".1f"),
                 alt.Tooltip("interval:N", title="95% interval"),
                 alt.Tooltip("count:Q", title="Quotes"), alt.Tooltip("n_articles:Q", title="Articles in era")])
    return alt.layer(bars, labels).properties(
        title=alt.Title(title, subtitle="Share of each era's quotes; hover for the interval"),
        width=520, height=45 * data["era_label"].nunique(),
        description=f"{title}: one bar per era split into the shares of its quotes by {category_title.lower()}; "
                    + _listing(data, category))


def voice_shares(shares: pd.DataFrame, eras: pd.DataFrame, category: str = "voice_group",
                 title: str = "Voice shares with their uncertainty",
                 category_title: str = "Voice") -> alt.LayerChart | alt.Chart:
    """For each ``category`` (rows), each era's share of quotes as a point with its 95%
    jackknife t interval over articles, coloured by era; the subtitle names the eras
    without an interval. ``shares`` is :func:`borderlines.uncertainty.era_shares` output."""
    data = share_data(shares, eras, category)
    if data.empty:
        return no_data(title, "No quotes in the compared eras.")
    noted = data[data["note"] != ""]
    without = list(dict.fromkeys(noted["era_label"] + " (" + noted["note"] + ")"))
    subtitle = "Points: share of the era's quotes; bars: 95% jackknife t interval over articles"
    subtitle = [subtitle, "No interval for " + "; ".join(without)] if without else subtitle
    era_order = _era_sort(eras, data)
    base = alt.Chart(data).encode(
        y=alt.Y(f"{category}:N", title=None, sort=list(dict.fromkeys(data[category]))),
        yOffset=alt.YOffset("era_label:N", sort=era_order),
        color=_era_color(eras, data))
    shape = era_shape(eras, present=data["era_label"])
    tooltip = [alt.Tooltip(f"{category}:N", title=category_title), alt.Tooltip("era_label:N", title="Era"),
               alt.Tooltip("percent:Q", title="Share (%)", format=".1f"),
               alt.Tooltip("interval:N", title="95% interval"), alt.Tooltip("count:Q", title="Quotes"),
               alt.Tooltip("n_articles:Q", title="Articles in era"), *definition_tooltip(data)]
    rule = base.mark_rule(strokeWidth=3, opacity=0.5).encode(
        x=alt.X("ci_low_pct:Q"), x2="ci_high_pct:Q", tooltip=tooltip).transform_calculate(
        ci_low_pct="100 * datum.ci_low", ci_high_pct="100 * datum.ci_high").transform_filter(
        "isValid(datum.ci_low)")
    point = base.mark_point(filled=True, size=80).encode(
        x=alt.X("percent:Q", title="Share of the era's quotes (%)", scale=alt.Scale(domain=[0, 100])),
        shape=shape, tooltip=tooltip)
    return alt.layer(rule, point).properties(
        title=alt.Title(title, subtitle=subtitle), width=480,
        height=alt.Step(16),
        description=f"{title}: for each {category_title.lower()}, each era's share of its quotes (point, "
                    "shaped and coloured by era) with its 95% interval; " + _listing(data, category))


def speaker_counts(top: pd.DataFrame, eras: pd.DataFrame,
                   title: str = "The most quoted speakers of each era") -> alt.FacetChart | alt.Chart:
    """Horizontal bars: quotes per speaker in each era (one panel per era), most quoted
    first, coloured by era, the aggregate rows (other speakers, unattributed) in grey.
    ``top`` is :func:`borderlines.compare.quotes.top_speakers` output, already bounded."""
    if top.empty:
        return no_data(title, "No quotes in the compared eras.")
    data = top.copy()
    data["share_pct"] = 100 * data["share"]
    data["role"] = data["role"].replace("", "—")
    data["voice_group"] = data["voice_group"].replace("", "—")
    era_order = _era_sort(eras, data)
    bars = alt.Chart(data).mark_bar().encode(
        x=alt.X("n:Q", title="Quotes"),
        y=alt.Y("speaker:N", title=None, sort=alt.EncodingSortField("rank", order="ascending")),
        color=alt.condition("datum.aggregate", alt.value(AGGREGATE_COLOR),
                            _era_color(eras, data)),
        tooltip=[alt.Tooltip("era_label:N", title="Era"), alt.Tooltip("speaker:N", title="Speaker"),
                 alt.Tooltip("role:N", title="Role"), alt.Tooltip("voice_group:N", title="Voice"),
                 alt.Tooltip("n:Q", title="Quotes"),
                 alt.Tooltip("share_pct:Q", title="Share of era (%)", format=".1f"),
                 alt.Tooltip("n_articles:Q", title="Articles quoting")])
    return bars.properties(width=420, height=alt.Step(18)).facet(
        row=alt.Row("era_label:N", title=None, sort=era_order,
                    header=alt.Header(labelAngle=0, labelAlign="left", labelFontWeight="bold")),
    ).resolve_scale(y="independent").properties(
        title=alt.Title(title, subtitle="Quotes in each era's articles; grey bars sum the rest"),
        description=f"{title}: one panel per era, named in its header; " + "; ".join(
            f"{era}: " + ", ".join(f"{sp} {n}" for sp, n in zip(rows["speaker"], rows["n"]))
            for era, rows in data.groupby("era_label", sort=False)) + ".")
