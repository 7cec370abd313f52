"""All file input and output of the suite.

Reading: raw article files (strict UTF-8, with the byte position of any bad byte),
manifests, era tables, checksum files, YAML (cleaning rules, lexicons, study files),
and researchers' corpus tables (CSV, JSONL, Parquet; whole or in batches).

Writing: every output is written atomically (to a temporary file in the same folder,
then renamed), so a crash never leaves half a file in place of a good one; nothing is
ever written under ``data/raw``.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import yaml

from .paths import raw_dir
from .problems import Problem

TABLE_SUFFIXES = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl",
                  ".parquet": "parquet", ".pq": "parquet"}


class InputProblem(Exception):
    """A file could not be read; ``problem`` says where and how to fix it."""

    def __init__(self, problem: Problem):
        super().__init__(str(problem))
        self.problem = problem


# --------------------------------------------------------------------------- reading


def decode_utf8(data: bytes, name: str) -> str:
    """Decode ``data`` as UTF-8 (a leading BOM is dropped) or raise :class:`InputProblem`
    naming the byte offset, line and column of the first bad byte."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        start = exc.start
        line = data.count(b"\n", 0, start) + 1
        col = start - (data.rfind(b"\n", 0, start) + 1) + 1
        snippet = data[max(0, start - 20): start + 10]
        raise InputProblem(Problem(
            file=name,
            message=(f"bytes are not UTF-8 at byte {start} (line {line}, column {col}): "
                     f"{snippet!r}"),
            fix="save the file as UTF-8 (for example `iconv -f latin1 -t utf-8`)",
        )) from None
    return text[1:] if text.startswith("\ufeff") else text


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


def read_csv_strings(path: str | os.PathLike) -> pd.DataFrame:
    """A CSV file with every column read as text (empty cells as ``""``)."""
    path = Path(path)
    if not path.exists():
        raise InputProblem(Problem(file=str(path), message="file not found",
                                   fix="check the path"))
    decode_utf8(path.read_bytes(), str(path))  # names the bad byte, if any
    return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")


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


def read_table(path: str | os.PathLike) -> pd.DataFrame:
    """A researcher's corpus table (CSV, JSONL or Parquet) read whole, text columns as str."""
    return pd.concat(list(iter_table_batches(path)), ignore_index=True)


def iter_table_batches(path: str | os.PathLike, batch_size: int = 2000) -> Iterator[pd.DataFrame]:
    """Read a CSV, JSONL or Parquet table in batches of ``batch_size`` rows, so a corpus
    larger than memory never loads whole. Each batch keeps a ``_row`` column: the
    1-based data row in the file, for error messages."""
    path = Path(path)
    fmt = table_format(path)
    if not path.exists():
        raise InputProblem(Problem(file=str(path), message="file not found", fix="check the path"))
    if fmt is None:
        raise InputProblem(Problem(
            file=str(path), message=f"unknown table format '{path.suffix}'",
            fix="use .csv, .jsonl or .parquet, or a folder of .txt files with a manifest.csv"))
    offset = 0
    try:
        if fmt == "parquet":
            import pyarrow.parquet as pq
            batches = (b.to_pandas() for b in pq.ParquetFile(path).iter_batches(batch_size=batch_size))
        elif fmt == "csv":
            batches = pd.read_csv(path, dtype=str, keep_default_na=False, chunksize=batch_size,
                                  encoding="utf-8")
        else:
            batches = pd.read_json(path, lines=True, dtype=False, chunksize=batch_size,
                                   encoding="utf-8")
        for batch in batches:
            batch = batch.reset_index(drop=True)
            batch.insert(0, "_row", range(offset + 1, offset + 1 + len(batch)))
            offset += len(batch)
            yield batch
    except UnicodeDecodeError:
        decode_utf8(path.read_bytes(), str(path))
        raise
    except ValueError as exc:
        raise InputProblem(Problem(file=str(path), message=f"could not be read as {fmt}: {exc}",
                                   fix=f"check that the file is valid {fmt}")) from None


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
