"""The extraction pipeline: a researcher's corpus at scale, in batches, on one or many cores.

One pure function, :func:`extract_batch`, turns a batch of articles (a corpus table, as
:func:`~borderlines.corpus.load_corpus` gives) into every extracted table
(:data:`TABLES`). Articles are independent, so a corpus is read in batches
(:func:`iter_corpus_batches`, streaming: a corpus larger than memory never loads whole)
and the batches run anywhere. :func:`run_pipeline` runs them

* in this process (``scheduler=None``, the default; dask's synchronous scheduler),
* on local worker processes (``scheduler="processes"``; dask's multiprocessing
  scheduler on a pool of ``n_workers`` processes forked from this one, so they start
  with everything loaded), or
* on a Dask cluster (``scheduler="tcp://host:8786"``, or a ``distributed.Client``):
  the batches go to the cluster's workers with ``client.submit``; the workers need the
  ``borderlines`` package installed, nothing else (the lexicons, eras, rules and actors
  travel with the batch).

and writes each table as Parquet partitions ``OUT/<table>/part-00000.parquet`` (one
per batch, in source order), then ``OUT/manifest.json`` listing them. Every file is
written atomically and deterministically: the same corpus, batch size and settings
give the same bytes in every mode, so the three modes agree row for row.
:func:`read_tables` reads the tables back.

Each article is parsed once (:func:`borderlines.nlp.parse_texts`) and the parse is
shared by the sentence table, tokens and terms, quotes and frames.

Row order: partitions follow the source's order of batches; within a batch, articles
are sorted by ``doc_id`` (as :func:`~borderlines.corpus.load_corpus` sorts them) and each
table keeps the order of the function that makes it.
"""

from __future__ import annotations

import gc
import hashlib
import io as _io
import json
import os
import shutil
import sys
import time
import warnings
from collections.abc import Iterator
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from . import eras as eras_mod
from .cleaning import Rule, load_rules
from .corpus import (SourceSpec, build_corpus, numeric_text_problem, read_folder_texts, schema_problems,
                     strip_ids, table_schema)
from .files import (InputProblem, csv_delimiter, empty_file_problem, iter_table_batches, read_checksums, read_head, write_bytes_atomic,
                 write_json_atomic)
from .problems import CorpusError, Problem, errors

#: The tables the pipeline writes (``OUT/<table>/part-*.parquet``) and what they hold.
TABLES = {
    "articles": "one row per article: the corpus table without raw_text (borderlines.corpus."
                "CORPUS_COLUMNS) plus n_words, n_sentences, n_quotes, n_figures and the text "
                "statistics (borderlines.textstats.ARTICLE_TABLE_COLUMNS: n_word_sentences, "
                "mean_sentence_length, mattr, flesch_reading_ease, fk_grade)",
    "sentences": "one row per sentence (borderlines.nlp.SENTENCE_COLUMNS)",
    "doc_terms": "term counts per article (borderlines.terms.DOC_TERM_COLUMNS); sum them over "
                 "any grouping, e.g. with terms.counts_by(doc_terms, articles[['doc_id','n_words']], articles)",
    "quotes": "one row per quote (borderlines.quotes.QUOTE_COLUMNS)",
    "figures": "one row per cited quantity (borderlines.cited_figures.FIGURE_COLUMNS)",
    "frame_matches": "one row per frame trigger (borderlines.frames.FRAME_MATCH_COLUMNS)",
    "frames": "one row per sentence and frame (borderlines.frames.SENTENCE_FRAME_COLUMNS)",
    "tone": "VADER scores per sentence (borderlines.tone.TONE_COLUMNS)",
    "tokens": "one row per non-space token (borderlines.terms.TOKEN_COLUMNS, text columns as plain "
              "strings: terms.tokens_from_flat makes the token table again), for terms of any "
              "n-gram range or stop words and for words in context",
}

#: Stages timed by :func:`extract_batch` (see ``summary["stages"]`` of :func:`run_pipeline`).
STAGES = ("clean", "parse", "sentences", "terms", "textstats", "quotes", "figures", "frames", "tone", "write")

