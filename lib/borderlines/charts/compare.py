"""Charts of era differences: one interval per comparison, never one era's value
against the other's interval."""

from __future__ import annotations

import altair as alt
import pandas as pd

from ..wording import NO_DATA, NO_INTERVAL, verdict
from . import definition_tooltip

NO_INTERVAL_TEXT = "too few articles: no interval"


def difference_intervals(differences: pd.DataFrame, title: str, x_title: str, label: str = "measure",
                         fmt: str = ",.2f", percent: bool = False) -> alt.LayerChart:
    """Each row of a :data:`borderlines.compare.DIFFERENCE_COLUMNS` table as the
    difference (era B − era A) with its interval, one row per ``label`` value, against
    a line at zero; a row without an interval shows its difference as a hollow mark
    and the words "too few articles: no interval" instead of a bar. ``percent`` shows
    proportions as percentage points. A ``definition`` column (tables of
    :func:`borderlines.compare.compare_measures`) shows in the tooltip."""
    k = 100.0 if percent else 1.0
    data = differences.dropna(subset=["estimate"]).copy()
    data["verdict"] = [verdict(r) for _, r in data.iterrows()]
    for col in ("estimate", "low", "high"):
        data[col] = k * data[col]
    data["interval"] = [NO_INTERVAL_TEXT if v in (NO_INTERVAL, NO_DATA) else f"{lo:{fmt}} to {hi:{fmt}}"
                        for v, lo, hi in zip(data["verdict"], data["low"], data["high"])]
    data["p"] = [f"{p:.2g} (smallest possible {m:.2g})" if pd.notna(p) else "" for p, m in
                 zip(data["p_value"], data["p_min"])]
    data["has_interval"] = data["low"].notna()
    order = list(dict.fromkeys(data[label]))
    unit = " (pp)" if percent else ""
    tooltip = [alt.Tooltip(f"{label}:N", title="compared"), alt.Tooltip("estimate:Q", format=fmt, title="B − A"),
               alt.Tooltip("interval:N", title="interval"), alt.Tooltip("p:N", title="p"),
               alt.Tooltip("verdict:N"), alt.Tooltip("n_a:Q", title="articles A"),
               alt.Tooltip("n_b:Q", title="articles B")]
    tooltip[1:1] = definition_tooltip(data)
    base = alt.Chart(data).encode(y=alt.Y(f"{label}:N", title=None, sort=order, axis=alt.Axis(labelLimit=320)))
    colour = alt.Color("verdict:N", title="Difference",
                       scale=alt.Scale(domain=["higher", "lower", "unclear", NO_INTERVAL],
                                       range=["#b2182b", "#2166ac", "#777777", "#bbbbbb"]))
    rule = base.transform_filter("datum.has_interval").mark_rule(strokeWidth=3).encode(
        x=alt.X("low:Q", title=f"{x_title}{unit}"), x2="high:Q", color=colour, tooltip=tooltip)
    point = base.mark_point(size=80, filled=True).encode(
        x="estimate:Q", color=colour, tooltip=tooltip,
        fill=alt.condition("datum.has_interval", colour, alt.value("white")))
    note = base.transform_filter("!datum.has_interval").mark_text(
        align="left", dx=10, fontStyle="italic", color="#666").encode(x="estimate:Q", text="interval:N")
    zero = alt.Chart(pd.DataFrame({"zero": [0.0]})).mark_rule(color="#444", strokeDash=[4, 3]).encode(x="zero:Q")
    return alt.layer(zero, rule, point, note).properties(
        title=alt.Title(title, subtitle="Era B − era A with its interval; the dashed line is no difference"),
        width=460, height=max(60, 28 * len(order)))


def all_eras(estimates: pd.DataFrame, differences: pd.DataFrame, eras: pd.DataFrame, title: str,
             x_title: str, names: dict[str, str] | None = None, fmt: str = ",.2f",
             percent: bool = False) -> alt.VConcatChart:
    """Every era side by side and every pair of eras compared, one row per measure: on
    the left each era's estimate with its interval (era named on the axis, as in
    :func:`~borderlines.charts.era_estimates`), on the right each pair's difference,
    later era − earlier era, with its interval and permutation p
    (:func:`difference_intervals`). ``estimates``: ``measure`` plus
    :data:`~borderlines.uncertainty.ESTIMATE_COLUMNS`
    (:func:`borderlines.uncertainty.measure_estimates`); ``differences``: a
    :func:`borderlines.compare.compare_measures` table with ``eras``; ``names`` maps
    measure keys to the words shown (default: the ``label`` column, when there is one);
    ``percent`` shows proportions as percent (points)."""
    from .corpus import era_estimates
    from ..eras import era_labels
    labels = era_labels(eras)
    names = {**(dict(zip(estimates["measure"], estimates["label"])) if "label" in estimates else {}),
             **(names or {})}
    k = 100.0 if percent else 1.0
    rows = []
    for measure in dict.fromkeys(estimates["measure"]):
        name = names.get(measure, measure)
        est = estimates[estimates["measure"] == measure].copy()
        for col in ("estimate", "ci_low", "ci_high"):
            est[col] = k * est[col]
        left = era_estimates(est, eras, title=f"{name}: each era", x_title=f"{x_title}{' (%)' if percent else ''}",
                             fmt=fmt)
        diff = differences[differences["measure"] == measure]
        diff = diff.assign(pair=[f"{labels.get(b, b)} − {labels.get(a, a)}"
                                 for a, b in zip(diff["era_a"], diff["era_b"])])
        if diff.dropna(subset=["estimate"]).empty:
            rows.append(left)
            continue
        right = difference_intervals(diff, title=f"{name}: each pair of eras", x_title="Difference",
                                     label="pair", fmt=fmt, percent=percent)
        rows.append(alt.hconcat(left, right, spacing=30).resolve_scale(color="independent"))
    if not rows:
        rows = [alt.Chart(pd.DataFrame({"text": ["No era has articles to compare."]})).mark_text(
            align="left", fontSize=13, color="#555").encode(text="text:N", x=alt.value(0), y=alt.value(10))
            .properties(width=420, height=24)]
    n_eras = estimates.dropna(subset=["estimate"])["era"].nunique()
    return alt.vconcat(*rows, spacing=24).properties(
        title=alt.Title(title, subtitle=f"{n_eras} era(s) with articles; each pair's p-value is for that pair alone"),
        description=(f"{title}. For each measure, each era's estimate with its 95% interval, and the difference "
                     "between each pair of eras (later − earlier) with its 95% interval and permutation p."))
