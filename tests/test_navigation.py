"""Article pages, the study search and table filters: the page generators on small inline tables."""

from __future__ import annotations

import json
import re

import pandas as pd
import pytest

from borderlines import navigation as nav
from borderlines.notebook import filter_columns

HOSTILE = '<script>window.__pwned=1</script><img src=x onerror="alert(1)">'


@pytest.mark.parametrize("doc_id, expected", [
    ("000", "articles/000.html"),
    ("wire-2024_07", "articles/wire-2024_07.html"),
    ("A1", r"articles/a1-[0-9a-f]{10}\.html"),                    # not the page of "a1"
    ("../../etc/passwd", r"articles/etc-passwd-[0-9a-f]{10}\.html"),
    (HOSTILE, r"articles/script-window-__pwned-1-script-img-src-x-[0-9a-f]{10}\.html"),
    ("", r"articles/article-[0-9a-f]{10}\.html"),
])
def test_article_pages_have_safe_distinct_names(doc_id, expected):
    page = nav.article_page(doc_id)
    assert re.fullmatch(expected, page), page
    assert page.count("/") == 1 and page != nav.article_page(doc_id.lower() + "x")


def test_source_link_points_at_the_sentence():
    assert nav.source_link("017", 4) == "articles/017.html#s4"
    assert nav.source_link("017", pd.NA) == nav.source_link("017") == "articles/017.html"


def _sentences(doc_id, text, spans):
    return pd.DataFrame({"doc_id": doc_id, "sent_id": range(len(spans)), "start": [s for s, _ in spans],
                         "end": [e for _, e in spans], "sentence": [text[s:e] for s, e in spans]})


TEXT = "The ferry left at dawn. Nobody waved.\n\nA storm came later, the captain said."
SPANS = [(0, 23), (24, 37), (39, len(TEXT))]


def test_article_paragraphs_keep_the_text_and_split_at_blank_lines():
    paragraphs = nav.article_paragraphs(TEXT, _sentences("x", TEXT, SPANS))
    assert paragraphs == [[(0, "The ferry left at dawn."), (None, " "), (1, "Nobody waved.")],
                          [(2, "A storm came later, the captain said.")]]


def test_article_paragraphs_keep_text_no_sentence_covers():
    text = "Headline words\n\nOne sentence here. trailing"
    paragraphs = nav.article_paragraphs(text, _sentences("x", text, [(16, 34)]))
    assert paragraphs == [[(None, "Headline words")], [(0, "One sentence here."), (None, " trailing")]]


def test_an_article_page_escapes_the_article_and_anchors_each_sentence():
    text = f"He wrote {HOSTILE} twice. Then left."
    spans = [(0, text.index("twice.") + 6), (text.index("Then"), len(text))]
    page = nav.article_html({"doc_id": "h1", "title": f"Title {HOSTILE}", "outlet": "<b>Outlet</b>",
                             "date": pd.Timestamp("2020-02-03"), "era_label": "Era <i>", "author": "",
                             "text": text}, _sentences("h1", text, spans))
    assert "<script>window" not in page and "<img" not in page and "<b>Outlet" not in page
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in page and "2020-02-03" in page
    assert re.search(r'<span class="bl-sent" id="s0">He wrote &lt;script&gt;', page)
    assert '<span class="bl-sent" id="s1">Then left.</span>' in page
    assert ".bl-sent:target" in page                       # the linked sentence is highlighted


QUOTES = pd.DataFrame({"doc_id": ["a", "b"], "quote": ["Nobody waved", "We stay"], "sent_id": [1, 0],
                       "sentence": ["Nobody waved.", "“We stay,” she said."], "speaker": ["Ana Ruiz", ""],
                       "role": ["official", "unknown"]})
FIGURES = pd.DataFrame({"doc_id": ["a"], "surface": ["3,000 tonnes"], "measure": [""], "unit": ["tonnes"],
                        "sent_id": [2], "sentence": ["A storm came later, the captain said."]})
MATCHES = pd.DataFrame({"doc_id": ["a", "a", "a"], "sent_id": [2, 2, 2], "frame": ["weather", "weather", "weather"],
                        "text": ["storm", "came later", "storm"]})
CORPUS = pd.DataFrame({"doc_id": ["a", "b"], "title": ["Ferry", HOSTILE], "outlet": ["Coast News", ""],
                       "era_label": ["Era one", "Era two"], "date": pd.to_datetime(["2020-01-02", "2021-05-06"])})


def _search_rows():
    text_b = "“We stay,” she said."
    sentences = pd.concat([_sentences("a", TEXT, SPANS), _sentences("b", text_b, [(0, len(text_b))])])
    return nav.search_rows(QUOTES, FIGURES, MATCHES, sentences)


def test_search_rows_put_quotes_figures_and_frame_hits_in_one_table():
    rows = _search_rows()
    assert list(rows.columns) == list(nav.SEARCH_COLUMNS)
    assert rows[["kind", "doc_id", "sent_id", "text", "detail"]].values.tolist() == [
        ["quote", "a", 1, "Nobody waved", "Ana Ruiz (official)"],
        ["quote", "b", 0, "We stay", "no speaker"],
        ["figure", "a", 2, "3,000 tonnes", "tonnes"],
        ["frame", "a", 2, "storm; came later", "weather"]]        # one row per sentence and frame
    assert rows["sentence"].iloc[3] == "A storm came later, the captain said."


