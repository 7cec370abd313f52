"""Charts about quotes and voices (borderlines.charts.quotes)."""

from __future__ import annotations

import pandas as pd
import pytest

from borderlines import charts
from borderlines.charts.quotes import AGGREGATE_COLOR, VOICE_COLORS, share_data
from borderlines.eras import load_eras
from borderlines.compare.quotes import (VOICE_GROUPS, included_quotes, quotes_with_articles, top_speakers,
                                        voice_counts_per_article)
from borderlines.quotes import extract_quotes
from borderlines.uncertainty import era_shares

OWN_WORDS = ["direct", "partial", "embedded"]
COMPARED = ["trump_1", "biden"]


@pytest.fixture(scope="module")
def eras() -> pd.DataFrame:
    return load_eras()


@pytest.fixture(scope="module")
def quotes(bundled_corpus) -> pd.DataFrame:
    return extract_quotes(bundled_corpus)


@pytest.fixture(scope="module")
def voice_shares(bundled_corpus, quotes) -> pd.DataFrame:
    counts = voice_counts_per_article(quotes, bundled_corpus, kinds=OWN_WORDS)
    return era_shares(counts, "voice_group", seed=1, eras=COMPARED)


@pytest.fixture(scope="module")
def top(bundled_corpus, quotes) -> pd.DataFrame:
    return top_speakers(included_quotes(quotes_with_articles(quotes, bundled_corpus), OWN_WORDS), COMPARED, n=5)


def rows_of(chart) -> list[dict]:
    """Every data row a chart embeds (inline datasets of its spec)."""
    return [row for rows in chart.to_dict()["datasets"].values() for row in rows]


def tooltip_titles(spec) -> set[str]:
    found = set()
    if isinstance(spec, dict):
        for key, value in spec.items():
            if key == "tooltip" and isinstance(value, list):
                found |= {t.get("title") for t in value if isinstance(t, dict)}
            else:
                found |= tooltip_titles(value)
    elif isinstance(spec, list):
        for item in spec:
            found |= tooltip_titles(item)
    return found


def test_share_data_labels_eras_and_formats_intervals(voice_shares, eras):
    data = share_data(voice_shares, eras, "voice_group")
    assert set(data["era_label"]) == {"Trump (first term)", "Biden"}
    assert data["percent"].tolist() == pytest.approx((100 * data["estimate"]).tolist())
    biden = data[data["era"] == "biden"]
    assert set(biden["interval"]) == {"one article: no interval"}
    trump = data[(data["era"] == "trump_1") & (data["voice_group"] == "US government")].iloc[0]
    assert trump["interval"] == f"{100 * trump['ci_low']:.1f}% – {100 * trump['ci_high']:.1f}%"


def test_voice_mix_stacks_each_eras_shares(voice_shares, eras):
    chart = charts.voice_mix(voice_shares, eras)
    spec = chart.to_dict()
    rows = rows_of(chart)
    assert len(rows) == len(VOICE_GROUPS) * 2
    for era in ("trump_1", "biden"):
        assert sum(r["percent"] for r in rows if r["era"] == era) == pytest.approx(100)
    color = spec["layer"][0]["encoding"]["color"]
    assert color["scale"]["domain"] == list(VOICE_GROUPS)
    assert color["scale"]["range"] == [VOICE_COLORS[g] for g in VOICE_GROUPS]
    assert {"Era", "Voice", "Share (%)", "95% interval", "Quotes"} <= tooltip_titles(spec)
    # wide segments are labelled with their voice, so the voice is not told by colour alone
    labelled = [r for r in rows if r["segment"]]
    assert labelled and all(r["segment"].startswith(r["voice_group"]) and r["percent"] >= 12 for r in labelled)
    assert spec["layer"][1]["encoding"]["text"]["field"] == "segment"
    assert spec["description"].startswith("Who speaks in each era: one bar per era")


