"""Factiva exports (RTF, HTML, plain text): many articles a file, each ending with its
accession number, "Document EXTM000020190305ef350001t".

Two displays are read, whatever the file type:

* "Full Article/Report plus Indexing": field codes, each before its content (on its own
  line, or a table cell): HD headline, BY byline, WC words, PD date, SN source name,
  SC source code, LA language, CY copyright, LP lead paragraph, TD text, AN accession
  number, and indexing codes (CO, IN, NS, RE, IPD, PUB…).
* "Article Format": the same facts unlabelled, in a fixed order: headline, byline,
  "523 words", date, time, source name, source code, page, language, copyright, the
  text, then the "Document …" line.

The saved HTML page has one ``<div class="article enArticle">`` per article, holding
either a table of codes or the unlabelled lines.
"""

from __future__ import annotations

import re

from .documents import Line, body_text
from .records import UNREADABLE, Article

CODES = ("CLM", "SE", "HD", "BY", "CR", "WC", "PD", "ET", "SN", "SC", "ED", "PG", "VOL", "LA", "CY", "LP",
         "TD", "CT", "RF", "CO", "IN", "NS", "RE", "IPC", "IPD", "PUB", "AN")
_CODE = re.compile(r"^(%s)(?:\s*$|\t+\s*(.*)$| {2,}(.*)$)" % "|".join(CODES))
_DOCUMENT = re.compile(r"^(?:AN\s+)?Document\s+([A-Za-z0-9]{16,})$")
_WORDS = re.compile(r"^[\d,.]+\s+(?:words|palabras|mots|Wörter|parole|palavras)$", re.IGNORECASE)
_TIME = re.compile(r"^\d{1,2}:\d{2}(?:\s*(?:AM|PM|GMT|ET|EST|EDT))?$", re.IGNORECASE)
_PAGE_FOOTER = re.compile(r"^Page \d+ of \d+ © \d{4} Factiva", re.IGNORECASE)
_COPYRIGHT = re.compile(r"^(?:copyright|\(c\)|©|\u00a9)", re.IGNORECASE)
LANGUAGES = {"english", "spanish", "español", "french", "français", "german", "deutsch", "portuguese",
             "português", "italian", "italiano", "dutch", "chinese", "japanese", "russian", "arabic"}


def looks_like_factiva(text: str) -> bool:
    """Whether ``text`` (a whole export) has Factiva's "Document <accession number>" lines."""
    return bool(re.search(r"^\s*(?:AN\s+)?Document\s+[A-Za-z0-9]{16,}\s*$", text, re.M))


def _blocks(lines: list[Line]) -> tuple[list[tuple[list[Line], str]], list[Line]]:
    """Each article's lines with its accession number, and the lines after the last one."""
    blocks, current = [], []
    for number, text in lines:
        if _PAGE_FOOTER.match(text):
            continue
        m = _DOCUMENT.match(text)
        if m:
            if current and current[-1][1] == "AN":
                current.pop()
            blocks.append((current, m[1]))
            current = []
        else:
            current.append((number, text))
    return blocks, current


def _labelled(block: list[Line]) -> dict[str, list[Line]]:
    """The content lines under each field code."""
    fields: dict[str, list[Line]] = {}
    current: list[Line] | None = None
    for number, text in block:
        m = _CODE.match(text)
        if m:
            current = fields.setdefault(m[1], [])
            rest = m[2] or m[3]
            if rest:
                current.append((number, rest.strip()))
        elif current is not None:
            current.append((number, text))
    return fields


def _one_line(lines: list[Line]) -> str:
    return " ".join(t for _, t in lines if t)


def _from_fields(article: Article, fields: dict[str, list[Line]], wrapped: bool | None) -> None:
    article.title = _one_line(fields.get("HD", []))
    article.author = re.sub(r"^By\s+", "", _one_line(fields.get("BY", [])), flags=re.IGNORECASE)
    article.date = _one_line(fields.get("PD", [])) or None
    article.outlet = _one_line(fields.get("SN", []))
    parts = (body_text(fields.get("LP", []), wrapped), body_text(fields.get("TD", []), wrapped))
    article.text = "\n\n".join(p for p in parts if p)