def test_search_rows_of_a_study_with_nothing_extracted_is_empty():
    rows = nav.search_rows(QUOTES.iloc[:0], FIGURES.iloc[:0], MATCHES.iloc[:0], _sentences("a", TEXT, SPANS))
    assert rows.empty and list(rows.columns) == list(nav.SEARCH_COLUMNS)


def test_search_data_stores_each_sentence_once_and_links_each_row():
    data = nav.search_data(_search_rows(), CORPUS)
    assert data["articles"][0] == ["articles/a.html", "Ferry", "Coast News", "Era one", "2020-01-02"]
    assert len(data["sentences"]) == 3            # the figure and the frame hit share one
    kind, article, sent_id, text, detail, sentence = data["rows"][2]
    assert (kind, data["articles"][article][0], sent_id, text) == ("figure", "articles/a.html", 2, "3,000 tonnes")
    assert data["sentences"][sentence] == "A storm came later, the captain said."
    name, body = nav.search_script(data)
    assert re.fullmatch(r"search-[0-9a-f]{12}\.js", name) and body.startswith("window.blSearchChunk(")
    assert json.loads(body.removeprefix("window.blSearchChunk(").rstrip(");\n")) == data
    assert nav.search_script(data)[0] == name     # the same rows, the same file


def test_the_search_page_loads_its_rows_from_a_script_and_replaces_older_ones(tmp_path):
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "search-000000000000.js").write_text("old")
    (tmp_path / "assets" / "vega-000000000000.js").write_text("kept")
    page = nav.write_search_page(tmp_path, "s<1>", _search_rows(), CORPUS)
    html = page.read_text(encoding="utf-8")
    [script] = json.loads(re.search(r"var BL_CHUNKS = (\[.*?\])", html).group(1))
    assert sorted(p.name for p in (tmp_path / "assets").iterdir()) == sorted([script, "vega-000000000000.js"])
    assert "2 quotes, 1 figures" in html and "s&lt;1&gt;" in html and HOSTILE not in html
    # the outlets and eras to choose from are in the page, unable to end its script
    assert '"outlets": ["Coast News"]' in html and '"eras": ["Era one", "Era two"]' in html
    assert len(html.encode()) < 20_000            # the rows are in the script, not in the page


def test_the_search_rows_come_in_parts_of_whole_articles():
    rows = _search_rows()
    whole = nav.search_chunks(rows, CORPUS)
    assert len(whole) == 1 and whole[0] == nav.search_data(rows, CORPUS)
    parts = nav.search_chunks(rows, CORPUS, max_bytes=200)     # each article alone
    assert [[a[0] for a in p["articles"]] for p in parts] == [["articles/a.html"], ["articles/b.html"]]
    assert sum(len(p["rows"]) for p in parts) == len(rows)
    assert nav.search_chunks(rows.iloc[:0], CORPUS.iloc[:0]) == [{"articles": [], "sentences": [], "rows": []}]


def test_the_search_page_s_choices_cannot_end_its_script(tmp_path):
    page = nav.write_search_page(tmp_path, "s", _search_rows(), CORPUS.assign(outlet=["</script><b>x", "B"]))
    html = page.read_text(encoding="utf-8")
    assert "</script><b>" not in html and "\\u003c/script>\\u003cb>x" in html


def test_article_pages_of_articles_gone_from_the_corpus_are_removed(tmp_path):
    corpus = CORPUS.assign(text=[TEXT, "“We stay,” she said."], author="")
    sentences = _sentences("a", TEXT, SPANS)
    pages = nav.write_article_pages(tmp_path, corpus, sentences)
    assert [p.name for p in pages] == ["a.html", "b.html"]
    nav.write_article_pages(tmp_path, corpus.iloc[:1], sentences)
    assert sorted(p.name for p in (tmp_path / "articles").glob("*.html")) == ["a.html"]
    assert 'id="s2">A storm came later' in (tmp_path / "articles" / "a.html").read_text(encoding="utf-8")


def test_navigation_is_rewritten_only_for_other_inputs(tmp_path):
    assert not nav.navigation_current(tmp_path, "k1")
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / nav.STAMP).write_text("k1")
    (tmp_path / nav.SEARCH_PAGE).write_text("page")
    assert nav.navigation_current(tmp_path, "k1") and not nav.navigation_current(tmp_path, "k2")


@pytest.mark.parametrize("columns, expected", [
    ({"outlet": ["A", "B"], "n": [1, 2]}, [0]),
    ({"era": ["x", "y"], "era_label": ["X", "Y"], "outlet": ["A", "B"]}, [1, 2]),   # the era's label, not its key
    ({"era": ["x", "y"], "value": [1, 2]}, [0]),
    ({"era_label": ["X", "X"], "outlet": ["A", None]}, []),    # one value: nothing to choose
    ({"measure": ["a", "b"]}, []),
])
def test_tables_filter_on_outlet_and_era(columns, expected):
    assert filter_columns(pd.DataFrame(columns)) == expected


