"""Size of every report page of a built study, and the time each takes to open with all
its charts drawn in headless Chromium (network off).

    .venv/bin/python benchmarks/bench_pages.py [STUDY_FOLDER] [--standalone] [--repeat 1]

STUDY_FOLDER is a built study (default ``reports/default``; ``bench_scale.py`` builds one
on the scaled corpus). Each page is opened from ``file://`` in a fresh offline browser
context and timed from navigation until every chart container holds a drawn SVG mark
or canvas (a page condition, no sleeps); the fastest of ``--repeat`` opens is shown.
``--standalone`` also times each page's self-contained copy (``borderlines standalone``)
opened from an empty folder. Targets (issue 15): no page over 3 MB, each drawn < 3 s.
Chromium: ``BORDERLINES_CHROMIUM`` or ``chromium`` on the PATH.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))   # the suite's offline Chromium helpers

MB = 1_000_000


def report_pages(folder: Path) -> list[Path]:
    """The report pages of a study folder (both flavours; not its index or glossary)."""
    return sorted(p for p in folder.glob("*.html")
                  if p.name not in ("index.html", "glossary.html") and not p.name.endswith(".standalone.html"))


def time_page(b, path: Path, repeat: int) -> tuple[float, int, list[str]]:
    """(fastest seconds to drawn, charts, problems: network requests or page errors)."""
    from browser import open_page
    best, charts, problems = float("inf"), 0, []
    for _ in range(repeat):
        page = open_page(b, path)
        best = min(best, page.seconds)
        charts = len(page.chart_marks())
        problems = page.external + page.errors
        page.page.context.close()
    return best, charts, problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", nargs="?", type=Path, default=HERE.parent / "reports" / "default")
    parser.add_argument("--standalone", action="store_true", help="also time each page's standalone copy")
    parser.add_argument("--repeat", type=int, default=1, help="opens per page; the fastest is shown")
    args = parser.parse_args()
    pages = report_pages(args.folder)
    if not pages:
        sys.exit(f"no report pages in {args.folder}: build the study first (borderlines build)")
    from browser import browser

    from borderlines.report import write_standalone
    assets = sum(p.stat().st_size for p in (args.folder / "assets").glob("*"))
    print(f"study folder: {args.folder}  ({len(pages)} pages; shared scripts in assets/: {assets / MB:.2f} MB)")
    print(f"{'page':42} {'MB':>6} {'charts':>6} {'drawn s':>8}" + (f" {'standalone MB':>14} {'drawn s':>8}"
                                                                   if args.standalone else ""))
    worst_size = worst_time = 0.0
    failures = []
    with browser() as b, tempfile.TemporaryDirectory() as tmp:
        for path in pages:
            size = path.stat().st_size / MB
            seconds, charts, problems = time_page(b, path, args.repeat)
            worst_size, worst_time = max(worst_size, size), max(worst_time, seconds)
            line = f"{path.name:42} {size:6.2f} {charts:6d} {seconds:8.2f}"
            if args.standalone:
                alone = Path(tmp) / path.stem
                alone.mkdir()
                copy = write_standalone(path, alone)
                s_seconds, _, s_problems = time_page(b, copy, args.repeat)
                problems += s_problems
                line += f" {copy.stat().st_size / MB:14.2f} {s_seconds:8.2f}"
            print(line)
            if problems:
                failures.append(f"{path.name}: {problems}")
    print()
    print(f"target {'MET   ' if worst_size <= 3 else 'MISSED'} no report page over 3 MB: largest {worst_size:.2f} MB")
    print(f"target {'MET   ' if worst_time < 3 else 'MISSED'} every page drawn in < 3 s: slowest {worst_time:.2f} s")
    for f in failures:
        print(f"PROBLEM {f}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
