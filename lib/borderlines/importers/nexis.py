"""Nexis Uni and LexisNexis exports (Word, RTF, plain text): many articles a file.

Two layouts are read, whatever the file type:

* Nexis Uni: each article is its title, the publication, the date line ("March 5, 2019
  Tuesday"), maybe an edition and a copyright line, then labelled fields ("Section:",
  "Length: 850 words", "Byline:", "Dateline:"…), a "Body" line, the text, then
  "Classification" fields ("Language:", "Load-Date:"…) and "End of Document". A cover
  page (search terms, the list of results) may come first.
* LexisNexis Academic: each article starts with "1 of 50 DOCUMENTS" (or "Document 1 of
  50"): the publication, the date line and edition, the headline, "BYLINE:",
  "SECTION:", "LENGTH:", the text, then "LOAD-DATE:", "LANGUAGE:"….
"""

from __future__ import annotations

import re

from .dates import looks_like_date
from .documents import Line, body_text, joined, paragraphs
from .records import UNREADABLE, Article

END = re.compile(r"^End of Document$", re.IGNORECASE)
START = re.compile(r"^(?:\d+ of \d+ DOCUMENTS?|Document \d+ of \d+)$", re.IGNORECASE)
_LABEL = re.compile(r"^([A-Za-z][A-Za-z\-]*(?: [A-Za-z][A-Za-z\-]*)?):\s*(.*)$")

#: labelled fields between the date line and the text
HEAD_LABELS = {"byline", "author", "section", "length", "dateline", "highlight", "edition", "series", "column",
               "type", "correction-date", "correction", "reporter", "source", "rubrik", "autor", "länge"}
#: fields after the text (the LexisNexis Academic layout writes them in capitals)
TAIL_LABELS = {"load-date", "language", "graphic", "publication-type", "correction-date", "notes", "url",
               "document-type", "subject", "journal-code", "organization", "person", "geographic", "company",
               "industry", "ticker", "country", "city", "state", "distribution", "copyright"}
#: lines that end the text in the Nexis Uni layout
UNI_END = {"classification", "graphic", "notes"}


def looks_like_nexis(text: str) -> bool:
    """Whether ``text`` (a whole export) has the Nexis markers."""
    return bool(re.search(r"^\s*End of Document\s*$", text, re.M | re.I)
                or re.search(r"^\s*(?:\d+ of \d+ DOCUMENTS?|Document \d+ of \d+)\s*$", text, re.M | re.I)
                or (re.search(r"^\s*Length:\s*[\d,]+\s+words", text, re.M | re.I)
                    and re.search(r"^\s*(?:Body|Load-Date:.*)\s*$", text, re.M | re.I)))


def _label(text: str) -> tuple[str, str] | None:
    m = _LABEL.match(text)
    return (m[1].lower(), m[2].strip()) if m else None


def _blocks(lines: list[Line]) -> tuple[list[list[Line]], str]:
    """The articles' lines and the layout ('uni' or 'academic')."""
    if any(END.match(t) for _, t in lines):
        blocks, current = [], []
        for line in lines:
            if END.match(line[1]):
                blocks.append(current)
                current = []
            elif not START.match(line[1]):
                current.append(line)
        if any(t for _, t in current):   # text after the last "End of Document"
            blocks.append(current)
        return blocks, "uni"
    starts = [i for i, (_, t) in enumerate(lines) if START.match(t)]
    if not starts:
        return [lines], "uni"
    return [lines[a + 1:b] for a, b in zip(starts, starts[1:] + [len(lines)])], "academic"


