# sheetproof: the two set-up commands are `make verify` (main job) and `make test` (tests).
# Both create .venv and install everything from this repository's own files.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
# A CPU build of torch; override with e.g. TORCH_SPEC="torch" where a CUDA build is wanted.
TORCH_SPEC ?= torch==2.13.0
STAMP  := $(VENV)/.installed

.PHONY: install verify site test lint bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q "$(TORCH_SPEC)"
	$(BIN)/python -m pip install -q -e ".[test,docs]"
	touch $(STAMP)

install: $(STAMP)

## main job: verify the whole catalog (cached), then build the site from the cached results
verify: $(STAMP)
	$(BIN)/sheetproof verify
	@if [ -f mkdocs.yml ]; then $(MAKE) --no-print-directory site; fi

site: $(STAMP)
	$(BIN)/mkdocs build --strict

## tests: the whole suite, strict settings (warnings are errors, float64)
test: $(STAMP)
	$(BIN)/ruff check formulas verify numerics tests bench
	SHEETPROOF_PROFILE=$${SHEETPROOF_PROFILE:-ci} $(BIN)/python -m pytest -q -p no:cacheprovider

lint: $(STAMP)
	$(BIN)/ruff check formulas verify numerics tests bench

bench: $(STAMP)
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) .sheetproof-cache site
