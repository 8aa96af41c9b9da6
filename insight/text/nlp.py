"""Per-language spaCy pipelines, built offline from blank languages and cached.

* ``en``: blank English; lemmas from spacy-lookups-data's lookup table on lower-cased tokens.
* ``ru``: blank Russian; lemmas from pymorphy3 (normal form), cached word -> lemma.
* ``zh``: blank Chinese whose tokenizer is jieba's segmentation, run by rjieba (jieba-rs: the same
  dictionary and algorithm in Rust, ~15x faster than the Python jieba spaCy would call; spaCy's
  default splits characters); the lemma of a word is the word (text is converted to Simplified
  characters before it gets here).

Every pipeline ends with a sentencizer that also knows 。！？； . No trained pipeline is ever
loaded, so nothing is downloaded.
"""

from __future__ import annotations

import collections
import contextlib
import functools
import itertools
import re
from collections.abc import Container, Iterable, Iterator, Mapping

import spacy
from spacy.attrs import IDX, IS_ALPHA, IS_DIGIT, IS_PUNCT, IS_SPACE, LOWER, NORM, ORTH
from spacy.lang.lex_attrs import is_punct
from spacy.language import Language
from spacy.tokens import Doc

from insight.text import lexicons
from insight.text.lemmas import LEMMA_OF, glued

SENTENCE_PUNCT = [".", "!", "?", ";", "。", "！", "？", "；", "…", "~", "\n"]


def _lemma_component(lang: str):
    lemma_of = LEMMA_OF[lang]

    def set_lemmas(doc: Doc) -> Doc:
        for token in doc:
            token.lemma_ = lemma_of(token.lower_)
        return doc

    return set_lemmas


def _register() -> None:
    for lang in LEMMA_OF:
        name = f"insight_lemmas_{lang}"
        if not Language.has_factory(name):
            Language.component(name, func=_lemma_component(lang))


@functools.lru_cache(maxsize=None)
def pipeline(lang: str) -> Language:
    """The cached spaCy pipeline of ``lang`` (``en``, ``zh`` or ``ru``)."""
    if lang not in LEMMA_OF:
        raise ValueError(f"no pipeline for language {lang!r}; expected en, zh or ru")
    _register()
    if lang == "zh":
        nlp = spacy.blank("zh")  # its character segmenter is replaced by jieba's words
        nlp.tokenizer = _JiebaTokenizer(nlp.vocab)
    else:
        nlp = spacy.blank(lang)
    # a new word's lexeme computes every lexical attribute spaCy knows (shape, prefix, like_url,
    # stop word, ...) in Python; these are the ones read (measured: tagging ~12% faster)
    keep = {LOWER, NORM, IS_ALPHA, IS_DIGIT, IS_PUNCT, IS_SPACE}
    nlp.vocab.lex_attr_getters = {k: f for k, f in nlp.vocab.lex_attr_getters.items() if k in keep}
    nlp.add_pipe(f"insight_lemmas_{lang}")
    nlp.add_pipe("sentencizer", config={"punct_chars": SENTENCE_PUNCT})
    return nlp


class _JiebaTokenizer:
    """jieba's words (exact mode, HMM for unknown words) as a spaCy ``Doc``, as spaCy's own
    jieba tokenizer makes it, with the segmentation done by rjieba."""

    def __init__(self, vocab) -> None:
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        words, spaces = _words_and_spaces(_segmenter(_WORDS[0]).cut(text), text)
        return Doc(self.vocab, words=words, spaces=spaces)


_WHITESPACE = re.compile(r"\s")


def _words_and_spaces(pieces: list[str], text: str) -> tuple[list[str], list[bool]]:
    """spaCy's ``get_words_and_spaces`` for pieces that cover ``text`` in order (jieba's): one
    space after a word becomes its ``spaces`` flag, other whitespace a token of its own. Same
    result, in linear time (spaCy's slices the rest of the text for every word)."""
    words, spaces, _ = _words_at(pieces, text)
    return words, spaces


