"""Time the extraction pipeline on a scaled corpus: per stage and in total, in one
process and on worker processes, with peak memory; and the distinctive-terms stage
against scattertext.

    .venv/bin/python benchmarks/bench_pipeline.py [--articles 2000] [--words 1500000] [--terms-only]
        [--workers 2] [--batch-size 100] [--repeat 1] [--no-scattertext]

The corpus is built by ``benchmarks/scaled_corpus.py`` (deterministic) under
``/tmp/borderlines-scaled-<articles>-<words>/`` unless ``--corpus`` names one. Each run
is a fresh Python process (``borderlines extract`` as a library call), timed from the
call to ``run_pipeline`` (configuration, warm-up, worker start, reading, extraction and
writing included; the interpreter start and imports are shown separately). Peak memory
is sampled over the whole process tree (the run and its workers): RSS summed every
0.1 s (counts pages that forked workers share with their parent once per process, so
it overstates) and PSS summed every second (shared pages split between the processes
sharing them; may miss a short peak).

Per stage, the figures are CPU seconds summed over the processes that ran the batches
(in one process they equal wall seconds), and words per CPU second.

scattertext is installed with pip into a throwaway virtual environment under /tmp
(``/tmp/borderlines-bench-scattertext``), never into the project's; the suite does not
depend on it. If it cannot be installed, that is printed and the comparison skipped.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
ST_VENV = Path("/tmp/borderlines-bench-scattertext")
STAGE_NOTES = {"clean": "cleaning rules, dates, eras", "parse": "spaCy tokenizer + sentence rules",
               "sentences": "sentence table", "terms": "tokens, lemmas, 1-3-gram counts",
               "quotes": "quotes and speakers", "figures": "cited quantities",
               "frames": "frame lexicon matches", "tone": "VADER per sentence",
               "write": "Parquet serialization and files"}


# --------------------------------------------------------------------------- helpers


def corpus_path(args) -> Path:
    if args.corpus:
        return Path(args.corpus)
    folder = Path(f"/tmp/borderlines-scaled-{args.articles}-{args.words}")
    path = folder / "corpus.parquet"
    if not path.exists():
        subprocess.run([sys.executable, str(HERE / "scaled_corpus.py"), str(folder), "--articles",
                        str(args.articles), "--words", str(args.words)], check=True, cwd=ROOT)
    return path


class TreeMemory:
    """Peak summed RSS (every ``interval`` s) and PSS (every ``pss_every`` samples) of a
    process and its descendants, sampled in a thread. RSS comes from /proc/PID/statm
    (cheap); PSS reads the memory maps, which costs CPU, so it is sampled less often."""

    def __init__(self, pid: int, interval: float = 0.1, pss_every: int = 10):
        import psutil
        self.root = psutil.Process(pid)
        self.interval, self.pss_every = interval, pss_every
        self.peak_rss = self.peak_pss = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self):
        import psutil
        n = 0
        while not self._stop.is_set():
            try:
                procs = [self.root, *self.root.children(recursive=True)]
            except psutil.Error:
                break
            rss = pss = 0
            for p in procs:
                try:
                    rss += p.memory_info().rss
                    if n % self.pss_every == 0:
                        pss += getattr(p.memory_full_info(), "pss", 0)
                except psutil.Error:
                    pass
            self.peak_rss = max(self.peak_rss, rss)
            if n % self.pss_every == 0:
                self.peak_pss = max(self.peak_pss, pss)
            n += 1
            self._stop.wait(self.interval)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()


def run_child(argv: list[str]) -> tuple[dict, TreeMemory]:
    proc = subprocess.Popen([sys.executable, str(Path(__file__).resolve()), *argv], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    with TreeMemory(proc.pid) as mem:
        out, err = proc.communicate()
    if proc.returncode != 0:
        sys.exit(f"benchmark run {argv} failed:\n{out}\n{err}")
    return json.loads(out.strip().splitlines()[-1]), mem


def mib(n: int) -> str:
    return f"{n / 2**20:,.0f} MiB"


# --------------------------------------------------------------------------- children


def child_pipeline(args) -> None:
    t0 = time.perf_counter()
    import warnings
    warnings.simplefilter("ignore")
    from borderlines.pipeline import run_pipeline
    t_import = time.perf_counter() - t0
    out = Path(tempfile.mkdtemp(prefix="borderlines-bench-"))
    try:
        t1 = time.perf_counter()
        summary = run_pipeline(args.corpus, out, scheduler=None if args.mode == "sync" else args.mode,
                               n_workers=args.workers, batch_size=args.batch_size, progress=False)
        t_run = time.perf_counter() - t1
    finally:
        shutil.rmtree(out, ignore_errors=True)
    print(json.dumps({"t_import": t_import, "t_run": t_run, "n_words": summary["n_words"],
                      "n_articles": summary["n_articles"], "stages": summary["stages"],
                      "rows": {k: v["rows"] for k, v in summary["tables"].items()}}))


def child_terms(args) -> None:
    """Our distinctive-terms stage on the corpus: from text (parse, tokens, n-gram counts
    per article, counts per era, log-odds with informative prior and G²), and from the
    per-article counts the pipeline stores (aggregation only)."""
    import warnings
    warnings.simplefilter("ignore")
    import pandas as pd

    from borderlines import terms
    from borderlines.nlp import parse_texts
    from borderlines.pipeline import iter_corpus_batches, make_config
    config = make_config()
    corpus = pd.concat(list(iter_corpus_batches(args.corpus, 500, config=config, warn=False)), ignore_index=True)
    terms._lemma_table()
    terms._table_lemmas()
    ngrams = (1, 2)
    c0 = time.process_time()
    t0 = time.perf_counter()
    parts_terms, parts_words = [], []
    for start in range(0, len(corpus), 250):
        batch = corpus.iloc[start:start + 250]
        tokens = terms.token_table(batch, docs=parse_texts(list(batch["text"])))
        parts_terms.append(terms.doc_terms(tokens, ngrams))
        parts_words.append(terms.doc_words(tokens))
    t_counts = time.perf_counter() - t0
    doc_terms = pd.concat(parts_terms, ignore_index=True)
    doc_words = pd.concat(parts_words, ignore_index=True)
    t1 = time.perf_counter()
    counts = terms.counts_by(doc_terms, doc_words, corpus, by="era")
    table = terms.distinctive_terms_from_counts(counts, "trump_1", "biden")
    t_compare = time.perf_counter() - t1
    print(json.dumps({"t_counts": t_counts, "t_compare": t_compare, "total": t_counts + t_compare,
                      "cpu": time.process_time() - c0,
                      "n_terms": int(counts["term"].nunique()), "n_rows": len(table),
                      "top": list(table["term"].head(5))}))


SCATTERTEXT_SCRIPT = textwrap.dedent("""
    import json, sys, time
    import pandas as pd
    t_import = time.perf_counter()
    import scattertext as st
    t_import = time.perf_counter() - t_import
    df = pd.read_json(sys.argv[1], lines=True)
    c0 = time.process_time()
    t0 = time.perf_counter()
    corpus = st.CorpusFromPandas(df, category_col="era", text_col="text",
                                 nlp=st.whitespace_nlp_with_sentences).build()
    t_build = time.perf_counter() - t0
    t1 = time.perf_counter()
    tdf = corpus.get_term_freq_df()
    a, b = tdf["trump_1 freq"], tdf["biden freq"]
    prior = st.LogOddsRatioInformativeDirichletPrior(tdf.sum(axis=1))   # the whole corpus, as ours
    scores = prior.get_scores(a, b)
    t_score = time.perf_counter() - t1
    print(json.dumps({"t_import": t_import, "t_build": t_build, "t_score": t_score,
                      "cpu": time.process_time() - c0,
                      "total": t_build + t_score, "n_terms": int(len(tdf)),
                      "version": st.__version__ if hasattr(st, "__version__") else "?"}))
