"""Regenerate the reports of a study: parameters, incremental, parallel, isolated.

``borderlines build --params params/default.yml`` runs every numbered notebook in
``notebooks/`` with Papermill (in parallel, each in its own kernel), exports each
executed notebook to a clean HTML report and a full notebook page (in-process, with
nbconvert), and writes ``reports/<study>/index.html`` and ``manifest.json``.

* Parameters come from the study file and ``-p name=value``; names no notebook declares
  and values of the wrong type are errors before anything runs.
* A notebook is re-executed only when something it depends on changed: its source,
  the package code, the data and corpus files, the parameters or the lock; ``force``
  rebuilds all.
* A failing notebook keeps its executed copy with the error where it happened
  (``executed/<nb>.failed.ipynb`` and ``<nb>.failed.html``); the others still build; the
  index marks it failed; the build returns non-zero and names it.
* Inputs are compared by the SHA-256 of their contents, never by size and time.
* Every file is written atomically, and each notebook's pages, tables and
  ``manifest.json`` entry are published together as it finishes (:class:`Publisher`):
  a build interrupted midway (Ctrl-C, a kill) leaves every notebook either as before or
  as this build made it, and the manifest describes which. One build of a study runs at
  a time (:func:`study_lock`); a second one stops with a message naming the first.
"""

from __future__ import annotations

import concurrent.futures as cf
import contextlib
import datetime as dt
import hashlib
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import threading
import time
import traceback
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from . import __version__
from .files import InputProblem, read_yaml, sha256_file, write_json_atomic
from .parameters import (RESERVED, TABLE_INPUTS, DeprecatedParameter, deprecation, missing_files, resolve_paths,
                         shown_parameters, table_inputs, type_problem, value_problems)
from .paths import PACKAGE_DIR, SNAPSHOT_KEYS, data_dir, notebooks_dir, project_root, reports_dir, shown_path
from .progress import BUILD_ENV

NOTEBOOK_GLOB = "[0-9][0-9]_*.ipynb"
KERNEL = "python3"
VERSIONED_PACKAGES = ("borderlines", "pandas", "numpy", "scipy", "pyarrow", "altair", "vl-convert-python",
                      "spacy", "spacy-lookups-data", "textstat", "vaderSentiment", "pandera",
                      "papermill", "nbconvert", "nbclient", "ipykernel", "itables", "dask")


class BuildError(Exception):
    """A problem found before anything runs (bad study file, unknown parameter, ...)."""


# --------------------------------------------------------------------------- study


@dataclass
class Study:
    """A named set of parameters; its reports go to ``reports/<name>/``."""

    name: str
    parameters: dict
    source: str = "(defaults)"
    out_dir: Path = field(default=None)
    overridden: tuple[str, ...] = ()   # names set on the command line (-p), for messages
    description: str = ""              # the study file's 'description', shown on its index page
    teacher: bool = False              # the worked solutions (see teacher_study)

    def origin(self, name: str) -> str:
        """Where parameter ``name`` was set, for an error message."""
        return f"-p {name}=..." if name in self.overridden else self.source

    def __post_init__(self):
        # a folder name on every system, and never a page of the reports folder (index.html)
        if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_-]{0,63}", self.name):
            raise BuildError(f"{self.source}: study name '{self.name}' may use only letters, digits, "
                             "'_' and '-', at most 64 of them, starting with a letter or digit "
                             "(it names the report folder)")
        if self.out_dir is None:
            self.out_dir = reports_dir() / self.name


def parse_override(text: str) -> tuple[str, object]:
    """``name=value`` from the command line; the value is read as YAML (``3`` is an int,
    ``null`` is None, ``[1, 2]`` a list, anything else, ``a: b`` included, a string)."""
    if "=" not in text:
        raise BuildError(f"-p {text!r}: write parameters as name=value")
    name, _, value = text.partition("=")
    try:
        parsed = yaml.safe_load(value) if value.strip() else ""
    except yaml.YAMLError:
        parsed = value
    if isinstance(parsed, dict):  # "a: b" is text on a command line, not a mapping
        parsed = value
    return name.strip(), parsed


def load_study(path: str | os.PathLike | None, overrides: list[str] | tuple[str, ...] = (),
               name: str | None = None) -> Study:
    """The study in a ``params/*.yml`` file (``study: name`` and ``parameters: {...}``)
    with ``-p name=value`` overrides applied on top. ``name`` (``--study``) names the
    study; without it, a corpus set with ``-p corpus_path=...`` gets a study of its own
    (:func:`derived_study_name`), so it never writes into the study file's folder."""
    params: dict = {}
    file_name = "default"
    source = "(defaults)"
    description = ""
    if path:
        source = shown_path(path)
        try:
            doc = read_yaml(path) or {}
        except InputProblem as exc:
            raise BuildError(str(exc.problem)) from None
        if not isinstance(doc, dict):
            raise BuildError(f"{path}: a study file holds 'study: <name>' and 'parameters:'")
        unknown = set(doc) - {"study", "parameters", "description"}
        if unknown:
            raise BuildError(f"{path}: unknown top-level key(s) {', '.join(sorted(unknown))}; "
                             "use 'study', 'description' and 'parameters'")
        file_name = str(doc.get("study") or Path(path).stem)
        params = dict(doc.get("parameters") or {})
        description = str(doc.get("description") or "")
    from_file = dict(params)
    overridden = []
    for text in overrides:
        key, value = parse_override(text)
        params[key] = value
        overridden.append(key)
    other_corpus = "corpus_path" in overridden and params.get("corpus_path") != from_file.get("corpus_path")
    if name:
        file_name = name
    elif other_corpus:
        file_name = derived_study_name(file_name, params.get("corpus_path"))
    if other_corpus:
        description = ""  # the study file's description is of its own corpus
    return Study(name=file_name, parameters=params, source=source, overridden=tuple(overridden),
                 description=description)


#: Folder of a study's teacher build, inside the study's folder.
TEACHER = "teacher"


def solutions_dir() -> Path:
    """``notebooks/solutions/``: the worked solutions, built only for teachers."""
    return notebooks_dir() / "solutions"


def teacher_study(study: Study) -> Study:
    """The teacher's build of ``study``: the same parameters, the worked solutions
    (:func:`solutions_dir`) built into ``reports/<study>/teacher/``, a folder no page of the
    students' reports links to (nor the index of all studies)."""
    from dataclasses import replace
    return replace(study, out_dir=study.out_dir / TEACHER, teacher=True,
                   description=f"Teacher's build: the worked solutions for study '{study.name}'. "
                               "Not linked from the students' reports; do not publish it with them.")


