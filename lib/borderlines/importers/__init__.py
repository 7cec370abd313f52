"""Bring corpora in as researchers have them: saved web pages, Nexis Uni / LexisNexis and
Factiva exports, Media Cloud story lists, and spreadsheets, into the standard corpus
table (:data:`IMPORT_COLUMNS`: id, date, outlet, author, title, url, text and the
provenance of every article, ``source_file`` and ``source_position``).

>>> table, problems = import_corpus(["exports/"])          # doctest: +SKIP
>>> write_import(table, "corpus/articles.csv")            # doctest: +SKIP

Each source family has its module of pure parsers (bytes or lines in, :class:`Article`
records out): :mod:`.web`, :mod:`.nexis`, :mod:`.factiva`, :mod:`.tables`. A record that
cannot be read is reported with its file and position and the others are imported.
"""

from __future__ import annotations

import re
import zipfile
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

import pandas as pd

from ..io import InputProblem, update_checksums, write_corpus_table
from ..problems import Problem, errors
from ..progress import progress_bar
from .dates import BAD_DATE, NO_DATE, DateProblem, iso_date
from .documents import decode_text, docx_lines, rtf_text, text_lines
from .factiva import factiva_articles, factiva_html_articles, looks_like_factiva
from .nexis import looks_like_nexis, nexis_articles
from .records import (DUPLICATE, IMPORT_COLUMNS, NO_TEXT, UNREADABLE, UNREADABLE_FILE, Article, corpus_rows,
                      file_problem, reason_of)
from .tables import (MEDIACLOUD_COLUMNS, TABLE_COLUMNS, TableProblem, column_map, delimited_rows,
                     mediacloud_text, sniff_delimiter, table_articles, xlsx_rows)
from .web import page_article, page_url

__all__ = ["FORMATS", "IMPORT_COLUMNS", "Article", "DateProblem", "ImportOptions", "import_corpus",
           "import_summary", "iso_date", "parse_file", "write_import", "BAD_DATE", "NO_DATE", "NO_TEXT",
           "UNREADABLE", "UNREADABLE_FILE", "DUPLICATE"]

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
    except _damaged() as exc:   # a damaged .docx or .xlsx, a bad RTF, a table without its columns
        return [], [file_problem(name, str(exc) or type(exc).__name__, "check that the file opens in its program")]
    return [], [file_problem(name, f"not an export, page or table ({suffix or 'no extension'})",
                             f"give files ending in {', '.join(sorted(SUFFIXES))}")]


def _damaged() -> tuple[type[Exception], ...]:
    """What the readers raise for a file they cannot open."""
    from docx.opc.exceptions import OpcError
    from openpyxl.utils.exceptions import InvalidFileException
    return (ValueError, KeyError, OSError, TableProblem, zipfile.BadZipFile, OpcError, InvalidFileException)


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
        header, rows, stopped = delimited_rows(text, sniff_delimiter(text, "\t" if suffix == ".tsv" else ","))
        unit = "line"
    mediacloud = fmt == "mediacloud" or (fmt is None and _is_mediacloud(header))
    usual = MEDIACLOUD_COLUMNS if mediacloud else TABLE_COLUMNS
    elsewhere = mediacloud and options.page_for is not None
    columns = column_map(header, usual, options.columns, required=("date",) if elsewhere else ("date", "text"))
    text_for = mediacloud_text(options.page_for) if elsewhere else None
    articles = table_articles(header, rows, columns, unit, text_for)
    if stopped is not None:
        notes.append(file_problem(name, f"reading stopped at line {stopped}: a quote is not closed",
                                  "close the quoted field; the rows after it were not imported"))
    return articles, notes


# --------------------------------------------------------------------------- files


def source_files(paths: Iterable[str | Path], exclude: Iterable[str | Path] = ()) -> tuple[list[Path], list[Problem]]:
    """The files to read: each file given, and every file in each folder given (sorted,
    recursively; left out: hidden files, Office's ``~$`` lock files, ``SHA256SUMS``, the
    ``exclude`` files (an earlier output), and with a warning files of unknown types)."""
    files: list[Path] = []
    problems: list[Problem] = []
    skip = {Path(p).resolve() for p in exclude}
    for path in map(Path, paths):
        if path.is_dir():
            for f in sorted(p for p in path.rglob("*") if p.is_file()):
                if (any(part.startswith((".", "~$")) for part in f.relative_to(path).parts)
                        or f.name == "SHA256SUMS" or f.resolve() in skip):
                    continue
                if f.suffix.lower() in SUFFIXES or f.suffix.lower() == ".xls":
                    files.append(f)
                else:
                    problems.append(Problem(file=str(f), severity="warning",
                                            message="left out: not a page, export or table",
                                            fix=f"import files ending in {', '.join(sorted(SUFFIXES))}"))
        elif path.is_file():
            files.append(path)
        else:
            problems.append(file_problem(str(path), "no such file or folder", "check the path"))
    return files, problems


