"""All file input and output of the suite.

Reading: raw article files (strict UTF-8, with the byte position of any bad byte),
manifests, era tables, checksum files, YAML (cleaning rules, lexicons, study files),
and researchers' corpus tables (CSV, JSON Lines or a JSON array, Parquet; whole or in
batches). A table's bytes that are not UTF-8 are either refused (loading) or reported
row by row and read as U+FFFD, so the rest of the table can still be checked
(validating).

Writing: every output is written atomically (to a temporary file in the same folder,
then renamed), so a crash never leaves half a file in place of a good one; nothing is
ever written under ``data/raw``.
"""

from __future__ import annotations

import bisect
import csv
import dataclasses
import hashlib
import io as _stdio
import json
import math
import os
import re
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from .paths import raw_dir
from .problems import Problem

if TYPE_CHECKING:   # pandas is imported where it is used: a no-op build never needs it
    import pandas as pd

TABLE_SUFFIXES = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl",
                  ".parquet": "parquet", ".pq": "parquet"}


class InputProblem(Exception):
    """A file could not be read; ``problem`` says where and how to fix it."""

    def __init__(self, problem: Problem):
        super().__init__(str(problem))
        self.problem = problem


# --------------------------------------------------------------------------- reading


UTF8_FIX = "save the file as UTF-8 (for example `iconv -f latin1 -t utf-8`)"


@dataclass(frozen=True)
class BadBytes:
    """A run of bytes that are not UTF-8: ``offset`` (0-based byte in the file),
    ``line`` and ``column`` (1-based; the column counts bytes), the ``bad`` bytes
    themselves, ``context``, the bytes around them, and ``index``, where the U+FFFD
    that replaces them is in the decoded text."""

    offset: int
    line: int
    column: int
    bad: bytes
    context: bytes
    index: int = -1

    def describe(self) -> str:
        return (f"bytes are not UTF-8 at byte {self.offset} (line {self.line}, column {self.column}): "
                f"{self.bad!r} in {self.context!r}")


_ESCAPED = re.compile("[\udc80-\udcff]+")   # bytes that surrogateescape kept


def find_bad_utf8(data: bytes) -> tuple[str, list[BadBytes]]:
    """``data`` decoded as UTF-8 with each run of bytes that are not UTF-8 read as one
    U+FFFD (a leading BOM dropped), and where those runs are (empty when ``data`` is
    UTF-8). Line numbers of the text and of ``data`` agree."""
    try:
        text = data.decode("utf-8")
        return (text[1:] if text.startswith("\ufeff") else text), []
    except UnicodeDecodeError:
        text = data.decode("utf-8", "surrogateescape")
    bom = 1 if text.startswith("\ufeff") else 0
    runs: list[BadBytes] = []
    line, line_start, char_pos, byte_pos, shrunk = 1, 0, 0, 0, bom
    for m in _ESCAPED.finditer(text):
        before = text[char_pos:m.start()]
        newlines = before.count("\n")
        if newlines:
            line += newlines
            line_start = byte_pos + len(before[:before.rfind("\n") + 1].encode("utf-8"))
        offset = byte_pos + len(before.encode("utf-8"))
        n = m.end() - m.start()
        runs.append(BadBytes(offset, line, offset - line_start + 1, data[offset:offset + n],
                             data[max(0, offset - 20):offset + n + 10], m.start() - shrunk))
        char_pos, byte_pos, shrunk = m.end(), offset + n, shrunk + n - 1
    if runs:
        text = _ESCAPED.sub("\ufffd", text)
    return text[bom:], runs


def decode_utf8(data: bytes, name: str) -> str:
    """Decode ``data`` as UTF-8 (a leading BOM is dropped) or raise :class:`InputProblem`
    naming the byte offset, line and column of the first bad byte."""
    text, runs = find_bad_utf8(data)
    if runs:
        first = runs[0]
        raise InputProblem(Problem(
            file=name,
            message=(f"bytes are not UTF-8 at byte {first.offset} (line {first.line}, column {first.column}): "
                     f"{data[max(0, first.offset - 20): first.offset + 10]!r}"),
            fix=UTF8_FIX,
        ))
    return text


