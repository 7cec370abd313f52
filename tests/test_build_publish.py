"""Publishing a build: each notebook's pages and manifest entry together, one build of a
study at a time, truthful messages when interrupted or when the disk refuses a write.

The notebooks' execution is replaced by a stand-in that stages the files a real run
stages (:func:`borderlines.build.build_one`'s layout), so these tests run in seconds;
``tests/test_reports.py`` builds the real notebooks."""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path

import nbformat
import pytest

from borderlines import build as b
from borderlines.cli import main

TINY = nbformat.v4.new_notebook(cells=[
    nbformat.v4.new_markdown_cell("# Tiny"),
    nbformat.v4.new_code_cell("seed = 1\noutput_dir = None", metadata={"tags": ["parameters"]}),
], metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}})


@pytest.fixture
def nb_folder(tmp_path, monkeypatch):
    """Two tiny notebooks, reports in a temporary folder, and a stand-in for running
    them; ``calls`` records the notebooks run, ``interrupt_at`` the one that meets Ctrl-C."""
    folder = tmp_path / "nbs"
    folder.mkdir()
    for stem in ("01_a", "02_b"):
        nbformat.write(TINY, folder / f"{stem}.ipynb")
    monkeypatch.setenv("BORDERLINES_REPORTS", str(tmp_path / "reports"))
    state = {"calls": [], "interrupt_at": None}

    def fake_build_one(nb, params, study, fingerprint, provenance, position=1, show_cells=True, cancel=None,
                       **budget):
        if nb.stem == state["interrupt_at"]:
            raise KeyboardInterrupt
        state["calls"].append(nb.stem)
        staging = study.out_dir / ".partial" / nb.stem
        (staging / "executed").mkdir(parents=True)
        (staging / "data").mkdir()
        made = f"{nb.stem} seed={params['seed']}"
        for name in (f"{nb.stem}.html", f"{nb.stem}.full.html", f"executed/{nb.stem}.ipynb",
                     f"data/{nb.stem}_table.csv"):
            (staging / name).write_text(made)
        return b.Result(nb.stem, nb.title, "built", 0.1, "", fingerprint,
                        {"report": f"{nb.stem}.html", "full": f"{nb.stem}.full.html",
                         "executed": f"executed/{nb.stem}.ipynb", "tables": [f"data/{nb.stem}_table.csv"]})

    monkeypatch.setattr(b, "build_one", fake_build_one)
    return folder, state


def _build(folder, seed, **options):
    return b.build(b.Study("tiny", {"seed": seed}, source="test"), notebooks_folder=folder, progress=False,
                   jobs=1, **options)


def _described(out: Path) -> dict[str, int]:
    """{page: seed} for every page, checking that the manifest entry of its notebook
    says it was made with that seed."""
    manifest = json.loads((out / "manifest.json").read_text())
    seeds = {}
    for entry in manifest["notebooks"]:
        page = out / entry["files"]["report"]
        seed = int(page.read_text().rsplit("=", 1)[1])
        assert entry["provenance"]["parameters"]["seed"] == seed, entry
        seeds[entry["stem"]] = seed
    return seeds


def test_interrupted_build_leaves_pages_and_manifest_in_agreement(nb_folder):
    folder, state = nb_folder
    _build(folder, 1)
    out = b.Study("tiny", {}).out_dir
    assert _described(out) == {"01_a": 1, "02_b": 1}
    state["interrupt_at"] = "02_b"
    with pytest.raises(b.BuildInterrupted) as caught:
        _build(folder, 2)
    assert caught.value.published == ["01_a"] and "01_a" in str(caught.value)
    assert "unchanged" not in str(caught.value)
    assert _described(out) == {"01_a": 2, "02_b": 1}            # each page as its entry says
    assert json.loads((out / "manifest.json").read_text())["state"] == "interrupted"
    assert not (out / ".partial").exists()
    state["interrupt_at"], state["calls"] = None, []
    results = _build(folder, 1)                                  # back to seed 1: only 01_a differs
    assert state["calls"] == ["01_a"] and [r.status for r in results] == ["built", "reused"]
    assert _described(out) == {"01_a": 1, "02_b": 1}


def test_a_notebook_interrupted_while_published_is_rebuilt(nb_folder, monkeypatch):
    folder, state = nb_folder
    _build(folder, 1)
    out = b.Study("tiny", {}).out_dir
    real_replace, moved = os.replace, []

    def replace_then_interrupt(src, dst):
        real_replace(src, dst)
        moved.append(dst)
        if ".partial" in str(src) and str(dst).endswith("01_a.html"):
            raise KeyboardInterrupt

    monkeypatch.setattr(b.os, "replace", replace_then_interrupt)
    with pytest.raises(b.BuildInterrupted) as caught:
        _build(folder, 2)
    monkeypatch.setattr(b.os, "replace", real_replace)
    assert caught.value.publishing == "01_a" and "marked to be rebuilt" in str(caught.value)
    entries = {e["stem"]: e for e in json.loads((out / "manifest.json").read_text())["notebooks"]}
    assert entries["01_a"]["status"] == "publishing" and entries["02_b"]["status"] == "built"
    state["calls"] = []
    _build(folder, 2)
    assert "01_a" in state["calls"]                              # never reused half-published
    assert _described(out) == {"01_a": 2, "02_b": 2}


