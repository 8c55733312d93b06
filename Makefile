# Everyday commands. On a fresh machine: `make serve` to write, `make test` to check.
# Each target sets up .venv first; pip runs again only when pyproject.toml changes.

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
# Remembers which pyproject.toml the venv was installed from.
STAMP  := $(VENV)/.installed
PYTEST_ARGS ?=

.DEFAULT_GOAL := help
.PHONY: help venv assets serve test build bench check clean

help:
	@echo "make serve   preview the course at http://127.0.0.1:8000/ (with the PDF)"
	@echo "make test    run every test, browser tests included (needs Chromium)"
	@echo "make build   build site/ with mkdocs build --strict"
	@echo "make check   check docs/ for author mistakes without building"
	@echo "make bench   compare build time and memory with plain Material"
	@echo "make assets  minify frontend/ into overrides/assets/course/ (commit both)"
	@echo "make clean   remove site/ and caches (keeps .venv)"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -e '.[test]'
	@touch $@

venv: $(STAMP)

# npm's tools (vnu-jar for tests/test_html_valid.py), as package-lock.json pins them.
NPM_STAMP := node_modules/.package-lock.json
$(NPM_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund

# The theme serves minified copies of frontend/; tests/test_assets.py fails
# when they are stale, so `make test` checks them rather than rewriting them.
assets: $(STAMP)
	$(BIN)/python scripts/build_assets.py

serve: assets
	COURSE_PDF=true exec $(BIN)/mkdocs serve -a 127.0.0.1:8000

# Chromium: $CHROMIUM, else Playwright's own, else /usr/bin/chromium; with none,
# tests/helpers/chromium.py prints how to get one and the target fails.
test: $(STAMP) $(NPM_STAMP)
	@chromium="$$($(BIN)/python tests/helpers/chromium.py)" || exit 1; \
	echo "Chromium: $$chromium"; \
	CHROMIUM="$$chromium" $(BIN)/python -m pytest $(PYTEST_ARGS)

build: $(STAMP)
	$(BIN)/mkdocs build --strict

bench: $(STAMP)
	$(BIN)/python scripts/bench.py

check: $(STAMP)
	$(BIN)/python -m mkdocs_course check docs/

clean:
	rm -rf site/ .pytest_cache/ build/ src/*.egg-info
