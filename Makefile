# Wijkportaal. `make run` serves the demo site; `make test` runs every check CI runs.
PYTHON ?= python3
PORT ?= 8000
CHROMIUM ?= /usr/bin/chromium
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py

.DEFAULT_GOAL := help
.PHONY: help install run test lint vendor chromium java varnish dutch-dictionary lock clean bench backup restore

help:
	@echo "make run    install, migrate, load the demo content and serve on http://127.0.0.1:$(PORT)/"
	@echo "make test   lint, Django checks and the whole test suite (browser tests included)"
	@echo "make bench  load a large site into PostgreSQL and measure it under gunicorn with wrk"
	@echo "make backup copy the database and the media into backups/ (BACKUP_DIR overrides)"
	@echo "make restore BACKUP=backups/wijkportaal-... into a fresh database and MEDIA_ROOT"
	@echo "make lock   refresh constraints.txt from the current virtualenv"
	@echo "make vendor refresh the vendored NL Design System CSS from npm"

$(BIN)/python:
	$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11) and "Python 3.11 or newer is needed")'
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: $(BIN)/python pyproject.toml constraints.txt
	@# Errors only (-qq): setuptools warns about every editable install of a project without
	@# packages, which is harmless here and looks like a failure.
	$(BIN)/python -m pip install -qq --upgrade pip
	$(BIN)/python -m pip install -qq --constraint constraints.txt --editable ".[dev]"
	touch $@

install: $(VENV)/.installed

# A local development configuration, written once: DEBUG on, SQLite, a random secret key.
.env:
	@$(PYTHON) wijkportaal/localenv.py env-file $@
	@echo "Wrote .env for local development (DEBUG=true, SQLite)."

# The served site's BASE_URL follows PORT, unless the operator set one in the environment or in
# .env: then nothing is exported and the settings read theirs (wijkportaal/localenv.py decides;
# it never edits an existing .env).
ifneq ($(filter run,$(MAKECMDGOALS)),)
PORT_BASE_URL := $(shell $(PYTHON) wijkportaal/localenv.py base-url $(PORT))
endif
ifneq ($(PORT_BASE_URL),)
run: export BASE_URL := $(PORT_BASE_URL)
endif

staticfiles/staticfiles.json: $(VENV)/.installed $(shell find static -type f 2>/dev/null)
	$(MANAGE) collectstatic --noinput --verbosity 0

run: install .env staticfiles/staticfiles.json
	@echo "Serving http://127.0.0.1:$(PORT)/ with BASE_URL $(or $(BASE_URL),from .env)"
	$(MANAGE) migrate --noinput --verbosity 0
	$(MANAGE) createcachetable --verbosity 0
	$(MANAGE) load_demo_content
	@# The periodic jobs (scheduled publishing, digests) beside the server, stopped with it.
	@# runserver's warning against production use is left out: this target is for development.
	$(MANAGE) run_schedule & trap 'kill $$! 2>/dev/null' EXIT INT TERM; \
		DJANGO_RUNSERVER_HIDE_WARNING=true $(MANAGE) runserver 127.0.0.1:$(PORT)

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Debian's Chromium for the browser tests; never a browser download of Playwright's own.
chromium:
	@if [ -x "$(CHROMIUM)" ] || command -v "$(CHROMIUM)" >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		echo "Installing Debian's chromium for the browser tests"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	else \
		echo "Chromium not found at $(CHROMIUM): install it (Debian/Ubuntu: sudo apt-get install chromium)"; \
		echo "or set CHROMIUM=/path/to/chromium. The browser tests will fail without it."; \
	fi

# Java for the Nu HTML Checker (node_modules/vnu-jar) in the browser tests: Debian's JRE.
java:
	@if command -v java >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		echo "Installing Debian's Java runtime for the HTML checker"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null; \
	else \
		echo "Java not found: install it (Debian/Ubuntu: sudo apt-get install default-jre-headless)."; \
		echo "The HTML validity tests will fail without it."; \
	fi

# Debian's varnish for the tests and the bench of the Varnish in front (tests/test_varnish.py).
varnish:
	@if command -v varnishd >/dev/null 2>&1 || [ -x /usr/sbin/varnishd ]; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		echo "Installing Debian's varnish for the Varnish tests"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq varnish >/dev/null; \
	else \
		echo "varnishd not found: install it (Debian/Ubuntu: sudo apt-get install varnish)."; \
		echo "The Varnish tests will fail without it."; \
	fi

# The Dutch dictionary that search on PostgreSQL reads for compound words (search/textsearch.py),
# written into this machine's PostgreSQL when the tests use PostgreSQL (as root; see the script).
dutch-dictionary:
	@case "$(DATABASE_URL)" in postgres*) sh deploy/postgres/dutch-dictionary.sh ;; esac

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test: export SECRET_KEY ?= insecure-key-for-tests-only
test: export DATABASE_URL ?= sqlite:///$(CURDIR)/db-test.sqlite3
test: export DJANGO_SETTINGS_MODULE = tests.settings
test: lint java varnish dutch-dictionary node_modules/.installed chromium staticfiles/staticfiles.json
	$(MANAGE) check --fail-level WARNING
	$(MANAGE) makemigrations --check --dry-run
	$(BIN)/pytest -n auto

# Not part of `make test`: minutes long, and its numbers are for the closing note, not assertions.
bench: install varnish
	@command -v wrk >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && apt-get install -y -qq wrk >/dev/null; } \
		|| { echo "wrk is needed: apt-get install wrk"; exit 1; }
	$(BIN)/python bench/run.py $(BENCH_ARGS)

vendor: node_modules/.installed
	mkdir -p static/vendor/utrecht
	{ printf '/* @utrecht/component-library-css %s (EUPL-1.2), dist/index.css, vendored by `make vendor`. Do not edit. */\n' \
		"$$(node -p 'require("@utrecht/component-library-css/package.json").version')"; \
	  cat node_modules/@utrecht/component-library-css/dist/index.css; } > static/vendor/utrecht/component-library.css

BACKUP_DIR ?= backups
backup: install
	$(MANAGE) backup $(BACKUP_DIR)

restore: install
	@test -n "$(BACKUP)" || { echo "Name the backup folder: make restore BACKUP=backups/wijkportaal-..."; exit 2; }
	$(MANAGE) restore $(BACKUP)

lock: install
	$(BIN)/python -m pip freeze --exclude-editable --exclude wijkportaal > constraints.txt

clean:
	rm -rf $(VENV) node_modules staticfiles .pytest_cache .ruff_cache
