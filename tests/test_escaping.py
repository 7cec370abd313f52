"""Text from a corpus or data file reaches reports as text: escaped for HTML and Markdown."""

from __future__ import annotations

import pytest
from nbconvert.filters import markdown2html

from borderlines.notebook import escape, findings, markdown_text

LINK = "[clickme](javascript:alert(5))"


@pytest.mark.parametrize("text, shown", [
    (LINK, LINK),
    ("![x](javascript:alert(1))", "![x](javascript:alert(1))"),
    ("<javascript:alert(1)>", "&lt;javascript:alert(1)&gt;"),
    ("<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)&gt;"),
    ("[a][ref]\n\n[ref]: javascript:alert(1)", "[a][ref]  [ref]: javascript:alert(1)"),
    ("**bold** _it_ `code` ~~gone~~ a|b", "**bold** _it_ `code` ~~gone~~ a|b"),
    ("# Heading", "# Heading"),
    ("- item", "- item"),
    ("1. first", "1. first"),
    ("costs $5 and $6", "costs $5 and $6"),
    ("back\\slash", "back\\slash"),
    ("Ebrard (Mexico), -0.12 on 2019-03-01", "Ebrard (Mexico), -0.12 on 2019-03-01"),
])
def test_escaped_text_renders_as_written(text, shown):
    html = markdown2html(escape(text))
    assert html.strip() == f"<p>{shown}</p>"
    assert "<a" not in html and "<img" not in html and "<h1" not in html and "<li" not in html


def test_findings_escape_values_for_markdown():
    html = markdown2html(findings("From **{outlet}**: {n:,} figures.", outlet=LINK, n=1200).data)
    assert '<a href="javascript:' not in html and "<strong>[clickme](javascript:alert(5))</strong>" in html
    assert "1,200 figures." in html


def test_composed_markdown_keeps_its_markup_and_escapes_its_values():
    outlets = ["Daily", LINK]
    lines = markdown_text("\n".join(f"- **{escape(o)}**: cited it" for o in outlets))
    html = markdown2html(findings("Outlets:\n\n{lines}\n\nFrom {first}.", lines=lines, first=LINK).data)
    assert html.count("<li>") == 2 and "<strong>Daily</strong>" in html
    assert '<a href="javascript:' not in html and "href=" not in html


@pytest.mark.slow
def test_no_report_links_to_javascript(built_hostile):
    from conftest import MARKDOWN_LINK
    study, results = built_hostile
    assert [r.stem for r in results if r.status == "failed"] == []
    pages = {p.name: p.read_text(encoding="utf-8") for p in study.out_dir.glob("*.html")}
    assert pages and not [name for name, page in pages.items() if 'href="javascript:' in page.lower()]
    findings_03 = pages["03_cited_figures.html"].split("Findings", 1)[1]
    assert MARKDOWN_LINK in findings_03                    # the outlet is listed, as text
