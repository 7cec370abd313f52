"""Which importer reads a file, from its extension and content (or ``--format``), and
:func:`parse_file`: one file's bytes → its article records and file-level problems."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..files import InputProblem
from ..problems import Problem
from .documents import decode_text, docx_lines, rtf_text, text_lines
from ..files import csv_delimiter
from .factiva import factiva_articles, factiva_html_articles, looks_like_factiva
from .nexis import looks_like_nexis, nexis_articles
from .records import Article, file_problem
from .tables import (MEDIACLOUD_COLUMNS, TABLE_COLUMNS, TableProblem, column_map, delimited_rows,
                     mediacloud_text, table_articles, xlsx_rows)
from .web import page_article

#: source families (``--format``), each with the file types it comes in
FORMATS = {"web": (".html", ".htm", ".xhtml"),
           "nexis": (".docx", ".rtf", ".txt"),
           "factiva": (".rtf", ".html", ".htm", ".txt", ".docx"),
           "mediacloud": (".csv", ".tsv", ".txt", ".xlsx"),
           "table": (".csv", ".tsv", ".tab", ".txt", ".xlsx")}
SUFFIXES = {s for suffixes in FORMATS.values() for s in suffixes}
_DOCUMENTS = (".docx", ".rtf", ".txt")
# a saved Factiva page: article blocks (or a table of field codes) and accession numbers
_FACTIVA_HTML = (re.compile(rb"class=\"article\s+\w*Article|<td[^>]*>\s*(?:<b>)?\s*HD(?:&nbsp;|\s)*(?:</b>)?\s*</td>"),
                 re.compile(rb">\s*Document\s+[A-Za-z0-9]{16,}\s*<"))


@dataclass
class ImportOptions:
    """How to read the files: ``columns`` names a table's columns (``{"text": "body"}``;
    fields id, date, text, title, outlet, author, url); ``encoding`` of text exports and
    tables; ``page_for(story id, url)`` finds a Media Cloud story's saved page."""

    columns: dict[str, str] = field(default_factory=dict)
    encoding: str = "utf-8"
    page_for: Callable[[str, str], tuple[str, bytes] | None] | None = None


def _family(name: str, data: bytes, text: str | None, fmt: str | None) -> str | None:
    """The source family of a file from its extension and content, or the one given."""
    suffix = Path(name).suffix.lower()
    if fmt is not None:
        return fmt
    if suffix in (".html", ".htm", ".xhtml"):
        return "factiva" if all(p.search(data) for p in _FACTIVA_HTML) else "web"
    if text is not None:   # a document's text
        return "factiva" if looks_like_factiva(text) else "nexis" if looks_like_nexis(text) else None
    return None


def _is_mediacloud(header: list[str]) -> bool:
    names = {h.strip().lower() for h in header}
    return "stories_id" in names or {"media_name", "publish_date"} <= names


def parse_file(name: str, data: bytes, fmt: str | None = None,
               options: ImportOptions | None = None) -> tuple[list[Article], list[Problem]]:
    """The article records of one file (its name, for the extension and messages, and
    its bytes), and the problems with the file as a whole. ``fmt``: one of
    :data:`FORMATS`, else found from the extension and content."""
    options = options or ImportOptions()
    suffix = Path(name).suffix.lower()
    if suffix == ".xls":
        return [], [file_problem(name, "an old Excel (.xls) workbook", "save it as .xlsx and import that")]
    if fmt is not None and suffix not in FORMATS[fmt]:
        return [], [file_problem(name, f"a {suffix or 'file without extension'} file cannot be a '{fmt}' source "
                                       f"(those are {', '.join(FORMATS[fmt])})", "leave out --format or this file")]
    try:
        if suffix == ".xlsx" or suffix in (".csv", ".tsv", ".tab") or fmt in ("table", "mediacloud"):
            return _table_file(name, data, fmt, options)
        if suffix in (".html", ".htm", ".xhtml"):
            family = _family(name, data, None, fmt)
            return (factiva_html_articles(data) if family == "factiva" else [page_article(data)]), []
        if suffix in _DOCUMENTS:
            return _document_file(name, data, fmt, options)
    except InputProblem as exc:
        return [], [exc.problem]
    except TableProblem as exc:
        return [], [file_problem(name, str(exc), exc.fix)]
    except _damaged() as exc:   # a damaged .docx or .xlsx, a bad RTF, a table without its columns
        return [], [file_problem(name, str(exc) or type(exc).__name__, "check that the file opens in its program")]
    return [], [file_problem(name, f"not an export, page or table ({suffix or 'no extension'})",
                             f"give files ending in {', '.join(sorted(SUFFIXES))}")]


def _damaged() -> tuple[type[Exception], ...]:
    """What the readers raise for a file they cannot open."""
    from docx.opc.exceptions import OpcError
    from openpyxl.utils.exceptions import InvalidFileException
    return (ValueError, KeyError, OSError, zipfile.BadZipFile, OpcError, InvalidFileException)


def _document_file(name: str, data: bytes, fmt: str | None, options: ImportOptions):
    suffix = Path(name).suffix.lower()
    if suffix == ".docx":
        lines, wrapped, unit = docx_lines(data), False, "paragraph"
    elif suffix == ".rtf":
        lines, wrapped, unit = text_lines(rtf_text(data)), False, "line"
    else:
        lines, wrapped, unit = text_lines(decode_text(data, name, options.encoding)), None, "line"
    family = _family(name, data, "\n".join(t for _, t in lines), fmt)
    if family is None:
        return [], [file_problem(name, "neither a Nexis export (no 'End of Document' or 'N of M DOCUMENTS' lines) "
                                       "nor a Factiva one (no 'Document <accession number>' lines)",
                                 "check the export, or give --format nexis or --format factiva")]
    parse = factiva_articles if family == "factiva" else nexis_articles
    articles = parse(lines, wrapped=wrapped, line_unit=unit)
    if not articles:
        return [], [file_problem(name, f"no {family} articles found", "check the export")]
    return articles, []


def _table_file(name: str, data: bytes, fmt: str | None, options: ImportOptions):
    suffix = Path(name).suffix.lower()
    notes: list[Problem] = []
    if suffix == ".xlsx":
        header, rows, others = xlsx_rows(data)
        stopped, unit = None, "sheet row"
        if others:
            notes.append(Problem(file=name, severity="warning", message=f"only the first sheet was read; "
                                 f"{', '.join(others)} left out", fix="put every article on the first sheet"))
    else:
        text = decode_text(data, name, options.encoding)
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        header, rows, stopped = delimited_rows(text, csv_delimiter(text, "\t" if suffix == ".tsv" else ","))
        unit = "line"
    mediacloud = fmt == "mediacloud" or (fmt is None and _is_mediacloud(header))
    usual = MEDIACLOUD_COLUMNS if mediacloud else TABLE_COLUMNS
    elsewhere = mediacloud and options.page_for is not None
    try:
        columns = column_map(header, usual, options.columns, required=("date",) if elsewhere else ("date", "text"))
    except TableProblem as exc:
        raise TableProblem(f"{exc} (or give the stories' saved pages with --pages)" if mediacloud else str(exc)) \
            from None
    text_for = mediacloud_text(options.page_for) if elsewhere else None
    articles = table_articles(header, rows, columns, unit, text_for)
    if stopped is not None:
        notes.append(file_problem(name, f"reading stopped at line {stopped}: a quote is not closed",
                                  "close the quoted field; the rows after it were not imported"))
    return articles, notes
