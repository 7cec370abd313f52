"""Keeping committed notebooks clean: the strip that `make strip` and the git filter use."""

from __future__ import annotations

import subprocess
import sys

import nbformat

from borderlines.nbtools import CHECK_COUNT, offending_cells, strip


def executed_notebook():
    nb = nbformat.v4.new_notebook()
    plain = nbformat.v4.new_code_cell("x = 1\nx", execution_count=3,
                                      outputs=[nbformat.v4.new_output("execute_result", {"text/plain": "1"},
                                                                      execution_count=3)])
    plain.metadata["papermill"] = {"duration": 0.1}
    plain.metadata["execution"] = {"iopub.status.busy": "2026-12-01T10:00:00"}
    check = nbformat.v4.new_code_cell("# NBVAL_CHECK_OUTPUT\nprint(2)", execution_count=4,
                                      outputs=[nbformat.v4.new_output("stream", name="stdout", text="2\n")])
    nb.cells = [nbformat.v4.new_markdown_cell("# Title"), plain, check]
    nb.metadata["papermill"] = {"parameters": {}}
    nb.metadata["widgets"] = {"state": {}}
    return nb


def test_strip_keeps_only_the_check_outputs():
    nb = strip(executed_notebook())
    plain, check = nb.cells[1], nb.cells[2]
    assert plain.outputs == [] and plain.execution_count is None
    assert "papermill" not in plain.metadata and "execution" not in plain.metadata
    assert check.outputs[0]["text"] == "2\n" and check.execution_count == CHECK_COUNT
    assert "papermill" not in nb.metadata and "widgets" not in nb.metadata
    assert offending_cells(nb) == []


def test_clean_filter_strips_stdin_to_stdout():
    source = nbformat.writes(executed_notebook())
    proc = subprocess.run([sys.executable, "-m", "borderlines.nbtools", "--stdin"], input=source,
                          capture_output=True, text=True, check=True)
    nb = nbformat.reads(proc.stdout, as_version=4)
    assert offending_cells(nb) == [] and nb.cells[2].outputs
    assert proc.stdout == nbformat.writes(strip(nbformat.reads(source, as_version=4))) + "\n"


def test_git_filter_commits_notebooks_without_outputs(tmp_path):
    # the filter as `make install` defines it and .gitattributes names it, in a scratch repo
    from borderlines.paths import project_root
    attributes = (project_root() / ".gitattributes").read_text()
    assert "notebooks/**/*.ipynb filter=borderlines-strip" in attributes
    assert "filter.borderlines-strip.clean" in (project_root() / "Makefile").read_text()

    def git(*args):
        return subprocess.run(["git", "-C", str(tmp_path), *args], capture_output=True, text=True, check=True).stdout
    git("init", "-q")
    git("config", "filter.borderlines-strip.clean", f"{sys.executable} -m borderlines.nbtools --stdin")
    git("config", "filter.borderlines-strip.smudge", "cat")
    (tmp_path / ".gitattributes").write_text(attributes)
    (tmp_path / "notebooks").mkdir()
    nbformat.write(executed_notebook(), tmp_path / "notebooks" / "01_x.ipynb")
    git("add", ".")
    committed = nbformat.reads(git("show", ":notebooks/01_x.ipynb"), as_version=4)
    assert offending_cells(committed) == [] and committed.cells[1].outputs == []
    assert committed.cells[2].outputs   # the check cell's reference output stays
