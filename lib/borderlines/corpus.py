"""Load and validate a corpus: the bundled five articles or a researcher's own.

A corpus source is one of

* nothing (``None``): the bundled corpus, ``data/manifest.csv`` + ``data/raw/``, whose
  files are checked against ``data/raw/SHA256SUMS`` (which must be there);
* a folder of UTF-8 ``.txt`` files with a ``manifest.csv`` (columns ``id``, ``file``,
  ``date`` and optionally ``outlet``, ``author``, ``title``, ``*_evidence``), and
  optionally a ``SHA256SUMS`` file that is then verified (without one, validating
  warns that nothing was verified);
* a table file, ``.csv``, ``.jsonl`` (or ``.json``: JSON Lines or one array of
  objects) or ``.parquet``, with one row per article and columns ``id``, ``date``,
  ``text`` (names configurable) and the optional ones above.

Dates are strict (:func:`parse_date`): ``YYYY-MM-DD``, optionally with an ISO time whose
calendar date is kept as written; anything else is an error.

:func:`validate_corpus` returns every problem at once (file, row, field, what to fix);
:func:`load_corpus` raises :class:`~borderlines.problems.CorpusError` listing them, or
returns the clean corpus table (columns in :data:`CORPUS_COLUMNS`).
"""

from __future__ import annotations

import dataclasses
import logging
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from . import eras as eras_mod
from .eras import ISO_DATE, date_hint, parse_date, parse_dates  # noqa: F401 - public here too
from .cleaning import Rule, clean_text, load_rules, metadata_fields, normalize_newlines
from .files import (InputProblem, csv_record_lines, decode_utf8, read_checksums, read_table,
                 read_csv_strings, sha256_file, table_format)
from .paths import default_manifest, raw_dir
from .problems import CorpusError, Problem, errors

log = logging.getLogger(__name__)

#: Columns of the corpus table returned by :func:`load_corpus` (one row per article).
CORPUS_COLUMNS = {
    "doc_id": "article id from the manifest or table (str, unique), e.g. '000'",
    "file": "source file of the text (folder corpora) or of the table",
    "date": "publication date (Timestamp, day precision)",
    "era": "era key from the eras table; 'outside' when in no era",
    "era_label": "human-readable era name",
    "outlet": "publication ('' when unknown)",
    "author": "author ('' when unknown)",
    "title": "headline ('' when unknown)",
    "text": "clean text: debris removed, whitespace normalized, paragraphs split by a blank line",
    "raw_text": "the text as read, its line endings made \\n (Windows \\r\\n and old Mac \\r ones too)",
    "n_chars": "length of the clean text in characters",
    "meta_*": "metadata kept by cleaning rules (byline, published, updated, credit, scraped_date)",
    "*_evidence": "where each manifest fact comes from (bundled corpus and manifests that give it)",
}

OPTIONAL_COLUMNS = ("outlet", "author", "title")


@dataclass
class SourceSpec:
    """How to read a corpus source; the defaults fit the bundled corpus."""

    source: Path | None = None
    manifest: Path | None = None
    id_column: str = "id"
    date_column: str = "date"
    text_column: str = "text"
    file_column: str = "file"
    verify_checksums: bool = True
    kind: str = field(init=False, default="bundled")
    label: str = field(init=False, default="")

    def __post_init__(self):
        src = Path(self.source) if self.source is not None else None
        if src is None:
            self.kind, self.manifest = "folder", Path(self.manifest or default_manifest())
            self.source = raw_dir()
        elif src.is_dir():
            self.kind = "folder"
            self.manifest = Path(self.manifest) if self.manifest else src / "manifest.csv"
        elif table_format(src) is not None:
            self.kind = "table"
        else:
            self.kind = "missing" if not src.exists() else "unknown"
        self.source = Path(self.source)
        self.label = str(self.manifest if self.kind == "folder" else self.source)

    @property
    def text_dir(self) -> Path:
        """Folder the manifest's ``file`` names are relative to."""
        return Path(self.source)


def _date_ok(values: pd.Series) -> pd.Series:
    return parse_dates(values).notna() | (values.astype(str).str.strip() == "")


