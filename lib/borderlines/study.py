"""The tables of a study: extract the corpus once, cache it per article, load it in one call.

Every notebook of a study reads the same :class:`StudyTables`: the clean corpus and the
tables of :data:`borderlines.pipeline.TABLES` (``articles`` with ``n_words`` and the other
per-article counts, ``sentences``, ``doc_terms``, ``quotes``, ``figures``,
``frame_matches``, ``frames``, ``tone``, ``tokens``), so a number is the same in every report.
:func:`study_tables` makes them with the pipeline's own reading, cleaning and extraction
(:func:`~borderlines.pipeline.iter_raw_batches`, :func:`~borderlines.pipeline.process_batch`,
which runs :func:`~borderlines.pipeline.extract_batch`) and caches them by content:

* an article's key hashes its source row (raw text and metadata) with the extraction's
  fingerprint (:func:`config_fingerprint`: eras, cleaning rules, actors and frames as
  loaded, term settings, the package's extraction code, the libraries' versions);
* extracted articles are kept as chunks, ``CACHE/chunks/<chunk>/<table>.parquet``, one
  per batch extracted together and named by its keys; ``CACHE/index.json`` maps each key
  to its chunk;
* a later call extracts only the articles whose key is not in the index (new or edited
  articles; all of them when the fingerprint changed), in batches on the pipeline's
  schedulers, then drops chunks no article of the corpus uses;
* the assembled tables are kept as ``CACHE/snapshot-<digest>/<table>.parquet``, so a
  call with nothing to extract reads nine files.

Order is fixed (articles by ``doc_id``, as :func:`~borderlines.corpus.load_corpus` sorts
them; an article's rows as extraction made them): a cold build and a cached one give the
same bytes. Files are written atomically (:mod:`borderlines.files`), ``index.json`` last;
``CACHE/.lock`` makes a second process wait for the first.

Where the cache lives (:func:`tables_dir`): ``<study report folder>/tables`` in
``borderlines build`` (:func:`prepare_study_tables`), else one folder per corpus under the
user's cache (``platformdirs.user_cache_dir("borderlines")/tables/``; set
``BORDERLINES_CACHE`` to move it), so a read-only checkout still works.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import warnings
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from . import pipeline
from .files import write_bytes_atomic, write_json_atomic
from .parameters import table_inputs
from .paths import PACKAGE_DIR, SNAPSHOT_KEYS
from .problems import CorpusError, Problem, errors
from .textstats import ARTICLE_TABLE_COLUMNS

FORMAT_VERSION = 1
INDEX = "index.json"
CACHE_ENV = "BORDERLINES_CACHE"
#: Set (by the build, or by hand) to the folder every notebook of a study reads its tables from.
TABLES_ENV = "BORDERLINES_TABLES"
#: The folder (in a study's tables folder) where a build records the snapshot its notebooks read.
PREPARED = "prepared"


#: Articles read (and validated) at a time when the corpus is scanned for new ones.
SCAN_BATCH = 2000

#: Columns :func:`~borderlines.pipeline.extract_batch` adds to the corpus in ``articles``.
ARTICLE_COUNTS = ("n_words", "n_sentences", "n_quotes", "n_figures", *ARTICLE_TABLE_COLUMNS)

#: Parts of the package that do not change what extraction gives; a change anywhere
#: else in ``lib/borderlines`` re-extracts every article.
NOT_EXTRACTION = frozenset({
    "build.py", "cli.py", "index.py", "navigation.py", "notebook.py", "report.py", "nbtools.py", "explore.py",
    "exercises.py", "lockfile.py", "uncertainty.py", "validation.py", "progress.py", "study.py",
    "compare", "measures.py", "wording.py", "confounds.py",
    "charts", "importers", "templates"})

#: Libraries whose version can change the extracted tables.
LIBRARIES = ("spacy", "vaderSentiment", "pandas", "pyarrow", "numpy")


#: The tables of :class:`StudyTables`, by name.
TABLE_NAMES = ("corpus", *pipeline.TABLES)


class StudyTables:
    """The tables of one study (columns: :data:`borderlines.pipeline.TABLES`; ``corpus``
    as :func:`~borderlines.corpus.load_corpus` returns it; ``tokens`` as
    :func:`~borderlines.terms.token_table` returns it), as attributes: ``tables.quotes``.
    Each table is read from the cache the first time it is used, so a notebook holds
    only the tables it reads. ``provenance``: ``fingerprint`` (extraction settings and
    code), ``corpus_checksum`` (the articles' content, in source order),
    ``n_articles``, ``n_extracted`` (by this call), ``cache_dir``, ``snapshot``.
    ``warnings``: the corpus's warnings (e.g. dates outside every era) as text."""

    def __init__(self, load, provenance: dict | None = None, warnings: tuple[str, ...] = (),
                 doc_ids: frozenset[str] | None = None):
        # load(name) -> DataFrame: one table, all articles; doc_ids: the articles kept
        self._load, self._doc_ids, self._tables = load, doc_ids, {}
        self.provenance, self.warnings = dict(provenance or {}), tuple(warnings)

    def __getattr__(self, name: str) -> pd.DataFrame:
        if name in TABLE_NAMES:
            return self.table(name)
        raise AttributeError(f"'StudyTables' has no attribute '{name}'; tables: {', '.join(TABLE_NAMES)}")

    def __dir__(self):
        return [*super().__dir__(), *TABLE_NAMES]

    def table(self, name: str) -> pd.DataFrame:
        """One table by name (``"corpus"`` or a key of :data:`~borderlines.pipeline.TABLES`)."""
        if name not in TABLE_NAMES:
            raise KeyError(f"no table '{name}'; tables: {', '.join(TABLE_NAMES)}")
        if name not in self._tables:
            table = self._load(name)
            self._tables[name] = table if self._doc_ids is None else _rows_of(table, self._doc_ids)
        return self._tables[name]

    def _unfiltered(self, name: str) -> pd.DataFrame:
        return self._tables[name] if self._doc_ids is None and name in self._tables else self._load(name)

    def of_articles(self, doc_ids) -> "StudyTables":
        """The same tables restricted to the articles ``doc_ids`` (e.g. the corpus left
        after :func:`borderlines.confounds.apply_duplicates` collapsed near-duplicates),
        rows in their order; ``provenance`` and ``warnings`` unchanged."""
        return StudyTables(self._unfiltered, self.provenance, self.warnings, frozenset(map(str, doc_ids)))


def _rows_of(table: pd.DataFrame, doc_ids: frozenset[str]) -> pd.DataFrame:
    return table[table["doc_id"].astype(str).isin(doc_ids)].reset_index(drop=True)


# --------------------------------------------------------------------------- fingerprints


def _digest(*parts: bytes | str) -> str:
    h = hashlib.blake2b(digest_size=16)
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "little") + data)
    return h.hexdigest()


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """Hash of the package's source files that shape extraction (all but
    :data:`NOT_EXTRACTION`) and of the :data:`LIBRARIES`' versions."""
    from importlib.metadata import PackageNotFoundError, version
    parts = []
    for path in sorted(PACKAGE_DIR.rglob("*.py")):
        rel = path.relative_to(PACKAGE_DIR)
        if rel.parts[0] not in NOT_EXTRACTION:
            parts += [rel.as_posix(), path.read_bytes()]
    for name in LIBRARIES:
        try:
            parts.append(f"{name}=={version(name)}")
        except PackageNotFoundError:
            parts.append(f"{name} missing")
    return _digest(*parts)


