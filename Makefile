# ekokit: `make serve` runs the kit, `make test` runs every test, `make check` the quick tier.
# All set up .venv first.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 8866
ARGS   ?=

.PHONY: serve check test need-chromium screenshot bench clean install install-test

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

# constraints.txt pins what ekokit's seam to Voilà relies on (docs/architecture.md).
$(VENV)/.installed: pyproject.toml constraints.txt | $(BIN)/python
	$(BIN)/python -m pip install -q -c constraints.txt -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml constraints.txt $(VENV)/.installed
	$(BIN)/python -m pip install -q -c constraints.txt -e '.[test]'
	touch $@

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

serve: install
	$(BIN)/ekokit serve --port $(PORT) $(ARGS)

# The quick tier, under a minute and without chromium: lint, the content checks and every test
# that starts no server, no browser, no notebook kernel and no PostgreSQL, and is no load test
# (see the markers in pyproject.toml).
QUICK_TESTS := not server and not browser and not notebook and not postgres and not load
# The quick tier runs no notebook, so it leaves the nbval plugin out (importing it, through
# nbformat and jsonschema, costs some seconds in every pytest process) and with it the
# --nbval-lax of pyproject.toml's addopts; the rest of addopts as there.
QUICK_PYTEST := -p no:nbval -o addopts="--strict-markers -p no:cacheprovider"

check: install-test
	$(BIN)/ruff check ekokit tests benchmarks scripts
	$(BIN)/lint-imports
	$(BIN)/mypy
	$(BIN)/ekokit validate
	$(BIN)/deptry .
	$(BIN)/python -m pytest -q -n 2 $(QUICK_PYTEST) -m "$(QUICK_TESTS)"

# Everything: the quick tier, then the tests that start `ekokit serve`, drive chromium, run
# the notebooks under nbval, run on PostgreSQL or load the store. The README's command; .ci/run
# calls it.
test: need-chromium check
	$(BIN)/python -m pytest -q -m "not ($(QUICK_TESTS))"

need-chromium:
	@command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || { \
	  echo "The browser tests need Debian's chromium: sudo apt-get install chromium"; exit 1; }

# docs/screenshots/: one exercise of each session in Finnish and English (8 PNGs) for the README.
screenshot: install-test need-chromium
	$(BIN)/python scripts/screenshots.py

bench: install-test
	$(BIN)/python benchmarks/run_all.py

clean:
	rm -rf $(VENV) workspace/ekokit.sqlite*
