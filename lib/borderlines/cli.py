"""The ``borderlines`` command: build reports, validate a corpus, list parameters.

Run ``borderlines --help`` or ``borderlines build --help``.
"""

from __future__ import annotations

import argparse
import sys
import textwrap
import time
from pathlib import Path

EPILOG = textwrap.dedent("""\
    examples:
      borderlines build                                  # the bundled corpus, params/default.yml if present
      borderlines build --params params/my_study.yml     # reports go to reports/<study>/
      borderlines build -p corpus_path=~/news/articles.parquet -p seed=7
      borderlines build --only 02 --force                # rerun one notebook
      borderlines validate ~/news/articles.csv --text-column body
      borderlines extract ~/news/articles.parquet --out ~/news/extracted --scheduler processes
      borderlines params                                 # what each notebook takes
    """)


def _column_options(parser: argparse.ArgumentParser) -> None:
    """The options naming a corpus table's columns (``validate`` and ``extract``)."""
    parser.add_argument("--id-column", default="id",
                        help="column (or manifest column) holding each article's unique id (default: id)")
    parser.add_argument("--date-column", default="date",
                        help="column holding each article's publication date, written YYYY-MM-DD, optionally "
                             "with a time such as 2021-01-20T14:30:00-05:00 (default: date)")
    parser.add_argument("--text-column", default="text",
                        help="column of a .csv/.jsonl/.parquet table holding the article's text; not used for "
                             "a folder, whose texts are the .txt files (default: text)")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="borderlines",
        description="Compare news coverage of US–Mexico migration cooperation across administrations.",
        epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    b = sub.add_parser("build", help="execute the notebooks and write HTML reports",
                       description="Execute every numbered notebook with Papermill (in parallel) and write "
                                   "reports/<study>/: a clean HTML report and a notebook page with code per "
                                   "notebook, the data tables (CSV and Parquet), index.html and manifest.json. "
                                   "Only notebooks whose inputs changed are re-executed.",
                       epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    b.add_argument("--params", metavar="FILE",
                   help="study file (YAML: 'study: NAME' and 'parameters: {...}'); default params/default.yml")
    b.add_argument("-p", "--param", action="append", default=[], metavar="NAME=VALUE",
                   help="set one parameter (value read as YAML); repeatable; overrides the study file. "
                        "A relative *_path, here or in a study file, is relative to the project folder")
    b.add_argument("--force", action="store_true", help="re-execute every notebook even if nothing changed")
    b.add_argument("--jobs", "-j", type=int, default=None, metavar="N",
                   help="notebooks run at once (default: CPUs + 1, at most 4)")
    b.add_argument("--only", action="append", metavar="NB",
                   help="build only notebooks whose name starts with NB (e.g. 02); repeatable")
    b.add_argument("--no-progress", action="store_true", help="no progress bars (for logs)")
    b.add_argument("--notebooks", metavar="DIR", type=Path, default=None,
                   help="folder of numbered notebooks to build (default: the project's notebooks/)")

    v = sub.add_parser("validate", help="check a corpus and print every problem at once",
                       description="Check a corpus (a folder with manifest.csv, or a .csv/.jsonl/.parquet "
                                   "table) and print every problem with its file, row and field. Exit status "
                                   "1 when there are errors, 0 otherwise (warnings are printed too).")
    v.add_argument("path", nargs="?", default=None,
                   help="corpus folder or table; omit for the bundled corpus")
    v.add_argument("--manifest", help="manifest file, if not <folder>/manifest.csv")
    v.add_argument("--eras", help="eras CSV (default data/eras.csv)")
    v.add_argument("--rules", help="cleaning rules YAML (default data/cleaning_rules.yml)")
    _column_options(v)

    sub.add_parser("params", help="list the parameters each notebook takes, with defaults")

    e = sub.add_parser(
        "extract", help="extract every table from a corpus of any size into Parquet partitions",
        description="Read a corpus in batches (streaming: it never loads whole), extract sentences, "
                    "term counts, quotes, figures, frames and tone from each article, and write each "
                    "table as Parquet partitions DIR/<table>/part-NNNNN.parquet (one per batch) and "
                    "DIR/manifest.json, written last. The tables are the same, row for row and byte "
                    "for byte, whichever scheduler runs the batches. Read them back with "
                    "borderlines.pipeline.read_tables(DIR).",
        epilog=textwrap.dedent("""\
            examples:
              borderlines extract --out /tmp/extracted                        # the bundled corpus, this process
              borderlines extract ~/news/articles.parquet --out ~/news/extracted --scheduler processes --workers 2
              borderlines extract ~/news/folder --out ~/news/extracted --scheduler tcp://10.0.0.5:8786
            A Dask cluster's workers need the borderlines package installed (pip install .);
            the lexicons, eras, cleaning rules and actors are sent with the work.
            """), formatter_class=argparse.RawDescriptionHelpFormatter)
    e.add_argument("path", nargs="?", default=None,
                   help="corpus folder (with manifest.csv) or .csv/.jsonl/.parquet table; omit for the bundled corpus")
    e.add_argument("--out", "-o", required=True, type=Path, metavar="DIR",
                   help="output folder (created; partitions of an earlier run there are replaced)")
    e.add_argument("--scheduler", default=None, metavar="ADDRESS|processes",
                   help="'processes' for local worker processes, or a Dask scheduler address such as "
                        "tcp://host:8786; default: this process only")
    e.add_argument("--workers", "-w", type=int, default=2, metavar="N",
                   help="worker processes with --scheduler processes (default 2)")
    e.add_argument("--batch-size", type=int, default=None, metavar="N",
                   help="articles per batch and per Parquet partition (default 100)")
    e.add_argument("--manifest", help="manifest file, if not <folder>/manifest.csv")
    e.add_argument("--eras", help="eras CSV (default data/eras.csv)")
    e.add_argument("--rules", help="cleaning rules YAML (default data/cleaning_rules.yml)")
    e.add_argument("--actors", help="actors CSV for quote speakers (default data/actors.csv)")
    e.add_argument("--frames", help="frames lexicon YAML (default data/lexicons/frames.yml)")
    _column_options(e)
    e.add_argument("--no-progress", action="store_true", help="no progress bar (for logs)")
    return parser


def _default_params() -> str | None:
    from .paths import project_root
    p = project_root() / "params" / "default.yml"
    return str(p) if p.exists() else None


def cmd_build(args) -> int:
    from .build import BuildError, build, load_study, summary
    t0 = time.perf_counter()
    try:
        study = load_study(args.params or _default_params(), args.param)
        results = build(study, force=args.force, jobs=args.jobs, only=args.only, progress=not args.no_progress,
                        notebooks_folder=args.notebooks)
    except BuildError as exc:
        print(f"borderlines build: nothing was run:\n{exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt as exc:
        print(f"borderlines build: {exc or 'interrupted'}", file=sys.stderr)
        return 130
    except OSError as exc:
        print(f"borderlines build: {write_failure(exc)}", file=sys.stderr)
        return 2
    print(summary(results, time.perf_counter() - t0))
    print(f"reports: {study.out_dir / 'index.html'}")
    failed = [r for r in results if r.status == "failed"]
    if failed:
        print("FAILED: " + ", ".join(f"{r.stem} ({r.error})" for r in failed), file=sys.stderr)
        return 1
    return 0


def write_failure(exc: OSError) -> str:
    """What went wrong writing a file, and what to do, for a person (no traceback)."""
    import errno
    where = exc.filename or "a file"
    if exc.errno == errno.ENOSPC:
        hint = "the disk is full: free some space and build again (finished notebooks are kept)"
    elif exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        hint = ("the folder is not writable: make it writable, or set BORDERLINES_REPORTS to a folder "
                "you can write to")
    else:
        hint = "check the folder and build again"
    return f"could not write {where}: {exc.strerror or exc} — {hint}"


def cmd_validate(args) -> int:
    from .corpus import validate_corpus
    from .problems import errors
    problems = validate_corpus(args.path, manifest=args.manifest, eras=args.eras, rules=args.rules,
                               id_column=args.id_column, date_column=args.date_column,
                               text_column=args.text_column)
    where = args.path or "the bundled corpus"
    for p in problems:
        print(f"{p.severity.upper():7} {p}")
    n_err = len(errors(problems))
    n_warn = len(problems) - n_err
    print(f"{where}: {n_err} error(s), {n_warn} warning(s)" + ("" if n_err else " — OK"))
    return 1 if n_err else 0


def cmd_params(args) -> int:
    from .build import RESERVED, discover_notebooks
    for nb in discover_notebooks():
        print(f"{nb.stem}: {nb.title}")
        for name, default in nb.declared.items():
            if name not in RESERVED:
                print(f"    {name} = {default}")
    return 0


def cmd_extract(args) -> int:
    from .io import InputProblem
    from .pipeline import DEFAULT_BATCH_SIZE, make_config, run_pipeline
    from .problems import CorpusError
    if args.workers < 1:
        print("borderlines extract: --workers must be at least 1", file=sys.stderr)
        return 2
    try:
        config = make_config(args.eras, args.rules, args.actors, args.frames, id_column=args.id_column,
                             date_column=args.date_column, text_column=args.text_column)
        summary = run_pipeline(args.path, args.out, scheduler=args.scheduler, n_workers=args.workers,
                               batch_size=args.batch_size or DEFAULT_BATCH_SIZE,
                               progress=not args.no_progress, manifest=args.manifest, config=config)
    except CorpusError as exc:
        print(f"borderlines extract: {exc}", file=sys.stderr)
        return 1
    except (InputProblem, ValueError, OSError) as exc:
        print(f"borderlines extract: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("borderlines extract: interrupted; the output folder has no manifest (unfinished)", file=sys.stderr)
        return 130
    wall = summary["wall_seconds"]
    print(f"{summary['n_articles']} articles, {summary['n_words']:,} words in {summary['n_batches']} "
          f"batch(es), {wall:.1f} s ({summary['n_words'] / max(wall, 1e-9):,.0f} words/s, {summary['mode']})")
    for name, table in summary["tables"].items():
        print(f"  {name:14} {table['rows']:>9,} rows")
    if summary["n_warnings"]:
        print(f"{summary['n_warnings']} warning(s), e.g.: {summary['warnings'][0]}")
    print(f"tables: {args.out} (read them with borderlines.pipeline.read_tables)")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 2
    return {"build": cmd_build, "validate": cmd_validate, "params": cmd_params,
            "extract": cmd_extract}[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
