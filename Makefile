# Two commands for a fresh machine (see README.md):
#   make run    install into .venv and serve on http://127.0.0.1:$(PORT) with the embedded default
#   make test   install the test dependencies, start Redis and PostgreSQL if needed, run every check
# Both install the exact versions in the lock files (requirements/*.txt, with hashes):
#   make lock     rewrite the locks after a dependency range in pyproject.toml changed
#   make upgrade  move every locked package to its newest release, show what changed, run every check

PYTHON ?= python3
VENV ?= .venv
PORT ?= 8000
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip
LOCK := requirements/service.txt
TEST_LOCK := requirements/test.txt

.PHONY: run test lint pytest bench install install-test services lock upgrade clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# The lock holds pip, setuptools and wheel too, so the editable install builds offline
# with pinned tools.
$(VENV)/.installed: $(LOCK) pyproject.toml | $(BIN)/python
	$(PIP) install --quiet --require-hashes -r $(LOCK)
	$(PIP) install --quiet --no-deps --no-build-isolation -e .
	touch $@

# The test lock is a superset of the service lock with the same versions.
$(VENV)/.installed-test: $(TEST_LOCK) pyproject.toml | $(BIN)/python
	$(PIP) install --quiet --require-hashes -r $(TEST_LOCK)
	$(PIP) install --quiet --no-deps --no-build-isolation -e .
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

lock: install-test
	scripts/lock

upgrade: install-test
	scripts/lock --upgrade
	$(MAKE) test

bench: install-test
	$(BIN)/python bench/score.py

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache
