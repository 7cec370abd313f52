"""Charts about language: distinctive terms, frames and tone, compared between eras.

Every function takes the tables of :mod:`borderlines.terms` and
:mod:`borderlines.frames` and plots a bounded number of rows whatever the corpus size
(the term scatter at most ``max_terms`` terms, distributions as bins). Interaction
(search box, click, tooltips) is Vega-Lite's, so it works in a static HTML report.
"""

from __future__ import annotations

import altair as alt
import numpy as np
import pandas as pd

from ..terms import terms_to_plot, top_distinctive
from . import definition_tooltip, era_scale, era_shape
from .corpus import era_estimates

#: Tick values offered on the symlog axes (per 10,000 words); those within the data are used.
SYMLOG_TICKS = (0, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000)
#: Golden angle (radians): successive points of a spiral never line up.
GOLDEN_ANGLE = np.pi * (3 - np.sqrt(5))
#: Colour of z = 0 between the two eras' colours.
NEUTRAL = "#bdbdbd"
SCATTER_SIZE = 520
LABEL_FONT = 11
VOICE_LABELS = {"quote": "Quoted sentences", "narration": "Narration"}


def _labels(eras: pd.DataFrame) -> dict[str, str]:
    return {**dict(zip(eras["era"], eras["label"])), "outside": "Outside every era"}


def _message(text: str, title: str) -> alt.Chart:
    """A small chart that says why there is nothing to plot."""
    return alt.Chart(pd.DataFrame({"text": [text]})).mark_text(
        align="left", baseline="middle", fontSize=13, color="#555", dx=4).encode(
        text="text:N", x=alt.value(0), y=alt.value(15)).properties(title=title, width=520, height=30)


def symlog(values) -> np.ndarray:
    """The symlog transform with constant 1 (Vega's ``symlog`` scale): sign·log(1 + |v|)."""
    v = np.asarray(values, dtype=float)
    return np.sign(v) * np.log1p(np.abs(v))


def symexp(values) -> np.ndarray:
    """Inverse of :func:`symlog`."""
    t = np.asarray(values, dtype=float)
    return np.sign(t) * np.expm1(np.abs(t))


def spread_positions(x, y, step: float) -> tuple[np.ndarray, np.ndarray]:
    """Plot positions for points at ``x``, ``y`` on symlog axes, so points with equal
    values do not hide each other: the k-th point (k = 0, 1, ...) at a shared position
    moves ``step·√k`` (in symlog units) along a golden-angle spiral, and a value of 0
    moves only towards positive values. The first point of each position stays put."""
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    k = pd.DataFrame({"x": x, "y": y}).groupby(["x", "y"], sort=False).cumcount().to_numpy()
    radius, angle = step * np.sqrt(k), k * GOLDEN_ANGLE
    dx, dy = radius * np.cos(angle), radius * np.sin(angle)
    dx = np.where(x == 0, np.abs(dx), dx)
    dy = np.where(y == 0, np.abs(dy), dy)
    moved = k > 0
    return (np.where(moved, symexp(symlog(x) + dx), x), np.where(moved, symexp(symlog(y) + dy), y))


#: Offsets (pixels) tried in turn for a label: right, left, above, below, then farther out.
LABEL_OFFSETS = tuple((r * dx, r * dy) for r in (7, 14, 24, 36, 50)
                      for dx, dy in ((1, 0), (-1, 0), (1, -1), (1, 1), (-1, -1), (-1, 1), (0, -1.4), (0, 1.4)))