def derived_study_name(base: str, corpus_path) -> str:
    """The study a ``-p corpus_path=...`` build goes to: ``<base>-<corpus file or folder
    name>`` (letters, digits, '.', '_' and '-' only), or ``base`` for the bundled corpus."""
    if not corpus_path:
        return base
    stem = re.sub(r"[^A-Za-z0-9_.-]+", "-", Path(str(corpus_path)).expanduser().stem).strip("-.") or "corpus"
    return f"{base}-{stem}"


#: Parameters every notebook of a study shares (they decide its tables): pages built with
#: different values mix inputs.
SHARED_INPUTS = TABLE_INPUTS


def corpus_identity(params: dict) -> str:
    """The corpus a study reads, as reports show it: ``bundled`` or its path (relative to
    the project, or its name when outside it)."""
    src = params.get("corpus_path")
    return shown_path(src) if src else "bundled"


def mixing_problem(study: Study, previous: dict, checksum: str, only: list[str] | None) -> str:
    """Why building ``study`` into its folder would mix inputs ('' when it would not):
    the folder's last build (manifest ``previous``) read another corpus, or ``--only``
    would put pages of a changed corpus or other eras/rules next to the others."""
    if not previous:
        return ""
    folder = shown_path(study.out_dir)
    how = (f"Give this build its own study: --study NAME, or 'study: NAME' in the study file "
           f"(or delete {folder}/ to replace it).")
    before = previous.get("corpus") or corpus_identity(previous.get("parameters") or {})
    now = corpus_identity(study.parameters)
    if before != now:
        return f"{folder}/ holds the reports of corpus '{before}'; this build reads corpus '{now}'. {how}"
    if not only:
        return ""
    shown = {k: shown_path(v) if v else None for k, v in resolve_paths(study.parameters).items()
             if k in SHARED_INPUTS}
    for entry in previous.get("notebooks", []):
        if _selected(entry["stem"], only) or entry.get("status") == "failed":
            continue
        made = entry.get("provenance") or {}
        params = made.get("parameters") or {}
        if made.get("corpus_checksum") not in (None, checksum):
            return (f"--only {' '.join(only)}: the corpus changed since {entry['stem']} was built, so its "
                    f"pages and the new ones would describe different articles. Build every notebook "
                    f"(leave out --only). {how}")
        old = {k: shown_path(v) if v else None for k, v in resolve_paths(params).items() if k in SHARED_INPUTS}
        differ = [k for k in SHARED_INPUTS if old.get(k) != shown.get(k)]
        if differ:
            return (f"--only {' '.join(only)}: {entry['stem']} was built with another {', '.join(differ)}. "
                    f"Build every notebook (leave out --only). {how}")
    return ""


# --------------------------------------------------------------------------- notebooks


@dataclass
class NotebookSpec:
    path: Path
    stem: str
    title: str
    declared: dict  # name -> default literal (as papermill reports it)


def _selected(stem: str, only: list[str] | None) -> bool:
    """Whether ``--only`` (stems or their prefixes, e.g. ``01``) selects notebook ``stem``."""
    return not only or any(stem.startswith(o) for o in only)


def discover_notebooks(folder: Path | None = None, only: list[str] | None = None,
                       known: dict[str, dict] | None = None) -> list[NotebookSpec]:
    """The numbered notebooks (``NN_name.ipynb``) in ``folder``, in order, with their
    titles and declared parameters. ``known``: ``{sha256 of a notebook file: {"title",
    "declared"}}``, kept by the last build in its manifest (``notebook_specs``), so an unchanged notebook
    is not read again (a no-op build then never imports Papermill)."""
    folder = folder or notebooks_dir()
    specs = []
    for path in sorted(folder.glob(NOTEBOOK_GLOB)):
        if not _selected(path.stem, only):
            continue
        record = known.get(sha256_file(path)) if known else None
        if record:
            specs.append(NotebookSpec(path=path, stem=path.stem, title=record["title"], declared=record["declared"]))
        else:
            specs.append(_read_spec(path))
    if only and not specs:
        raise BuildError(f"no notebook matches {', '.join(only)} in {folder}")
    return specs


def _read_spec(path: Path) -> NotebookSpec:
    import nbformat
    import papermill

    nb = nbformat.read(path, as_version=4)
    title = path.stem
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            m = re.search(r"^#\s+(.+)$", cell.source, re.MULTILINE)
            if m:
                title = m.group(1).strip()
                break
    declared = {name: info["default"] for name, info in papermill.inspect_notebook(str(path)).items()}
    return NotebookSpec(path=path, stem=path.stem, title=title, declared=declared)


def _reads(nb: NotebookSpec, known: dict[str, dict], cache: "_HashCache") -> tuple[str, ...] | None:
    """:func:`tables_read` of a notebook that loads the study's tables (``None`` for one
    that does not), from ``known`` (see :func:`discover_notebooks`) when unchanged."""
    if not loads_tables(nb):
        return None
    record = known.get(cache.file(nb.path)) or {}
    return tuple(record["reads"]) if record.get("reads") is not None else tables_read(nb.path)


def _literal(text: str):
    # papermill reports a default as its Python source ("None", '"trump_1"', "[1, 2]")
    import ast
    try:
        return ast.literal_eval(text)
    except (ValueError, SyntaxError):
        try:
            return yaml.safe_load(text)
        except yaml.YAMLError:
            return text


def _type_ok(default, value) -> bool:
    if default is None or value is None:
        return True
    if isinstance(default, bool):
        return isinstance(value, bool)
    if isinstance(default, int):
        return isinstance(value, int) and not isinstance(value, bool)
    if isinstance(default, float):
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if isinstance(default, (list, tuple)):
        return isinstance(value, (list, tuple))
    return isinstance(value, type(default))


def declared_defaults(notebooks: list[NotebookSpec]) -> dict[str, object]:
    """Every parameter the notebooks take, with its default (the first notebook's)."""
    defaults: dict[str, object] = {}
    for nb in notebooks:
        for name, default in nb.declared.items():
            defaults.setdefault(name, _literal(default))
    return defaults