def config_fingerprint(config: pipeline.PipelineConfig) -> str:
    """Hash of everything besides an article that decides its tables: the settings of
    ``config`` (eras, rules, actors, frames as loaded; n-grams; column names), the cache
    format and :func:`code_fingerprint`."""
    settings = dict(config.settings(), columns=[config.id_column, config.date_column,
                                                config.text_column, config.file_column])
    return _digest(f"format {FORMAT_VERSION}", json.dumps(settings, sort_keys=True), code_fingerprint())


def _row_digest(row: dict, text_column: str) -> str:
    # the source row as read, text included (as _text); _row is only its position, and
    # _file where the corpus lies (moving it re-extracts nothing: see _with_files)
    fields = {k: v for k, v in row.items() if k not in ("_row", "_file", text_column)}
    return _digest(json.dumps(fields, sort_keys=True, default=str, ensure_ascii=False))


# --------------------------------------------------------------------------- where


def default_cache_dir(corpus_path=None) -> Path:
    """The cache folder of a corpus outside a build: ``<user cache>/tables/<name>-<hash
    of its absolute path>`` (``bundled`` for the bundled corpus); see :data:`CACHE_ENV`."""
    import platformdirs
    root = Path(os.environ.get(CACHE_ENV) or platformdirs.user_cache_dir("borderlines"))
    if corpus_path is None:
        return root / "tables" / "bundled"
    source = Path(corpus_path).expanduser().resolve()
    return root / "tables" / f"{source.stem[:40]}-{_digest(str(source))[:12]}"