def place_labels(px, py, widths, width: float, height: float, line_height: float = 12.0):
    """Greedy non-overlapping label boxes for points at pixel positions ``px``, ``py``
    (in priority order: earlier points win), each label ``widths[i]`` pixels wide:
    the first of :data:`LABEL_OFFSETS` whose box lies inside the ``width`` × ``height``
    plot and overlaps no placed box. Returns ``(left, middle, anchor)`` arrays: the box's
    left edge and vertical centre, and the x of its side nearest the point (for a leader
    line); NaN where no position fits (the label is left out)."""
    n = len(px)
    left, middle, anchor = np.full(n, np.nan), np.full(n, np.nan), np.full(n, np.nan)
    placed: list[tuple[float, float, float, float]] = []
    half = line_height / 2
    for i, (x, y, w) in enumerate(zip(px, py, widths)):
        for dx, dy in LABEL_OFFSETS:
            x0 = x + dx if dx >= 0 else x + dx - w
            x0 = x0 - w / 2 if dx == 0 else x0
            box = (x0, y + dy - half, x0 + w, y + dy + half)
            inside = box[0] >= 0 and box[1] >= 0 and box[2] <= width and box[3] <= height
            if inside and all(box[2] <= b[0] or box[0] >= b[2] or box[3] <= b[1] or box[1] >= b[3]
                              for b in placed):
                placed.append(box)
                left[i], middle[i] = box[0], y + dy
                anchor[i] = box[0] if dx > 0 else box[2] if dx < 0 else box[0] + w / 2
                break
    return left, middle, anchor


def _symlog_axis(title: str, top: float) -> alt.Axis:
    return alt.Axis(title=title, values=[t for t in SYMLOG_TICKS if t <= max(top, 1)], grid=True)


def _trim_left(text: str, n: int) -> str:
    return text if len(text) <= n else "…" + text[len(text) - n + 1:]


def _trim_right(text: str, n: int) -> str:
    return text if len(text) <= n else text[:n - 1] + "…"


