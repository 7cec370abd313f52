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
      borderlines build -p corpus_path=~/news/articles.parquet -p seed=7   # reports/default-articles/
      borderlines build -p corpus_path=~/news/articles.parquet --study news  # reports/news/
      borderlines build --only 02 --force                # rerun one notebook
      borderlines build --params study.yml --scheduler tcp://10.0.0.5:8786   # extract on a Dask cluster
      borderlines validate ~/news/articles.csv --text-column body
      borderlines extract ~/news/articles.parquet --out ~/news/extracted --scheduler processes
      borderlines params                                 # what each notebook takes
      borderlines sample --out coding/sheet --per-stratum 20   # a coding sheet to validate the extractors
      borderlines agreement coding/ana.xlsx coding/ben.xlsx    # precision, recall and coders' agreement
      borderlines import ~/exports/ --out ~/news/articles.csv   # Nexis, Factiva, pages, tables
      borderlines standalone reports/default/04_language_and_framing.html   # one file to e-mail
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
    b.add_argument("--study", metavar="NAME",
                   help="name the study (its reports go to reports/NAME/); default: the study file's "
                        "'study:', or '<that>-<corpus name>' when -p corpus_path=... sets another corpus")
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
    b.add_argument("--teacher", action="store_true",
                   help="build the worked solutions (notebooks/solutions/) for teachers into "
                        "reports/<study>/teacher/, which no student's page links to")
    b.add_argument("--scheduler", default="processes", metavar="ADDRESS|processes|sync",
                   help="where new articles are extracted: 'processes' (local worker processes, the default), "
                        "'sync' (this process), or a Dask scheduler address such as tcp://host:8786")
    b.add_argument("--workers", "-w", type=int, default=2, metavar="N",
                   help="worker processes with --scheduler processes (default 2)")
    b.add_argument("--memory", type=_mebibytes, default=None, metavar="SIZE",
                   help="memory the notebook kernels may hold at once, e.g. 2GiB or 1500MiB; a kernel starts "
                        "only while the peaks its notebooks reached in the last build fit (default 2GiB; "
                        "'none': no limit)")

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

    sub.add_parser("params", help="list the notebooks' parameters: type, default, notebooks, help")

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
    _validation_parsers(sub)
    _import_parser(sub)
    _standalone_parser(sub)
    return parser


def _validation_parsers(sub) -> None:
    """The ``sample`` and ``agreement`` verbs (borderlines.validation)."""
    s = sub.add_parser(
        "sample", help="write a stratified random sample of extracted items as a coding sheet",
        description="Read the study's extracted quotes, figures and frames (extracting the articles not "
                    "yet in its tables, as a notebook run by hand does), draw a seeded random sample of each "
                    "era and kind, and write it as OUT.csv and OUT.xlsx (with instructions) for coders to "
                    "judge. Read the coded sheets back with `borderlines agreement`.")
    s.add_argument("path", nargs="?", default=None, help="corpus folder or table; omit for the bundled corpus")
    s.add_argument("--out", "-o", required=True, type=Path, metavar="STEM",
                   help="where to write: STEM.csv and STEM.xlsx")
    s.add_argument("--per-stratum", type=int, default=20, metavar="N", help="items per era and kind (default 20)")
    s.add_argument("--seed", type=int, default=0, help="seed of the draw (default 0): the same seed, the same sample")
    s.add_argument("--kinds", nargs="+", default=None, metavar="KIND", help="quote, figure and/or frame (default all)")
    s.add_argument("--coder", default="", help="fill the coder column with this name")
    s.add_argument("--tables", type=Path, default=None, metavar="DIR",
                   help="the study's tables folder (default: the corpus's cache, the one notebooks run by hand use)")
    for name in ("manifest", "eras", "rules", "actors", "frames"):
        s.add_argument(f"--{name}", help=f"as for `borderlines extract --{name}`")
    _column_options(s)
    a = sub.add_parser(
        "agreement", help="precision and recall of the extractors, and agreement between coders",
        description="Read coded sheets (.xlsx or .csv from `borderlines sample`, one or more coders) and print "
                    "the extractors' precision and recall per kind and era with Wilson intervals, and "
                    "Krippendorff's alpha between coders. Exit status 1 when a sheet has problems.")
    a.add_argument("sheets", nargs="+", type=Path, help="coded sheets")
    a.add_argument("--level", type=float, default=0.95, help="confidence level of the intervals (default 0.95)")
    a.add_argument("--out", "-o", type=Path, default=None, metavar="DIR",
                   help="also write precision.csv, recall.csv and agreement.csv there")


