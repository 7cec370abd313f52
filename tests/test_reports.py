"""Building the reports: outputs, incremental rebuilds, reproducibility, failures."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import nbformat
import pytest

from borderlines.build import Study, build, discover_notebooks
from waiting import wait_until

pytestmark = pytest.mark.slow


def test_every_notebook_built_with_both_flavours(built_default):
    study, results = built_default
    assert [r.status for r in results] == ["built"] * len(results), [r.error for r in results]
    out = study.out_dir
    for r in results:
        assert (out / f"{r.stem}.html").exists() and (out / f"{r.stem}.full.html").exists()
        assert (out / "executed" / f"{r.stem}.ipynb").exists()
    assert {r.stem for r in results} == {nb.stem for nb in discover_notebooks()}
    index = (out / "index.html").read_text()
    assert all(f'href="{r.stem}.html"' in index and f'href="{r.stem}.full.html"' in index for r in results)
    top = (out.parent / "index.html").read_text()
    assert 'href="default/index.html"' in top and "Trump (first term): 4" in top


def test_clean_report_has_no_code_and_full_has_code(built_default):
    study, _ = built_default
    clean = (study.out_dir / "01_corpus_overview.html").read_text()
    full = (study.out_dir / "01_corpus_overview.full.html").read_text()
    assert "hl-ipython3" not in clean and "hl-ipython3" in full
    assert "load_study_tables" not in clean and "load_study_tables" in full
    for page in (clean, full):
        # the Vega bundle is the study's one shared script file, not inline in every page
        assert 'data-borderlines="vega-bundle"' not in page
        vega = re.findall(r'<script (?=[^>]*data-borderlines="shared-script")[^>]*?src="(assets/vega-[0-9a-f]+\.js)"',
                          page)
        assert len(vega) == 1 and (study.out_dir / vega[0]).is_file()
        assert "cdn.jsdelivr" not in page and "require.min.js" not in page
        assert 'id="reproducibility"' in page and "corpus checksum" in page


def test_manifest_has_provenance(built_default):
    study, results = built_default
    m = json.loads((study.out_dir / "manifest.json").read_text())
    for key in ("corpus_checksum", "git_commit", "git_dirty", "python", "packages", "parameters", "built_at"):
        assert key in m
    assert m["packages"]["pandas"] and len(m["corpus_checksum"]) == 64
    assert [n["stem"] for n in m["notebooks"]] == [r.stem for r in results]


def test_data_tables_written_as_csv_and_parquet(built_default):
    study, _ = built_default
    data = study.out_dir / "data"
    for name in ("corpus", "article_stats", "era_stats", "cleaning_log"):
        assert (data / f"{name}.csv").exists() and (data / f"{name}.parquet").exists()


def test_the_notebooks_saved_tables_agree_and_come_from_one_extraction(built_default):
    """Words per article and per era are the same number in 01, 02, 03 and 04, and the
    study's tables were extracted once, by the build, into the study folder."""
    import pandas as pd
    study, _ = built_default
    data = study.out_dir / "data"

    def words(name):
        table = pd.read_csv(data / f"{name}.csv", dtype={"doc_id": str})
        return table.drop_duplicates("doc_id").set_index("doc_id")["n_words"].sort_index()

    per_article = [words(n) for n in ("article_stats", "quote_counts", "figures_per_article")]
    assert all(w.to_dict() == per_article[0].to_dict() for w in per_article[1:])
    eras = pd.read_csv(data / "article_stats.csv", dtype={"doc_id": str}).set_index("doc_id")["era"]
    sizes = pd.read_csv(data / "era_sizes.csv").set_index("era")["n_words"]
    assert sizes.to_dict() == per_article[0].groupby(eras).sum().reindex(sizes.index).to_dict()
    index = json.loads((study.out_dir / "tables" / "index.json").read_text())
    assert len(index["articles"]) == 5 and (study.out_dir / "tables" / index["snapshot"]).is_dir()


