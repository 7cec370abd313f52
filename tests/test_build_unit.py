"""Study files, parameters and fingerprints: everything checked before anything runs."""

from __future__ import annotations

from pathlib import Path

import pytest

from borderlines import build as b
from borderlines import parameters
from borderlines.paths import project_root


def _nb(stem, **declared):
    return b.NotebookSpec(path=Path(f"{stem}.ipynb"), stem=stem, title=stem,
                          declared={k: repr(v) for k, v in declared.items()})


NOTEBOOKS = [_nb("01_a", corpus_path=None, seed=1, output_dir=None),
             _nb("02_b", corpus_path=None, kinds=["direct"], min_count=2, share=0.5, flag=True)]


def test_parse_override_types():
    assert b.parse_override("seed=7") == ("seed", 7)
    assert b.parse_override("corpus_path=null") == ("corpus_path", None)
    assert b.parse_override("kinds=[direct, partial]") == ("kinds", ["direct", "partial"])
    assert b.parse_override("name=Trump: first") == ("name", "Trump: first")
    with pytest.raises(b.BuildError, match="name=value"):
        b.parse_override("seed")


def test_check_parameters_routes_each_parameter_to_the_notebooks_that_take_it():
    study = b.Study("s", {"seed": 3, "kinds": ["direct"], "corpus_path": "x.csv"})
    per_nb = b.check_parameters(study, NOTEBOOKS)
    assert per_nb == {"01_a": {"seed": 3, "corpus_path": "x.csv"},
                      "02_b": {"kinds": ["direct"], "corpus_path": "x.csv"}}


@pytest.mark.parametrize("params, message", [
    ({"sede": 3}, "unknown parameter 'sede'"),
    ({"seed": "three"}, "parameter 'seed' must be int"),
    ({"share": "half"}, "parameter 'share' must be float"),
    ({"flag": 1}, "parameter 'flag' must be bool"),
    ({"kinds": "direct"}, "parameter 'kinds' must be a list of text"),
    ({"output_dir": "/tmp/x"}, "set by the build itself"),
])
def test_bad_parameters_are_errors_before_anything_runs(params, message):
    with pytest.raises(b.BuildError, match=message):
        b.check_parameters(b.Study("s", params, source="params/x.yml"), NOTEBOOKS)


def test_every_bad_parameter_is_listed():
    with pytest.raises(b.BuildError) as info:
        b.check_parameters(b.Study("s", {"a": 1, "seed": "x"}), NOTEBOOKS)
    assert "unknown parameter 'a'" in str(info.value) and "'seed' must be int" in str(info.value)


def test_load_study_and_overrides(tmp_path):
    path = tmp_path / "my.yml"
    path.write_text("study: my-study\nparameters:\n  seed: 4\n  corpus_path: data/x\n")
    study = b.load_study(path, ["seed=5"])
    assert study.name == "my-study" and study.parameters == {"seed": 5, "corpus_path": "data/x"}
    assert study.out_dir.name == "my-study"


def test_errors_name_where_a_parameter_was_set(tmp_path):
    path = tmp_path / "my.yml"
    path.write_text("study: s\nparameters:\n  sede: 4\n")
    with pytest.raises(b.BuildError) as info:
        b.check_parameters(b.load_study(path, ["seed=x"]), NOTEBOOKS)
    assert f"unknown parameter 'sede' (from {path.name})" in str(info.value)  # outside the project: its name
    assert "got str 'x' (from -p seed=...)" in str(info.value)


def test_a_study_file_in_the_project_is_shown_relative_to_it():
    from borderlines.paths import project_root
    assert b.load_study(project_root() / "params" / "default.yml").source == "params/default.yml"