def _import_parser(sub) -> None:
    i = sub.add_parser(
        "import", help="convert saved pages, Nexis/Factiva exports, Media Cloud lists and tables into a corpus",
        description="Read saved news pages (.html), Nexis Uni/LexisNexis exports (.docx, .rtf, .txt), Factiva "
                    "exports (.rtf, .html, .txt), Media Cloud story lists (.csv) and tables (.csv, .tsv, "
                    "semicolon CSV, .xlsx) into one corpus table (id, date, outlet, author, title, url, text, "
                    "source_file, source_position), with SHA256SUMS beside it. Records that cannot be read "
                    "are listed with their file and position; the others are written, and the exit status "
                    "is 1.")
    i.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="files or folders (read recursively)")
    i.add_argument("--out", "-o", required=True, type=Path, metavar="FILE",
                   help="the corpus table to write: .csv, .jsonl or .parquet")
    i.add_argument("--format", default=None, metavar="FAMILY",
                   help="web, nexis, factiva, mediacloud or table, for every file (default: found per file "
                        "from its extension and content)")
    i.add_argument("--pages", type=Path, metavar="DIR",
                   help="Media Cloud: folder of the stories' saved pages, named <stories_id>.html (or by URL)")
    i.add_argument("--column", action="append", default=[], metavar="FIELD=NAME",
                   help="a table's column for title, outlet, author or url (e.g. title=headline); repeatable")
    i.add_argument("--encoding", default="utf-8", help="encoding of text exports and tables (default utf-8)")
    order = i.add_mutually_exclusive_group()
    order.add_argument("--day-first", dest="dayfirst", action="store_const", const=True, default=None,
                       help="read 05/03/2019 as 5 March (default: such dates are problems)")
    order.add_argument("--month-first", dest="dayfirst", action="store_const", const=False,
                       help="read 05/03/2019 as May 3")
    _column_options(i)
    i.add_argument("--no-progress", action="store_true", help="no progress bar (for logs)")


def _standalone_parser(sub) -> None:
    s = sub.add_parser(
        "standalone", help="make a report page one self-contained file (to send by e-mail)",
        description="A study's pages share their chart and table scripts (reports/<study>/assets/). Write "
                    "each PAGE as NAME.standalone.html beside it (or in --out), with those scripts inline, "
                    "so it draws its charts opened alone.")
    s.add_argument("pages", nargs="+", type=Path, metavar="PAGE", help="report pages (.html) of a built study")
    s.add_argument("--out", "-o", type=Path, metavar="DIR", help="folder to write to (default: beside each page)")


def cmd_standalone(args) -> int:
    from .report import write_standalone
    status = 0
    for page in args.pages:
        try:
            print(write_standalone(page, args.out))
        except OSError as exc:
            print(f"borderlines standalone: {exc}", file=sys.stderr)
            status = 2
    return status


def _mebibytes(text: str) -> float:
    """``--memory``'s value in MiB: a number with ``GiB``, ``MiB`` (the default unit), ``GB`` or
    ``MB``; ``none`` gives 0 (no limit)."""
    import re
    found = re.fullmatch(r"\s*(none|(\d+(?:\.\d+)?)\s*(gib|mib|gb|mb|g|m)?)\s*", str(text), re.IGNORECASE)
    if not found:
        raise argparse.ArgumentTypeError(f"{text!r} is not a size: write e.g. 2GiB or 1500MiB, or none")
    if found.group(1).lower() == "none":
        return 0.0
    unit = (found.group(3) or "mib").lower()
    scale = {"gib": 1024.0, "g": 1024.0, "gb": 1e9 / 2**20, "mib": 1.0, "m": 1.0, "mb": 1e6 / 2**20}[unit]
    value = float(found.group(2)) * scale
    if value <= 0:
        raise argparse.ArgumentTypeError(f"{text!r}: the memory must be more than 0 (or none for no limit)")
    return value


def _default_params() -> str | None:
    from .paths import project_root
    p = project_root() / "params" / "default.yml"
    return str(p) if p.exists() else None


def cmd_build(args) -> int:
    from .build import DEFAULT_MEMORY_BUDGET_MIB, BuildError, build, load_study, solutions_dir, summary, teacher_study
    t0 = time.perf_counter()
    try:
        study = load_study(args.params or _default_params(), args.param, name=args.study)
        notebooks = args.notebooks
        if args.teacher:
            study, notebooks = teacher_study(study), notebooks or solutions_dir()
        results = build(study, force=args.force, jobs=args.jobs, only=args.only, progress=not args.no_progress,
                        notebooks_folder=notebooks, scheduler=args.scheduler, n_workers=args.workers,
                        memory_mib=DEFAULT_MEMORY_BUDGET_MIB if args.memory is None else args.memory or None)
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
    if not args.study and "corpus_path" in study.overridden and study.name != load_study(
            args.params or _default_params()).name:
        print(f"study: {study.name} (its own folder, as -p corpus_path=... sets another corpus; "
              "name it with --study NAME)")
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
    from .parameters import listing
    print(listing())
    return 0


