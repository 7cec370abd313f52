"""Altair charts, one theme, and an offline renderer.

Every chart function takes tidy tables from the analysis modules and returns an
``alt.Chart`` (or layered/concatenated chart) styled by the ``borderlines`` theme.

The renderer draws charts with the Vega libraries that ship inside
``vl-convert-python``: :func:`vega_bundle_html` puts the bundle in the page once (the
notebooks' setup cell does this), and each chart is a small ``<div>`` plus a script
calling ``vegaEmbed``. Nothing is fetched from a CDN, so charts draw in JupyterLab and
in exported HTML reports with no network.
"""

from __future__ import annotations

import hashlib
import html
import itertools
import json

import altair as alt
import pandas as pd

THEME = "borderlines"
RENDERER = "borderlines"
FONT = "Source Sans Pro, Helvetica Neue, Arial, sans-serif"

#: Colours for era keys (extra eras take the fallback palette in order).
ERA_COLORS = {"trump_1": "#b2182b", "biden": "#2166ac", "trump_2": "#ef8a62",
              "outside": "#999999", "undated": "#cccccc"}
FALLBACK_COLORS = ["#1b9e77", "#7570b3", "#e7298a", "#66a61e", "#e6ab02", "#a6761d"]

_counter = itertools.count()


@alt.theme.register(THEME, enable=False)
def borderlines_theme() -> alt.theme.ThemeConfig:
    """The suite's one chart style: quiet axes, readable type, no chart border."""
    return {
        "config": {
            "font": FONT,
            "view": {"stroke": None, "continuousWidth": 520, "continuousHeight": 300},
            "axis": {"labelFontSize": 12, "titleFontSize": 12, "titleFontWeight": "normal",
                     "gridColor": "#eeeeee", "domainColor": "#888888", "tickColor": "#888888"},
            "legend": {"labelFontSize": 12, "titleFontSize": 12, "titleFontWeight": "normal"},
            "title": {"fontSize": 15, "anchor": "start", "fontWeight": "bold",
                      "subtitleFontSize": 12, "subtitleColor": "#555555"},
            "header": {"labelFontSize": 12, "titleFontSize": 12},
            "range": {"category": FALLBACK_COLORS},
        }
    }


def era_scale(eras: pd.DataFrame | None = None, keys: list[str] | None = None,
              labels: dict[str, str] | None = None) -> alt.Scale:
    """Colour scale over era *labels*, in era order, with the suite's era colours.

    Pass the eras table (from :func:`~borderlines.eras.load_eras`) or explicit keys/labels."""
    if eras is not None:
        keys = list(eras["era"]) + ["outside"]
        labels = {**dict(zip(eras["era"], eras["label"])), "outside": "Outside every era"}
    keys = keys or list(ERA_COLORS)
    labels = labels or {k: k for k in keys}
    fallback = iter(FALLBACK_COLORS * 3)
    colors = [ERA_COLORS.get(k) or next(fallback) for k in keys]
    return alt.Scale(domain=[labels.get(k, k) for k in keys], range=colors)