def test_only_checks_the_study_against_every_notebook(monkeypatch):
    # notebook 00 takes no seed, yet a study that sets one builds --only 00: the check
    # runs on every notebook before --only selects (it fails here at the corpus check,
    # after the parameters passed)
    def stop(study):
        raise b.BuildError("corpus checked")
    monkeypatch.setattr(b, "_check_inputs", lambda study, notebooks: stop(study))
    with pytest.raises(b.BuildError, match="corpus checked"):
        b.build(b.Study("s", {"seed": 3}), only=["00"], progress=False)
    with pytest.raises(b.BuildError, match="unknown parameter 'sede'"):
        b.build(b.Study("s", {"sede": 3}), only=["00"], progress=False)
    with pytest.raises(b.BuildError, match="no notebook matches 99"):
        b.build(b.Study("s", {}), only=["99"], progress=False)


@pytest.mark.parametrize("body, message", [
    ("study: ok\nparams:\n  seed: 1\n", "unknown top-level key"),
    ("study: ../escape\n", "study name"),
    ("study: index.html\n", "study name 'index.html' may use only"),
    ("study: .hidden\n", "study name"),
    (f"study: {'x' * 65}\n", "at most 64"),
    ("- a list\n", "holds 'study"),
    ("study: [\n", "not valid YAML"),
])
def test_bad_study_files(tmp_path, body, message):
    path = tmp_path / "bad.yml"
    path.write_text(body)
    with pytest.raises(b.BuildError, match=message):
        b.load_study(path)


def test_paths_are_relative_to_the_project_root():
    resolved = parameters.resolve_paths({"corpus_path": "data/raw", "seed": 1, "eras_path": None})
    assert resolved == {"corpus_path": str(project_root() / "data/raw"), "seed": 1, "eras_path": None}


def test_fingerprint_changes_with_source_params_and_inputs(tmp_path):
    nbp = tmp_path / "01_x.ipynb"
    nbp.write_text("{}")
    nb = b.NotebookSpec(nbp, "01_x", "x", {})
    cache = b._HashCache()
    base = b.notebook_fingerprint(nb, {"seed": 1}, {"data": "a"}, cache)
    assert base == b.notebook_fingerprint(nb, {"seed": 1}, {"data": "a"}, cache)
    assert base != b.notebook_fingerprint(nb, {"seed": 2}, {"data": "a"}, cache)
    assert base != b.notebook_fingerprint(nb, {"seed": 1}, {"data": "b"}, cache)
    nbp.write_text('{"changed": 1}')
    assert base != b.notebook_fingerprint(nb, {"seed": 1}, {"data": "a"}, b._HashCache())  # the next build


@pytest.mark.parametrize("name", ["a.txt", ".hidden.txt", "sub/.b.txt"])
def test_a_change_that_keeps_size_and_time_is_noticed(tmp_path, name):
    import os
    corpus = tmp_path / "corpus"
    path = corpus / name
    path.parent.mkdir(parents=True)
    path.write_text("Arrests rose 5 percent.")
    (corpus / "manifest.csv").write_text(f"id,file,date\na,{name},2019-01-01\n")
    study = b.Study("s", {"corpus_path": str(corpus)})
    before = b.corpus_checksum(study, b._HashCache())
    stat = path.stat()
    path.write_text("Arrests fell 5 percent.")                       # same size
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))           # time restored, as cp -p does
    assert (path.stat().st_size, path.stat().st_mtime_ns) == (stat.st_size, stat.st_mtime_ns)
    assert b.corpus_checksum(study, b._HashCache()) != before


def test_discovered_notebooks_declare_parameters():
    specs = b.discover_notebooks()
    assert specs and all(s.stem[:2].isdigit() for s in specs)
    assert all("output_dir" in s.declared for s in specs if s.stem != "00_start_here")


DECLARED = {"era_a": "trump_1", "era_b": "biden", "kinds": ["direct"], "top_n_speakers": 10,
            "ngram_min": 1, "ngram_max": 2}


