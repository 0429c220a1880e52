# The two commands: `make serve` and `make test`. Everything else is set-up they call.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST := 127.0.0.1:8000
export NO_MKDOCS_2_WARNING := 1
export SOURCE_DATE_EPOCH := $(shell git log -1 --format=%ct 2>/dev/null || echo 1660435200)

.PHONY: help setup serve build check schema test lint typecheck pytest browser-deps bench clean

help:
	@echo "make serve   build the site and serve it at http://$(HOST) with live rebuild"
	@echo "make test    run every test (lint, strict types, data check, strict build, pytest with browser tests)"
	@echo "make build   build the site into site/"
	@echo "make check   validate the data files only"
	@echo "make schema  re-export the JSON Schemas in data/schema/"
	@echo "make bench   print build, size and render figures (slow)"

$(BIN)/.installed: requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.lock
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

setup: $(BIN)/.installed node_modules/.installed

# Browser tests drive Debian's chromium; Playwright's own browser download cannot work here.
browser-deps:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "Installing Debian's chromium for the browser tests"; \
	  SUDO=$$( [ "$$(id -u)" -eq 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium fonts-liberation >/dev/null; }

serve: setup
	$(BIN)/mkdocs serve --strict -a $(HOST)

# Build beside site/ and swap it in only on success: a failed build leaves the old site.
build: setup
	rm -rf .site-tmp
	$(BIN)/mkdocs build --strict --quiet -d .site-tmp
	rm -rf .site-old && { [ ! -d site ] || mv site .site-old; } && mv .site-tmp site && rm -rf .site-old
	@echo "site built in site/"

check: setup
	$(BIN)/python -m builder check

schema: setup
	$(BIN)/python -m builder schema

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# Strict static types over builder/, scripts/ and benchmarks/ (pyproject.toml [tool.mypy]).
typecheck: setup
	$(BIN)/mypy


test: setup browser-deps
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/python -m builder check
	$(BIN)/python -m builder schema --check
	$(MAKE) --no-print-directory build
	$(BIN)/python -m pytest

# Slow (the 10,000-event build alone takes minutes): never part of `make test`.
# SIZES=curated,100 limits the datasets.
bench: setup browser-deps
	$(BIN)/python benchmarks/run.py $(if $(SIZES),--sizes $(SIZES))

clean:
	rm -rf site .site-tmp .site-old .pytest_cache .ruff_cache .mypy_cache
