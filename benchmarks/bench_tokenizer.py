"""How far extraction is from spaCy's tokenizer alone (issue 15), on the scaled corpus.

    .venv/bin/python benchmarks/bench_tokenizer.py [--articles 2000] [--words 1500000] [--repeat 3]

On the same clean texts (the scaled corpus, as ``bench_pipeline.py`` makes it), in one
process, CPU seconds and words per CPU second (whitespace words, as the other
benchmarks count them) of:

* ``tokenizer``: spaCy's blank English tokenizer alone (``get_nlp().make_doc`` per text),
  the floor of any extraction that tokenizes with spaCy;
* ``parse``: :func:`borderlines.nlp.parse_texts` (the tokenizer and the sentence rules),
  the parse every stage shares;
* ``extract``: :func:`borderlines.pipeline.extract_batch` on the clean corpus in batches
  of 100 (parse and every stage: sentences, terms, quotes, figures, frames, tone), with
  its own CPU seconds per stage.

Best of ``--repeat`` runs. Two processes at most double each figure (the machine has two
cores), so ``extract`` × 2 is the ceiling of ``bench_pipeline.py``'s two-process run
(reading, cleaning and writing come on top).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_pipeline import corpus_path  # noqa: E402


def cpu(fn) -> float:
    t0 = time.process_time()
    fn()
    return time.process_time() - t0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", help="corpus to use (default: build the scaled corpus under /tmp)")
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--words", type=int, default=1_500_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    from borderlines import nlp, pipeline
    from borderlines.corpus import load_corpus

    corpus = load_corpus(corpus_path(args))
    texts = corpus["text"].tolist()
    words = sum(len(t.split()) for t in texts)
    config = pipeline.make_config()
    make_doc = nlp.get_nlp().make_doc
    pipeline.extract_batch(corpus.iloc[:20], config)        # warm-up: lexicons, matchers, lookups
    [make_doc(t) for t in texts[:50]]

    def extract_all(timings=None):
        for first in range(0, len(corpus), 100):
            pipeline.extract_batch(corpus.iloc[first:first + 100], config, timings)

    runs = {"tokenizer": lambda: [make_doc(t) for t in texts], "parse": lambda: nlp.parse_texts(texts),
            "extract": extract_all}
    best = {name: min(cpu(fn) for _ in range(args.repeat)) for name, fn in runs.items()}
    print(f"{len(texts):,} clean texts, {words:,} words, one process, best of {args.repeat} (CPU s)")
    for name, seconds in best.items():
        print(f"  {name:<10} {seconds:6.2f} CPU s  {words / seconds:>11,.0f} words/CPU s  "
              f"{seconds / best['tokenizer']:5.1f}x the tokenizer")
    stages: dict[str, float] = {}
    extract_all(stages)
    print("  extract by stage (one more run): " + ", ".join(f"{k} {v:.2f}" for k, v in stages.items()))
    print(f"  extraction on two processes at most {2 * words / best['extract']:,.0f} words/s (target 300,000)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