def read_text(path: str | os.PathLike) -> str:
    """The text of a UTF-8 file; a clear :class:`InputProblem` if it is missing or not UTF-8."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputProblem(Problem(file=str(path), message="file not found",
                                   fix="check the path, or the 'file' column of the manifest")) from None
    return decode_utf8(data, str(path))


def sha256_file(path: str | os.PathLike) -> str:
    """Hex SHA-256 of a file's bytes."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def read_checksums(path: str | os.PathLike) -> dict[str, str]:
    """``{file name: sha256}`` from a ``sha256sum``-style file (``SHA256SUMS``)."""
    sums: dict[str, str] = {}
    for line in read_text(path).splitlines():
        if line.strip() and not line.startswith("#"):
            digest, _, name = line.strip().partition(" ")
            sums[name.strip().lstrip("*")] = digest.lower()
    return sums


#: Field separators a CSV file may use: comma, semicolon (spreadsheets in many
#: European locales), tab and pipe.
CSV_DELIMITERS = ",;\t|"


def csv_delimiter(head: str, default: str = ",") -> str:
    """The field separator of CSV text whose beginning is ``head``, judged from its
    header line (column names seldom hold a separator; texts often do): the one of
    :data:`CSV_DELIMITERS` that splits it, ``default`` when none does."""
    first = next((line for line in head.splitlines() if line.strip()), "")
    try:
        return csv.Sniffer().sniff(first, delimiters=CSV_DELIMITERS).delimiter
    except csv.Error:
        return default


def read_head(path: str | os.PathLike, size: int = 64 * 1024) -> str:
    """The first ``size`` bytes of a file as text (bad bytes replaced, BOM dropped)."""
    with open(path, "rb") as fh:
        return fh.read(size).decode("utf-8", "replace").removeprefix("\ufeff")


def empty_file_problem(path: str | os.PathLike) -> Problem:
    """The problem of a CSV table or manifest with nothing in it."""
    return Problem(file=str(path), message="the file is empty: no header and no articles",
                   fix="write a header line (a manifest: id,file,date; a table: id,date,text) "
                       "and one row per article")


def read_csv_strings(path: str | os.PathLike) -> pd.DataFrame:
    """A CSV file with every column read as text (empty cells as ``""``); the field
    separator is detected (:func:`csv_delimiter`)."""
    import pandas as pd

    path = Path(path)
    if not path.is_file():
        raise InputProblem(Problem(file=str(path), message="a folder, not a file" if path.is_dir()
                                   else "file not found", fix="check the path"))
    text = decode_utf8(path.read_bytes(), str(path))  # names the bad byte, if any
    if not text.strip():
        raise InputProblem(empty_file_problem(path))
    return pd.read_csv(_stdio.StringIO(text), dtype=str, keep_default_na=False, sep=csv_delimiter(text))


SHEET_SUFFIXES = (".csv", ".xlsx")