def table_schema(spec: SourceSpec, has_text: bool) -> pa.DataFrameSchema:
    """The pandera schema a corpus table (or manifest) must satisfy, in the source's own
    column names, so errors name the researcher's fields (each column's ``metadata``
    ``role`` says which required field it is: id, date, text or file)."""
    columns = {
        spec.id_column: pa.Column(str, [pa.Check(lambda s: s.str.strip() != "", element_wise=False,
                                                  error="empty id")],
                                  nullable=False, unique=True, coerce=True, metadata={"role": "id"}),
        spec.date_column: pa.Column(str, [
            pa.Check(lambda s: s.str.strip() != "", error="missing date"),
            pa.Check(_date_ok, error="unparseable date")], nullable=False, coerce=True,
            metadata={"role": "date"}),
    }
    if has_text:
        columns[spec.text_column] = pa.Column(str, pa.Check(lambda s: s.str.strip() != "", error="empty text"),
                                              nullable=False, coerce=True, metadata={"role": "text"})
    else:
        columns[spec.file_column] = pa.Column(str, pa.Check(lambda s: s.str.strip() != "", error="empty file name"),
                                              nullable=False, coerce=True, metadata={"role": "file"})
    return pa.DataFrameSchema(columns, strict=False)


_FIXES = {
    "empty id": "give every article a unique, non-empty id",
    "missing date": "give every article a date as YYYY-MM-DD",
    "unparseable date": "write dates as YYYY-MM-DD (ISO 8601), e.g. 2020-05-06",
    "empty text": "remove the row or supply the article's text",
    "empty file name": "name the article's .txt file in the 'file' column",
    "field_uniqueness": "ids must be unique (spaces around an id do not count): rename or remove the duplicate",
    "column_in_dataframe": "add the column, or name yours with the id/date/text column options",
    "not_nullable": "fill in the missing value",
}


_MISSING = {      # a null value (JSON null, an empty Parquet cell) in a required column
    "id": ("missing id", _FIXES["empty id"]),
    "date": ("missing date", _FIXES["missing date"]),
    "text": ("missing text", _FIXES["empty text"]),
    "file": ("missing file name", _FIXES["empty file name"]),
}


def schema_problems(table: pd.DataFrame, schema: pa.DataFrameSchema, file: str,
                    id_column: str) -> list[Problem]:
    """Run ``schema`` lazily on ``table`` and turn every failure into a :class:`Problem`
    with the file, 1-based data row and field."""
    try:
        schema.validate(table, lazy=True)
        return []
    except pa.errors.SchemaErrors as exc:
        cases = exc.failure_cases
    roles = {name: (col.metadata or {}).get("role") for name, col in schema.columns.items()}
    problems = []
    for case in cases.itertuples(index=False):
        check = str(case.check)
        column = case.column if isinstance(case.column, str) else None
        if check == "column_in_dataframe":
            problems.append(Problem(file=file, field=str(case.failure_case),
                                    message="required column is missing",
                                    fix=_FIXES["column_in_dataframe"]))
            continue
        idx = case.index
        row = int(table["_row"].iloc[int(idx)]) if idx is not None and not pd.isna(idx) and "_row" in table else None
        doc_id = None
        if row is not None and id_column in table and column != id_column:
            value = table[id_column].iloc[int(idx)]
            doc_id = None if pd.isna(value) or str(value).strip() == "" else str(value)
        value = case.failure_case
        fix = _FIXES.get(check, "")
        if check == "field_uniqueness":
            message = f"duplicate id '{value}'"
        elif check == "not_nullable":
            message, fix = _MISSING.get(roles.get(column), ("value is missing", fix))
        elif check == "unparseable date":
            message = f"'{value}' is not a date{date_hint(value)}"
        else:
            message = check
        problems.append(Problem(file=file, row=row, field=column, message=message, fix=fix, doc_id=doc_id))
    return problems


def is_bundled(spec: SourceSpec) -> bool:
    """Whether ``spec`` reads the bundled corpus's folder, ``data/raw``."""
    return spec.kind == "folder" and Path(spec.text_dir).resolve() == raw_dir().resolve()