DEFAULT_BATCH_SIZE = 100
MANIFEST = "manifest.json"
FORMAT_VERSION = 1


# --------------------------------------------------------------------------- configuration


@dataclass(frozen=True)
class PipelineConfig:
    """Everything a worker needs besides the batch: the eras, cleaning rules, actors and
    frames lexicon as loaded tables (so workers read no project file), the term
    settings and the source's column names. Picklable; build it with :func:`make_config`."""

    eras: pd.DataFrame
    rules: tuple[Rule, ...]
    actors: pd.DataFrame
    frames: pd.DataFrame
    ngram_range: tuple[int, int] = (1, 3)
    lemmas: bool = True
    drop_stopwords: bool = True
    id_column: str = "id"
    date_column: str = "date"
    text_column: str = "text"
    file_column: str = "file"

    def settings(self) -> dict:
        """The settings that decide the output, for the manifest (tables by digest)."""
        def digest(df: pd.DataFrame) -> str:
            return hashlib.sha256(df.to_csv(index=False).encode("utf-8")).hexdigest()[:16]
        return {"ngram_range": list(self.ngram_range), "lemmas": self.lemmas,
                "drop_stopwords": self.drop_stopwords, "eras": digest(self.eras),
                "rules": hashlib.sha256(repr(self.rules).encode("utf-8")).hexdigest()[:16],
                "actors": digest(self.actors), "frames": digest(self.frames)}


def make_config(eras=None, rules=None, actors=None, frames=None, *, ngram_range=(1, 3),
                lemmas: bool = True, drop_stopwords: bool = True, id_column: str = "id",
                date_column: str = "date", text_column: str = "text") -> PipelineConfig:
    """A :class:`PipelineConfig`: ``eras`` (CSV path or table, default ``data/eras.csv``),
    ``rules`` (YAML path or list, default ``data/cleaning_rules.yml``), ``actors`` (CSV
    path or table, default ``data/actors.csv``), ``frames`` (YAML path or table, default
    ``data/lexicons/frames.yml``); n-grams of ``ngram_range`` words are counted per article."""
    from .frames import load_frames
    from .quotes import checked_actors, load_actors
    from .terms import _check_range
    eras_table = eras if isinstance(eras, pd.DataFrame) else eras_mod.load_eras(eras)
    rule_list = rules if isinstance(rules, (list, tuple)) else load_rules(rules)
    actors_table = checked_actors(actors) if isinstance(actors, pd.DataFrame) else load_actors(actors)
    frames_table = frames if isinstance(frames, pd.DataFrame) else load_frames(frames)
    return PipelineConfig(eras_table, tuple(rule_list), actors_table, frames_table,
                          ngram_range=_check_range(ngram_range), lemmas=lemmas,
                          drop_stopwords=drop_stopwords, id_column=id_column,
                          date_column=date_column, text_column=text_column)


# --------------------------------------------------------------------------- reading


@dataclass
class RawBatch:
    """Source rows of one batch as read and validated (``_row``, ``_text``, ``_file`` and
    the source's columns), before cleaning. ``index`` numbers batches from 0."""

    index: int
    rows: pd.DataFrame
    spec: SourceSpec
    warnings: list[Problem] = field(default_factory=list)


def _spec(source, manifest, config: PipelineConfig, verify_checksums: bool) -> SourceSpec:
    return SourceSpec(Path(source).expanduser() if source is not None else None,
                      Path(manifest) if manifest is not None else None,
                      id_column=config.id_column, date_column=config.date_column,
                      text_column=config.text_column, verify_checksums=verify_checksums)


def _check_ids(rows: pd.DataFrame, spec: SourceSpec, seen: dict[str, int]) -> list[Problem]:
    # pandera checks uniqueness within a batch; this catches an id of an earlier batch
    problems = []
    if spec.id_column not in rows:
        return problems
    batch = list(zip(rows[spec.id_column].astype(str), rows["_row"]))
    for doc_id, row in batch:
        if doc_id in seen:
            problems.append(Problem(file=spec.label, row=int(row), field=spec.id_column, doc_id=doc_id,
                                    message=f"duplicate id '{doc_id}' (also in row {seen[doc_id]})",
                                    fix="ids must be unique: rename or remove the duplicate"))
    for doc_id, row in batch:
        seen.setdefault(doc_id, int(row))
    return problems


