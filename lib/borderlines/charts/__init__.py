"""Altair charts, one theme, and an offline renderer.

Every chart function takes tidy tables from the analysis modules and returns an
``alt.Chart`` (or layered/concatenated chart) styled by the ``borderlines`` theme.
The functions live in one module per topic (``charts.corpus``, ``charts.quotes``,
``charts.figures``, ``charts.language``, ``charts.validation``) and are all importable
from ``charts``.

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
import os
from functools import lru_cache
from pathlib import Path

import altair as alt
import pandas as pd
import platformdirs

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
              labels: dict[str, str] | None = None, present=None) -> alt.Scale:
    """Colour scale over era *labels*, in era order, with the suite's era colours.

    Pass the eras table (from :func:`~borderlines.eras.load_eras`; articles outside
    every era and undated ones follow it) or explicit keys/labels. ``present`` (era
    labels or keys found in the chart's data) keeps only those eras, so a legend never
    lists an era without articles; each era keeps its own colour."""
    if eras is not None:
        from ..eras import OUTSIDE, UNDATED, era_labels
        keys = list(eras["era"]) + [k for k in (OUTSIDE, UNDATED) if k not in set(eras["era"])]
        labels = era_labels(eras)
    keys = keys or list(ERA_COLORS)
    labels = labels or {k: k for k in keys}
    fallback = iter(FALLBACK_COLORS * 3)
    colors = [ERA_COLORS.get(k) or next(fallback) for k in keys]
    domain = [labels.get(k, k) for k in keys]
    if present is not None:
        seen = set(present)
        pairs = [(d, c) for k, d, c in zip(keys, domain, colors) if k in seen or d in seen]
        return alt.Scale(domain=[d for d, _ in pairs], range=[c for _, c in pairs])
    return alt.Scale(domain=domain, range=colors)


def definition_tooltip(data: pd.DataFrame) -> list[alt.Tooltip]:
    """The tooltip line showing a measure's definition (:mod:`borderlines.measures`) when
    ``data`` has a ``definition`` column, else nothing: the definition travels with the
    number."""
    return [alt.Tooltip("definition:N", title="Definition")] if "definition" in data.columns else []


#: Point shapes for eras, in era order: an era is told by shape as well as colour.
ERA_SHAPES = ["circle", "square", "triangle-up", "diamond", "cross", "triangle-down", "wedge"]


def era_shape(eras: pd.DataFrame | None = None, keys: list[str] | None = None,
              labels: dict[str, str] | None = None, present=None, field: str = "era_label",
              title: str = "Era") -> alt.Shape:
    """Shape by era over the same eras as :func:`era_scale` (same arguments), each era
    keeping its shape whatever the chart shows; with the colour's ``field`` and
    ``title`` the two share one legend, so no era is told by colour alone."""
    full = era_scale(eras, keys, labels)
    shapes = dict(zip(full.domain, itertools.cycle(ERA_SHAPES)))
    domain = era_scale(eras, keys, labels, present=present).domain if present is not None else full.domain
    return alt.Shape(f"{field}:N", title=title, scale=alt.Scale(domain=domain, range=[shapes[d] for d in domain]))


def _safe_json(obj) -> str:
    """JSON that is safe inside an HTML <script> element (no '<', '>' or '&')."""
    return (json.dumps(obj, sort_keys=True, ensure_ascii=False)
            .replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def chart_html(spec: dict, embed_options: dict | None = None) -> str:
    """HTML for one chart: a div and a script that draws ``spec`` with the page's
    ``vegaEmbed`` (see :func:`vega_bundle_html`), as SVG. Once Vega has run, the div's
    ``data-bl-chart`` attribute says ``drawn`` (or ``failed``, with the reason as its
    text), so a page's scripts or tests can tell a chart that is still drawing."""
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
  function settle(state, text) {{
    var el = document.querySelector(target);
    if (!el) {{ return; }}
    if (text) {{ el.textContent = text; }}
    el.setAttribute("data-bl-chart", state);
  }}
  function draw() {{
    // vegaEmbed resolves once the view has run and rendered
    window.vegaEmbed(target, spec, opts).then(function () {{ settle("drawn"); }}, function (err) {{
      settle("failed", "Chart failed to draw: " + err);
    }});
  }}
  if (window.vegaEmbed) {{ draw(); return; }}
  var tries = 0, timer = setInterval(function () {{
    if (window.vegaEmbed) {{ clearInterval(timer); draw(); }}
    else if (++tries > 200) {{
      clearInterval(timer);
      settle("failed", "Chart not drawn: run borderlines.notebook.setup() first.");
    }}
  }}, 50);
}})();
</script>"""


def _text(value) -> str:
    if isinstance(value, dict):
        value = value.get("text", "")
    if isinstance(value, (list, tuple)):
        value = " ".join(map(str, value))
    return str(value or "").strip()


def chart_description(spec: dict) -> str:
    """A text alternative for a chart: its ``description`` if it has one, else what its
    title, subtitle and axes say (``"Words per article. x: Words; y: article; colour: Era"``)."""
    if spec.get("description"):
        return _text(spec["description"])
    title = spec.get("title")
    parts = [_text(title), _text(title.get("subtitle")) if isinstance(title, dict) else ""]
    channels = []

    def walk(node):
        if isinstance(node, dict):
            for name in ("x", "y", "color", "size", "shape"):
                enc = (node.get("encoding") or {}).get(name)
                if isinstance(enc, dict) and (enc.get("title") or enc.get("field")):
                    label = {"color": "colour"}.get(name, name)
                    text = f"{label}: {_text(enc.get('title')) or enc.get('field')}"
                    if text not in channels:
                        channels.append(text)
            for key in ("layer", "hconcat", "vconcat", "concat"):
                for child in node.get(key, []):
                    walk(child)
            if "spec" in node:
                walk(node["spec"])
            if not parts[0] and node.get("title"):
                parts[0] = _text(node["title"])
    walk(spec)
    text = ". ".join(p for p in parts if p) or "Chart"
    return text + (". " + "; ".join(channels) if channels else "") + "."


def borderlines_renderer(spec: dict, **metadata) -> dict:
    """Altair renderer: an HTML mimebundle drawn with the inlined Vega bundle. Every
    chart gets a text alternative (:func:`chart_description`), read by screen readers
    from the drawn SVG's ``aria-label``."""
    spec = {**spec, "description": chart_description(spec)}
    title = spec.get("title")
    if isinstance(title, dict):
        title = title.get("text")
    return {"text/html": chart_html(spec, metadata.get("embed_options")),
            "text/plain": f"<Chart: {html.escape(str(title or 'untitled'))}>"}