def read_sheet(path: str | os.PathLike, sheet: str | None = None) -> pd.DataFrame:
    """A spreadsheet (``.csv`` or ``.xlsx``; of a workbook, ``sheet`` or the first
    sheet) with every cell read as text (empty cells as ``""``, whole numbers as
    ``1``, not ``1.0``); fully empty rows dropped. :class:`InputProblem` when the
    file is missing, of another type, or has no such sheet."""
    import pandas as pd

    path = Path(path)
    if not path.exists():
        raise InputProblem(Problem(file=str(path), message="file not found", fix="check the path"))
    suffix = path.suffix.lower()
    if suffix == ".csv":
        table = read_csv_strings(path)
    elif suffix == ".xlsx":
        import openpyxl
        try:
            book = openpyxl.load_workbook(path, read_only=True, data_only=True)
        except Exception as exc:  # openpyxl raises several types for a damaged file
            raise InputProblem(Problem(file=str(path), message=f"cannot be read as an Excel workbook ({exc})",
                                       fix="save it again from Excel or LibreOffice as .xlsx")) from None
        try:
            if sheet is not None and sheet not in book.sheetnames:
                raise InputProblem(Problem(file=str(path), message=f"has no sheet '{sheet}' "
                                           f"(it has: {', '.join(book.sheetnames)})",
                                           fix=f"keep the coded items in a sheet named '{sheet}'"))
            rows = list((book[sheet] if sheet is not None else book.worksheets[0]).iter_rows(values_only=True))
        finally:
            book.close()
        header = [str(h).strip() if h is not None else "" for h in (rows[0] if rows else ())]
        body = [["" if v is None else str(int(v)) if isinstance(v, float) and v.is_integer() else str(v)
                 for v in r] for r in rows[1:]]
        body = [r[:len(header)] + [""] * (len(header) - len(r)) for r in body]
        used = [i for i, h in enumerate(header) if h or any(r[i].strip() for r in body)]
        table = pd.DataFrame([[r[i] for i in used] for r in body], columns=[header[i] for i in used], dtype=object)
    else:
        raise InputProblem(Problem(file=str(path), message=f"is not a .csv or .xlsx file ({suffix or 'no suffix'})",
                                   fix="save the sheet as .csv (UTF-8) or .xlsx"))
    if not len(table.columns):
        return table
    return table[(table.astype(str).apply(lambda col: col.str.strip()) != "").any(axis=1)]


def read_yaml(path: str | os.PathLike) -> object:
    """Parsed YAML; a clear :class:`InputProblem` naming the line of a syntax error."""
    path = Path(path)
    text = read_text(path)
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        raise InputProblem(Problem(file=str(path), message=f"not valid YAML{where}: {exc}",
                                   fix="fix the YAML syntax (indentation, quotes)")) from None


def table_format(path: str | os.PathLike) -> str | None:
    """``"csv"``, ``"jsonl"`` or ``"parquet"`` from a file name, else ``None``."""
    return TABLE_SUFFIXES.get(Path(path).suffix.lower())


def read_table(path: str | os.PathLike, **options) -> pd.DataFrame:
    """A researcher's corpus table (CSV, JSONL or Parquet) read whole, text columns as str
    (``options`` as :func:`iter_table_batches`: ``problems``, ``id_column``)."""
    import pandas as pd

    batches = list(iter_table_batches(path, **options))
    return pd.concat(batches, ignore_index=True) if batches else pd.DataFrame({"_row": []})


def iter_table_batches(path: str | os.PathLike, batch_size: int = 2000, *,
                       problems: list[Problem] | None = None,
                       id_column: str = "id") -> Iterator[pd.DataFrame]:
    """Read a CSV, JSONL or Parquet table in batches of ``batch_size`` rows, so a corpus
    larger than memory never loads whole. Each batch keeps a ``_row`` column for error
    messages: the 1-based data row (CSV, Parquet), line (JSON Lines) or item (JSON array).

    JSON values are read as text (``1`` and ``1.0`` as ``"1"``; ``null`` as missing); a
    ``.json`` file may hold JSON Lines or one JSON array of objects (read whole).

    Bytes that are not UTF-8 and JSON lines or items that are not objects are raised as
    :class:`InputProblem` (naming the line, byte, row and, from ``id_column``, the id),
    unless ``problems`` is a list: then they are appended to it, one per row, and reading
    goes on (bad bytes read as U+FFFD, lines that are not objects skipped), so the rest
    of the table can be checked; a CSV file is then read into memory whole."""
    path = Path(path)
    fmt = table_format(path)
    if not path.exists():
        raise InputProblem(Problem(file=str(path), message="file not found", fix="check the path"))
    if fmt is None:
        raise InputProblem(Problem(
            file=str(path), message=f"unknown table format '{path.suffix}'",
            fix="use .csv, .jsonl or .parquet, or a folder of .txt files with a manifest.csv"))
    try:
        if fmt == "parquet":
            yield from _parquet_batches(path, batch_size)
        elif fmt == "csv":
            yield from _csv_batches(path, batch_size, problems, id_column)
        else:
            yield from _json_batches(path, batch_size, problems, id_column)
    except ValueError as exc:
        raise InputProblem(Problem(file=str(path), message=f"could not be read as {fmt}: {exc}",
                                   fix=f"check that the file is valid {fmt}")) from None


def _numbered(batches: Iterable[pd.DataFrame]) -> Iterator[pd.DataFrame]:
    offset = 0
    for batch in batches:
        batch = batch.reset_index(drop=True)
        batch.insert(0, "_row", range(offset + 1, offset + 1 + len(batch)))
        offset += len(batch)
        yield batch


def _parquet_batches(path: Path, batch_size: int) -> Iterator[pd.DataFrame]:
    import pyarrow.parquet as pq
    # integers with nulls stay integers (and None), not floats ('1.0', 'nan')
    yield from _numbered(b.to_pandas(integer_object_nulls=True)
                         for b in pq.ParquetFile(path).iter_batches(batch_size=batch_size))


def _report(problem: Problem, problems: list[Problem] | None) -> None:
    """Collect ``problem`` in ``problems``, or raise it when there is no list."""
    if problems is None:
        raise InputProblem(problem)
    problems.append(problem)


def _csv_batches(path: Path, batch_size: int, problems: list[Problem] | None,
                 id_column: str) -> Iterator[pd.DataFrame]:
    import pandas as pd

    sep = csv_delimiter(read_head(path))

    def read(source):
        try:
            return pd.read_csv(source, dtype=str, keep_default_na=False, chunksize=batch_size,
                               encoding="utf-8", sep=sep)
        except pd.errors.EmptyDataError:
            raise InputProblem(empty_file_problem(path)) from None
    if problems is None:                                   # streaming, refusing bad bytes
        try:
            yield from _numbered(read(path))
        except UnicodeDecodeError:
            data = path.read_bytes()
            found = csv_bad_byte_problems(str(path), *find_bad_utf8(data), id_column)
            if not found:
                decode_utf8(data, str(path))
            raise InputProblem(found[0]) from None
        return
    text, bad = find_bad_utf8(path.read_bytes())
    problems.extend(csv_bad_byte_problems(str(path), text, bad, id_column))
    yield from _numbered(read(_stdio.StringIO(text)))


def csv_record_lines(text: str, delimiter: str | None = None) -> list[tuple[int, int, list[str]]]:
    """``(first line, last line, fields)`` of each record of CSV ``text`` (fields
    separated by ``delimiter``; detected by :func:`csv_delimiter` when None), the header first; blank lines are skipped, as pandas
    skips them, so record ``i`` is data row ``i``."""
    records = []
    reader = csv.reader(_stdio.StringIO(text, newline=""),
                        delimiter=delimiter or csv_delimiter(text[:64 * 1024]))
    last = 0
    try:
        for fields in reader:
            if fields:
                records.append((last + 1, reader.line_num, fields))
            last = reader.line_num
    except csv.Error:
        pass                                   # pandas reports the syntax error itself
    return records


def _bad_byte_problem(file: str, runs: list[BadBytes], row: int | None, fields: dict[str, object],
                      id_column: str, where: str = "") -> Problem:
    """One problem for the bad bytes of one row: the first run, how many more, the
    field that holds them and the row's id."""
    first = runs[0]
    more = f" (and {len(runs) - 1} more run(s) of bad bytes in this row)" if len(runs) > 1 else ""
    field = next((str(k) for k, v in fields.items() if "\ufffd" in str(k) + str(v)), None)
    doc_id = fields.get(id_column)
    doc_id = None if doc_id is None or "\ufffd" in str(doc_id) or not str(doc_id).strip() else str(doc_id)
    return Problem(file=file, row=row, field=field if row is not None else None, doc_id=doc_id,
                   message=first.describe() + where + more, fix=UTF8_FIX)