def test_voice_shares_draw_intervals_in_era_colours(voice_shares, eras):
    chart = charts.voice_shares(voice_shares, eras, title="t")
    spec = chart.to_dict()
    assert len(rows_of(chart)) == len(VOICE_GROUPS) * 2
    color = spec["layer"][1]["encoding"]["color"]
    assert color["scale"]["domain"] == ["Trump (first term)", "Biden"]  # only the eras shown
    assert color["scale"]["range"] == [charts.ERA_COLORS["trump_1"], charts.ERA_COLORS["biden"]]
    assert "Biden (one article: no interval)" in spec["title"]["subtitle"][1]
    assert {"Era", "Share (%)", "95% interval", "Articles in era"} <= tooltip_titles(spec)
    shape = spec["layer"][1]["encoding"]["shape"]      # the era by shape as well as colour, one legend
    assert shape["field"] == "era_label" and shape["title"] == "Era"
    assert shape["scale"]["domain"] == color["scale"]["domain"] and len(set(shape["scale"]["range"])) == 2
    assert "shaped and coloured by era" in spec["description"]


def test_voice_shares_by_country(bundled_corpus, quotes, eras):
    counts = voice_counts_per_article(quotes, bundled_corpus, "country", kinds=OWN_WORDS)
    shares = era_shares(counts, "country", eras=COMPARED)
    chart = charts.voice_shares(shares, eras, category="country", category_title="Country")
    assert {r["country"] for r in rows_of(chart)} == set(counts["country"])
    assert "Country" in tooltip_titles(chart.to_dict())


def test_speaker_counts_one_panel_per_era_and_grey_aggregates(top, eras):
    chart = charts.speaker_counts(top, eras)
    spec = chart.to_dict()
    assert len(rows_of(chart)) == len(top)
    assert spec["facet"]["row"]["field"] == "era_label" and spec["resolve"]["scale"]["y"] == "independent"
    color = spec["spec"]["encoding"]["color"]
    assert color["condition"] == {"test": "datum.aggregate", "value": AGGREGATE_COLOR}
    assert color["field"] == "era_label"
    assert {"Speaker", "Role", "Quotes", "Share of era (%)"} <= tooltip_titles(spec)
    svg = charts.to_svg(chart)
    assert svg.startswith("<svg") and "Donald Trump" in svg


def test_charts_with_nothing_to_draw_say_so(voice_shares, top, eras):
    for chart in (charts.voice_mix(voice_shares.head(0), eras),
                  charts.voice_shares(voice_shares.assign(estimate=float("nan")), eras),
                  charts.speaker_counts(top.head(0), eras)):
        rows = rows_of(chart)
        assert rows == [{"message": "No quotes in the compared eras."}]
        assert chart.to_dict()["mark"]["type"] == "text"


def test_an_era_with_one_quote_and_no_interval_still_draws(eras):
    shares = pd.DataFrame({"era": ["biden", "biden"], "voice_group": ["US government", "Mexican government"],
                           "count": [1, 0], "n_articles": [1, 1], "estimate": [1.0, 0.0],
                           "ci_low": [float("nan")] * 2, "ci_high": [float("nan")] * 2,
                           "note": ["one article: no interval"] * 2})
    for chart in (charts.voice_mix(shares, eras), charts.voice_shares(shares, eras)):
        assert charts.to_svg(chart).startswith("<svg")


def test_hostile_speaker_names_stay_data(eras):
    evil = '<script>alert(1)</script>'
    top = pd.DataFrame([{"era": "trump_1", "era_label": "Trump (first term)", "rank": 1, "speaker": evil,
                         "role": "unknown", "voice_group": "Other or unknown", "country": "", "n": 2,
                         "n_articles": 1, "share": 1.0, "aggregate": False}])
    html = charts.borderlines_renderer(charts.speaker_counts(top, eras).to_dict())["text/html"]
    assert evil not in html and "\\u003cscript\\u003e" in html