def term_scatter(distinctive: pd.DataFrame, eras: pd.DataFrame, era_a: str, era_b: str,
                 lines: pd.DataFrame | None = None, max_terms: int = 400, n_labels: int = 8,
                 max_lines: int = 12, context_chars: int = 55) -> alt.VConcatChart | alt.Chart:
    """Scattertext-style comparison of two eras: each term at its rate per 10,000 words
    in ``era_a`` (x) and ``era_b`` (y) on symlog axes (zero counts on the axes), coloured
    by log-odds z (the eras' colours, grey at 0), the ``n_labels`` most distinctive terms
    of each era labelled, tooltips with counts, rates, articles, z and G².

    ``distinctive``: a :func:`~borderlines.terms.distinctive_terms` table; at most
    ``max_terms`` terms are drawn (:func:`~borderlines.terms.terms_to_plot`).
    A search box (substring, any case) highlights terms and a click picks one (at first
    the most distinctive term of ``era_a``). With ``lines`` (a
    :func:`~borderlines.terms.concordance` table of the drawn terms), a panel below
    shows up to ``max_lines`` lines of the searched terms, or else of the picked one,
    contexts cut to ``context_chars`` characters."""
    labels = _labels(eras)
    label_a, label_b = labels.get(era_a, era_a), labels.get(era_b, era_b)
    title = f"Terms in {label_a} against {label_b}"
    if distinctive.empty:
        return _message("No term to plot: no term reaches the minimum count in these eras.", title)
    plotted = terms_to_plot(distinctive, max_terms)
    # Only what the marks and tooltips use, rounded: the report carries every row.
    data = plotted[["term", "count_a", "count_b", "docs_a", "docs_b"]].assign(
        per_10k_a=plotted["per_10k_a"].round(2), per_10k_b=plotted["per_10k_b"].round(2),
        z=plotted["z"].round(3), g2=plotted["g2"].round(2),
        favours=plotted["favours"].map(labels).fillna(plotted["favours"]))
    top = float(max(data["per_10k_a"].max(), data["per_10k_b"].max(), 1.0))
    span = float(symlog(top * 1.15))                     # the axes' length in symlog units
    x_pos, y_pos = spread_positions(plotted["per_10k_a"], plotted["per_10k_b"], 0.0125 * span)
    data["x"], data["y"] = np.round(x_pos, 4), np.round(y_pos, 4)
    domain = [0, float(symexp(span))]
    z_max = float(np.nanmax(np.abs(data["z"]))) or 1.0
    colour = alt.Color("z:Q", title=f"log-odds z (+ {label_a}, − {label_b})",
                       legend=alt.Legend(orient="none", legendX=SCATTER_SIZE + 40, legendY=0,
                                         direction="vertical", gradientLength=160, titleLimit=300),
                       scale=alt.Scale(domain=[-z_max, 0, z_max],
                                       range=[era_scale(keys=[era_b]).range[0], NEUTRAL,
                                              era_scale(keys=[era_a]).range[0]]))
    search = alt.param(name="term_search", value="",
                       bind=alt.binding(input="search", placeholder="a term, e.g. border",
                                        name="Find a term: "))
    first = top_distinctive(plotted, era_a, 1)["term"].tolist()
    # No `nearest`: Vega-Lite's voronoi tooltips lose text fields ("undefined").
    pick = alt.selection_point(name="term_pick", fields=["term"], on="click", clear="dblclick",
                               value=[{"term": t} for t in first] or None)
    found = "term_search != '' && indexof(lower(datum.term), lower(term_search)) >= 0"
    dimmed = "term_search != '' && indexof(lower(datum.term), lower(term_search)) < 0"
    tooltip = [alt.Tooltip("term:N", title="Term"),
               alt.Tooltip("count_a:Q", title=f"{label_a}: occurrences", format=","),
               alt.Tooltip("count_b:Q", title=f"{label_b}: occurrences", format=","),
               alt.Tooltip("per_10k_a:Q", title=f"{label_a}: per 10,000 words", format=",.1f"),
               alt.Tooltip("per_10k_b:Q", title=f"{label_b}: per 10,000 words", format=",.1f"),
               alt.Tooltip("docs_a:Q", title=f"{label_a}: articles", format=","),
               alt.Tooltip("docs_b:Q", title=f"{label_b}: articles", format=","),
               alt.Tooltip("z:Q", title="z (log-odds)", format="+.2f"),
               alt.Tooltip("g2:Q", title="G²", format=".2f"),
               alt.Tooltip("favours:N", title="Favours")]
    scale = alt.Scale(type="symlog", constant=1, domain=domain, nice=False)
    x = alt.X("x:Q", scale=scale, axis=_symlog_axis(f"{label_a}: per 10,000 words", top))
    y = alt.Y("y:Q", scale=scale, axis=_symlog_axis(f"{label_b}: per 10,000 words", top))
    diagonal = alt.Chart(pd.DataFrame({"x": domain, "y": domain})).mark_line(
        color="#cccccc", strokeDash=[4, 4]).encode(x=x, y=y)
    points = alt.Chart(data).mark_circle(stroke="#222222").encode(
        x=x, y=y, color=colour, tooltip=tooltip,
        size=alt.when(found).then(alt.value(110)).otherwise(alt.value(55)),
        opacity=alt.when(dimmed).then(alt.value(0.12)).otherwise(alt.value(0.9)),
        strokeWidth=alt.when(pick, empty=False).then(alt.value(2)).otherwise(alt.value(0)),
    ).add_params(pick)
    found_labels = alt.Chart(data).mark_text(align="left", dx=7, fontSize=11, color="#222222").encode(
        x=x, y=y, text="term:N").transform_filter(found)
    fixed = _fixed_labels(plotted, data, era_a, era_b, n_labels, span)
    leaders = alt.Chart(fixed).mark_rule(color="#999999", strokeWidth=0.6).encode(
        x=x, y=y, x2="anchor_x:Q", y2="label_y:Q").transform_filter("term_search == '' && datum.leader")
    fixed_labels = alt.Chart(fixed).mark_text(align="left", baseline="middle", fontSize=LABEL_FONT,
                                              color="#222222").encode(
        x=alt.X("label_x:Q", scale=scale), y=alt.Y("label_y:Q", scale=scale), text="term:N",
    ).transform_filter("term_search == ''")
    subtitle = ["Each point is a term at its rate per 10,000 words in each era (symlog axes: zero counts sit on "
                "the axes; points with equal rates are spread a little).",
                f"Colour: log-odds z, from {label_b} (−) through grey (0) to {label_a} (+); labelled: the "
                f"{n_labels} most distinctive terms of each era that fit."]
    if len(plotted) < len(distinctive):
        subtitle.append(f"Showing {len(plotted):,} of {len(distinctive):,} terms: the most frequent and the "
                        f"most distinctive, alternately.")
    scatter = alt.layer(diagonal, leaders, points, fixed_labels, found_labels).properties(
        width=SCATTER_SIZE, height=SCATTER_SIZE, title=alt.Title(title, subtitle=subtitle),
        description=(f"{title}: each term at its rate per 10,000 words in {label_a} (across) and {label_b} (up); "
                     f"above the diagonal a term is more frequent in {label_b}, below it in {label_a}. "
                     f"Most distinctive of {label_a}: {', '.join(top_distinctive(plotted, era_a, 5)['term'])}; "
                     f"of {label_b}: {', '.join(top_distinctive(plotted, era_b, 5)['term'])}."))
    if lines is None:
        return scatter.add_params(search)
    return alt.vconcat(scatter, _concordance_panel(lines, data, labels, max_lines, context_chars, found),
                       spacing=24).add_params(search).properties(description=scatter.description)