#: What a notebook can read of :class:`borderlines.study.StudyTables` (its ``TABLE_NAMES``,
#: spelled out so that a build need not import the extraction; a test holds them equal).
STUDY_TABLES = ("corpus", "articles", "sentences", "doc_terms", "quotes", "figures", "frame_matches", "frames",
                "tone", "tokens")
#: Methods of ``tables`` that read no table by themselves (``of_articles`` filters the others).
_TABLE_METHODS = frozenset({"of_articles", "provenance", "warnings"})


def loads_tables(nb: NotebookSpec) -> bool:
    """Whether a notebook loads the study's tables (it declares every :data:`TABLE_INPUTS`)."""
    return set(TABLE_INPUTS) <= set(nb.declared)


def tables_read(path: Path, name: str = "tables") -> tuple[str, ...]:
    """The study tables a notebook's code reads (:data:`STUDY_TABLES`), found in its code
    cells: ``tables.quotes``, ``tables.table("quotes")``; every table when the variable
    ``name`` is used in any other way (passed whole to a function, a computed name), so
    a notebook is never thought to read less than it does."""
    import ast

    import nbformat
    nb = nbformat.read(path, as_version=4)
    found: set[str] = set()
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        # IPython's magics and shell lines are not Python: one that names the tables could read any
        lines = cell.source.splitlines()
        magic = [line for line in lines if line.lstrip().startswith(("%", "!"))]
        if any(re.search(rf"\b{name}\b", line) for line in magic):
            return STUDY_TABLES
        code = "\n".join("" if line in magic else line for line in lines)
        try:
            tree = ast.parse(code)
        except SyntaxError:
            return STUDY_TABLES
        parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Name) and node.id == name and isinstance(node.ctx, ast.Load)):
                continue
            up = parents.get(node)
            attr = up.attr if isinstance(up, ast.Attribute) else None
            if attr in STUDY_TABLES:
                found.add(attr)
            elif attr == "table" and isinstance(parents.get(up), ast.Call) and parents[up].args \
                    and isinstance(parents[up].args[0], ast.Constant) and parents[up].args[0].value in STUDY_TABLES:
                found.add(parents[up].args[0].value)
            elif attr not in _TABLE_METHODS:
                return STUDY_TABLES
    return tuple(t for t in STUDY_TABLES if t in found)


def check_parameters(study: Study, notebooks: list[NotebookSpec]) -> dict[str, dict]:
    """The parameters each notebook gets from the study. Raises :class:`BuildError`
    listing every unknown name and wrong type before anything runs; a deprecated one
    (:data:`borderlines.parameters.DEPRECATED`) is ignored with a
    :class:`~borderlines.parameters.DeprecatedParameter` warning."""
    problems = []
    declared_anywhere = declared_defaults(notebooks)
    for name, value in study.parameters.items():
        if deprecation(name):
            warnings.warn(deprecation(name, study.origin(name)), DeprecatedParameter, stacklevel=2)
        elif name in RESERVED:
            problems.append(f"parameter '{name}' is set by the build itself; remove it from {study.origin(name)}")
        elif name not in declared_anywhere:
            known = ", ".join(sorted(n for n in declared_anywhere if n not in RESERVED))
            problems.append(f"unknown parameter '{name}' (from {study.origin(name)}); the notebooks take: {known}")
        elif type_problem(name, value):       # a parameter of the schema (borderlines.parameters)
            problems.append(f"parameter '{name}' {type_problem(name, value)} (from {study.origin(name)})")
        elif not _type_ok(declared_anywhere[name], value):
            want = type(declared_anywhere[name]).__name__
            problems.append(f"parameter '{name}' must be {want} (like its default "
                            f"{declared_anywhere[name]!r}), got {type(value).__name__} {value!r} "
                            f"(from {study.origin(name)})")
    if problems:
        raise BuildError("\n".join(problems))
    return {nb.stem: {k: v for k, v in study.parameters.items() if k in nb.declared} for nb in notebooks}


# --------------------------------------------------------------------------- fingerprints


class _HashCache:
    """SHA-256 hashes of files' contents, each file read once per build. Always from the
    bytes, never from size and modification time: a file changed without a change of
    size, its time restored (``cp -p``, ``rsync -t``), is noticed."""

    def __init__(self):
        self.entries: dict[str, str] = {}

    def file(self, p: Path) -> str:
        key = str(Path(p).resolve())
        if key not in self.entries:
            self.entries[key] = sha256_file(p)
        return self.entries[key]

    def tree(self, root: Path, patterns=("**/*",), hidden: bool = False) -> str:
        """One hash over the files under ``root`` (their relative paths and contents);
        files and folders whose names start with '.' only with ``hidden``."""
        h = hashlib.sha256()
        files = sorted({p for pat in patterns for p in root.glob(pat) if p.is_file()
                        and "__pycache__" not in p.parts
                        and (hidden or not any(part.startswith(".") for part in p.relative_to(root).parts))})
        for p in files:
            h.update(str(p.relative_to(root)).encode() + b"\0" + self.file(p).encode() + b"\n")
        return h.hexdigest()


def _path_params(params: dict) -> list[Path]:
    return [Path(v) for k, v in resolve_paths(params).items()
            if k.endswith("_path") and isinstance(v, str) and v and Path(v).exists()]


def input_fingerprints(study: Study, cache: _HashCache) -> dict[str, str]:
    """Hashes of everything a notebook's output depends on, apart from its own source."""
    data_hash = cache.tree(data_dir())
    extra = hashlib.sha256()
    corpus = resolve_paths(study.parameters).get("corpus_path")
    for p in sorted(_path_params(study.parameters)):
        if corpus and p == Path(corpus):
            continue
        extra.update(str(p).encode() + b"=" + (cache.tree(p) if p.is_dir() else cache.file(p)).encode())
    lock = project_root() / "requirements.lock"
    return {
        "package": cache.tree(PACKAGE_DIR),
        "data": data_hash,
        "corpus": corpus_checksum(study, cache),
        "path_params": extra.hexdigest(),
        "lock": cache.file(lock) if lock.exists() else "",
        "python": platform.python_version(),
        "borderlines": __version__,
    }


def inputs_key(inputs: dict) -> str:
    """The one key of what a study's tables, and its pages beyond the notebooks (corpus
    overview, article and search pages), are made from: the package code, the data
    folder, the corpus, the files the ``*_path`` parameters name, the lock file and the
    Python version, from ``inputs`` (:func:`input_fingerprints`)."""
    return hashlib.sha256(json.dumps({k: inputs[k] for k in ("package", "data", "corpus", "path_params", "lock",
                                                            "python")}, sort_keys=True).encode()).hexdigest()


