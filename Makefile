SHELL := /bin/bash
PYTHON ?= python3
VENV   ?= .venv
HOST   ?= 127.0.0.1
PORT   ?= 3000
# the address printed links (coach login, calendar files) point to
export SITE_URL ?= http://$(HOST):$(PORT)
BIN    := $(CURDIR)/$(VENV)/bin
export PATH := $(BIN):$(PATH)
# Offline switches (no inline comments on these lines: make keeps trailing spaces)
export REFLEX_USE_NPM ?= 1
export NPM_CONFIG_REGISTRY ?= https://registry.npmjs.org/
export REFLEX_CHECK_LATEST_VERSION ?= 0
export REFLEX_HTTP_CLIENT_BIND_ADDRESS ?= 0.0.0.0
export REFLEX_TELEMETRY_ENABLED ?= false

.PHONY: install install-dev migrate seed coach-link import-mongo run dev lint test test-unit test-clock test-e2e test-deps bench clean

$(VENV)/.installed: requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -r requirements.txt
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed requirements-dev.txt
	$(BIN)/python -m pip install -q -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

migrate: install
	$(BIN)/reflex db migrate

seed: migrate
	$(BIN)/python -m afroboost seed --if-empty

## a one-time coach login URL (10 minutes, usable once)
coach-link: migrate
	@$(BIN)/python -m afroboost coach-link

## import the legacy MongoDB: make import-mongo MONGO_URL=mongodb://… (or FROM_DIR=export/), DRY_RUN=1 to preview
import-mongo: migrate
	@test -n "$(MONGO_URL)$(FROM_DIR)" || { echo "usage: make import-mongo MONGO_URL=mongodb://… | FROM_DIR=folder [DRY_RUN=1]"; exit 2; }
	$(BIN)/python -m afroboost import-mongo $(if $(MONGO_URL),--mongo-url '$(MONGO_URL)',--from-dir '$(FROM_DIR)') $(if $(DRY_RUN),--dry-run)

## make run: everything from a fresh clone, then the production build on http://127.0.0.1:3000
run: seed
	@$(BIN)/python -m afroboost coach-link
	$(BIN)/python -m afroboost serve --host $(HOST) --port $(PORT)

## make run-scale: PostgreSQL + Redis on 127.0.0.1 (data in .scale/), migrate, seed if empty, 3 workers.
## Ctrl-C stops the app; PostgreSQL and Redis keep running until `make stop-scale`.
## A worker that dies is respawned (afroboost/serve.py); its scheduler lease moves to a live worker within 30 s.
run-scale: install test-deps
	GRANIAN_WORKERS=$${GRANIAN_WORKERS:-3} $(BIN)/python scripts/scale.py run --host $(HOST) --port $(PORT)

stop-scale:
	$(BIN)/python scripts/scale.py stop

## make dev: hot reload (frontend on 127.0.0.1:3000, backend on 127.0.0.1:8000)
dev: seed
	$(BIN)/reflex run --backend-host $(HOST)

## what the tests need beyond Python: Debian chromium, a PostgreSQL server and a Redis server
test-deps:
	@command -v chromium >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; }
	@ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql; }
	@command -v redis-server >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server; }

## ruff, then the import contracts of .importlinter (layers, no reflex in services, no cycles)
lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/lint-imports

test-unit: install-dev test-deps
	$(BIN)/python -m pytest -q tests/unit tests/integration

## the same suites on a clock moved months ahead (tests/clock.py), in Zurich summer time
test-clock: install-dev test-deps
	AFRO_TEST_CLOCK=2027-07-20T06:30:00+00:00 $(BIN)/python -m pytest -q tests/unit tests/integration

# separate run on purpose: Playwright's sync API and pytest-asyncio cannot share one session
test-e2e: install-dev test-deps
	$(BIN)/python -m pytest -q tests/e2e

# test-clock proves no test or demo datum depends on the day the suite runs (issue 11)
test: lint test-unit test-clock test-e2e

# chat_fanout builds and runs the prod app from this checkout (.web): nothing else may build here meanwhile
bench: install-dev test-deps
	$(BIN)/python bench/booking_race.py
	$(BIN)/python bench/chat_fanout.py
	$(BIN)/python bench/dispatch.py
	$(BIN)/python bench/crm_search.py
	$(BIN)/python bench/coach_session.py

clean:
	rm -rf .web .states $(VENV) tests/.test.db*
