"""Time the study's tables (``borderlines.study``): a cold build, a load with everything
cached, and a build after appending articles to the corpus file.

    .venv/bin/python benchmarks/bench_study.py [--articles 2000] [--words-per-article 750]
        [--append 100] [--scheduler processes] [--workers 2] [--batch-size 100] [--keep DIR]

The corpus is ``benchmarks/scaled_corpus.py``'s (deterministic): ``articles + append``
articles are made, the first ``articles`` written to ``corpus.parquet`` for the cold build
and the no-op load, then all of them for the append build. The cache starts empty in a
temporary folder (or ``--keep DIR``). Times are wall seconds of ``study_tables`` in this
process (spaCy and the lexicons are loaded before the first timing, by a warm-up on one
article in another cache); the no-op load is also timed in a fresh Python process
(interpreter start and imports included), as a notebook kernel would see it.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import textwrap
import time
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from scaled_corpus import scaled_articles, write_parquet  # noqa: E402


def _timed(label: str, call):
    t0 = time.perf_counter()
    result = call()
    seconds = time.perf_counter() - t0
    print(f"{label:<34} {seconds:8.2f} s   extracted {result.provenance['n_extracted']:>6} "
          f"of {result.provenance['n_articles']} articles")
    return result, seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--words-per-article", type=int, default=750)
    parser.add_argument("--append", type=int, default=100)
    parser.add_argument("--scheduler", default="processes", help="None, processes, or a Dask address")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=100)
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it (default: a temporary one)")
    args = parser.parse_args(argv)
    scheduler = None if args.scheduler in ("", "None", "none", "sync") else args.scheduler

    from borderlines import study
    from borderlines.pipeline import make_config

    work = args.keep or Path(tempfile.mkdtemp(prefix="borderlines-bench-study-"))
    work.mkdir(parents=True, exist_ok=True)
    total = args.articles + args.append
    rows = scaled_articles(total, total * args.words_per_article)
    corpus, cache = work / "corpus.parquet", work / "tables"
    write_parquet(rows[:args.articles], corpus)
    print(f"corpus: {args.articles} articles (+{args.append}), ~{args.words_per_article} words each; "
          f"scheduler {scheduler or 'this process'}, {args.workers} workers, batches of {args.batch_size}")
    print(f"work folder: {work}")

    config = make_config()
    run = dict(config=config, progress=False, warn=False, scheduler=scheduler,
               n_workers=args.workers, batch_size=args.batch_size)
    warnings.simplefilter("ignore")
    write_parquet(rows[:1], work / "warm.parquet")
    study.study_tables(work / "warm.parquet", cache_dir=work / "warm", **dict(run, scheduler=None))

    cold, t_cold = _timed("cold build", lambda: study.study_tables(corpus, cache_dir=cache, **run))
    words = int(cold.articles["n_words"].sum())
    print(f"{'':<34} {words / t_cold:8.0f} words/s ({words} words)")
    _timed("no-op load (this process)", lambda: study.study_tables(corpus, cache_dir=cache, **run))
    code = textwrap.dedent(f"""
        import time, warnings; t0 = time.perf_counter(); warnings.simplefilter("ignore")
        from borderlines import study
        t = study.study_tables({str(corpus)!r}, cache_dir={str(cache)!r}, progress=False, warn=False)
        assert t.provenance["n_extracted"] == 0
        print(f"{{time.perf_counter() - t0:.2f}}")
    """)
    t0 = time.perf_counter()
    inner = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout.strip()
    print(f"{'no-op load (fresh process)':<34} {time.perf_counter() - t0:8.2f} s   "
          f"(imports and load inside: {inner} s)")
    write_parquet(rows, corpus)
    _timed(f"append {args.append} articles", lambda: study.study_tables(corpus, cache_dir=cache, **run))
    size = sum(f.stat().st_size for f in cache.rglob("*") if f.is_file())
    print(f"cache folder: {size / 2**20:.1f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
