"""The parameters are declared once (borderlines.parameters): every notebook's parameters
cell, every study file and ``borderlines params`` agree with the schema."""

from __future__ import annotations

import ast
import subprocess
import sys

import nbformat
import pytest
import yaml

from borderlines import build, parameters
from borderlines.paths import notebooks_dir, project_root

NOTEBOOKS = sorted(notebooks_dir().glob(build.NOTEBOOK_GLOB))


def _declared(path) -> dict:
    """``{name: default}`` of a notebook's ``parameters`` cell, read as Python literals."""
    nb = nbformat.read(path, as_version=4)
    cell = next(c for c in nb.cells if "parameters" in c.metadata.get("tags", []))
    return {node.targets[0].id: ast.literal_eval(node.value) for node in ast.parse(cell.source).body}


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_every_notebooks_parameters_cell_agrees_with_the_schema(path):
    declared = _declared(path)
    assert set(declared) - parameters.RESERVED == {p.name for p in parameters.for_notebook(path.stem)}
    for name, default in declared.items():
        if name not in parameters.RESERVED:
            assert default == parameters.PARAMETERS[name].default, name
            assert parameters.type_problem(name, default) == "", name
    # the tables' cache key: every notebook asks for the same tables
    assert set(parameters.TABLE_INPUTS) <= set(declared)


@pytest.mark.parametrize("path", sorted((project_root() / "params").glob("*.yml")), ids=lambda p: p.name)
def test_every_study_file_sets_parameters_of_the_schema_with_their_types(path):
    values = (yaml.safe_load(path.read_text()) or {}).get("parameters") or {}
    for name, value in values.items():
        assert name in parameters.PARAMETERS, f"{path.name}: {name}"
        assert parameters.type_problem(name, value) == "", f"{path.name}: {name}"


@pytest.mark.parametrize("name, value, message", [
    ("seed", "7", "must be int"),
    ("seed", True, "must be int"),
    ("level", "high", "must be float"),
    ("kinds", "direct", "must be a list of text"),
    ("kinds", [1, 2], "must be a list of text"),
    ("corpus_path", 3, "must be a path"),
])
def test_wrong_types_are_named(name, value, message):
    assert message in parameters.type_problem(name, value)


@pytest.mark.parametrize("name, value", [("seed", 7), ("level", 1), ("kinds", ["direct"]), ("corpus_path", None),
                                         ("not_in_the_schema", object())])
def test_right_types_pass(name, value):
    assert parameters.type_problem(name, value) == ""


def test_borderlines_params_prints_the_schema():
    out = subprocess.run([sys.executable, "-m", "borderlines.cli", "params"], capture_output=True, text=True,
                         check=True).stdout
    for p in parameters.PARAMETERS.values():
        assert f"{p.name} ({p.kind}) = {p.default!r}" in out and p.help in out


def test_the_index_does_not_import_the_build():
    """build writes the index pages; index imports nothing of build (no import cycle)."""
    from borderlines import index
    tree = ast.parse(open(index.__file__, encoding="utf-8").read())
    imported = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module}
    assert not imported & {"build", "borderlines.build"}


def test_the_notebooks_defaults_are_read_as_python_and_eras_are_checked_with_them():
    declared = build.declared_defaults(build.discover_notebooks())
    assert declared["eras_path"] is None and declared["kinds"] == ["direct", "partial", "embedded"]
    problems = dict(parameters.value_problems({"era_a": "obama"}, declared))
    assert "era 'obama' is not in the eras table" in problems["era_a"]


def test_an_old_study_file_with_n_resamples_still_validates_and_the_notebooks_do_not_get_it(tmp_path):
    old = tmp_path / "old.yml"
    old.write_text(yaml.safe_dump({"study": "old", "parameters": {"n_resamples": 2000, "seed": 7}}))
    study = build.load_study(old)
    notebooks = build.discover_notebooks()
    assert not any("n_resamples" in nb.declared for nb in notebooks)
    with pytest.warns(parameters.DeprecatedParameter, match="'n_resamples' .*old.yml.* is ignored"):
        per_notebook = build.check_parameters(study, notebooks)
    assert all("n_resamples" not in p for p in per_notebook.values())
    assert per_notebook["01_corpus_overview"]["seed"] == 7
    assert parameters.value_problems(build.resolve_paths(study.parameters)) == []
    assert "n_resamples" not in parameters.listing()
