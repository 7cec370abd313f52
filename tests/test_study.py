"""The study's tables: extracted once, cached per article by content, the same bytes from
a cold build and a cached one, and equal to extracting the whole corpus at once."""

from __future__ import annotations

import threading
import warnings
from pathlib import Path

import pandas as pd
import pytest

from borderlines import pipeline, study, terms
from borderlines.corpus import load_corpus
from borderlines.files import write_corpus_table
from borderlines.paths import default_actors

PLACES = ["Nogales", "El Paso", "Tijuana", "Laredo", "Yuma", "Brownsville", "Tucson", "Del Rio"]


def _article(i: int, *, families: int | None = None) -> dict:
    """An article of our own words: a cited number, a quotation with its speaker, frames."""
    place = PLACES[i % len(PLACES)]
    families = 120 + 7 * i if families is None else families
    text = (f"Shelters in {place} took in {families} families last week, city officials said on Friday.\n\n"
            f"“We are running out of beds and volunteers,” said Marta Ruiz, who directs a shelter in {place}. "
            "The state said border security funding would rise 15 percent next year.\n\n"
            "Advocates said asylum seekers waited for months, and the mayor called for cooperation with Mexico.")
    year = 2019 if i % 2 else 2022
    return {"id": f"n{i:03d}", "date": f"{year}-0{1 + i % 9}-1{i % 10}", "outlet": f"Paper {i % 3}",
            "title": f"Shelters in {place}", "text": text}


def _write(path: Path, rows: list[dict]) -> Path:
    write_corpus_table(pd.DataFrame(rows), path)
    return path


@pytest.fixture
def spy(monkeypatch):
    """Counts the articles :func:`pipeline.extract_batch` is given."""
    seen: list[str] = []
    real = pipeline.extract_batch

    def counting(corpus, *args, **kwargs):
        seen.extend(corpus["doc_id"].astype(str))
        return real(corpus, *args, **kwargs)

    monkeypatch.setattr(pipeline, "extract_batch", counting)
    return seen


def _tables(path, cache, **kwargs) -> study.StudyTables:
    return study.study_tables(path, cache_dir=cache, progress=False, warn=False, **kwargs)


def _bytes(tables: study.StudyTables) -> dict[str, bytes]:
    return {name: pipeline.parquet_bytes(tables.table(name)) for name in ("corpus", *pipeline.TABLES)}


def _chunks(cache: Path) -> set[str]:
    return {p.name for p in (cache / "chunks").iterdir()}


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_a_cached_rebuild_extracts_nothing_and_gives_the_same_bytes(tmp_path, spy, fmt):
    path = _write(tmp_path / f"corpus.{fmt}", [_article(i) for i in range(6)])
    cold = _tables(path, tmp_path / "cache", batch_size=4)
    assert sorted(spy) == [f"n{i:03d}" for i in range(6)]
    assert cold.provenance["n_extracted"] == 6
    spy.clear()
    cached = _tables(path, tmp_path / "cache", batch_size=4)
    assert spy == [] and cached.provenance["n_extracted"] == 0
    for name in ("corpus", *pipeline.TABLES):
        pd.testing.assert_frame_equal(cached.table(name), cold.table(name), obj=name)
    assert _bytes(cached) == _bytes(cold)
    assert cached.provenance == dict(cold.provenance, n_extracted=0)


def test_the_tables_equal_extracting_the_whole_corpus_at_once(tmp_path):
    rows = [_article(i) for i in range(7)]
    rows[3]["date"] = "2015-05-05"                  # outside every era: a warning, kept
    path = _write(tmp_path / "corpus.csv", rows)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        tables = study.study_tables(path, cache_dir=tmp_path / "cache", progress=False, batch_size=3)
    assert any("outside every era" in str(w.message) for w in caught)
    assert any("n003" in w for w in tables.warnings)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpus = load_corpus(path)
    pd.testing.assert_frame_equal(tables.corpus, corpus)
    whole = pipeline.extract_batch(corpus, pipeline.make_config())
    whole["tokens"] = terms.tokens_from_flat(whole["tokens"], corpus["doc_id"])   # as the study gives them
    for name in pipeline.TABLES:
        pd.testing.assert_frame_equal(tables.table(name), whole[name], obj=name)
    assert len(tables.quotes) and len(tables.figures) and len(tables.frames)


