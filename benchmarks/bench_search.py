"""Size of a study's search and article pages, and the time the search takes to load all
its rows in headless Chromium (network off).

    .venv/bin/python benchmarks/bench_search.py [STUDY_FOLDER]

STUDY_FOLDER is a built study (default ``reports/default``). Prints the search page's
size, its row scripts (``assets/search-*.js``: count, total, largest), the article pages
(count, total), the search data per article, and the seconds from opening
``search.html`` until every part is loaded and searched (a page condition, no sleeps).
Issue 15's target: no page over 3 MB at 20,000 articles (the rows are scripts of about
2 MB each, loaded one after the other, so the page itself stays small).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))   # the suite's offline Chromium helpers

MB = 1_000_000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", nargs="?", type=Path, default=HERE.parent / "reports" / "default")
    args = parser.parse_args(argv)
    folder = args.folder
    page = folder / "search.html"
    if not page.exists():
        print(f"{page} is missing: build the study first (borderlines build)", file=sys.stderr)
        return 2
    parts = sorted((folder / "assets").glob("search-*.js"))
    articles = sorted((folder / "articles").glob("*.html"))
    data = sum(p.stat().st_size for p in parts)
    print(f"search.html: {page.stat().st_size / MB:.3f} MB")
    print(f"row scripts: {len(parts)}, {data / MB:.3f} MB in all, largest "
          f"{max((p.stat().st_size for p in parts), default=0) / MB:.3f} MB")
    print(f"article pages: {len(articles)}, {sum(p.stat().st_size for p in articles) / MB:.3f} MB in all")
    if articles:
        print(f"search data per article: {data / len(articles) / 1000:.1f} kB")
    from browser import browser, open_page
    with browser() as b:
        result = open_page(b, page, timeout_ms=600_000)
        print(f"search loaded and searched every row in {result.seconds:.2f} s "
              f"({result.page.locator('#bl-count').inner_text()})")
        if result.errors or result.external:
            print(f"problems: {result.errors + result.external}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
