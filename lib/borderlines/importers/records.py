"""What every importer returns, and the one step that turns it into the corpus table.

An importer reads one file into :class:`Article` records (one per article found, or a
record that says why it could not be read); :func:`corpus_rows` then gives each a
``YYYY-MM-DD`` date and a unique id, drops exact repeats, and reports every record that
failed as a :class:`~borderlines.problems.Problem` naming the file and its position.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

import pandas as pd

from ..problems import Problem
from .dates import DateProblem, iso_date

#: Columns of the imported corpus table (the standard corpus columns and provenance).
IMPORT_COLUMNS = {
    "id": "article id: the source's own (Factiva AN, Media Cloud story id, a table's id "
          "column) or '<file stem>-<n>' (str, unique)",
    "date": "publication date, YYYY-MM-DD",
    "outlet": "publication or site name ('' when unknown)",
    "author": "byline ('' when unknown)",
    "title": "headline ('' when unknown)",
    "url": "address of the article ('' when unknown)",
    "text": "article text, paragraphs separated by a blank line",
    "source_file": "the file the article was read from, as given",
    "source_position": "1-based position of the article in that file (article, row or page number)",
}

NO_TEXT = "no text"
UNREADABLE = "unreadable record"
UNREADABLE_FILE = "unreadable file"
DUPLICATE = "duplicate id"
REPEAT = "repeated article"


@dataclass
class Article:
    """One record read from a source file, before dates and ids are settled.

    ``position``: 1-based number of the record in its file (``unit`` says of what:
    article, row or page); ``line``: where it starts (``line_unit``: line or paragraph);
    ``date``: as found (text or a date cell); ``error``: ``(reason, detail, fix)`` when
    the record could not be read."""

    position: int
    line: int | None = None
    text: str = ""
    date: object = None
    title: str = ""
    outlet: str = ""
    author: str = ""
    url: str = ""
    id: str = ""
    unit: str = "article"
    line_unit: str = "line"
    error: tuple[str, str, str] | None = None
    extra: dict = field(default_factory=dict)

    def where(self) -> str:
        """``article 3, line 57``; a table's row number is left to the problem's ``row``."""
        at = [] if self.unit == "row" else [f"{self.unit} {self.position}"]
        return ", ".join(at + ([f"{self.line_unit} {self.line}"] if self.line is not None else []))


def record_problem(file: str, article: Article, reason: str, detail: str, fix: str = "",
                   field: str | None = None, severity: str = "error") -> Problem:
    """A problem with one record: the reason first (the summary counts by it), then the
    detail and the record's position."""
    return Problem(file=file, row=article.position if article.unit == "row" else None, field=field,
                   doc_id=article.id or None, message=f"{reason}: {detail} ({article.where()})",
                   fix=fix, severity=severity)


def file_problem(file: str, detail: str, fix: str = "", severity: str = "error") -> Problem:
    """A problem with a whole file (nothing in it could be read)."""
    return Problem(file=file, message=f"{UNREADABLE_FILE}: {detail}", fix=fix, severity=severity)


def reason_of(problem: Problem) -> str:
    """The reason a problem was reported (its message up to the first colon)."""
    return problem.message.split(":", 1)[0]


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def normal_text(text: str) -> str:
    """Line endings as ``\\n`` (Windows and old-Mac ones too, a form feed as a line
    break), no control characters or no-break spaces, no trailing spaces."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    text = _CONTROL.sub("", text).replace("\u00a0", " ").replace("\u200b", "")
    return "\n".join(line.rstrip() for line in text.split("\n"))


def paragraphs_text(paragraphs: Iterable[str]) -> str:
    """Paragraphs joined by a blank line, each with its white space collapsed."""
    kept = (" ".join(p.split()) for p in paragraphs)
    return "\n\n".join(p for p in kept if p)


def _ids(articles: list[tuple[str, Article]]) -> list[str]:
    """The id of each article: its own, else ``<file stem>-<position>``; a made-up id
    that is taken gets ``-2``, ``-3``…"""
    own = {a.id for _, a in articles if a.id}
    taken: set[str] = set()
    ids = []
    for file, a in articles:
        if a.id:
            ids.append(a.id)
            continue
        stem = re.sub(r"\s+", "_", file.replace("\\", "/").rsplit("/", 1)[-1].rsplit(".", 1)[0])
        base = stem if a.unit == "page" else f"{stem}-{a.position:03d}"
        made, n = base, 1
        while made in own or made in taken:
            n += 1
            made = f"{base}-{n}"
        taken.add(made)
        ids.append(made)
    return ids


def corpus_rows(articles: list[tuple[str, Article]], dayfirst: bool | None = None
                ) -> tuple[pd.DataFrame, list[Problem]]:
    """The corpus table (columns :data:`IMPORT_COLUMNS`, in reading order) from
    ``(source file, article)`` pairs, and a problem for every record left out: unreadable,
    without text, without a full date, or a second article under an id already used.
    An exact repeat (same id and text, or same date, outlet, title and text under another
    id: one article in two exports) is left out with a warning."""
    problems: list[Problem] = []
    rows: list[dict] = []
    seen: dict[str, str] = {}
    same_article: dict[tuple[str, ...], str] = {}     # (date, outlet, title, text) → id
    for (file, a), doc_id in zip(articles, _ids(articles)):
        a.id = doc_id
        if a.error is not None:
            reason, detail, fix = a.error
            problems.append(record_problem(file, a, reason, detail, fix))
            continue
        text = normal_text(a.text).strip()
        if not text:
            problems.append(record_problem(file, a, NO_TEXT, "no article text was found", "check the record "
                                           "in the source; it may hold only a picture or a link", field="text"))
            continue
        try:
            date = iso_date(a.date, dayfirst)
        except DateProblem as exc:
            problems.append(record_problem(file, a, exc.reason, exc.detail, exc.fix, field="date"))
            continue
        if doc_id in seen:
            if seen[doc_id] == text:
                problems.append(record_problem(file, a, REPEAT, f"'{doc_id}' was imported already with the same "
                                               "text; this copy is left out", field="id", severity="warning"))
            else:
                problems.append(record_problem(file, a, DUPLICATE, f"'{doc_id}' was imported already with another "
                                               "text; this one is left out", "give the articles different ids",
                                               field="id"))
            continue
        row = {"id": doc_id, "date": date, "outlet": _line(a.outlet), "author": _line(a.author),
               "title": _line(a.title), "url": a.url.strip(), "text": text, "source_file": file,
               "source_position": a.position}
        key = (date, row["outlet"], row["title"], text)
        if key in same_article:   # one article in two exports (overlapping searches) under two ids
            problems.append(record_problem(
                file, a, REPEAT, f"the same outlet, date, title and text as '{same_article[key]}'; this copy "
                                 "is left out", field="text", severity="warning"))
            continue
        seen[doc_id], same_article[key] = text, doc_id
        rows.append(row)
    table = pd.DataFrame(rows, columns=list(IMPORT_COLUMNS))
    table["source_position"] = table["source_position"].astype("int64")
    return table, problems


def _line(value: str) -> str:
    return " ".join(normal_text(value or "").split())