def test_noop_rebuild_reuses_everything_and_force_is_byte_identical(built_default):
    study, _ = built_default
    data = study.out_dir / "data"
    before = {p.name: p.read_bytes() for p in sorted(data.iterdir())}
    again = build(study, progress=False)
    assert {r.status for r in again} == {"reused"}
    forced = build(study, force=True, progress=False)
    assert {r.status for r in forced} == {"built"}
    after = {p.name: p.read_bytes() for p in sorted(data.iterdir())}
    assert before.keys() == after.keys()
    assert [n for n in before if before[n] != after[n]] == []


def test_changed_parameter_rebuilds_only_affected_notebooks(built_default, tmp_path):
    study, _ = built_default
    changed = Study(study.name, {**study.parameters, "duplicates": "keep"}, source="test")
    results = {r.stem: r.status for r in build(changed, progress=False)}
    assert results["01_corpus_overview"] == "built"
    takes = {nb.stem for nb in discover_notebooks() if "duplicates" in nb.declared}
    assert {s for s, st in results.items() if st == "built"} == takes
    build(study, progress=False)  # restore for the other tests


def test_only_keeps_each_notebooks_own_provenance(built_default):
    study, _ = built_default
    before = {n["stem"]: n for n in json.loads((study.out_dir / "manifest.json").read_text())["notebooks"]}
    changed = Study(study.name, {**study.parameters, "seed": 8}, source="test")
    build(changed, only=["01"], progress=False)
    m = json.loads((study.out_dir / "manifest.json").read_text())
    after = {n["stem"]: n for n in m["notebooks"]}
    assert [n["stem"] for n in m["notebooks"]] == sorted(after) and m["only"] == ["01"]
    assert after["01_corpus_overview"]["provenance"]["parameters"]["seed"] == 8
    assert after["01_corpus_overview"]["provenance"]["built_at"] == m["built_at"]
    for stem in set(after) - {"01_corpus_overview"}:   # not rebuilt: as they were, seed and all
        assert after[stem] == before[stem]
        assert after[stem]["provenance"]["parameters"].get("seed") in (None, study.parameters.get("seed"))
    index = (study.out_dir / "index.html").read_text()
    assert "(only 01;" in index and after["02_quotes_and_voices"]["provenance"]["built_at"] in index
    build(study, progress=False)  # restore for the other tests


FAILING = """{"cells": [
 {"cell_type": "markdown", "metadata": {}, "source": ["# Broken on purpose"]},
 {"cell_type": "code", "metadata": {"tags": ["parameters"]}, "execution_count": null, "outputs": [], "source": ["output_dir = None"]},
 {"cell_type": "code", "metadata": {}, "execution_count": null, "outputs": [], "source": ["x = 1"]},
 {"cell_type": "code", "metadata": {}, "execution_count": null, "outputs": [], "source": ["raise ValueError('deliberate failure in cell 3')"]}
], "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
 "nbformat": 4, "nbformat_minor": 5}"""


def test_failing_notebook_is_isolated_and_named(tmp_path, reports_root):
    from borderlines.paths import notebooks_dir
    folder = tmp_path / "nbs"
    folder.mkdir()
    (folder / "01_corpus_overview.ipynb").write_bytes((notebooks_dir() / "01_corpus_overview.ipynb").read_bytes())
    (folder / "02_broken.ipynb").write_text(FAILING)
    (tmp_path / "study.yml").write_text("study: isolation\nparameters:\n  seed: 1\n")
    proc = subprocess.run([sys.executable, "-m", "borderlines.cli", "build", "--params", str(tmp_path / "study.yml"),
                           "--notebooks", str(folder), "--no-progress"], capture_output=True, text=True)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "FAILED: 02_broken" in proc.stderr and "deliberate failure in cell 3" in proc.stderr
    out = reports_root / "isolation"
    assert (out / "01_corpus_overview.html").exists()
    failed = nbformat.read(out / "executed" / "02_broken.failed.ipynb", as_version=4)
    assert failed.cells[-1].outputs[0]["ename"] == "ValueError"  # the error stays where it happened
    assert (out / "02_broken.failed.html").exists()
    index = (out / "index.html").read_text()
    assert 'data-notebook="02_broken"' in index and "failed" in index and "deliberate failure" in index
    assert not (out / ".partial").exists()


