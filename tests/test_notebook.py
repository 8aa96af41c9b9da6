"""The analysts' notebook runs end to end (nbclient) and is stored without outputs."""

from __future__ import annotations

import nbformat
import pytest

from tests.conftest import ROOT

NOTEBOOK = ROOT / "notebooks" / "retrain_theme_model.ipynb"


def test_notebook_is_stored_without_outputs():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None


@pytest.mark.slow
def test_notebook_runs(tmp_path):
    from nbclient import NotebookClient

    nb = nbformat.read(NOTEBOOK, as_version=4)
    NotebookClient(nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}).execute()
    assert (tmp_path / "notebook_output" / "report.html").exists()
    assert (tmp_path / "notebook_output" / "models" / "demo" / "v1" / "model_card.json").exists()
    text = "".join(o.get("text", "") for c in nb.cells if c.cell_type == "code" for o in c.outputs)
    assert "micro-F1" in text and "saved" in text


def test_the_notebook_uses_only_the_public_api():
    # an analyst's notebook imports from insight and insight.themes, not from their inner modules
    import re

    source = "".join("".join(c.source) for c in nbformat.read(NOTEBOOK, as_version=4).cells if c.cell_type == "code")
    inner = re.findall(r"from (insight\.themes\.\w+|insight\.(?:text|load|score|drivers|report)\b\S*) import", source)
    assert not inner, inner


def test_the_public_themes_api_resolves_every_name():
    import insight.themes as themes
    import insight.themes.discover  # noqa: F401 - a submodule import must not hide the public function

    for name in themes.__all__:
        assert getattr(themes, name) is not None
    assert callable(themes.discover_themes) and callable(themes.evaluate_tagging)
    with pytest.raises(AttributeError):
        themes.no_such_name  # noqa: B018