def iter_raw_batches(spec: SourceSpec, batch_size: int = DEFAULT_BATCH_SIZE) -> Iterator[RawBatch]:
    """Validated source rows in batches of ``batch_size`` articles, streaming: a folder's
    manifest is read ``batch_size`` rows at a time and only those rows' files are read;
    a table is read with :func:`~borderlines.files.iter_table_batches`.

    Raises :class:`~borderlines.problems.CorpusError` at the first batch with an error,
    listing its problems with file, row and field (a bad row stops the run before its
    batch is extracted; ``borderlines validate`` lists every problem of a corpus)."""
    if batch_size < 1:
        raise ValueError(f"batch_size must be at least 1, got {batch_size}")
    if spec.kind in ("missing", "unknown"):
        message = "no such file or folder" if spec.kind == "missing" else "not a corpus folder or table"
        raise CorpusError([Problem(file=str(spec.source), message=message,
                                   fix="give a folder with manifest.csv, or a .csv/.jsonl/.parquet file")])
    seen: dict[str, int] = {}
    try:
        if spec.kind == "folder":
            chunks = _folder_chunks(spec, batch_size)
        else:
            chunks = _table_chunks(spec, batch_size)
        for index, (rows, problems) in enumerate(chunks):
            problems = problems + _check_ids(rows, spec, seen)
            if errors(problems):
                raise CorpusError(problems)
            yield RawBatch(index, rows, spec, problems)
    except InputProblem as exc:
        raise CorpusError([exc.problem]) from None


def _folder_chunks(spec: SourceSpec, batch_size: int):
    from .files import decode_utf8
    manifest = Path(spec.manifest)
    if not manifest.exists():
        raise InputProblem(Problem(file=str(manifest), message="file not found",
                                   fix="a corpus folder needs a manifest.csv (or pass --manifest)"))
    if not read_head(manifest, 4096).strip():
        raise InputProblem(empty_file_problem(manifest))
    with open(manifest, "rb") as fh:           # names the first bad byte, if any
        for line in fh:
            try:
                line.decode("utf-8")
            except UnicodeDecodeError:
                decode_utf8(manifest.read_bytes(), str(manifest))
    sums_path = spec.text_dir / "SHA256SUMS"
    sums = read_checksums(sums_path) if spec.verify_checksums and sums_path.exists() else None
    schema = table_schema(spec, has_text=False)
    offset = 0
    with pd.read_csv(manifest, dtype=str, keep_default_na=False, encoding="utf-8", chunksize=batch_size,
                     sep=csv_delimiter(read_head(manifest))) as reader:
        for chunk in reader:
            chunk = chunk.reset_index(drop=True)
            chunk.insert(0, "_row", range(offset + 1, offset + 1 + len(chunk)))
            offset += len(chunk)
            chunk = strip_ids(chunk, spec.id_column)
            problems = schema_problems(chunk, schema, str(manifest), spec.id_column)
            rows, file_problems = read_folder_texts(spec, chunk, sums)
            yield rows, problems + file_problems


def _table_chunks(spec: SourceSpec, batch_size: int):
    schema = table_schema(spec, has_text=True)
    for chunk in iter_table_batches(spec.source, batch_size):
        chunk = strip_ids(chunk, spec.id_column)
        problems = schema_problems(chunk, schema, str(spec.source), spec.id_column)
        numeric = numeric_text_problem(chunk, spec)
        problems += [numeric] if numeric else []
        chunk["_text"] = chunk[spec.text_column].astype(str) if spec.text_column in chunk else ""
        chunk["_file"] = str(spec.source)
        yield chunk, problems


