# One entry point for every job; the README and .ci/run call these same targets.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DEV = DJANGO_SETTINGS_MODULE=accord.config.settings.dev SITE_URL=http://$(HOST):$(PORT)
TEST := DJANGO_SETTINGS_MODULE=accord.config.settings.test
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install install-dev assets lock run demo lint test test-unit test-browser screenshots messages clean

# Pinned versions: requirements/base.txt (to run) and requirements/dev.txt (to test), made by
# `make lock`. uv installs them in parallel, which keeps a cold `make run` near half a minute.
$(BIN)/uv:
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check uv

$(BIN)/accord: pyproject.toml requirements/base.txt | $(BIN)/uv
	$(BIN)/uv pip install --quiet --python $(BIN)/python -r requirements/base.txt
	$(BIN)/uv pip install --quiet --python $(BIN)/python --no-deps -e .
	touch $@

$(VENV)/.dev: requirements/dev.txt $(BIN)/accord
	$(BIN)/uv pip install --quiet --python $(BIN)/python -r requirements/dev.txt
	touch $@

# Front-end assets come from npm at build time (package-lock.json pins them; no CDN at run time).
VENDOR := src/accord/core/static/accord/vendor
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error

$(VENDOR)/htmx.min.js: node_modules/.package-lock.json
	mkdir -p $(VENDOR)
	cp node_modules/htmx.org/dist/htmx.min.js $@

assets: $(VENDOR)/htmx.min.js

install: $(BIN)/accord assets

install-dev: $(VENV)/.dev assets

lock: $(BIN)/uv
	$(BIN)/uv pip compile pyproject.toml --python-version 3.11 -o requirements/base.txt
	$(BIN)/uv pip compile pyproject.toml --extra dev --python-version 3.11 \
	  -c requirements/base.txt -o requirements/dev.txt

# Zero setup: SQLite in ./var, console e-mail, in-memory channel layer.
run: install
	$(DEV) $(BIN)/accord migrate --noinput
	$(DEV) $(BIN)/accord demo
	$(DEV) $(BIN)/accord run --host $(HOST) --port $(PORT)

demo: install
	$(DEV) $(BIN)/accord demo

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports
	$(TEST) $(BIN)/accord makemigrations --check --dry-run
	ACCORD_VAR_DIR=$$(mktemp -d) \
	SECRET_KEY=$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(60))') \
	AUDIT_SIGNING_KEY=$$($(BIN)/accord audit keygen | head -1 | cut -d= -f2-) \
	DJANGO_SETTINGS_MODULE=accord.config.settings.production \
	$(BIN)/accord check --deploy --fail-level WARNING

# Unit, integration and WebSocket tests (pytest-asyncio), then the browser tests in their own
# process: pytest-playwright and pytest-asyncio cannot share one.
test-unit: install-dev
	$(BIN)/pytest --ignore=tests/e2e -p no:playwright -q -n auto

test-browser: install-dev
	$(BIN)/pytest tests/e2e -p no:asyncio -W ignore::pytest.PytestConfigWarning -q

test: lint test-unit test-browser

# The browser tests save screenshots of the main pages; this refreshes the README's copies.
screenshots: test-browser
	mkdir -p docs/screenshots
	cp test-results/screenshots/*.png docs/screenshots/

# Refresh the French catalogue after changing strings (needs GNU gettext).
messages: install-dev
	cd src/accord && $(DEV) ../../$(BIN)/python -m django makemessages -l fr --no-location --no-obsolete
	cd src/accord && $(DEV) ../../$(BIN)/python -m django compilemessages

clean:
	rm -rf $(VENV) var .mypy_cache .ruff_cache node_modules $(VENDOR)
