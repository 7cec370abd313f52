"""Notebook 01's text statistics: computed per article vs read from the articles table.

    .venv/bin/python benchmarks/bench_textstats.py [--articles 2000]

Extracts the bundled corpus's study tables (worker processes, so this process's
readability cache starts cold), then times ``textstats.article_stats(corpus, tokens)``
(MATTR and readability computed here) against ``article_stats(..., articles=articles)``
(the values the extraction stored) and checks they are equal. Then the same on
``--articles`` articles: the bundled ones repeated under new ids, each text given a
distinct closing sentence so textstat's per-text cache does not hide the work (timing
only: those texts no longer match their tokens).
"""

from __future__ import annotations

import argparse
import tempfile
import time
import warnings

import pandas as pd


def _best(f, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        f()
        best = min(best, time.perf_counter() - t0)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    args = parser.parse_args()
    warnings.simplefilter("ignore")
    from borderlines import study, textstats
    with tempfile.TemporaryDirectory() as cache:
        t = study.study_tables(None, cache_dir=cache, progress=False, warn=False, scheduler="processes")
        corpus, tokens, articles = t.corpus, t.tokens, t.articles
    computed = _best(lambda: textstats.article_stats(corpus, tokens), 1)   # cold: the first call
    stored = _best(lambda: textstats.article_stats(corpus, tokens, articles=articles), 3)
    pd.testing.assert_frame_equal(textstats.article_stats(corpus, tokens, articles=articles),
                                  textstats.article_stats(corpus, tokens))
    print(f"bundled ({len(corpus)} articles): computed {computed:.3f} s (cold), from articles {stored:.4f} s")
    k = -(-args.articles // len(corpus))

    def repeat(df):
        df = df.assign(doc_id=df["doc_id"].astype(str))
        return pd.concat([df.assign(doc_id=df["doc_id"] + f"-{i:05d}") for i in range(k)],
                         ignore_index=True)

    big_corpus, big_tokens, big_articles = repeat(corpus), repeat(tokens), repeat(articles)
    big_corpus = big_corpus.assign(text=big_corpus["text"] + pd.Series(
        [f" Filed as note {i}." for i in range(len(big_corpus))]))
    computed = _best(lambda: textstats.article_stats(big_corpus, big_tokens), 1)
    stored = _best(lambda: textstats.article_stats(big_corpus, big_tokens, articles=big_articles), 3)
    print(f"{len(big_corpus)} articles: computed {computed:.2f} s, from articles {stored:.4f} s")


if __name__ == "__main__":
    main()