@pytest.mark.parametrize("params, name, message", [
    ({"era_a": "obama"}, "era_a", "era 'obama' is not in the eras table (its eras: trump_1, biden, trump_2)"),
    ({"kinds": ["direct", "bogus"]}, "kinds", "'bogus': choose from direct, partial, embedded, indirect"),
    ({"kinds": []}, "kinds", "an empty list"),
    ({"top_n_speakers": -3}, "top_n_speakers", "must be at least 1, got -3"),
    ({"ngram_max": 7}, "ngram_max", "got ngram_min=1, ngram_max=7"),
    ({"ngram_min": 3}, "ngram_min", "got ngram_min=3, ngram_max=2"),
    ({"duplicates": "drop"}, "duplicates", "'drop': choose from cluster, collapse, keep"),
])
def test_unusable_values_are_errors_before_anything_runs(params, name, message):
    problems = parameters.value_problems(params, DECLARED)
    assert [n for n, _ in problems] == [name] and message in problems[0][1]


def test_files_named_by_parameters_must_exist_and_load(tmp_path):
    assert parameters.missing_files({"actors_path": str(tmp_path / "none.csv"), "corpus_path": None}) == [
        ("actors_path", f"{tmp_path / 'none.csv'} does not exist")]
    actors = tmp_path / "actors.csv"
    actors.write_text("name,aliases\nA,\n")
    frames = tmp_path / "frames.yml"
    frames.write_text("frames: [\n")
    eras = tmp_path / "eras.csv"
    eras.write_text("era,label,start,end\nearly,Early,2018-01-01,2019-12-31\n")
    problems = dict(parameters.value_problems({"actors_path": str(actors), "frames_path": str(frames),
                                      "eras_path": str(eras)}, DECLARED))
    assert "required column is missing" in problems["actors_path"]
    assert "not valid YAML" in problems["frames_path"]
    # the eras file loads, but lacks the eras compared
    assert "era 'trump_1' is not in the eras table (its eras: early)" in problems["era_a"]
    assert parameters.value_problems({"eras_path": str(eras), "era_a": "early", "era_b": "early"}, DECLARED) == []


def test_good_values_pass():
    assert parameters.value_problems({"era_a": "biden", "era_b": "trump_2", "kinds": ["indirect"],
                             "ngram_min": 2, "ngram_max": 3, "top_n_speakers": 1, "duplicates": "collapse"},
                            DECLARED) == []


def test_index_reuses_the_corpus_overview_of_the_same_inputs(tmp_path, monkeypatch):
    from borderlines import index
    calls = []
    monkeypatch.setattr(index, "corpus_overview", lambda study: calls.append(1) or
                        {"n_articles": 2, "n_outlets": 1, "first": "2019-01-01", "last": "2019-02-01", "eras": []})
    study = b.Study("s", {"corpus_path": "x.csv"}, out_dir=tmp_path)
    manifest = {"study": "s", "study_file": "t", "built_at": "now", "seconds": 1, "notebooks": [], "only": [],
                "corpus_checksum": "abc", "inputs": {"package": "1"}, "inputs_key": "k1", "git_commit": "c",
                "git_dirty": False,
                "python": "3.11", "packages": {}, "parameters": {}}
    index.write_study_index(study, manifest)
    index.write_study_index(study, manifest)
    assert len(calls) == 1 and "2 articles" in (tmp_path / "index.html").read_text()
    index.write_study_index(study, {**manifest, "inputs_key": "k2"})   # another corpus, code or data
    assert len(calls) == 2


def test_a_notebook_runs_in_its_folder_without_moving_the_building_process(tmp_path, monkeypatch):
    # notebooks run in threads: a build that changed the process's folder (as Papermill's
    # ``cwd`` does) could leave another thread, or the caller, in the wrong folder
    import os

    import nbformat

    folder = tmp_path / "nbs"
    folder.mkdir()
    nb = nbformat.v4.new_notebook()
    params = nbformat.v4.new_code_cell("x = 1")
    params.metadata["tags"] = ["parameters"]
    nb.cells = [params, nbformat.v4.new_code_cell("import os\nprint(sorted(os.listdir()))")]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    path = folder / "01_where.ipynb"
    nbformat.write(nb, path)
    before = os.getcwd()

    chdir = os.chdir

    def refuse(path):  # Papermill's file handler "changes" to the current folder: harmless
        if Path(path).resolve() != Path(before).resolve():
            raise AssertionError(f"the build changed the process's folder to {path}")
        chdir(path)
    monkeypatch.setattr(os, "chdir", refuse)
    spec = b.NotebookSpec(path=path, stem=path.stem, title="Where", declared={"x": "1"})
    study = b.Study(name="t", parameters={}, out_dir=tmp_path / "out")
    out_nb, _ = b._execute(spec, {"x": 2}, study, 0, show_cells=False)
    cell = next(c for c in nbformat.read(out_nb, as_version=4).cells if "listdir" in c.source)
    printed = cell.outputs[0]["text"].strip()
    assert printed == "['01_where.ipynb']"   # the kernel worked in the notebook's folder
    assert os.getcwd() == before


