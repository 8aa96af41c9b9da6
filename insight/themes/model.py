"""``ThemeClassifier``: a multi-label theme model analysts retrain from their own labelled comments.

A scikit-learn estimator (``__init__`` stores parameters, ``fit`` validates and returns ``self``,
learned state ends in ``_``). Features, all computed offline:

* word and word-bigram TF-IDF over the language-aware lemmas of the text pipeline (English lookup
  lemmas, Russian pymorphy3 normal forms, Chinese jieba words);
* character n-gram TF-IDF over the matching form (robust to typos and unseen inflections);
* what the engine already knows, when a codeframe is given: which of its themes the rules find
  (and with which polarity), and the comment's lexicon polarity.

One linear SVM per label (one-vs-rest); each label's decision threshold is tuned on
cross-validated decision scores to maximise that label's F1. From PARALLEL_FIT_ROWS training rows
the SVMs are fitted on all cores, with the same result. With ``at_least_one=True`` every
comment with content gets at least its most likely theme.
"""

from __future__ import annotations

import functools

import numpy as np
import scipy.sparse as sp
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.model_selection import KFold
from sklearn.preprocessing import MultiLabelBinarizer
from sklearn.svm import LinearSVC
from sklearn.utils.validation import check_is_fitted

from insight.errors import InsightError


PREDICT_BATCH = 50_000  # distinct texts featurised at once when predicting
PARALLEL_FIT_ROWS = 2_000  # training rows from which the SVMs are fitted on all cores


class TrainingError(InsightError):
    """Labelled data that cannot train a model (one class, too few examples, ...)."""


def _lemma_strings(items: list[tuple[str, str]]) -> list[str]:
    """Space-joined lemmas (punctuation dropped) of each (language, matching form): the tagger's fast
    path, which gives the pipeline's tokens and lemmas (same strings, ~20% faster than its pipe)."""
    from insight.text.nlp import Analysed

    return [Analysed(lang, form).lemma_string() for lang, form in items]


# Per-text results (analysis, rule features) are kept for the process's later calls: the folds of a
# cross-validation, a notebook's retraining and evaluation all see the same comments again.
_MEMO: dict[tuple, object] = {}
MEMO_LIMIT = 300_000  # entries; the memo is emptied when it would grow beyond


def _memoised(kind: tuple, keys: list[str], compute) -> list:
    """``compute(missing keys) -> values`` for the keys not seen before under ``kind``; all values in order."""
    missing = [k for k in dict.fromkeys(keys) if (kind, k) not in _MEMO]
    fresh = dict(zip(missing, compute(missing))) if missing else {}
    # read before storing: storing may empty the memo, the keys found in it included
    out = [fresh[k] if k in fresh else _MEMO[(kind, k)] for k in keys]
    if fresh:
        _store(kind, list(fresh.items()))
    return out


def _store(kind: tuple, items: list[tuple[str, object]]) -> None:
    """Keep (key, value) ``items`` under ``kind``; the memo is emptied first when they would not fit beside it."""
    if len(_MEMO) + len(items) > MEMO_LIMIT:
        _MEMO.clear()
    _MEMO.update(((kind, key), value) for key, value in items)


def analyse_texts(texts: list[str], n_jobs: int | None = 1) -> tuple[list[str], list[str], list[str]]:
    """Per text: space-joined lemmas, matching form and language (each distinct text processed once,
    on ``n_jobs`` processes; ``None`` = one per core)."""
    got = _memoised(("analysis",), list(texts), lambda missing: _analyse(missing, n_jobs))
    return [g[0] for g in got], [g[1] for g in got], [g[2] for g in got]


def _analyse(texts: list[str], n_jobs: int | None) -> list[tuple[str, str, str]]:
    from insight.parallel import map_chunks
    from insight.text import prepare

    prepared = prepare(texts, n_jobs=n_jobs)
    distinct = list(dict.fromkeys(
        (lang, form) for lang, form, content in zip(prepared["lang"], prepared["form"], prepared["content"])
        if content and lang in ("en", "zh", "ru")
    ))
    cache = dict(zip(distinct, map_chunks(_lemma_strings, distinct, n_jobs)))
    forms, langs = prepared["form"].tolist(), prepared["lang"].tolist()
    return [(cache.get((lang, form), form), form, lang) for lang, form in zip(langs, forms)]


