# Self-documenting Makefile: `make` or `make help` lists the targets.
# Only Python 3.11 and make are needed: `make setup` builds .venv with the pinned versions.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
NOTEBOOKS := $(sort $(wildcard notebooks/[0-9][0-9]-*.ipynb))
CORPUS ?= seeds
REPORT ?= reports
DATA ?= ../shared/data

# Reproducible runs: fixed hash seed and time zone; the venv's jupyter and kernel first.
export PYTHONHASHSEED := 0
export TZ := UTC
export PATH := $(abspath $(BIN)):$(PATH)
export JUPYTER_PREFER_ENV_PATH := 1
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.DEFAULT_GOAL := help
.PHONY: help setup lab test unit nbval regen report evaluate bench clean

help: ## list the targets
	@grep -E '^[a-z]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-8s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[notebooks,test,dev,scale]"
	touch $@

setup: $(STAMP) ## create .venv and install the package with the pinned versions of constraints.txt

lab: setup ## open JupyterLab on the notebooks
	$(BIN)/jupyter lab notebooks

unit: setup ## run the unit tests
	$(BIN)/python -m pytest tests

nbval: setup ## re-execute the notebooks and compare every stored output (strict nbval)
	$(BIN)/python -m pytest --nbval --nbval-current-env notebooks

test: unit nbval ## set up, then run unit tests and strict nbval: the CI command

# The kernel's language_info stays in the notebooks: JupyterLab writes it when a notebook's kernel
# starts and marks the notebook modified if it was not there already.
regen: setup ## re-execute the notebooks in place and strip volatile metadata (commit the result)
	$(BIN)/jupyter execute --inplace $(NOTEBOOKS)
	$(BIN)/nbstripout --keep-output --keep-count $(NOTEBOOKS)

report: setup ## run every notebook on CORPUS (default seeds/), write REPORT/index.html (ARGS: more options)
	$(BIN)/python -m research report $(CORPUS) --out $(REPORT) $(ARGS)

evaluate: setup ## print the evaluation tables on the development corpora in DATA (default ../shared/data)
	@for script in $(sort $(wildcard benchmarks/evaluate_*.py)); do echo "== $$script"; $(BIN)/python $$script $(DATA) || exit 1; done

bench: setup ## run the similarity-join benchmark (prints one table per size; about 15 minutes on 2 cores)
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[bench]"
	$(BIN)/python benchmarks/similarity_join.py --sizes 10000 100000 1000000 \
		--skip "datasketch@1000000"

clean: ## remove the virtual environment, caches and reports
	rm -rf $(VENV) $(REPORT) .pytest_cache .hypothesis