def test_appending_articles_extracts_only_those_and_matches_a_cold_build(tmp_path, spy):
    path = tmp_path / "corpus.jsonl"
    _write(path, [_article(i) for i in range(6)])
    _tables(path, tmp_path / "cache", batch_size=4)
    spy.clear()
    _write(path, [_article(i) for i in range(9)])
    grown = _tables(path, tmp_path / "cache", batch_size=4)
    assert sorted(spy) == ["n006", "n007", "n008"]
    assert grown.provenance["n_extracted"] == 3 and len(grown.articles) == 9
    spy.clear()
    cold = _tables(path, tmp_path / "cold", batch_size=4)     # other batches, same tables
    assert _bytes(grown) == _bytes(cold)


def test_an_edited_article_of_the_same_size_is_extracted_again_alone(tmp_path, spy):
    path = tmp_path / "corpus.csv"
    rows = [_article(i) for i in range(6)]
    _write(path, rows)
    before = _tables(path, tmp_path / "cache", batch_size=10)
    spy.clear()
    rows[2] = _article(2, families=999)              # 134 -> 999: same length, other text
    assert len(rows[2]["text"]) == len(_article(2)["text"])
    _write(path, rows)
    after = _tables(path, tmp_path / "cache", batch_size=10)
    assert spy == ["n002"]
    assert after.provenance["corpus_checksum"] != before.provenance["corpus_checksum"]
    changed = after.figures[after.figures["doc_id"] == "n002"].to_string()
    assert "999" in changed and "134" not in changed
    others = after.articles["doc_id"] != "n002"
    pd.testing.assert_frame_equal(after.articles[others], before.articles[others])
    assert list(after.articles["n_words"]) == list(before.articles["n_words"])
    assert _bytes(after) == _bytes(_tables(path, tmp_path / "cold"))


def test_another_actors_file_extracts_every_article_again(tmp_path, spy):
    path = _write(tmp_path / "corpus.csv", [_article(i) for i in range(4)])
    _tables(path, tmp_path / "cache")
    old_chunks = _chunks(tmp_path / "cache")
    actors = tmp_path / "actors.csv"
    actors.write_text(default_actors().read_text(encoding="utf-8")
                      + "Marta Ruiz,Ruiz,expert_or_ngo,US,person,f,a shelter director\n", encoding="utf-8")
    spy.clear()
    tables = _tables(path, tmp_path / "cache", actors_path=actors)
    assert sorted(spy) == ["n000", "n001", "n002", "n003"]
    assert not old_chunks & _chunks(tmp_path / "cache")          # the old chunks are gone
    assert set(tables.quotes.loc[tables.quotes["speaker"] == "Marta Ruiz", "role"]) == {"expert_or_ngo"}


def test_a_moved_corpus_is_not_extracted_again(tmp_path, spy):
    _write(tmp_path / "old.csv", [_article(i) for i in range(3)])
    _tables(tmp_path / "old.csv", tmp_path / "cache")
    spy.clear()
    moved = (tmp_path / "old.csv").rename(tmp_path / "new.csv")
    tables = _tables(moved, tmp_path / "cache")
    assert spy == []
    assert set(tables.articles["file"]) == set(tables.corpus["file"]) == {str(moved)}
    assert _bytes(tables) == _bytes(_tables(moved, tmp_path / "cold"))