def remember_analysis(texts: list[str], lemmas: list[str], langs: list[str]) -> None:
    """Take the analysis of matching forms ``texts`` made elsewhere (the rule tagger's, in a report),
    so that predicting on them does not analyse them again. Chinese is left out: the tagger cuts
    Chinese with its codeframe's words added to the dictionary, a model with the dictionary alone.
    Nothing is kept when it would not fit in the memo."""
    kept = [(text, (lem, text, lang)) for text, lem, lang in zip(texts, lemmas, langs) if lang != "zh"]
    _remember(("analysis",), kept)


def remember_rules(codeframe, texts: list[str], theme_polarity: list[dict[str, int]], comment_polarity: list[int]
                   ) -> None:
    """Take the rule tagger's findings for ``texts`` (matching forms, tagged with ``codeframe``) as the
    rule features of a model trained with that codeframe, so that predicting does not tag them again."""
    rows = _rule_rows(codeframe.roots, theme_polarity, comment_polarity)
    _remember(_rules_kind(codeframe), list(zip(texts, rows)))


def _remember(kind: tuple, items: list[tuple[str, object]]) -> None:
    if len(items) <= MEMO_LIMIT:  # more would not fit: predicting computes them, batch by batch
        _store(kind, items)


def _rules_kind(cf) -> tuple[str, str]:
    import hashlib

    return ("rules", hashlib.sha1(repr(cf).encode("utf-8")).hexdigest())  # an edited codeframe is another


def _rule_features(texts: list[str], codeframe_name: str | None, n_jobs: int | None = 1):
    """Codeframe hits per top-level theme (mentioned, praised, blamed) and the comment's lexicon
    polarity (None without a codeframe)."""
    if codeframe_name is None:
        return None
    from insight.themes.codeframe import load_codeframe

    cf = load_codeframe(codeframe_name)
    rows = _known_rule_rows(cf, texts, n_jobs)
    width = 3 * len(cf.roots) + 2
    return sp.csr_matrix(np.vstack(rows) if rows else np.zeros((0, width)))


def _known_rule_rows(cf, texts: list[str], n_jobs: int | None) -> list[np.ndarray]:
    """The rule feature row of each text, tagged with ``cf`` only where the memo does not have it."""
    return _memoised(_rules_kind(cf), list(texts), lambda missing: _tag_rule_rows(cf, missing, n_jobs))


def _tag_rule_rows(cf, texts: list[str], n_jobs: int | None) -> list[np.ndarray]:
    from insight.themes.tagger import RuleTagger

    tagger = RuleTagger(cf)
    result = tagger.tag(texts, n_jobs=n_jobs)
    return _rule_rows(cf.roots, result.theme_polarity, result.comment_polarities(tagger))


def _rule_rows(roots: list[str], theme_polarity: list[dict[str, int]], comment_polarity: list[int]
               ) -> list[np.ndarray]:
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

    rows = map_chunks(functools.partial(_transform_rows, vectorizer), docs, n_jobs)
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


def _drop_stop_words(vectorizer) -> None:
    """Forget the terms min_df cut (``stop_words_``): only for introspection, and by far the largest
    part of a saved model (scikit-learn's documentation recommends removing it before saving)."""
    if hasattr(vectorizer, "stop_words_"):
        del vectorizer.stop_words_


_VECTORIZERS = ("word_vectorizer_", "char_vectorizer_", "context_vectorizer_")


class _CompactVocabularies:
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