def test_files_a_notebook_no_longer_makes_are_removed(nb_folder):
    folder, state = nb_folder
    _build(folder, 1)
    out = b.Study("tiny", {}).out_dir
    stale = out / "data" / "old_table.csv"
    stale.write_text("old")
    manifest = json.loads((out / "manifest.json").read_text())
    manifest["notebooks"][0]["files"]["tables"].append("data/old_table.csv")
    (out / "manifest.json").write_text(json.dumps(manifest))
    _build(folder, 1, force=True)
    assert not stale.exists() and (out / "data" / "01_a_table.csv").exists()


def test_interrupted_before_anything_finished_says_so(nb_folder):
    folder, state = nb_folder
    state["interrupt_at"] = "01_a"
    with pytest.raises(b.BuildInterrupted, match="the previous reports are unchanged"):
        _build(folder, 1)


def test_a_second_build_of_the_study_refuses_naming_the_first(nb_folder, tmp_path, capsys):
    folder, _ = nb_folder
    study = b.Study("tiny", {"seed": 1}, source="test")
    study.out_dir.mkdir(parents=True)
    (tmp_path / "tiny.yml").write_text("study: tiny\nparameters:\n  seed: 1\n")
    with b.study_lock(study):
        with pytest.raises(b.BuildError, match=rf"study 'tiny' is being built by another process \(PID {os.getpid()}\)"):
            _build(folder, 1)
        assert main(["build", "--params", str(tmp_path / "tiny.yml"), "--notebooks", str(folder),
                     "--no-progress"]) == 2
        assert "is being built by another process" in capsys.readouterr().err
    assert _build(folder, 1)                                     # released


@pytest.mark.parametrize("code, hint", [(errno.ENOSPC, "the disk is full"), (errno.EROFS, "not writable")])
def test_a_refused_write_is_a_message(nb_folder, tmp_path, monkeypatch, capsys, code, hint):
    folder, _ = nb_folder
    (tmp_path / "tiny.yml").write_text("study: tiny\nparameters:\n  seed: 1\n")

    def refuse(path, data):
        raise OSError(code, os.strerror(code), str(path))

    monkeypatch.setattr("borderlines.files.write_bytes_atomic", refuse)
    assert main(["build", "--params", str(tmp_path / "tiny.yml"), "--notebooks", str(folder), "--no-progress"]) == 2
    err = capsys.readouterr().err
    assert "could not write" in err and "manifest.json" in err and hint in err and "Traceback" not in err


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes to read-only folders")
def test_a_read_only_reports_folder_is_a_message(nb_folder, tmp_path, capsys):
    folder, _ = nb_folder
    reports = tmp_path / "reports"
    reports.mkdir()
    reports.chmod(0o555)
    (tmp_path / "tiny.yml").write_text("study: tiny\nparameters:\n  seed: 1\n")
    try:
        assert main(["build", "--params", str(tmp_path / "tiny.yml"), "--notebooks", str(folder),
                     "--no-progress"]) == 2
    finally:
        reports.chmod(0o755)
    assert "not writable" in capsys.readouterr().err


def test_ctrl_c_message_is_the_interruption_s_own(monkeypatch, capsys):
    def interrupted(*args, **kwargs):
        raise b.BuildInterrupted(["01_a", "02_b"], None)

    monkeypatch.setattr(b, "build", interrupted)
    assert main(["build", "--no-progress"]) == 130
    err = capsys.readouterr().err
    assert "2 notebook(s) finished and published" in err and "unchanged" not in err


# --------------------------------------------------------------------------- what a notebook reads


def _reading(code: str) -> nbformat.NotebookNode:
    """A notebook that loads the study's tables (declares the table inputs) and runs ``code``."""
    params = "\n".join(f"{name} = None" for name in b.TABLE_INPUTS) + "\nseed = 1\noutput_dir = None"
    return nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_markdown_cell("# Reads"),
        nbformat.v4.new_code_cell(params, metadata={"tags": ["parameters"]}),
        nbformat.v4.new_code_cell("tables = study.load_study_tables(globals())\n" + code)],
        metadata=TINY.metadata)


def test_the_build_knows_every_study_table():
    from borderlines import study
    assert b.STUDY_TABLES == study.TABLE_NAMES


@pytest.mark.parametrize("code, expected", [
    ("quotes = tables.quotes", ("quotes",)),
    ("corpus = tables.corpus\ntables = tables.of_articles(corpus['doc_id'])\nx = tables.tone",
     ("corpus", "tone")),
    ("f = tables.table('figures')\n%matplotlib inline\ns = tables.sentences", ("sentences", "figures")),
    ("%time s = tables.sentences", b.STUDY_TABLES),           # in a magic: not parsed, so anything
    ("summarize(tables)", b.STUDY_TABLES),                   # passed whole: could read anything
    ("x = getattr(tables, name)", b.STUDY_TABLES),
    ("x = tables.table(name)", b.STUDY_TABLES),
])
def test_tables_read_by_a_notebook(tmp_path, code, expected):
    nbformat.write(_reading(code), tmp_path / "01_x.ipynb")
    assert b.tables_read(tmp_path / "01_x.ipynb") == expected


