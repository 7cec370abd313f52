"""Bring corpora in as researchers have them: saved web pages, Nexis Uni / LexisNexis and
Factiva exports, Media Cloud story lists, and spreadsheets, into the standard corpus
table (:data:`IMPORT_COLUMNS`: id, date, outlet, author, title, url, text and the
provenance of every article, ``source_file`` and ``source_position``).

>>> table, problems = import_corpus(["exports/"])          # doctest: +SKIP
>>> write_import(table, "corpus/articles.csv")            # doctest: +SKIP

Each source family has its module of pure parsers (bytes or lines in, :class:`Article`
records out): :mod:`.web`, :mod:`.nexis`, :mod:`.factiva`, :mod:`.tables`;
:mod:`.dispatch` picks one per file, :mod:`.records` makes the table. A record that
cannot be read is reported with its file and position and the others are imported.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from urllib.parse import quote

import pandas as pd

from ..files import update_checksums, write_corpus_table
from ..problems import Problem, errors
from ..progress import progress_bar
from .dates import BAD_DATE, NO_DATE, DateProblem, iso_date
from .dispatch import FORMATS, SUFFIXES, ImportOptions, parse_file
from .records import (DUPLICATE, IMPORT_COLUMNS, NO_TEXT, REPEAT, UNREADABLE, UNREADABLE_FILE, Article,
                      corpus_rows, file_problem, reason_of)
from .web import page_url

__all__ = ["FORMATS", "IMPORT_COLUMNS", "Article", "DateProblem", "ImportOptions", "import_corpus",
           "import_summary", "iso_date", "parse_file", "write_import", "BAD_DATE", "NO_DATE", "NO_TEXT",
           "UNREADABLE", "UNREADABLE_FILE", "DUPLICATE", "REPEAT"]

# --------------------------------------------------------------------------- files


def source_files(paths: Iterable[str | Path],
                 exclude: Iterable[str | Path] = ()) -> tuple[list[Path], list[Problem]]:
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