def cmd_extract(args) -> int:
    from .files import InputProblem
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


def cmd_sample(args) -> int:
    from .files import InputProblem
    from .pipeline import make_config
    from .problems import CorpusError
    from .progress import interactive
    from .study import study_tables
    from . import validation as v
    try:
        config = make_config(args.eras, args.rules, args.actors, args.frames, id_column=args.id_column,
                             date_column=args.date_column, text_column=args.text_column)
        tables = study_tables(args.path, config=config, manifest=args.manifest, cache_dir=args.tables,
                              progress=interactive(), warn=False)
        items = v.study_items(tables, args.kinds or list(v.KINDS))
        sample = v.sample_items(items, args.per_stratum, seed=args.seed)
        written = v.save_coding_sheet(v.coding_sheet(sample, args.coder), args.out,
                                      v.coding_instructions(args.per_stratum, args.seed))
    except (CorpusError, InputProblem, ValueError) as exc:
        print(f"borderlines sample: {exc}", file=sys.stderr)
        return 2
    drawn = sample[sample["sampled"]].groupby(["kind", "era"]).size()
    print(f"{int(sample['sampled'].sum())} items drawn ({', '.join(f'{k}/{e}: {n}' for (k, e), n in drawn.items())}), "
          f"{int((~sample['sampled']).sum())} companions from the same sentences")
    print("coding sheet: " + ", ".join(str(p) for p in written))
    return 0


def cmd_agreement(args) -> int:
    import pandas as pd
    from .files import InputProblem, write_table
    from . import validation as v
    try:
        coded = v.read_coded_sheets(args.sheets)
    except (InputProblem, ValueError) as exc:
        print(f"borderlines agreement: {exc}", file=sys.stderr)
        return 1
    tables = {"precision": v.precision_by_kind(coded, args.level), "recall": v.recall_by_kind(coded, args.level),
              "agreement": v.coder_agreement(coded)}
    coders = sorted(set(coded["coder"]))
    print(f"{len(args.sheets)} sheet(s), {len(coders)} coder(s) ({', '.join(coders)}), "
          f"{coded['item_id'].nunique()} items")
    with pd.option_context("display.width", 160, "display.max_columns", 20):
        for name, table in tables.items():
            print(f"\n{name}:\n" + (table.round(3).to_string(index=False) if len(table) else "  (nothing recorded)"))
    if args.out:
        for name, table in tables.items():
            write_table(table, args.out / name, formats=("csv",))
        print(f"\ntables: {args.out}")
    return 0
def cmd_import(args) -> int:
    from .importers import import_corpus, import_summary, write_import
    from .files import table_format
    if table_format(args.out) is None:
        print(f"borderlines import: --out {args.out}: name the table .csv, .jsonl or .parquet", file=sys.stderr)
        return 2
    columns = {k: v for k, v in (("id", args.id_column), ("date", args.date_column), ("text", args.text_column))
               if v != k}
    for item in args.column:
        name, sep, column = item.partition("=")
        if not sep or name not in ("title", "outlet", "author", "url", "id", "date", "text"):
            print(f"borderlines import: --column {item!r}: write FIELD=NAME, FIELD one of title, outlet, "
                  "author, url, id, date, text", file=sys.stderr)
            return 2
        columns[name] = column
    try:
        table, problems = import_corpus(args.paths, args.format, columns=columns, pages=args.pages,
                                        encoding=args.encoding, dayfirst=args.dayfirst,
                                        progress=not args.no_progress, exclude=[args.out])
        written = write_import(table, args.out) if len(table) else []
    except (ValueError, OSError) as exc:
        print(f"borderlines import: {exc}", file=sys.stderr)
        return 2
    for p in problems:
        print(f"{p.severity.upper():7} {p}", file=sys.stderr)
    print(import_summary(table, problems))
    print(f"corpus: {written[0]} (checksum in {written[1]})" if written else "nothing was written")
    return 1 if any(p.severity == "error" for p in problems) or not written else 0


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 2
    return {"build": cmd_build, "validate": cmd_validate, "params": cmd_params,
            "extract": cmd_extract, "import": cmd_import,
            "sample": cmd_sample, "agreement": cmd_agreement, "standalone": cmd_standalone}[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
