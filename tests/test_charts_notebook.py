"""Chart functions, the offline renderer and safe notebook output."""

from __future__ import annotations

import altair as alt
import pandas as pd

from borderlines import charts
from borderlines.cleaning import cleaning_log
from borderlines.eras import load_eras
from borderlines.notebook import findings
from borderlines.report import save_tables
from borderlines.compare.text import era_stats
from borderlines.textstats import article_stats


def test_renderer_escapes_script_in_data_and_uses_no_cdn():
    chart = alt.Chart(pd.DataFrame({"t": ["</script><script>alert(1)</script>"], "v": [1]})).mark_bar().encode(
        x="v", y="t")
    bundle = charts.borderlines_renderer(chart.to_dict())
    html = bundle["text/html"]
    assert "</script><script>alert" not in html and "\\u003c/script\\u003e" in html
    assert "cdn" not in html and "vegaEmbed" in html


def test_theme_applies():
    charts.enable()
    spec = alt.Chart(pd.DataFrame({"a": [1]})).mark_point().encode(x="a").to_dict()
    assert spec["config"]["font"] == charts.FONT


def test_era_scale_order_and_colors():
    scale = charts.era_scale(load_eras()).to_dict()
    assert scale["domain"][:2] == ["Trump (first term)", "Biden"]
    assert scale["range"][:2] == [charts.ERA_COLORS["trump_1"], charts.ERA_COLORS["biden"]]


def test_corpus_charts_build(bundled_corpus):
    eras = load_eras()
    stats = article_stats(bundled_corpus)
    for chart in (charts.article_timeline(bundled_corpus, eras, stats.set_index("doc_id")["n_words"]),
                  charts.words_per_article(stats, bundled_corpus, eras),
                  charts.era_estimates(era_stats(stats, eras), eras, "t", "x", facet="measure"),
                  charts.cleaning_removals(cleaning_log(bundled_corpus))):
        spec = chart.to_dict()
        assert "$schema" in spec
    svg = charts.to_svg(charts.words_per_article(stats, bundled_corpus, eras))
    assert svg.startswith("<svg") and "KJZZ" in svg


def test_findings_escape_values_but_keep_formatting():
    md = findings("**{n:,}** articles from {outlet}", n=1234, outlet="<script>x</script>")
    assert md.data == "**1,234** articles from &lt;script&gt;x&lt;/script&gt;"


def test_save_tables_is_a_no_op_without_output_dir(tmp_path):
    assert save_tables(None, t=pd.DataFrame({"a": [1]})) == []
    written = save_tables(tmp_path, t=pd.DataFrame({"a": [1]}))
    assert sorted(p.name for p in written) == ["t.csv", "t.parquet"]


def test_corpus_charts_aggregate_large_corpora():
    from borderlines.corpus import corpus_from_records
    rows = [{"id": f"a{i:04d}", "date": f"20{18 + i % 6}-{1 + i % 12:02d}-15", "outlet": f"O{i % 3}",
             "text": "Word " * (20 + i % 50)} for i in range(400)]
    big = corpus_from_records(rows)
    eras = load_eras()
    timeline = charts.article_timeline(big, eras).to_dict()
    rows_plotted = sum(len(v) for v in timeline["datasets"].values())
    assert rows_plotted < 300 and "each point is an outlet's articles in a month" in str(timeline)
    stats = pd.DataFrame({"doc_id": big["doc_id"], "era": big["era"], "n_words": range(400),
                          "n_sentences": 1, "mattr": 0.5})
    bars = charts.words_per_article(stats, big, eras).to_dict()
    assert sum(len(v) for v in bars["datasets"].values()) <= 80
    small = charts.article_timeline(big.head(5), eras).to_dict()
    assert "Each point is an article" in str(small)


def test_setup_works_from_the_project_folder(tmp_path, monkeypatch):
    # a relative path in a parameters cell then means what it means to `borderlines build`
    from pathlib import Path

    from borderlines.build import resolve_paths
    from borderlines.notebook import setup
    from borderlines.paths import project_root
    monkeypatch.chdir(tmp_path)
    setup(interactive_tables=False)
    assert Path.cwd() == project_root()
    assert Path("data/eras.csv").resolve() == Path(resolve_paths({"eras_path": "data/eras.csv"})["eras_path"])