def _from_order(article: Article, block: list[Line], wrapped: bool | None) -> None:
    """The unlabelled "Article Format": everything is found from the "N words" line."""
    filled = [(i, t) for i, (_, t) in enumerate(block) if t]
    at = next((k for k, (_, t) in enumerate(filled) if _WORDS.match(t)), None)
    if at is None or at == 0:
        article.error = (UNREADABLE, "no field codes and no 'N words' line after a headline",
                         "export with Factiva's 'Full Article/Report plus Indexing' display, or check this part")
        return
    article.title = filled[0][1]
    article.author = re.sub(r"^By\s+", "", " ".join(t for _, t in filled[1:at]), flags=re.IGNORECASE)
    rest = [t for _, t in filled[at + 1:]]
    article.date = rest[0] if rest else None
    k = 1 + (len(rest) > 1 and bool(_TIME.match(rest[1])))
    article.outlet = rest[k] if k < len(rest) else ""
    # the text starts after the copyright line (or, without one, after the language line)
    marks = [j for j in range(k, len(rest)) if _COPYRIGHT.match(rest[j])]
    if not marks:
        marks = [j for j in range(k, min(len(rest), k + 6)) if rest[j].lower() in LANGUAGES]
    if not marks:
        article.error = (UNREADABLE, "no language or copyright line before the text",
                         "export with Factiva's 'Full Article/Report plus Indexing' display, or check this part")
        return
    first_body = filled[at + 1 + marks[0] + 1][0] if at + 1 + marks[0] + 1 < len(filled) else len(block)
    article.text = body_text(block[first_body:], wrapped)


def factiva_block(block: list[Line], accession: str, position: int, wrapped: bool | None = None,
                  line_unit: str = "line") -> Article:
    """One article from its lines (without the "Document …" line) and accession number."""
    filled = [n for n, t in block if t]
    article = Article(position=position, line=filled[0] if filled else None, id=accession, line_unit=line_unit)
    fields = _labelled(block)
    if "HD" in fields or "TD" in fields or "LP" in fields:
        _from_fields(article, fields, wrapped)
    else:
        _from_order(article, block, wrapped)
    return article


def factiva_articles(lines: list[Line], wrapped: bool | None = None, line_unit: str = "line") -> list[Article]:
    """The articles of a Factiva export given as numbered lines (see
    :mod:`~borderlines.importers.documents`); the accession number is each one's id. Text
    after the last article is reported unless it is Factiva's search summary."""
    blocks, tail = _blocks(lines)
    articles = [factiva_block(block, accession, i, wrapped, line_unit)
                for i, (block, accession) in enumerate(blocks, start=1)]
    filled = [(n, t) for n, t in tail if t]
    if filled and not filled[0][1].lower().startswith("search summary"):
        articles.append(Article(position=len(articles) + 1, line=filled[0][0], line_unit=line_unit, error=(
            UNREADABLE, "text after the last article has no 'Document …' line",
            "the export may be cut short: export these articles again")))
    return articles


def factiva_html_articles(data: bytes) -> list[Article]:
    """The articles of a saved Factiva results page: one per ``div`` of class
    ``article xxArticle`` (or, in older pages, per table of field codes); each table row
    or block becomes a line of the layouts above, numbered by its line in the HTML."""
    import lxml.html
    try:    # a saved page without a charset declaration is UTF-8 more often than Latin-1
        data.decode("utf-8")
        parser = lxml.html.HTMLParser(encoding="utf-8")
    except UnicodeDecodeError:
        parser = None
    root = lxml.html.document_fromstring(data, parser=parser)
    containers = root.xpath("//div[contains(concat(' ', normalize-space(@class), ' '), ' article ')]")
    if not containers:
        containers = [t for t in root.iter("table") if _code_rows(t)]
    articles = []
    for position, container in enumerate(containers, start=1):
        lines = _html_lines(container)
        blocks, tail = _blocks(lines)
        if blocks:
            block, accession = blocks[0]
            articles.append(factiva_block(block + tail, accession, position, wrapped=False))
        else:
            articles.append(factiva_block(lines, "", position, wrapped=False))
    return articles


def _code_rows(table) -> list:
    rows = []
    for row in table.iter("tr"):
        cells = row.findall("td")
        if len(cells) >= 2 and " ".join(cells[0].text_content().split()) in CODES:
            rows.append(cells)
    return rows


def _text(element) -> str:
    return " ".join(element.text_content().split())


def _html_lines(container) -> list[Line]:
    """A Factiva article element as numbered lines: "CODE" then its paragraphs for a
    table of codes; each child block for the unlabelled display."""
    lines: list[Line] = []
    rows = _code_rows(container) if container.tag == "table" else [
        r for t in container.iter("table") for r in _code_rows(t)]
    if rows:
        for code_cell, content in rows:
            lines.append((code_cell.sourceline or 0, " ".join(code_cell.text_content().split())))
            blocks = content.findall(".//p") or [content]
            lines.extend((b.sourceline or 0, _text(b)) for b in blocks)
        return lines
    for child in container.iterchildren():
        if child.tag in ("div", "p", "span", "b", "h1", "h2", "h3"):
            text = _text(child)
            if text:
                lines.append((child.sourceline or 0, text))
    return lines