def pages_lookup(folder: str | Path) -> Callable[[str, str], tuple[str, bytes] | None]:
    """``page_for(story id, url)`` for a folder of saved pages (``.html``, ``.htm`` or
    ``.txt``) named by story id or by percent-encoded URL; failing those, a page is
    matched by the address it gives for itself (its canonical link)."""
    pages = [p for p in sorted(Path(folder).rglob("*"))
             if p.is_file() and p.suffix.lower() in (".html", ".htm", ".txt")]
    by_stem = {p.stem: p for p in pages}
    by_url: dict[str, Path] | None = None

    def page_for(story_id: str, url: str) -> tuple[str, bytes] | None:
        nonlocal by_url
        path = by_stem.get(story_id) or (by_stem.get(quote(url, safe="")) if url else None)
        if path is None and url:
            if by_url is None:
                by_url = {}
                for p in pages:
                    if p.suffix.lower() != ".txt":
                        by_url.setdefault(page_url(p.read_bytes()).rstrip("/"), p)
            path = by_url.get(url.rstrip("/"))
        return (str(path), path.read_bytes()) if path is not None else None
    return page_for


def import_corpus(paths: Iterable[str | Path] | str | Path, format: str | None = None, *,
                  columns: dict[str, str] | None = None, pages: str | Path | None = None,
                  encoding: str = "utf-8", dayfirst: bool | None = None, progress: bool = False,
                  exclude: Iterable[str | Path] = ()) -> tuple[pd.DataFrame, list[Problem]]:
    """Read every file of ``paths`` (files or folders) into the standard corpus table.

    ``format``: one of :data:`FORMATS` for every file (default: found per file from its
    extension and content); ``columns``: a table's column names by field; ``pages``:
    folder of a Media Cloud list's saved pages; ``encoding`` of text files; ``dayfirst``:
    how to read ``05/03/2019`` (None: such dates are problems); ``exclude``: files in
    the folders not to read (the output of an earlier import).

    Returns the table (columns :data:`IMPORT_COLUMNS`, in file order) and every problem:
    errors for records left out (file, position, reason) and warnings."""
    if format is not None and format not in FORMATS:
        raise ValueError(f"unknown format {format!r}; one of {', '.join(FORMATS)}")
    if isinstance(paths, (str, Path)):
        paths = [paths]
    files, problems = source_files(paths, exclude)
    options = ImportOptions(columns=dict(columns or {}), encoding=encoding,
                            page_for=pages_lookup(pages) if pages is not None else None)
    found: list[tuple[str, Article]] = []
    with progress_bar(len(files), "Files imported", unit="file", enabled=progress and len(files) > 1) as bar:
        for path in files:
            try:
                data = path.read_bytes()
            except OSError as exc:
                problems.append(file_problem(str(path), exc.strerror or str(exc), "check the file's permissions"))
                bar.update(1)
                continue
            articles, file_problems = parse_file(str(path), data, format, options)
            problems += file_problems
            found += [(str(path), a) for a in articles]
            bar.update(1)
    table, record_problems = corpus_rows(found, dayfirst)
    return table, problems + record_problems


def write_import(table: pd.DataFrame, out: str | Path) -> list[Path]:
    """Write the imported table to ``out`` (``.csv``, ``.jsonl`` or ``.parquet``,
    atomically) and record its checksum in ``SHA256SUMS`` beside it. Returns both paths."""
    out = Path(out)
    return [write_corpus_table(table, out), update_checksums(out)]


def import_summary(table: pd.DataFrame, problems: list[Problem]) -> str:
    """What was imported and what failed, by reason, for the command line."""
    failed = errors(problems)
    warned = [p for p in problems if p.severity != "error"]
    head = f"{len(table)} article(s) imported from {table['source_file'].nunique()} file(s); {len(failed)} failed"
    lines = [head + (f", {len(warned)} warning(s)" if warned else "")]
    for label, group in (("failed", failed), ("warnings", warned)):
        for reason, n in Counter(reason_of(p) for p in group).most_common():
            lines.append(f"  {label}: {n} × {reason}")
    return "\n".join(lines)
