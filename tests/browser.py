"""Headless Chromium (Debian's ``chromium``) driven by Playwright, with the network off.

Pages are opened from ``file://`` in an offline browser context; every request that is
not for a local file is blocked and recorded, so a test can assert that none was made.
"""

from __future__ import annotations

import os
import time
import shutil
from contextlib import contextmanager
from pathlib import Path

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage"]
LOCAL = ("file:", "data:", "blob:", "about:")


def chromium_path() -> str:
    path = os.environ.get("BORDERLINES_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(path).exists():
        raise RuntimeError("Chromium not found: install Debian's `chromium` package (`make system-deps` does) "
                           "or set BORDERLINES_CHROMIUM to its path")
    return path


class Page:
    """A loaded page plus what it tried to fetch, its console errors and dialogs."""

    def __init__(self, page):
        self.page = page
        self.external: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.seconds = 0.0  # from navigation until the page settled (open_page)

    def chart_marks(self) -> list[int]:
        """For every chart container, the number of drawn SVG/canvas marks."""
        return self.page.eval_on_selector_all(".bl-chart", """els => els.map(e => {
            const svgMarks = e.querySelectorAll('svg g[class*="mark-"] > *').length;
            const canvas = e.querySelectorAll('canvas').length;
            return svgMarks + canvas; })""")


@contextmanager
def browser():
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()


def _offline_page(b) -> Page:
    context = b.new_context(offline=True, viewport={"width": 1280, "height": 1000})
    page = context.new_page()
    result = Page(page)

    def route(r):
        if r.request.url.startswith(LOCAL):
            return r.continue_()
        result.external.append(r.request.url)
        return r.abort()

    page.route("**/*", route)
    page.on("console", lambda m: result.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: result.errors.append(str(e)))
    page.on("dialog", lambda d: (result.dialogs.append(d.message), d.dismiss()))
    return result


#: A page function listing what of a project page is still settling: charts Vega has not
#: finished drawing (:func:`borderlines.charts.chart_html` marks each ``data-bl-chart``
#: once drawn or failed), interactive tables DataTables has not set up (itables' tables,
#: ``itables_*``, get the class ``dataTable``), and the search page's rows still loading.
PENDING = """() => {
  const pending = [];
  document.querySelectorAll('.bl-chart:not([data-bl-chart])').forEach(e => pending.push('chart #' + e.id));
  document.querySelectorAll('table[id^="itables_"]:not(.dataTable)').forEach(t => pending.push('table #' + t.id));
  const count = document.getElementById('bl-count');
  if (count && !(/ rows match|is missing/.test(count.textContent) && !/Loading the rows/.test(count.textContent)))
    pending.push('search rows (' + count.textContent.trim().slice(0, 80) + ')');
  return pending;
}"""


def wait_for(p, condition: str, what: str, arg=None, shows: str | None = None, timeout_ms: int = 10_000) -> None:
    """Wait until the page function ``condition`` (given ``arg``) is true in the Playwright
    page ``p``. Past ``timeout_ms`` fail naming the page and ``what`` was awaited, with
    what the page function ``shows`` (given ``arg``) returns then."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
    try:
        p.wait_for_function(condition, arg=arg, timeout=timeout_ms)
    except PlaywrightTimeout:
        seen = f"; the page shows {p.evaluate(shows, arg)!r}" if shows else ""
        raise AssertionError(f"{p.url}: no {what} after {timeout_ms / 1000:g} s{seen}") from None


def wait_settled(page: Page, timeout_ms: int = 30_000) -> None:
    """Wait until nothing of ``page`` is settling (:data:`PENDING`), or fail naming what is."""
    wait_for(page.page, f"() => ({PENDING})().length === 0", "settled page (charts drawn, tables set up, "
             "search rows loaded)", shows=f"() => 'still pending: ' + ({PENDING})().join(', ')", timeout_ms=timeout_ms)


def open_page(b, path: Path, screenshot: Path | None = None, timeout_ms: int = 30_000) -> Page:
    """Open ``path`` in a new offline context (:func:`_offline_page`) and wait until it
    has loaded and settled (:func:`wait_settled`: charts drawn, tables set up, search rows
    loaded); ``page.seconds`` is the time from navigation to then. With ``screenshot``,
    a full-page screenshot is saved there."""
    result = _offline_page(b)
    t0 = time.perf_counter()
    result.page.goto(Path(path).resolve().as_uri())  # returns once loaded
    wait_settled(result, timeout_ms)
    result.seconds = time.perf_counter() - t0
    if screenshot:
        screenshot.parent.mkdir(parents=True, exist_ok=True)
        result.page.screenshot(path=str(screenshot), full_page=True)
    return result
