"""Tables of articles: delimited text (comma, semicolon, tab, bar), Excel ``.xlsx``, and
Media Cloud story lists (``stories_id``, ``publish_date``, ``title``, ``url``,
``media_name``…) whose texts are in a column or in saved pages.

A table's columns are found by name: the names given by the caller, else the usual ones
(:data:`TABLE_COLUMNS`, :data:`MEDIACLOUD_COLUMNS`), matched ignoring case.
"""

from __future__ import annotations

import csv
import datetime
import io
import sys
from collections.abc import Callable

from ..files import csv_record_lines
from .records import UNREADABLE, Article
from .web import page_article

#: usual names of each field's column in a researcher's table, first match wins
TABLE_COLUMNS = {"id": ["id"], "date": ["date"], "text": ["text"], "title": ["title", "headline"],
                 "outlet": ["outlet", "source", "publication"], "author": ["author", "byline"],
                 "url": ["url", "link"]}
#: the same for a Media Cloud story list (its texts may instead be saved pages)
MEDIACLOUD_COLUMNS = {"id": ["stories_id", "id"], "date": ["publish_date", "date"],
                      "text": ["text", "story_text"], "title": ["title"], "outlet": ["media_name", "outlet"],
                      "author": ["author"], "url": ["url"]}
REQUIRED = ("date", "text")

Row = tuple[int, list]          # (line or sheet row number, cell values)


class TableProblem(ValueError):
    """The table as a whole cannot be read (no header, a required column missing);
    ``fix`` says what to do."""

    def __init__(self, message: str, fix: str = "name the columns with --text-column, --date-column or "
                                                 "--column FIELD=NAME"):
        super().__init__(message)
        self.fix = fix



def delimited_rows(text: str, delimiter: str) -> tuple[list[str], list[Row], int | None]:
    """Header, data rows (numbered by their first line) and, if the file could not be
    read to its end (a CSV syntax error), the line where reading stopped."""
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))   # a long article is one big field
    records = csv_record_lines(text, delimiter)
    if not records:
        raise TableProblem("the file is empty: no header and no rows", "export the table again, with its header")
    last = records[-1][1]
    rest = text.split("\n")[last:]
    stopped = last + 1 if any(line.strip() for line in rest) else None
    return records[0][2], [(first, fields) for first, _, fields in records[1:]], stopped


def xlsx_rows(data: bytes) -> tuple[list[str], list[Row], list[str]]:
    """Header (the first non-empty row), data rows numbered by their sheet row, and the
    names of the sheets left unread, of the first sheet of an ``.xlsx`` workbook."""
    import openpyxl
    book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    sheet = book.worksheets[0]
    header: list[str] | None = None
    rows: list[Row] = []
    for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
        if all(v is None or str(v).strip() == "" for v in values):
            continue
        if header is None:
            header = ["" if v is None else str(v).strip() for v in values]
        else:
            rows.append((number, list(values)))
    others = [s.title for s in book.worksheets[1:]]
    book.close()
    if header is None:
        raise TableProblem(f"the first sheet ('{sheet.title}') is empty", "put the articles on the first sheet")
    return header, rows, others


def column_map(header: list[str], usual: dict[str, list[str]], given: dict[str, str],
               required: tuple[str, ...] = REQUIRED) -> dict[str, int]:
    """``{field: column index}``: a column named by the caller must be there; otherwise
    the first of the usual names present. Raises :class:`TableProblem` when a
    ``required`` field has no column."""
    folded = {h.strip().lower(): i for i, h in reversed(list(enumerate(header)))}
    found: dict[str, int] = {}
    for name, candidates in usual.items():
        wanted = [given[name]] if name in given else candidates
        hit = next((folded[c.strip().lower()] for c in wanted if c.strip().lower() in folded), None)
        if hit is not None:
            found[name] = hit
        elif name in given:
            raise TableProblem(f"no column '{given[name]}' (given for the {name}); the columns are "
                               f"{', '.join(repr(h) for h in header)}")
    missing = [n for n in required if n not in found]
    if missing:
        raise TableProblem(f"no {' or '.join(missing)} column among {', '.join(repr(h) for h in header)}; "
                           f"name it with --{missing[0]}-column")
    return found


def _cell(values: list, index: int | None):
    if index is None or index >= len(values):
        return None
    value = values[index]
    return value.strip() if isinstance(value, str) else value


def _text_cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def table_articles(header: list[str], rows: list[Row], columns: dict[str, int], line_unit: str = "line",
                   text_for: Callable[[Article, str], None] | None = None) -> list[Article]:
    """One :class:`Article` per data row (``position``: the data row, ``line``: where it
    is in the file). A row whose width differs from the header's, or whose text cell is
    a number, is an article with its ``error`` set. ``text_for(article, text)`` may
    supply the text and missing metadata (Media Cloud's saved pages)."""
    articles = []
    for position, (line, values) in enumerate(rows, start=1):
        a = Article(position=position, line=line, unit="row", line_unit=line_unit)
        articles.append(a)
        if line_unit == "line" and len(values) != len(header):
            a.id = _text_cell(_cell(values, columns.get("id")))
            a.error = (UNREADABLE, f"{len(values)} fields where the header has {len(header)}",
                       "quote fields that hold the separator, or remove the stray separator")
            continue
        get = {name: _cell(values, i) for name, i in columns.items()}
        a.id = _text_cell(get.get("id"))
        a.date = get.get("date") if get.get("date") not in ("", None) else None
        for name in ("title", "outlet", "author", "url"):
            setattr(a, name, _text_cell(get.get(name)))
        text = get.get("text")
        if isinstance(text, int | float) and not isinstance(text, bool):
            a.error = (UNREADABLE, f"the text cell holds a number ({text}), not an article's text",
                       "check that the text column is the right one")
            continue
        a.text = _text_cell(text)
        if text_for is not None:
            text_for(a, a.text)
    return articles


def mediacloud_text(page_for: Callable[[str, str], tuple[str, bytes] | None]
                    ) -> Callable[[Article, str], None]:
    """A ``text_for`` for :func:`table_articles`: a story without text takes it from its
    saved page, found by ``page_for(story id, url)`` → ``(file name, bytes)`` or None;
    the list's own metadata wins over the page's."""
    def fill(article: Article, text: str) -> None:
        if text:
            return
        found = page_for(article.id, article.url)
        if found is None:
            article.error = (UNREADABLE, f"no text column and no saved page for story {article.id or '?'} "
                                         f"({article.url or 'no url'})",
                             "save the page in the --pages folder as <stories_id>.html, or add a text column")
            return
        name, data = found
        if name.lower().endswith(".txt"):
            article.text = data.decode("utf-8", errors="replace")
            return
        page = page_article(data, article.position, url=article.url or None)
        if page.error is not None:
            article.error = (page.error[0], f"{page.error[1]} ({name})", page.error[2])
            return
        article.text = page.text
        for name_ in ("title", "author", "outlet", "date"):
            if not getattr(article, name_):
                setattr(article, name_, getattr(page, name_))
    return fill
