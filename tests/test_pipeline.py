"""The extraction pipeline: streaming input, batches, Parquet partitions, and the same
tables in-process, on local processes and on a Dask cluster."""

from __future__ import annotations

import csv
import io
import json
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from spacy.attrs import ORTH, SENT_START

from borderlines import figures, frames, nlp, pipeline, quotes, terms, tone
from borderlines.cli import main as cli_main
from borderlines.corpus import load_corpus
from borderlines.problems import CorpusError

from conftest import make_corpus

TEXTS = [
    "President Donald Trump said on Monday that arrests rose to 66,450 in February.\n\n"
    "“We will close the border,” said Kevin McAleenan, the commissioner. “It is a crisis.”",
    "Mexico deployed 25,000 National Guard troops, Ebrard said. Security and crime dominated.\n\n"
    "The number of migrants fell 56 percent in August, according to federal data.",
    "Secretary of State Antony J. Blinken met López Obrador. “Migration matters,” he said.\n\n"
    "There were more than 190,000 apprehensions in November, officials said.",
    "Humanitarian groups criticized the policy. “It is cruel,” said an advocate.",
    "Trump threatened tariffs on Mexican goods. Officials said the deal was historic.",
    "The asylum backlog grew to 2 million cases in 2023, the agency said.",
    "López Obrador said Mexico would not be a safe third country.\n\nHe added: “We want cooperation.”",
]
DATES = ["2019-03-28", "2019-06-01", "2023-12-27", "2020-02-02", "2019-05-30", "2024-01-05", "2021-06-07"]


def _rows(n: int = 7) -> list[dict]:
    return [{"id": f"a{i:02d}", "date": DATES[i % len(DATES)], "outlet": f"Outlet {i % 3}",
             "title": f"Title {i}", "text": TEXTS[i % len(TEXTS)]} for i in range(n)]


