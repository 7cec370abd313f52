"""Run every benchmark and print its figures (``make benchmark``).

    .venv/bin/python benchmarks/run_all.py [--only NAME ...] [--quick]

``bench_pipeline.py`` (the extraction pipeline on a 2,000-article scaled corpus, in one
process and on two, with peak memory, and distinctive terms against scattertext) and
``bench_build.py`` (regenerating the reports of the bundled corpus),
``bench_reports_scaled.py`` (every report built on the scaled corpus: time, size, chart data),
``coverage.py`` (coverage and type-I error of the era-difference intervals and p-values) and
``bench_long_article.py`` (the analysis steps on one 10 MB article). ``--quick`` runs
each once on a smaller corpus (for a smoke test); see ``benchmarks/README.md`` for the
figures measured and the machine.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
BENCHMARKS = {
    "pipeline": (["bench_pipeline.py"], ["bench_pipeline.py", "--articles", "200", "--words", "150000",
                                         "--no-scattertext"]),
    "build": (["bench_build.py", "--repeat", "3"], ["bench_build.py", "--repeat", "1"]),
    "reports_scaled": (["bench_reports_scaled.py"], ["bench_reports_scaled.py", "--articles", "200",
                                                     "--words", "150000"]),
    "coverage": (["coverage.py"], ["coverage.py", "--reps", "500", "--null-reps", "200"]),
    "long_article": (["bench_long_article.py", "--mb", "10"], ["bench_long_article.py", "--mb", "1"]),
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", action="append", choices=list(BENCHMARKS), help="run only this benchmark")
    parser.add_argument("--quick", action="store_true", help="small corpus, one run each")
    args = parser.parse_args()
    failed = []
    for name in args.only or list(BENCHMARKS):
        full, quick = BENCHMARKS[name]
        argv = quick if args.quick else full
        print(f"== {name}: {' '.join(argv)}", flush=True)
        t0 = time.perf_counter()
        proc = subprocess.run([sys.executable, str(HERE / argv[0]), *argv[1:]], cwd=HERE.parent)
        print(f"== {name}: {'done' if proc.returncode == 0 else 'FAILED'} in {time.perf_counter() - t0:.0f} s\n",
              flush=True)
        if proc.returncode != 0:
            failed.append(name)
    if failed:
        print(f"failed: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