def test_tables_link_article_ids_to_their_pages_only_in_a_build_that_makes_them(monkeypatch):
    from borderlines.notebook import source_links, static_table_html
    table = pd.DataFrame({"doc_id": ["a1", "B<2>"], "sent_id": [3, 0], "n": [1, 2]})
    monkeypatch.delenv(nav.ARTICLES_ENV, raising=False)
    assert source_links(table) is None                     # in JupyterLab there are no article pages
    monkeypatch.setenv(nav.ARTICLES_ENV, "1")
    links = source_links(table)
    assert links == ["articles/a1.html#s3", nav.article_page("B<2>") + "#s0"]
    assert source_links(table.drop(columns="sent_id")) == ["articles/a1.html", nav.article_page("B<2>")]
    assert source_links(table.drop(columns="doc_id")) is None
    html = static_table_html(table, [0], "t", links, 0)
    assert '<a class="bl-source" href="articles/a1.html#s3">a1</a>' in html and "B&lt;2&gt;</a>" in html


def test_a_linked_table_shows_no_sentence_number(monkeypatch):
    # the sentence number is where the link points, not something a reader needs to see
    from borderlines import notebook
    shown = []
    monkeypatch.setattr(notebook, "display", lambda obj: shown.append(obj.data))
    table = pd.DataFrame({"quote": ["We will act"], "doc_id": ["a1"], "sent_id": [4]})
    monkeypatch.setenv(nav.ARTICLES_ENV, "1")
    notebook.show_table(table, caption="Quotes", interactive=False)
    page = "".join(shown)
    assert 'href="articles/a1.html#s4"' in page and "Sent id" not in page
    monkeypatch.delenv(nav.ARTICLES_ENV)
    shown.clear()
    notebook.show_table(table, caption="Quotes", interactive=False)
    assert "Sent id" in "".join(shown) and "href" not in "".join(shown)   # no pages to link: the locator stays


def test_the_quote_table_knows_where_each_quote_stands():
    from borderlines.compare.quotes import quote_table
    quotes = pd.DataFrame({"era_label": ["Biden"], "speaker": [""], "role": ["unknown"], "kind": ["direct"],
                           "quote": ["Enough"], "sentence": ["“Enough,” a clerk said."], "doc_id": ["x9"],
                           "outlet": ["Gazette"], "date": [pd.Timestamp("2022-05-01")], "title": ["Port"],
                           "confidence": [0.734], "sent_id": [2]})
    row = quote_table(quotes).iloc[0]
    assert (row["doc_id"], row["sent_id"], row["article_title"]) == ("x9", 2, "Gazette · 2022-05-01 · Port")


def test_the_search_parts_are_grouped_by_era_and_outlet_and_say_what_they_hold():
    rows = _search_rows()
    corpus = CORPUS.iloc[::-1]                       # b (Era two) before a (Era one) in the corpus
    parts = nav.search_chunks(rows, corpus, max_bytes=200)
    assert [[a[0] for a in p["articles"]] for p in parts] == [["articles/a.html"], ["articles/b.html"]]
    assert nav.search_parts(parts) == [{"eras": ["Era one"], "outlets": ["Coast News"]},
                                       {"eras": ["Era two"], "outlets": [""]}]


@pytest.mark.browser
@pytest.mark.slow
def test_the_search_page_loads_only_the_parts_a_search_needs(tmp_path):
    """It opens with one part; narrowed to an era it loads only that era's parts; a search
    over everything loads the rest."""
    from browser import _offline_page, browser
    corpus = pd.concat([CORPUS.assign(doc_id=[f"{d}{i}" for d in CORPUS["doc_id"]]) for i in range(3)],
                       ignore_index=True)
    rows = pd.concat([_search_rows().assign(doc_id=lambda t, i=i: t["doc_id"] + str(i)) for i in range(3)],
                     ignore_index=True)
    page_path = nav.write_search_page(tmp_path, "parts", rows, corpus, max_bytes=200)   # an article a part
    loaded = "() => document.querySelectorAll('script[src^=\"assets/search-\"]').length"
    with browser() as b:
        page = _offline_page(b)
        p = page.page
        p.goto(page_path.resolve().as_uri())
        p.locator("#bl-results li").first.wait_for()
        assert p.evaluate(loaded) == 1
        p.select_option("#bl-era", "Era two")
        p.wait_for_function("() => /^\\d+ of \\d+ rows match\\.$/.test(document.getElementById('bl-count').textContent)"
                            " && document.querySelectorAll('#bl-results li').length === 3")
        assert p.evaluate(loaded) == 4                  # the first part, then Era two's three
        p.select_option("#bl-era", "")
        p.fill("#bl-q", "nobody waved")          # Era one's three quotes
        p.wait_for_function("() => /^3 of \\d+ rows match\\.$/.test(document.getElementById('bl-count').textContent)")
        assert p.evaluate(loaded) == 6 and page.errors == [] and page.external == []