class ThemeClassifier(_CompactVocabularies, ClassifierMixin, BaseEstimator):
    """Multi-label theme classifier over language-aware tokens.

    Parameters
    ----------
    C : float
        Inverse regularisation strength of each label's linear SVM.
    nb_scale : bool
        Scale each label's features by their naive Bayes log-count ratio (NBSVM, Wang & Manning,
        ACL 2012): words that separate the label weigh more before the SVM sees them. Measured by
        5-fold CV: SemEval-2014 restaurants micro-F1 0.819 -> 0.829, ASAP 0.644 -> 0.670.
    word_ngrams, char_ngrams : tuple of int
        N-gram ranges of the lemma and character TF-IDF features (``char_ngrams=None`` drops them).
    min_df : int
        Minimum document frequency of a feature.
    codeframe : str or None
        A shipped codeframe name or YAML path whose rule hits become features (``None``: text only).
    cv : int
        Folds used to tune the per-label decision thresholds.
    at_least_one : bool
        Give every comment with content at least its most likely label.
    random_state : int
        Seed of the threshold cross-validation split.
    """

    def __init__(self, C=1.0, nb_scale=True, word_ngrams=(1, 2), char_ngrams=(2, 5), min_df=1, codeframe=None,
                 cv=5, at_least_one=False, random_state=0):
        self.C = C
        self.nb_scale = nb_scale
        self.word_ngrams = word_ngrams
        self.char_ngrams = char_ngrams
        self.min_df = min_df
        self.codeframe = codeframe
        self.cv = cv
        self.at_least_one = at_least_one
        self.random_state = random_state

    # -- features ------------------------------------------------------------------------------

    def _features(self, texts: list[str], fit: bool, jobs: int | None = None):
        # predicting (a report's whole survey) uses every core unless told otherwise; fitting runs
        # inside cross-validation loops
        jobs = 1 if fit else jobs
        lemmas, forms, _ = analyse_texts(texts, n_jobs=jobs)
        if fit:
            self.word_vectorizer_ = TfidfVectorizer(token_pattern=r"\S+", lowercase=False, ngram_range=self.word_ngrams,
                                                    min_df=self.min_df, sublinear_tf=True)
            blocks = [self.word_vectorizer_.fit_transform(lemmas)]
            _drop_stop_words(self.word_vectorizer_)
            if self.char_ngrams:
                self.char_vectorizer_ = TfidfVectorizer(analyzer="char_wb", ngram_range=self.char_ngrams,
                                                        min_df=self.min_df, sublinear_tf=True)
                blocks.append(self.char_vectorizer_.fit_transform(forms))
                _drop_stop_words(self.char_vectorizer_)
        else:
            blocks = [transform(self.word_vectorizer_, lemmas, jobs)]
            if self.char_ngrams:
                blocks.append(transform(self.char_vectorizer_, forms, jobs))
        rules = _rule_features(texts, self.codeframe, n_jobs=jobs)
        if rules is not None:
            blocks.append(rules)
        content = np.array([bool(f) for f in forms])
        return sp.hstack(blocks).tocsr(), content

    # -- fitting -------------------------------------------------------------------------------

    def fit(self, X, y):
        """Fit on texts ``X`` and label lists ``y`` (e.g. ``[["food"], ["food", "service"], []]``)."""
        texts = _texts(X)
        if len(texts) != len(y):
            raise TrainingError(f"got {len(texts)} texts but {len(y)} label lists")
        self.binarizer_ = MultiLabelBinarizer()
        Y = self.binarizer_.fit_transform([list(labels) for labels in y])
        self.classes_ = self.binarizer_.classes_
        _check_labels(self.classes_, Y)
        features, _ = self._features(texts, fit=True)
        folds = self._threshold_folds(Y)
        # Every SVM of the fit - each label's, and each label's on each threshold fold - on all cores
        # for larger data (liblinear is seeded per call: the same weights in any process; each fold's
        # scores are computed where its SVM was fitted, as on one core: scores from an SVM sent back
        # to this process differed in the last bits). A label on every training row (or on none)
        # cannot be learnt: it gets a constant score, and so does a fold's.
        tasks = [(-1, j) for j in range(Y.shape[1]) if 0 < Y[:, j].sum() < len(Y)]
        tasks += [(k, j) for k, (train, _) in enumerate(folds) for j in range(Y.shape[1])
                  if Y[train, j].min() < Y[train, j].max()]
        from insight.parallel import map_chunks

        fitted = map_chunks(functools.partial(self._fit_tasks, features, Y, folds), tasks,
                            None if features.shape[0] >= PARALLEL_FIT_ROWS else 1, min_items=2)
        done = dict(zip(tasks, fitted))
        self.estimators_ = [done[(-1, j)] if (-1, j) in done else bool(Y[0, j]) for j in range(Y.shape[1])]
        self.thresholds_ = self._thresholds(Y, folds, done)
        return self

    def _fit_tasks(self, features, Y, folds, tasks: list[tuple[int, int]]) -> list:
        """Per (fold, label) task: the label's SVM on all rows (fold -1), or its decision scores on
        the fold's held-out rows."""
        out = []
        for k, j in tasks:
            if k < 0:
                out.append(self._fit_label(features, Y[:, j]))
            else:
                train, test = folds[k]
                out.append(self._fit_label(features[train], Y[train, j]).decision_function(features[test]))
        return out

    def _fit_label(self, features, y: np.ndarray) -> LinearSVC:
        """One label's SVM; with ``nb_scale`` fitted on NB-scaled features, the scale folded into its
        weights afterwards, so that it scores the unscaled features."""
        # tol 1e-3 rather than liblinear's 1e-4, at which a third of the fits on a 6k-comment bootstrap
        # stopped at max_iter unconverged: the same 5-fold scores (SemEval 0.829, ASAP 0.665, silver
        # labels 0.946), training 1.6x faster
        svm = LinearSVC(C=self.C, class_weight="balanced", tol=1e-3, random_state=self.random_state)
        if not self.nb_scale:
            return svm.fit(features, y)
        ratio = _nb_ratio(features, y)
        svm.fit(sp.csr_matrix(features.multiply(ratio)), y)
        svm.coef_ = svm.coef_ * ratio
        return svm

    def _threshold_folds(self, Y) -> list[tuple[np.ndarray, np.ndarray]]:
        """The (train, test) rows of the cross-validation that tunes the thresholds (none when a label
        is too rare to be split)."""
        folds = min(self.cv, int(Y.sum(axis=0).min()), len(Y))
        if folds < 2:
            return []
        return list(KFold(n_splits=folds, shuffle=True, random_state=self.random_state).split(Y))

    def _thresholds(self, Y, folds, done: dict[tuple[int, int], np.ndarray]) -> np.ndarray:
        """Per label, the threshold on cross-validated decision scores (``done``) that maximises that label's F1."""
        if not folds:
            return np.zeros(Y.shape[1])
        scores = np.zeros(Y.shape, dtype=float)
        for k, (train, test) in enumerate(folds):
            for j in range(Y.shape[1]):
                scores[test, j] = done[(k, j)] if (k, j) in done else 1.0 if Y[train, j].max() else -1.0
        return np.array([_best_threshold(scores[:, j], Y[:, j]) for j in range(Y.shape[1])])

    # -- prediction ----------------------------------------------------------------------------

    def decision_function(self, X) -> np.ndarray:
        check_is_fitted(self, "estimators_")
        features, _ = self._features(_texts(X), fit=False)
        return self._scores(features)

    def _scores(self, features) -> np.ndarray:
        n = features.shape[0]
        return np.column_stack([
            est.decision_function(features) if not isinstance(est, bool) else np.full(n, 1.0 if est else -1.0)
            for est in self.estimators_
        ])

    def predict(self, X) -> np.ndarray:
        """Indicator matrix (n_texts x n_labels) of predicted labels.

        Each distinct text is predicted once, in batches of PREDICT_BATCH, so memory stays bounded
        on a million comments; a text's prediction does not depend on the others.
        """
        check_is_fitted(self, "estimators_")
        import pandas as pd

        texts = _texts(X)
        codes, uniques = pd.factorize(pd.Series(texts, dtype=object))
        parts = [self._predict_distinct(list(uniques[i:i + PREDICT_BATCH]))
                 for i in range(0, len(uniques), PREDICT_BATCH)]
        if not parts:
            return np.zeros((0, len(self.binarizer_.classes_)), dtype=int)
        return np.vstack(parts)[codes]

    def _predict_distinct(self, texts: list[str]) -> np.ndarray:
        # The analysis and the rule features are made first, on every core, and kept in the memo;
        # then each worker (forked: it has them) builds its chunk's feature rows and scores them, so
        # no process holds the whole batch's features and only the scores travel back, not the
        # feature rows (bench survey, 100k: predict 16.8 -> 11.8 s and 1.66 -> 0.80 GB; a 1M report
        # with --model: peak 3.7-3.8 -> 2.9-3.0 GB summed PSS; the same predictions).
        analyse_texts(texts, n_jobs=None)
        if self.codeframe is not None:
            from insight.themes.codeframe import load_codeframe

            _known_rule_rows(load_codeframe(self.codeframe), texts, n_jobs=None)  # the memo only: no matrix
        from insight.parallel import map_chunks

        parts = map_chunks(functools.partial(_score_rows, self), texts, None)
        scores = np.array([score for score, _ in parts]).reshape(len(texts), len(self.estimators_))
        content = np.array([has for _, has in parts], dtype=bool)
        out = (scores >= self.thresholds_).astype(int)
        if self.at_least_one:
            empty = (out.sum(axis=1) == 0) & content
            out[empty, np.argmax(scores[empty] - self.thresholds_, axis=1)] = 1
        out[~content] = 0
        return out

    def predict_labels(self, X) -> list[list[str]]:
        """Predicted label lists, one per text."""
        return [list(labels) for labels in self.binarizer_.inverse_transform(self.predict(X))]


