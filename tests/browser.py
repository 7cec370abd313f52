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


#: A page function, true once every chart container holds a drawn SVG mark or a canvas.
CHARTS_DRAWN = """() => [...document.querySelectorAll('.bl-chart')].every(
    e => e.querySelector('svg g[class*="mark-"] > *, canvas'))"""


def open_drawn(b, path: Path, timeout_ms: int = 30_000) -> tuple[Page, float]:
    """Open ``path`` (offline, like :func:`open_page`) and wait until every chart is drawn
    (:data:`CHARTS_DRAWN`); returns the page and the seconds from navigation to then."""
    result = _offline_page(b)
    t0 = time.perf_counter()
    result.page.goto(Path(path).resolve().as_uri())
    result.page.wait_for_function(CHARTS_DRAWN, timeout=timeout_ms)
    return result, time.perf_counter() - t0


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


def open_page(b, path: Path, wait_ms: int = 1500, screenshot: Path | None = None) -> Page:
    result = _offline_page(b)
    page = result.page
    page.goto(Path(path).resolve().as_uri())
    page.wait_for_load_state("load")
    page.wait_for_timeout(wait_ms)
    if screenshot:
        screenshot.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(screenshot), full_page=True)
    return result