def checksum_problem(spec: SourceSpec) -> Problem | None:
    """The folder has no ``SHA256SUMS`` although checksums are to be verified: an error for
    the bundled corpus (its files must match the published ones), a warning for a
    researcher's folder (nothing is verified); ``None`` otherwise."""
    sums_path = spec.text_dir / "SHA256SUMS"
    if spec.kind != "folder" or not spec.verify_checksums or sums_path.exists():
        return None
    if is_bundled(spec):
        return Problem(file=str(sums_path), message="checksum file missing: the bundled articles cannot be verified",
                       fix="restore data/raw/SHA256SUMS from the repository")
    return Problem(file=str(spec.text_dir), severity="warning",
                   message="no SHA256SUMS in the folder: the files' checksums were not verified",
                   fix="to detect later changes to the raw files, add one: `sha256sum *.txt > SHA256SUMS`")


def _read_folder(spec: SourceSpec) -> tuple[pd.DataFrame, list[Problem]]:
    """Manifest rows with their texts read from the folder, plus file-level problems."""
    manifest = read_csv_strings(spec.manifest)
    manifest.insert(0, "_row", range(1, len(manifest) + 1))
    lines = [first for first, _, _ in csv_record_lines(decode_utf8(Path(spec.manifest).read_bytes(),
                                                                   str(spec.manifest)))[1:]]
    manifest.insert(1, "_line", lines if len(lines) == len(manifest) else manifest["_row"] + 1)
    if not len(manifest):
        return manifest, [Problem(file=str(spec.manifest), message="no articles: the manifest lists no files",
                                  fix="add one row per article (id, file, date)")]
    manifest = strip_ids(manifest, spec.id_column)
    problems = schema_problems(manifest, table_schema(spec, has_text=False), str(spec.manifest), spec.id_column)
    sums_path = spec.text_dir / "SHA256SUMS"
    sums = read_checksums(sums_path) if spec.verify_checksums and sums_path.exists() else None
    rows, file_problems = read_folder_texts(spec, manifest, sums)
    return rows, problems + file_problems


def read_folder_texts(spec: SourceSpec, manifest: pd.DataFrame,
                      sums: dict[str, str] | None = None) -> tuple[pd.DataFrame, list[Problem]]:
    """The texts of some manifest rows of a folder corpus (any chunk of the manifest, with
    its ``_row`` column, and ``_line``, the row's line in the manifest, if known): the rows
    with ``_text`` and ``_file`` added, and the file-level problems (missing file, not
    UTF-8, checksum mismatch against ``sums``, empty text, no ``SHA256SUMS`` for the
    bundled corpus), as :func:`read_source` reports them, each naming the manifest line
    and id. Reads only those rows' files, so a streamed manifest never loads the whole
    corpus."""
    folder = spec.text_dir
    sums_path = folder / "SHA256SUMS"
    missing_sums = checksum_problem(spec) if sums is None else None
    problems: list[Problem] = [missing_sums] if missing_sums is not None and missing_sums.severity == "error" else []
    manifest_name = Path(spec.manifest).name if spec.manifest else "manifest.csv"
    texts = []
    for row in manifest.to_dict("records"):
        name = row.get(spec.file_column, "")
        doc_id = row.get(spec.id_column)
        line = row.get("_line", row["_row"] + 1)
        listed = f" (listed on line {line} of {manifest_name})"
        text = ""
        if name:
            path = folder / name
            where = dict(file=str(spec.manifest), row=row["_row"], field=spec.file_column, doc_id=doc_id)
            outside = outside_folder(folder, name)
            if outside:
                problems.append(Problem(**where, message=f"{outside}{listed}",
                                        fix="name a file inside the corpus folder, relative to it "
                                            "(copy the file in if needed)"))
            elif not path.exists():
                problems.append(Problem(**where, message=f"file not found: {path}",
                                        fix="put the file there, or correct the 'file' column"))
            elif not path.is_file():
                problems.append(Problem(**where, message=f"'{name}' is a folder, not a text file{listed}",
                                        fix="name the article's .txt file in the 'file' column"))
            else:
                data = path.read_bytes()
                try:
                    text = decode_utf8(data, str(path))
                except InputProblem as exc:
                    problems.append(dataclasses.replace(
                        exc.problem, message=f"{exc.problem.message} (id {doc_id}, listed on line {line} "
                                             f"of {manifest_name})"))
                if sums is not None:
                    expected = sums.get(name)
                    actual = sha256_file(path)
                    if expected is None:
                        problems.append(Problem(file=str(sums_path), field=name, severity="warning", doc_id=doc_id,
                                                message=f"no checksum listed for {name}{listed}",
                                                fix="add it with `sha256sum` if the file is final"))
                    elif expected != actual:
                        problems.append(Problem(file=str(path), doc_id=doc_id,
                                                message=(f"checksum mismatch: expected {expected[:12]}…, "
                                                         f"file has {actual[:12]}…; the raw file has changed{listed}"),
                                                fix="restore the original file (raw data is never edited), "
                                                    "or update SHA256SUMS if the change is intended"))
            if (not text.strip() and not outside and path.is_file()
                    and not any(p.file == str(path) for p in problems)):
                problems.append(Problem(file=str(path), doc_id=doc_id, message=f"empty text{listed}",
                                        fix="remove the row from the manifest or supply the text"))
        texts.append(text)
    manifest = manifest.copy()
    manifest["_text"] = texts
    manifest["_file"] = manifest[spec.file_column] if spec.file_column in manifest else ""
    return manifest, problems


