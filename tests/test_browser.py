"""End-to-end: the built reports in headless Chromium with the network off."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from browser import browser, open_page

pytestmark = [pytest.mark.browser, pytest.mark.slow]
ARTIFACTS = Path(__file__).parent / "artifacts"


@pytest.fixture(scope="module")
def chromium():
    with browser() as b:
        yield b


def _reports(study):
    return sorted(p for p in study.out_dir.glob("*.html") if p.name != "index.html" and ".failed" not in p.name)


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


def test_tables_are_searchable(built_default, chromium):
    study, _ = built_default
    page = open_page(chromium, study.out_dir / "01_corpus_overview.html")
    assert page.page.locator("table.dataTable").count() >= 3
    # the cleaning log is long enough to get a search box; search it for one rule
    search = page.page.locator("input[type=search]").first
    table = page.page.locator(f"table#{search.get_attribute('aria-controls')}")
    assert table.locator("tbody tr").count() == 10  # paged
    search.fill("More Stories From KJZZ")
    page.page.wait_for_timeout(300)
    rows = table.locator("tbody tr")
    assert rows.count() == 1 and "more_stories_footer" in rows.first.inner_text()
    page.page.context.close()


def test_index_links_resolve(built_default, chromium):
    study, _ = built_default
    page = open_page(chromium, study.out_dir / "index.html", wait_ms=200)
    hrefs = page.page.eval_on_selector_all("a[href]", "els => els.map(e => e.getAttribute('href'))")
    for href in hrefs:
        assert (study.out_dir / href).resolve().exists(), href
    assert page.external == []
    page.page.context.close()


def test_hostile_corpus_runs_no_script(built_hostile, chromium):
    study, results = built_hostile
    assert all(r.status == "built" for r in results), [(r.stem, r.error) for r in results]
    pages = _reports(study) + [study.out_dir / "index.html", study.out_dir.parent / "index.html"]
    for path in pages:
        page = open_page(chromium, path, wait_ms=1200)
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
    assert {"era", "speaker", "role", "kind", "quote", "sentence", "article"} <= set(headers)
    rows = table.locator("tbody tr")
    assert rows.count() == 10  # paged
    cells = rows.first.locator("td").all_inner_texts()
    assert cells[headers.index("quote")] in cells[headers.index("sentence")]
    assert cells[headers.index("article")].startswith("000 · ")
    info = p.locator(f"#{table.get_attribute('id')}_info")
    total = info.inner_text()
    # the search box: every row left mentions the surname
    search = p.locator(f"input[type=search][aria-controls={table.get_attribute('id')}]")
    search.fill("McAleenan")
    p.wait_for_timeout(300)
    assert info.inner_text() != total and all("McAleenan" in r for r in rows.all_inner_texts())
    search.fill("")
    p.wait_for_timeout(300)
    # the speaker column's filter: only that speaker's quotes are left
    speaker_filter = table.locator("tfoot input").nth(headers.index("speaker"))
    speaker_filter.press_sequentially("McAleenan")
    p.wait_for_timeout(300)
    speakers = {r.locator("td").nth(headers.index("speaker")).inner_text() for r in rows.all()}
    assert speakers == {"Kevin McAleenan"}
    assert page.errors == []
    page.page.context.close()


def _tooltips(page, limit: int = 80) -> list[str]:
    """Hover the chart marks of a page one by one; the texts of the tooltips shown."""
    p = page.page
    marks = p.locator(".bl-chart svg g[class*='mark-'] > path, .bl-chart svg g[class*='mark-'] > rect")
    texts = []
    for i in range(min(marks.count(), limit)):
        try:
            marks.nth(i).hover(timeout=500, force=True)
        except Exception:  # noqa: BLE001 - a mark off screen or covered: try the next
            continue
        p.wait_for_timeout(50)
        tip = p.locator("#vg-tooltip-element")
        if tip.count() and tip.is_visible():
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