def tables_dir(params: dict) -> Path:
    """Where a notebook with parameters ``params`` finds its study's tables:
    ``$BORDERLINES_TABLES`` if set; ``<study folder>/tables`` when ``output_dir`` is a
    build's staging folder (``<study folder>/.partial/<notebook>/data``); otherwise
    :func:`default_cache_dir` of ``corpus_path``."""
    if os.environ.get(TABLES_ENV):
        return Path(os.environ[TABLES_ENV]).expanduser()
    out = params.get("output_dir")
    if out:
        parents = Path(out).expanduser().resolve().parents
        for parent in parents:
            if parent.name == ".partial":
                return parent.parent / "tables"
    return default_cache_dir(params.get("corpus_path"))


# --------------------------------------------------------------------------- building


def _read_index(cache: Path, fingerprint: str) -> dict:
    path = cache / INDEX
    empty = {"format": FORMAT_VERSION, "fingerprint": fingerprint, "articles": {}, "chunks": {}, "snapshot": ""}
    if not path.exists():
        return empty
    try:
        index = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return empty            # unreadable: rebuilt from scratch, chunks collected below
    return index if index.get("format") == FORMAT_VERSION else empty


def _scan(spec, batch_size: int, fingerprint: str, known: dict):
    """Every source article as ``(key, doc_id, raw_text, file)`` in source order, the corpus
    checksum, and the source rows of articles whose key is not ``known``, regrouped in
    full batches (a few edits anywhere make one small batch)."""
    seen, fresh, fresh_warnings = [], [], []
    content = hashlib.blake2b(digest_size=16)
    # read in large batches (validation has a cost per batch); extract in batch_size ones
    for raw in pipeline.iter_raw_batches(spec, max(batch_size, SCAN_BATCH)):
        new = []
        for i, row in enumerate(raw.rows.to_dict("records")):
            content_key = _row_digest(row, spec.text_column)
            content.update(content_key.encode())
            key = _digest(content_key, fingerprint)
            seen.append((key, str(row.get(spec.id_column, "")).strip(), row["_text"], str(row["_file"])))
            if key not in known:
                new.append(i)
        if new:
            fresh.append(raw.rows.iloc[new])
            fresh_warnings += raw.warnings
    batches = []
    if fresh:
        rows = pd.concat(fresh, ignore_index=True)
        for first in range(0, len(rows), batch_size):
            part = rows.iloc[first:first + batch_size].reset_index(drop=True)
            batches.append(pipeline.RawBatch(len(batches), part, spec, fresh_warnings if first == 0 else []))
    return seen, content.hexdigest(), batches


def _extract(batches, seen, cache: Path, index: dict, config, scheduler, n_workers: int, progress: bool) -> int:
    """Extract ``batches`` into new chunks, recording them in ``index``; articles done."""
    from .progress import progress_bar
    key_of = {doc_id: key for key, doc_id, *_ in seen}
    total = sum(len(b.rows) for b in batches)
    done = 0
    with progress_bar(total, "Extracting articles", enabled=progress) as bar, \
            pipeline._Runner(scheduler, n_workers, config) as runner:
        for result in runner.run(iter(batches)):
            if errors(result["problems"]):
                raise CorpusError(result["problems"])
            ids = pd.read_parquet(io.BytesIO(result["tables"]["articles"]), columns=["doc_id"])["doc_id"]
            keys = sorted(key_of[str(d)] for d in ids)
            chunk = _digest(*keys)
            for name, data in result["tables"].items():
                write_bytes_atomic(cache / "chunks" / chunk / f"{name}.parquet", data)
            index["chunks"][chunk] = {"n_articles": len(ids),
                                      "warnings": [[p.doc_id or "", str(p)] for p in result["problems"]]}
            for d in ids:
                index["articles"][key_of[str(d)]] = {"chunk": chunk, "doc_id": str(d)}
            done += result["n_articles"]
            bar.update(result["n_articles"])
    return done