""")


def scattertext_python() -> tuple[Path | None, str]:
    """The throwaway venv's python with scattertext installed, or (None, why not)."""
    py = ST_VENV / "bin" / "python"
    check = [str(py), "-c", "import scattertext"]
    if py.exists() and subprocess.run(check, capture_output=True).returncode == 0:
        return py, ""
    base = shutil.which("python3.11") or sys.executable
    print(f"installing scattertext into {ST_VENV} (once; a few minutes) ...", flush=True)
    for step in ([base, "-m", "venv", "--clear", str(ST_VENV)],
                 [str(py), "-m", "pip", "install", "--quiet", "scattertext", "pandas", "six"]):
        proc = subprocess.run(step, capture_output=True, text=True)
        if proc.returncode != 0:
            lines = [x for x in (proc.stderr + proc.stdout).splitlines() if x.strip() and "ignored" not in x]
            return None, lines[-1] if lines else f"exit status {proc.returncode}"
    if subprocess.run(check, capture_output=True).returncode != 0:
        return None, "scattertext installed but cannot be imported"
    return py, ""


def run_scattertext(corpus_file: Path) -> dict | str:
    py, why = scattertext_python()
    if py is None:
        return f"scattertext could not be installed into {ST_VENV}: {why}"
    import warnings
    warnings.simplefilter("ignore")
    import pandas as pd

    from borderlines.pipeline import iter_corpus_batches
    corpus = pd.concat(list(iter_corpus_batches(corpus_file, 500, warn=False)), ignore_index=True)
    with tempfile.TemporaryDirectory() as tmp:
        jsonl = Path(tmp) / "corpus.jsonl"
        corpus[["doc_id", "era", "text"]].to_json(jsonl, orient="records", lines=True, force_ascii=False)
        script = Path(tmp) / "st_bench.py"
        script.write_text(SCATTERTEXT_SCRIPT)
        proc = subprocess.run([str(py), str(script), str(jsonl)], capture_output=True, text=True)
    if proc.returncode != 0:
        return f"scattertext run failed: {proc.stderr.strip().splitlines()[-1:]}"
    return json.loads(proc.stdout.strip().splitlines()[-1])