def _safe_json(obj) -> str:
    """JSON that is safe inside an HTML <script> element (no '<', '>' or '&')."""
    return (json.dumps(obj, sort_keys=True, ensure_ascii=False)
            .replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def chart_html(spec: dict, embed_options: dict | None = None) -> str:
    """HTML for one chart: a div and a script that draws ``spec`` with the page's
    ``vegaEmbed`` (see :func:`vega_bundle_html`), as SVG."""
    payload = _safe_json(spec)
    digest = hashlib.sha1(payload.encode("utf-8")).hexdigest()[:10]
    div = f"bl-chart-{digest}-{next(_counter)}"
    options = _safe_json({"renderer": "svg", "actions": {"export": True, "source": False,
                                                          "compiled": False, "editor": False},
                          **(embed_options or {})})
    return f"""<div class="bl-chart" id="{div}"></div>
<script type="text/javascript">
(function () {{
  var target = "#{div}", spec = {payload}, opts = {options};
  function draw() {{
    window.vegaEmbed(target, spec, opts).catch(function (err) {{
      var el = document.querySelector(target);
      if (el) {{ el.textContent = "Chart failed to draw: " + err; }}
    }});
  }}
  if (window.vegaEmbed) {{ draw(); return; }}
  var tries = 0, timer = setInterval(function () {{
    if (window.vegaEmbed) {{ clearInterval(timer); draw(); }}
    else if (++tries > 200) {{
      clearInterval(timer);
      var el = document.querySelector(target);
      if (el) {{ el.textContent = "Chart not drawn: run borderlines.notebook.setup() first."; }}
    }}
  }}, 50);
}})();
</script>"""


def borderlines_renderer(spec: dict, **metadata) -> dict:
    """Altair renderer: an HTML mimebundle drawn with the inlined Vega bundle."""
    title = spec.get("title")
    if isinstance(title, dict):
        title = title.get("text")
    return {"text/html": chart_html(spec, metadata.get("embed_options")),
            "text/plain": f"<Chart: {html.escape(str(title or 'untitled'))}>"}


def vega_bundle_html() -> str:
    """A <script> holding the vega, vega-lite and vega-embed bundle from
    vl-convert-python (about 0.9 MB): put it once in a page before any chart."""
    import vl_convert as vlc
    from altair.utils._importers import vl_version_for_vl_convert

    bundle = vlc.javascript_bundle(vl_version=vl_version_for_vl_convert())
    return ('<script type="text/javascript" data-borderlines="vega-bundle">\n'
            f"// vega-embed bundle from vl-convert-python {vlc.__version__}\n{bundle}\n</script>")


alt.renderers.register(RENDERER, borderlines_renderer)


def enable() -> None:
    """Use the borderlines theme and offline renderer for every chart."""
    alt.theme.enable(THEME)
    alt.renderers.enable(RENDERER)


def to_svg(chart: alt.TopLevelMixin) -> str:
    """A static SVG of ``chart`` (vl-convert, offline), for papers and slides."""
    import vl_convert as vlc
    from altair.utils._importers import vl_version_for_vl_convert
    return vlc.vegalite_to_svg(chart.to_dict(), vl_version=vl_version_for_vl_convert())


# --------------------------------------------------------------------------- corpus charts


def article_timeline(corpus: pd.DataFrame, eras: pd.DataFrame, n_words: pd.Series | None = None) -> alt.LayerChart:
    """Each article as a point at its publication date (one row per outlet), coloured
    by era, over shaded era spans. ``corpus`` from ``load_corpus``; ``n_words`` an
    optional per-article word count aligned on ``doc_id`` for the tooltip and size."""
    data = corpus[["doc_id", "date", "era_label", "outlet", "title"]].copy()
    data["outlet"] = data["outlet"].replace("", "(unknown outlet)")
    if n_words is not None:
        data["words"] = data["doc_id"].map(n_words).fillna(0).astype(int)
    lo = min(data["date"].min(), eras["start"].min()) if len(data) else eras["start"].min()
    hi = max(data["date"].max(), lo) if len(data) else lo
    spans = eras.assign(end=eras["end"].fillna(hi + pd.Timedelta(days=90)))
    spans = spans[(spans["end"] >= data["date"].min() - pd.Timedelta(days=180)) &
                  (spans["start"] <= data["date"].max() + pd.Timedelta(days=180))] if len(data) else spans
    scale = era_scale(eras)
    band = alt.Chart(spans).mark_rect(opacity=0.08).encode(
        x="start:T", x2="end:T", color=alt.Color("label:N", scale=scale, legend=None))
    band_text = alt.Chart(spans).mark_text(align="left", dx=4, dy=-6, baseline="bottom", color="#555").encode(
        x="start:T", text="label:N", y=alt.value(0))
    tooltip = ["doc_id:N", "title:N", "outlet:N", alt.Tooltip("date:T", format="%Y-%m-%d"), "era_label:N"]
    size = alt.value(120)
    if "words" in data:
        tooltip.append(alt.Tooltip("words:Q", format=","))
        size = alt.Size("words:Q", title="Words", scale=alt.Scale(range=[60, 400]))
    points = alt.Chart(data).mark_circle(opacity=0.85, stroke="white", strokeWidth=1).encode(
        x=alt.X("date:T", title="Publication date"),
        y=alt.Y("outlet:N", title=None),
        color=alt.Color("era_label:N", scale=scale, title="Era"),
        size=size, tooltip=tooltip)
    return alt.layer(band, band_text, points).properties(
        title=alt.Title("Articles over time", subtitle="Each point is an article; shaded spans are eras"),
        width=560, height=max(120, 40 * data["outlet"].nunique()))


def words_per_article(stats: pd.DataFrame, corpus: pd.DataFrame, eras: pd.DataFrame) -> alt.Chart:
    """Horizontal bars: words per article, coloured by era, labelled by outlet and date."""
    data = stats.merge(corpus[["doc_id", "outlet", "date", "era_label", "title"]], on="doc_id")
    data["article"] = (data["doc_id"] + " · " + data["outlet"].replace("", "(unknown)") + " · "
                       + data["date"].dt.strftime("%Y-%m-%d"))
    return alt.Chart(data).mark_bar().encode(
        x=alt.X("n_words:Q", title="Words"),
        y=alt.Y("article:N", sort="-x", title=None),
        color=alt.Color("era_label:N", scale=era_scale(eras), title="Era"),
        tooltip=["doc_id:N", "title:N", "outlet:N", alt.Tooltip("n_words:Q", format=","),
                 alt.Tooltip("n_sentences:Q", title="sentences"),
                 alt.Tooltip("mattr:Q", format=".3f", title="MATTR")],
    ).properties(title="Words per article", width=480)


def era_estimates(estimates: pd.DataFrame, eras: pd.DataFrame, title: str, x_title: str,
                  facet: str | None = None, fmt: str = ",.1f") -> alt.Chart:
    """Per-era estimates with bootstrap intervals: a point per era, a bar for the
    interval, and the note ("one article: no interval") written beside eras without one.
    ``estimates`` has :data:`~borderlines.uncertainty.ESTIMATE_COLUMNS` (plus ``facet``)."""
    labels = {**dict(zip(eras["era"], eras["label"])), "outside": "Outside every era"}
    data = estimates.dropna(subset=["estimate"]).copy()
    data["era_label"] = data["era"].map(labels).fillna(data["era"])
    data["interval"] = data.apply(
        lambda r: r["note"] if r["note"] else f"{r['ci_low']:{fmt}} – {r['ci_high']:{fmt}}", axis=1)
    base = alt.Chart(data).encode(
        y=alt.Y("era_label:N", title=None, sort=[labels.get(k, k) for k in eras["era"]]),
        color=alt.Color("era_label:N", scale=era_scale(eras), legend=None))
    tooltip = ["era_label:N", alt.Tooltip("estimate:Q", format=fmt), "interval:N",
               alt.Tooltip("n_articles:Q", title="articles")]
    rule = base.mark_rule(strokeWidth=3, opacity=0.6).encode(x="ci_low:Q", x2="ci_high:Q", tooltip=tooltip)
    point = base.mark_point(filled=True, size=90).encode(x=alt.X("estimate:Q", title=x_title), tooltip=tooltip)
    note = base.mark_text(align="left", dx=8, fontStyle="italic", color="#666").encode(
        x="estimate:Q", text="note:N")
    chart = alt.layer(rule, point, note)
    if facet:
        return chart.properties(width=420, height=70).facet(
            row=alt.Row(f"{facet}:N", title=None, header=alt.Header(labelAngle=0, labelAlign="left")),
        ).resolve_scale(x="independent").properties(title=title)
    return chart.properties(title=title, width=420, height=40 * max(1, data["era_label"].nunique()))


def cleaning_removals(log: pd.DataFrame) -> alt.Chart:
    """Characters cut per article, stacked by cleaning rule (marks and whitespace
    normalization excluded), so a reader sees what cleaning did to each article."""
    cut = log[log["action"].isin(["remove", "metadata"])].assign(characters=lambda d: d["end"] - d["start"])
    data = cut.groupby(["doc_id", "rule"], as_index=False)["characters"].sum()
    return alt.Chart(data).mark_bar().encode(
        x=alt.X("characters:Q", title="Characters removed"),
        y=alt.Y("doc_id:N", title="Article"),
        color=alt.Color("rule:N", title="Rule"),
        tooltip=["doc_id:N", "rule:N", alt.Tooltip("characters:Q", format=",")],
    ).properties(title="What cleaning removed", width=420)