def _sources(cache: Path, index: dict, seen) -> dict[Path, tuple[int, list[str]]]:
    """Where each article ``seen`` is read from: ``{file folder: (articles it holds,
    doc_ids wanted)}``, the last snapshot for the articles it holds, else their chunk."""
    previous = cache / str(index.get("snapshot") or "-")
    try:
        held = json.loads((previous / SNAPSHOT_KEYS).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        held = []
    held = set(held)
    sources: dict[Path, tuple[int, list[str]]] = {}
    for key, doc_id, *_ in seen:
        if key in held:
            folder, n = previous, len(held)
        else:
            chunk = index["articles"][key]["chunk"]
            folder, n = cache / "chunks" / chunk, index["chunks"][chunk]["n_articles"]
        sources.setdefault(folder, (n, []))[1].append(doc_id)
    return sources


def _assemble(cache: Path, index: dict, seen) -> dict:
    """The tables (``pyarrow.Table``) of the articles ``seen``, rows in ``doc_id`` order
    (stable: an article's rows keep their order)."""
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.parquet as pq
    sources = _sources(cache, index, seen)
    order = pa.array(sorted(doc_id for _, doc_id, *_ in seen), pa.string())   # as load_corpus sorts
    out = {}
    for name in pipeline.TABLES:
        parts = []
        for folder in sorted(sources):
            n_held, wanted = sources[folder]
            table = pq.read_table(folder / f"{name}.parquet")
            if n_held != len(wanted):           # some of its articles left the corpus
                table = table.filter(pc.is_in(table["doc_id"].cast(pa.string()),
                                              value_set=pa.array(wanted, pa.string())))
            parts.append(table)
        table = pa.concat_tables(parts, promote_options="default")
        position = pc.index_in(table["doc_id"].cast(pa.string()), value_set=order).to_numpy(zero_copy_only=False)
        out[name] = table.take(pa.array(np.argsort(position, kind="stable")))
    return out


def _snapshot(cache: Path, index: dict, seen, fingerprint: str) -> Path:
    """The folder of the assembled tables of the articles ``seen``,
    ``CACHE/snapshot-<digest of their keys>/``, made when missing from the last snapshot
    and the chunks of articles it lacks; :data:`SNAPSHOT_KEYS`, written last, lists the
    keys it holds."""
    keys = [key for key, *_ in seen]
    folder = cache / f"snapshot-{_digest(fingerprint, *keys)}"
    if not (folder / SNAPSHOT_KEYS).exists():
        for name, table in _assemble(cache, index, seen).items():
            write_bytes_atomic(folder / f"{name}.parquet", pipeline.parquet_bytes(table))
        write_json_atomic(folder / SNAPSHOT_KEYS, keys)
    index["snapshot"] = folder.name
    return folder


def table_digests(snapshot: Path) -> dict[str, str]:
    """``{table: SHA-256 of its content}`` for the tables a snapshot folder gives
    (:class:`StudyTables`' fields): each table of :data:`~borderlines.pipeline.TABLES` by
    its Parquet file's bytes (written deterministically), ``corpus`` by ``articles`` and
    the keys of the source rows (raw text and metadata), which it also shows. Equal
    digests mean equal tables, so a notebook that reads only unchanged tables need not
    run again."""
    from .files import sha256_file
    out = {name: sha256_file(Path(snapshot) / f"{name}.parquet") for name in pipeline.TABLES}
    out["corpus"] = _digest(out["articles"], sha256_file(Path(snapshot) / SNAPSHOT_KEYS))
    return dict(sorted(out.items()))


def _collect(cache: Path, index: dict, seen) -> None:
    """Keep only the current articles in ``index``; write it; remove unused chunks and
    older snapshots."""
    import shutil
    index["articles"] = {key: index["articles"][key] for key, *_ in seen}
    live = {entry["chunk"] for entry in index["articles"].values()}
    index["chunks"] = {c: v for c, v in index["chunks"].items() if c in live}
    write_json_atomic(cache / INDEX, index)
    chunks = cache / "chunks"
    stale = [f for f in chunks.iterdir() if f.name not in live] if chunks.is_dir() else []
    stale += [f for f in cache.glob("snapshot-*") if f.name != index.get("snapshot")]
    for folder in stale:
        shutil.rmtree(folder, ignore_errors=True)


def _with_files(articles: pd.DataFrame, seen) -> pd.DataFrame:
    """``articles`` with ``file`` where each article is read from now."""
    if "file" not in articles.columns:
        return articles
    files = {doc_id: file for _, doc_id, _, file in seen}
    return articles.assign(file=pd.array([files[d] for d in articles["doc_id"].astype(str)],
                                         dtype=articles["file"].dtype))


def _corpus(articles: pd.DataFrame, seen) -> pd.DataFrame:
    """The corpus table (as ``load_corpus``): ``articles`` without the counts, with raw_text."""
    raw = {doc_id: text for _, doc_id, text, _ in seen}
    corpus = articles.drop(columns=[c for c in ARTICLE_COUNTS if c in articles.columns])
    at = list(corpus.columns).index("text") + 1 if "text" in corpus.columns else len(corpus.columns)
    corpus.insert(at, "raw_text", pd.array([raw[d] for d in corpus["doc_id"].astype(str)], dtype="str"))
    return corpus


def _refresh(corpus_path, config, cache: Path, *, scheduler, n_workers: int, batch_size: int, manifest,
             progress: bool):
    """Bring the cache ``cache`` up to date with the corpus: extract the articles not in
    it, make their snapshot, drop what no article uses. Returns ``(seen, provenance,
    snapshot folder, warnings)``; see :func:`study_tables`."""
    import locket
    spec = pipeline._spec(corpus_path, manifest, config, True)
    fingerprint = config_fingerprint(config)
    cache.mkdir(parents=True, exist_ok=True)
    with locket.lock_file(str(cache / ".lock")):
        index = _read_index(cache, fingerprint)
        seen, checksum, batches = _scan(spec, batch_size, fingerprint, index["articles"])
        if not seen:
            raise CorpusError([Problem(file=spec.label, message="the corpus has no articles",
                                       fix="add articles: a study needs at least one")])
        n_extracted = 0
        try:
            if batches:
                n_extracted = _extract(batches, seen, cache, index, config, scheduler, n_workers, progress)
        finally:
            if n_extracted < sum(len(b.rows) for b in batches):   # interrupted: keep what is done
                write_json_atomic(cache / INDEX, index)
        snapshot = _snapshot(cache, index, seen, fingerprint)
        _collect(cache, index, seen)
        live = {entry["chunk"] for entry in index["articles"].values()}
        ids = {doc_id for _, doc_id, *_ in seen}
        problems = tuple(sorted({text for chunk in live for doc_id, text in index["chunks"][chunk]["warnings"]
                                 if not doc_id or doc_id in ids}))
    provenance = {"fingerprint": fingerprint, "corpus_checksum": checksum, "n_articles": len(seen),
                  "n_extracted": n_extracted, "cache_dir": str(cache), "snapshot": snapshot.name}
    return seen, provenance, snapshot, problems


def study_tables(corpus_path=None, *, eras_path=None, rules_path=None, actors_path=None,
                 frames_path=None, cache_dir=None, progress: bool = True, scheduler=None,
                 n_workers: int = 2, batch_size: int = pipeline.DEFAULT_BATCH_SIZE,
                 manifest=None, config: pipeline.PipelineConfig | None = None,
                 warn: bool = True) -> StudyTables:
    """The :class:`StudyTables` of a corpus, extracting only articles not in the cache.

    ``corpus_path``: as for :func:`~borderlines.corpus.load_corpus` (``None``: the
    bundled corpus); ``eras_path``, ``rules_path``, ``actors_path``, ``frames_path``: as
    for :func:`~borderlines.pipeline.make_config` (``None``: the project's files), or a
    ready ``config``. ``cache_dir``: the cache folder (default
    :func:`default_cache_dir`). New articles are extracted ``batch_size`` at a time on
    ``scheduler`` (as :func:`~borderlines.pipeline.run_pipeline`), with a progress bar
    when ``progress`` and there is anything to extract. The corpus's warnings are issued
    as :class:`~borderlines.corpus.CorpusWarning` when ``warn``.

    Raises :class:`~borderlines.problems.CorpusError` naming file, row and field of a bad
    article, or when there is none; an interrupted call keeps the batches it finished."""
    from .corpus import CorpusWarning
    config = config or pipeline.make_config(eras_path, rules_path, actors_path, frames_path)
    cache = Path(cache_dir).expanduser() if cache_dir is not None else default_cache_dir(corpus_path)
    seen, provenance, snapshot, problems = _refresh(
        corpus_path, config, cache, scheduler=scheduler, n_workers=n_workers, batch_size=batch_size,
        manifest=manifest, progress=progress)
    if warn:
        for problem in problems:
            warnings.warn(problem, CorpusWarning, stacklevel=2)
    return StudyTables(_snapshot_loader(snapshot, seen), provenance, problems)


def snapshot_tables(snapshot) -> StudyTables:
    """The :class:`StudyTables` of one snapshot folder (``<study folder>/tables/<snapshot>``,
    as :func:`prepare_study_tables` names it), read lazily and without reading or hashing
    the corpus again: every table but ``corpus``, whose raw text only the corpus holds
    (``articles`` has each article's clean text and metadata)."""
    folder = Path(snapshot)
    return StudyTables(_snapshot_loader(folder, None), {"snapshot": folder.name})


def _snapshot_loader(snapshot: Path, seen):
    """``load(name)``: one table of :class:`StudyTables` read from ``snapshot``. Its files
    are opened now, so a later refresh of the cache (which removes older snapshots)
    cannot take them away from tables not yet read. ``seen`` (the corpus as scanned)
    gives ``corpus`` its raw text and ``articles`` the files read now; ``None``: no
    ``corpus``, ``articles`` as extracted."""
    import pyarrow.parquet as pq
    files = {name: pq.ParquetFile(open(snapshot / f"{name}.parquet", "rb")) for name in pipeline.TABLES}
    read = {}

    def articles() -> pd.DataFrame:       # corpus and tokens need it too: read once
        if "articles" not in read:
            table = files["articles"].read().to_pandas()
            read["articles"] = table if seen is None else _with_files(table, seen)
        return read["articles"]

    def load(name: str) -> pd.DataFrame:
        if name == "corpus":
            if seen is None:
                raise ValueError(f"the tables of {snapshot.name} have no corpus table (it needs the corpus "
                                 "read again): use tables.articles, or borderlines.study.study_tables")
            return _corpus(articles(), seen)
        if name == "articles":
            return articles()
        table = files[name].read().to_pandas()
        if name != "tokens":
            return table
        from .terms import tokens_from_flat   # imports spaCy: only for the notebooks that read tokens
        return tokens_from_flat(table, articles()["doc_id"].astype(object))

    return load


# --------------------------------------------------------------------------- notebooks, build


def _arguments(params: dict) -> dict:
    return {"eras_path": params.get("eras_path"), "rules_path": params.get("cleaning_rules_path"),
            "actors_path": params.get("actors_path"), "frames_path": params.get("frames_path")}


def load_study_tables(params: dict, *, progress: bool = True) -> StudyTables:
    """The one call a notebook makes: its study's tables, from the notebook's parameters
    (``corpus_path``, ``eras_path``, ``cleaning_rules_path``, ``actors_path``,
    ``frames_path``, ``output_dir``; missing ones take their defaults), e.g.
    ``load_study_tables(globals())``. In a build it reads the tables
    :func:`prepare_study_tables` made (:func:`tables_dir`) as they are, without reading
    the corpus again; run by hand, it builds what is missing first, with a progress bar."""
    from .progress import BUILD_ENV, interactive
    cache = tables_dir(params)
    if os.environ.get(BUILD_ENV) == "1":
        prepared = _prepared_tables(cache, params)
        if prepared is not None:
            return prepared
    return study_tables(params.get("corpus_path"), **_arguments(params), cache_dir=cache,
                        progress=progress and interactive())


def _write_prepared(cache: Path, params: dict, provenance: dict, seen, problems) -> None:
    """Record, in ``cache/prepared/``, the snapshot :func:`prepare_study_tables` just made
    with the articles' sources (``sources.parquet``: ``doc_id``, ``raw_text``, ``file``)
    and the corpus's warnings, so the build's notebooks read it without scanning the
    corpus again, each (:func:`_prepared_tables`). ``prepared.json`` is written last."""
    folder = cache / PREPARED
    sources = pd.DataFrame({"doc_id": [d for _, d, _, _ in seen], "raw_text": [t for _, _, t, _ in seen],
                            "file": [f for _, _, _, f in seen]})
    write_bytes_atomic(folder / "sources.parquet", pipeline.parquet_bytes(sources))
    write_json_atomic(folder / "prepared.json", {"inputs": table_inputs(params), "provenance": provenance,
                                                 "warnings": list(problems)})


def _prepared_tables(cache: Path, params: dict) -> StudyTables | None:
    """The :class:`StudyTables` a build prepared in ``cache`` for notebooks with
    ``params`` (:func:`_write_prepared`); ``None`` when there is no such record, it is
    of other table parameters, or its snapshot is gone (then the caller scans the corpus)."""
    try:
        record = json.loads((cache / PREPARED / "prepared.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    snapshot = cache / str(record.get("provenance", {}).get("snapshot", "-"))
    if record.get("inputs") != table_inputs(params) or not (snapshot / SNAPSHOT_KEYS).exists():
        return None
    sources = pd.read_parquet(cache / PREPARED / "sources.parquet")
    seen = list(zip([None] * len(sources), sources["doc_id"].astype(str), sources["raw_text"],
                    sources["file"].astype(str)))
    for problem in record.get("warnings", []):
        from .corpus import CorpusWarning
        warnings.warn(problem, CorpusWarning, stacklevel=3)
    return StudyTables(_snapshot_loader(snapshot, seen), {**record["provenance"], "n_extracted": 0},
                       tuple(record.get("warnings", [])))


def prepare_study_tables(params: dict, out_dir, *, scheduler=None, n_workers: int = 2,
                         batch_size: int = pipeline.DEFAULT_BATCH_SIZE, progress: bool = True) -> dict:
    """For ``borderlines build``: make the study's tables once, before its notebooks run,
    in ``out_dir/tables`` (``out_dir``: the study's report folder; ``params``: the
    study's parameters with absolute paths), extracting new articles on ``scheduler``
    (``None``: in this process; ``"processes"``: ``n_workers`` local processes; a Dask
    scheduler's address). The notebooks then find them with :func:`load_study_tables`,
    as the build stages them under ``out_dir/.partial``. The tables are not loaded here
    (the build only needs them on disk); returns :class:`StudyTables`' ``provenance``
    with ``digests`` (:func:`table_digests`). The corpus's near-duplicate pairs are found
    here too, once (:func:`borderlines.confounds.study_duplicate_pairs`), not by each notebook."""
    a = _arguments(params)
    config = pipeline.make_config(a["eras_path"], a["rules_path"], a["actors_path"], a["frames_path"])
    seen, provenance, snapshot, problems = _refresh(
        params.get("corpus_path"), config, Path(out_dir) / "tables", scheduler=scheduler,
        n_workers=n_workers, batch_size=batch_size, manifest=None, progress=progress)
    _write_prepared(Path(out_dir) / "tables", params, provenance, seen, problems)
    from .confounds import study_duplicate_pairs
    study_duplicate_pairs(StudyTables(_snapshot_loader(snapshot, seen), provenance))
    return {**provenance, "digests": table_digests(snapshot)}