# --------------------------------------------------------------------------- main


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", help="corpus to use (default: build the scaled corpus under /tmp)")
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--words", type=int, default=1_500_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=1, help="runs per mode; the fastest is shown")
    parser.add_argument("--no-scattertext", action="store_true")
    parser.add_argument("--terms-only", action="store_true",
                        help="only the distinctive-terms comparison with scattertext (no pipeline runs)")
    parser.add_argument("--child", choices=["pipeline", "terms"], help=argparse.SUPPRESS)
    parser.add_argument("--mode", default="sync", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child == "pipeline":
        return child_pipeline(args)
    if args.child == "terms":
        return child_terms(args)

    import psutil
    path = corpus_path(args)
    print(f"machine: {platform.machine()}, {os.cpu_count()} CPUs, "
          f"{psutil.virtual_memory().total / 2**30:.0f} GiB, Python {platform.python_version()}, "
          f"load average {', '.join(f'{x:.1f}' for x in os.getloadavg())}")
    print(f"corpus: {path}")
    if args.terms_only:
        return compare_terms(path, args.no_scattertext, [], args.repeat)
    common = ["--corpus", str(path), "--workers", str(args.workers), "--batch-size", str(args.batch_size)]
    results = {}
    for mode in ("sync", "processes"):
        runs = [run_child(["--child", "pipeline", "--mode", mode, *common]) for _ in range(args.repeat)]
        results[mode] = min(runs, key=lambda r: r[0]["t_run"])
    words = results["sync"][0]["n_words"]
    print(f"articles: {results['sync'][0]['n_articles']:,}  words: {words:,}  batch size: {args.batch_size}")
    print()
    label = {"sync": "in-process", "processes": f"{args.workers} processes"}
    head = f"{'stage':10} " + "".join(f"{label[m] + ' CPU s':>18} {'words/CPU s':>12}" for m in results)
    print(head)
    for stage in STAGE_NOTES:
        cells = ""
        for m, (r, _) in results.items():
            s = r["stages"].get(stage, 0.0)
            cells += f"{s:18.2f} {words / s if s else float('nan'):12,.0f}"
        print(f"{stage:10} {cells}   {STAGE_NOTES[stage]}")
    cells = "".join(f"{sum(r['stages'].values()):18.2f} {words / sum(r['stages'].values()):12,.0f}"
                    for r, _ in results.values())
    print(f"{'all':10} {cells}")
    print()
    for m, (r, mem) in results.items():
        print(f"{label[m]:>12}: wall {r['t_run']:6.2f} s, {words / r['t_run']:9,.0f} words/s; "
              f"peak memory {mib(mem.peak_rss)} RSS summed, {mib(mem.peak_pss)} PSS; "
              f"interpreter start {r['t_import']:.2f} s (not included)")
    sp = results["sync"][0]["t_run"] / results["processes"][0]["t_run"]
    print(f"speed-up with {args.workers} processes: {sp:.2f}x")
    print()
    proc_run, proc_mem = results["processes"]
    targets = [] if words < 1_400_000 else [
               (f"whole pipeline on {words / 1e6:.1f} M words with {args.workers} processes <= 15 s",
                proc_run["t_run"] <= 15, f"{proc_run['t_run']:.1f} s"),
               ("peak memory < 2 GB", max(proc_mem.peak_rss, results["sync"][1].peak_rss) < 2 * 2**30,
                mib(max(proc_mem.peak_rss, results["sync"][1].peak_rss)) + " RSS summed")]
    compare_terms(path, args.no_scattertext, targets, args.repeat)


def compare_terms(path: Path, no_scattertext: bool, targets: list, repeat: int = 1) -> None:
    """Distinctive terms, ours and scattertext's, on the same corpus in one run (each
    the run with the least CPU time of ``repeat``, alternating); prints wall and CPU
    seconds and the targets
    (``targets``: earlier ones to print with them)."""
    ours, theirs = [], []
    for _ in range(repeat):
        ours.append(run_child(["--child", "terms", "--corpus", str(path)])[0])
        theirs.append("skipped (--no-scattertext)" if no_scattertext else run_scattertext(path))
    terms = min(ours, key=lambda r: r["cpu"])
    st = theirs[0] if any(isinstance(x, str) for x in theirs) else min(theirs, key=lambda r: r["cpu"])
    print(f"distinctive terms (trump_1 vs biden, 1-2-grams), borderlines: {terms['total']:.2f} s "
          f"(parse + per-article counts {terms['t_counts']:.2f} s, counts per era + log-odds + G² "
          f"{terms['t_compare']:.2f} s; {terms['n_terms']:,} terms)")
    if isinstance(st, str):
        print(f"scattertext: {st}")
    else:
        ratio = st["total"] / terms["total"]
        cpu_ratio = st["cpu"] / terms["cpu"]
        print(f"CPU seconds (less sensitive to other jobs on a shared machine): borderlines {terms['cpu']:.2f}, "
              f"scattertext {st['cpu']:.2f} -> {cpu_ratio:.1f}x")
        targets.append(("distinctive terms >= 3x faster than scattertext", ratio >= 3,
                        f"{terms['total']:.2f} s vs {st['total']:.2f} s wall, {ratio:.1f}x; "
                        f"{terms['cpu']:.2f} vs {st['cpu']:.2f} CPU s, {cpu_ratio:.1f}x"))
        print(f"distinctive terms, scattertext {st['version']}: {st['total']:.2f} s (CorpusFromPandas with its "
              f"whitespace tokenizer {st['t_build']:.2f} s, term counts + informative-prior log-odds "
              f"{st['t_score']:.2f} s; {st['n_terms']:,} terms) -> borderlines is {ratio:.1f}x faster"
              if ratio >= 1 else f"... borderlines is {1 / ratio:.1f}x slower")
    print()
    for what, ok, value in targets:
        print(f"target {'MET   ' if ok else 'MISSED'} {what}: {value}")


if __name__ == "__main__":
    main()
