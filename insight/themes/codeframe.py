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

**Word sense from context.** A pattern may be a mapping that names context words required
(``near``) or forbidden (``not_near``) in the same clause as the match; "service" is customer
service only near people and contact words, "fitting" is an installation near "engineer"::

    patterns:
      en:
        - {pattern: service, near: [advisor, call, staff, helpful, rude]}
        - {pattern: fitting, near: [engineer, appointment], not_near: [size, dress]}

**Packs.** A codeframe may build on another one (``base: core``): it has the base's themes, then
its own; ``extend`` adds patterns, exclusions and polarity words to base themes (and may give them
the industry's own label or description)::

    name: telecom
    version: "1"
    base: core
    extend:
      - id: reliability
        patterns: {en: [dropping out, no signal]}
    themes:
      - id: equipment
        ...
"""

from __future__ import annotations

import functools
import os
from pathlib import Path

import yaml

# the codeframe as a value; importing it from here is the usual way
from insight.themes.frame import (LABEL_LANGS, PATTERN_LANGS, Codeframe, CodeframeError, ContextPattern,  # noqa: F401
                                  Theme)

_PATTERN_ALIASES = {"en": "en", "zh": "zh", "zh-Hans": "zh", "zh-Hant": "zh", "ru": "ru"}
_THEME_KEYS = {"id", "parent", "label", "description", "patterns", "exclude", "polarity", "fallback"}
_EXTEND_KEYS = {"id", "label", "description", "patterns", "exclude", "polarity"}
_TOP_KEYS = ("name", "version", "description", "base", "domain_words", "extend", "themes")
_CONTEXT_KEYS = {"pattern", "near", "not_near"}

# libyaml's loader when PyYAML was built with it (5x faster; the same nodes and line marks)
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


# Installed with the package; models/codeframes in the repository points here.
SHIPPED_DIR = Path(__file__).resolve().parents[1] / "codeframes"


def shipped_names() -> list[str]:
    """Names of the codeframes installed with the package."""
    return sorted(p.stem for p in SHIPPED_DIR.glob("*.yaml"))


DEFAULT = "ecommerce"  # the codeframe of the Python API when none is named (the CLI's default is auto)


def load_codeframe(name_or_path: str | os.PathLike[str] | None = None) -> Codeframe:
    """Load a shipped codeframe by name (``ecommerce``, the default; ``core``, ``telecom``, ...) or a YAML path."""
    name = DEFAULT if name_or_path is None else str(name_or_path)
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
    return _shipped(name, res.stat().st_mtime_ns)


@functools.lru_cache(maxsize=32)
def _shipped(name: str, mtime: int) -> Codeframe:
    """A shipped codeframe, parsed once per process (and again if its file changes): ``auto`` reads
    them all, and a pack reads its base. Codeframes are immutable."""
    return parse_codeframe((SHIPPED_DIR / f"{name}.yaml").read_text(encoding="utf-8"), f"models/codeframes/{name}.yaml")


def parse_codeframe(text: str, source: str = "<codeframe>", _bases: tuple[str, ...] = ()) -> Codeframe:
    """Parse and validate codeframe YAML text; raise :class:`CodeframeError` naming the line and field.

    A ``base`` is a shipped codeframe's name or a YAML path (relative to ``source``'s folder).
    """
    try:
        root = yaml.compose(text, Loader=_LOADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{source}:{mark.line + 1}" if mark is not None else source
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise CodeframeError(f"{where}: YAML syntax error: {problem}") from None
    if root is None:
        raise CodeframeError(f"{source}: the codeframe is empty")
    v = _Validator(source)
    top = v.mapping(root, "the codeframe")
    unknown = set(top) - set(_TOP_KEYS)
    if unknown:
        key = sorted(unknown)[0]
        v.fail(top[key][0], f"unknown top-level field {key!r} (expected {', '.join(_TOP_KEYS)})")
    if "themes" not in top:
        v.fail(root, "missing field 'themes'")
    name = v.scalar(top["name"][1], "name") if "name" in top else Path(source).stem
    version = v.scalar(top["version"][1], "version") if "version" in top else "1"
    base = _base(v, top, source, _bases) if "base" in top else None
    if "extend" in top and base is None:
        v.fail(top["extend"][0], "'extend' adds to the themes of a base codeframe: name one with 'base'")
    themes_node = top["themes"][1]
    if not isinstance(themes_node, yaml.SequenceNode) or not themes_node.value:
        v.fail(themes_node, "'themes' must be a non-empty list")
    own = [(v.theme(node), node) for node in themes_node.value]
    inherited: list[tuple[Theme, yaml.Node | None]] = []
    if base is not None:
        extended = _extensions(v, top["extend"][1], base) if "extend" in top else {}
        inherited = [(extended.get(t.id, t), None) for t in base.themes]
    _check_ids(inherited + own, v, base.name if base is not None else "")
    domain_words = v.domain_words(top["domain_words"][1]) if "domain_words" in top else {}
    return Codeframe(name=name, version=version, themes=tuple(t for t, _ in inherited + own), source=source,
                     base=f"{base.name} {base.version}" if base is not None else None, domain_words=domain_words)


def _base(v: _Validator, top: dict[str, tuple[yaml.Node, yaml.Node]], source: str,
          seen: tuple[str, ...]) -> Codeframe:
    """The base codeframe a pack builds on (shipped name, or a path relative to the pack's file)."""
    knode, vnode = top["base"]
    name = v.scalar(vnode, "base")
    if name in seen:
        v.fail(knode, f"base {name!r}: a codeframe cannot build on itself ({' -> '.join([*seen, name])})")
    beside = Path(source).parent / name
    if Path(name).suffix.lower() in (".yaml", ".yml") and beside.is_file():
        text, where = beside.read_text(encoding="utf-8"), str(beside)
    elif (SHIPPED_DIR / f"{name}.yaml").is_file():
        return load_codeframe(name) if not seen else parse_codeframe(
            (SHIPPED_DIR / f"{name}.yaml").read_text(encoding="utf-8"), f"models/codeframes/{name}.yaml", (*seen, name))
    else:
        v.fail(vnode, f"base {name!r}: no shipped codeframe or file of that name (shipped: {', '.join(shipped_names())})")
    return parse_codeframe(text, where, (*seen, name))


def _extensions(v: _Validator, node: yaml.Node, base: Codeframe) -> dict[str, Theme]:
    """The base's themes as ``extend`` changes them: patterns, exclusions, context patterns and polarity
    words added; a label (per language) or description given replaces the base's."""
    if not isinstance(node, yaml.SequenceNode):
        v.fail(node, "'extend' must be a list of base theme ids with what to add")
    out: dict[str, Theme] = {}
    for item in node.value:
        fields, tid, what = v.entry(item, "an extension", "extension without an 'id' (the base theme it adds to)",
                                    "extension of", _EXTEND_KEYS)
        if tid not in base:
            v.fail(fields["id"][1], f"{what}: base {base.name!r} has no theme {tid!r}")
        if tid in out:
            v.fail(fields["id"][1], f"{what}: given twice")
        add = v.theme_body(fields, what, tid, label_required=False)
        old = base[tid]

        def joined(a: dict, b: dict) -> dict:
            return {lang: tuple(a.get(lang, ())) + tuple(b.get(lang, ())) for lang in {*a, *b}}

        out[tid] = Theme(id=tid, parent=old.parent, label={**old.label, **add.label},
                         description=add.description or old.description,
                         patterns=joined(old.patterns, add.patterns), exclude=joined(old.exclude, add.exclude),
                         polarity={lang: {**old.polarity.get(lang, {}), **add.polarity.get(lang, {})}
                                   for lang in {*old.polarity, *add.polarity}},
                         context=joined(old.context, add.context), fallback=old.fallback or add.fallback)
    return out


def _check_ids(themes: list[tuple[Theme, yaml.Node | None]], v: _Validator, base: str) -> None:
    """Unique ids, known parents, no parent cycles; ``themes`` are (theme, its node) and a base's
    themes have no node (they were checked in their own file)."""
    seen: dict[str, int | None] = {}
    for theme, node in themes:
        if theme.id in seen and node is not None:
            first = seen[theme.id]
            v.fail(node, f"duplicate theme id {theme.id!r} (" + (f"first defined at line {first})" if first else
                         f"a theme of the base {base!r}; add to it with 'extend')"))
        seen[theme.id] = node.start_mark.line + 1 if node is not None else None
    by_id = {t.id: t for t, _ in themes}
    fallbacks = [(t, n) for t, n in themes if t.fallback]
    if len(fallbacks) > 1:
        theme, node = next((t, n) for t, n in fallbacks[1:] if n is not None)
        v.fail(node, f"theme {theme.id!r}: only one theme can be the fallback ({fallbacks[0][0].id!r} is)")
    for theme, node in themes:
        if node is not None and theme.parent is not None and theme.parent not in by_id:
            v.fail(node, f"theme {theme.id!r}: unknown parent {theme.parent!r}")
    for theme, node in themes:
        chain, current = [theme.id], theme
        while current.parent is not None:
            if current.parent in chain:
                cycle = " -> ".join(chain[chain.index(current.parent):] + [current.parent])
                v.fail(node, f"theme {theme.id!r}: parent cycle {cycle}")
            chain.append(current.parent)
            current = by_id[current.parent]


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

    def entry(self, node: yaml.Node, kind: str, no_id: str, named: str, keys: set[str]
              ) -> tuple[dict[str, tuple[yaml.Node, yaml.Node]], str, str]:
        """The fields of a theme or an extension, its id, and how errors name it; unknown fields fail."""
        fields = self.mapping(node, kind)
        if "id" not in fields:
            self.fail(node, no_id)
        tid = self.scalar(fields["id"][1], "id")
        what = f"{named} {tid!r}"
        for key, (knode, _) in fields.items():
            if key not in keys:
                self.fail(knode, f"{what}: unknown field {key!r} (expected {', '.join(sorted(keys))})")
        return fields, tid, what

    def theme(self, node: yaml.Node) -> Theme:
        fields, tid, what = self.entry(node, "a theme", "theme without an 'id'", "theme", _THEME_KEYS)
        if "label" not in fields:
            self.fail(node, f"{what}: missing 'label' (at least en)")
        return self.theme_body(fields, what, tid)

    def theme_body(self, fields, what: str, tid: str, label_required: bool = True) -> Theme:
        labels = {
            lang: self.scalar(v, f"{what} label {lang}")
            for lang, (_, v) in self.per_lang(fields["label"][1], f"{what} label", {k: k for k in LABEL_LANGS}).items()
        } if "label" in fields else {}
        if label_required and "en" not in labels:
            self.fail(fields["label"][1], f"{what}: label needs at least 'en'")
        patterns, context = self._patterns(fields, "patterns", what, with_context=True)
        exclude, _ = self._patterns(fields, "exclude", what)
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
        fallback = False
        if "fallback" in fields:
            value = self.scalar(fields["fallback"][1], f"{what} fallback").lower()
            if value not in ("true", "false"):
                self.fail(fields["fallback"][1], f"{what} fallback: expected true or false")
            fallback = value == "true"
        return Theme(id=tid, label=labels, parent=parent, description=description,
                     patterns=patterns, exclude=exclude, polarity=polarity, context=context, fallback=fallback)

    def _patterns(self, fields, key: str, what: str, with_context: bool = False
                  ) -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[ContextPattern, ...]]]:
        """Plain patterns and (``with_context``) patterns with context words, per canonical language."""
        if key not in fields:
            return {}, {}
        out: dict[str, tuple[str, ...]] = {}
        context: dict[str, tuple[ContextPattern, ...]] = {}
        for lang, (_, vnode) in self.per_lang(fields[key][1], f"{what} {key}", _PATTERN_ALIASES).items():
            canon = _PATTERN_ALIASES[lang]
            where = f"{what} {key} {lang}"
            items = vnode.value if isinstance(vnode, yaml.SequenceNode) else [vnode]
            for item in items:
                if isinstance(item, yaml.MappingNode) and with_context:
                    context[canon] = context.get(canon, ()) + (self.context_pattern(item, where),)
                elif isinstance(item, yaml.MappingNode):
                    self.fail(item, f"{where}: context words ({{pattern: ..., near: [...]}}) belong in 'patterns'")
                else:
                    out[canon] = out.get(canon, ()) + self.strings(item, where)
        return out, context

    def domain_words(self, node: yaml.Node) -> dict[str, tuple[str, ...]]:
        out: dict[str, tuple[str, ...]] = {}
        for lang, (_, vnode) in self.per_lang(node, "domain_words", _PATTERN_ALIASES).items():
            canon = _PATTERN_ALIASES[lang]
            out[canon] = out.get(canon, ()) + self.strings(vnode, f"domain_words {lang}")
        return out

    def context_pattern(self, node: yaml.Node, where: str) -> ContextPattern:
        fields = self.mapping(node, f"{where}: a pattern with context words")
        for key, (knode, _) in fields.items():
            if key not in _CONTEXT_KEYS:
                self.fail(knode, f"{where}: unknown field {key!r} in a pattern with context words "
                                 "(expected pattern, near, not_near)")
        if "pattern" not in fields:
            self.fail(node, f"{where}: a pattern with context words needs 'pattern'")
        pattern = self.scalar(fields["pattern"][1], f"{where} pattern")
        near = self.strings(fields["near"][1], f"{where} {pattern!r} near") if "near" in fields else ()
        not_near = self.strings(fields["not_near"][1], f"{where} {pattern!r} not_near") if "not_near" in fields else ()
        if not near and not not_near:
            self.fail(node, f"{where}: pattern {pattern!r} has no context words (give near or not_near, "
                            "or write it as a plain pattern)")
        return ContextPattern(pattern, near, not_near)
