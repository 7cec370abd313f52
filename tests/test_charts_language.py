"""Charts of the language and framing notebook: term scatter with search, click and
concordance, distinctive-term bars, frame shares, tone; layout helpers."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest
from conftest import HOSTILE, make_corpus

from borderlines import charts, compare, frames, terms
from borderlines import tone as tone_mod
from borderlines.charts import language
from borderlines.eras import load_eras
from borderlines.nlp import sentence_table

ERAS = load_eras()


@pytest.fixture(scope="module")
def bundled(bundled_corpus):
    """Every table the charts take, from the bundled corpus (few resamples: speed)."""
    corpus = bundled_corpus
    tokens = terms.token_table(corpus)
    sentences = sentence_table(corpus)
    distinctive = terms.distinctive_terms(corpus, "trump_1", "biden", (1, 2), tokens=tokens)
    lines = terms.concordance(corpus, terms.terms_to_plot(distinctive, 400)["term"], tokens=tokens)
    lexicon = frames.load_frames()
    framed = frames.sentence_frames(corpus, lexicon, sentences)
    keys = ["trump_1", "biden"]
    shares = compare.frames.frame_shares(framed, sentences, corpus, lexicon, seed=1, eras=keys)
    tone = tone_mod.sentence_tone(corpus, sentences)
    quotes = pd.DataFrame({"doc_id": ["000", "003"], "start": [0, 0], "end": [400, 400]})
    return {"distinctive": distinctive, "lines": lines, "shares": shares, "tone": tone,
            "by_era": compare.tone.tone_by_era(tone, seed=1, eras=keys),
            "histogram": compare.tone.tone_histogram(tone, 20, keys),
            "voice": compare.tone.tone_quotes_vs_narration(tone, quotes, seed=1, eras=keys)}


def datasets(spec: dict) -> list[list[dict]]:
    return list(spec.get("datasets", {}).values())


def marks(spec: dict) -> list[dict]:
    """Every unit spec (with a mark) in a chart spec."""
    found = []

    def walk(node):
        if isinstance(node, dict):
            if "mark" in node:
                found.append(node)
            for key in ("layer", "vconcat", "hconcat", "concat"):
                for child in node.get(key, []):
                    walk(child)
            if "spec" in node:
                walk(node["spec"])
    walk(spec)
    return found


# --------------------------------------------------------------------------- layout helpers


def test_symlog_round_trip_and_zero():
    v = np.array([0.0, 0.5, 3.0, 250.0, -2.0])
    assert np.allclose(language.symexp(language.symlog(v)), v)
    assert language.symlog([0])[0] == 0 and language.symlog([np.e - 1])[0] == pytest.approx(1)


def test_spread_positions_separates_equal_points_and_keeps_zero_non_negative():
    x = np.array([0, 0, 0, 0, 5, 5, 5, 9.0])
    y = np.array([3, 3, 3, 3, 0, 0, 0, 1.0])
    px, py = language.spread_positions(x, y, step=0.1)
    assert (px[0], py[0]) == (0, 3) and (px[4], py[4]) == (5, 0) and (px[7], py[7]) == (9, 1)
    assert len({(a, b) for a, b in zip(px, py)}) == len(x)          # nobody hides anybody
    assert (px[:4] >= 0).all() and (py[4:7] >= 0).all()              # zeros move inwards only
    # moves are small in symlog units
    assert np.abs(language.symlog(px) - language.symlog(x)).max() <= 0.1 * np.sqrt(3) + 1e-9


def test_place_labels_never_overlap_and_stay_inside():
    rng = np.random.default_rng(0)
    px, py = rng.uniform(0, 200, 40), rng.uniform(0, 200, 40)
    px[:10], py[:10] = 100, 100                       # a pile of points on one spot
    widths = rng.uniform(20, 70, 40)
    left, middle, anchor = language.place_labels(px, py, widths, 200, 200, line_height=12)
    placed = ~np.isnan(left)
    assert placed[0] and placed.sum() > 10
    boxes = [(l, m - 6, l + w, m + 6) for l, m, w, ok in zip(left, middle, widths, placed) if ok]
    for i, a in enumerate(boxes):
        assert a[0] >= 0 and a[1] >= 0 and a[2] <= 200 and a[3] <= 200
        for b in boxes[i + 1:]:
            assert a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1]
    # the first label goes to the right of its point when there is room
    assert left[0] == px[0] + language.LABEL_OFFSETS[0][0] and anchor[0] == left[0]
    # a label wider than the plot cannot be placed
    assert np.isnan(language.place_labels([10], [10], [500], 200, 200)[0][0])


# --------------------------------------------------------------------------- term scatter


def test_term_scatter_has_search_click_and_concordance(bundled):
    d, lines = bundled["distinctive"], bundled["lines"]
    spec = charts.term_scatter(d, ERAS, "trump_1", "biden", lines).to_dict()
    params = {p["name"]: p for p in spec["params"]}
    assert params["term_search"]["bind"]["input"] == "search"
    assert params["term_pick"]["select"]["on"] == "click"
    top = terms.top_distinctive(d, "trump_1", 1)["term"].iloc[0]
    assert params["term_pick"]["value"] == [{"term": top}]           # the panel starts with a term
    sizes = sorted(len(v) for v in datasets(spec))
    assert len(d) in sizes                                            # every term drawn (fewer than the cap)
    panel = [m for m in marks(spec) if str(m.get("name", "")).startswith("kwic_match")]
    assert len(panel) == 1 and "term_pick" in json.dumps(spec["vconcat"][1])
    assert set(lines["term"]) <= set(d["term"])


def test_term_scatter_caps_terms_and_says_so(bundled):
    d, lines = bundled["distinctive"], bundled["lines"]
    spec = charts.term_scatter(d, ERAS, "trump_1", "biden", lines, max_terms=50, n_labels=3).to_dict()
    rows = [v for v in datasets(spec) if v and "z" in v[0]]
    assert len(rows) == 1 and len(rows[0]) == 50
    plotted = set(terms.terms_to_plot(d, 50)["term"])
    panel_rows = [v for v in datasets(spec) if v and "match" in v[0]][0]
    assert {r["term"] for r in panel_rows} <= plotted                # lines only for drawn terms
    subtitle = " ".join(spec["vconcat"][0]["title"]["subtitle"])
    assert f"Showing 50 of {len(d):,} terms" in subtitle
    labels = [v for v in datasets(spec) if v and "label_x" in v[0]][0]
    assert 0 < len(labels) <= 6


def test_term_scatter_without_terms_or_lines():
    empty = charts.term_scatter(terms.empty_distinctive(), ERAS, "trump_1", "biden").to_dict()
    assert "No term to plot" in json.dumps(empty)
    one = pd.DataFrame({"term": ["wall"], "ngram": [1], "count_a": [3], "count_b": [0], "docs_a": [2], "docs_b": [0],
                        "per_10k_a": [30.0], "per_10k_b": [0.0], "prior": [3.0], "delta": [0.5], "z": [0.4],
                        "g2": [2.0], "g2_p": [0.1], "log_ratio": [2.0], "favours": ["trump_1"]})
    spec = charts.term_scatter(one, ERAS, "trump_1", "biden").to_dict()
    assert "vconcat" not in spec and {p["name"] for p in spec["params"]} == {"term_search", "term_pick"}
    assert charts.to_svg(charts.term_scatter(one, ERAS, "trump_1", "biden")).startswith("<svg")


def test_term_scatter_keeps_hostile_text_as_data():
    corpus = make_corpus([{"doc_id": "h1", "text": f"Officials said {HOSTILE} twice {HOSTILE}. Wall wall."},
                          {"doc_id": "h2", "text": "Wall talks. Border talks.", "era": "biden"}])
    tokens = terms.token_table(corpus)
    d = terms.distinctive_terms(corpus, "trump_1", "biden", min_count=1, tokens=tokens)
    lines = terms.concordance(corpus, d["term"], tokens=tokens)
    html = charts.borderlines_renderer(charts.term_scatter(d, ERAS, "trump_1", "biden", lines).to_dict())["text/html"]
    assert "<script>window" not in html and "\\u003cscript\\u003ewindow" in html


def test_term_scatter_draws(bundled):
    svg = charts.to_svg(charts.term_scatter(bundled["distinctive"], ERAS, "trump_1", "biden", bundled["lines"]))
    assert svg.startswith("<svg") and ">trump<" in svg and "In context" in svg
    spec = charts.term_scatter(bundled["distinctive"], ERAS, "trump_1", "biden", bundled["lines"]).to_dict()
    assert charts.chart_description(spec).startswith("Terms in Trump (first term) against Biden: each term")


# --------------------------------------------------------------------------- bars, frames, tone


def test_distinctive_bars(bundled):
    d = bundled["distinctive"]
    spec = charts.distinctive_bars(d, ERAS, "trump_1", "biden", n=4).to_dict()
    rows = datasets(spec)[0]
    assert len(rows) == 8 and {r["era_label"] for r in rows} == {"Trump (first term)", "Biden"}
    assert spec["encoding"]["color"]["scale"]["range"] == [charts.ERA_COLORS["trump_1"], charts.ERA_COLORS["biden"]]
    assert "the side tells the era" in spec["description"]
    assert "No term to show" in json.dumps(charts.distinctive_bars(terms.empty_distinctive(), ERAS, "trump_1", "biden").to_dict())


def test_frame_share_intervals_note_eras_without_interval(bundled):
    spec = charts.frame_share_intervals(bundled["shares"], ERAS).to_dict()
    rows = datasets(spec)[0]
    assert len(rows) == 18
    legend = {r["era_label"] for r in rows}
    assert legend == {"Trump (first term)", "Biden (one article: no interval)"}
    with_empty = compare.frames.frame_shares(pd.DataFrame(columns=list(frames.SENTENCE_FRAME_COLUMNS)),
                                     pd.DataFrame(columns=["doc_id", "sent_id"]), make_corpus([{"text": "x"}]),
                                     frames.load_frames(), eras=["trump_2"])
    assert "No sentences" in json.dumps(charts.frame_share_intervals(with_empty, ERAS).to_dict())
    svg = charts.to_svg(charts.frame_share_intervals(bundled["shares"], ERAS))
    assert svg.startswith("<svg")
    shape = spec["layer"][1]["encoding"]["shape"]       # the era by shape as well as colour
    assert shape["field"] == "era_label" and set(shape["scale"]["domain"]) == legend
    assert svg.count(">Era<") == 1                       # colour and shape share one legend
    assert "shaped and coloured by era" in spec["description"] and "Trump (first term): " in spec["description"]


def test_tone_distribution_plots_bins_not_sentences(bundled):
    spec = charts.tone_distribution(bundled["histogram"], bundled["by_era"], ERAS).to_dict()
    sizes = sorted(len(v) for v in datasets(spec))
    assert max(sizes) == 40 and len(bundled["tone"]) > 40         # 20 bins × 2 eras, whatever the corpus
    bars = [v for v in datasets(spec) if v and "x0" in v[0]][0]
    trump = sorted((r for r in bars if r["era"] == "trump_1"), key=lambda r: r["x0"])
    biden = sorted((r for r in bars if r["era"] == "biden"), key=lambda r: r["x0"])
    assert trump[0]["x0"] == -1 and biden[0]["x0"] == pytest.approx(-0.95)   # side by side in each bin
    dash = spec["vconcat"][0]["encoding"]["strokeDash"]  # an outline pattern per era, not colour alone
    assert dash["field"] == "era_label" and len(dash["scale"]["range"]) == 2
    assert "mean" in spec["description"] and "outline pattern" in spec["description"]
    assert charts.to_svg(charts.tone_distribution(bundled["histogram"], bundled["by_era"], ERAS)).startswith("<svg")
    empty = compare.tone.tone_histogram(bundled["tone"].iloc[:0], 20, ["trump_2"])
    assert "No sentences" in json.dumps(charts.tone_distribution(empty, bundled["by_era"], ERAS).to_dict())


def test_tone_by_voice(bundled):
    spec = charts.tone_by_voice(bundled["voice"], ERAS).to_dict()
    rows = datasets(spec)[0]
    assert {r["voice_label"] for r in rows} == {"Quoted sentences", "Narration"}
    assert spec["layer"][1]["encoding"]["y"]["sort"] == ["Quoted sentences", "Narration"]
    assert charts.to_svg(charts.tone_by_voice(bundled["voice"], ERAS)).startswith("<svg")
    none = bundled["voice"].assign(estimate=np.nan)
    assert "No quoted or narrated sentences" in json.dumps(charts.tone_by_voice(none, ERAS).to_dict())


# --------------------------------------------------------------------------- in the browser


@pytest.mark.browser
@pytest.mark.slow
def test_search_and_click_fill_the_concordance_in_the_browser(bundled, tmp_path):
    from browser import browser, open_page, wait_for

    chart = charts.term_scatter(bundled["distinctive"], ERAS, "trump_1", "biden", bundled["lines"])
    page_html = charts.vega_bundle_html() + charts.borderlines_renderer(chart.to_dict())["text/html"]
    path = tmp_path / "scatter.html"
    path.write_text(f"<!doctype html><meta charset='utf-8'><body>{page_html}</body>", encoding="utf-8")
    # the matched words of the concordance panel, lower-cased
    words = "() => [...document.querySelectorAll(\"svg g[class*='kwic_match'] text\")].map(e => e.textContent.toLowerCase())"

    def wait_words(test: str, what: str):
        """Wait until the panel shows words and they pass ``test`` (a JS expression on ``w``)."""
        wait_for(p, f"() => {{ const w = ({words})(); return w.length > 0 && {test}; }}",
                 f"concordance panel of {what}", shows=words)

    with browser() as b:
        page = open_page(b, path)
        p = page.page
        assert all(n > 0 for n in page.chart_marks()) and page.errors == [] and page.external == []
        top = terms.top_distinctive(bundled["distinctive"], "trump_1", 1)["term"].iloc[0]
        assert set(p.evaluate(words)) == {top} and "mexic" not in top         # the initial pick
        p.fill("input[type=search]", "mexic")
        wait_words("w.every(m => m.includes('mexic'))", "only the searched terms")
        p.fill("input[type=search]", "")
        wait_words(f"w.every(m => m === {json.dumps(top)})", "the picked term again, the search cleared")
        point = p.eval_on_selector_all("g.mark-symbol path[aria-label]", """els => {
            const e = els.find(x => /Term: biden;/.test(x.getAttribute('aria-label')));
            const r = e.getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; }""")
        p.mouse.click(*point)
        wait_words("w.every(m => m === 'biden')", "the clicked term")
        assert page.errors == []
        p.context.close()
