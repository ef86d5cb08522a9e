# One entry point for every job; the README and .ci/run call these same targets.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DEV := DJANGO_SETTINGS_MODULE=accord.config.settings.dev
TEST := DJANGO_SETTINGS_MODULE=accord.config.settings.test
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install run demo lint test test-unit test-browser messages clean

$(BIN)/accord: pyproject.toml requirements/lock.txt
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements/lock.txt
	$(BIN)/pip install --quiet --no-deps -e .
	touch $@

install: $(BIN)/accord

# Zero setup: SQLite in ./var, console e-mail, in-memory channel layer.
run: install
	$(DEV) $(BIN)/accord migrate --noinput
	$(DEV) $(BIN)/accord demo
	$(DEV) $(BIN)/accord run --host $(HOST) --port $(PORT)

demo: install
	$(DEV) $(BIN)/accord demo

lint: install
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
test-unit: install
	$(BIN)/pytest --ignore=tests/e2e -p no:playwright -q

test-browser: install
	$(BIN)/pytest tests/e2e -p no:asyncio -W ignore::pytest.PytestConfigWarning -q

test: lint test-unit test-browser

# Refresh the French catalogue after changing strings (needs GNU gettext).
messages: install
	cd src/accord && $(DEV) ../../$(BIN)/python -m django makemessages -l fr --no-location --no-obsolete
	cd src/accord && $(DEV) ../../$(BIN)/python -m django compilemessages

clean:
	rm -rf $(VENV) var .mypy_cache .ruff_cache