def _fixed_labels(plotted: pd.DataFrame, data: pd.DataFrame, era_a: str, era_b: str, n_labels: int,
                  span: float) -> pd.DataFrame:
    """Positions (data units) of the labels of the most distinctive terms, placed by
    :func:`place_labels` on the scatter's pixel grid, most distinctive first."""
    top = pd.concat([top_distinctive(plotted, era_a, n_labels), top_distinctive(plotted, era_b, n_labels)])
    top = top.assign(_abs=top["z"].abs()).sort_values("_abs", ascending=False, kind="stable")
    pos = data.set_index("term").loc[top["term"], ["x", "y"]]
    px = symlog(pos["x"]) / span * SCATTER_SIZE
    py = SCATTER_SIZE - symlog(pos["y"]) / span * SCATTER_SIZE
    widths = [LABEL_FONT * 0.6 * len(t) + 2 for t in top["term"]]
    left, middle, anchor = place_labels(px, py, widths, SCATTER_SIZE, SCATTER_SIZE, LABEL_FONT + 2)
    out = pd.DataFrame({"term": top["term"].to_numpy(), "x": pos["x"].to_numpy(), "y": pos["y"].to_numpy(),
                        "label_x": symexp(left / SCATTER_SIZE * span),
                        "label_y": symexp((SCATTER_SIZE - middle) / SCATTER_SIZE * span),
                        "anchor_x": symexp(anchor / SCATTER_SIZE * span),
                        "leader": np.hypot(anchor - px, middle - py) > 12})
    return out.dropna(subset=["label_x"]).round({"label_x": 4, "label_y": 4, "anchor_x": 4})


def _concordance_panel(lines: pd.DataFrame, plotted: pd.DataFrame, labels: dict[str, str], max_lines: int,
                       context_chars: int, found: str) -> alt.LayerChart:
    """KWIC lines of the picked or searched terms: era and article, left context,
    the match in bold, right context; terms in plot order, then eras, then corpus order."""
    order = {t: i for i, t in enumerate(plotted["term"])}
    era_rank = {e: i for i, e in enumerate(labels)}
    data = lines[lines["term"].isin(order)].copy()
    data["seq"] = np.lexsort((np.arange(len(data)), data["era"].map(era_rank).fillna(len(era_rank)),
                              data["term"].map(order))).argsort()
    data["left"] = [_trim_left(t, context_chars) for t in data["left"]]
    data["right"] = [_trim_right(t, context_chars) for t in data["right"]]
    data["source"] = data["era"].map(labels).fillna(data["era"]) + " · " + data["doc_id"].astype(str)
    data = data[["term", "seq", "source", "left", "match", "right"]]
    y = alt.Y("line:Q", axis=None, scale=alt.Scale(domain=[0.5, max_lines + 0.5], reverse=True))
    # The search, when there is one, decides; otherwise the clicked term.
    base = alt.Chart(data).transform_filter(
        {"or": [{"and": ["term_search == ''", {"param": "term_pick", "empty": False}]}, found]}
    ).transform_window(line="row_number()", sort=[alt.SortField("seq")]
    ).transform_filter(f"datum.line <= {int(max_lines)}").encode(
        y=y, tooltip=[alt.Tooltip("term:N", title="Term"), alt.Tooltip("source:N", title="Era · article")])
    font = {"fontSize": LABEL_FONT, "baseline": "middle"}
    source = base.mark_text(align="left", color="#666666", limit=140, **font).encode(
        x=alt.value(0), text="source:N")
    left = base.mark_text(align="right", limit=330, **font).encode(x=alt.value(480), text="left:N")
    match = base.mark_text(align="center", fontWeight="bold", limit=120, **font).encode(
        x=alt.value(545), text="match:N").properties(name="kwic_match")
    right = base.mark_text(align="left", limit=330, **font).encode(x=alt.value(610), text="right:N")
    return alt.layer(source, left, match, right).properties(
        width=940, height=18 * max_lines,
        title=alt.Title("In context", subtitle=[
            "Click a term above, or type in the search box below, to see it in its sentences here "
            "(double-click the scatter to clear the click).",
            f"A few lines per term and era, from different articles; up to {max_lines} lines shown."]))


