"""A phrase matcher on lemma strings: spaCy's ``PhraseMatcher(attr="LEMMA")`` without a ``Doc``.

The tagger matches a codeframe's patterns (lemmatised by the language's pipeline) against the
lemmas of each comment. spaCy's matcher needs a ``Doc`` per comment, and building one (its tokens,
their lexemes, the lemma array) cost more than the rest of the tagging of a Chinese comment; this
one reads the lemma list :class:`insight.text.nlp.Analysed` already holds.

It returns what spaCy's returns, in the same order: by start, then by end, and the keys of one span
in the order spaCy's trie iterates them (read from spaCy's own matcher once per pattern when the
patterns are added), so tagging is unchanged to the byte.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

_END = None  # a trie node's key for the match keys of the phrase that ends there (lemmas are strings)


class LemmaMatcher:
    """Phrases (spaCy ``Doc`` s whose tokens carry lemmas) added under keys; called on a sequence
    of lemmas, returns ``(key, start, end)`` for every occurrence of every phrase."""

    def __init__(self, vocab) -> None:
        self._spacy = PhraseMatcher(vocab, attr="LEMMA")  # the order of the keys of one phrase
        self._trie: dict = {}
        self._phrases: dict[tuple[str, ...], list[str]] = {}
        self._unordered: set[tuple[str, ...]] = set()
        self.vocab = vocab

    def add(self, key: str, docs: Iterable[Doc]) -> None:
        docs = [d for d in docs if len(d)]
        self._spacy.add(key, docs)
        shared = self._unordered  # the phrases several keys share: ordered as spaCy orders them when first matched
        for doc in docs:
            phrase = tuple(t.lemma_ for t in doc)
            node = self._trie
            for lemma in phrase:
                node = node.setdefault(lemma, {})
            keys = self._phrases.setdefault(phrase, [])
            if key not in keys:
                keys.append(key)
                if len(keys) > 1:
                    shared.add(phrase)
            node[_END] = keys  # the same list: reordered in place (settle) as spaCy's trie orders it

    def settle(self) -> None:
        """Order the keys of the phrases several keys share as spaCy does (done when first called,
        else: call it before forking workers, so that each need not)."""
        for phrase in self._unordered:
            keys = self._phrases[phrase]
            keys[:] = self._spacy_order(phrase, keys)
        self._unordered.clear()

    def _spacy_order(self, phrase: tuple[str, ...], keys: list[str]) -> list[str]:
        """The keys of ``phrase`` in the order spaCy's matcher reports them on that phrase alone."""
        doc = Doc(self.vocab, words=[f"w{i}" for i in range(len(phrase))])
        for token, lemma in zip(doc, phrase):
            token.lemma_ = lemma
        strings = self.vocab.strings
        ordered = [strings[mid] for mid, start, end in self._spacy(doc) if start == 0 and end == len(phrase)]
        assert sorted(ordered) == sorted(keys), (phrase, ordered, keys)
        return ordered

    def __call__(self, lemmas: Sequence[str]) -> list[tuple[str, int, int]]:
        if self._unordered:
            self.settle()
        trie = self._trie
        out: list[tuple[str, int, int]] = []
        if trie.keys().isdisjoint(lemmas):  # most comments hold no exclusion or context word at all
            return out
        n = len(lemmas)
        for start, lemma in enumerate(lemmas):
            node = trie.get(lemma)
            if node is None:
                continue
            end = start + 1
            while True:
                keys = node.get(_END)
                if keys is not None:
                    out.extend((key, start, end) for key in keys)
                if end == n:
                    break
                node = node.get(lemmas[end])
                if node is None:
                    break
                end += 1
        return out
