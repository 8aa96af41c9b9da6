"""A codeframe as a value: its themes (ids, parents, labels per UI language, patterns per language,
context patterns) and the lookups the tagger and the reports use. Read from YAML by ``codeframe``."""

from __future__ import annotations

from dataclasses import dataclass, field

from insight.errors import InsightError
from insight.languages import TEXT_LANGS, UI_LANGS

LABEL_LANGS = UI_LANGS
PATTERN_LANGS = TEXT_LANGS


class CodeframeError(InsightError):
    """A codeframe file is invalid; the message names the file, line and field."""


@dataclass(frozen=True)
class ContextPattern:
    """A pattern that counts only with one of ``near`` in its clause and none of ``not_near``."""

    pattern: str
    near: tuple[str, ...] = ()
    not_near: tuple[str, ...] = ()

    def describe(self) -> str:
        """``service (near: advisor, call; not near: network)``, as ``codeframe show`` prints it."""
        parts = [f"near: {', '.join(self.near)}" if self.near else "",
                 f"not near: {', '.join(self.not_near)}" if self.not_near else ""]
        return f"{self.pattern} ({'; '.join(p for p in parts if p)})"


@dataclass(frozen=True)
class Theme:
    id: str
    label: dict[str, str]
    parent: str | None = None
    description: str = ""
    patterns: dict[str, tuple[str, ...]] = field(default_factory=dict)
    exclude: dict[str, tuple[str, ...]] = field(default_factory=dict)
    polarity: dict[str, dict[str, float]] = field(default_factory=dict)
    context: dict[str, tuple[ContextPattern, ...]] = field(default_factory=dict)  # per language
    # the theme of a comment that judges (praise, blame, a complaint) but names no theme at all
    fallback: bool = False
    # proposed by discovery for comments no theme of the codeframe covers (not in any YAML file)
    discovered: bool = False

    def label_in(self, lang: str) -> str:
        """Label in a UI language (en, zh-Hans, zh-Hant, ru), falling back to English, then the id."""
        return self.label.get(lang) or self.label.get("en") or self.id

    def pattern_count(self, lang: str) -> int:
        """Patterns of ``lang`` (en, zh, ru), those with context words included."""
        return len(self.patterns.get(lang, ())) + len(self.context.get(lang, ()))

    def words(self, lang: str) -> list[str]:
        """Every word or phrase of ``lang`` the theme names: patterns, context words, exclusions."""
        out = [*self.patterns.get(lang, ()), *self.exclude.get(lang, ())]
        for rule in self.context.get(lang, ()):
            out += [rule.pattern, *rule.near, *rule.not_near]
        return out


@dataclass(frozen=True)
class Codeframe:
    name: str
    version: str
    themes: tuple[Theme, ...]
    source: str = ""
    base: str | None = None  # "core 1" for a pack built on the core codeframe
    # words that tell its industry's comments apart (broadband, router; 外卖, 骑手), per language:
    # what `--codeframe auto` looks for (insight.themes.choose)
    domain_words: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def title(self) -> str:
        """``telecom 1 (on core 1)``: what the reports and the terminal call it."""
        return f"{self.name} {self.version}" + (f" (on {self.base})" if self.base else "")

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

    def fingerprint(self) -> str:
        """A digest of everything the codeframe says: an edited codeframe is another one."""
        import hashlib

        return hashlib.sha1(repr(self).encode("utf-8")).hexdigest()

    @property
    def fallback(self) -> str | None:
        """The id of the theme that takes what a comment judges without naming any theme, if any."""
        return next((t.id for t in self.themes if t.fallback), None)
