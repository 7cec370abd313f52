"""Built reports as a reader meets them: the corpus described from the corpus, no
machine's folders in any page or executed notebook, and study folders that never mix
the pages of two corpora."""

from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path

import nbformat
import pytest

from borderlines.build import BuildError, Study, build
from borderlines.paths import project_root

pytestmark = pytest.mark.slow


def _n_articles(study) -> int:
    """Articles of the hostile corpus (each from its own outlet), read from its manifest."""
    manifest = Path(study.parameters["corpus_path"]) / "manifest.csv"
    return len(manifest.read_text(encoding="utf-8").splitlines()) - 1


def _published(study):
    return sorted([*study.out_dir.glob("*.html"), *(study.out_dir / "executed").glob("*.ipynb")])


def test_reports_of_another_corpus_describe_that_corpus(built_hostile):
    study, _ = built_hostile
    n_articles = _n_articles(study)
    for name in ("00_start_here.html", "01_corpus_overview.html", "02_quotes_and_voices.html"):
        page = (study.out_dir / name).read_text()
        assert "This study reads the corpus in <code>corpus</code>" in page, name
        assert f"<strong>{n_articles}</strong> articles" in page and "none from Trump (second term)" in page
        for bundled in ("five news articles", "four articles from", "on the bundled corpus",
                        "four from the first Trump term"):
            assert bundled not in page, (name, bundled)


def test_no_machine_path_in_any_page_or_executed_notebook(built_hostile):
    study, _ = built_hostile
    machine = [str(project_root()), tempfile.gettempdir() + "/", str(study.out_dir)]
    for path in _published(study):
        text = path.read_text()
        for folder in machine:
            assert folder not in text, f"{path.name} shows {folder}"
    injected = nbformat.read(study.out_dir / "executed" / "01_corpus_overview.ipynb", as_version=4)
    params = next(c for c in injected.cells if "injected-parameters" in c.metadata.get("tags", []))
    # (the test's reports folder is outside the project, so only its name shows)
    assert 'corpus_path = "corpus"' in params.source and 'output_dir = "data"' in params.source


def test_the_clean_report_hides_check_cells_the_full_one_keeps_them(built_hostile):
    study, _ = built_hostile
    clean = (study.out_dir / "01_corpus_overview.html").read_text()
    full = (study.out_dir / "01_corpus_overview.full.html").read_text()
    assert "test suite" not in clean and "NBVAL_CHECK_OUTPUT" in full


TINY = """{"cells": [
 {"cell_type": "markdown", "id": "title", "metadata": {}, "source": ["# Tiny"]},
 {"cell_type": "code", "id": "parameters", "metadata": {"tags": ["parameters"]}, "execution_count": null, "outputs": [],
  "source": ["corpus_path = None\\neras_path = None\\noutput_dir = None"]},
 {"cell_type": "code", "id": "show", "metadata": {}, "execution_count": null, "outputs": [],
  "source": ["print(corpus_path)"]}
], "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
 "nbformat": 4, "nbformat_minor": 5}"""


def _corpus(folder, text):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "a.txt").write_text(text)
    (folder / "manifest.csv").write_text("id,file,date\na,a.txt,2019-03-01\n")
    return folder


@pytest.fixture
def tiny(tmp_path, reports_root):
    nbs = tmp_path / "nbs"
    nbs.mkdir()
    for stem in ("01_one", "02_two"):
        (nbs / f"{stem}.ipynb").write_text(TINY)
    return nbs


def test_another_corpus_in_the_same_study_folder_is_refused(tmp_path, tiny):
    first = _corpus(tmp_path / "first", "Officials met in Mexico City on Monday.")
    second = _corpus(tmp_path / "second", "A caravan left Honduras on Tuesday.")
    build(Study("mixing", {"corpus_path": str(first)}), progress=False, notebooks_folder=tiny)
    before = (Study("mixing", {}).out_dir / "manifest.json").read_text()
    for only in (None, ["01"]):
        with pytest.raises(BuildError, match=r"holds the reports of corpus 'first'.*reads corpus 'second'.*--study NAME"):
            build(Study("mixing", {"corpus_path": str(second)}), only=only, progress=False, notebooks_folder=tiny)
    assert (Study("mixing", {}).out_dir / "manifest.json").read_text() == before  # nothing written
    other = build(Study("mixing-second", {"corpus_path": str(second)}), progress=False, notebooks_folder=tiny)
    assert {r.status for r in other} == {"built"}


def test_only_after_the_corpus_changed_is_refused(tmp_path, tiny):
    corpus = _corpus(tmp_path / "news", "Officials met in Mexico City on Monday.")
    study = Study("changing", {"corpus_path": str(corpus)})
    build(study, progress=False, notebooks_folder=tiny)
    (corpus / "a.txt").write_text("Officials met in Mexico City on Friday instead.")
    with pytest.raises(BuildError, match="the corpus changed since 02_two was built"):
        build(study, only=["01"], progress=False, notebooks_folder=tiny)
    assert {r.status for r in build(study, progress=False, notebooks_folder=tiny)} == {"built"}
    m = json.loads((study.out_dir / "manifest.json").read_text())
    assert m["corpus"] == "news" and len({n["provenance"]["corpus_checksum"] for n in m["notebooks"]}) == 1
    assert not re.search(r"/(tmp|work|home)/", (study.out_dir / "01_one.full.html").read_text())


def test_the_study_page_summarises_corpus_eras_and_warnings(built_hostile, built_default):
    study, _ = built_hostile
    n_articles = _n_articles(study)
    page = (study.out_dir / "index.html").read_text()
    assert f"{n_articles} articles from {n_articles} named outlets" in page and "(corpus: <code>corpus</code>)" in page
    assert "Trump (second term) has no articles" in page and "Biden has a single article" in page
    default, _ = built_default
    page = (default.out_dir / "index.html").read_text()
    assert default.description and default.description in page