def clean_batch(batch: RawBatch, config: PipelineConfig) -> tuple[pd.DataFrame, list[Problem]]:
    """The corpus table of one raw batch (cleaned, dated, eras assigned; sorted by
    ``doc_id``) and its problems (:func:`~borderlines.corpus.build_corpus`)."""
    corpus, problems = build_corpus(batch.rows, batch.spec, config.eras, list(config.rules))
    return corpus, batch.warnings + problems


def iter_corpus_batches(source=None, batch_size: int = DEFAULT_BATCH_SIZE, *, manifest=None,
                        config: PipelineConfig | None = None, verify_checksums: bool = True,
                        warn: bool = True) -> Iterator[pd.DataFrame]:
    """Clean corpus tables (columns :data:`~borderlines.corpus.CORPUS_COLUMNS`) of
    ``batch_size`` articles each, streamed from ``source`` (as for
    :func:`~borderlines.corpus.load_corpus`: ``None`` for the bundled corpus, a folder
    with ``manifest.csv``, or a ``.csv``/``.jsonl``/``.parquet`` table). Raises
    :class:`~borderlines.problems.CorpusError` naming file, row and field at the first
    batch with an error; warnings (dates outside every era) are issued as
    :class:`~borderlines.corpus.CorpusWarning` when ``warn``."""
    from .corpus import CorpusWarning
    config = config or make_config()
    spec = _spec(source, manifest, config, verify_checksums)
    for raw in iter_raw_batches(spec, batch_size):
        corpus, problems = clean_batch(raw, config)
        if errors(problems):
            raise CorpusError(problems)
        if warn:
            for p in problems:
                warnings.warn(str(p), CorpusWarning, stacklevel=2)
        yield corpus


# --------------------------------------------------------------------------- extraction


def extract_batch(corpus: pd.DataFrame, config: PipelineConfig | None = None,
                  timings: dict[str, float] | None = None) -> dict[str, pd.DataFrame]:
    """Every table of :data:`TABLES` for a batch of articles (a corpus table with at
    least ``doc_id``, ``date``, ``era``, ``text``). Pure: the result depends only on the
    batch and ``config``; the tables of a corpus are the concatenation of the tables of
    its batches, and equal what the module functions give (``sentence_table``,
    ``extract_quotes``, ...). Each article is parsed once. ``timings``, if given,
    receives the CPU seconds of each stage (:data:`STAGES`)."""
    config = config or make_config()
    # pandas 3 strings are Arrow-backed and slow to iterate from Python, which the
    # extractors do a lot: work on Python strings and turn the results' text columns
    # back into pandas strings at the end (the tables come out the same).
    with _python_strings():
        tables = _extract(corpus.astype({c: object for c in corpus.columns if _is_str(corpus[c])}),
                          config, {} if timings is None else timings)
    return {name: _as_str(df) for name, df in tables.items()}


@contextmanager
def _python_strings():
    """pandas' string inference off inside the block, where pandas still has the
    (deprecated) option; otherwise nothing: only the speed differs, not the tables."""
    def quietly(action):
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message=".*infer_string.*")
            action()
    context = pd.option_context("future.infer_string", False)
    try:
        quietly(context.__enter__)
    except (KeyError, ValueError, pd.errors.OptionError):
        context = None
    try:
        yield
    finally:
        if context is not None:
            quietly(lambda: context.__exit__(None, None, None))


def _is_str(s: pd.Series) -> bool:
    return isinstance(s.dtype, pd.StringDtype)


def _as_str(df: pd.DataFrame) -> pd.DataFrame:
    # what pandas 3 infers by default: text columns and column labels as "str"
    convert = [c for c in df.columns if df[c].dtype == object and len(df)
               and pd.api.types.infer_dtype(df[c], skipna=False) == "string"]
    if convert:
        # column by column: the same arrays as df.astype, without its per-column overhead
        dtype = pd.api.types.pandas_dtype("str")
        df = df.copy(deep=False)
        for c in convert:
            df[c] = pd.array(df[c].to_numpy(), dtype=dtype)
    if df.columns.dtype == object and all(isinstance(c, str) for c in df.columns):
        df.columns = pd.Index(list(df.columns), dtype="str")
    return df


