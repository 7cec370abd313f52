"""Charts of cited figures: the timeline (one mark per figure, or counts when large) and
the measure shares per era."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from borderlines import charts
from borderlines.charts.figures import MAX_TIMELINE_POINTS, TOOLTIP_SENTENCE_CHARS, timeline_data
from borderlines.eras import load_eras
from borderlines.compare.figures import figures_with_articles, measure_counts
from borderlines.cited_figures import extract_figures
from borderlines.uncertainty import era_shares
from conftest import make_corpus


@pytest.fixture(scope="module")
def placed(bundled_corpus):
    return figures_with_articles(extract_figures(bundled_corpus), bundled_corpus)


@pytest.fixture(scope="module")
def eras():
    return load_eras()


def many(placed: pd.DataFrame, copies: int) -> pd.DataFrame:
    """``placed`` repeated ``copies`` times as distinct articles (a large corpus)."""
    return pd.concat([placed.assign(doc_id=placed["doc_id"] + f"-{i}") for i in range(copies)],
                     ignore_index=True)


def layer_data(spec: dict) -> list[list[dict]]:
    """The inline data sets of a (layered) chart spec."""
    return list(spec.get("datasets", {}).values())


def tooltip_titles(spec: dict) -> set[str]:
    titles = set()
    for layer in spec.get("layer", [spec]):
        for tip in layer.get("encoding", {}).get("tooltip", []):
            titles.add(tip.get("title", tip.get("field")))
    return titles


def test_measure_label():
    assert charts.measure_label("asylum_seekers") == "asylum seekers"
    assert charts.measure_label("") == "(not said)"


def test_timeline_data_one_row_per_dated_figure(placed):
    data, aggregated = timeline_data(placed)
    dated = placed[placed["period"] != ""]
    assert not aggregated and len(data) == len(dated)
    row = data[data["surface"] == "66,450"].iloc[0]
    assert (row.period_start, row.period_mid) == (pd.Timestamp("2019-02-01"), pd.Timestamp("2019-02-15"))
    assert not row.is_range and row.value == "66,450" and row.article_date == "2019-03-28"
    change = data[data["period"] == "2019-05..2019-08"].iloc[0]
    assert change.is_range and change.period_end_excl == pd.Timestamp("2019-09-01")
    assert data["sentence"].str.len().max() <= TOOLTIP_SENTENCE_CHARS
    assert "(no source given)" in data["attributed_to"].tolist()
    assert set(data["measure"]) == {charts.measure_label(m) for m in dated["measure"]}


def test_timeline_data_aggregates_a_large_corpus(placed):
    big = many(placed, MAX_TIMELINE_POINTS // int((placed["period"] != "").sum()) + 1)
    data, aggregated = timeline_data(big)
    assert aggregated and len(data) < MAX_TIMELINE_POINTS
    assert data["n_figures"].sum() == int((big["period"] != "").sum())
    assert {"sentence", "surface"}.isdisjoint(data.columns)
    first = data.iloc[0]
    assert first.n_figures == data["n_figures"].max() and first.n_articles <= first.n_figures


def test_timeline_data_keeps_the_most_cited_groups_when_capped(placed):
    data, aggregated = timeline_data(many(placed, 3), max_points=5)
    assert aggregated and len(data) == 5
    assert data["n_figures"].is_monotonic_decreasing


def test_timeline_chart_points_with_tooltips(placed, eras):
    spec = charts.figure_timeline(placed, eras).to_dict()
    titles = tooltip_titles(spec)
    assert {"Figure as written", "Value", "Qualifier", "Attributed to", "Outlet", "Article date",
            "Source sentence", "Period described"} <= titles
    rows = max(layer_data(spec), key=len)
    assert len(rows) == int((placed["period"] != "").sum())
    color = next(l["encoding"]["color"] for l in spec["layer"]
                 if l.get("encoding", {}).get("color", {}).get("field") == "era_label")
    assert color["scale"]["domain"] == ["Trump (first term)", "Biden"]
    assert color["scale"]["range"] == [charts.ERA_COLORS["trump_1"], charts.ERA_COLORS["biden"]]
    svg = charts.to_svg(charts.figure_timeline(placed, eras))
    assert svg.startswith("<svg") and "migrants" in svg and "Jan 2019" in svg


def test_timeline_chart_counts_for_a_large_corpus(placed, eras):
    big = many(placed, 120)
    spec = charts.figure_timeline(big, eras).to_dict()
    assert "Figures" in tooltip_titles(spec) and "Source sentence" not in tooltip_titles(spec)
    assert max(len(d) for d in layer_data(spec)) < MAX_TIMELINE_POINTS
    assert "Too many figures" in json.dumps(spec["title"])
    assert charts.to_svg(charts.figure_timeline(big, eras)).startswith("<svg")


def test_timeline_without_dated_figures_says_so(placed, eras):
    spec = charts.figure_timeline(placed[placed["period"] == ""], eras).to_dict()
    assert "No figure names a period" in json.dumps(spec)
    assert charts.to_svg(charts.figure_timeline(placed.iloc[0:0], eras)).startswith("<svg")


def test_timeline_keeps_corpus_html_as_data(eras):
    hostile = "<script>window.__pwned = 1</script>"
    corpus = make_corpus([{"doc_id": "h", "text": f"Arrests rose to 66,450 in February, {hostile} said.",
                           "outlet": f"Outlet {hostile}"}])
    placed = figures_with_articles(extract_figures(corpus), corpus)
    bundle = charts.borderlines_renderer(charts.figure_timeline(placed, eras).to_dict())
    assert hostile not in bundle["text/html"] and "\\u003cscript\\u003e" in bundle["text/html"]


def test_measure_shares_chart(placed, bundled_corpus, eras):
    shares = era_shares(measure_counts(placed, bundled_corpus), "measure", count="n", seed=1,
                        eras=["trump_1", "biden"])
    spec = charts.measure_shares(shares, eras).to_dict()
    rows = max(layer_data(spec), key=len)
    assert len(rows) == len(shares) and max(r["estimate"] for r in rows) <= 100
    assert {"Share of the era's statistics (%)", "95% interval (%)"} <= tooltip_titles(spec)
    biden = [r for r in rows if r["era"] == "biden"]
    assert all(r["interval"] == "one article: no interval" for r in biden)
    assert charts.to_svg(charts.measure_shares(shares, eras)).startswith("<svg")
    empty = charts.measure_shares(shares.iloc[0:0], eras).to_dict()
    assert "No era has migration statistics" in json.dumps(empty)


def test_figure_charts_tell_the_era_by_shape_and_describe_themselves():
    eras = pd.DataFrame({"era": ["x", "y"], "label": ["Era X", "Era Y"],
                         "start": pd.to_datetime(["2019-01-01", "2021-01-01"]),
                         "end": pd.to_datetime(["2020-12-31", "2022-12-31"])})
    shares = pd.DataFrame({"era": ["x", "x", "y", "y"], "measure": ["arrests", "troops"] * 2, "count": [3, 1, 2, 2],
                           "n_articles": [3, 3, 1, 1], "estimate": [0.75, 0.25, 0.5, 0.5],
                           "ci_low": [0.5, 0.1, np.nan, np.nan], "ci_high": [0.9, 0.5, np.nan, np.nan],
                           "note": ["", "", "one article: no interval", "one article: no interval"]})
    spec = charts.measure_shares(shares, eras).to_dict()
    shape = spec["layer"][1]["encoding"]["shape"]
    assert shape["field"] == "era_label" and shape["scale"]["domain"] == ["Era X", "Era Y"]
    assert shape["scale"]["range"] == charts.ERA_SHAPES[:2]
    assert "Era X: arrests 75%, troops 25%" in charts.chart_description(spec)