def _score_rows(model: ThemeClassifier, texts: list[str]) -> list[tuple[np.ndarray, bool]]:
    """Per text: the model's decision scores and whether it has content (features built here, on one core)."""
    features, content = model._features(texts, fit=False, jobs=1)
    return list(zip(model._scores(features), content.tolist()))


def _texts(X) -> list[str]:
    if isinstance(X, str):
        raise TrainingError("expected a list of texts, got one string")
    return ["" if x is None or (isinstance(x, float) and x != x) else str(x) for x in X]


def _check_labels(classes, Y) -> None:
    if len(classes) == 0:
        raise TrainingError("no labels: every row's label list is empty")
    counts = Y.sum(axis=0)
    rare = [c for c, n in zip(classes, counts) if n < 2]
    if rare:
        raise TrainingError(f"label {rare[0]!r} occurs only {int(counts[list(classes).index(rare[0])])} time(s); "
                            "each label needs at least 2 examples (merge it, drop it or label more comments)")


def _nb_ratio(features, y: np.ndarray, alpha: float = 1.0) -> np.ndarray:
    """Per feature, log of its (smoothed) share among the label's rows over its share among the others."""
    present = sp.csr_matrix(features != 0, dtype=np.float64)
    p = np.asarray(present[y == 1].sum(axis=0)).ravel() + alpha
    q = np.asarray(present[y == 0].sum(axis=0)).ravel() + alpha
    return np.log((p / p.sum()) / (q / q.sum()))