def _write(rows: list[dict], folder: Path, fmt: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    if fmt == "csv":
        path = folder / "corpus.csv"
        buf = io.StringIO()
        w = csv.DictWriter(buf, fieldnames=list(rows[0]), lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
        path.write_text(buf.getvalue(), encoding="utf-8")
    elif fmt == "jsonl":
        path = folder / "corpus.jsonl"
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    elif fmt == "parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq
        path = folder / "corpus.parquet"
        pq.write_table(pa.Table.from_pylist(rows), path, row_group_size=2)
    else:
        path = folder / "texts"
        path.mkdir()
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(["id", "file", "date", "outlet", "title"])
        for r in rows:
            (path / f"{r['id']}.txt").write_text(r["text"], encoding="utf-8")
            w.writerow([r["id"], f"{r['id']}.txt", r["date"], r["outlet"], r["title"]])
        (path / "manifest.csv").write_text(buf.getvalue(), encoding="utf-8")
    return path


def _load(path: Path) -> pd.DataFrame:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return load_corpus(path)


@pytest.fixture(scope="module")
def config():
    return pipeline.make_config()


# --------------------------------------------------------------------------- one parse


def test_parse_texts_equals_the_spacy_pipeline(bundled_corpus):
    texts = list(bundled_corpus["text"]) + TEXTS + [
        "", " ", "a", "\n\nx", "Hi. “Yes,” he said. “No.”\n\n“Ok.” Then", "“", "Hello!!! ... ? what",
        "x .\n\n. y", "A.\n\n“B” c. ‘d’ “e”", "said. “While we wait",
        "“Close it!” he said. “Now?” she asked.\n\n“Go!” He left.", "“Stop!”\n\nhe said",
        "in Lukeville, Ariz. While it", "D.C. Mayor, D.C. The", "Acme Inc. The firm", "Ariz. While", ", Ariz. x"]
    fast = nlp.parse_texts(texts)
    slow = list(nlp.get_nlp().pipe(texts))
    for text, a, b in zip(texts, fast, slow):
        assert np.array_equal(a.to_array([ORTH, SENT_START]), b.to_array([ORTH, SENT_START])), text
    corpus = pd.DataFrame({"doc_id": [f"t{i}" for i in range(len(texts))], "text": texts})
    pd.testing.assert_frame_equal(nlp.sentence_table(corpus, docs=fast), nlp.sentence_table(corpus))
    empty = corpus.iloc[:2]
    pd.testing.assert_frame_equal(nlp.sentence_table(empty, docs=fast[:2]), nlp.sentence_table(empty))


def test_shared_docs_give_the_same_tables(bundled_corpus):
    c = bundled_corpus
    sentences = nlp.sentence_table(c)
    docs = nlp.parse_texts(c["text"])
    pd.testing.assert_frame_equal(terms.token_table(c, docs=docs), terms.token_table(c))
    pd.testing.assert_frame_equal(quotes.extract_quotes(c, sentences=sentences, docs=docs),
                                  quotes.extract_quotes(c, sentences=sentences))
    pd.testing.assert_frame_equal(quotes.extract_quotes(c, docs=nlp.parse_texts(c["text"])),
                                  quotes.extract_quotes(c))
    pd.testing.assert_frame_equal(frames.sentence_frames(c, sentences=sentences, docs=docs),
                                  frames.sentence_frames(c, sentences=sentences))
    pd.testing.assert_frame_equal(frames.frame_matches(c, docs=nlp.parse_texts(c["text"])),
                                  frames.frame_matches(c))


def test_extract_batch_equals_the_module_functions(bundled_corpus, config):
    c = bundled_corpus
    tables = pipeline.extract_batch(c, config)
    assert set(tables) == set(pipeline.TABLES)
    sentences = nlp.sentence_table(c)
    pd.testing.assert_frame_equal(tables["sentences"], sentences)
    pd.testing.assert_frame_equal(tables["quotes"], quotes.extract_quotes(c, sentences=sentences))
    pd.testing.assert_frame_equal(tables["figures"], figures.extract_figures(c))
    pd.testing.assert_frame_equal(tables["frames"], frames.sentence_frames(c))
    pd.testing.assert_frame_equal(tables["frame_matches"], frames.frame_matches(c))
    pd.testing.assert_frame_equal(tables["tone"], tone.sentence_tone(c))
    tok = terms.token_table(c)
    pd.testing.assert_frame_equal(tables["doc_terms"], terms.doc_terms(tok, (1, 3)))
    pd.testing.assert_frame_equal(terms.tokens_from_flat(tables["tokens"], c["doc_id"]), tok,
                                  check_categorical=False)
    articles = tables["articles"]
    assert "raw_text" not in articles and list(articles["doc_id"]) == list(c["doc_id"])
    assert articles["n_words"].tolist() == terms.doc_words(tok)["n_words"].tolist()
    assert articles["n_sentences"].sum() == len(sentences)
    assert articles["n_quotes"].sum() == len(tables["quotes"])


def test_batches_are_independent(config):
    corpus = make_corpus([{"doc_id": r["id"], "text": r["text"], "date": r["date"]} for r in _rows()])
    whole = pipeline.extract_batch(corpus, config)
    parts = [pipeline.extract_batch(corpus.iloc[i:i + 3].reset_index(drop=True), config) for i in (0, 3, 6)]
    for name in ("sentences", "doc_terms", "quotes", "figures", "frame_matches", "frames", "tone", "articles",
                 "tokens"):
        joined = pd.concat([p[name] for p in parts if len(p[name])], ignore_index=True)
        pd.testing.assert_frame_equal(joined, whole[name], check_dtype=False, obj=name)


# --------------------------------------------------------------------------- streaming input


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet", "folder"])
def test_iter_corpus_batches_streams_every_format(tmp_path, fmt, config):
    path = _write(_rows(7), tmp_path, fmt)
    for size, expected in ((3, [3, 3, 1]), (7, [7]), (1, [1] * 7), (50, [7])):
        batches = list(pipeline.iter_corpus_batches(path, size, config=config, warn=False))
        assert [len(b) for b in batches] == expected
        joined = pd.concat(batches, ignore_index=True).sort_values("doc_id").reset_index(drop=True)
        pd.testing.assert_frame_equal(joined, _load(path), check_dtype=False)


def test_iter_corpus_batches_of_the_bundled_corpus(bundled_corpus, config):
    batches = list(pipeline.iter_corpus_batches(None, 2, config=config, warn=False))
    assert [len(b) for b in batches] == [2, 2, 1]
    pd.testing.assert_frame_equal(pd.concat(batches, ignore_index=True), bundled_corpus)


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_a_bad_row_in_a_later_batch_names_file_row_and_field(tmp_path, fmt, config):
    rows = _rows(7)
    rows[4]["date"] = "next week"
    path = _write(rows, tmp_path, fmt)
    seen = []
    with pytest.raises(CorpusError) as err:
        for batch in pipeline.iter_corpus_batches(path, 2, config=config, warn=False):
            seen.append(len(batch))
    assert seen == [2, 2]                       # the first batches streamed before the bad one
    message = str(err.value)
    assert str(path) in message and "row 5" in message and "'date'" in message and "a04" in message


def test_a_missing_file_in_a_folder_names_the_manifest_row(tmp_path, config):
    path = _write(_rows(5), tmp_path, "folder")
    (path / "a03.txt").unlink()
    with pytest.raises(CorpusError) as err:
        list(pipeline.iter_corpus_batches(path, 2, config=config, warn=False))
    assert "manifest.csv, row 4" in str(err.value) and "file not found" in str(err.value)


def test_a_duplicate_id_in_another_batch_is_an_error(tmp_path, config):
    rows = _rows(6)
    rows[5]["id"] = rows[1]["id"]
    path = _write(rows, tmp_path, "csv")
    with pytest.raises(CorpusError) as err:
        list(pipeline.iter_corpus_batches(path, 2, config=config, warn=False))
    assert "row 6" in str(err.value) and "duplicate id 'a01' (also in row 2)" in str(err.value)


def test_a_missing_source_is_a_clear_error(tmp_path, config):
    with pytest.raises(CorpusError, match="nope.csv: file not found"):
        list(pipeline.iter_corpus_batches(tmp_path / "nope.csv", 2, config=config))
    with pytest.raises(CorpusError, match="no such file or folder"):
        list(pipeline.iter_corpus_batches(tmp_path / "nope", 2, config=config))


# --------------------------------------------------------------------------- Parquet output


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_run_pipeline_writes_deterministic_atomic_partitions(tmp_path, config):
    path = _write(_rows(7), tmp_path / "in", "parquet")
    a = pipeline.run_pipeline(path, tmp_path / "a", batch_size=3, progress=False, config=config)
    pipeline.run_pipeline(path, tmp_path / "b", batch_size=3, progress=False, config=config)
    files = _files(tmp_path / "a")
    assert files == _files(tmp_path / "b")                       # byte for byte
    assert not [f for f in files if f.endswith(".tmp") or "/." in f]
    for name in pipeline.TABLES:
        assert [f for f in files if f.startswith(name + "/")] == [
            f"{name}/part-{i:05d}.parquet" for i in range(3)]
    assert a["n_articles"] == 7 and a["n_batches"] == 3 and a["mode"] == "sync"
    manifest = pipeline.read_manifest(tmp_path / "a")
    assert manifest["tables"]["sentences"]["rows"] == sum(p["rows"] for p in manifest["tables"]["sentences"]["partitions"])

    tables = pipeline.read_tables(tmp_path / "a")
    batches = list(pipeline.iter_corpus_batches(path, 3, config=config, warn=False))
    direct = [pipeline.extract_batch(b, config) for b in batches]
    for name in pipeline.TABLES:
        expected = pd.concat([d[name] for d in direct if len(d[name])], ignore_index=True)
        pd.testing.assert_frame_equal(tables[name], expected, check_dtype=False, obj=name)
    assert list(pipeline.read_table(tmp_path / "a", "quotes", ["doc_id", "quote"]).columns) == ["doc_id", "quote"]

    # a new run with bigger batches replaces the partitions; none of the old ones stays
    pipeline.run_pipeline(path, tmp_path / "a", batch_size=10, progress=False, config=config)
    assert sorted(p.name for p in (tmp_path / "a" / "quotes").iterdir()) == ["part-00000.parquet"]
    for name in pipeline.TABLES:
        pd.testing.assert_frame_equal(pipeline.read_table(tmp_path / "a", name), tables[name],
                                      check_dtype=False, obj=name)


def test_a_failed_run_leaves_no_manifest(tmp_path, config):
    rows = _rows(7)
    path = _write(rows, tmp_path / "ok", "csv")
    pipeline.run_pipeline(path, tmp_path / "out", batch_size=3, progress=False, config=config)
    rows[6]["text"] = "   "
    bad = _write(rows, tmp_path / "bad", "csv")
    with pytest.raises(CorpusError, match="row 7"):
        pipeline.run_pipeline(bad, tmp_path / "out", batch_size=3, progress=False, config=config)
    with pytest.raises(FileNotFoundError, match="no finished pipeline run"):
        pipeline.read_tables(tmp_path / "out")


def test_processes_give_the_same_bytes(tmp_path, config):
    path = _write(_rows(7), tmp_path / "in", "jsonl")
    pipeline.run_pipeline(path, tmp_path / "sync", batch_size=2, progress=False, config=config)
    summary = pipeline.run_pipeline(path, tmp_path / "proc", scheduler="processes", n_workers=2,
                                    batch_size=2, progress=False, config=config)
    assert summary["mode"] == "processes"
    assert _files(tmp_path / "sync") == _files(tmp_path / "proc")


@pytest.mark.slow
def test_a_dask_cluster_gives_the_same_tables(tmp_path, bundled_corpus, config):
    distributed = pytest.importorskip("distributed")
    path = _write(_rows(7), tmp_path / "in", "folder")
    pipeline.run_pipeline(path, tmp_path / "local", batch_size=2, progress=False, config=config)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=None) as cluster:
        summary = pipeline.run_pipeline(path, tmp_path / "cluster", scheduler=cluster.scheduler_address,
                                        batch_size=2, progress=False, config=config)
        bundled = pipeline.run_pipeline(None, tmp_path / "bundled", scheduler=cluster.scheduler_address,
                                        batch_size=2, progress=False, config=config)
    assert summary["mode"] == "distributed" and summary["n_batches"] == 4
    local, remote = pipeline.read_tables(tmp_path / "local"), pipeline.read_tables(tmp_path / "cluster")
    for name in pipeline.TABLES:
        pd.testing.assert_frame_equal(remote[name], local[name], obj=name)
    assert _files(tmp_path / "local") == _files(tmp_path / "cluster")
    assert bundled["n_articles"] == 5
    pd.testing.assert_frame_equal(pipeline.read_table(tmp_path / "bundled", "sentences"),
                                  nlp.sentence_table(bundled_corpus))


# --------------------------------------------------------------------------- command line


def test_cli_extract(tmp_path, capsys):
    path = _write(_rows(4), tmp_path / "in", "csv")
    assert cli_main(["extract", str(path), "--out", str(tmp_path / "out"), "--batch-size", "3",
                     "--no-progress"]) == 0
    out = capsys.readouterr().out
    assert "4 articles" in out and "quotes" in out
    assert pipeline.read_manifest(tmp_path / "out")["n_batches"] == 2
    rows = _rows(4)
    rows[2]["date"] = "soon"
    bad = _write(rows, tmp_path / "bad", "csv")
    assert cli_main(["extract", str(bad), "--out", str(tmp_path / "out2"), "--no-progress"]) == 1
    err = capsys.readouterr().err
    assert "row 3" in err and "'soon' is not a date" in err
    with pytest.raises(SystemExit):
        cli_main(["extract", "--help"])
    assert "--scheduler" in capsys.readouterr().out