def distinctive_bars(distinctive: pd.DataFrame, eras: pd.DataFrame, era_a: str, era_b: str,
                     n: int = 15) -> alt.Chart:
    """The ``n`` most distinctive terms of each era as diverging horizontal bars of
    log-odds z (right: ``era_a``, left: ``era_b``), coloured by era, with counts in the
    tooltip. ``distinctive``: a :func:`~borderlines.terms.distinctive_terms` table."""
    labels = _labels(eras)
    title = f"The most distinctive terms: {labels.get(era_a, era_a)} against {labels.get(era_b, era_b)}"
    data = pd.concat([top_distinctive(distinctive, era_a, n), top_distinctive(distinctive, era_b, n)],
                     ignore_index=True)
    if data.empty:
        return _message("No term to show: no term reaches the minimum count in these eras.", title)
    data["era_label"] = data["favours"].map(labels).fillna(data["favours"])
    data["counts"] = (data["count_a"].map("{:,}".format) + " vs " + data["count_b"].map("{:,}".format))
    keys = [era_a, era_b]
    return alt.Chart(data).mark_bar().encode(
        x=alt.X("z:Q", title=f"log-odds z (positive: {labels.get(era_a, era_a)}; "
                             f"negative: {labels.get(era_b, era_b)})"),
        y=alt.Y("term:N", sort=alt.EncodingSortField("z", order="descending"), title=None),
        color=alt.Color("era_label:N", title="Favours",
                        scale=era_scale(keys=keys, labels={k: labels.get(k, k) for k in keys})),
        tooltip=[alt.Tooltip("term:N", title="Term"), alt.Tooltip("z:Q", title="z", format="+.2f"),
                 alt.Tooltip("counts:N", title=f"Occurrences ({labels.get(era_a, era_a)} vs "
                                               f"{labels.get(era_b, era_b)})"),
                 alt.Tooltip("docs_a:Q", title=f"{labels.get(era_a, era_a)}: articles"),
                 alt.Tooltip("docs_b:Q", title=f"{labels.get(era_b, era_b)}: articles"),
                 alt.Tooltip("g2:Q", title="G²", format=".2f")],
    ).properties(title=alt.Title(title, subtitle=f"Up to {n} terms per era, by |z|"),
                 width=420, height=alt.Step(16),
                 description=f"{title}: bars to the right are terms of {labels.get(era_a, era_a)}, to the left "
                             f"of {labels.get(era_b, era_b)} (the side tells the era, as well as the colour). "
                             + "; ".join(f"{lab}: " + ", ".join(rows["term"])
                                         for lab, rows in data.groupby("era_label", sort=False)) + ".")


