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
      borderlines params                                 # what each notebook takes
    """)


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
                   help="set one parameter (value read as YAML); repeatable; overrides the study file")
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
    v.add_argument("--id-column", default="id")
    v.add_argument("--date-column", default="date")
    v.add_argument("--text-column", default="text")

    sub.add_parser("params", help="list the parameters each notebook takes, with defaults")
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
    except KeyboardInterrupt:
        print("borderlines build: interrupted; the previous reports are unchanged", file=sys.stderr)
        return 130
    print(summary(results, time.perf_counter() - t0))
    print(f"reports: {study.out_dir / 'index.html'}")
    failed = [r for r in results if r.status == "failed"]
    if failed:
        print("FAILED: " + ", ".join(f"{r.stem} ({r.error})" for r in failed), file=sys.stderr)
        return 1
    return 0


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


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 2
    return {"build": cmd_build, "validate": cmd_validate, "params": cmd_params}[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
