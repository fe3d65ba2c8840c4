# ekokit: `make serve` runs the kit, `make test` runs every test. Both set up .venv first.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 8866
ARGS   ?=

.PHONY: serve test screenshot bench clean install install-test

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $@

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

serve: install
	$(BIN)/ekokit serve --port $(PORT) $(ARGS)

test: install-test
	@command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || { \
	  echo "The browser tests need Debian's chromium: sudo apt-get install chromium"; exit 1; }
	$(BIN)/ruff check ekokit tests benchmarks scripts
	$(BIN)/python -m pytest

screenshot: install-test
	EKOKIT_README_SCREENSHOT=1 $(BIN)/python -m pytest -q tests/test_browser.py -k reload

bench: install-test
	$(BIN)/python benchmarks/run_all.py

clean:
	rm -rf $(VENV) workspace/ekokit.sqlite*