def _words_at(pieces: list[str], text: str) -> tuple[list[str], list[bool], list[int]]:
    """:func:`_words_and_spaces` and each word's character offset (spaCy's ``Token.idx``)."""
    if _WHITESPACE.search(text) is None:  # most Chinese comments: the pieces are the words, end to end
        words = [piece for piece in pieces if piece]
        starts = list(itertools.accumulate(map(len, words), initial=0))
        if starts[-1] == len(text):
            return words, [False] * len(words), starts[:-1]
    words = []
    spaces: list[bool] = []
    starts = []
    pos, end = 0, len(text)
    for piece in pieces:
        if not piece or piece.isspace():
            continue
        start = text.find(piece, pos)
        if start > pos:
            words.append(text[pos:start])
            spaces.append(False)
            starts.append(pos)
        words.append(piece)
        spaces.append(False)
        starts.append(start)
        pos = start + len(piece)
        if pos < end and text[pos] == " ":
            spaces[-1] = True
            pos += 1
    if pos < end:
        words.append(text[pos:])
        spaces.append(False)
        starts.append(pos)
    return words, spaces, starts


# The extra words the Chinese segmenter knows right now (a codeframe's); see segmenter_words.
_WORDS: list[frozenset[str]] = [frozenset()]
# Words jieba's dictionary lacks, so that it glues their last character to the next word: "比想象中差"
# (worse than imagined) came out 比 想象 中差 (中差: a "middling-to-bad" rating), "没有想象中好" as
# 想象 中好, "比想象中小" as 想象 中小 (small and medium-sized), hiding the verdict.
_SEGMENT_WORDS = frozenset({"想象中", "想像中", "预想中", "预期中", "期待中", "期望中", "处理了",
                            "一小团", "一小块", "一小口", "一小勺", "写着", "标着", "吃出来", "刚刚好",
                            "问题不大", "不碍事", "刚合适"})
# (处理了: a problem dealt with, 有问题马上就处理了, read as the resolvers of insight.text.polarity; 一小团 and the
# rest are the complaint cues' words: 馅就一小团, 写着送饮料，根本没有, 吃出来一块塑料; 刚刚好, 问题不大, 不碍事, 刚合适
# are the excuses' words, insight.text.excuses: 问题 / 不 / 大 blamed a 问题)


@functools.lru_cache(maxsize=4)  # ~25 MB each
def _segmenter(words: frozenset[str]):
    """A jieba segmenter with its dictionary plus the Chinese polarity lexicon's words (难喝 stays
    one token, not 难 + 喝) and ``words``, added in sorted order: a new word's frequency is derived
    from the dictionary as it stands, so the order must not depend on input."""
    import rjieba

    from insight.text.lexicons import words as lexicon_words

    segmenter = rjieba.Jieba()
    for w in sorted(words | _SEGMENT_WORDS | {w for w in lexicon_words("zh") if len(w) > 1}):
        segmenter.add_word(w, None, None)
    return segmenter


@contextlib.contextmanager
def segmenter_words(words: Iterable[str]) -> Iterator[None]:
    """Segment Chinese with jieba's dictionary plus ``words`` (a codeframe's patterns, so that they
    come out as tokens) inside the block.

    The segmentation of a text depends only on the words given here — not on which codeframes this
    process met before — so a Dask worker, a pool worker and the main process tokenise alike.
    """
    saved = _WORDS[0]
    _WORDS[0] = frozenset(w for w in words if len(w) > 1 and " " not in w)
    try:
        yield
    finally:
        _WORDS[0] = saved


# -- the fast path: tokens from spaCy's tokenizer or jieba, everything else once per distinct token ---

_SENT_PUNCT = frozenset(SENTENCE_PUNCT)