def notebook_inputs(nb: NotebookSpec, inputs: dict, reads: tuple[str, ...] | None, digests: dict[str, str]) -> dict:
    """The inputs of notebook ``nb``: ``inputs`` (:func:`input_fingerprints`), where a
    notebook that loads the study's tables (``reads``: the tables it reads, see
    :func:`tables_read`; ``None`` when it loads none) depends on the corpus through the
    digests of those tables only (``digests``: :func:`borderlines.study.table_digests`),
    so a change of the corpus that leaves them equal re-runs nothing; one that takes no
    ``corpus_path`` does not depend on the corpus."""
    if reads is not None:
        return {**{k: v for k, v in inputs.items() if k != "corpus"},
                "tables": {name: digests.get(name, "") for name in reads}}
    return inputs if "corpus_path" in nb.declared else {k: v for k, v in inputs.items() if k != "corpus"}


def notebook_fingerprint(nb: NotebookSpec, params: dict, inputs: dict, cache: _HashCache) -> str:
    """Hash of a notebook's source, its parameters ``params`` and ``inputs``
    (:func:`notebook_inputs`): equal fingerprints, equal outputs."""
    h = hashlib.sha256()
    h.update(cache.file(nb.path).encode())
    h.update(json.dumps(params, sort_keys=True, default=str).encode())
    h.update(json.dumps(inputs, sort_keys=True).encode())
    return h.hexdigest()


# --------------------------------------------------------------------------- provenance


def _git_state() -> tuple[str, str]:
    try:
        commit = subprocess.run(["git", "rev-parse", "HEAD"], cwd=project_root(), capture_output=True,
                                text=True, timeout=10).stdout.strip() or "unknown"
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=project_root(),
                               capture_output=True, text=True, timeout=10).stdout.strip()
        return commit, "yes" if dirty else "no"
    except (OSError, subprocess.SubprocessError):
        return "unknown (not a git checkout)", "unknown"


def package_versions() -> dict[str, str]:
    from importlib.metadata import PackageNotFoundError, version
    out = {}
    for name in VERSIONED_PACKAGES:
        try:
            out[name] = version(name)
        except PackageNotFoundError:
            out[name] = "not installed"
    return out


def corpus_checksum(study: Study, cache: _HashCache) -> str:
    """SHA-256 over the corpus files the study reads (bundled: manifest and data/raw)."""
    src = resolve_paths(study.parameters).get("corpus_path")
    if not src:
        h = hashlib.sha256()
        h.update(cache.file(data_dir() / "manifest.csv").encode())
        h.update(cache.tree(data_dir() / "raw").encode())
        return h.hexdigest()
    p = Path(src)
    if not p.exists():
        return "missing"
    return cache.tree(p, hidden=True) if p.is_dir() else cache.file(p)


# --------------------------------------------------------------------------- running


# The kernels' own log (a warning that loopback TCP is unencrypted, and the
# "KeyboardInterrupt caught" that jupyter_client's SIGINT at shutdown provokes) would land
# in the build's output; cell errors are in the executed notebook.
QUIET_KERNEL = ["--IPKernelApp.log_level=CRITICAL"]


def kernel_manager_in(folder: Path, peak: dict | None = None) -> type:
    """A Jupyter kernel manager class whose kernels start in ``folder``, as JupyterLab starts
    a notebook's kernel in the notebook's folder, without changing this process's folder.
    With ``peak``, the kernel's peak memory (:func:`peak_memory_mib`) is put in
    ``peak["mib"]`` as it shuts down."""
    from jupyter_client.manager import AsyncKernelManager, KernelManager

    async def start_kernel(self, **kw):
        kw.setdefault("cwd", str(folder))
        return await KernelManager._async_start_kernel(self, **kw)

    async def shutdown_kernel(self, *args, **kw):
        if peak is not None:
            found = peak_memory_mib(getattr(self.provisioner, "pid", None))
            if found is not None:
                peak["mib"] = found
        return await KernelManager._async_shutdown_kernel(self, *args, **kw)

    return type("KernelManagerIn", (AsyncKernelManager,),
                {"start_kernel": start_kernel, "shutdown_kernel": shutdown_kernel})


