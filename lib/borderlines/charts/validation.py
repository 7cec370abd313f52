"""Charts of the extractors' validation (borderlines.validation)."""

from __future__ import annotations

import altair as alt
import pandas as pd

from . import era_scale

_ALL = "All eras (weighted)"


def extractor_accuracy(precision: pd.DataFrame, recall: pd.DataFrame, eras: pd.DataFrame | None = None,
                       level: float = 0.95) -> alt.Chart:
    """Precision and recall of each extractor (rows: kind), one point per era and one for
    all eras, with Wilson intervals as bars; ``precision`` from
    :func:`~borderlines.validation.precision_by_kind` (its ``correct`` rows) and
    ``recall`` from :func:`~borderlines.validation.recall_by_kind`. Era colours from
    ``eras`` (:func:`~borderlines.eras.load_eras`), when given."""
    labels = dict(zip(eras["era"], eras["label"])) if eras is not None else {}
    parts = [precision[precision["question"] == "correct"].assign(measure="Precision", value=lambda d: d["precision"],
                                                                  n=lambda d: d["n_items"]),
             recall.assign(measure="Recall (in sentences with an extraction)", value=lambda d: d["recall"],
                           n=lambda d: d["n_found"] + d["n_missed"])]
    data = pd.concat([p[["kind", "era", "measure", "value", "ci_low", "ci_high", "n"]] for p in parts],
                     ignore_index=True).dropna(subset=["value"])
    data["era_label"] = [(_ALL if e == "all" else labels.get(e, e)) for e in data["era"]]
    order = list(eras["era"]) if eras is not None else []
    keys = sorted((k for k in dict.fromkeys(data["era"]) if k != "all"),
                  key=lambda k: order.index(k) if k in order else len(order)) + ["all"]
    shown = [k for k in keys if k in set(data["era"])]
    legend = {k: (_ALL if k == "all" else labels.get(k, k)) for k in shown}
    scale = era_scale(keys=shown, labels=legend)
    scale.range = [c if k != "all" else "#444444" for k, c in zip(shown, scale.range)]
    base = alt.Chart(data).encode(
        y=alt.Y("kind:N", title=None, sort=["quote", "figure", "frame"]),
        yOffset=alt.YOffset("era_label:N", sort=[legend[k] for k in shown]),
        color=alt.Color("era_label:N", scale=scale, title="Era",
                        legend=alt.Legend(orient="bottom", direction="horizontal")),
        tooltip=[alt.Tooltip("kind:N", title="Items"), alt.Tooltip("era_label:N", title="Era"),
                 alt.Tooltip("value:Q", title="Estimate", format=".0%"),
                 alt.Tooltip("ci_low:Q", title=f"{level:.0%} interval from", format=".0%"),
                 alt.Tooltip("ci_high:Q", title="to", format=".0%"),
                 alt.Tooltip("n:Q", title="Items judged", format=",.0f")])
    rule = base.mark_rule(strokeWidth=3, opacity=0.5).encode(x="ci_low:Q", x2="ci_high:Q")
    point = base.mark_point(filled=True, size=70, opacity=1).encode(
        x=alt.X("value:Q", title=None, axis=alt.Axis(format="%"), scale=alt.Scale(domain=[0, 1])))
    return alt.layer(rule, point, data=data).properties(width=300, height=alt.Step(12)).facet(
        column=alt.Column("measure:N", title=None, sort=["Precision"])).properties(
        title=alt.Title("How often the extractors are right, by the coders' judgement",
                        subtitle=[f"Bars: {level:.0%} Wilson intervals. 'All eras': precision weights each "
                                  "era by its number of items in the corpus; recall pools the sampled sentences."]))