class _Lexicon:
    """Per language: token -> (text, lemma, is_punct, is_space, ends a sentence), by the token's
    orth hash (spaCy's tokenizer: English, Russian) or its text (jieba's words: Chinese).

    Filled as tokens are met, so each distinct token is lemmatised and classified once per process.
    """

    def __init__(self, lang: str) -> None:
        self.nlp = pipeline(lang)
        self.lemma_of = LEMMA_OF[lang]
        self.info: dict[int | str, tuple[str, str, bool, bool, bool]] = {}
        # space-separated chunk -> its tokens' information and offsets in it (_chunked)
        self.chunks: dict[str, tuple[tuple[tuple[str, str, bool, bool, bool], ...], tuple[int, ...]]] = {}
        rules = self.nlp.tokenizer.rules or () if lang != "zh" else ()
        # the first two chunks of the special cases that span a space ("в т.ч."): a text that holds one is
        # tokenised whole
        self.spaced = frozenset(tuple(rule.split(" ")[:2]) for rule in rules if " " in rule.strip())
        self.special = frozenset(rules)  # ("cannot", "mr.", "a.": a tokenizer's rule of its own)

    def get(self, orth: int | str) -> tuple[str, str, bool, bool, bool]:
        """The token's information; ``orth``: its hash in the pipeline's strings, or its text. Punctuation is
        told by spaCy's own lexical attribute function, so no lexeme is added to the vocabulary for a jieba word."""
        found = self.info.get(orth)
        if found is None:
            text = orth if isinstance(orth, str) else self.nlp.vocab.strings[orth]
            found = (text, self.lemma_of(text.lower()), is_punct(text), text.isspace(), text in _SENT_PUNCT)
            self.info[orth] = found
        return found


    def chunk(self, chunk: str) -> tuple[tuple[tuple[str, str, bool, bool, bool], ...], tuple[int, ...]]:
        """The information of the tokens of ``chunk`` (a text between single spaces) and their offsets in
        it, as the tokenizer makes them; kept for the first _MAX_CHUNKS chunks met. A word of letters
        that is no special case is one token, and so is each part of a lower-case one with a comma or a
        full stop after it ("london." is "london" and "."): no tokenizer run for them."""
        special = self.special
        if chunk.isalpha() and chunk not in special:
            found = ((self.get(chunk),), (0,))
        elif chunk[-1:] in _TRAILING and chunk[:-1].isalpha() and chunk[:-1].islower() and chunk not in special \
                and chunk[:-1] not in special:  # (not "X.": a capital's full stop stays with it)
            found = ((self.get(chunk[:-1]), self.get(chunk[-1])), (0, len(chunk) - 1))
        else:
            arr = self.nlp.make_doc(chunk).to_array([ORTH, IDX])
            known = self.info
            found = (tuple(known.get(o) or self.get(o) for o in arr[:, 0].tolist()), tuple(arr[:, 1].tolist()))
        if len(self.chunks) < _MAX_CHUNKS:
            self.chunks[chunk] = found
        return found


# distinct chunks remembered per language and process (~40 MB at most: the 1M survey's memory bar)
_MAX_CHUNKS = 200_000
_TRAILING = frozenset(",.!?;:")


def _chunked(lex: _Lexicon, text: str) -> tuple[list[tuple[str, str, bool, bool, bool]], list[int]] | None:
    """The tokens' information and offsets of ``text`` from its space-separated chunks, each tokenised
    once per process: the tokenizer splits at single spaces and reads each chunk alone, so the tokens
    are the chunks' own (tested equal on every English and Russian text of the shared data). None
    where the chunks are not the tokenizer's units: several spaces in a row, a space at either end,
    whitespace other than a space (a line break, a tab), a special case that spans a space ("в т.ч.")."""
    if not text or "  " in text or text[0] == " " or text[-1] == " " or not text.isprintable():
        return None  # (a line break or tab before a space is one whitespace token with it: "\n ")
    chunks = text.split(" ")
    if lex.spaced and not lex.spaced.isdisjoint(zip(chunks, chunks[1:])):
        return None
    get, chunk_of = lex.chunks.get, lex.chunk
    infos: list[tuple[str, str, bool, bool, bool]] = []
    idx: list[int] = []
    pos = 0
    for chunk in chunks:
        info, offsets = get(chunk) or chunk_of(chunk)
        infos += info
        if len(offsets) == 1:
            idx.append(pos)
        else:
            idx += [pos + o for o in offsets]
        pos += len(chunk) + 1
    return infos, idx


@functools.lru_cache(maxsize=None)
def _lexicon(lang: str) -> _Lexicon:
    return _Lexicon(lang)