def _extract(corpus: pd.DataFrame, config: PipelineConfig, timings: dict[str, float]) -> dict[str, pd.DataFrame]:
    from . import cited_figures as figures_mod
    from . import frames as frames_mod
    from . import quotes as quotes_mod
    from . import terms as terms_mod
    from .cleaning import embedded_posts
    from .tone import sentence_tone
    from .tone_fast import fast_vader
    from .nlp import docs_sentence_table, parse_texts
    from .textstats import article_table_stats
    clock = [time.process_time()]

    def lap(stage):
        now = time.process_time()
        timings[stage] = timings.get(stage, 0.0) + now - clock[0]
        clock[0] = now

    texts = [str(t) for t in corpus["text"]]
    doc_ids = list(corpus["doc_id"])
    docs = parse_texts(texts)
    lap("parse")
    sentences = docs_sentence_table(doc_ids, docs, texts)
    lap("sentences")
    tokens = terms_mod.token_table(corpus, docs=docs)
    doc_terms = terms_mod.doc_terms(tokens, config.ngram_range, lemmas=config.lemmas,
                                    drop_stopwords=config.drop_stopwords)
    words = terms_mod.doc_words(tokens)
    lap("terms")
    text_stats = article_table_stats(corpus, tokens)
    tokens = terms_mod.flat_tokens(tokens)
    lap("textstats")
    titled = corpus[["doc_id", "text"]].assign(title=corpus["title"] if "title" in corpus.columns else "")
    posts = embedded_posts(titled, list(config.rules))
    quotes = quotes_mod.extract_quotes(corpus, config.actors, sentences=sentences, docs=docs, posts=posts)
    lap("quotes")
    figures = figures_mod.extract_figures(corpus, sentences=sentences, posts=posts)
    lap("figures")
    matches = frames_mod.frame_matches(corpus, config.frames, sentences=sentences, docs=docs)
    framed = frames_mod.sentence_frames_from_matches(matches, sentences, config.frames)
    lap("frames")
    del docs
    tone = sentence_tone(corpus, sentences=sentences, analyzer=fast_vader())
    lap("tone")
    articles = corpus.drop(columns=[c for c in ("raw_text",) if c in corpus.columns]).reset_index(drop=True)
    ids = articles["doc_id"].astype(str)

    def per_article(table):
        return ids.map(table["doc_id"].astype(str).value_counts()).fillna(0).astype(np.int64).to_numpy()

    articles["n_words"] = ids.map(dict(zip(words["doc_id"].astype(str), words["n_words"]))).fillna(0).astype(np.int64)
    articles["n_sentences"] = per_article(sentences)
    articles["n_quotes"] = per_article(quotes)
    articles["n_figures"] = per_article(figures)
    for name in text_stats.columns:
        articles[name] = text_stats[name].to_numpy()
    return {"articles": articles, "sentences": sentences, "doc_terms": doc_terms, "quotes": quotes,
            "figures": figures, "frame_matches": matches, "frames": framed, "tone": tone, "tokens": tokens}


def parquet_bytes(df) -> bytes:
    """``df`` (a DataFrame or a ``pyarrow.Table``) as Parquet (zstd), deterministically:
    the same table gives the same bytes."""
    import pyarrow as pa
    import pyarrow.parquet as pq
    buf = _io.BytesIO()
    table = df if isinstance(df, pa.Table) else pa.Table.from_pandas(df.reset_index(drop=True), preserve_index=False)
    pq.write_table(table, buf, compression="zstd", write_statistics=True)
    return buf.getvalue()


