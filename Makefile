# Everyday commands. On a fresh machine: `make serve` to write, `make test` to check.
# Each target sets up .venv first; pip runs again only when pyproject.toml changes.

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
# Remembers which pyproject.toml and constraints.txt the venv was installed from.
STAMP  := $(VENV)/.installed
PYTEST_ARGS ?=
# Material for MkDocs prints an end-of-life banner at every start; the README
# says it once instead, so an author sees only the course's own messages.
export NO_MKDOCS_2_WARNING := 1

.DEFAULT_GOAL := help
.PHONY: help venv assets serve test lint build bench lighthouse check clean

help:
	@echo "make serve   preview the course at http://127.0.0.1:8000/ (with the PDF)"
	@echo "make test    run every test, browser tests included (needs Chromium)"
	@echo "make lint    check the Python code with ruff"
	@echo "make build   build site/ with mkdocs build --strict"
	@echo "make check   check docs/ for author mistakes without building"
	@echo "make bench   compare build time and memory with plain Material"
	@echo "make lighthouse  mobile Lighthouse scores of the home page, a module and the workbook"
	@echo "make assets  bundle and minify frontend/ with esbuild into src/mkdocs_course/theme/assets/course/ (commit both)"
	@echo "make clean   remove site/ and caches (keeps .venv)"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# constraints.txt pins every package to the version this course builds with.
$(STAMP): pyproject.toml constraints.txt | $(BIN)/python
	$(BIN)/python -m pip install -c constraints.txt -e '.[test]'
	@touch $@

venv: $(STAMP)

# npm's tools, as package-lock.json pins them: esbuild (make assets, and
# tests/test_assets.py rebuilds the served JS/CSS to check them) and the Nu
# HTML Checker (tests/test_html_valid.py). npm writes
# node_modules/.package-lock.json on every install, so it marks the install.
NPM_STAMP := node_modules/.package-lock.json
$(NPM_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

assets: $(STAMP) $(NPM_STAMP)
	$(BIN)/python scripts/build_assets.py
	$(BIN)/python -m mkdocs_course.schemas

# The committed copies are current, so writing a course needs no Node: the
# assets are rebuilt first only where esbuild is installed (npm ci).
serve: $(STAMP)
	@if [ -x node_modules/.bin/esbuild ]; then $(BIN)/python scripts/build_assets.py; fi
	COURSE_PDF=true exec $(BIN)/mkdocs serve -a 127.0.0.1:8000

# Chromium: $CHROMIUM, else Playwright's own, else /usr/bin/chromium; with none,
# tests/helpers/chromium.py prints how to get one and the target fails.
test: $(STAMP) $(NPM_STAMP)
	@chromium="$$($(BIN)/python tests/helpers/chromium.py)" || exit 1; \
	echo "Chromium: $$chromium"; \
	CHROMIUM="$$chromium" $(BIN)/python -m pytest $(PYTEST_ARGS)

# ruff, configured in pyproject.toml ([tool.ruff]): 0 findings, or it fails.
lint: $(STAMP)
	$(BIN)/ruff check src hooks tests scripts

build: $(STAMP)
	$(BIN)/mkdocs build --strict

bench: $(STAMP)
	$(BIN)/python scripts/bench.py

# Mobile Lighthouse scores (a report, not a test); Lighthouse has its own
# lockfile so that the tests' npm ci does not install it.
LIGHTHOUSE_STAMP := tools/lighthouse/node_modules/.package-lock.json
$(LIGHTHOUSE_STAMP): tools/lighthouse/package.json tools/lighthouse/package-lock.json
	cd tools/lighthouse && npm ci --no-audit --no-fund
	@touch $@

lighthouse: $(STAMP) $(LIGHTHOUSE_STAMP)
	$(BIN)/python scripts/lighthouse.py

check: $(STAMP)
	$(BIN)/python -m mkdocs_course check docs/

clean:
	rm -rf site/ .pytest_cache/ build/ src/*.egg-info