def peak_memory_mib(pid: int | None) -> float | None:
    """Peak resident memory (``VmHWM``) of process ``pid`` so far, in MiB; ``None`` where
    the system does not say (no ``/proc``, process gone)."""
    try:
        for line in Path(f"/proc/{int(pid)}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    except (OSError, TypeError, ValueError):
        return None
    return None


#: Memory the notebook kernels of a build may hold at once (MiB), unless ``--memory`` says
#: otherwise: kernels start only while the peaks their notebooks reached last time fit in it.
DEFAULT_MEMORY_BUDGET_MIB = 2048


class MemoryBudget:
    """Admits notebook kernels while their expected peaks (MiB) fit in ``limit`` MiB
    together; one kernel is always admitted when none runs, however large. Thread-safe:
    ``with budget.reserve(mib): ...`` blocks until the kernel fits."""

    def __init__(self, limit: float | None):
        self.limit, self.used, self.running = limit, 0.0, 0
        self._cond = threading.Condition()

    @contextlib.contextmanager
    def reserve(self, mib: float):
        with self._cond:
            self._cond.wait_for(lambda: self.limit is None or self.running == 0
                                or self.used + mib <= self.limit)
            self.used, self.running = self.used + mib, self.running + 1
        try:
            yield
        finally:
            with self._cond:
                self.used, self.running = self.used - mib, self.running - 1
                self._cond.notify_all()


def expected_peak_mib(entry: dict | None, limit: float | None, jobs: int) -> float:
    """What a notebook's kernel is expected to hold at its peak (MiB): its peak in the last
    build's manifest ``entry``, else an equal share of ``limit`` among ``jobs`` kernels."""
    peak = (entry or {}).get("peak_mib")
    if isinstance(peak, (int, float)) and peak > 0:
        return float(peak)
    return (limit or 0.0) / max(1, jobs)


@dataclass
class Result:
    stem: str
    title: str
    status: str  # built | reused | failed
    seconds: float = 0.0
    error: str = ""
    fingerprint: str = ""
    files: dict = field(default_factory=dict)
    # when, from which commit, corpus and parameters this notebook's outputs were made:
    # this build's for a notebook it ran, the earlier build's for one it reused
    provenance: dict = field(default_factory=dict)
    peak_mib: float | None = None   # the kernel's peak memory (MiB), where the system says it


def _execute(nb: NotebookSpec, params: dict, study: Study, position: int, show_cells: bool,
             peak: dict | None = None) -> tuple[Path, Path]:
    """Run one notebook with Papermill into its staging folder (``.partial/<stem>``, laid
    out as the study folder); returns the executed notebook and its data tables' folder.
    ``peak["mib"]``: the kernel's peak memory, when the system says it."""
    import papermill

    staging = study.out_dir / ".partial" / nb.stem
    if staging.exists():
        shutil.rmtree(staging)
    (staging / "data").mkdir(parents=True)
    (staging / "executed").mkdir()
    out_nb = staging / "executed" / f"{nb.stem}.ipynb"
    run_params = resolve_paths(params)
    if "output_dir" in nb.declared:
        run_params["output_dir"] = str(staging / "data")
    try:
        papermill.execute_notebook(
            str(nb.path), str(out_nb), parameters=run_params, kernel_name=KERNEL,
            # not Papermill's ``cwd``: it changes the whole process's folder (os.chdir) for the
            # run, and notebooks run in threads, so one thread's restore could leave another's
            kernel_manager_class=kernel_manager_in(nb.path.parent, peak),
            progress_bar={"position": position, "leave": False, "desc": nb.stem[:28], "disable": None}
            if show_cells else False,
            # saving the (2 MB) notebook after every cell costs seconds; Papermill still saves
            # it when a cell fails, with the error in place
            log_output=False, request_save_on_cell_execute=False, extra_arguments=QUIET_KERNEL)
    finally:
        if out_nb.exists():  # the executed notebook, failed or not, is published
            _scrub_machine_paths(out_nb, run_params, staging, study.out_dir)
    return out_nb, staging / "data"


def _scrub_machine_paths(executed: Path, run_params: dict, staging: Path, out: Path) -> None:
    """Show the run's absolute paths (parameters, staging folder, temporary files) in the
    executed notebook as the reports show paths: relative to the project, or a file name."""
    from .report import path_replacements, scrub_notebook_file
    paths = {v: None for k, v in run_params.items() if k.endswith("_path") and isinstance(v, str)}
    paths[str(staging / "data")] = shown_path(out / "data")
    paths[str(staging)] = shown_path(out)
    scrub_notebook_file(executed, path_replacements(paths))


def _error_summary(exc: BaseException) -> str:
    from papermill.exceptions import PapermillExecutionError
    if isinstance(exc, PapermillExecutionError):
        return f"cell {exc.cell_index} (execution {exc.exec_count}): {exc.ename}: {exc.evalue}".strip()
    return f"{type(exc).__name__}: {exc}"


class Cancelled(Exception):
    """The build was interrupted: this notebook's outputs were not written."""


def build_one(nb: NotebookSpec, params: dict, study: Study, fingerprint: str,
              provenance: list[tuple[str, str]], position: int = 1, show_cells: bool = True,
              cancel: threading.Event | None = None, budget: MemoryBudget | None = None,
              expected_mib: float = 0.0) -> Result:
    """Execute and export one notebook into its staging folder (``.partial/<stem>``, laid
    out as the study folder: pages, ``data/``, ``executed/``), for :class:`Publisher`
    to move into the study folder; ``files`` are relative to either. Never raises for a
    notebook's own failure (its executed copy, with the error where it happened, and
    its pages are staged as ``*.failed.*``). Raises :class:`Cancelled` once ``cancel``
    is set (Ctrl-C). With ``budget``, the kernel starts once ``expected_mib`` fits in it."""
    from .report import write_reports

    cancel = cancel or threading.Event()
    staging = study.out_dir / ".partial" / nb.stem
    peak: dict = {}
    with budget.reserve(expected_mib) if budget else contextlib.nullcontext():
        if cancel.is_set():
            raise Cancelled(nb.stem)
        t0 = time.perf_counter()
        try:
            executed, data = _execute(nb, params, study, position, show_cells, peak)
        except Exception as exc:  # the notebook failed: keep its executed copy with the error
            return _failed(nb, study, staging, exc, cancel, provenance, time.perf_counter() - t0, peak)
    if cancel.is_set():
        raise Cancelled(nb.stem)
    paths = write_reports(executed, staging, nb.stem, nb.title, provenance,
                          tables=[f"data/{f.name}" for f in sorted(data.iterdir()) if f.suffix == ".csv"],
                          search=_search_link(study))
    files = _relative(paths, staging)
    files["executed"] = f"executed/{nb.stem}.ipynb"
    files["tables"] = [f"data/{f.name}" for f in sorted(data.iterdir())]
    return Result(nb.stem, nb.title, "built", time.perf_counter() - t0, "", fingerprint, files,
                  peak_mib=peak.get("mib"))


def _failed(nb: NotebookSpec, study: Study, staging: Path, exc: BaseException, cancel: threading.Event,
            provenance: list[tuple[str, str]], seconds: float, peak: dict) -> Result:
    """The :class:`Result` of a notebook that raised ``exc``, its executed copy and pages
    staged as ``*.failed.*``; raises :class:`Cancelled` when the build was interrupted."""
    from .report import write_reports
    error = _error_summary(exc)
    if cancel.is_set() or "KeyboardInterrupt" in error:
        raise Cancelled(nb.stem) from None
    shutil.rmtree(staging / "data", ignore_errors=True)   # a failed run's tables are not published
    staged = staging / "executed" / f"{nb.stem}.ipynb"
    files = {}
    if staged.exists():
        failed_nb = staged.with_name(f"{nb.stem}.failed.ipynb")
        os.replace(staged, failed_nb)
        files["executed"] = str(failed_nb.relative_to(staging))
        try:
            paths = write_reports(failed_nb, staging, nb.stem, f"{nb.title} (FAILED)", provenance,
                                  suffix=".failed", search=_search_link(study))
            files.update(_relative(paths, staging))
        except Exception:  # exporting the failure must not hide it
            files["export_error"] = traceback.format_exc(limit=1)
    return Result(nb.stem, nb.title, "failed", seconds, error, "", files, peak_mib=peak.get("mib"))


def _relative(paths: dict, folder: Path) -> dict:
    """``paths`` (values a path or a list of paths) as strings relative to ``folder``."""
    return {k: [str(p.relative_to(folder)) for p in v] if isinstance(v, list) else str(v.relative_to(folder))
            for k, v in paths.items()}


def _listed(files: dict) -> set[str]:
    """The paths (relative to the study folder) in a manifest entry's ``files``; a
    shared script (``assets``) stays while any notebook's pages still list it."""
    out = set()
    for key, value in (files or {}).items():
        if isinstance(value, list):
            out.update(value)
        elif key != "export_error" and isinstance(value, str):
            out.add(value)
    return out


class Publisher:
    """Publishes each notebook's outputs and its ``manifest.json`` entry together, as it
    finishes: first its entry is marked ``publishing`` (pages being replaced are never
    reused), then its staged files replace the old ones (files of its previous entry
    that it no longer makes are removed), then the manifest records the new entry. So
    an interrupted or killed build leaves every notebook either as the previous build
    left it or as this one made it, and the manifest says which."""

    def __init__(self, out: Path, head: dict, previous: dict[str, dict]):
        self.out, self.head = out, head
        self.entries = {stem: dict(entry) for stem, entry in previous.items()}
        self.published: list[str] = []
        self.publishing: str | None = None

    def write(self, state: str = "building", entries: dict[str, dict] | None = None) -> dict:
        """Write ``manifest.json`` (``state``: building, interrupted or complete)."""
        manifest = {**self.head, "state": state,
                    "notebooks": sorted((entries or self.entries).values(), key=lambda r: r["stem"])}
        write_json_atomic(self.out / "manifest.json", manifest)
        return manifest

    def publish(self, result: Result) -> None:
        staging = self.out / ".partial" / result.stem
        old = self.entries.get(result.stem, {})
        self.publishing = result.stem
        self.entries[result.stem] = {**old, "stem": result.stem, "status": "publishing", "fingerprint": ""}
        self.write()
        for f in sorted(p for p in staging.rglob("*") if p.is_file()):
            target = self.out / f.relative_to(staging)
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(f, target)
        new = _listed(result.files)
        others = set().union(*(_listed(e.get("files")) for s, e in self.entries.items() if s != result.stem))
        for stale in _listed(old.get("files")) - new - others:
            (self.out / stale).unlink(missing_ok=True)
        if result.status == "built":     # a failure's pages replace nothing but an earlier failure's
            for stale in (f"executed/{result.stem}.failed.ipynb", f"{result.stem}.failed.html",
                          f"{result.stem}.failed.full.html"):
                (self.out / stale).unlink(missing_ok=True)
        shutil.rmtree(staging, ignore_errors=True)
        self.entries[result.stem] = dict(result.__dict__)
        self.write()
        self.publishing = None
        self.published.append(result.stem)


class BuildInterrupted(KeyboardInterrupt):
    """Ctrl-C during a build: ``published`` lists the notebooks this build finished and
    published (pages and manifest entries); ``publishing`` names one caught midway
    (its entry says so: it is rebuilt next time); the other notebooks keep their
    previous reports."""

    def __init__(self, published: list[str], publishing: str | None):
        super().__init__()
        self.published, self.publishing = published, publishing

    def __str__(self) -> str:
        if not self.published and not self.publishing:
            return "interrupted before any notebook finished; the previous reports are unchanged"
        text = (f"interrupted; {len(self.published)} notebook(s) finished and published with their "
                f"manifest entries ({', '.join(self.published) or 'none'})")
        if self.publishing:
            text += f"; {self.publishing} was being published and is marked to be rebuilt"
        return text + "; every other notebook keeps its previous reports"


def _stop_kernels() -> None:
    """Terminate the kernels this process started (its child processes)."""
    import psutil
    children = psutil.Process().children(recursive=True)
    for child in children:
        try:
            child.terminate()
        except psutil.Error:
            pass
    psutil.wait_procs(children, timeout=5)


def _previous(out: Path) -> dict:
    try:
        return json.loads((out / "manifest.json").read_text())
    except (OSError, ValueError):
        return {}


#: Where ``borderlines build`` extracts new articles by default: local worker processes.
DEFAULT_SCHEDULER = "processes"


def build(study: Study, force: bool = False, jobs: int | None = None, only: list[str] | None = None,
          progress: bool = True, notebooks_folder: Path | None = None, echo=print,
          scheduler=DEFAULT_SCHEDULER, n_workers: int = 2,
          memory_mib: float | None = DEFAULT_MEMORY_BUDGET_MIB) -> list[Result]:
    """Build a study's reports; returns one :class:`Result` per notebook. See the module
    docstring for what is rebuilt, reused and how failures are handled. New articles
    are extracted on ``scheduler`` (``None``: in this process; ``"processes"``:
    ``n_workers`` local processes; a Dask scheduler's address, ``tcp://...``). One build
    of a study at a time (:func:`study_lock`); Ctrl-C raises :class:`BuildInterrupted`.
    Up to ``jobs`` kernels run at once while the peaks their notebooks reached in the last
    build fit in ``memory_mib`` MiB together (:class:`MemoryBudget`; ``None``: no limit)."""
    with study_lock(study):
        return _build(study, force, jobs, only, progress, notebooks_folder, scheduler, n_workers, memory_mib)


def _build(study: Study, force: bool, jobs: int | None, only: list[str] | None, progress: bool,
           notebooks_folder: Path | None, scheduler=None, n_workers: int = 2,
           memory_mib: float | None = None) -> list[Result]:
    from tqdm.auto import tqdm

    t0 = time.perf_counter()
    out = study.out_dir
    last = _previous(out)
    known = last.get("notebook_specs") or {}
    # a study's parameters are checked against every notebook: a study file that sets
    # the seed is still right when --only picks a notebook without one
    every = discover_notebooks(notebooks_folder, known=known)
    per_nb = check_parameters(study, every)
    notebooks = [nb for nb in every if _selected(nb.stem, only)]
    if not notebooks:
        raise BuildError(f"no notebook matches {', '.join(only or [])} in {notebooks_folder or notebooks_dir()}")
    _raise_value_problems(study, missing_files(resolve_paths(study.parameters)))
    out.mkdir(parents=True, exist_ok=True)
    cache = _HashCache()
    inputs = input_fingerprints(study, cache)
    key = inputs_key(inputs)
    previous = {r["stem"]: r for r in last.get("notebooks", [])}
    commit, dirty = _git_state()
    versions = package_versions()
    built_at = dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()
    checksum = corpus_checksum(study, cache)
    problem = mixing_problem(study, last, checksum, only)
    if problem:
        raise BuildError(problem)

    # a notebook that loads the study's tables depends on the corpus through the tables
    # it reads: they are brought up to date first (only new articles extracted), unless
    # nothing they are made from changed since the last build
    reads = {nb.stem: _reads(nb, known, cache) for nb in notebooks}
    specs = {}
    for nb in every:
        record = {"title": nb.title, "declared": nb.declared}
        found = reads[nb.stem] if nb.stem in reads else (known.get(cache.file(nb.path)) or {}).get("reads")
        specs[cache.file(nb.path)] = {**record, "reads": list(found) if found is not None else None}
    tables, checked = {}, []

    def check_inputs():
        _check_inputs(study, every)
        checked.append(True)
    if any(r is not None for r in reads.values()):
        tables = _study_tables_state(study, key, last.get("tables") or {}, check_inputs, progress,
                                     scheduler, n_workers)

    results: dict[str, Result] = {}
    todo = []
    for nb in notebooks:
        fp = notebook_fingerprint(nb, per_nb[nb.stem], notebook_inputs(nb, inputs, reads[nb.stem],
                                                                        tables.get("digests", {})), cache)
        prev = previous.get(nb.stem)
        if (not force and prev and prev.get("status") in ("built", "reused") and prev.get("fingerprint") == fp
                and all((out / f).exists() for f in _listed(prev.get("files")))):  # pages, tables, shared scripts
            results[nb.stem] = Result(nb.stem, nb.title, "reused", 0.0, "", fp, prev.get("files", {}),
                                      prev.get("provenance", {}))
        else:
            todo.append((nb, fp))
    if todo and not checked:
        # a notebook reused has the inputs of a build that passed these checks
        check_inputs()

    def provenance_for(nb: NotebookSpec) -> list[tuple[str, str]]:
        rows = [("study", study.name), ("study file", study.source), ("notebook", nb.path.name),
                ("corpus checksum (sha256)", checksum), ("git commit", commit), ("tree dirty", dirty),
                ("python", platform.python_version()), ("built at (UTC)", built_at)]
        rows += [(f"parameter {k}", json.dumps(v, default=str))
                 for k, v in sorted(shown_parameters(per_nb[nb.stem]).items())]
        rows += [(f"package {k}", v) for k, v in versions.items()]
        return rows

    def stamped(r: Result) -> Result:
        if r.status != "reused":
            r.provenance = {"built_at": built_at, "git_commit": commit, "git_dirty": dirty,
                            "corpus_checksum": checksum, "parameters": per_nb[r.stem]}
        return r

    head = {"study": study.name, "study_file": study.source, "built_at": built_at,
            "description": study.description, "parameters": study.parameters,
            "corpus": corpus_identity(study.parameters), "corpus_checksum": checksum, "git_commit": commit,
            "git_dirty": dirty, "python": platform.python_version(), "packages": versions,
            "inputs": inputs, "inputs_key": key, "only": list(only or []), "tables": tables,
            "reads": {stem: list(r) for stem, r in reads.items() if r is not None}, "notebook_specs": specs}
    publisher = Publisher(out, {**head, "seconds": None}, previous)
    jobs = max(1, jobs or min(len(todo) or 1, (os.cpu_count() or 2) + 1, 4))
    if todo:
        from .charts import vega_bundle_js
        vega_bundle_js()  # build the shared Vega bundle once, before the kernels want it
        show = progress and sys.stderr.isatty()
        bar = tqdm(total=len(todo), desc=f"Building {study.name}", unit="notebook", disable=not progress,
                   position=0, leave=True)
        cancel = threading.Event()
        from .navigation import ARTICLES_ENV
        from .study import TABLES_ENV
        previous_env = {name: os.environ.get(name) for name in (BUILD_ENV, TABLES_ENV, ARTICLES_ENV)}
        os.environ[BUILD_ENV] = "1"  # kernels inherit it: no progress widgets, static explorers
        if study.teacher:            # and read the students' study's tables
            os.environ[TABLES_ENV] = str(_tables_home(study) / "tables")
        if _search_link(study):      # tables link their articles' pages (written after the notebooks)
            os.environ[ARTICLES_ENV] = "1"
        else:
            os.environ.pop(ARTICLES_ENV, None)
        pool = cf.ThreadPoolExecutor(max_workers=jobs)
        budget = MemoryBudget(memory_mib)
        try:
            futures = {pool.submit(build_one, nb, per_nb[nb.stem], study, fp, provenance_for(nb),
                                   1 + i % jobs, show, cancel, budget=budget,
                                   expected_mib=expected_peak_mib(previous.get(nb.stem), memory_mib, jobs)): nb
                       for i, (nb, fp) in enumerate(todo)}
            for fut in cf.as_completed(futures):
                nb = futures[fut]
                try:
                    res = fut.result()
                except Cancelled:
                    continue
                except Exception as exc:  # export or file errors: still isolate the notebook
                    shutil.rmtree(out / ".partial" / nb.stem, ignore_errors=True)
                    res = Result(nb.stem, nb.title, "failed", 0.0, _error_summary(exc))
                publisher.publish(stamped(res))
                results[nb.stem] = res
                bar.update(1)
                bar.set_postfix_str(f"{res.stem}: {res.status}")
        except KeyboardInterrupt:
            # Stop writing anything and stop the kernels; what was published stays,
            # described by the manifest, and the message says so.
            cancel.set()
            pool.shutdown(wait=False, cancel_futures=True)
            _stop_kernels()
            pool.shutdown(wait=True)
            if publisher.published or publisher.publishing:
                _write_indexes(study, publisher.write("interrupted"))
            raise BuildInterrupted(list(publisher.published), publisher.publishing) from None
        finally:
            pool.shutdown(wait=True)
            for name, value in previous_env.items():
                if value is None:
                    os.environ.pop(name, None)
                else:
                    os.environ[name] = value
            bar.close()
            shutil.rmtree(out / ".partial", ignore_errors=True)
    ordered = [results[nb.stem] for nb in notebooks]
    if (not todo and not only and last.get("state") == "complete" and last.get("tables", {}) == tables
            and last.get("notebook_specs") == specs and (out / "index.html").exists()):
        return ordered   # nothing changed: the manifest, pages and index stay as the last build wrote them
    # notebooks not selected by --only keep their previous entries (and provenance)
    entries = {**previous, **{r.stem: dict(r.__dict__) for r in ordered}}
    publisher.head["seconds"] = round(time.perf_counter() - t0, 2)
    _write_indexes(study, publisher.write("complete", entries))
    return ordered


def _study_tables_state(study: Study, key: str, previous: dict, check_inputs, progress: bool, scheduler,
                        n_workers: int) -> dict:
    """``{"key", "snapshot", "digests"}`` of the study's tables in ``<study folder>/tables``
    (:func:`borderlines.study.table_digests`). ``key`` (:func:`inputs_key`) hashes what
    they are made from (corpus, eras, rules, actors, frames, package, data, lock); when it
    equals the last build's (``previous``) and that snapshot is still there, nothing is read. Otherwise
    the inputs are checked (``check_inputs()``) and the tables extracted once
    (:func:`borderlines.study.prepare_study_tables`: only new articles, on ``scheduler``),
    before any notebook runs, so every notebook reads the same tables and none
    extracts on its own."""
    home = _tables_home(study)   # a teacher's build reads the students' study's tables
    snapshot = home / "tables" / str(previous.get("snapshot") or "-")
    if previous.get("key") == key and previous.get("digests") and (snapshot / SNAPSHOT_KEYS).exists():
        return previous
    check_inputs()
    from .study import prepare_study_tables
    t0 = time.perf_counter()
    made = prepare_study_tables(table_inputs(study.parameters), home, scheduler=scheduler, n_workers=n_workers,
                                progress=progress and sys.stderr.isatty())
    n, done = made["n_articles"], made["n_extracted"]
    if progress:
        print(f"Tables of {study.name}: {n:,} article(s), {done:,} extracted, {n - done:,} from the cache "
              f"({time.perf_counter() - t0:.1f} s)", file=sys.stderr)
    return {"key": key, "snapshot": made["snapshot"], "digests": made["digests"]}


def _write_indexes(study: Study, manifest: dict) -> None:
    from .index import write_study_index, write_top_index
    _write_navigation(study, manifest)
    write_study_index(study, manifest)
    if not study.teacher:       # the teacher's build is linked from no student's page
        write_top_index(reports_dir())


def _tables_home(study: Study) -> Path:
    """The folder whose ``tables/`` a study's notebooks read: its own, or for a teacher's
    build (:func:`teacher_study`) the students' study's, so the corpus is extracted once."""
    return study.out_dir.parent if study.teacher else study.out_dir


def _has_tables(study: Study) -> bool:
    from .study import INDEX
    return (study.out_dir / "tables" / INDEX).exists()


def _search_link(study: Study) -> str | None:
    """The search page a report page of ``study`` links (None: the study has none)."""
    from .navigation import SEARCH_PAGE
    return None if study.teacher or not _has_tables(study) else SEARCH_PAGE


def _write_navigation(study: Study, manifest: dict) -> None:
    """The study's article pages and search page (:mod:`borderlines.navigation`), from the
    snapshot of the tables this build prepared or found current (``manifest["tables"]``),
    without reading the corpus again; skipped when the pages are of the same inputs
    (``manifest["inputs_key"]``) already, or when the build has no tables."""
    from .navigation import navigation_current, write_navigation
    from .study import snapshot_tables
    state, key = manifest.get("tables") or {}, manifest.get("inputs_key") or ""
    if (study.teacher or not _has_tables(study) or not state.get("snapshot") or not key
            or navigation_current(study.out_dir, key)):
        return
    tables = snapshot_tables(_tables_home(study) / "tables" / state["snapshot"])
    write_navigation(study.out_dir, study.name, tables, key)


@contextlib.contextmanager
def study_lock(study: Study):
    """Hold the study's build lock (``<study folder>/.build.lock``, an ``flock``, which the
    system releases if the process dies) for the duration; raise :class:`BuildError`
    naming the study and the holder's process id when another build holds it."""
    import fcntl
    study.out_dir.mkdir(parents=True, exist_ok=True)
    path = study.out_dir / ".build.lock"
    with open(path, "a+") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            fh.seek(0)
            holder = fh.read().strip() or "unknown"
            raise BuildError(f"study '{study.name}' is being built by another process (PID {holder}) into "
                             f"{shown_path(study.out_dir)}; wait for it to finish, or stop it, "
                             "and build again") from None
        fh.seek(0)
        fh.truncate()
        fh.write(str(os.getpid()))
        fh.flush()
        try:
            yield
        finally:
            fh.seek(0)
            fh.truncate()
            fcntl.flock(fh, fcntl.LOCK_UN)


def _check_inputs(study: Study, notebooks: list[NotebookSpec]) -> None:
    """Fail before running anything if a parameter's value is unusable (see
    :func:`borderlines.parameters.value_problems`) or the study's corpus does not load."""
    from .corpus import validate_corpus
    from .problems import errors
    p = resolve_paths(study.parameters)
    _raise_value_problems(study, value_problems(p, declared_defaults(notebooks)))
    problems = validate_corpus(p.get("corpus_path"), eras=p.get("eras_path"),
                               rules=p.get("cleaning_rules_path"))
    bad = errors(problems)
    if bad:
        raise BuildError(f"the corpus of study '{study.name}' has {len(bad)} problem(s):\n"
                         + "\n".join(f"  - {x}" for x in bad))


def _raise_value_problems(study: Study, problems: list[tuple[str, str]]) -> None:
    if problems:
        raise BuildError("\n".join(f"parameter '{name}' (from {study.origin(name)}): {text}"
                                    for name, text in problems))


def summary(results: list[Result], seconds: float) -> str:
    """One line per notebook and a totals line, for the end of a build."""
    lines = []
    for r in results:
        extra = f" — {r.error}" if r.error else ""
        lines.append(f"  {r.status:<7} {r.stem:<32} {r.seconds:6.1f} s{extra}")
    counts = {s: sum(1 for r in results if r.status == s) for s in ("built", "reused", "failed")}
    lines.append(f"built {counts['built']}, reused {counts['reused']}, failed {counts['failed']} "
                 f"in {seconds:.1f} s")
    return "\n".join(lines)