def _best_threshold(scores: np.ndarray, truth: np.ndarray) -> float:
    """The decision threshold maximising F1 (midpoints between sorted scores; 0 when no positives)."""
    if truth.sum() == 0:
        return 0.0
    order = np.argsort(-scores, kind="stable")
    s, t = scores[order], truth[order]
    tp = np.cumsum(t)
    fp = np.cumsum(1 - t)
    f1 = 2 * tp / (tp + fp + t.sum())
    k = int(np.argmax(f1))
    nxt = s[k + 1] if k + 1 < len(s) else s[k] - 1.0
    return float((s[k] + nxt) / 2)


def cross_validate(texts: list[str], labels: list[list[str]], params: dict | None = None, folds: int = 5,
                   seed: int = 0) -> dict[str, object]:
    """K-fold cross-validated micro and per-label precision/recall/F1 of a ThemeClassifier."""
    from insight.themes.evaluate import score_sets

    predicted: list[set[str]] = [set() for _ in texts]
    split = KFold(n_splits=folds, shuffle=True, random_state=seed)
    for train, test in split.split(texts):
        model = ThemeClassifier(**(params or {})).fit([texts[i] for i in train], [labels[i] for i in train])
        for i, p in zip(test, model.predict_labels([texts[i] for i in test])):
            predicted[i] = set(p)
    space = sorted({label for row in labels for label in row})
    return {"folds": folds, "seed": seed, **score_sets([set(row) for row in labels], predicted, space)}