def test_a_kernels_peak_memory_is_measured(tmp_path):
    import nbformat

    nb = nbformat.v4.new_notebook()
    params = nbformat.v4.new_code_cell("x = 1")
    params.metadata["tags"] = ["parameters"]
    nb.cells = [params, nbformat.v4.new_code_cell("block = bytearray(96 * 2**20)\nblock[::4096] = b'x' * len(block[::4096])")]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    path = tmp_path / "01_memory.ipynb"
    nbformat.write(nb, path)
    spec = b.NotebookSpec(path=path, stem=path.stem, title="Memory", declared={"x": "1"})
    peak: dict = {}
    b._execute(spec, {"x": 2}, b.Study(name="t", parameters={}, out_dir=tmp_path / "out"), 0,
               show_cells=False, peak=peak)
    assert peak["mib"] >= 96, peak   # the kernel's own peak, not the build process's


def test_peak_memory_of_a_process_that_is_gone_is_unknown():
    import os
    assert b.peak_memory_mib(os.getpid()) > 0
    assert b.peak_memory_mib(None) is None and b.peak_memory_mib(2**22 + 12345) is None


def test_kernels_start_only_while_their_expected_peaks_fit_in_the_budget():
    import threading

    budget = b.MemoryBudget(1000)
    first_in, second_in, release = threading.Event(), threading.Event(), threading.Event()

    def run(mib, entered):
        with budget.reserve(mib):
            entered.set()
            release.wait(10)

    one = threading.Thread(target=run, args=(700, first_in))
    two = threading.Thread(target=run, args=(400, second_in))
    one.start()
    assert first_in.wait(10)
    two.start()
    assert not second_in.wait(0.2)    # 700 + 400 > 1000: the second waits for the first
    release.set()
    assert second_in.wait(10)
    one.join(10), two.join(10)
    assert budget.used == 0 and budget.running == 0
    # one kernel always starts when none runs, however large; no budget: no waiting
    with b.MemoryBudget(100).reserve(5000):
        pass
    with b.MemoryBudget(None).reserve(5000), b.MemoryBudget(None).reserve(5000):
        pass


@pytest.mark.parametrize("entry, limit, jobs, expected", [
    ({"peak_mib": 812.5}, 2048, 3, 812.5),   # the last build's peak
    ({}, 2048, 4, 512.0),                     # never measured: an equal share
    (None, None, 3, 0.0),                      # no budget: nothing to wait for
])
def test_a_notebooks_expected_peak_comes_from_its_last_build(entry, limit, jobs, expected):
    assert b.expected_peak_mib(entry, limit, jobs) == expected


@pytest.mark.parametrize("text, mib", [("2GiB", 2048.0), ("1500", 1500.0), ("1500MiB", 1500.0),
                                       ("none", 0.0), ("0.5 GiB", 512.0)])
def test_the_memory_option_reads_sizes(text, mib):
    from borderlines.cli import _mebibytes
    assert _mebibytes(text) == mib


@pytest.mark.parametrize("text", ["lots", "-1GiB", "0", "2TB"])
def test_a_bad_memory_option_says_how_to_write_it(text):
    import argparse

    from borderlines.cli import _mebibytes
    with pytest.raises(argparse.ArgumentTypeError, match="2GiB|more than 0"):
        _mebibytes(text)
