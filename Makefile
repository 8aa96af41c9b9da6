# Two commands set everything up: `make demo` (the main job on built-in demo data) and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DEMO := reports/demo

.PHONY: demo test bench venv clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# The stamps depend on pyproject.toml, so a changed dependency list reinstalls.
# make demo shows the installation as it goes (about a minute on a fresh machine), not a silent wait.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	@echo "installing nps-insight and its dependencies into $(VENV) (about a minute the first time)"
	$(BIN)/pip install --disable-pip-version-check --progress-bar on -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $@ $(VENV)/.installed

venv: $(VENV)/.installed

demo: $(VENV)/.installed
	@mkdir -p $(DEMO)
	$(BIN)/insight demo -o $(DEMO)/survey.csv
	$(BIN)/insight score $(DEMO)/survey.csv --by Channel --by "Customer type" --period Q \
		--quarantine-out $(DEMO)/quarantine.csv
	$(BIN)/insight score $(DEMO)/survey.csv --by Channel --by "Customer type" --by Region --period M \
		--json > $(DEMO)/score.json
	$(BIN)/insight report $(DEMO)/survey.csv -o $(DEMO)/report.html --by Channel --by "Customer type" \
		--by Region --export $(DEMO)/exports
	$(BIN)/insight report $(DEMO)/survey.csv -o $(DEMO)/report.zh-Hans.html --lang zh-Hans --by Channel
	@echo "demo written to $(DEMO)/: report.html (open it in a browser), report.zh-Hans.html, exports/, score.json"

test: $(VENV)/.installed-test
	bash scripts/system-deps.sh
	$(BIN)/python -m pytest

bench: $(VENV)/.installed
	$(BIN)/python bench/run.py --mixes all

clean:
	rm -rf $(VENV) reports/demo reports/bench .pytest_cache .hypothesis