def csv_bad_byte_problems(file: str, text: str, bad: list[BadBytes], id_column: str = "id") -> list[Problem]:
    """One problem per row of CSV ``text`` (decoded by :func:`find_bad_utf8`) that held
    bytes that are not UTF-8 (``bad``): line, byte offset, the bytes, data row, field, id."""
    if not bad:
        return []
    records = csv_record_lines(text)
    header = records[0][2] if records else []
    firsts = [r[0] for r in records]
    by_record: dict[int | None, list[BadBytes]] = {}
    for run in bad:
        k = bisect.bisect_right(firsts, run.line) - 1
        by_record.setdefault(k if k >= 0 and run.line <= records[k][1] else None, []).append(run)
    problems = []
    for k, runs in by_record.items():
        if k == 0:
            problems.append(_bad_byte_problem(file, runs, None, {}, id_column, " in the header line"))
        elif k is None:
            problems.append(_bad_byte_problem(file, runs, None, {}, id_column))
        else:
            problems.append(_bad_byte_problem(file, runs, k, dict(zip(header, records[k][2])), id_column))
    return problems


JSON_FIX = ('write one JSON object per line (JSON Lines), e.g. '
            '{"id": "a1", "date": "2020-05-06", "text": "..."}, or one JSON array of such objects')


def _json_kind(value: object) -> str:
    if isinstance(value, list):
        return "an array"
    if isinstance(value, bool):
        return f"{str(value).lower()}"
    if isinstance(value, (int, float)):
        return f"a number ({value})"
    if isinstance(value, str):
        return "a string"
    return "null" if value is None else type(value).__name__


