"""Build every report on a scaled corpus and print what a large corpus costs them.

Per notebook: wall seconds, report size, the largest number of data rows any chart in
the report embeds, and the table rows shown. The notebooks must take a corpus of
thousands of articles unchanged, aggregating before they plot, so chart data stay
small however large the corpus.

    .venv/bin/python benchmarks/bench_reports_scaled.py [--articles 2000] [--words 1500000]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from scaled_corpus import scaled_articles, write_parquet  # noqa: E402

_SPEC = re.compile(r'spec = (\{.*?\}), opts = ', re.DOTALL)


def chart_rows(html: str) -> list[int]:
    """Data rows embedded in each chart of a report page."""
    rows = []
    for m in _SPEC.finditer(html):
        spec = json.loads(m.group(1))
        datasets = spec.get("datasets", {})
        rows.append(sum(len(v) for v in datasets.values()) if datasets else len(spec.get("data", {}).get("values", [])))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--words", type=int, default=1_500_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = write_parquet(scaled_articles(args.articles, args.words), Path(tmp) / "corpus.parquet")
        env = {**os.environ, "BORDERLINES_REPORTS": str(Path(tmp) / "reports")}
        t0 = time.perf_counter()
        proc = subprocess.run([sys.executable, "-m", "borderlines.cli", "build", "--no-progress", "--force",
                               "-p", f"corpus_path={corpus}"], cwd=ROOT, env=env, capture_output=True, text=True)
        wall = time.perf_counter() - t0
        print(proc.stdout)
        if proc.returncode:
            sys.exit(proc.stderr)
        study = Path(tmp) / "reports" / "default"
        manifest = json.loads((study / "manifest.json").read_text())
        print(f"corpus: {args.articles:,} articles, about {args.words:,} words; whole build {wall:.0f} s")
        print(f"{'notebook':<28} {'seconds':>8} {'report MB':>10} {'charts':>7} {'max chart rows':>15}")
        for nb in manifest["notebooks"]:
            page = (study / nb["files"]["report"]).read_text(encoding="utf-8")
            rows = chart_rows(page)
            print(f"{nb['stem']:<28} {nb['seconds']:>8.1f} {len(page.encode()) / 1e6:>10.2f} {len(rows):>7} "
                  f"{max(rows, default=0):>15,}")


if __name__ == "__main__":
    main()