def outside_folder(folder: Path, name: str) -> str:
    """Why the manifest's file ``name`` is not inside corpus ``folder`` (an absolute path,
    a path that climbs out with ``..``, a symbolic link, or a folder along the way,
    that leads outside), or ``""`` when it is inside: a manifest may only make the build
    read, report and fingerprint the corpus's own files."""
    if Path(name).is_absolute() or Path(name).drive:
        return f"'{name}' is an absolute path; files must be inside the corpus folder"
    root = Path(folder).resolve()
    target = (Path(folder) / name).resolve()
    if target == root or root in target.parents:
        return ""
    if ".." in Path(name).parts and not (Path(folder) / name).is_symlink():
        return f"'{name}' points outside the corpus folder"
    return f"'{name}' is a symbolic link to {target}, outside the corpus folder"


def strip_ids(table: pd.DataFrame, id_column: str) -> pd.DataFrame:
    """``table`` with the spaces around each text id removed, as the corpus keeps them,
    so ids that differ only by such spaces (``'a1'`` and ``'a1 '``) are duplicates
    when validated, not only when built."""
    if id_column in table.columns:
        table = table.copy()
        table[id_column] = table[id_column].map(lambda v: v.strip() if isinstance(v, str) else v)
    return table


_NUMBER = r"[+-]?\d+(?:[.,]\d+)*"


def numeric_text_problem(table: pd.DataFrame, spec: SourceSpec) -> Problem | None:
    """An error when the text column holds only numbers (the wrong column was named:
    it would be read as articles a few characters long), else ``None``."""
    column = spec.text_column
    if column not in table.columns or not len(table):
        return None
    values = pd.Series(_texts(table[column]), dtype=str).str.strip()
    values = values[values != ""]
    if not len(values) or not values.str.fullmatch(_NUMBER).all():
        return None
    return Problem(file=str(spec.source), field=column,
                   message=f"the text column '{column}' holds only numbers (e.g. {values.iloc[0]!r}), "
                           "not article texts",
                   fix="name the column that holds the texts with --text-column (parameter text_column)")


def _read_table(spec: SourceSpec) -> tuple[pd.DataFrame, list[Problem]]:
    """The table's rows and every problem: bytes that are not UTF-8 and JSON lines that
    are not objects (the rest read on, so its other problems are reported too), no rows,
    and the schema's."""
    problems: list[Problem] = []
    table = read_table(spec.source, problems=problems, id_column=spec.id_column)
    if not len(table):
        if not errors(problems):
            problems.append(Problem(file=str(spec.source), message="no articles: the table has no rows",
                                    fix=f"add one row per article ({spec.id_column}, {spec.date_column}, "
                                        f"{spec.text_column})"))
        return table, problems
    table = strip_ids(table, spec.id_column)
    problems += schema_problems(table, table_schema(spec, has_text=True), str(spec.source), spec.id_column)
    numeric = numeric_text_problem(table, spec)
    problems += [numeric] if numeric else []
    table["_text"] = _texts(table[spec.text_column]) if spec.text_column in table else ""
    table["_file"] = str(spec.source)
    return table, problems