def model_predictor(model, codeframe_name: str | None = None):
    """A predictor for :func:`insight.themes.evaluate.evaluate` backed by a trained model.

    Polarity comes from the model's polarity classifier when it has one (``--polarity-col`` at
    training), else from the codeframe rules when the model was trained with a codeframe (a theme's
    polarity where the rules found it, else the comment's); otherwise it is not available.
    """

    def predict(texts):
        sets = [set(p) for p in model.predict_labels(texts)]
        polarity_model = getattr(model, "polarity_", None)
        if polarity_model is not None:
            cache: dict[tuple[int, str], int] = {}

            def polarity_of(i: int, theme: str) -> int:
                if not cache:  # one batch for every (comment, label) pair
                    pairs = [(texts[k], label) for k in range(len(texts)) for label in model.classes_]
                    cache.update(zip([(k, label) for k in range(len(texts)) for label in model.classes_],
                                     polarity_model.predict(pairs).tolist()))
                return cache.get((i, theme), 0)

            return sets, polarity_of
        if codeframe_name is None:
            return sets, lambda i, theme: 0
        from insight.themes.codeframe import load_codeframe
        from insight.themes.tagger import RuleTagger, rule_predictor

        _, rule_polarity = rule_predictor(RuleTagger(load_codeframe(codeframe_name)))(texts)
        return sets, rule_polarity

    return predict