def vega_bundle_js() -> str:
    """The vega, vega-lite and vega-embed JavaScript bundle from vl-convert-python.

    vl-convert builds it in about 3 s, which every notebook kernel would pay, so it is
    kept in the user's cache folder (``BORDERLINES_CACHE`` or the platform's cache dir),
    keyed by the vl-convert and Vega-Lite versions; a read-only cache just means
    building it each time."""
    return _bundle_js()


@lru_cache(maxsize=1)
def _bundle_js() -> str:
    import vl_convert as vlc
    from altair.utils._importers import vl_version_for_vl_convert

    from ..files import write_text_atomic

    vl_version = vl_version_for_vl_convert()
    cache = Path(os.environ.get("BORDERLINES_CACHE") or platformdirs.user_cache_dir("borderlines"))
    path = cache / f"vega-embed-bundle-vlconvert{vlc.__version__}-vl{vl_version}.js"
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        pass
    bundle = vlc.javascript_bundle(vl_version=vl_version)
    try:
        write_text_atomic(path, bundle)
    except OSError:
        pass
    return bundle


def vega_bundle_html() -> str:
    """A <script> holding the Vega bundle (:func:`vega_bundle_js`, about 0.9 MB): put it
    once in a page before any chart. A study's report pages refer to one shared copy
    instead (:func:`borderlines.report.with_shared_scripts`)."""
    import vl_convert as vlc
    return ('<script type="text/javascript" data-borderlines="vega-bundle">\n'
            f"// vega-embed bundle from vl-convert-python {vlc.__version__}\n{vega_bundle_js()}\n</script>")


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


# Topic chart functions, importable from here; each topic module (and what it imports,
# e.g. the terms module for language charts) loads only when one of its functions is used.
_TOPICS = {
    "compare": ("all_eras", "difference_intervals"),
    "corpus": ("article_timeline", "articles_per_month", "cleaning_removals", "era_estimates", "words_per_article"),
    "figures": ("figure_timeline", "measure_label", "measure_shares", "timeline_data"),
    "language": ("distinctive_bars", "frame_share_intervals", "term_scatter", "tone_by_voice",
                 "tone_distribution"),
    "quotes": ("no_data", "share_data", "speaker_counts", "voice_mix", "voice_shares"),
    "validation": ("extractor_accuracy",),
}
_WHERE = {name: topic for topic, names in _TOPICS.items() for name in names}


def __getattr__(name: str):
    if name in _WHERE:
        import importlib
        return getattr(importlib.import_module(f"{__name__}.{_WHERE[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__():
    return sorted(list(globals()) + list(_WHERE))
