# Two commands on a fresh machine with only Python:
#   make run    set up .venv, ingest the bundled examples/ into sitrep.db, print what was found
#   make test   set up .venv and the test services (PostgreSQL, Java, Chromium), run lint and tests
PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install run test lint services bench model clean

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[postgres,web,kb,spark,dev]'
	touch $(STAMP)

install: $(STAMP)

run: install
	$(BIN)/sitrep --db sitrep.db ingest examples/
	$(BIN)/sitrep --db sitrep.db list

services:
	bash scripts/services.sh

lint: install
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/mypy src

test: install services lint
	. ./.test-env 2>/dev/null; $(BIN)/pytest -q

# retrain Sitrep's NER (sitrep/models/ner) from ../shared/ on CPU: docs/accuracy.md "Trained NER"
model: install
	$(BIN)/python scripts/train_ner.py

bench: install
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) sitrep.db .test-env
