"""Themes: codeframes, the rule tagger, trained models, discovery and evaluation.

The public API an analyst's notebook uses (each name is imported on first use, so that
``import insight.themes`` stays cheap)::

    from insight.themes import RuleTagger, ThemeClassifier, load_codeframe, save_model, train_theme_model
"""

from __future__ import annotations

import importlib

_PUBLIC = {
    "Codeframe": "codeframe", "CodeframeError": "codeframe", "load_codeframe": "codeframe",
    "shipped_names": "codeframe", "choose_codeframe": "choose",
    "RuleTagger": "tagger", "TagResult": "mentions", "add_model_themes": "model_themes",
    "ThemeClassifier": "model", "PolarityClassifier": "polarity_model",
    "cross_validate": "evaluate", "cross_validate_polarity": "evaluate", "polarity_pairs": "evaluate",
    "train_theme_model": "training", "silver_labels": "training", "read_labelled": "training",
    "split_labels": "training",
    "save_model": "registry", "load_model": "registry", "ModelError": "registry",
    "discover_themes": "discover.discover", "Discovery": "discover",
    "evaluate_tagging": "evaluate.evaluate", "load_map": "evaluate",
}
# (``discover`` and ``evaluate`` are also the names of submodules: importing one makes it the
# package's attribute of that name, so their functions are public under other names)
__all__ = sorted(_PUBLIC)


def __getattr__(name: str):
    if name not in _PUBLIC:
        raise AttributeError(f"module 'insight.themes' has no attribute {name!r}")
    module, _, attribute = _PUBLIC[name].partition(".")
    value = getattr(importlib.import_module(f"insight.themes.{module}"), attribute or name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_PUBLIC))