def test_unknown_parameter_stops_the_build_before_running(reports_root):
    proc = subprocess.run([sys.executable, "-m", "borderlines.cli", "build", "-p", "sede=3", "--no-progress"],
                          capture_output=True, text=True)
    assert proc.returncode == 2 and "unknown parameter 'sede'" in proc.stderr
    assert "nothing was run" in proc.stderr


def test_validate_command_lists_every_problem(tmp_path):
    d = tmp_path / "c"
    d.mkdir()
    (d / "manifest.csv").write_text("id,file,date\na,a.txt,2019-01-01\na,b.txt,bad\n")
    (d / "a.txt").write_bytes(b"\xff\xfe bad")
    proc = subprocess.run([sys.executable, "-m", "borderlines.cli", "validate", str(d)], capture_output=True, text=True)
    assert proc.returncode == 1
    for text in ("duplicate id 'a'", "'bad' is not a date", "not UTF-8", "b.txt"):
        assert text in proc.stdout
    ok = subprocess.run([sys.executable, "-m", "borderlines.cli", "validate"], capture_output=True, text=True)
    assert ok.returncode == 0 and "0 error(s)" in ok.stdout


def test_help_is_followable():
    proc = subprocess.run([sys.executable, "-m", "borderlines.cli", "build", "--help"], capture_output=True, text=True)
    assert proc.returncode == 0 and "--params" in proc.stdout and "examples:" in proc.stdout


def _kernels(pid: int) -> list:
    """The Jupyter kernels (ipykernel processes) among the descendants of process ``pid``."""
    import psutil

    def is_kernel(p) -> bool:
        try:
            return any("ipykernel" in part for part in p.cmdline())
        except psutil.Error:     # it ended meanwhile
            return False
    try:
        return [p for p in psutil.Process(pid).children(recursive=True) if is_kernel(p)]
    except psutil.NoSuchProcess:
        return []


def test_ctrl_c_mid_build_leaves_previous_reports_untouched(built_default, reports_root):
    import os
    import signal

    import psutil

    study, _ = built_default
    out = study.out_dir
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file() and ".hashes" not in p.name}
    # Ctrl-C in a terminal reaches a build whose SIGINT is the default; a test runner started
    # in the background (``cmd &`` in a script, some CI and cron set-ups) would pass its
    # ignored SIGINT on, and Python keeps an ignored SIGINT ignored
    proc = subprocess.Popen([sys.executable, "-m", "borderlines.cli", "build", "--force", "--no-progress"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        # the build has started its notebooks' kernels: Ctrl-C now stops running notebooks
        kernels = wait_until(lambda: (out / ".partial").exists() and _kernels(proc.pid), 120,
                             "the build to start a notebook's kernel")
    except TimeoutError:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        raise
    os.killpg(proc.pid, signal.SIGINT)  # what Ctrl-C in a terminal does
    stdout, stderr = proc.communicate(timeout=120)
    assert proc.returncode == 130, stdout + stderr
    assert "previous reports are unchanged" in stderr
    gone, alive = psutil.wait_procs(kernels, timeout=10)     # and its kernels stopped with it
    assert alive == [], [p.cmdline() for p in alive]
    after = {p: p.read_bytes() for p in out.rglob("*") if p.is_file() and ".hashes" not in p.name}
    assert after.keys() == before.keys(), set(after) ^ set(before)
    assert [p.name for p in before if before[p] != after[p]] == []
    assert not (out / ".partial").exists()


def test_two_studies_never_overwrite_each_other(reports_root):
    one = Study("study-one", {"eras_path": "data/eras.csv"}, source="test")
    two = Study("study-two", {}, source="test")
    build(one, only=["00"], progress=False)
    first = (one.out_dir / "00_start_here.html").read_bytes()
    build(two, only=["00"], progress=False)
    assert (one.out_dir / "00_start_here.html").read_bytes() == first
    assert (two.out_dir / "00_start_here.html").exists() and one.out_dir != two.out_dir
    top = (reports_root / "index.html").read_text()
    assert 'href="study-one/index.html"' in top and 'href="study-two/index.html"' in top