def _texts(values: pd.Series) -> list[str]:
    """Cell values as text, missing ones (None, NaN) as ''."""
    return [_text_or_empty(v) for v in values]


def _text_or_empty(value) -> str:
    return "" if pd.api.types.is_scalar(value) and pd.isna(value) else str(value)


def read_source(spec: SourceSpec) -> tuple[pd.DataFrame, list[Problem]]:
    """The source's rows (as read, with ``_row``, ``_text``, ``_file``) and every problem."""
    if spec.kind == "missing":
        return pd.DataFrame(), [Problem(file=str(spec.source), message="no such file or folder",
                                        fix="give a folder with manifest.csv, or a .csv/.jsonl/.parquet file")]
    if spec.kind == "unknown":
        return pd.DataFrame(), [Problem(file=str(spec.source), message="not a corpus folder or table",
                                        fix="give a folder with manifest.csv, or a .csv/.jsonl/.parquet file")]
    try:
        return _read_folder(spec) if spec.kind == "folder" else _read_table(spec)
    except InputProblem as exc:
        return pd.DataFrame(), [exc.problem]


def build_corpus(rows: pd.DataFrame, spec: SourceSpec, eras: pd.DataFrame,
                 rules: list[Rule]) -> tuple[pd.DataFrame, list[Problem]]:
    """Clean texts, parse dates and assign eras for rows that passed validation."""
    problems: list[Problem] = []
    records = []
    meta_cols = metadata_fields(rules)
    evidence_cols = sorted(c for c in rows.columns if c.endswith("_evidence"))
    labels = eras_mod.era_labels(eras)
    dates = parse_dates(rows[spec.date_column]) if len(rows) else pd.Series(dtype="datetime64[ns]")
    era_keys = eras_mod.assign_era(dates, eras) if len(rows) else pd.Series(dtype=object)
    for i, row in enumerate(rows.to_dict("records")):
        doc_id = str(row[spec.id_column]).strip()
        title = _text_or_empty(row.get("title"))
        raw = normalize_newlines(row["_text"])
        text, metadata, _ = clean_text(raw, rules, doc_id, title)
        if raw.strip() and not text.strip():
            problems.append(Problem(file=str(row["_file"]), row=row.get("_row"), doc_id=doc_id,
                                    field=spec.text_column,
                                    message="no text left after cleaning",
                                    fix="check data/cleaning_rules.yml: a rule removes the whole article"))
        if era_keys.iloc[i] == eras_mod.OUTSIDE:
            problems.append(Problem(file=spec.label, row=row.get("_row"), doc_id=doc_id,
                                    field=spec.date_column, severity="warning",
                                    message=f"date {dates.iloc[i].date()} is outside every era; kept, labelled '{eras_mod.OUTSIDE}'",
                                    fix="extend the eras file if the article belongs to an era"))
        record = {
            "doc_id": doc_id, "file": str(row["_file"]), "date": dates.iloc[i],
            "era": era_keys.iloc[i], "era_label": labels.get(era_keys.iloc[i], era_keys.iloc[i]),
            **{c: _text_or_empty(row.get(c)) for c in OPTIONAL_COLUMNS},
            "text": text, "raw_text": raw, "n_chars": len(text),
            **{c: metadata.get(c, "") for c in meta_cols},
            **{c: _text_or_empty(row.get(c)) for c in evidence_cols},
        }
        records.append(record)
    columns = (["doc_id", "file", "date", "era", "era_label", *OPTIONAL_COLUMNS, "text", "raw_text", "n_chars"]
               + meta_cols + evidence_cols)
    corpus = pd.DataFrame(records, columns=columns)
    corpus["date"] = pd.to_datetime(corpus["date"])
    corpus["n_chars"] = corpus["n_chars"].astype("int64")
    return corpus.sort_values(["doc_id"], kind="stable").reset_index(drop=True), problems