def test_only_notebooks_whose_tables_changed_run_again(nb_folder, tmp_path, monkeypatch):
    from borderlines import study
    folder, state = nb_folder
    nbformat.write(_reading("quotes = tables.quotes"), folder / "01_a.ipynb")
    nbformat.write(_reading("figures = tables.figures"), folder / "02_b.ipynb")
    nbformat.write(TINY, folder / "03_c.ipynb")                 # loads no tables
    corpus = tmp_path / "corpus.csv"
    corpus.write_text("id,date,text\na1,2019-06-07,Mexico agreed to send troops to its southern border.\n")
    digests = {name: "1" for name in b.STUDY_TABLES}
    prepared = []

    def fake_prepare(params, out_dir, **kw):
        prepared.append(params["corpus_path"])
        (Path(out_dir) / "tables" / "snapshot-x").mkdir(parents=True, exist_ok=True)
        (Path(out_dir) / "tables" / "snapshot-x" / study.SNAPSHOT_KEYS).write_text("[]")
        return {"n_articles": 1, "n_extracted": 1, "snapshot": "snapshot-x", "digests": dict(digests)}

    monkeypatch.setattr(study, "prepare_study_tables", fake_prepare)

    def run(**options):
        state["calls"] = []
        return b.build(b.Study("tiny", {"seed": 1, "corpus_path": str(corpus)}, source="test"),
                       notebooks_folder=folder, progress=False, jobs=1, **options)

    run()
    assert state["calls"] == ["01_a", "02_b", "03_c"] and len(prepared) == 1
    run()                                                      # nothing changed: the corpus is not even read
    assert state["calls"] == [] and len(prepared) == 1
    corpus.write_text(corpus.read_text() + "a2,2022-05-02,Officials met in Mexico City.\n")
    digests["quotes"] = "2"                                    # the new article changed the quotes only
    results = run()
    assert len(prepared) == 2 and state["calls"] == ["01_a"]
    assert [r.status for r in results] == ["built", "reused", "reused"]
    manifest = json.loads((b.Study("tiny", {}).out_dir / "manifest.json").read_text())
    assert manifest["reads"] == {"01_a": ["quotes"], "02_b": ["figures"]}
    run(force=True)
    assert state["calls"] == ["01_a", "02_b", "03_c"] and len(prepared) == 2


def test_a_study_that_still_sets_n_resamples_builds_with_a_warning(nb_folder):
    from borderlines.parameters import DeprecatedParameter
    folder, state = nb_folder
    with pytest.warns(DeprecatedParameter, match="n_resamples"):
        results = b.build(b.Study("tiny", {"seed": 3, "n_resamples": 2000}, source="test"), notebooks_folder=folder,
                          progress=False, jobs=1)
    assert [r.status for r in results] == ["built", "built"] and state["calls"] == ["01_a", "02_b"]


def test_navigation_pages_come_from_the_build_s_tables_and_change_only_with_them(nb_folder, tmp_path, monkeypatch):
    from borderlines import navigation, study
    folder, state = nb_folder
    nbformat.write(_reading("quotes = tables.quotes"), folder / "01_a.ipynb")
    corpus = tmp_path / "corpus.csv"
    corpus.write_text('id,date,text\na1,2019-06-07,"“The ferry runs again,” said Mayor Lia Dunn."\n')
    writes, scans = [], []
    real_write, real_scan = navigation.write_navigation, study._scan
    monkeypatch.setattr(navigation, "write_navigation", lambda *a, **k: writes.append(1) or real_write(*a, **k))
    monkeypatch.setattr(study, "_scan", lambda *a, **k: scans.append(1) or real_scan(*a, **k))

    def run(seed):
        return b.build(b.Study("tiny", {"seed": seed, "corpus_path": str(corpus)}, source="test"),
                       notebooks_folder=folder, progress=False, jobs=1)

    run(1)
    out = b.Study("tiny", {}).out_dir
    page = out / "articles" / "a1.html"
    assert len(writes) == 1 and len(scans) == 1 and (out / navigation.SEARCH_PAGE).exists()
    assert any("Lia Dunn" in p.read_text(encoding="utf-8") for p in (out / "assets").glob("search-*.js"))
    stamp = page.stat().st_mtime_ns
    run(1)                                      # nothing changed
    run(2)                                      # the notebooks run again; their tables did not change
    assert state["calls"][-2:] == ["01_a", "02_b"]
    assert len(writes) == 1 and len(scans) == 1 and page.stat().st_mtime_ns == stamp
    corpus.write_text(corpus.read_text() + "a2,2022-05-02,Officials met in the port.\n")
    run(2)                                      # another corpus: new tables, new pages
    assert len(writes) == 2 and len(scans) == 2 and (out / "articles" / "a2.html").exists()
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["inputs_key"] == manifest["tables"]["key"]   # one key for the tables and the pages