class PolarityClassifier(_CompactVocabularies, ClassifierMixin, BaseEstimator):
    """Polarity (-1, 0, +1) of a named theme in a comment, as SemEval subtask 4 asks it.

    ``X`` is a sequence of ``(text, theme)`` pairs. Features: the comment's lemma and character
    TF-IDF, the theme, and - with a codeframe - the rule tagger's polarity for that theme in that
    comment (the comment's overall polarity when the rules did not find the theme), alone and per
    theme, and the lemma TF-IDF of the clauses in which the rules found the theme (of the whole
    comment when they did not): "great" and "rude" in "the pasta was great but the waiter was rude"
    belong to different themes. A multinomial logistic regression combines them.

    Parameters
    ----------
    C : float
        Inverse regularisation strength.
    word_ngrams, char_ngrams : tuple of int
        N-gram ranges of the lemma and character TF-IDF features (the clauses' use ``word_ngrams``).
    codeframe : str or None
        Shipped codeframe name or YAML path whose rule polarity and theme clauses become features.
    context_weight : float
        Scale of the theme clauses' TF-IDF against the comment's (0: left out).
    """

    def __init__(self, C=1.0, word_ngrams=(1, 2), char_ngrams=(2, 5), codeframe=None, context_weight=2.0):
        self.C = C
        self.word_ngrams = word_ngrams
        self.char_ngrams = char_ngrams
        self.codeframe = codeframe
        self.context_weight = context_weight

    def _features(self, X, fit: bool):
        pairs = [(str(text), str(theme)) for text, theme in X]
        texts = list(dict.fromkeys(text for text, _ in pairs))
        lemmas, forms, _ = analyse_texts(texts)
        where = {t: k for k, t in enumerate(texts)}
        rows = [where[text] for text, _ in pairs]
        lem = [lemmas[k] for k in rows]
        frm = [forms[k] for k in rows]
        if fit:
            self.word_vectorizer_ = TfidfVectorizer(token_pattern=r"\S+", lowercase=False,
                                                    ngram_range=self.word_ngrams, sublinear_tf=True)
            self.char_vectorizer_ = TfidfVectorizer(analyzer="char_wb", ngram_range=self.char_ngrams, sublinear_tf=True)
            self.themes_ = sorted({theme for _, theme in pairs})
            blocks = [self.word_vectorizer_.fit_transform(lem), self.char_vectorizer_.fit_transform(frm)]
            _drop_stop_words(self.word_vectorizer_)
            _drop_stop_words(self.char_vectorizer_)
        else:
            blocks = [self.word_vectorizer_.transform(lem), self.char_vectorizer_.transform(frm)]
        index = {t: j for j, t in enumerate(self.themes_)}
        onehot = np.zeros((len(pairs), len(self.themes_)))
        for r, (_, theme) in enumerate(pairs):
            if theme in index:
                onehot[r, index[theme]] = 1
        blocks.append(sp.csr_matrix(onehot))
        if self.codeframe is not None:
            from insight.themes.codeframe import load_codeframe
            from insight.themes.tagger import RuleTagger

            tagger = RuleTagger(load_codeframe(self.codeframe))
            result = tagger.tag(texts)
            whole = result.comment_polarities(tagger)
            asked = [(where[text], theme) for text, theme in pairs]
            rule = np.array([result.theme_polarity[row].get(theme, whole[row]) for row, theme in asked])
            signs = np.column_stack([rule == 1, rule == -1, rule == 0]).astype(float)
            crossed = np.hstack([signs[:, [0]] * onehot, signs[:, [1]] * onehot])
            blocks.append(sp.csr_matrix(np.hstack([signs, crossed]) * 3.0))
            if self.context_weight:
                contexts = tagger.theme_contexts(result, asked)
                if fit:
                    self.context_vectorizer_ = TfidfVectorizer(token_pattern=r"\S+", lowercase=False,
                                                               ngram_range=self.word_ngrams, sublinear_tf=True)
                    blocks.append(self.context_vectorizer_.fit_transform(contexts) * self.context_weight)
                    _drop_stop_words(self.context_vectorizer_)
                else:
                    blocks.append(self.context_vectorizer_.transform(contexts) * self.context_weight)
        return sp.hstack(blocks).tocsr()

    def fit(self, X, y):
        """Fit on ``(text, theme)`` pairs and their polarity -1/0/+1."""
        from sklearn.linear_model import LogisticRegression

        y = np.asarray(y, dtype=int)
        if len(X) != len(y):
            raise TrainingError(f"got {len(X)} (text, theme) pairs but {len(y)} polarities")
        if len(set(y.tolist())) < 2:
            raise TrainingError("polarity training needs at least two different polarities")
        features = self._features(X, fit=True)
        # newton-cg minimises the same objective as the default lbfgs, here in half the time
        # (SemEval-2014 polarity CV 0.777 with either)
        self.estimator_ = LogisticRegression(C=self.C, max_iter=2000, solver="newton-cg").fit(features, y)
        self.classes_ = self.estimator_.classes_
        return self

    def predict(self, X) -> np.ndarray:
        check_is_fitted(self, "estimator_")
        if len(X) == 0:
            return np.array([], dtype=int)
        return self.estimator_.predict(self._features(X, fit=False))


def polarity_pairs(texts: list[str], cells: list[str]) -> tuple[list[tuple[str, str]], list[int], list[int]]:
    """(text, label) pairs with a single gold polarity from JSON cells; conflict/both are left out.

    Returns the pairs, their polarities and the row each pair comes from (for grouped CV).
    """
    from insight.themes.evaluate import CONFLICT, POLARITY_NAMES, parse_gold_polarity

    pairs, ys, rows = [], [], []
    for i, (text, cell) in enumerate(zip(texts, cells)):
        for label, value in parse_gold_polarity(cell, i + 1).items():
            if value in CONFLICT or value not in POLARITY_NAMES:
                continue
            pairs.append((text, label))
            ys.append(POLARITY_NAMES[value])
            rows.append(i)
    return pairs, ys, rows


def cross_validate_polarity(pairs, ys, rows, params: dict | None = None, folds: int = 5) -> dict[str, float]:
    """Accuracy of PolarityClassifier over folds that keep each comment's pairs together."""
    from sklearn.model_selection import GroupKFold

    y = np.asarray(ys)
    correct = 0
    for train, test in GroupKFold(n_splits=folds).split(pairs, y, rows):
        model = PolarityClassifier(**(params or {})).fit([pairs[j] for j in train], y[train])
        correct += int((model.predict([pairs[j] for j in test]) == y[test]).sum())
    return {"accuracy": correct / len(y), "pairs": len(y), "folds": folds}