def process_batch(batch: RawBatch, config: PipelineConfig) -> dict:
    """Clean, extract and serialize one raw batch: the worker's task. Returns
    ``{"index", "tables": {name: parquet bytes}, "rows": {name: n}, "problems",
    "n_articles", "n_words", "cpu": {stage: s}}``, or, when cleaning finds an error,
    ``tables`` empty and the problems."""
    cpu: dict[str, float] = {}
    t0 = time.process_time()
    corpus, problems = clean_batch(batch, config)
    cpu["clean"] = time.process_time() - t0
    out = {"index": batch.index, "tables": {}, "rows": {}, "problems": problems,
           "n_articles": len(corpus), "n_words": 0, "cpu": cpu, "pid": os.getpid()}
    if errors(problems):
        return out
    tables = extract_batch(corpus, config, cpu)
    t0 = time.process_time()
    out["tables"] = {name: parquet_bytes(df) for name, df in tables.items()}
    out["rows"] = {name: len(df) for name, df in tables.items()}
    out["n_words"] = int(tables["articles"]["n_words"].sum())
    cpu["write"] = time.process_time() - t0
    return out


# --------------------------------------------------------------------------- schedulers


def _warm(config: PipelineConfig) -> None:
    """Load what every batch needs (spaCy pipelines, lemma table, actor index, VADER
    lexicon) so forked workers start with it."""
    from . import quotes as quotes_mod
    from . import terms as terms_mod
    from .nlp import get_nlp
    from .tone_fast import fast_vader
    get_nlp()
    terms_mod._lemma_table()
    terms_mod._table_lemmas()
    quotes_mod._actor_index(quotes_mod._actor_rows(config.actors))
    fast_vader()


def _run_one(batch: RawBatch, config: PipelineConfig) -> dict:
    # dask runs this; a module-level function so it pickles by reference
    return process_batch(batch, config)


class _Runner:
    """Runs :func:`process_batch` on batches with at most ``window`` in flight, yielding
    results as they finish (any order)."""

    def __init__(self, scheduler, n_workers: int, config: PipelineConfig):
        self.scheduler, self.n_workers, self.config = scheduler, n_workers, config
        self.window = max(2, 2 * n_workers)
        self.client = self.pool = self.threads = None
        self.own_client = False

    def __enter__(self):
        if self.scheduler is None or self.scheduler in ("sync", "synchronous"):
            self.mode = "sync"
        elif self.scheduler == "processes":
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor
            self.mode = "processes"
            _warm(self.config)
            gc.collect()
            # Linux: fork, so workers start with everything loaded; elsewhere (macOS,
            # Windows) fork is unsafe or missing and workers import and load on their own.
            method = "fork" if sys.platform.startswith("linux") else "spawn"
            self.pool = ProcessPoolExecutor(self.n_workers, mp_context=multiprocessing.get_context(method),
                                            initializer=_worker_init)
            self.threads = ThreadPoolExecutor(self.window, thread_name_prefix="borderlines-batch")
        else:
            from distributed import Client
            self.mode = "distributed"
            if isinstance(self.scheduler, Client):
                self.client = self.scheduler
            else:
                self.client = Client(str(self.scheduler), set_as_default=False)
                self.own_client = True
            self.config_future = self.client.scatter(self.config, broadcast=True, hash=False)
        return self

    def __exit__(self, *exc):
        if self.threads is not None:
            self.threads.shutdown(wait=True, cancel_futures=True)
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
        if self.own_client:
            self.client.close()
        return False

    def _compute(self, batch: RawBatch) -> dict:
        import dask
        task = dask.delayed(_run_one, pure=False)(batch, self.config)
        scheduler = "sync" if self.mode == "sync" else "processes"
        kwargs = {"pool": self.pool} if self.mode == "processes" else {}
        return dask.compute(task, scheduler=scheduler, **kwargs)[0]

    def run(self, batches: Iterator[RawBatch]) -> Iterator[dict]:
        if self.mode == "sync":
            for batch in batches:
                yield self._compute(batch)
            return
        if self.mode == "processes":
            submit = lambda b: self.threads.submit(self._compute, b)  # noqa: E731
            pending = set()
            for batch in batches:
                pending.add(submit(batch))
                while len(pending) >= self.window:
                    done, pending = wait(pending, return_when=FIRST_COMPLETED)
                    yield from (f.result() for f in done)
            while pending:
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                yield from (f.result() for f in done)
            return
        from distributed import as_completed
        ac = as_completed(loop=self.client.loop)
        for batch in batches:
            ac.add(self.client.submit(_run_one, batch, self.config_future, pure=False))
            while ac.count() >= self.window:
                yield next(ac).result()
        for future in ac:
            yield future.result()


