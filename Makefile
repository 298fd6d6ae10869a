# Quick start: `make run` opens the app on the sample report; `make test` runs the whole suite headless.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
SAMPLE := resources/sample/sample-2024.govopen

.PHONY: run test lint bench screenshots clean package forms icons

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/govopen gui $(SAMPLE)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/lint-imports

test: lint
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m benchmarks

# the start-up form(s) compiled to Python (qt/forms.py COMPILED); a test says when this is due
forms: $(STAMP)
	$(BIN)/python -m govopen_desktop.qt.forms

# the window's icons drawn into resources/icons (qt/icon_drawing.py); a test says when this is due
icons: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m govopen_desktop.qt.icon_drawing

screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen GOVOPEN_UPDATE_DOCS=1 $(BIN)/python -m pytest -m screenshot

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache

package: $(STAMP)
	$(BIN)/python -m pip install --quiet 'pyinstaller>=6,<7'
	$(BIN)/pyinstaller --noconfirm --distpath dist --workpath build/pyinstaller packaging/govopen.spec
