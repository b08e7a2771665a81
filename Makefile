# Tumbuh: the only entry points. `make run` serves the demo; `make test` runs the whole suite.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
# The first Python >= 3.12 on this machine: python3.13, python3.12, pyenv's, then plain python3.
PYTHON ?= $(shell for p in python3.13 python3.12 /root/.pyenv/versions/3.13*/bin/python3 /root/.pyenv/versions/3.12*/bin/python3 python3; do \
	command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null && { command -v $$p; break; }; done)
HOST ?= 127.0.0.1
PORT ?= 8000
PG_URL ?= postgres://postgres@127.0.0.1:5432/tumbuh

.PHONY: help run test test-sqlite test-postgres lint messages install install-dev system-deps clean bench backup restore

help:
	@echo "make run    install, migrate, load demo data, start the worker and serve http://$(HOST):$(PORT)"
	@echo "make test   install test tools, lint, and run the whole suite (SQLite, then PostgreSQL if reachable)"
	@echo "make lint   ruff, mypy (typed layers) and import-linter (app layers)"
	@echo "make messages  refresh the translation catalogue (locale/id)"
	@echo "make backup   back up the database, media files and secret key to var/backups/ (docs/operations.md)"
	@echo "make restore BACKUP=var/backups/tumbuh-…  restore one into the configured, empty database"
	@echo "make bench  load-test the main pages on PostgreSQL (BENCH_SCALE=0.02 for a quick run; docs/performance.md)"

$(VENV)/.runtime: requirements.txt
	@test -n "$(PYTHON)" || { echo "Tumbuh needs Python 3.12 or newer (python3.12 / python3.13)."; exit 1; }
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --disable-pip-version-check -r requirements.txt
	@touch $@

$(VENV)/.dev: requirements-dev.txt $(VENV)/.runtime
	$(PIP) install --quiet --disable-pip-version-check -r requirements-dev.txt
	@touch $@

install: $(VENV)/.runtime
install-dev: $(VENV)/.dev

# Debian packages the project needs: gettext (catalogues), pango (PDF), chromium (browser tests).
system-deps:
	@missing=""; \
	command -v msgfmt >/dev/null || missing="$$missing gettext"; \
	ldconfig -p | grep -q libpango-1.0 || missing="$$missing libpango-1.0-0 libpangoft2-1.0-0"; \
	if [ "$(WITH_BROWSER)" = 1 ] && [ ! -x /usr/bin/chromium ]; then missing="$$missing chromium"; fi; \
	if [ -n "$$missing" ]; then \
		if [ "$$(id -u)" = 0 ]; then echo "Installing:$$missing"; apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
		else echo "Please install these Debian packages:$$missing"; exit 1; fi; \
	fi

run: install
	$(PY) manage.py migrate --noinput -v0
	$(PY) manage.py collectstatic --noinput -v0
	$(PY) manage.py seed_demo
	@echo "Tumbuh: http://$(HOST):$(PORT)/  (Ctrl-C stops the server and the worker)"
	@set -m; $(PY) manage.py run_worker --no-startup-delay & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(VENV)/bin/gunicorn tumbuh.wsgi --bind $(HOST):$(PORT) --workers 2 --no-control-socket --access-logfile -

# Lint once, first (not inside each database's run: tests/test_code_quality.py is marked `lint` and left out of
# them); then the suite on two cores (pytest-xdist), on SQLite and then PostgreSQL.
test: install-dev
	@$(MAKE) --no-print-directory system-deps WITH_BROWSER=1
	@$(MAKE) --no-print-directory lint
	@$(MAKE) --no-print-directory test-sqlite
	@if [ -n "$$DATABASE_URL" ] || $(PY) scripts/pg_ready.py "$(PG_URL)"; then \
		$(MAKE) --no-print-directory test-postgres; \
	elif [ -n "$$CI" ]; then echo "CI needs PostgreSQL and none answers."; exit 1; \
	else echo "PostgreSQL not reachable: ran on SQLite only."; fi

# Every test but the lint ones (`make lint` runs those checks), spread over WORKERS processes.
WORKERS ?= 2
SUITE := -m "not lint" -n $(WORKERS) --dist worksteal
# Each worker of each run imports the project and its (assertion-rewritten) tests: with PYTHONDONTWRITEBYTECODE
# set, as on some machines, every one of them compiles it all again (about 5 s a process).
KEEP_BYTECODE := -u PYTHONDONTWRITEBYTECODE

test-sqlite:
	@echo "== Test suite on SQLite"
	env -u DATABASE_URL $(KEEP_BYTECODE) DJANGO_ALLOW_ASYNC_UNSAFE=true $(PY) -m pytest $(SUITE) $(PYTEST_ARGS)

test-postgres:
	@echo "== Test suite on PostgreSQL"
	env $(KEEP_BYTECODE) DATABASE_URL=$${DATABASE_URL:-$(PG_URL)} DJANGO_ALLOW_ASYNC_UNSAFE=true $(PY) -m pytest $(SUITE) $(PYTEST_ARGS)

# The typed layers: services, selectors, the API, the permission door.
TYPED := tumbuh/*/services.py tumbuh/*/services/*.py tumbuh/*/selectors*.py tumbuh/*/selectors/*.py tumbuh/*/api.py tumbuh/*/api/*.py tumbuh/api.py tumbuh/access/policy.py tumbuh/people/nip.py

# The database (pg_dump -Fc, or SQLite's online backup), var/media and the secret key, into a new folder;
# restore into an empty database (docs/operations.md). DATABASE_URL chooses the database, as everywhere.
backup: install
	$(PY) manage.py backup $(or $(BACKUP_DIR),var/backups)

restore: install
	@test -n "$(BACKUP)" || { echo "Say which backup: make restore BACKUP=var/backups/tumbuh-<time>"; exit 1; }
	$(PY) manage.py restore "$(BACKUP)"

# Serve Tumbuh as production does (gunicorn, 2 workers, the task worker; BENCH_NODES=2 puts two nodes behind
# nginx), load each main page with wrk at 1 and 8 clients, and write var/bench/results.json and the table in
# docs/performance.md. BENCH_SCALE=0.02 is a quick run of a few minutes; the default (1.0) is the national world.
bench: install
	$(PY) scripts/bench.py

lint: install-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy $(TYPED)
	$(VENV)/bin/lint-imports

messages: install-dev system-deps
	$(PY) manage.py makemessages -l id --ignore=.venv --ignore=var --ignore=tests --no-obsolete --add-location=file
	$(PY) manage.py compilemessages --ignore=.venv -v0

clean:
	rm -rf $(VENV) var staticfiles
