"""The languages of the report's text and of every label shown in it (themes, benchmarks)."""

UI_LANGS = ("en", "zh-Hans", "zh-Hant", "ru")
