"""Codeframes: hierarchical themes with stable ids, labels and patterns per language, in YAML.

    name: ecommerce
    version: 3
    themes:
      - id: delivery
        label: {en: Delivery, zh-Hans: 物流配送, zh-Hant: 物流配送, ru: Доставка}
        description: Getting the order to the customer.
        patterns:
          en: [delivery, shipping, courier, "arrive late"]
          zh: [物流, 快递, 配送]
          ru: [доставка, курьер]
        exclude:
          en: ["free shipping code"]
        polarity:
          en: {late: -1}
      - id: delivery.speed
        parent: delivery
        ...

Patterns are words or phrases; they are lemmatised by the same pipeline as the comments, so
"deliveries" and "delivered" match "delivery" and "deliver". Chinese patterns may be written in
Simplified or Traditional characters. Every error names the file, the line and the field.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from insight.errors import InsightError
from insight.languages import UI_LANGS

LABEL_LANGS = UI_LANGS
PATTERN_LANGS = ("en", "zh", "ru")
_PATTERN_ALIASES = {"en": "en", "zh": "zh", "zh-Hans": "zh", "zh-Hant": "zh", "ru": "ru"}
_THEME_KEYS = {"id", "parent", "label", "description", "patterns", "exclude", "polarity"}


class CodeframeError(InsightError):
    """A codeframe file is invalid; the message names the file, line and field."""


@dataclass(frozen=True)
class Theme:
    id: str
    label: dict[str, str]
    parent: str | None = None
    description: str = ""
    patterns: dict[str, tuple[str, ...]] = field(default_factory=dict)
    exclude: dict[str, tuple[str, ...]] = field(default_factory=dict)
    polarity: dict[str, dict[str, float]] = field(default_factory=dict)

    def label_in(self, lang: str) -> str:
        """Label in a UI language (en, zh-Hans, zh-Hant, ru), falling back to English, then the id."""
        return self.label.get(lang) or self.label.get("en") or self.id


@dataclass(frozen=True)
class Codeframe:
    name: str
    version: str
    themes: tuple[Theme, ...]
    source: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_id", {t.id: t for t in self.themes})

    def __getitem__(self, theme_id: str) -> Theme:
        return self._by_id[theme_id]  # type: ignore[attr-defined]

    def __contains__(self, theme_id: object) -> bool:
        return theme_id in self._by_id  # type: ignore[attr-defined]

    @property
    def ids(self) -> list[str]:
        return [t.id for t in self.themes]

    def top_level(self, theme_id: str) -> str:
        """The top-level ancestor of ``theme_id``."""
        theme = self[theme_id]
        while theme.parent is not None:
            theme = self[theme.parent]
        return theme.id

    def ancestors(self, theme_id: str) -> list[str]:
        """``theme_id`` and its ancestors, most specific first."""
        out = [theme_id]
        while (parent := self[out[-1]].parent) is not None:
            out.append(parent)
        return out

    @property
    def roots(self) -> list[str]:
        return [t.id for t in self.themes if t.parent is None]


# Installed with the package; models/codeframes in the repository points here.
SHIPPED_DIR = Path(__file__).resolve().parents[1] / "codeframes"


def shipped_names() -> list[str]:
    """Names of the codeframes installed with the package."""
    return sorted(p.stem for p in SHIPPED_DIR.glob("*.yaml"))


def load_codeframe(name_or_path: str | os.PathLike[str] | None = None) -> Codeframe:
    """Load a shipped codeframe by name (``ecommerce``, the default; ``restaurant``; ``airline``) or a YAML path."""
    name = "ecommerce" if name_or_path is None else str(name_or_path)
    path = Path(name)
    if path.suffix.lower() in (".yaml", ".yml") or path.exists():
        if not path.exists():
            raise CodeframeError(f"{path}: no such codeframe file")
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise CodeframeError(f"{path}: cannot read the codeframe ({exc})") from None
        return parse_codeframe(text, str(path))
    res = SHIPPED_DIR / f"{name}.yaml"
    if not res.is_file():
        raise CodeframeError(f"no shipped codeframe {name!r} (shipped: {', '.join(shipped_names())}) and no such file")
    return parse_codeframe(res.read_text(encoding="utf-8"), f"models/codeframes/{name}.yaml")


def parse_codeframe(text: str, source: str = "<codeframe>") -> Codeframe:
    """Parse and validate codeframe YAML text; raise :class:`CodeframeError` naming the line and field."""
    try:
        root = yaml.compose(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{source}:{mark.line + 1}" if mark is not None else source
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise CodeframeError(f"{where}: YAML syntax error: {problem}") from None
    if root is None:
        raise CodeframeError(f"{source}: the codeframe is empty")
    v = _Validator(source)
    top = v.mapping(root, "the codeframe")
    unknown = set(top) - {"name", "version", "description", "themes"}
    if unknown:
        key = sorted(unknown)[0]
        v.fail(top[key][0], f"unknown top-level field {key!r} (expected name, version, description, themes)")
    if "themes" not in top:
        v.fail(root, "missing field 'themes'")
    name = v.scalar(top["name"][1], "name") if "name" in top else Path(source).stem
    version = v.scalar(top["version"][1], "version") if "version" in top else "1"
    themes_node = top["themes"][1]
    if not isinstance(themes_node, yaml.SequenceNode) or not themes_node.value:
        v.fail(themes_node, "'themes' must be a non-empty list")
    themes = [v.theme(node) for node in themes_node.value]
    _check_ids(themes, themes_node, v)
    return Codeframe(name=name, version=version, themes=tuple(themes), source=source)


def _check_ids(themes: list[Theme], themes_node: yaml.Node, v: _Validator) -> None:
    seen: dict[str, int] = {}
    for theme, node in zip(themes, themes_node.value):
        if theme.id in seen:
            v.fail(node, f"duplicate theme id {theme.id!r} (first defined at line {seen[theme.id]})")
        seen[theme.id] = node.start_mark.line + 1
    by_id = {t.id: (t, n) for t, n in zip(themes, themes_node.value)}
    for theme, node in zip(themes, themes_node.value):
        if theme.parent is not None and theme.parent not in by_id:
            v.fail(node, f"theme {theme.id!r}: unknown parent {theme.parent!r}")
    for theme, node in zip(themes, themes_node.value):
        chain, current = [theme.id], theme
        while current.parent is not None:
            if current.parent in chain:
                cycle = " -> ".join(chain[chain.index(current.parent):] + [current.parent])
                v.fail(node, f"theme {theme.id!r}: parent cycle {cycle}")
            chain.append(current.parent)
            current = by_id[current.parent][0]


class _Validator:
    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, node: yaml.Node, message: str) -> None:
        raise CodeframeError(f"{self.source}:{node.start_mark.line + 1}: {message}")

    def mapping(self, node: yaml.Node, what: str) -> dict[str, tuple[yaml.Node, yaml.Node]]:
        if not isinstance(node, yaml.MappingNode):
            self.fail(node, f"{what} must be a mapping of fields")
        out: dict[str, tuple[yaml.Node, yaml.Node]] = {}
        for key, value in node.value:
            k = self.scalar(key, what)
            if k in out:
                self.fail(key, f"{what}: field {k!r} given twice")
            out[k] = (key, value)
        return out

    def scalar(self, node: yaml.Node, what: str) -> str:
        if not isinstance(node, yaml.ScalarNode) or node.value == "":
            self.fail(node, f"{what} must be a non-empty text value")
        return str(node.value)

    def strings(self, node: yaml.Node, what: str) -> tuple[str, ...]:
        if isinstance(node, yaml.ScalarNode):
            return (self.scalar(node, what),)
        if not isinstance(node, yaml.SequenceNode):
            self.fail(node, f"{what} must be a list of words or phrases")
        return tuple(self.scalar(item, what) for item in node.value)

    def per_lang(self, node: yaml.Node, what: str, allowed: dict[str, str]) -> dict[str, tuple[yaml.Node, yaml.Node]]:
        fields = self.mapping(node, what)
        out: dict[str, tuple[yaml.Node, yaml.Node]] = {}
        for lang, (knode, vnode) in fields.items():
            if lang not in allowed:
                self.fail(knode, f"{what}: unknown language key {lang!r} (use {', '.join(dict.fromkeys(allowed))})")
            out[lang] = (knode, vnode)
        return out

    def theme(self, node: yaml.Node) -> Theme:
        fields = self.mapping(node, "a theme")
        if "id" not in fields:
            self.fail(node, "theme without an 'id'")
        tid = self.scalar(fields["id"][1], "id")
        what = f"theme {tid!r}"
        for key, (knode, _) in fields.items():
            if key not in _THEME_KEYS:
                self.fail(knode, f"{what}: unknown field {key!r} (expected {', '.join(sorted(_THEME_KEYS))})")
        if "label" not in fields:
            self.fail(node, f"{what}: missing 'label' (at least en)")
        labels = {
            lang: self.scalar(v, f"{what} label {lang}")
            for lang, (_, v) in self.per_lang(fields["label"][1], f"{what} label", {k: k for k in LABEL_LANGS}).items()
        }
        if "en" not in labels:
            self.fail(fields["label"][1], f"{what}: label needs at least 'en'")
        patterns = self._patterns(fields, "patterns", what)
        exclude = self._patterns(fields, "exclude", what)
        polarity: dict[str, dict[str, float]] = {}
        if "polarity" in fields:
            for lang, (_, vnode) in self.per_lang(fields["polarity"][1], f"{what} polarity", _PATTERN_ALIASES).items():
                words = self.mapping(vnode, f"{what} polarity {lang}")
                entry = polarity.setdefault(_PATTERN_ALIASES[lang], {})
                for word, (_, value) in words.items():
                    try:
                        number = float(self.scalar(value, f"{what} polarity {lang} {word!r}"))
                    except ValueError:
                        self.fail(value, f"{what} polarity {lang} {word!r}: expected a number like -1 or 1")
                    entry[word] = number
        parent = self.scalar(fields["parent"][1], f"{what} parent") if "parent" in fields else None
        description = self.scalar(fields["description"][1], f"{what} description") if "description" in fields else ""
        return Theme(id=tid, label=labels, parent=parent, description=description,
                     patterns=patterns, exclude=exclude, polarity=polarity)

    def _patterns(self, fields, key: str, what: str) -> dict[str, tuple[str, ...]]:
        if key not in fields:
            return {}
        out: dict[str, tuple[str, ...]] = {}
        for lang, (_, vnode) in self.per_lang(fields[key][1], f"{what} {key}", _PATTERN_ALIASES).items():
            canon = _PATTERN_ALIASES[lang]
            out[canon] = out.get(canon, ()) + self.strings(vnode, f"{what} {key} {lang}")
        return out
