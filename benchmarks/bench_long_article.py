"""Time and peak memory of the analysis steps on one very long article.

    .venv/bin/python benchmarks/bench_long_article.py [--mb 10] [--steps sentences,tokens,...]

The article is generated (sentences written for this benchmark, repeated with varying
numbers) to ``--mb`` megabytes of text; each step runs as the notebooks run it. Prints
seconds per step and the process's peak resident memory after each.
"""

from __future__ import annotations

import argparse
import resource
import time

PARAGRAPH = ("Officials in the capital said on Tuesday that {n} people were detained at the crossing in "
             "March, up 4 percent from February. “We are doing what the agreement asks,” the minister said. "
             "Critics said the policy was cruel and costly.\n\n"
             "The agency counted {m} families last year, according to federal data. Trade and security "
             "dominated the talks, an analyst at a research group said.\n\n")


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mb", type=float, default=10.0, help="size of the article in megabytes (default 10)")
    parser.add_argument("--steps", default="sentences,tokens,quotes,figures,frames,tone")
    args = parser.parse_args()
    from borderlines.corpus import corpus_from_records
    size = int(args.mb * 1_000_000)
    parts, total, i = [], 0, 0
    while total < size:
        part = PARAGRAPH.format(n=f"{1000 + i * 7:,}", m=f"{20000 + i * 13:,}")
        parts.append(part)
        total += len(part)
        i += 1
    t0 = time.perf_counter()
    corpus = corpus_from_records([{"id": "long", "date": "2019-06-07", "outlet": "Bench", "text": "".join(parts)}])
    print(f"article: {len(corpus.loc[0, 'text']):,} characters; load {time.perf_counter() - t0:.1f} s, "
          f"peak {peak_mb():,.0f} MB", flush=True)
    from borderlines.nlp import sentence_table
    t0 = time.perf_counter()
    sentences = sentence_table(corpus)
    print(f"sentences: {len(sentences):,} rows, {time.perf_counter() - t0:.1f} s, peak {peak_mb():,.0f} MB", flush=True)
    steps = args.steps.split(",")
    for step in steps:
        t0 = time.perf_counter()
        if step == "tokens":
            from borderlines.terms import token_table
            rows = len(token_table(corpus))
        elif step == "quotes":
            from borderlines.quotes import extract_quotes
            rows = len(extract_quotes(corpus))
        elif step == "figures":
            from borderlines.cited_figures import extract_figures
            rows = len(extract_figures(corpus, sentences))
        elif step == "frames":
            from borderlines.frames import sentence_frames
            rows = len(sentence_frames(corpus))
        elif step == "tone":
            from borderlines.tone import sentence_tone
            rows = len(sentence_tone(corpus, sentences))
        else:
            continue
        print(f"{step}: {rows:,} rows, {time.perf_counter() - t0:.1f} s, peak {peak_mb():,.0f} MB", flush=True)


if __name__ == "__main__":
    main()
