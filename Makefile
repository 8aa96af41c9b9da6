# Two commands set everything up: `make demo` (the main job on built-in demo data) and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DEMO := reports/demo
DEMO_DB := sqlite:///$(DEMO)/insight.db

.PHONY: demo test bench venv clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# The stamps depend on pyproject.toml, so a changed dependency list reinstalls.
# make demo shows the installation as it goes (about a minute on a fresh machine), not a silent wait.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	@echo "installing nps-insight and its dependencies into $(VENV) (about a minute the first time)"
	$(BIN)/pip install --disable-pip-version-check --progress-bar on -e '.[serve]'
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
	$(BIN)/insight demo -o $(DEMO)/wave-2026-Q2.csv --rows 1500 --seed 11 --clean --id-prefix Q2- \
		--from 2026-04-01 --to 2026-07-01
	$(BIN)/insight demo -o $(DEMO)/wave-2026-Q3.csv --rows 1500 --seed 12 --clean --id-prefix Q3- \
		--from 2026-07-01 --to 2026-10-01
	$(BIN)/insight import $(DEMO)/wave-2026-Q2.csv --wave 2026-Q2 --db $(DEMO_DB) --codeframe ecommerce
	$(BIN)/insight import $(DEMO)/wave-2026-Q3.csv --wave 2026-Q3 --db $(DEMO_DB) --codeframe ecommerce
	$(BIN)/insight report --db $(DEMO_DB) --wave 2026-Q2 -o $(DEMO)/wave-2026-Q2.html --codeframe ecommerce
	$(BIN)/insight report --db $(DEMO_DB) --wave 2026-Q3 -o $(DEMO)/wave-2026-Q3.html --codeframe ecommerce
	@echo "demo written to $(DEMO)/: report.html (open it in a browser), report.zh-Hans.html, exports/, score.json"
	@echo "the workspace on the demo's two waves: $(BIN)/insight serve --db $(DEMO_DB)   (then open http://127.0.0.1:8765/)"

test: $(VENV)/.installed-test
	bash scripts/system-deps.sh
	$(BIN)/python -m pytest

bench: $(VENV)/.installed
	$(BIN)/python bench/run.py --mixes all
	$(BIN)/python bench/serve.py

clean:
	rm -rf $(VENV) reports/demo reports/bench .pytest_cache .hypothesis