def _worker_init() -> None:
    # A forked worker: leave startup objects out of the garbage collector's scans.
    gc.freeze()


# --------------------------------------------------------------------------- running


def _write_partitions(out_dir: Path, result: dict) -> dict[str, dict]:
    written = {}
    for name, data in result["tables"].items():
        rel = f"{name}/part-{result['index']:05d}.parquet"
        write_bytes_atomic(out_dir / rel, data)
        written[name] = {"path": rel, "rows": result["rows"][name],
                         "bytes": len(data), "sha256": hashlib.sha256(data).hexdigest()}
    return written


def run_pipeline(source=None, out_dir: str | os.PathLike = "extracted", *, scheduler=None,
                 n_workers: int = 2, batch_size: int = DEFAULT_BATCH_SIZE, progress: bool = True,
                 manifest=None, config: PipelineConfig | None = None,
                 verify_checksums: bool = True) -> dict:
    """Extract every table of :data:`TABLES` from a corpus and write them to ``out_dir``.

    ``source``: as for :func:`~borderlines.corpus.load_corpus` (``None``: the bundled
    corpus). ``scheduler``: ``None`` (this process), ``"processes"`` (``n_workers`` local
    processes) or a Dask scheduler address / ``distributed.Client``. ``batch_size``:
    articles per batch, and per Parquet partition.

    The output is ``out_dir/<table>/part-NNNNN.parquet`` and ``out_dir/manifest.json``
    (written last: a folder without it holds an unfinished run); partitions of an
    earlier run that this one does not list are removed. Returns the summary written
    to the manifest: articles, words, partitions, warnings, and the CPU seconds of each
    stage summed over workers (``stages``) with the wall seconds (``wall_seconds``).

    Raises :class:`~borderlines.problems.CorpusError` (file, row, field of each
    problem) at the first batch with an error; nothing is listed in a manifest then."""
    t_start = time.perf_counter()
    config = config or make_config()
    spec = _spec(source, manifest, config, verify_checksums)
    out_dir = Path(out_dir).expanduser()
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / MANIFEST).unlink(missing_ok=True)     # the folder is incomplete until the end
    parts: dict[str, dict[int, dict]] = {name: {} for name in TABLES}
    stages = dict.fromkeys(STAGES, 0.0)
    n_articles = n_words = 0
    warned: dict[int, list[Problem]] = {}
    bar = None
    if progress:
        from tqdm.auto import tqdm
        bar = tqdm(total=_count_articles(spec), unit="article", desc="extract", leave=False)
    try:
        with _Runner(scheduler, n_workers, config) as runner:
            for result in runner.run(iter_raw_batches(spec, batch_size)):
                if errors(result["problems"]):
                    raise CorpusError(result["problems"])
                t0 = time.process_time()
                for name, entry in _write_partitions(out_dir, result).items():
                    parts[name][result["index"]] = entry
                stages["write"] += time.process_time() - t0
                for stage, seconds in result["cpu"].items():
                    stages[stage] = stages.get(stage, 0.0) + seconds
                n_articles += result["n_articles"]
                n_words += result["n_words"]
                warned[result["index"]] = result["problems"]
                if bar is not None:
                    bar.update(result["n_articles"])
            mode = runner.mode
    finally:
        if bar is not None:
            bar.close()
    listed = {name: [parts[name][i] for i in sorted(parts[name])] for name in TABLES}
    warned_list = [p for i in sorted(warned) for p in warned[i]]
    _remove_stale(out_dir, listed)
    summary = {
        "format": FORMAT_VERSION,
        "source": str(spec.label if spec.kind == "folder" else spec.source),
        "batch_size": batch_size, "n_batches": len(listed["articles"]),
        "n_articles": n_articles, "n_words": n_words,
        "settings": config.settings(),
        "tables": {name: {"rows": sum(p["rows"] for p in listed[name]), "partitions": listed[name]}
                   for name in TABLES},
        "warnings": [str(p) for p in warned_list[:100]], "n_warnings": len(warned_list),
    }
    write_json_atomic(out_dir / MANIFEST, summary)
    # run details (not in the manifest, which must not depend on the mode or the machine)
    summary.update(mode=mode, n_workers=n_workers if mode != "sync" else 1,
                   stages={k: round(v, 3) for k, v in stages.items()},
                   wall_seconds=round(time.perf_counter() - t_start, 3), out_dir=str(out_dir))
    return summary


