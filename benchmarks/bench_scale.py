"""Issue 15's targets for a whole study on the scaled corpus: a forced build, a build
after appending articles, a no-op build, peak memory of the build and its kernels, and
the largest report page.

    .venv/bin/python benchmarks/bench_scale.py [--articles 500] [--words 375000] [--append 100]
        [--jobs N] [--scheduler S] [--cells] [--pages] [--keep DIR]

The corpus is ``scaled_corpus.py``'s (deterministic; ``--words`` as there, words of the
first ``--articles`` articles): ``articles + append`` articles are made, the first
``articles`` written to ``corpus.parquet``, and a study file (``study.yml``) points at it.
Each build is ``borderlines build --params study.yml`` in a fresh process (interpreter
start included), reports in a temporary folder (``BORDERLINES_REPORTS``, or ``--keep
DIR``), in this order:

1. forced build (``--force``): extraction and every notebook;
2. the other ``--append`` articles added to the same corpus file, then a build: what was
   re-run and how long it took;
3. a no-op build (nothing changed).

Peak memory is the process tree's (the build, its notebook kernels and any workers):
RSS summed every 0.1 s (overstates pages shared after a fork) and PSS summed every 1 s.
``--pages`` then times every page with ``bench_pages.py`` (headless Chromium). The
default size runs in a few minutes on the shared 2-core machine; issue 15's targets are
for ``--articles 20000 --words 15000000`` (≤ 120 s forced, ≤ 20 s append, ≤ 1 s no-op,
≤ 2 GiB peak, no page over 3 MB).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_pipeline import TreeMemory, mib  # noqa: E402
from scaled_corpus import scaled_articles, write_parquet  # noqa: E402

MB = 1_000_000


def run_build(study_file: Path, env: dict, jobs: int | None, force: bool = False,
              scheduler: str | None = None) -> tuple[float, TreeMemory, str]:
    """(wall seconds, memory of the process tree, output) of one ``borderlines build``."""
    argv = [sys.executable, "-m", "borderlines.cli", "build", "--params", str(study_file), "--no-progress"]
    argv += ["--scheduler", scheduler] if scheduler else []
    argv += ["--force"] if force else []
    argv += ["--jobs", str(jobs)] if jobs else []
    t0 = time.perf_counter()
    proc = subprocess.Popen(argv, env=env, cwd=HERE.parent, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True)
    with TreeMemory(proc.pid) as mem:
        out, _ = proc.communicate()
    seconds = time.perf_counter() - t0
    if proc.returncode != 0:
        sys.exit(f"build failed ({proc.returncode}):\n{out}")
    return seconds, mem, out


def load() -> str:
    """The load average (1, 5, 15 minutes), for the figure printed next to it."""
    return "load " + "/".join(f"{x:.1f}" for x in os.getloadavg())


def slowest_cells(study_dir: Path, n: int = 3) -> list[str]:
    """Per executed notebook of the last build: its seconds in all and its ``n`` slowest
    cells (Papermill's ``duration`` in each cell's metadata), with the cell's first line."""
    import nbformat
    lines = []
    for path in sorted((study_dir / "executed").glob("*.ipynb")):
        cells = [c for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code"]
        timed = [(c.metadata.get("papermill", {}).get("duration") or 0.0, i, c) for i, c in enumerate(cells)]
        total = sum(t for t, *_ in timed)
        top = ", ".join(f"#{i} {t:.1f} s ({(c.source.strip().splitlines() or [''])[0][:50]!r})"
                        for t, i, c in sorted(timed, key=lambda x: -x[0])[:n])
        lines.append(f"  {path.stem:<26} {total:6.1f} s in cells; slowest: {top}")
    return lines


def statuses(study_dir: Path) -> dict[str, str]:
    """{notebook: built or reused} from the study's manifest."""
    manifest = json.loads((study_dir / "manifest.json").read_text())
    return {r["stem"]: r["status"] for r in manifest["notebooks"]}


def kernel_peaks(study_dir: Path) -> str:
    """Each notebook's kernel peak (VmHWM, MiB) as the build's manifest records it."""
    manifest = json.loads((study_dir / "manifest.json").read_text())
    return ", ".join(f"{r['stem'][:2]} {r['peak_mib']:,.0f}" for r in manifest["notebooks"]
                     if r.get("status") == "built" and r.get("peak_mib")) or "none recorded"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--words", type=int, default=None, help="words of the first ARTICLES (default 750 each)")
    parser.add_argument("--append", type=int, default=100)
    parser.add_argument("--jobs", type=int, default=None, help="notebooks at once (default: the build's)")
    parser.add_argument("--scheduler", default=None, help="the build's --scheduler (default: the build's)")
    parser.add_argument("--cells", action="store_true", help="print each notebook's slowest cells after the forced build")
    parser.add_argument("--pages", action="store_true", help="also time every page in Chromium (bench_pages.py)")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it (default: a temporary one)")
    args = parser.parse_args()
    words = args.words or 750 * args.articles
    work = args.keep or Path(tempfile.mkdtemp(prefix="borderlines-bench-scale-"))
    work.mkdir(parents=True, exist_ok=True)
    total = args.articles + args.append
    rows = scaled_articles(total, round(words * total / args.articles))
    corpus = write_parquet(rows[:args.articles], work / "corpus.parquet")
    name = f"scale-{args.articles}"
    study_file = work / "study.yml"
    study_file.write_text(f"study: {name}\ndescription: bench_scale.py, {args.articles} scaled articles\n"
                          f"parameters:\n  corpus_path: {json.dumps(str(corpus))}\n")
    env = {**os.environ, "BORDERLINES_REPORTS": str(work / "reports"), "PYTHONWARNINGS": "ignore"}
    study_dir = work / "reports" / name
    n_words = sum(len(r["text"].split()) for r in rows[:args.articles])
    print(f"corpus: {args.articles:,} articles, {n_words:,} whitespace words (+{args.append} appended later); "
          f"work folder {work}; {os.cpu_count()} CPUs, load average "
          f"{', '.join(f'{x:.1f}' for x in os.getloadavg())}")

    figures = {}
    seconds, mem, out = run_build(study_file, env, args.jobs, force=True, scheduler=args.scheduler)
    figures["forced"] = (seconds, mem)
    print(f"forced build:             {seconds:7.1f} s wall; peak {mib(mem.peak_rss)} RSS summed, "
          f"{mib(mem.peak_pss)} PSS; {load()}")
    print("\n".join("  " + line for line in out.splitlines() if line.startswith(("Tables of", "  built", "  failed"))))
    print(f"  kernel peaks (MiB): {kernel_peaks(study_dir)}")
    if args.cells:
        print("\n".join(slowest_cells(study_dir)))
    write_parquet(rows, corpus)
    seconds, mem, out = run_build(study_file, env, args.jobs, scheduler=args.scheduler)
    figures["append"] = (seconds, mem)
    rerun = sorted(k for k, v in statuses(study_dir).items() if v == "built")
    print(f"append {args.append} and build:    {seconds:7.1f} s wall; peak {mib(mem.peak_rss)} RSS summed, "
          f"{mib(mem.peak_pss)} PSS; re-run {len(rerun)} of {len(statuses(study_dir))} notebooks; {load()}")
    print("\n".join("  " + line for line in out.splitlines() if line.startswith(("Tables of", "  built", "  failed"))))
    print(f"  kernel peaks (MiB): {kernel_peaks(study_dir)}")
    seconds, mem, _ = run_build(study_file, env, args.jobs, scheduler=args.scheduler)
    figures["noop"] = (seconds, mem)
    print(f"no-op build:              {seconds:7.2f} s wall (interpreter start included); {load()}")
    pages = sorted(study_dir.glob("*.html"), key=lambda p: p.stat().st_size)
    largest = pages[-1]
    peak = max(m.peak_rss for _, m in figures.values())
    print(f"largest page:             {largest.stat().st_size / MB:.2f} MB ({largest.name}); shared scripts "
          f"{sum(p.stat().st_size for p in (study_dir / 'assets').glob('*')) / MB:.2f} MB in assets/")
    print()
    for what, ok, value in (
            ("forced build <= 120 s (at 20,000 articles)", figures["forced"][0] <= 120,
             f"{figures['forced'][0]:.1f} s"),
            ("append and build <= 20 s", figures["append"][0] <= 20, f"{figures['append'][0]:.1f} s"),
            ("no-op build <= 1 s", figures["noop"][0] <= 1, f"{figures['noop'][0]:.2f} s"),
            ("peak memory <= 2 GiB", peak <= 2 * 2**30, f"{mib(peak)} RSS summed"),
            ("no page over 3 MB", largest.stat().st_size <= 3 * MB, f"{largest.stat().st_size / MB:.2f} MB")):
        print(f"target {'MET   ' if ok else 'MISSED'} {what}: {value}")
    if args.pages:
        print()
        subprocess.run([sys.executable, str(HERE / "bench_pages.py"), str(study_dir)], check=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
