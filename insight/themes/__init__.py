"""Themes: codeframes, the rule tagger and its evaluation."""
