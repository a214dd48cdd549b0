# earmark: the two commands that work on a fresh machine are `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: demo test lint typecheck unit data bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@ $(VENV)/.installed

## make demo: set up and run the main job on the bundled data and the embedded default store.
demo: $(VENV)/.installed
	$(BIN)/earmark demo

## make test: set up with the test extras, then lint, type-check and run the test suite.
test: $(VENV)/.installed-test lint typecheck unit

lint:
	$(BIN)/ruff check src tests scripts bench
	$(BIN)/ruff format --check src tests scripts bench

typecheck:
	$(BIN)/mypy

unit:
	$(BIN)/pytest

## make data: rebuild the bundled regulatory data from ../shared/data (reproducible).
data: $(VENV)/.installed-test
	$(BIN)/python scripts/build_regdata.py --shared ../shared/data

bench: $(VENV)/.installed
	$(BIN)/python bench/regdata_load.py

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache
