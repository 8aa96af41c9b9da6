"""The features the trained models read besides their TF-IDF: the codeframe rules' findings as numbers,
and the vectoriser helpers both models use (parallel transform, compact vocabularies on disk).

Rule features: per top-level theme of the codeframe, whether the rules mention it, praise it and
blame it, and the comment's own polarity. A model trained with a codeframe reads them; the rule
tagger's findings (a :class:`~insight.text.analysis.TextAnalysis` made with the same codeframe)
are taken as they are, the rest is tagged here. This module's memo keeps the rows for its own
later calls (the folds of a cross-validation see the same comments again).
"""

from __future__ import annotations

import functools

import numpy as np
import scipy.sparse as sp

from insight.text.analysis import TextAnalysis, memoised

_MEMO: dict[tuple, np.ndarray] = {}
MEMO_LIMIT = 300_000  # entries; the memo is emptied when it would grow beyond


def rule_features(texts: list[str], codeframe_name: str | None, n_jobs: int | None = 1,
                  known: TextAnalysis | None = None) -> sp.csr_matrix | None:
    """Codeframe hits per top-level theme (mentioned, praised, blamed) and the comment's lexicon
    polarity (None without a codeframe)."""
    if codeframe_name is None:
        return None
    from insight.themes.codeframe import load_codeframe

    cf = load_codeframe(codeframe_name)
    rows = rule_rows(cf, texts, n_jobs, known)
    return sp.csr_matrix(np.vstack(rows) if rows else np.zeros((0, 3 * len(cf.roots) + 2)))


def rule_rows(cf, texts: list[str], n_jobs: int | None = 1, known: TextAnalysis | None = None) -> list[np.ndarray]:
    """The rule feature row of each text (matching forms) under codeframe ``cf``: from ``known``'s
    findings when they were made with ``cf``, from the memo, else tagged here."""
    kind = cf.fingerprint()
    given = known.findings if known is not None and known.codeframe == kind else {}
    rest = [t for t in texts if t not in given]
    got = dict(zip(rest, memoised(_MEMO, kind, rest, lambda missing: _tag_rows(cf, missing, n_jobs), MEMO_LIMIT)))
    found = [t for t in dict.fromkeys(texts) if t in given]
    got.update(zip(found, _rows(cf.roots, [given[t][0] for t in found], [given[t][1] for t in found])))
    return [got[t] for t in texts]


def _tag_rows(cf, texts: list[str], n_jobs: int | None) -> list[np.ndarray]:
    from insight.themes.tagger import RuleTagger

    tagger = RuleTagger(cf)
    result = tagger.tag(texts, n_jobs=n_jobs)
    return _rows(cf.roots, result.theme_polarity, result.comment_polarities(tagger))


def _rows(roots: list[str], theme_polarity: list, comment_polarity: list[int]) -> list[np.ndarray]:
    rows = np.zeros((len(theme_polarity), 3 * len(roots) + 2))
    for i, pol in enumerate(theme_polarity):
        for j, root in enumerate(roots):
            if root in pol:
                rows[i, 3 * j] = 1
                rows[i, 3 * j + 1] = pol[root] > 0
                rows[i, 3 * j + 2] = pol[root] < 0
    whole = np.array(comment_polarity)
    rows[:, -2] = whole > 0
    rows[:, -1] = whole < 0
    return list(rows)


def transform(vectorizer, docs: list[str], n_jobs: int | None = None) -> sp.csr_matrix:
    """``vectorizer.transform(docs)`` on ``n_jobs`` processes (``None``: one per core).

    scikit-learn counts n-grams in Python on one core, which was most of a large prediction; a
    TF-IDF row depends only on its own document, so chunks give the same matrix.
    """
    from insight.parallel import map_chunks

    rows = map_chunks(functools.partial(_transform_rows, vectorizer), docs, n_jobs,
                      label="the theme model's features")
    indptr = np.zeros(len(rows) + 1, dtype=np.int64)
    np.cumsum([len(idx) for idx, _ in rows], out=indptr[1:])
    indices = np.concatenate([idx for idx, _ in rows]) if rows else np.zeros(0, dtype=np.int32)
    data = np.concatenate([values for _, values in rows]) if rows else np.zeros(0)
    return sp.csr_matrix((data, indices, indptr), shape=(len(docs), len(vectorizer.vocabulary_)))


def _transform_rows(vectorizer, docs) -> list[tuple[np.ndarray, np.ndarray]]:
    """The TF-IDF rows of ``docs`` as (column indices, values) pairs."""
    m = _char_wb_transform(vectorizer, docs) if vectorizer.analyzer == "char_wb" else vectorizer.transform(docs)
    m = m.tocsr()
    m.sort_indices()
    return [(m.indices[a:b], m.data[a:b]) for a, b in zip(m.indptr[:-1], m.indptr[1:])]


def _char_wb_transform(vectorizer, docs) -> sp.csr_matrix:
    """``vectorizer.transform(docs)`` for character n-grams inside words, counted once per distinct
    word rather than once per occurrence (words repeat: most of the n-grams of a survey's comments
    are those of a few thousand words: 49k distinct comments 5.4 -> 3.7 s). scikit-learn's own code cuts
    each word into n-grams and turns the counts into TF-IDF, so the matrix is the same."""
    vocabulary = vectorizer.vocabulary_
    column = vocabulary.get
    preprocess, ngrams = vectorizer.build_preprocessor(), vectorizer._char_wb_ngrams
    known: dict[str, np.ndarray] = {}
    columns, lengths = [], []
    for doc in docs:
        n = 0
        for word in preprocess(doc).split():  # the words _char_wb_ngrams would cut the document into
            ids = known.get(word)
            if ids is None:
                ids = known[word] = np.array([j for j in map(column, ngrams(word)) if j is not None], dtype=np.int64)
            columns.append(ids)
            n += len(ids)
        lengths.append(n)
    cols = np.concatenate(columns) if columns else np.zeros(0, dtype=np.int64)
    rows = np.repeat(np.arange(len(docs)), lengths)
    counts = sp.csr_matrix((np.ones(len(cols), dtype=vectorizer.dtype), (rows, cols)),
                           shape=(len(docs), len(vocabulary)))  # duplicates summed: the counts
    counts.sort_indices()
    return vectorizer._tfidf.transform(counts, copy=False)


def drop_stop_words(vectorizer) -> None:
    """Forget the terms min_df cut (``stop_words_``): only for introspection, and by far the largest
    part of a saved model (scikit-learn's documentation recommends removing it before saving)."""
    if hasattr(vectorizer, "stop_words_"):
        del vectorizer.stop_words_


_VECTORIZERS = ("word_vectorizer_", "char_vectorizer_", "context_vectorizer_")


class CompactVocabularies:
    """Saves the fitted vectorizers' vocabularies as two arrays (the terms' UTF-8 bytes, and where
    each term ends) rather than a dict: skops writes and reads a dict entry by entry, and a model
    with a few hundred thousand n-grams took 2.9 s to save and 3.4 s to load."""

    def __getstate__(self) -> dict:
        import copy

        state = dict(super().__getstate__())  # for classes outside sklearn it is the live __dict__
        for name in _VECTORIZERS:
            vocabulary = getattr(state.get(name), "vocabulary_", None)
            if vocabulary is None:
                continue
            encoded = [term.encode("utf-8") for term in sorted(vocabulary, key=vocabulary.__getitem__)]
            vectorizer = copy.copy(state[name])  # the fitted one keeps its dict
            del vectorizer.vocabulary_
            state[name] = vectorizer
            state[f"{name}terms"] = (np.frombuffer(b"".join(encoded), dtype=np.uint8).copy(),
                                     np.cumsum([len(e) for e in encoded], dtype=np.int64))
        return state

    def __setstate__(self, state: dict) -> None:
        state = dict(state)
        for name in _VECTORIZERS:
            packed = state.pop(f"{name}terms", None)
            if packed is None:
                continue
            data, ends = packed[0].tobytes(), packed[1].tolist()
            starts = [0, *ends[:-1]]
            state[name].vocabulary_ = {data[a:b].decode("utf-8"): i for i, (a, b) in enumerate(zip(starts, ends))}
        super().__setstate__(state)


