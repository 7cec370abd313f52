"""Time the regeneration of the whole report suite on the bundled corpus.

Prints wall seconds for a forced full build (every notebook executed and exported) and
for a no-op rebuild (nothing changed, everything reused). Reports go to a temporary
folder, so reports/ is untouched.

    .venv/bin/python benchmarks/bench_build.py [--jobs N] [--repeat K]
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run(args: list[str], env: dict) -> float:
    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "borderlines.cli", "build", "--no-progress", *args],
                          cwd=ROOT, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - t0
    if proc.returncode != 0:
        sys.exit(f"build failed:\n{proc.stdout}\n{proc.stderr}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--jobs", type=int, default=None)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    extra = ["--jobs", str(args.jobs)] if args.jobs else []
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "BORDERLINES_REPORTS": tmp}
        full = [run(["--force", *extra], env) for _ in range(args.repeat)]
        noop = [run(extra, env) for _ in range(args.repeat)]
        n = len(list((Path(tmp) / "default" / "executed").glob("*.ipynb")))
    print(f"machine: {platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}")
    print(f"notebooks: {n}")
    print(f"full build (--force): median {statistics.median(full):.1f} s  runs {', '.join(f'{x:.1f}' for x in full)}")
    print(f"no-op rebuild:        median {statistics.median(noop):.2f} s  runs {', '.join(f'{x:.2f}' for x in noop)}")


if __name__ == "__main__":
    main()