class Analysed:
    """A comment tokenised as the language's spaCy pipeline does, with lemmas and sentences.

    ``texts``, ``lemmas``, ``idx`` (character offsets) and ``sents`` (token ranges) are plain tuples
    and lists, so reading them costs no spaCy objects. English and Russian are tokenised by spaCy's
    tokenizer; Chinese by jieba, without a ``Doc`` (building one cost more than reading the comment).
    Tokens, lemmas, offsets and sentence boundaries equal those of :func:`pipeline`'s full run.
    ``reading`` is the lemmas as the polarity rules read them (:func:`insight.text.lemmas.glued`: a
    hyphen inside a word is no clause break, "rip-off" one word); the patterns match ``lemmas``.
    """

    __slots__ = ("text", "texts", "lemmas", "reading", "idx", "punct", "space", "sents")

    def __init__(self, lang: str, text: str) -> None:
        lex = _lexicon(lang)
        known = lex.info
        if lang == "zh":
            words, _, idx = _words_at(_segmenter(_WORDS[0]).cut(text), text)
            infos = [known.get(w) or lex.get(w) for w in words]  # (an info tuple is never empty)
        elif (chunked := _chunked(lex, text)) is not None:
            infos, idx = chunked
        else:
            arr = lex.nlp.make_doc(text).to_array([ORTH, IDX])
            infos = [known.get(o) or lex.get(o) for o in arr[:, 0].tolist()]
            idx = arr[:, 1].tolist()
        n = len(infos)
        texts, lemmas, punct, space, ends = zip(*infos) if n else ((),) * 5
        self.text = text  # the tokens cover the text: it is not rebuilt from them
        self.texts, self.lemmas, self.punct, self.space = texts, lemmas, punct, space  # tuples: read only
        self.idx = idx
        self.reading = glued(texts, lemmas, idx, lang, _one_words(lang)) if lang != "zh" and "-" in text else lemmas
        # spaCy's sentencizer: a sentence starts at the first token after a sentence mark that is
        # neither punctuation nor another mark (only the marks are visited)
        starts, after = [0], 0
        for mark in [i for i, end in enumerate(ends) if end]:
            if mark < after:
                continue
            j = mark + 1
            while j < n and (punct[j] or ends[j]):
                j += 1
            if j < n:
                starts.append(j)
            after = j
        self.sents = [(a, b) for a, b in zip(starts, [*starts[1:], n]) if a < b]

    def span_text(self, start: int, end: int) -> str:
        """The text of tokens ``start..end`` (as spaCy's ``Span.text``)."""
        return self.text[self.idx[start]:self.idx[end - 1] + len(self.texts[end - 1])]

    def lemma_string(self) -> str:
        """Space-joined lemmas without punctuation and whitespace tokens."""
        return " ".join(lem for lem, p, s in zip(self.lemmas, self.punct, self.space) if not p and not s)


@functools.lru_cache(maxsize=None)
def _one_words(lang: str) -> Container[str]:
    """The words a hyphenated compound is read as (:func:`insight.text.lemmas.glued`): the polarity lexicon's and
    the middling verdicts ("so-so")."""
    return collections.ChainMap(lexicon(lang), dict.fromkeys(lexicons.VERDICTS[lang]))


@functools.lru_cache(maxsize=None)
def lexicon(lang: str) -> dict[str, float]:
    """The polarity lexicon of ``lang`` (``word -> value``, keyed by words and their lemmas): the list
    shipped in ``insight/text/lexicons``, and for English VADER's behind it (see ``lexicons.vader``)."""
    out = lemmatise_lexicon(lexicons.words(lang), lang)
    if lang == "en":
        vader = lemmatise_lexicon(lexicons.vader(), "en")
        for word, value in vader.items():
            if word not in lexicons.NOT_OPINIONS:
                out.setdefault(word, value)
    return out


def lemmatise_lexicon(words: Mapping[str, float], lang: str) -> dict[str, float]:
    """Key a word list by the lemmas our pipeline gives ("amazing" -> "amaze"), keeping the words too."""
    if lang == "zh":
        return dict(words)
    # the pipeline's tokenizer and lemma rule, without running the whole pipeline per word (10x faster)
    make_doc, lemma_of = pipeline(lang).make_doc, LEMMA_OF[lang]
    out = dict(words)
    for word in words:
        doc = make_doc(word)
        if len(doc) == 1:
            out.setdefault(lemma_of(doc[0].lower_), words[word])
    return out
