# Borderlines: `make reports` and `make test` set everything up on a fresh clone.
PYTHON ?= python3.11
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
STUDY  ?= params/default.yml

.PHONY: help install system-deps reports teacher test test-fast lab lock strip checks benchmark clean

help:  ## list the targets
	@grep -E '^[a-z-]+:.*##' $(MAKEFILE_LIST) | sed 's/:.*##/\t/'

$(STAMP): requirements.lock pyproject.toml lib/borderlines/templates/lab/overrides.json
	@command -v $(PYTHON) >/dev/null || { echo "error: $(PYTHON) not found; install Python 3.11 or run make PYTHON=/path/to/python3.11"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	$(BIN)/python -m ipykernel install --sys-prefix --name borderlines --display-name "Borderlines (Python 3.11)" >/dev/null
	@# JupyterLab without the news prompt and update check (no network in class or CI)
	mkdir -p $(VENV)/share/jupyter/lab/settings
	cp lib/borderlines/templates/lab/overrides.json $(VENV)/share/jupyter/lab/settings/overrides.json
	touch $(STAMP)

# Notebooks reach git stripped of outputs (the check cells' reference outputs kept):
# .gitattributes names the filter, this defines it for this clone.
FILTER := $(VENV)/.git-filter
$(FILTER): $(STAMP) Makefile
	@if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then \
	  git config filter.borderlines-strip.clean "$(abspath $(BIN))/python -m borderlines.nbtools --stdin" && \
	  git config filter.borderlines-strip.smudge cat; fi
	@touch $(FILTER)

install: $(STAMP) $(FILTER)  ## create .venv from the pinned lock (and the git filter that strips notebooks)

reports: $(STAMP) $(FILTER)  ## regenerate every report into reports/
	$(BIN)/borderlines build --params $(STUDY)

teacher: $(STAMP) $(FILTER)  ## build the worked solutions for teachers into reports/<study>/teacher/ (not linked from the reports)
	$(BIN)/borderlines build --teacher --params $(STUDY)

system-deps:  ## install the system packages the tests need (Chromium, from apt) if missing
	.ci/install-system-deps

test: system-deps $(STAMP) $(FILTER)  ## run every test (unit, notebooks, browser); installs Chromium if missing
	$(BIN)/python -m pytest

test-fast: $(STAMP) $(FILTER)  ## unit tests only (no notebooks, builds or browser)
	$(BIN)/python -m pytest tests -m "not browser and not slow"

lab: $(STAMP) $(FILTER)  ## JupyterLab on the notebooks with the project's kernel
	$(BIN)/jupyter lab --notebook-dir=notebooks $(if $(filter 0,$(shell id -u)),--allow-root)

strip: $(STAMP)  ## remove outputs from the notebooks (keeps the nbval reference outputs)
	$(BIN)/python -m borderlines.nbtools notebooks/*.ipynb

checks: $(STAMP)  ## re-execute the notebooks and store the nbval reference outputs
	$(BIN)/python -m borderlines.nbtools --refresh-checks notebooks/*.ipynb

benchmark: $(STAMP)  ## print the speed and memory figures
	$(BIN)/python benchmarks/run_all.py

lock:  ## re-resolve requirements.in into requirements.lock and environment.yml (needs the network)
	$(BIN)/python -m pip install --quiet pip-tools
	$(BIN)/pip-compile --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url \
	  --no-emit-find-links -o requirements.lock requirements.in
	$(BIN)/python -m borderlines.lockfile

clean:  ## remove the environment and generated reports
	rm -rf $(VENV) reports/*/