def test_removed_articles_leave_the_tables_and_their_chunks_go(tmp_path, spy):
    path = tmp_path / "corpus.csv"
    _write(path, [_article(i) for i in range(6)])
    _tables(path, tmp_path / "cache", batch_size=3)
    assert len(_chunks(tmp_path / "cache")) == 2
    spy.clear()
    _write(path, [_article(i) for i in (0, 1, 2, 4)])          # n003 and n005 gone
    tables = _tables(path, tmp_path / "cache", batch_size=3)
    assert spy == []
    for name in pipeline.TABLES:
        assert not set(tables.table(name)["doc_id"]) & {"n003", "n005"}, name
    assert list(tables.articles["doc_id"]) == ["n000", "n001", "n002", "n004"]
    assert _bytes(tables) == _bytes(_tables(path, tmp_path / "cold"))
    _write(path, [_article(i) for i in (0, 1, 2)])              # the second chunk is unused now
    _tables(path, tmp_path / "cache", batch_size=3)
    assert len(_chunks(tmp_path / "cache")) == 1
    assert len(list((tmp_path / "cache").glob("snapshot-*"))) == 1


def test_two_callers_at_once_extract_each_article_once(tmp_path, spy):
    path = _write(tmp_path / "corpus.csv", [_article(i) for i in range(4)])
    results = []
    threads = [threading.Thread(target=lambda: results.append(_tables(path, tmp_path / "cache")))
               for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(spy) == ["n000", "n001", "n002", "n003"]
    assert sorted(r.provenance["n_extracted"] for r in results) == [0, 4]
    assert _bytes(results[0]) == _bytes(results[1])


def test_a_bad_article_is_named_before_anything_is_extracted(tmp_path, spy):
    from borderlines.problems import CorpusError
    rows = [_article(i) for i in range(6)]
    rows[5]["date"] = "last Tuesday"
    path = _write(tmp_path / "corpus.csv", rows)
    with pytest.raises(CorpusError, match="row 6.*date|date.*row 6"):
        _tables(path, tmp_path / "cache", batch_size=3)
    assert spy == []


def test_an_interrupted_build_keeps_the_batches_it_finished(tmp_path, spy, monkeypatch):
    path = _write(tmp_path / "corpus.csv", [_article(i) for i in range(6)])
    counting = pipeline.extract_batch

    def interrupted(corpus, *args, **kwargs):
        if len(spy) >= 3:
            raise KeyboardInterrupt
        return counting(corpus, *args, **kwargs)

    monkeypatch.setattr(pipeline, "extract_batch", interrupted)
    with pytest.raises(KeyboardInterrupt):
        _tables(path, tmp_path / "cache", batch_size=3)
    monkeypatch.setattr(pipeline, "extract_batch", counting)
    spy.clear()
    resumed = _tables(path, tmp_path / "cache", batch_size=3)
    assert sorted(spy) == ["n003", "n004", "n005"]
    assert _bytes(resumed) == _bytes(_tables(path, tmp_path / "cold", batch_size=3))


@pytest.mark.parametrize("output_dir, expected", [
    ("REPORTS/my_study/.partial/02_quotes/data", "REPORTS/my_study/tables"),
    (None, None),
])
def test_notebooks_find_the_study_tables(tmp_path, monkeypatch, output_dir, expected):
    monkeypatch.delenv(study.TABLES_ENV, raising=False)
    monkeypatch.setenv(study.CACHE_ENV, str(tmp_path / "user-cache"))
    params = {"corpus_path": str(tmp_path / "c.csv"),
              "output_dir": output_dir and str(tmp_path / output_dir)}
    found = study.tables_dir(params)
    if expected:
        assert found == (tmp_path / expected).resolve()
    else:
        assert found.parent == tmp_path / "user-cache" / "tables" and found.name.startswith("c-")
    monkeypatch.setenv(study.TABLES_ENV, str(tmp_path / "elsewhere"))
    assert study.tables_dir(params) == tmp_path / "elsewhere"


def test_a_build_prepares_the_tables_its_notebooks_load(tmp_path, spy, monkeypatch):
    monkeypatch.delenv(study.TABLES_ENV, raising=False)
    path = _write(tmp_path / "corpus.csv", [_article(i) for i in range(3)])
    params = {"corpus_path": str(path), "eras_path": None, "cleaning_rules_path": None}
    prepared = study.prepare_study_tables(params, tmp_path / "study", progress=False)
    assert prepared["n_extracted"] == 3 and set(prepared["digests"]) == {"corpus", *pipeline.TABLES}
    spy.clear()
    staged = tmp_path / "study" / ".partial" / "01_corpus_overview" / "data"
    loaded = study.load_study_tables(dict(params, output_dir=str(staged)), progress=False)
    assert spy == [] and loaded.provenance["cache_dir"] == str(tmp_path / "study" / "tables")
    assert _bytes(loaded) == _bytes(_tables(path, tmp_path / "elsewhere"))


def test_a_builds_notebooks_read_its_prepared_tables_without_scanning_the_corpus(tmp_path, monkeypatch):
    from borderlines.progress import BUILD_ENV
    monkeypatch.delenv(study.TABLES_ENV, raising=False)
    path = _write(tmp_path / "corpus.csv", [_article(i) for i in range(3)])
    params = {"corpus_path": str(path), "eras_path": None, "cleaning_rules_path": None}
    study.prepare_study_tables(params, tmp_path / "study", progress=False)
    staged = dict(params, output_dir=str(tmp_path / "study" / ".partial" / "02_quotes" / "data"))
    expected = _bytes(study.load_study_tables(staged, progress=False))

    def no_scan(*args, **kwargs):
        raise AssertionError("the corpus was scanned again")

    monkeypatch.setattr(study, "_scan", no_scan)
    monkeypatch.setenv(BUILD_ENV, "1")
    loaded = study.load_study_tables(staged, progress=False)
    assert _bytes(loaded) == expected and loaded.provenance["n_articles"] == 3
    # other table parameters than the build's: not its tables, so the corpus is read
    from borderlines.paths import data_dir
    mine = tmp_path / "my_eras.csv"
    mine.write_bytes((data_dir() / "eras.csv").read_bytes())
    other = dict(staged, eras_path=str(mine))
    with pytest.raises(AssertionError, match="scanned again"):
        study.load_study_tables(other, progress=False)
    # outside a build (by hand in JupyterLab) the corpus is always checked
    monkeypatch.delenv(BUILD_ENV)
    with pytest.raises(AssertionError, match="scanned again"):
        study.load_study_tables(staged, progress=False)


def _snapshot_files(prepared: dict) -> dict[str, bytes]:
    folder = Path(prepared["cache_dir"]) / prepared["snapshot"]
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_table_digests_change_only_with_their_table(tmp_path):
    rows = [_article(i) for i in range(4)]
    path = _write(tmp_path / "corpus.csv", rows)
    params = {"corpus_path": str(path)}
    before = study.prepare_study_tables(params, tmp_path / "study", progress=False)["digests"]
    assert before == study.prepare_study_tables(params, tmp_path / "again", progress=False)["digests"]
    rows[1] = dict(rows[1], outlet="Another Paper")    # metadata only: the text's tables stay
    _write(path, rows)
    after = study.prepare_study_tables(params, tmp_path / "study", progress=False)["digests"]
    changed = {name for name in before if before[name] != after[name]}
    assert {"corpus", "articles"} <= changed
    assert not changed & {"sentences", "doc_terms", "figures", "frame_matches", "tokens"}


@pytest.mark.slow
def test_a_dask_cluster_gives_byte_identical_study_tables(tmp_path):
    distributed = pytest.importorskip("distributed")
    path = _write(tmp_path / "corpus.csv", [_article(i) for i in range(7)])
    params = {"corpus_path": str(path)}
    local = study.prepare_study_tables(params, tmp_path / "local", batch_size=2, progress=False)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=None) as cluster:
        remote = study.prepare_study_tables(params, tmp_path / "cluster", scheduler=cluster.scheduler_address,
                                            batch_size=2, progress=False)
    assert local["n_extracted"] == remote["n_extracted"] == 7
    assert remote["digests"] == local["digests"]
    assert _snapshot_files(remote) == _snapshot_files(local)