def json_cell(value: object) -> str | None:
    """A JSON value as table text: strings as they are, whole numbers without a
    decimal point (``1.0`` → ``"1"``), ``null`` (and NaN) as ``None``, booleans,
    other numbers, arrays and objects as JSON."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return json.dumps(value, ensure_ascii=False)


def _json_batches(path: Path, batch_size: int, problems: list[Problem] | None,
                  id_column: str) -> Iterator[pd.DataFrame]:
    with open(path, "rb") as fh:
        head = fh.read(1024).removeprefix(b"\xef\xbb\xbf").lstrip()
    records = (_json_array_records(path, problems, id_column) if head.startswith(b"[")
               else _json_lines_records(path, problems, id_column))
    batch: list[dict] = []
    for row, obj in records:
        batch.append({"_row": row, **{str(k): json_cell(v) for k, v in obj.items() if k != "_row"}})
        if len(batch) == batch_size:
            yield _records_frame(batch)
            batch = []
    if batch:
        yield _records_frame(batch)


def _records_frame(records: list[dict]) -> pd.DataFrame:
    import pandas as pd

    frame = pd.DataFrame.from_records(records)
    return frame.astype({c: object for c in frame.columns if c != "_row"}).where(frame.notna(), None)


def _json_lines_records(path: Path, problems: list[Problem] | None,
                        id_column: str) -> Iterator[tuple[int, dict]]:
    """``(line number, object)`` for each non-blank line of a JSON Lines file."""
    name = str(path)
    with open(path, "rb") as fh:
        start = 0
        for line_no, raw in enumerate(fh, start=1):
            line_start, start = start, start + len(raw)
            if line_no == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw, line_start = raw[3:], line_start + 3
            try:
                text, bad = raw.decode("utf-8"), []
            except UnicodeDecodeError:
                text, bad = find_bad_utf8(raw)
            if not text.strip():
                continue
            try:
                obj = json.loads(text)
            except json.JSONDecodeError as exc:
                _report(Problem(file=name, message=f"line {line_no} is not valid JSON: {exc.msg} "
                                                   f"(column {exc.colno})", fix=JSON_FIX), problems)
                continue
            if not isinstance(obj, dict):
                _report(Problem(file=name, message=(f"expected JSON Lines, one object per line; line {line_no} "
                                                    f"is {_json_kind(obj)}"), fix=JSON_FIX), problems)
                continue
            if bad:
                runs = [dataclasses.replace(b, offset=b.offset + line_start, line=line_no) for b in bad]
                _report(_bad_byte_problem(name, runs, line_no, obj, id_column), problems)
            yield line_no, obj


def _json_array_records(path: Path, problems: list[Problem] | None,
                        id_column: str) -> Iterator[tuple[int, dict]]:
    """``(item number, object)`` for each item of a file holding one JSON array."""
    name = str(path)
    data = path.read_bytes()
    text, bad = find_bad_utf8(data)
    space = re.compile(r"[ \t\n\r]*")
    decoder = json.JSONDecoder()
    items: list[tuple[int, int, int, object]] = []      # first char, end char, first line, value
    try:
        pos = space.match(text, text.index("[") + 1).end()
        line = text.count("\n", 0, pos) + 1
        while text[pos:pos + 1] != "]":
            value, end = decoder.raw_decode(text, pos)
            items.append((pos, end, line, value))
            after = space.match(text, end).end()
            if text[after:after + 1] == ",":
                after = space.match(text, after + 1).end()
            elif text[after:after + 1] != "]":
                raise json.JSONDecodeError("expected ',' or ']' after an item", text, after)
            line += text.count("\n", pos, after)
            pos = after
        if text[pos + 1:].strip():
            raise json.JSONDecodeError("extra data after the array", text, pos + 1)
    except json.JSONDecodeError as exc:
        raise InputProblem(Problem(file=name, message=(f"not valid JSON at line {exc.lineno}, "
                                                       f"column {exc.colno}: {exc.msg}"), fix=JSON_FIX)) from None
    starts = [first for first, _, _, _ in items]
    runs_of: dict[int, list[BadBytes]] = {}
    for run in bad:
        k = bisect.bisect_right(starts, run.index) - 1
        runs_of.setdefault(k if k >= 0 and run.index < items[k][1] else -1, []).append(run)
    if -1 in runs_of:
        _report(_bad_byte_problem(name, runs_of[-1], None, {}, id_column, " (outside every item)"), problems)
    for k, (_, _, first, value) in enumerate(items):
        if not isinstance(value, dict):
            _report(Problem(file=name, message=(f"expected an array of objects; item {k + 1} (line {first}) "
                                                f"is {_json_kind(value)}"), fix=JSON_FIX), problems)
            continue
        if k in runs_of:
            _report(_bad_byte_problem(name, runs_of[k], k + 1, value, id_column), problems)
        yield k + 1, value


# --------------------------------------------------------------------------- writing


def _refuse_raw(path: Path) -> None:
    target = path.resolve()
    raw = raw_dir().resolve()
    if target == raw or raw in target.parents:
        raise PermissionError(f"refusing to write {path}: data/raw is never modified")


def write_bytes_atomic(path: str | os.PathLike, data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically: a temporary file in the same folder, flushed
    and then renamed over the target. Creates parent folders."""
    path = Path(path)
    _refuse_raw(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def write_text_atomic(path: str | os.PathLike, text: str) -> Path:
    """Write UTF-8 ``text`` atomically (see :func:`write_bytes_atomic`)."""
    return write_bytes_atomic(path, text.encode("utf-8"))


def write_json_atomic(path: str | os.PathLike, obj: object) -> Path:
    """Write ``obj`` as indented, key-sorted JSON, atomically."""
    return write_text_atomic(path, json.dumps(obj, indent=2, sort_keys=True, ensure_ascii=False,
                                              default=str) + "\n")


def write_workbook_atomic(path: str | os.PathLike, workbook) -> Path:
    """Save an ``openpyxl.Workbook`` to ``path`` (.xlsx) atomically."""
    buf = _stdio.BytesIO()
    workbook.save(buf)
    return write_bytes_atomic(path, buf.getvalue())


def write_table(df: pd.DataFrame, path_stem: str | os.PathLike,
                formats: tuple[str, ...] = ("csv", "parquet")) -> list[Path]:
    """Write ``df`` as ``<path_stem>.csv`` and/or ``.parquet``, atomically and
    deterministically (same table, same bytes). Returns the paths written."""
    import io as _io

    import pyarrow as pa
    import pyarrow.parquet as pq

    stem = Path(path_stem)
    written = []
    if "csv" in formats:
        text = df.to_csv(index=False, lineterminator="\n", date_format="%Y-%m-%d")
        written.append(write_text_atomic(stem.with_suffix(".csv"), text))
    if "parquet" in formats:
        buf = _io.BytesIO()
        table = pa.Table.from_pandas(df, preserve_index=False)
        pq.write_table(table, buf, compression="zstd")
        written.append(write_bytes_atomic(stem.with_suffix(".parquet"), buf.getvalue()))
    return written


def write_corpus_table(df: pd.DataFrame, path: str | os.PathLike) -> Path:
    """Write a corpus table as the file type its name says (``.csv``, ``.jsonl`` or
    ``.parquet``), atomically and deterministically, every column as written (no
    index); read back by the corpus loader unchanged."""
    import io as _io

    import pyarrow as pa
    import pyarrow.parquet as pq

    path = Path(path)
    fmt = table_format(path)
    if fmt == "csv":
        return write_text_atomic(path, df.to_csv(index=False, lineterminator="\n"))
    if fmt == "jsonl":
        lines = (json.dumps(row, ensure_ascii=False) for row in df.to_dict("records"))
        return write_text_atomic(path, "".join(line + "\n" for line in lines))
    if fmt == "parquet":
        buf = _io.BytesIO()
        pq.write_table(pa.Table.from_pandas(df, preserve_index=False), buf, compression="zstd")
        return write_bytes_atomic(path, buf.getvalue())
    raise ValueError(f"cannot write a corpus table as '{path.suffix}': name it .csv, .jsonl or .parquet")


def update_checksums(path: str | os.PathLike) -> Path:
    """Record the SHA-256 of ``path`` in ``SHA256SUMS`` beside it (``sha256sum`` format,
    other entries kept), atomically; returns the checksum file."""
    path = Path(path)
    sums_path = path.parent / "SHA256SUMS"
    sums = read_checksums(sums_path) if sums_path.exists() else {}
    sums[path.name] = sha256_file(path)
    return write_text_atomic(sums_path, "".join(f"{digest}  {name}\n" for name, digest in sorted(sums.items())))


#: Rows an Excel sheet holds (with its header row).
EXCEL_MAX_ROWS = 1_048_575


def write_workbook(tables: dict[str, pd.DataFrame], path: str | os.PathLike, max_rows: int = EXCEL_MAX_ROWS,
                   total_rows: dict[str, int] | None = None) -> Path:
    """Write ``tables`` as one ``.xlsx`` workbook, a sheet per table (names cut to Excel's
    31 characters), atomically. A table longer than ``max_rows`` (at most what a sheet
    holds, :data:`EXCEL_MAX_ROWS`) keeps its first ``max_rows`` rows, and a first sheet,
    ``contents``, lists every table with its rows (``total_rows[name]`` when a table
    given is already cut) and what was left out. Timezones are dropped (Excel has none)."""
    import io as _io

    import pandas as pd

    contents, sheets = [], {}
    for name, df in tables.items():
        sheet = name[:31]
        while sheet in sheets or sheet == "contents":
            sheet = f"{sheet[:28]}_{len(sheets)}"
        df = df.copy()
        for c in df.columns:
            if isinstance(df[c].dtype, pd.DatetimeTZDtype):
                df[c] = df[c].dt.tz_localize(None)
        keep = min(max_rows, EXCEL_MAX_ROWS)
        rows = (total_rows or {}).get(name, len(df))
        sheets[sheet] = df.head(keep)
        contents.append({"sheet": sheet, "table": name, "rows": rows,
                         "note": f"first {keep:,} rows; the CSV has all" if rows > keep else ""})
    buf = _io.BytesIO()
    with pd.ExcelWriter(buf, engine="openpyxl") as xl:
        pd.DataFrame(contents, columns=["sheet", "table", "rows", "note"]).to_excel(xl, sheet_name="contents", index=False)
        for sheet, df in sheets.items():
            df.to_excel(xl, sheet_name=sheet, index=False)
    return write_bytes_atomic(Path(path), buf.getvalue())
