"""The project's promises about itself: pinned environment, clean notebooks, layout."""

from __future__ import annotations

import re

import nbformat
import pytest

from borderlines.lockfile import canonical, environment_pins, lock_pins, render_environment
from borderlines.nbtools import is_check_cell, offending_cells
from borderlines.paths import notebooks_dir, project_root

ROOT = project_root()
NOTEBOOKS = sorted(notebooks_dir().rglob("*.ipynb"))


def test_lock_pins_every_package_with_hashes():
    text = (ROOT / "requirements.lock").read_text()
    pins = lock_pins()
    assert len(pins) > 50
    blocks = re.split(r"\n(?=[A-Za-z0-9])", text.split("\n", 1)[1])
    for block in blocks:
        if "==" in block.split("\n")[0]:
            assert "--hash=sha256:" in block, block.split("\n")[0]


def test_environment_yml_names_the_locked_versions():
    python, env = environment_pins()
    assert python == "python=3.11"
    assert env == lock_pins(), "environment.yml disagrees with requirements.lock: run `python -m borderlines.lockfile`"
    assert (ROOT / "environment.yml").read_text() == render_environment(lock_pins())


def test_direct_dependencies_are_locked():
    pins = lock_pins()
    for line in (ROOT / "requirements.in").read_text().splitlines():
        line = line.split("#")[0].strip()
        if line:
            name = canonical(re.split(r"[=<>\[ ]", line)[0])
            assert name in pins, f"{name} from requirements.in is not in the lock"
            if "==" in line:
                assert pins[name] == line.split("==")[1].strip()


def test_layout():
    for name in ("notebooks", "lib/borderlines", "data", "reports", "environment.yml", "pyproject.toml",
                 "tests", "benchmarks", "README.md", "Makefile", ".ci/run", "data/manifest.csv",
                 "data/eras.csv", "data/cleaning_rules.yml", "data/raw/SHA256SUMS"):
        assert (ROOT / name).exists(), name


def test_make_test_and_ci_share_one_system_set_up(tmp_path):
    import os
    import subprocess
    script = ROOT / ".ci" / "install-system-deps"
    # (--no-print-directory: under `make test` itself a nested make would first print its folder)
    make = subprocess.run(["make", "--no-print-directory", "-n", "test"], cwd=ROOT, capture_output=True,
                          text=True).stdout
    assert ".ci/install-system-deps" in make.splitlines()[0]          # before the tests, every time
    assert ".ci/install-system-deps" in (ROOT / ".ci" / "run").read_text()
    assert "apt-get" not in (ROOT / ".ci" / "run").read_text() and "apt-get" not in (ROOT / "Makefile").read_text()
    (tmp_path / "bin").mkdir()
    fake = tmp_path / "bin" / "chromium"
    fake.write_text("#!/bin/sh\n")
    fake.chmod(0o755)
    bare = {"PATH": str(tmp_path), "HOME": str(tmp_path)}              # no chromium, apt-get, make or sudo
    ok = subprocess.run(["/bin/bash", str(script)], env={**bare, "PATH": os.environ["PATH"],
                                                           "BORDERLINES_CHROMIUM": str(fake)},
                        capture_output=True, text=True)
    assert ok.returncode == 0 and ok.stderr == "", ok.stderr
    missing = subprocess.run(["/bin/bash", str(script)], env=bare, capture_output=True, text=True)
    assert missing.returncode == 1
    assert "the tests need chromium" in missing.stderr and "BORDERLINES_CHROMIUM" in missing.stderr
    assert "make test-fast" in missing.stderr


def test_readme_opens_with_the_two_commands():
    lines = [l for l in (ROOT / "README.md").read_text().splitlines() if l.strip().startswith("make ")]
    assert lines[:2] == ["make reports", "make test"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_is_stored_clean(path):
    nb = nbformat.read(path, as_version=4)
    assert offending_cells(nb) == [], f"{path.name} carries outputs: run `make strip`"
    assert nb.metadata.kernelspec.name == "python3"


@pytest.mark.parametrize("path", [p for p in NOTEBOOKS if not p.stem.endswith("solutions")], ids=lambda p: p.name)
def test_notebook_reads_like_a_paper(path):
    nb = nbformat.read(path, as_version=4)
    first = nb.cells[0]
    assert first.cell_type == "markdown" and first.source.startswith("# ")
    tagged = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1, "exactly one cell tagged 'parameters'"
    headings = [c.source for c in nb.cells if c.cell_type == "markdown"]
    assert any(h.startswith("## Findings") for h in headings), "a closing Findings section"
    findings_at = max(i for i, c in enumerate(nb.cells) if c.cell_type == "markdown" and c.source.startswith("## Findings"))
    after = [c for c in nb.cells[findings_at + 1:] if c.cell_type == "code"]
    assert after and "findings(" in after[0].source, "Findings are computed from variables"
    # no numbers typed into the Findings prose
    assert not re.search(r"\d", nb.cells[findings_at].source.replace("## Findings", ""))
    assert any(is_check_cell(c) for c in nb.cells), "key numbers checked with # NBVAL_CHECK_OUTPUT"


# What a notebook reads, and the parameter that must choose it: a study's settings reach
# every notebook that reads the file (a study with its own cleaning rules must not get a
# differently cleaned corpus in one notebook).
READS = {"load_corpus(": ("corpus_path", "eras_path", "cleaning_rules_path"),
         "load_actors(": ("actors_path",), "load_frames(": ("frames_path",)}


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_every_file_a_notebook_reads_is_a_parameter(path):
    nb = nbformat.read(path, as_version=4)
    params = next(c.source for c in nb.cells if "parameters" in c.metadata.get("tags", []))
    declared = set(re.findall(r"^(\w+)\s*=", params, re.MULTILINE))
    code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    for call, names in READS.items():
        if call in code:
            assert set(names) <= declared, f"{path.name} calls {call} but does not take {set(names) - declared}"
    for call in ("load_actors()", "load_frames()", "load_rules()", "load_eras()"):
        assert call not in code, f"{path.name}: {call} ignores the study's parameter"


def test_no_machine_specific_paths_committed():
    import subprocess
    files = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True).stdout.split()
    for name in files:
        p = ROOT / name
        if p.exists() and p.suffix in {".py", ".ipynb", ".yml", ".md", ".toml", ".csv", ".j2", ".json"} or name in ("Makefile", ".ci/run", ".ci/install-system-deps"):
            text = p.read_text(encoding="utf-8", errors="replace")
            assert str(ROOT) not in text and "/" + "root/" not in text, name


def test_excluded_packages_stay_out_of_the_lock():
    from borderlines.lockfile import EXCLUDED, drop_excluded
    assert not set(EXCLUDED) & set(lock_pins())
    text = (ROOT / "requirements.lock").read_text()
    assert drop_excluded(text) == text
    sample = "a==1 \\\n    --hash=sha256:x\n    # via b\nlark==1.3.1 \\\n    --hash=sha256:y\n    # via rfc3987-syntax\nz==2\n"
    assert drop_excluded(sample) == "a==1 \\\n    --hash=sha256:x\n    # via b\nz==2\n"