def _prepare(source, manifest, eras, rules, id_column, date_column, text_column, verify_checksums):
    spec = SourceSpec(Path(source) if source is not None else None,
                      Path(manifest) if manifest is not None else None,
                      id_column=id_column, date_column=date_column, text_column=text_column,
                      verify_checksums=verify_checksums)
    problems: list[Problem] = []
    try:
        eras_table = eras if isinstance(eras, pd.DataFrame) else eras_mod.load_eras(eras)
    except InputProblem as exc:
        problems.append(exc.problem)
        eras_table = None
    try:
        rule_list = rules if isinstance(rules, list) else load_rules(rules)
    except InputProblem as exc:
        problems.append(exc.problem)
        rule_list = None
    rows, read_problems = read_source(spec)
    problems += read_problems
    return spec, rows, eras_table, rule_list, problems


def validate_corpus(source: str | Path | None = None, *, manifest=None, eras=None, rules=None,
                    id_column: str = "id", date_column: str = "date", text_column: str = "text",
                    verify_checksums: bool = True) -> list[Problem]:
    """Every problem with a corpus source, errors and warnings, without stopping at the
    first. An empty list means the corpus loads cleanly. Arguments as :func:`load_corpus`."""
    spec, rows, eras_table, rule_list, problems = _prepare(
        source, manifest, eras, rules, id_column, date_column, text_column, verify_checksums)
    note = checksum_problem(spec) if spec.kind == "folder" and Path(spec.manifest).exists() else None
    if note is not None and note.severity == "warning":
        problems.append(note)
    if eras_table is not None and rule_list is not None and len(rows):
        bad_rows = {p.row for p in problems if p.row is not None and p.severity == "error"}
        ok = rows[~rows["_row"].isin(bad_rows)] if "_row" in rows else rows
        ok = _usable(ok, spec)
        problems += build_corpus(ok, spec, eras_table, rule_list)[1]
    return problems


def _usable(rows: pd.DataFrame, spec: SourceSpec) -> pd.DataFrame:
    needed = [spec.id_column, spec.date_column]
    if not all(c in rows.columns for c in needed):
        return rows.iloc[0:0]
    return rows[parse_dates(rows[spec.date_column]).notna()]


def load_corpus(source: str | Path | None = None, *, manifest=None, eras=None, rules=None,
                id_column: str = "id", date_column: str = "date", text_column: str = "text",
                verify_checksums: bool = True) -> pd.DataFrame:
    """Load, validate and clean a corpus.

    Parameters
    ----------
    source : None (the bundled corpus), a folder with ``manifest.csv``, or a ``.csv``,
        ``.jsonl`` or ``.parquet`` table with one article per row.
    manifest : path of the manifest, if not ``<folder>/manifest.csv``.
    eras : path of an eras CSV or an eras DataFrame (default ``data/eras.csv``).
    rules : path of a cleaning-rules YAML or a list of rules (default ``data/cleaning_rules.yml``).
    id_column, date_column, text_column : column names in the researcher's table.
    verify_checksums : check files against ``SHA256SUMS`` when the folder has one.

    Returns
    -------
    DataFrame, one row per article, columns :data:`CORPUS_COLUMNS`, sorted by ``doc_id``.

    Raises
    ------
    CorpusError listing every problem (file, row, field, fix). Dates outside every era
    are not errors: they are kept, labelled ``"outside"`` and reported as a warning.
    """
    spec, rows, eras_table, rule_list, problems = _prepare(
        source, manifest, eras, rules, id_column, date_column, text_column, verify_checksums)
    if errors(problems):
        raise CorpusError(problems)
    corpus, build_problems = build_corpus(rows, spec, eras_table, rule_list)
    problems += build_problems
    if errors(problems):
        raise CorpusError(problems)
    for p in problems:
        warnings.warn(str(p), CorpusWarning, stacklevel=2)
    return corpus


class CorpusWarning(UserWarning):
    """A problem that does not stop loading (e.g. a date outside every era)."""


def corpus_summary(corpus: pd.DataFrame) -> pd.DataFrame:
    """The corpus table without the texts: one row per article with id, date, era,
    outlet, author, title and clean length in characters, for display."""
    keep = ["doc_id", "date", "era_label", "outlet", "author", "title", "n_chars"]
    return corpus[[c for c in keep if c in corpus.columns]].copy()


def outside_eras(corpus: pd.DataFrame) -> pd.DataFrame:
    """Articles whose date falls in no era (kept in the corpus, labelled 'outside')."""
    return corpus_summary(corpus[corpus["era"] == eras_mod.OUTSIDE])


