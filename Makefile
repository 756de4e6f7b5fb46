# Two commands for a fresh machine (see README.md):
#   make run    install into .venv and serve on http://127.0.0.1:$(PORT) with the embedded default
#   make test   install the test dependencies, start Redis and PostgreSQL if needed, run every check

PYTHON ?= python3
VENV ?= .venv
PORT ?= 8000
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip

.PHONY: run test lint pytest bench install install-test services clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(PIP) install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(PIP) install --quiet -e '.[test,bench]'
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

run: install
	$(BIN)/moderation setup --demo-site demo
	PORT=$(PORT) $(BIN)/moderation serve --port $(PORT)

services:
	scripts/ensure-services

lint: install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

pytest: install-test services
	$(BIN)/python -m pytest $(PYTEST_ARGS)

test: lint pytest

bench: install-test
	$(BIN)/python bench/score.py

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache
