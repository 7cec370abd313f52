"""Build a deterministic scaled corpus from the bundled articles, for benchmarks.

Every article is a run of paragraphs drawn (seeded) from the clean text of the five
bundled articles, so quotations, figures and frames are real coverage; each article gets
a date spread evenly at random over 2018–2024 (so the Trump first-term and Biden eras
both hold many articles), an outlet from the bundled ones and a title. The same seed and
sizes always give the same bytes.

    .venv/bin/python benchmarks/scaled_corpus.py [OUT_DIR] [--articles 2000] [--words 1500000]
        [--seed 20261128] [--formats parquet,folder,csv,jsonl]

writes ``OUT_DIR/corpus.parquet`` (columns id, date, outlet, author, title, text) and,
with ``folder``, ``OUT_DIR/folder/`` (one .txt per article and ``manifest.csv``).
Default OUT_DIR: ``/tmp/borderlines-scaled``.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path

DEFAULT_OUT = Path("/tmp/borderlines-scaled")
DEFAULT_SEED = 20261128
FIRST_DAY, LAST_DAY = date(2018, 1, 1), date(2024, 12, 31)


def _paragraphs() -> tuple[list[tuple[str, int]], list[str]]:
    """(paragraph, words) of the bundled corpus's clean texts, and its outlets."""
    import warnings

    from borderlines.corpus import load_corpus
    from borderlines.nlp import get_nlp, is_word
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpus = load_corpus()
    tokenizer = get_nlp().tokenizer
    paras = []
    for text in corpus["text"]:
        for p in text.split("\n\n"):
            if p.strip():
                paras.append((p, sum(1 for t in tokenizer(p) if is_word(t))))
    return paras, sorted(set(corpus["outlet"]))


def scaled_articles(n_articles: int = 2000, n_words: int = 1_500_000,
                    seed: int = DEFAULT_SEED) -> list[dict]:
    """``n_articles`` article rows (id, date, outlet, author, title, text) totalling about
    ``n_words`` words: each article is a run of consecutive bundled paragraphs (wrapping
    around the bundled corpus) starting at a random paragraph, its length drawn around
    ``n_words / n_articles``."""
    rng = random.Random(seed)
    paras, outlets = _paragraphs()
    span = (LAST_DAY - FIRST_DAY).days
    rows, total = [], 0
    for k in range(n_articles):
        # Lengths vary ±60 % around the mean; the last articles correct the total.
        remaining = n_words - total
        target = remaining / (n_articles - k) * rng.uniform(0.4, 1.6) if k < n_articles - 1 else remaining
        target = max(40, target)
        i = rng.randrange(len(paras))
        chosen, words = [], 0
        while words < target:
            p, w = paras[i % len(paras)]
            chosen.append(p)
            words += w
            i += rng.choice((1, 1, 1, 2, 5))   # mostly consecutive paragraphs, sometimes a jump
        total += words
        day = FIRST_DAY + timedelta(days=rng.randrange(span + 1))
        rows.append({"id": f"s{k:05d}", "date": day.isoformat(), "outlet": rng.choice(outlets),
                     "author": f"Reporter {rng.randrange(40):02d}",
                     "title": f"Scaled article {k:05d}", "text": "\n\n".join(chosen)})
    return rows


def write_parquet(rows: list[dict], path: Path) -> Path:
    import pyarrow as pa
    import pyarrow.parquet as pq
    cols = ["id", "date", "outlet", "author", "title", "text"]
    table = pa.table({c: [r[c] for r in rows] for c in cols})
    path.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(table, path, compression="zstd", row_group_size=250)
    return path


def write_folder(rows: list[dict], folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["id", "file", "date", "outlet", "author", "title"])
    for r in rows:
        name = f"{r['id']}.txt"
        (folder / name).write_text(r["text"], encoding="utf-8")
        w.writerow([r["id"], name, r["date"], r["outlet"], r["author"], r["title"]])
    (folder / "manifest.csv").write_text(buf.getvalue(), encoding="utf-8")
    return folder


def write_csv(rows: list[dict], path: Path) -> Path:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=list(rows[0]), lineterminator="\n")
    w.writeheader()
    w.writerows(rows)
    path.write_text(buf.getvalue(), encoding="utf-8")
    return path


def write_jsonl(rows: list[dict], path: Path) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", nargs="?", type=Path, default=DEFAULT_OUT, help=f"output folder (default {DEFAULT_OUT})")
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--words", type=int, default=1_500_000)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--formats", default="parquet",
                        help="comma-separated: parquet, folder, csv, jsonl (default parquet)")
    args = parser.parse_args(argv)
    t0 = time.perf_counter()
    rows = scaled_articles(args.articles, args.words, args.seed)
    args.out.mkdir(parents=True, exist_ok=True)
    written = []
    for fmt in [f.strip() for f in args.formats.split(",") if f.strip()]:
        if fmt == "parquet":
            written.append(write_parquet(rows, args.out / "corpus.parquet"))
        elif fmt == "folder":
            written.append(write_folder(rows, args.out / "folder"))
        elif fmt == "csv":
            written.append(write_csv(rows, args.out / "corpus.csv"))
        elif fmt == "jsonl":
            written.append(write_jsonl(rows, args.out / "corpus.jsonl"))
        else:
            parser.error(f"unknown format {fmt!r}")
    n_chars = sum(len(r["text"]) for r in rows)
    years = sorted({r["date"][:4] for r in rows})
    print(f"{len(rows)} articles, {n_chars:,} characters, dates {min(r['date'] for r in rows)} "
          f"to {max(r['date'] for r in rows)} ({', '.join(years)}); "
          f"{time.perf_counter() - t0:.1f} s")
    for p in written:
        print(f"wrote {p}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