def corpus_from_records(records: list[dict], *, eras=None, rules=None, source: str = "<records>") -> pd.DataFrame:
    """A corpus table from in-memory articles (dicts with ``id``, ``date``, ``text`` and
    optionally ``outlet``, ``author``, ``title``), validated and cleaned exactly like a
    file: for teaching, tests and quick experiments. Raises :class:`CorpusError`."""
    table = pd.DataFrame(records)
    for col in ("id", "date", "text"):
        if col not in table:
            table[col] = pd.Series(dtype=str)
    table.insert(0, "_row", range(1, len(table) + 1))
    spec = SourceSpec.__new__(SourceSpec)
    spec.__dict__.update(source=Path(source), manifest=None, id_column="id", date_column="date",
                         text_column="text", file_column="file", verify_checksums=False,
                         kind="table", label=source)
    table = strip_ids(table, "id")
    problems = schema_problems(table, table_schema(spec, has_text=True), source, "id")
    eras_table = eras if isinstance(eras, pd.DataFrame) else eras_mod.load_eras(eras)
    rule_list = rules if isinstance(rules, list) else load_rules(rules)
    if errors(problems):
        raise CorpusError(problems)
    table["_text"] = table["text"].astype(str)
    table["_file"] = source
    corpus, more = build_corpus(table, spec, eras_table, rule_list)
    if errors(more):
        raise CorpusError(problems + more)
    return corpus


def count_outlets(corpus: pd.DataFrame) -> int:
    """How many distinct outlets the corpus names; a blank outlet (unknown) is not one."""
    if "outlet" not in corpus.columns:
        return 0
    named = corpus["outlet"].fillna("").astype(str).str.strip()
    return int(named[named != ""].nunique())


def _count_words(n: int, one: str, many: str) -> str:
    return f"**{n:,}** {one if n == 1 else many}"


def corpus_description(corpus: pd.DataFrame, eras: pd.DataFrame, source=None) -> str:
    """A Markdown paragraph describing ``corpus`` from its rows: where it comes from
    (``source`` as given to :func:`load_corpus`; ``None`` is the bundled corpus), how
    many articles and named outlets, the dates it spans, how many articles fall in each
    era of ``eras`` (eras without articles included), and what an era of one article or
    none can show. For a notebook's introduction, so no sentence about the data is typed in."""
    import html

    from .paths import shown_path

    where = ("the bundled corpus, kept byte for byte as received in `data/raw/` and checked "
             "against its `SHA256SUMS`" if source is None
             else f"the corpus in `{html.escape(shown_path(source))}`")
    n, outlets = len(corpus), count_outlets(corpus)
    if n == 0:
        return f"This study reads {where}, which holds no articles."
    dates = corpus["date"].dropna()
    span = (f", dated {dates.min().date()} to {dates.max().date()}" if len(dates) > 1
            else f", dated {dates.iloc[0].date()}" if len(dates) else "")
    labels = eras_mod.era_labels(eras)
    counts = corpus["era"].value_counts()
    keys = list(eras["era"]) + [k for k in (eras_mod.OUTSIDE, eras_mod.UNDATED) if counts.get(k, 0)]
    per_era = [f"{'**%d**' % counts.get(k, 0) if counts.get(k, 0) else 'none'} "
               f"{'in' if k in (eras_mod.OUTSIDE, eras_mod.UNDATED) else 'from'} "
               f"{html.escape(labels.get(k, k))}" for k in keys]
    text = (f"This study reads {where}: {_count_words(n, 'article', 'articles')} from "
            f"{_count_words(outlets, 'named outlet', 'named outlets')}{span}; "
            + (", ".join(per_era[:-1]) + " and " + per_era[-1] if len(per_era) > 1 else per_era[0]) + ".")
    single = [html.escape(labels[k]) for k in eras["era"] if counts.get(k, 0) == 1]
    empty = [html.escape(labels[k]) for k in eras["era"] if not counts.get(k, 0)]
    if single:
        text += (f" {' and '.join(single)} {'has' if len(single) == 1 else 'each have'} a single article: "
                 "no interval is possible, and what it shows is that article, not the era's coverage.")
    if empty:
        text += f" {' and '.join(empty)} {'has' if len(empty) == 1 else 'have'} no articles and cannot be compared."
    return text