def _dot_intervals(data: pd.DataFrame, category: str, order: list[str], eras: pd.DataFrame, keys: list[str],
                   title, x_title: str, fmt: str, extra_tooltip: list) -> alt.Chart:
    """Per category (rows) one point per era with its jackknife t interval as a bar; the
    legend names eras that have no interval and why. ``data`` has ESTIMATE_COLUMNS."""
    labels = _labels(eras)
    # An era's note goes in the legend when all its rows share it (else in the tooltip only).
    notes = data.groupby("era", sort=False)["note"].agg(lambda s: s.iloc[0] if s.nunique() == 1 else "").to_dict()
    legend = {k: labels.get(k, k) + (f" ({notes[k]})" if notes.get(k) else "") for k in keys}
    data = data.dropna(subset=["estimate"]).copy()
    data["era_label"] = data["era"].map(legend)
    data["interval"] = [n if n else f"{lo:{fmt}} – {hi:{fmt}}"
                        for n, lo, hi in zip(data["note"], data["ci_low"], data["ci_high"])]
    shown = [k for k in keys if k in set(data["era"])]
    scale = era_scale(keys=shown, labels=legend)
    base = alt.Chart(data).encode(
        y=alt.Y(f"{category}:N", sort=order, title=None, axis=alt.Axis(labelLimit=280)),
        yOffset=alt.YOffset("era_label:N", sort=[legend[k] for k in shown]),
        color=alt.Color("era_label:N", scale=scale, title="Era",
                        legend=alt.Legend(orient="bottom", direction="vertical", symbolOpacity=1, labelLimit=400)),
        tooltip=[alt.Tooltip(f"{category}:N", title=" "), alt.Tooltip("era_label:N", title="Era"),
                 alt.Tooltip("estimate:Q", title="Estimate", format=fmt),
                 alt.Tooltip("interval:N", title="95% interval"),
                 alt.Tooltip("n_articles:Q", title="Articles"), *extra_tooltip, *definition_tooltip(data)])
    rule = base.mark_rule(strokeWidth=3, opacity=0.5).encode(x="ci_low:Q", x2="ci_high:Q")
    point = base.mark_point(filled=True, size=70, opacity=1).encode(
        x=alt.X("estimate:Q", title=x_title, axis=alt.Axis(format=fmt), scale=alt.Scale(zero=False, padding=12)),
        shape=era_shape(keys=shown, labels=legend))      # the era by shape as well as colour, one legend
    text = title.text if isinstance(title, alt.Title) else str(title)
    listing = "; ".join(f"{era}: " + ", ".join(f"{c} {format(v, fmt)}" for c, v in zip(rows[category], rows["estimate"]))
                        for era, rows in data.groupby("era_label", sort=False))
    return alt.layer(rule, point).properties(
        title=title, width=460, height=alt.Step(12 if len(shown) > 1 else 18),
        description=f"{text}: each era's estimate (point, shaped and coloured by era) with its 95% interval. "
                    f"{listing}.")


def frame_share_intervals(shares: pd.DataFrame, eras: pd.DataFrame, keys: list[str] | None = None) -> alt.Chart:
    """Share of sentences with each frame per era, with 95% jackknife t intervals over
    articles; ``shares`` from :func:`~borderlines.compare.frames.frame_shares` (frames in its
    order), ``keys``: the eras to show (default: those in ``shares``)."""
    keys = list(keys) if keys is not None else list(dict.fromkeys(shares["era"]))
    title = alt.Title("Frames: share of sentences", subtitle=[
        "A sentence has a frame when a word or phrase of the frame's lexicon occurs in it; "
        "one sentence may have several.", "Bars: 95% jackknife t intervals over articles."])
    data = shares[shares["era"].isin(keys)]
    if data["estimate"].notna().sum() == 0:
        return _message("No sentences in these eras.", title.text)
    return _dot_intervals(data, "label", list(dict.fromkeys(data["label"])), eras, keys, title,
                          "Share of the era's sentences", ".0%",
                          [alt.Tooltip("n_framed:Q", title="Sentences with the frame", format=","),
                           alt.Tooltip("n_sentences:Q", title="Sentences", format=",")])


