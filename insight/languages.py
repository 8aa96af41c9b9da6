"""The languages of the report's text and of every label shown in it (themes, benchmarks), and the
languages the text pipeline reads.

A UI language is added here (its code, and its number marks when they are not English's) and its
strings in :mod:`insight.report.i18n` and :mod:`insight.serve.strings` (one more column of each
table); the codeframes' theme labels follow, and ``insight codeframe validate`` names the missing
ones."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class UiLanguage:
    """A report language: how it writes 1,234.5 (``group`` and ``decimal`` marks) and the d3-format
    locale its charts' axes use (None: English's)."""

    group: str = ","
    decimal: str = "."
    chart_locale: str | None = None

    def number(self, english: str) -> str:
        """A number written the English way (``1,234.5``) with this language's marks."""
        if (self.group, self.decimal) == (",", "."):
            return english
        return english.translate(str.maketrans({",": self.group, ".": self.decimal}))


# code -> its marks, in the order of the UI string table's columns. Russian writes 1 234,5 (with a
# no-break space), as d3's ru-RU locale, which draws its charts' axes, does.
UI_LANGUAGES: dict[str, UiLanguage] = {
    "en": UiLanguage(),
    "zh-Hans": UiLanguage(),
    "zh-Hant": UiLanguage(),
    "ru": UiLanguage(group="\u00a0", decimal=",", chart_locale="ru-RU"),
}
UI_LANGS = tuple(UI_LANGUAGES)
# The languages the text pipeline reads (tokens, lemmas, polarity) and codeframes write patterns in;
# Traditional Chinese is read as Chinese.
TEXT_LANGS = ("en", "zh", "ru")