def _count_articles(spec: SourceSpec) -> int | None:
    """Articles in the source when cheap to know (Parquet metadata, manifest lines)."""
    try:
        if spec.kind == "table" and str(spec.source).lower().endswith((".parquet", ".pq")):
            import pyarrow.parquet as pq
            return pq.ParquetFile(spec.source).metadata.num_rows
        if spec.kind == "folder":
            return max(0, sum(1 for _ in pd.read_csv(spec.manifest, dtype=str, usecols=[0],
                                                     keep_default_na=False).itertuples()))
    except Exception:   # noqa: BLE001 - only for the progress bar
        return None
    return None


def _remove_stale(out_dir: Path, listed: dict[str, list[dict]]) -> None:
    keep = {p["path"] for parts in listed.values() for p in parts}
    for name in TABLES:
        folder = out_dir / name
        if folder.is_dir():
            for f in folder.glob("part-*.parquet"):
                if f"{name}/{f.name}" not in keep:
                    f.unlink()


# --------------------------------------------------------------------------- reading back


def read_manifest(out_dir: str | os.PathLike) -> dict:
    """The manifest of a finished run in ``out_dir`` (``FileNotFoundError`` naming the
    folder when there is none: the run did not finish or never ran there)."""
    path = Path(out_dir).expanduser() / MANIFEST
    if not path.exists():
        raise FileNotFoundError(f"{path} not found: {out_dir} holds no finished pipeline run "
                                "(run `borderlines extract --out DIR` first)")
    return json.loads(path.read_text(encoding="utf-8"))


def read_tables(out_dir: str | os.PathLike, tables: list[str] | None = None,
                columns: dict[str, list[str]] | None = None) -> dict[str, pd.DataFrame]:
    """The tables written by :func:`run_pipeline` to ``out_dir``, ``{name: DataFrame}``
    (all of :data:`TABLES` by default), partitions concatenated in order. ``columns``
    may name the columns to read per table (saves memory on a large corpus)."""
    import pyarrow.parquet as pq
    info = read_manifest(out_dir)
    names = list(TABLES) if tables is None else list(tables)
    out = {}
    for name in names:
        if name not in info["tables"]:
            raise KeyError(f"no table '{name}' in {out_dir}; tables: {', '.join(info['tables'])}")
        cols = (columns or {}).get(name)
        frames = [pq.read_table(Path(out_dir) / p["path"], columns=cols).to_pandas()
                  for p in info["tables"][name]["partitions"]]
        non_empty = [f for f in frames if len(f)]
        if not frames:
            out[name] = pd.DataFrame()
        elif len(non_empty) <= 1:
            out[name] = (non_empty or frames)[0].reset_index(drop=True)
        else:
            out[name] = pd.concat(non_empty, ignore_index=True)
    return out


def read_table(out_dir: str | os.PathLike, name: str, columns: list[str] | None = None) -> pd.DataFrame:
    """One table of :func:`read_tables`."""
    return read_tables(out_dir, [name], {name: columns} if columns else None)[name]


def clear_output(out_dir: str | os.PathLike) -> None:
    """Remove a pipeline output folder (its tables and manifest only)."""
    out_dir = Path(out_dir)
    for name in TABLES:
        shutil.rmtree(out_dir / name, ignore_errors=True)
    (out_dir / MANIFEST).unlink(missing_ok=True)