def tone_distribution(histogram: pd.DataFrame, by_era: pd.DataFrame, eras: pd.DataFrame) -> alt.VConcatChart:
    """Tone of sentences per era: the distribution of VADER compound scores as side by
    side bars (share of each era's sentences per bin; ``histogram`` from
    :func:`~borderlines.compare.tone.tone_histogram`), over the mean per era with its 95%
    jackknife t interval (``by_era`` from :func:`~borderlines.compare.tone.tone_by_era`)."""
    labels = _labels(eras)
    keys = [k for k in dict.fromkeys(histogram["era"]) if histogram.loc[histogram["era"] == k, "share"].notna().any()]
    if not keys:
        return _message("No sentences in these eras.", "Tone of sentences")
    data = histogram[histogram["era"].isin(keys)].copy()
    width = (data["bin_end"] - data["bin_start"]) / len(keys)
    slot = data["era"].map({k: i for i, k in enumerate(keys)})
    data["x0"] = data["bin_start"] + slot * width
    data["x1"] = data["x0"] + width
    data["era_label"] = data["era"].map(labels).fillna(data["era"])
    era_labels = {k: labels.get(k, k) for k in keys}
    scale = era_scale(keys=keys, labels=era_labels)
    dashes = [[1, 0], [4, 2], [1, 2], [6, 2, 1, 2]]
    # each era's bars also have their own outline pattern, so the era is not told by colour alone
    bars = alt.Chart(data).mark_rect(opacity=0.85, stroke="#222", strokeWidth=1).encode(
        strokeDash=alt.StrokeDash("era_label:N", title="Era", scale=alt.Scale(
            domain=list(era_labels.values()), range=[dashes[i % len(dashes)] for i in range(len(keys))])),
        x=alt.X("x0:Q", title="VADER compound score of the sentence (−1 negative … +1 positive)",
                scale=alt.Scale(domain=[-1, 1])),
        x2="x1:Q",
        y=alt.Y("share:Q", title="Share of the era's sentences", axis=alt.Axis(format=".0%")),
        color=alt.Color("era_label:N", scale=scale, title="Era"),
        tooltip=[alt.Tooltip("era_label:N", title="Era"),
                 alt.Tooltip("bin_start:Q", title="Score from", format="+.2f"),
                 alt.Tooltip("bin_end:Q", title="to", format="+.2f"),
                 alt.Tooltip("n_sentences:Q", title="Sentences", format=","),
                 alt.Tooltip("share:Q", title="Share", format=".1%")],
    ).properties(width=560, height=220, title=alt.Title(
        "Tone of sentences", subtitle="Distribution of VADER compound scores; "
                                     "|score| < 0.05 counts as neutral"))
    means = era_estimates(by_era[by_era["era"].isin(keys)], eras, title="Mean tone per era, with 95% "
                          "jackknife t intervals over articles", x_title="Mean VADER compound score", fmt="+.2f")
    shown = by_era[by_era["era"].isin(keys)].dropna(subset=["estimate"])
    return alt.vconcat(bars, means, spacing=28).resolve_scale(color="independent").properties(
        description="Tone of sentences: for each era (bars told apart by colour and outline pattern), the share "
                    "of its sentences in each band of VADER compound score, and below each era's mean tone "
                    "with its 95% interval; " + "; ".join(f"{labels.get(e, e)}: mean {v:+.2f}"
                                                        for e, v in zip(shown["era"], shown["estimate"])) + ".")


def tone_by_voice(voice: pd.DataFrame, eras: pd.DataFrame) -> alt.Chart:
    """Mean VADER compound of quoted sentences and of narration per era with 95%
    jackknife t intervals; ``voice`` from :func:`~borderlines.compare.tone.tone_quotes_vs_narration`."""
    title = alt.Title("Tone of quotes and narration", subtitle=[
        "Quoted: at least half of the sentence inside a direct quote or reproduced post.",
        "Bars: 95% jackknife t intervals over the era's articles that have such sentences."])
    if voice["estimate"].notna().sum() == 0:
        return _message("No quoted or narrated sentences in these eras.", title.text)
    data = voice.assign(voice_label=voice["voice"].map(VOICE_LABELS).fillna(voice["voice"]))
    keys = list(dict.fromkeys(voice["era"]))
    return _dot_intervals(data, "voice_label", list(VOICE_LABELS.values()), eras, keys, title,
                          "Mean VADER compound score", "+.2f",
                          [alt.Tooltip("n_sentences:Q", title="Sentences", format=",")])
