"""The languages of the report's text and of every label shown in it (themes, benchmarks)."""

UI_LANGS = ("en", "zh-Hans", "zh-Hant", "ru")
# The languages the text pipeline reads (tokens, lemmas, polarity) and codeframes write patterns in;
# Traditional Chinese is read as Chinese.
TEXT_LANGS = ("en", "zh", "ru")
