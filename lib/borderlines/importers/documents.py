"""The lines of an exported document (plain text, RTF, Word), for the export parsers.

Each function takes the file's bytes and returns ``(number, text)`` lines: line numbers
for text and RTF, paragraph numbers for Word. Line endings, no-break spaces and control
characters are normalized first (:func:`~borderlines.importers.records.normal_text`).
"""

from __future__ import annotations

import io
import re

from ..files import InputProblem, decode_utf8
from .records import file_problem, normal_text, paragraphs_text

Line = tuple[int, str]


def text_lines(text: str) -> list[Line]:
    """Numbered lines of ``text``, stripped of surrounding spaces."""
    return [(i, line.strip()) for i, line in enumerate(normal_text(text).split("\n"), start=1)]


def decode_text(data: bytes, name: str, encoding: str = "utf-8") -> str:
    """``data`` decoded: UTF-8 (a BOM dropped) with the first bad byte named, or the
    ``encoding`` given. Raises :class:`~borderlines.files.InputProblem`."""
    if encoding.lower().replace("_", "-") in ("utf-8", "utf8", "utf-8-sig"):
        try:
            return decode_utf8(data, name)
        except InputProblem as exc:
            raise InputProblem(file_problem(name, exc.problem.message,
                                            "give the file's encoding, e.g. --encoding cp1252 for a Windows "
                                            "export, or save it as UTF-8")) from None
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        raise InputProblem(file_problem(name, f"cannot be read as {encoding}: {exc}",
                                        "give the file's real encoding with --encoding")) from None


# an RTF table cell ends with \cell: read it as a tab, so "HD<tab>headline" stays one line
_CELL = re.compile(rb"\\cell(?![a-z])\s?")


def rtf_text(data: bytes) -> str:
    """The plain text of an RTF document (striprtf), table cells separated by tabs."""
    from striprtf.striprtf import rtf_to_text
    if not data.lstrip().startswith(b"{\\rtf"):
        raise ValueError("not an RTF document (it does not start with {\\rtf)")
    source = _CELL.sub(rb"\\tab ", data)
    try:    # RTF escapes non-ASCII text; bytes some writers leave raw are in the Windows code page
        source = source.decode("cp1252")
    except UnicodeDecodeError:
        source = source.decode("latin-1")
    return rtf_to_text(source, encoding="cp1252", errors="replace")


def docx_lines(data: bytes) -> list[Line]:
    """The paragraphs of a Word document in reading order, numbered; a table row is one
    line, its cells separated by tabs."""
    import docx
    from docx.table import Table
    document = docx.Document(io.BytesIO(data))
    lines: list[Line] = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            for row in block.rows:
                lines.append((len(lines) + 1, "\t".join(normal_text(c.text).strip() for c in row.cells)))
        else:
            for part in normal_text(block.text).split("\n"):
                lines.append((len(lines) + 1, part.strip()))
    return lines


def paragraphs(lines: list[Line], wrapped: bool) -> list[list[Line]]:
    """Lines grouped into paragraphs: split at blank lines, and also at every line when
    not ``wrapped`` (Word and RTF: one paragraph a line)."""
    groups: list[list[Line]] = []
    current: list[Line] = []
    for number, text in lines:
        if not text:
            if current:
                groups.append(current)
            current = []
            continue
        current.append((number, text))
        if not wrapped:
            groups.append(current)
            current = []
    if current:
        groups.append(current)
    return groups


def body_text(lines: list[Line], wrapped: bool | None) -> str:
    """Body lines as text, paragraphs separated by a blank line. ``wrapped``: whether a
    paragraph may span lines (see :func:`paragraphs`); ``None`` (plain text) decides by
    whether the body has blank lines at all."""
    if wrapped is None:   # blank lines inside the body (not around it) separate its paragraphs
        filled = [i for i, (_, text) in enumerate(lines) if text]
        wrapped = bool(filled) and any(not text for _, text in lines[filled[0]:filled[-1]])
    return paragraphs_text(joined(p) for p in paragraphs(lines, wrapped))


def joined(paragraph: list[Line]) -> str:
    """A paragraph's lines as one line of text."""
    return " ".join(text for _, text in paragraph)