def test_worker_processes_give_the_same_tables(tmp_path):
    path = _write(tmp_path / "corpus.csv", [_article(i) for i in range(5)])
    local = _tables(path, tmp_path / "local", batch_size=2)
    spread = _tables(path, tmp_path / "spread", batch_size=2, scheduler="processes", n_workers=2)
    assert spread.provenance["n_extracted"] == 5
    assert _bytes(spread) == _bytes(local)


def test_a_progress_bar_only_when_articles_are_extracted(tmp_path, monkeypatch):
    from borderlines import progress
    bars = []
    real = progress.progress_bar
    monkeypatch.setattr(progress, "progress_bar", lambda total, *a, **k: bars.append(total) or real(total, *a, **k))
    path = _write(tmp_path / "corpus.csv", [_article(i) for i in range(3)])
    study.study_tables(path, cache_dir=tmp_path / "cache", warn=False)
    study.study_tables(path, cache_dir=tmp_path / "cache", warn=False)
    _write(path, [_article(i) for i in range(4)])
    study.study_tables(path, cache_dir=tmp_path / "cache", warn=False)
    assert bars == [3, 1]


def test_every_notebook_measure_divides_by_the_same_words_and_counts_the_same_terms(tmp_path):
    """Numbers agree across notebooks: the per-article counts of 02 (quotes), 03 (figures)
    and 04 (era sizes) carry the articles table's n_words, 01's text statistics count the
    same words, and a term's count in 04's terms equals its concordance lines (05's term
    explorer) and the study's doc_terms."""
    from borderlines import compare, terms, textstats
    tables = _tables(_write(tmp_path / "c.csv", [_article(i) for i in range(4)]), tmp_path / "cache")
    articles = tables.articles
    words = articles.set_index("doc_id")["n_words"]
    by_quotes = compare.quotes.quote_counts_per_article(tables.quotes, articles, by=None).set_index("doc_id")["n_words"]
    by_figures = compare.figures.figures_per_article(tables.figures, articles).set_index("doc_id")["n_words"]
    by_stats = textstats.article_stats(tables.corpus).set_index("doc_id")["n_words"]
    for other in (by_quotes, by_figures, by_stats):
        assert other.to_dict() == words.to_dict()
    sizes = terms.era_sizes(articles).set_index("era")
    assert sizes["n_words"].to_dict() == articles.groupby("era")["n_words"].sum().to_dict()
    tokens = terms.token_table(tables.corpus)
    assert sizes.equals(terms.era_sizes(tables.corpus, tokens).set_index("era"))
    counted = terms.term_counts(tables.corpus, (1, 2), tokens=tokens)
    in_terms = int(counted.loc[counted["term"] == "border", "n"].sum())
    in_context = len(terms.kwic(tables.corpus, "border", lemmas=True, tokens=tokens))
    in_tables = int(tables.doc_terms.loc[tables.doc_terms["term"] == "border", "n"].sum())
    assert in_terms == in_context == in_tables == 4


def test_the_text_statistics_come_with_the_articles_and_equal_article_stats(tmp_path):
    """Extracted once per article (issue 11): the articles table's text statistics, read
    back from the cache, equal textstats.article_stats computed from the tokens."""
    from borderlines import textstats
    tables = _tables(_write(tmp_path / "c.csv", [_article(i) for i in range(3)]), tmp_path / "cache")
    assert not set(textstats.ARTICLE_TABLE_COLUMNS) & set(tables.corpus.columns)
    pd.testing.assert_frame_equal(textstats.article_stats(tables.corpus, articles=tables.articles),
                                  textstats.article_stats(tables.corpus, tables.tokens))
