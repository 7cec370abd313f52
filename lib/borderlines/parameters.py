"""The notebooks' parameters, declared once: name, type, default, help, notebooks, check.

A notebook's ``parameters`` cell, a study file (``params/*.yml``), ``-p name=value`` and
``borderlines params`` all use :data:`PARAMETERS` (a test holds every notebook's cell to
it). ``borderlines build`` stays generic: it checks names against the notebooks and
types and values here (:func:`type_problem`, :func:`value_problems`).

Every notebook that loads the study's tables declares the five :data:`TABLE_INPUTS`, so
each asks :func:`borderlines.study.load_study_tables` for the same tables.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from .paths import project_root, shown_path

#: The parameters that decide the study's tables (:mod:`borderlines.study`).
TABLE_INPUTS = ("corpus_path", "eras_path", "cleaning_rules_path", "actors_path", "frames_path")
#: Set by ``borderlines build`` itself (where a notebook writes its data tables); a study may not set them.
RESERVED = frozenset({"output_dir"})

ALL = ("00", "01", "02", "03", "04", "05", "06")
COMPARING = ("01", "02", "03", "04")

#: Python types of each kind of parameter; ``None`` is allowed only for paths.
KINDS = {"path": (str,), "int": (int,), "float": (int, float), "str": (str,), "list": (list, tuple)}


@dataclass(frozen=True)
class Parameter:
    """One parameter: ``kind`` (a key of :data:`KINDS`), ``default`` (as in every notebook's
    ``parameters`` cell), ``help``, ``notebooks`` (two-digit prefixes of the notebooks
    declaring it), ``minimum`` (for counts) and ``check(value, values) -> problem or ''``
    (``values``: every parameter's value, defaults filled in)."""

    name: str
    kind: str
    default: object
    help: str
    notebooks: tuple[str, ...]
    minimum: float | None = None
    check: Callable[[object, dict], str] | None = None


def _loads(module: str, loader: str) -> Callable[[object, dict], str]:
    def check(value, values) -> str:
        import importlib

        from .files import InputProblem
        if value is None:
            return ""
        try:
            getattr(importlib.import_module(f"{__package__}.{module}"), loader)(value)
        except (InputProblem, ValueError) as exc:   # ValueError: ActorsError
            return str(exc)
        return ""
    return check


def _an_era(value, values) -> str:
    from .eras import load_eras
    from .files import InputProblem
    try:
        keys = list(load_eras(values.get("eras_path"))["era"])
    except (InputProblem, ValueError):
        return ""                                   # eras_path's own problem
    if value not in keys:
        return f"era {value!r} is not in the eras table (its eras: {', '.join(keys)})"
    return ""


def _quote_kinds(value, values) -> str:
    from .quotes import KINDS as QUOTE_KINDS
    unknown = [k for k in value if k not in QUOTE_KINDS]
    if unknown or not value:
        return f"{', '.join(map(repr, unknown)) or 'an empty list'}: choose from {', '.join(QUOTE_KINDS)}"
    return ""


def _duplicates(value, values) -> str:
    from .confounds import DUPLICATE_MODES
    return "" if value in DUPLICATE_MODES else f"{value!r}: choose from {', '.join(DUPLICATE_MODES)}"


def _ngrams(value, values) -> str:
    lo, hi = values.get("ngram_min"), values.get("ngram_max")
    if not 1 <= lo <= hi <= 3:
        return ("terms are runs of one to three words: need 1 <= ngram_min <= ngram_max <= 3, "
                f"got ngram_min={lo}, ngram_max={hi}")
    return ""


_PARAMETERS = (
    Parameter("corpus_path", "path", None, "None: the bundled corpus; or a folder with manifest.csv, "
              "or a .csv/.jsonl/.parquet table", ALL),
    Parameter("eras_path", "path", None, "None: data/eras.csv", ALL, check=_loads("eras", "load_eras")),
    Parameter("cleaning_rules_path", "path", None, "None: data/cleaning_rules.yml", ALL),
    Parameter("actors_path", "path", None, "None: data/actors.csv (who the speakers are: role and country)",
              ALL, check=_loads("quotes", "load_actors")),
    Parameter("frames_path", "path", None, "None: data/lexicons/frames.yml", ALL,
              check=_loads("frames", "load_frames")),
    Parameter("seed", "int", 20261128, "seeds the permutation tests (and 06's draw), so results reproduce",
              ("01", "02", "03", "04", "05", "06")),
    Parameter("era_a", "str", "trump_1", "the first era compared (a key of the eras table); "
              "differences are era_b − era_a", COMPARING, check=_an_era),
    Parameter("era_b", "str", "biden", "the second era compared", COMPARING, check=_an_era),
    Parameter("duplicates", "str", "cluster", 'near-duplicate articles: "cluster" (count each cluster '
              'once), "collapse" (keep one), "keep"', COMPARING, check=_duplicates),
    Parameter("kinds", "list", ["direct", "partial", "embedded"],
              'quotes counted; add "indirect" for reported speech', ("02",), check=_quote_kinds),
    Parameter("top_n_speakers", "int", 10, "speakers listed and charted per era", ("02",), minimum=1),
    Parameter("ngram_min", "int", 1, "terms are runs of ngram_min to ngram_max words (1 to 3)", ("04",),
              check=_ngrams),
    Parameter("ngram_max", "int", 2, "longest terms, in words (up to 3)", ("04",), check=_ngrams),
    Parameter("min_count", "int", 2, "terms occurring fewer times in the two eras together are not listed",
              ("04",), minimum=1),
    Parameter("max_terms_plotted", "int", 400, "the term scatter shows at most this many terms", ("04",),
              minimum=1),
    Parameter("n_top_terms", "int", 15, "distinctive terms per era in the bar chart", ("04",), minimum=1),
    Parameter("kwic_term", "str", "border", "the term shown in context (any form of it)", ("04",)),
    Parameter("kwic_window", "int", 8, "words of context either side", ("04",), minimum=1),
    Parameter("concordance_lines", "int", 2, "lines per term and era behind the scatter's search",
              ("04",), minimum=1),
    Parameter("tone_bins", "int", 20, "bins of the tone distribution", ("04",), minimum=1),
    Parameter("min_tone_sentences", "int", 20, "tone over fewer sentences is flagged: not a finding", ("04",)),
    Parameter("stop_words", "list", [], "your own stop words, dropped from the terms like spaCy's", ("04",)),
    Parameter("coded_sheets_path", "path", None, "None: data/validation/coded_example.csv; or a coded "
              "sheet, or a folder of them", ("06",)),
    Parameter("per_stratum", "int", 6, "items drawn per era and kind for a new coding sheet", ("06",),
              minimum=1),
    Parameter("level", "float", 0.95, "confidence level of the intervals", ("06",)),
)

#: Parameters no notebook takes any more, which older study files may still set: a build
#: ignores them with a :class:`DeprecatedParameter` warning saying why.
DEPRECATED = {
    "n_resamples": "the intervals are jackknife t intervals, which do not resample",
}


class DeprecatedParameter(UserWarning):
    """A study sets a parameter of :data:`DEPRECATED`: it is ignored."""


def deprecation(name: str, origin: str = "the study") -> str:
    """The warning for deprecated parameter ``name`` set in ``origin`` ('' when ``name``
    is not deprecated)."""
    if name not in DEPRECATED:
        return ""
    return f"parameter '{name}' (from {origin}) is ignored: {DEPRECATED[name]}; remove it"


#: Every notebook parameter by name (:class:`Parameter`), in the order ``borderlines params`` lists them.
PARAMETERS: dict[str, Parameter] = {p.name: p for p in _PARAMETERS}


def defaults() -> dict[str, object]:
    """Every parameter's default."""
    return {name: p.default for name, p in PARAMETERS.items()}


def for_notebook(stem: str) -> list[Parameter]:
    """The parameters notebook ``stem`` (e.g. ``02_quotes_and_voices``) declares."""
    return [p for p in PARAMETERS.values() if stem[:2] in p.notebooks]


def type_problem(name: str, value) -> str:
    """Why ``value`` has the wrong type for parameter ``name`` ('' when it is right, or
    when ``name`` is not in :data:`PARAMETERS`)."""
    p = PARAMETERS.get(name)
    if p is None or (value is None and p.kind == "path"):
        return ""
    ok = isinstance(value, KINDS[p.kind]) and not isinstance(value, bool)
    if ok and p.kind == "list":
        ok = all(isinstance(v, str) for v in value)
    if ok:
        return ""
    want = {"path": "a path (text) or null", "list": "a list of text"}.get(p.kind, p.kind)
    return f"must be {want} (like its default {p.default!r}), got {type(value).__name__} {value!r}"


def value_problems(params: dict, declared: dict | None = None) -> list[tuple[str, str]]:
    """``(parameter, problem)`` for every unusable value of ``params`` (paths resolved),
    judged with ``declared`` (or :func:`defaults`) for those it leaves out: a file that
    does not load, eras the eras table lacks, unknown quote kinds or duplicates mode,
    counts below their minimum, an n-gram range outside 1–3. An era is checked whenever
    a notebook takes it (the eras file may have changed); other values when set."""
    base = defaults() if declared is None else declared
    values = {**base, **params}
    problems, failed = [], set()
    for name, p in PARAMETERS.items():
        if name not in params and not (p.check is _an_era and name in base):
            continue
        if name in ("era_a", "era_b") and "eras_path" in failed:
            continue
        value = values.get(name)
        if p.minimum is not None and value is not None and value < p.minimum:
            problems.append((name, f"must be at least {p.minimum:g}, got {value}"))
        elif p.check is not None and (p.check is not _ngrams or not any(n == "ngram_min" for n, _ in problems)):
            text = p.check(value, values)
            if text:
                problems.append((name, text))
                failed.add(name)
    return problems


def missing_files(params: dict) -> list[tuple[str, str]]:
    """``(parameter, problem)`` for every ``*_path`` parameter naming a file or folder
    that does not exist (``params`` with paths resolved)."""
    return [(name, f"{v} does not exist") for name, v in params.items()
            if name.endswith("_path") and v is not None and not Path(v).exists()]


def resolve_paths(params: dict) -> dict:
    """Parameters with every ``*_path`` value made absolute: relative paths in study
    files and on the command line are relative to the project root."""
    out = dict(params)
    for name, value in params.items():
        if name.endswith("_path") and isinstance(value, str) and value:
            p = Path(value).expanduser()
            out[name] = str(p if p.is_absolute() else project_root() / p)
    return out


def table_inputs(params: dict) -> dict:
    """The parameters that decide a study's tables (:data:`TABLE_INPUTS`), paths made
    absolute; the ones ``params`` leaves out are ``None`` (the project's files), as in
    every notebook."""
    return resolve_paths({name: params.get(name) for name in TABLE_INPUTS})


def shown_parameters(params: dict) -> dict:
    """``params`` as pages show them: every ``*_path`` value by :func:`shown_path`."""
    return {k: shown_path(v) if k.endswith("_path") and isinstance(v, str) and v else v for k, v in params.items()}


def listing() -> str:
    """The parameters as ``borderlines params`` prints them: name, type, default, the
    notebooks taking it and its help."""
    lines = []
    for p in PARAMETERS.values():
        lines.append(f"{p.name} ({p.kind}) = {p.default!r}    [notebooks {', '.join(p.notebooks)}]")
        lines.append(f"    {p.help}")
    return "\n".join(lines)