def _header(header: list[Line], layout: str) -> tuple[str, str, str | None, int | None]:
    """``(title, outlet, date line, line where the article starts)`` from the lines
    before the labelled fields."""
    filled = [(n, t) for n, t in header if t]
    dated = [i for i, (_, t) in enumerate(filled) if looks_like_date(t)]
    # Nexis Uni: the date line nearest the fields (a cover page before the first article has dates too)
    at = (dated[-1] if layout == "uni" else dated[0]) if dated else None
    start = filled[0][0] if filled else None
    if at is None:   # name the line that should have been the date, if any
        years = [t for _, t in filled if re.search(r"\b(19|20)\d\d\b", t)
                 and not t.lower().startswith(("copyright", "©", "(c)"))]
        guess = (years[-1] if layout == "uni" else years[0]) if years else None
        return (filled[0][1] if filled else ""), "", guess, start
    date = filled[at][1]
    if layout == "uni":
        title = filled[at - 2] if at >= 2 else (None, "")
        return title[1], (filled[at - 1][1] if at >= 1 else ""), date, title[0] or filled[at][0]
    groups = paragraphs(header, wrapped=True)
    k = next(i for i, g in enumerate(groups) if filled[at] in g)
    return " ".join(joined(g) for g in groups[k + 1:]), " ".join(t for _, t in filled[:at]), date, start


def _author(labels: dict[str, str]) -> str:
    value = labels.get("byline") or labels.get("author") or labels.get("autor") or ""
    return re.sub(r"^by\s+", "", value, flags=re.IGNORECASE)


def _article(block: list[Line], layout: str, position: int, wrapped: bool | None, line_unit: str) -> Article:
    filled = [(n, t) for n, t in block if t]
    article = Article(position=position, line=filled[0][0] if filled else None, line_unit=line_unit)
    body_at = next((i for i, (_, t) in enumerate(block) if t == "Body"), None)
    if body_at is not None:
        heads = [i for i in range(body_at) if _is_head(block[i][1])]
        start = body_at + 1
    else:   # the text follows the leading run of labelled fields
        heads, start = _leading_fields(block, wrapped)
    if body_at is None and not heads:
        article.error = (UNREADABLE, "no 'Body' line and no Byline/Section/Length fields were found",
                         "check that this part of the file is a Nexis article, or remove it")
        return article
    article.title, article.outlet, article.date, start_line = _header(block[:heads[0] if heads else body_at],
                                                                     layout)
    article.line = start_line or article.line
    labels: dict[str, str] = {}
    for i in heads:
        name, value = _label(block[i][1])
        labels.setdefault(name, value)
    end = start
    while end < len(block) and not _ends_body(block[end][1], layout):
        end += 1
    article.author = _author(labels)
    article.text = body_text(block[start:end], wrapped)
    return article


def _is_head(text: str) -> bool:
    label = _label(text)
    return label is not None and label[0] in HEAD_LABELS


def _leading_fields(block: list[Line], wrapped: bool | None) -> tuple[list[int], int]:
    """The lines of the first run of labelled fields, and where the text after them starts."""
    heads: list[int] = []
    i = next((k for k, (_, t) in enumerate(block) if _is_head(t)), len(block))
    while i < len(block):
        if _is_head(block[i][1]):
            heads.append(i)
            i += 1
            while wrapped is not False and i < len(block) and block[i][1] and not _is_head(block[i][1]):
                i += 1    # a long value wrapped onto the next lines
        elif not block[i][1]:
            i += 1
        else:
            break
    return heads, i


def _ends_body(text: str, layout: str) -> bool:
    label = _label(text)
    if layout == "uni":
        return text.lower() in UNI_END or (label is not None and label[0] == "load-date")
    return label is not None and label[0] in TAIL_LABELS and text.split(":", 1)[0].isupper()


def nexis_articles(lines: list[Line], wrapped: bool | None = None, line_unit: str = "line") -> list[Article]:
    """The articles of a Nexis export given as numbered lines (see
    :mod:`~borderlines.importers.documents`). ``wrapped``: whether a paragraph may span
    lines (plain text: ``None``, decided per article); ``line_unit``: what the numbers
    count. A part that cannot be read is an :class:`Article` with its ``error`` set."""
    blocks, layout = _blocks(lines)
    articles = []
    for block in blocks:
        if not any(t for _, t in block):
            continue
        articles.append(_article(block, layout, len(articles) + 1, wrapped, line_unit))
    return articles
