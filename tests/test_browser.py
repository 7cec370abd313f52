"""End-to-end: the built reports in headless Chromium with the network off."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from browser import browser, open_page, wait_for

pytestmark = [pytest.mark.browser, pytest.mark.slow]
ARTIFACTS = Path(__file__).parent / "artifacts"


@pytest.fixture(scope="module")
def chromium():
    with browser() as b:
        yield b


def _reports(study):
    return sorted(p for p in study.out_dir.glob("*.html")
                  if p.name not in ("index.html", "glossary.html", "search.html") and ".failed" not in p.name)


def test_every_chart_draws_offline_in_every_report(built_default, chromium):
    study, results = built_default
    pages = _reports(study)
    assert len(pages) == 2 * len(results)
    for path in pages:
        page = open_page(chromium, path, screenshot=ARTIFACTS / f"{path.stem}.png")
        marks = page.chart_marks()
        assert marks, f"{path.name}: no charts"
        assert all(n > 0 for n in marks), f"{path.name}: undrawn chart(s): {marks}"
        assert page.external == [], f"{path.name} tried the network: {page.external}"
        assert page.errors == [], f"{path.name}: {page.errors}"
        page.page.context.close()


def test_pages_of_a_copied_study_folder_draw_from_its_shared_scripts(built_default, chromium, tmp_path):
    """A study folder copied elsewhere works offline: its pages load the scripts they
    share from its assets/ folder (one copy, not one per page) and draw every chart."""
    import shutil
    study, _ = built_default
    copy = shutil.copytree(study.out_dir, tmp_path / "copied study")
    assets = sorted(p.name for p in (copy / "assets").iterdir() if not p.name.startswith("search-"))
    assert [a.split("-")[0] for a in assets] == ["itables", "vega"]
    for path in _reports(study):
        html = (copy / path.name).read_text(encoding="utf-8")
        assert all(f'src="assets/{a}"' in html for a in assets), path.name
        assert 'data-borderlines="vega-bundle"' not in html and len(html) < 1_500_000, path.name
        page = open_page(chromium, copy / path.name)
        assert page.chart_marks() and all(n > 0 for n in page.chart_marks()), path.name
        assert page.external == [] and page.errors == [], (path.name, page.external, page.errors)
        page.page.context.close()


def test_a_standalone_page_draws_alone(built_default, chromium, tmp_path):
    """borderlines standalone: one page, copied to an empty folder, draws its charts and
    its tables with no assets/ beside it and no network."""
    from borderlines.cli import main
    study, _ = built_default
    alone = tmp_path / "mail"
    alone.mkdir()
    assert main(["standalone", str(study.out_dir / "04_language_and_framing.html"), "--out", str(alone)]) == 0
    assert [p.name for p in alone.iterdir()] == ["04_language_and_framing.standalone.html"]
    page = open_page(chromium, alone / "04_language_and_framing.standalone.html")
    assert page.chart_marks() and all(n > 0 for n in page.chart_marks())
    page.page.locator("table.dataTable").first.wait_for()
    assert page.external == [] and page.errors == [], (page.external, page.errors)
    page.page.context.close()


def test_tables_are_searchable(built_default, chromium):
    study, _ = built_default
    page = open_page(chromium, study.out_dir / "01_corpus_overview.html")
    assert page.page.locator("table.dataTable").count() >= 3
    # the cleaning log is long enough to get a search box; search it for one rule
    search = page.page.locator("input[type=search]").first
    table = page.page.locator(f"table#{search.get_attribute('aria-controls')}")
    assert table.locator("tbody tr").count() == 10  # paged
    search.fill("More Stories From KJZZ")
    page.page.wait_for_function("t => t.tBodies[0].rows.length === 1", arg=table.element_handle())
    rows = table.locator("tbody tr")
    assert rows.count() == 1 and "more_stories_footer" in rows.first.inner_text()
    page.page.context.close()


def test_index_links_resolve(built_default, chromium):
    study, _ = built_default
    page = open_page(chromium, study.out_dir / "index.html")
    hrefs = page.page.eval_on_selector_all("a[href]", "els => els.map(e => e.getAttribute('href'))")
    for href in hrefs:
        assert (study.out_dir / href).resolve().exists(), href
    assert page.external == []
    page.page.context.close()


def test_hostile_corpus_runs_no_script(built_hostile, chromium):
    study, results = built_hostile
    assert all(r.status == "built" for r in results), [(r.stem, r.error) for r in results]
    pages = _reports(study) + [study.out_dir / "index.html", study.out_dir.parent / "index.html",
                               study.out_dir / "search.html", *sorted((study.out_dir / "articles").glob("*.html"))]
    for path in pages:
        page = open_page(chromium, path)
        assert page.page.evaluate("window.__pwned") is None, f"script from the corpus ran in {path.name}"
        assert page.dialogs == [], path.name
        assert page.page.locator("img[src=x]").count() == 0, path.name
        assert page.external == [], f"{path.name} tried the network: {page.external}"
        page.page.context.close()
    # the hostile strings are shown as text
    page = open_page(chromium, study.out_dir / "01_corpus_overview.html")
    assert "<script>window.__pwned" in page.page.inner_text("body")
    assert all(n > 0 for n in page.chart_marks())
    page.page.context.close()


def test_quote_table_is_searchable_and_filterable(built_default, chromium):
    study, _ = built_default
    page = open_page(chromium, study.out_dir / "02_quotes_and_voices.html")
    p = page.page
    table = p.locator("table.dataTable", has=p.locator("caption", has_text="Every quote"))
    assert table.count() == 1
    headers = table.locator("thead th").all_inner_texts()
    assert {"Era", "Speaker", "Role", "Kind", "Quote", "Sentence", "Article", "Article title"} <= set(headers)
    assert "Sent id" not in headers          # where the link points, not shown
    rows = table.locator("tbody tr")
    assert rows.count() == 10  # paged
    cells = rows.first.locator("td").all_inner_texts()
    assert cells[headers.index("Quote")] in cells[headers.index("Sentence")]
    assert cells[headers.index("Article")] == "000" and "2019-03-28" in cells[headers.index("Article title")]
    # the article id links to the article's text at the quote's sentence
    href = rows.first.locator("td").nth(headers.index("Article")).locator("a.bl-source").get_attribute("href")
    assert re.fullmatch(r"articles/000\.html#s\d+", href), href
    info = p.locator(f"#{table.get_attribute('id')}_info")
    total = info.inner_text()
    info_is = "([el, text, same]) => (el.innerText === text) === same"
    # the search box: every row left mentions the surname
    search = p.locator(f"input[type=search][aria-controls={table.get_attribute('id')}]")
    search.fill("McAleenan")
    p.wait_for_function(info_is, arg=[info.element_handle(), total, False])
    assert all("McAleenan" in r for r in rows.all_inner_texts())
    search.fill("")
    p.wait_for_function(info_is, arg=[info.element_handle(), total, True])
    # the speaker column's filter: only that speaker's quotes are left
    speaker_filter = table.locator("tfoot input").nth(headers.index("Speaker"))
    speaker_filter.press_sequentially("McAleenan")
    p.wait_for_function("([t, k]) => Array.from(t.tBodies[0].rows).every(r => r.cells[k].innerText === 'Kevin McAleenan')",
                        arg=[table.element_handle(), headers.index("Speaker")])
    speakers = {r.locator("td").nth(headers.index("Speaker")).inner_text() for r in rows.all()}
    assert speakers == {"Kevin McAleenan"}
    assert page.errors == []
    page.page.context.close()


# True once the tooltip shows exactly when the SVG element under the point [x, y] is a
# Vega item with a tooltip (Vega keeps the item on the element as __data__): the pointer
# event at that point has been handled, whatever the element is.
TOOLTIP_SETTLED = """([x, y]) => {
  let item = document.elementFromPoint(x, y);
  item = item && item.__data__;
  item = Array.isArray(item) ? item[0] : item;
  const wanted = !!(item && item.tooltip != null && item.tooltip !== '');
  const tip = document.getElementById('vg-tooltip-element');
  return wanted === !!(tip && tip.classList.contains('visible'));
}"""


def _tooltips(page, limit: int = 80) -> list[str]:
    """Point at the chart marks of a page one by one, from off the charts each time; the
    texts of the tooltips shown."""
    p = page.page
    marks = p.locator(".bl-chart svg g[class*='mark-'] > path, .bl-chart svg g[class*='mark-'] > rect")
    tip = p.locator("#vg-tooltip-element.visible")
    texts = []
    for i in range(min(marks.count(), limit)):
        p.mouse.move(0, 0)                  # the page's left margin: no chart, so no tooltip
        tip.wait_for(state="hidden", timeout=5_000)
        try:
            marks.nth(i).scroll_into_view_if_needed(timeout=500)
        except Exception:  # noqa: BLE001 - a mark Playwright cannot scroll to: try the next
            continue
        box = marks.nth(i).bounding_box()
        if not box:
            continue
        point = [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2]
        p.mouse.move(*point)
        wait_for(p, TOOLTIP_SETTLED, f"tooltip matching the mark at {point}", arg=point,
                 shows="() => document.getElementById('vg-tooltip-element')?.className")
        if tip.count():
            texts.append(tip.inner_text())
    return texts


def test_hostile_text_in_tooltips_is_text(built_hostile, chromium):
    study, _ = built_hostile
    for name in ("01_corpus_overview", "04_language_and_framing"):
        page = open_page(chromium, study.out_dir / f"{name}.html")
        texts = _tooltips(page)
        assert texts, f"{name}: no tooltip showed"
        assert any(re.search(r"</?(?:script|img|b|i)\b", t) for t in texts), \
            f"{name}: the hostile markup is not shown as text"
        assert page.page.evaluate("window.__pwned") is None, f"a tooltip ran a script in {name}"
        assert page.page.locator("#vg-tooltip-element img, #vg-tooltip-element script").count() == 0
        page.page.context.close()


# --------------------------------------------------------------------------- tables as readers meet them

TABLE_CELLS = [
    "import numpy as np, pandas as pd\nfrom borderlines.notebook import setup, show_table\nsetup()",
    # a wide table of prose and numbers, with missing values and a yes/no column
    "words = 'officials from both governments met for several hours to discuss the arrangement'.split()\n"
    "df = pd.DataFrame({'doc_id': ['a1', 'b2', 'c3'], 'share_a': [0.5, np.nan, 0.25], 'ci_low_b': [0.1, 0.2, np.nan],\n"
    "                   'outside_interval': [True, False, None], 'sentence': [' '.join(words * 3), 'Short.', 'Another one.'],\n"
    "                   **{f'extra_column_{i}': [' '.join(words[i:i + 4])] * 3 for i in range(8)}})\n"
    "show_table(df, caption='Wide')",
    "show_table(df.iloc[:, :5], caption='Static', interactive=False)",
    "show_table(df.iloc[:0], caption='Nothing cleaned', empty='nothing was removed')",
    # tables with an outlet and an era: select boxes narrow them
    "by = pd.DataFrame({'outlet': ['Harbor Post', 'Valley Times', 'Harbor Post', 'A&B <i>News</i>', 'Valley Times'],\n"
    "                   'era_label': ['Early', 'Early', 'Late', 'Late', 'Late'], 'n_articles': [3, 1, 4, 2, 5]})\n"
    "show_table(by, caption='By outlet and era')\n"
    "show_table(by, caption='Static outlets and eras', interactive=False)",
]


@pytest.fixture(scope="module")
def table_page(tmp_path_factory):
    """A report page (the clean flavour) of a notebook showing tables with show_table."""
    import nbformat
    from nbclient import NotebookClient

    from borderlines.report import notebook_to_html
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(c) for c in TABLE_CELLS]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    NotebookClient(nb, timeout=120, kernel_name="python3").execute()
    path = tmp_path_factory.mktemp("tables") / "tables.html"
    path.write_text(notebook_to_html(nb, False, "Tables"))
    return path


def _table(page, caption):
    p = page.page
    # the whole caption: has_text alone matches "Static" in "Static outlets and eras" too
    exact = re.compile(rf"^\s*{re.escape(caption)}\s*$")
    table = p.locator("table", has=p.locator("caption", has_text=exact))
    table.locator("tbody tr").first.wait_for()
    return table


def test_clicking_a_header_title_sorts_the_table(table_page, chromium):
    page = open_page(chromium, table_page)
    table = _table(page, "Wide")
    th = table.locator("thead th", has_text="Share (A)")
    th.locator(".dt-column-title").click()
    page.page.wait_for_function("th => th.getAttribute('aria-sort') === 'ascending'", arg=th.element_handle())
    column = table.locator("thead th").all_inner_texts().index("Share (A)")
    values = [r.locator("td").nth(column).inner_text() for r in table.locator("tbody tr").all()]
    assert values == ["—", "0.25", "0.5"]  # numbers sort as numbers; a missing one is shown as a dash
    assert page.errors == []
    page.page.context.close()


def test_tables_show_labels_dashes_and_yes_no_and_fit_the_page(table_page, chromium):
    page = open_page(chromium, table_page)
    for caption in ("Wide", "Static"):
        table = _table(page, caption)
        headers = table.locator("thead th").all_inner_texts()
        assert headers[:4] == ["Article", "Share (A)", "95% interval: low (B)", "Outside interval"], headers
        text = table.inner_text()
        for raw in ("NaN", "None", "<NA>", "share_a", "True", "False"):
            assert raw not in text, (caption, raw)
        assert "yes" in text and "—" in text
        # prose reads from the left, numbers from the right
        row = table.locator("tbody tr").first
        align = row.evaluate("tr => Array.from(tr.cells).map(td => getComputedStyle(td).textAlign)")
        assert align[0] == "left" and align[1] == "right" and align[4] == "left", (caption, align)
    wide = _table(page, "Wide")
    fits = wide.evaluate("t => t.scrollWidth <= t.closest('.jp-OutputArea-output, .jp-Cell').clientWidth + 1")
    assert fits, "the wide table of ordinary words does not fit the page"
    assert page.page.locator(".bl-empty", has_text="Nothing cleaned: nothing was removed.").count() == 1
    page.page.context.close()


def test_every_chart_has_a_text_alternative(built_default, chromium):
    study, _ = built_default
    for name in ("01_corpus_overview", "02_quotes_and_voices", "03_cited_figures", "04_language_and_framing"):
        page = open_page(chromium, study.out_dir / f"{name}.html")
        p = page.page
        # vega-embed puts the chart's description on the element that holds its SVG
        labels = p.eval_on_selector_all(".bl-chart", "els => els.map(e => (e.querySelector("
                                           "'[role=graphics-document]') || e).getAttribute('aria-label') || '')")
        assert labels and all(len(t) > 10 for t in labels), (name, labels)
        page.page.context.close()


def test_cleaning_chart_and_legends_say_what_the_corpus_holds(built_default, built_hostile, chromium):
    study, _ = built_default
    page = open_page(chromium, study.out_dir / "01_corpus_overview.html")
    p = page.page
    chart = p.locator(".bl-chart", has=p.locator("[aria-label^='What cleaning removed']"))
    chart.wait_for()
    text = chart.inner_text()
    assert "characters," in text and "cut(s) in" in text
    # no era without articles in any legend of the bundled corpus's report
    legends = p.eval_on_selector_all(".bl-chart g.role-legend", "els => els.map(e => e.textContent)")
    assert legends and "Biden" in " ".join(legends) and "Trump (second term)" not in " ".join(legends)
    page.page.context.close()
    hostile, _ = built_hostile
    page = open_page(chromium, hostile.out_dir / "01_corpus_overview.html")
    page.page.locator(".bl-chart svg").first.wait_for()
    body = page.page.inner_text("body")
    assert "Cleaning removed nothing from these articles." in body
    page.page.context.close()


def test_a_printed_report_holds_whole_tables(table_page, chromium):
    page = open_page(chromium, table_page)
    p = page.page
    table = _table(page, "Wide")
    p.evaluate("() => $.fn.dataTable.tables().forEach(n => $(n).DataTable().page.len(1).draw(false))")
    assert table.locator("tbody tr").count() == 1  # a reader paging one row at a time
    # what the page holds while it prints (listeners run in order: the report's first)
    p.evaluate("id => window.addEventListener('beforeprint', () => { window.__printed ="
               " document.querySelectorAll('#' + id + ' tbody tr').length; })", table.get_attribute("id"))
    p.pdf()
    assert p.evaluate("window.__printed") == 3
    assert table.locator("tbody tr").count() == 1  # and the reader's paging is back
    p.emulate_media(media="print")
    assert not p.locator(".bl-nav").is_visible()
    page.page.context.close()


def test_every_report_links_the_glossary(built_default, chromium):
    study, _ = built_default
    page = open_page(chromium, study.out_dir / "01_corpus_overview.html")
    page.page.get_by_role("link", name="Glossary of the statistics").click()
    page.page.wait_for_url("**/glossary.html")
    assert page.page.get_by_role("heading", name="Glossary of the statistics").is_visible()
    assert "MATTR" in page.page.inner_text("body")
    page.page.context.close()


def test_each_report_links_its_tables_and_the_study_workbook(built_default, chromium):
    import io

    import openpyxl
    study, _ = built_default
    page = open_page(chromium, study.out_dir / "02_quotes_and_voices.html")
    links = page.page.locator(".bl-data a")
    hrefs = links.evaluate_all("els => els.map(e => e.getAttribute('href'))")
    csvs = [h for h in hrefs if h.endswith(".csv")]
    assert "data/quotes.csv" in csvs and "all_tables.xlsx" in hrefs
    for href in hrefs:
        assert (study.out_dir / href).exists(), href
    with page.page.expect_download() as download:
        page.page.locator(".bl-data a", has_text="XLSX").click()
    book = openpyxl.load_workbook(io.BytesIO(Path(download.value.path()).read_bytes()))
    assert book.sheetnames[0] == "contents" and "quotes" in book.sheetnames
    page.page.context.close()


# --------------------------------------------------------------------------- navigation

def _shown_rows(table) -> list[list[str]]:
    return [r.locator("td").all_inner_texts() for r in table.locator("tbody tr").all() if r.is_visible()]


@pytest.mark.parametrize("caption", ["By outlet and era", "Static outlets and eras"])
def test_a_table_narrows_to_one_outlet_and_era(table_page, chromium, caption):
    page = open_page(chromium, table_page)
    p = page.page
    table = _table(page, caption)
    container = table.locator("xpath=ancestor::div[contains(@class, 'jp-OutputArea-output')][1]")
    outlet, era = container.locator("select[data-bl-filter='Outlet']"), container.locator("select[data-bl-filter='Era']")
    assert outlet.locator("option").all_inner_texts() == ["All", "A&B <i>News</i>", "Harbor Post", "Valley Times"]
    outlet.select_option(label="Harbor Post")
    p.wait_for_function("t => Array.from(t.tBodies[0].rows).filter(r => r.offsetParent).length === 2",
                        arg=table.element_handle())
    assert {r[0] for r in _shown_rows(table)} == {"Harbor Post"}
    era.select_option(label="Late")
    p.wait_for_function("t => Array.from(t.tBodies[0].rows).filter(r => r.offsetParent).length === 1",
                        arg=table.element_handle())
    assert _shown_rows(table) == [["Harbor Post", "Late", "4"]]
    note = container.locator(".bl-filter-note")
    assert note.inner_text() == "Showing only the rows of Outlet: Harbor Post and Era: Late."
    outlet.select_option(label="A&B <i>News</i>")     # markup in a value is a value, shown as text
    p.wait_for_function("t => Array.from(t.tBodies[0].rows).filter(r => r.offsetParent).length === 1",
                        arg=table.element_handle())
    assert _shown_rows(table)[0][0] == "A&B <i>News</i>" and table.locator("tbody i").count() == 0
    # printed: the boxes are left out, the line saying what is shown is kept
    p.emulate_media(media="print")
    assert not outlet.is_visible() and note.is_visible()
    assert page.errors == []
    page.page.context.close()


def test_search_finds_what_was_extracted_and_opens_its_sentence(built_default, chromium):
    study, _ = built_default
    page = open_page(chromium, study.out_dir / "index.html")
    p = page.page
    p.get_by_role("link", name="Search the quotes, figures and frame hits").click()
    p.wait_for_url("**/search.html")
    count = p.locator("#bl-count")
    p.wait_for_function("() => / rows match/.test(document.getElementById('bl-count').textContent)")
    everything = count.inner_text()
    assert re.match(r"[\d,]+ of [\d,]+ rows match", everything)
    p.fill("#bl-q", "mcaleenan")                          # any case
    p.wait_for_function("t => document.getElementById('bl-count').textContent !== t", arg=everything)
    results = p.locator("#bl-results li")
    texts = results.all_inner_texts()
    assert texts and all("mcaleenan" in t.lower() for t in texts)
    kinds = set(results.locator(".bl-kind").all_inner_texts())
    assert "quote" in {k.lower() for k in kinds}
    # narrowed to one kind and one outlet
    before = count.inner_text()
    p.select_option("#bl-kind", "quote")
    outlets = p.locator("#bl-outlet option").all_inner_texts()[1:]
    assert len(outlets) >= 2
    p.fill("#bl-q", "")
    p.select_option("#bl-outlet", label=outlets[0])
    p.wait_for_function("t => document.getElementById('bl-count').textContent !== t", arg=before)
    sources = results.locator("a.bl-source").all_inner_texts()
    assert sources and all(f" · {outlets[0]} · " in s for s in sources)
    # a result opens its article at its sentence, highlighted and in view
    first = results.first
    sentence = first.locator(".bl-sentence").inner_text()
    first.locator("a.bl-source").click()
    p.wait_for_url(re.compile(r".*/articles/[^/]+\.html#s\d+$"))
    p.wait_for_function("""() => { const t = document.querySelector(':target'); if (!t) return false;
        const r = t.getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight; }""")
    target = p.locator(":target")
    assert " ".join(target.inner_text().split())[:25] in " ".join(sentence.split())
    assert target.evaluate("e => getComputedStyle(e).backgroundColor") not in ("rgba(0, 0, 0, 0)", "transparent")
    assert page.external == [] and page.errors == [], (page.external, page.errors)
    page.page.context.close()


def test_every_report_links_the_search_and_it_resolves(built_default, chromium):
    study, _ = built_default
    for path in _reports(study):
        html = path.read_text(encoding="utf-8")
        assert 'href="search.html"' in html, path.name
    page = open_page(chromium, study.out_dir / "03_cited_figures.html")
    page.page.get_by_role("link", name="Search quotes, figures and frames").click()
    page.page.wait_for_url("**/search.html")
    page.page.locator("#bl-results li").first.wait_for()
    page.page.context.close()


def test_hostile_text_is_text_in_the_search_and_the_article_pages(built_hostile, chromium):
    study, _ = built_hostile
    page = open_page(chromium, study.out_dir / "search.html")
    p = page.page
    p.locator("#bl-results li").first.wait_for()
    p.fill("#bl-q", "pwned")
    p.wait_for_function("() => document.querySelectorAll('#bl-results li').length > 0 && "
                        "/<script>window.__pwned/.test(document.getElementById('bl-results').textContent)")
    link = p.locator("#bl-results a.bl-source").first
    link.click()
    p.wait_for_url(re.compile(r".*/articles/[^/]+\.html#s\d+$"))
    p.locator(":target").wait_for()
    assert "<script>window.__pwned" in p.inner_text("article") or "<img src=x" in p.inner_text("article")
    assert p.evaluate("window.__pwned") is None and page.dialogs == [] and p.locator("article img").count() == 0
    page.page.context.close()


def test_a_report_table_row_opens_its_article_at_its_sentence(built_default, chromium):
    """Tables with an article id link it to the article's page; with a sentence number,
    to that sentence, highlighted (04: example sentences per frame)."""
    study, _ = built_default
    page = open_page(chromium, study.out_dir / "04_language_and_framing.html")
    p = page.page
    table = _table(page, "Example sentences per frame and era")
    headers = table.locator("thead th").all_inner_texts()
    row = table.locator("tbody tr").first
    sentence = row.locator("td").nth(headers.index("Sentence")).inner_text()
    link = row.locator("a.bl-source")
    assert re.fullmatch(r"articles/[^/]+\.html#s\d+", link.get_attribute("href"))
    link.click()
    p.wait_for_url(re.compile(r".*/articles/[^/]+\.html#s\d+$"))
    target = p.locator(":target")
    target.wait_for()
    assert " ".join(target.inner_text().split()) == " ".join(sentence.split())
    assert page.errors == [] and page.external == []
    page.page.context.close()
