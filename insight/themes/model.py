"""``ThemeClassifier``: a multi-label theme model analysts retrain from their own labelled comments.

A scikit-learn estimator (``__init__`` stores parameters, ``fit`` validates and returns ``self``,
learned state ends in ``_``). Features, all computed offline:

* word and word-bigram TF-IDF over the language-aware lemmas of the text pipeline (English lookup
  lemmas, Russian pymorphy3 normal forms, Chinese jieba words);
* character n-gram TF-IDF over the matching form (robust to typos and unseen inflections);
* what the engine already knows, when a codeframe is given: which of its themes the rules find
  (and with which polarity), and the comment's lexicon polarity;
* with ``semantic`` > 0, the comment's sentence embedding (:mod:`insight.text.embed`, the optional
  semantic tier) scaled by ``semantic``: what the words mean, beyond the words seen in training.

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

from insight.errors import TrainingError
from insight.text.analysis import TextAnalysis, analyse_texts
from insight.themes.features import CompactVocabularies, drop_stop_words, rule_features, rule_rows, transform
# the models saved before the polarity model had its own module (2026-12) name it here
from insight.themes.polarity_model import PolarityClassifier  # noqa: F401

PREDICT_BATCH = 50_000  # distinct texts featurised at once when predicting
PARALLEL_FIT_ROWS = 2_000  # training rows from which the SVMs are fitted on all cores


class ThemeClassifier(CompactVocabularies, ClassifierMixin, BaseEstimator):
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
    semantic : float
        Scale of the sentence-embedding features (0: none; the semantic tier must be installed to
        train or use a model with them).
    """

    def __init__(self, C=1.0, nb_scale=True, word_ngrams=(1, 2), char_ngrams=(2, 5), min_df=1, codeframe=None,
                 cv=5, at_least_one=False, random_state=0, semantic=0.0):
        self.C = C
        self.nb_scale = nb_scale
        self.word_ngrams = word_ngrams
        self.char_ngrams = char_ngrams
        self.min_df = min_df
        self.codeframe = codeframe
        self.cv = cv
        self.at_least_one = at_least_one
        self.random_state = random_state
        self.semantic = semantic

    # -- features ------------------------------------------------------------------------------

    def _features(self, texts: list[str], fit: bool, jobs: int | None = None, known: TextAnalysis | None = None):
        # predicting (a report's whole survey) uses every core unless told otherwise; fitting runs
        # inside cross-validation loops
        jobs = 1 if fit else jobs
        lemmas, forms, _ = analyse_texts(texts, n_jobs=jobs, known=known)
        rules = rule_features(texts, self.codeframe, n_jobs=jobs, known=known)
        return self._matrix(lemmas, forms, rules, fit, jobs, self._embedded(texts))

    def _embedded(self, texts: list[str]) -> np.ndarray | None:
        """The texts' sentence embeddings when the model uses them (computed once, then cached)."""
        if not getattr(self, "semantic", 0.0):  # (models saved before the semantic tier have none)
            return None
        from insight.text.embed import embed

        return embed(texts).vectors

    def _matrix(self, lemmas: list[str], forms: list[str], rules, fit: bool, jobs: int | None = 1,
                embedded: np.ndarray | None = None):
        """The feature rows of analysed texts (``rules``: their rule features, or None; ``embedded``:
        their sentence embeddings, or None) and whether each has content."""
        if fit:
            self.word_vectorizer_ = TfidfVectorizer(token_pattern=r"\S+", lowercase=False, ngram_range=self.word_ngrams,
                                                    min_df=self.min_df, sublinear_tf=True)
            blocks = [self.word_vectorizer_.fit_transform(lemmas)]
            drop_stop_words(self.word_vectorizer_)
            if self.char_ngrams:
                self.char_vectorizer_ = TfidfVectorizer(analyzer="char_wb", ngram_range=self.char_ngrams,
                                                        min_df=self.min_df, sublinear_tf=True)
                blocks.append(self.char_vectorizer_.fit_transform(forms))
                drop_stop_words(self.char_vectorizer_)
        else:
            blocks = [transform(self.word_vectorizer_, lemmas, jobs)]
            if self.char_ngrams:
                blocks.append(transform(self.char_vectorizer_, forms, jobs))
        if rules is not None:
            blocks.append(rules)
        if embedded is not None:  # the last columns (the NB scaling leaves them as they are)
            blocks.append(sp.csr_matrix(embedded * self.semantic))
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
                            None if features.shape[0] >= PARALLEL_FIT_ROWS else 1, min_items=2, label="training")
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
        if self.semantic:
            from insight.text.embed import DIM

            ratio[-DIM:] = 1.0  # dense embedding columns: every row has them, no ratio to read
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
        """Each label's decision score of feature rows: all of them, or those without the
        embeddings' columns (a semantic model's prediction adds :meth:`_embedding_scores` to these)."""
        n = features.shape[0]
        return np.column_stack([
            np.full(n, 1.0 if est else -1.0) if isinstance(est, bool)
            else est.decision_function(features) if features.shape[1] == est.coef_.shape[1]
            else np.asarray(features @ est.coef_[0, :features.shape[1]]).ravel() + est.intercept_[0]
            for est in self.estimators_
        ])

    def _embedding_scores(self, embedded: np.ndarray) -> np.ndarray:
        """The embeddings' part of each label's decision score: one dense product here, rather than
        384 dense columns in every worker's sparse feature rows (a 100k report: ~25 s -> ~3 s)."""
        from insight.text.embed import DIM

        weights = np.column_stack([np.zeros(DIM) if isinstance(est, bool) else est.coef_[0, -DIM:]
                                   for est in self.estimators_])
        return (embedded * self.semantic) @ weights

    def predict(self, X, analysis: TextAnalysis | None = None) -> np.ndarray:
        """Indicator matrix (n_texts x n_labels) of predicted labels.

        Each distinct text is predicted once, in batches of PREDICT_BATCH, so memory stays bounded
        on a million comments; a text's prediction does not depend on the others. ``analysis``:
        what the rule tagger already knows of these texts (matching forms), so that it is not
        worked out again.
        """
        check_is_fitted(self, "estimators_")
        import pandas as pd

        texts = _texts(X)
        codes, uniques = pd.factorize(pd.Series(texts, dtype=object))
        parts = [self._predict_distinct(list(uniques[i:i + PREDICT_BATCH]), analysis)
                 for i in range(0, len(uniques), PREDICT_BATCH)]
        if not parts:
            return np.zeros((0, len(self.binarizer_.classes_)), dtype=int)
        return np.vstack(parts)[codes]

    def _predict_distinct(self, texts: list[str], known: TextAnalysis | None) -> np.ndarray:
        # The analysis and the rule features are made first, on every core; then each worker builds
        # its chunk's feature rows and scores them, so no process holds the whole batch's features
        # and only the scores travel back, not the feature rows (bench survey, 100k: predict 16.8 ->
        # 11.8 s and 1.66 -> 0.80 GB; a 1M report with --model: peak 3.7-3.8 -> 2.9-3.0 GB summed
        # PSS; the same predictions).
        lemmas, forms, _ = analyse_texts(texts, n_jobs=None, known=known)
        rules: list = [None] * len(texts)
        if self.codeframe is not None:
            from insight.themes.codeframe import load_codeframe

            rules = rule_rows(load_codeframe(self.codeframe), texts, n_jobs=None, known=known)
        embedded = self._embedded(texts)  # here: the engine's threads never run in a forked worker
        from insight.parallel import map_chunks

        parts = map_chunks(functools.partial(_score_rows, self), list(zip(lemmas, forms, rules)), None,
                           label="themes from the model")
        scores = np.array([score for score, _ in parts]).reshape(len(texts), len(self.estimators_))
        if embedded is not None:
            scores = scores + self._embedding_scores(embedded)
        content = np.array([has for _, has in parts], dtype=bool)
        out = (scores >= self.thresholds_).astype(int)
        if self.at_least_one:
            empty = (out.sum(axis=1) == 0) & content
            out[empty, np.argmax(scores[empty] - self.thresholds_, axis=1)] = 1
        out[~content] = 0
        return out

    def without_semantic(self) -> ThemeClassifier:
        """The model for a run without the semantic tier: a model trained with embeddings carries a
        text-only twin trained on the same labels (``plain_``, made by ``train_theme_model``);
        a model without embeddings is its own."""
        if not getattr(self, "semantic", 0.0):
            return self
        plain = getattr(self, "plain_", None)
        if plain is None:
            raise TrainingError("this model needs the semantic tier and has no text-only twin; retrain it "
                                "with `insight train` or turn the tier on (--semantic on)")
        return plain

    def predict_labels(self, X) -> list[list[str]]:
        """Predicted label lists, one per text."""
        return [list(labels) for labels in self.binarizer_.inverse_transform(self.predict(X))]


def _score_rows(model: ThemeClassifier, rows: list[tuple[str, str, np.ndarray | None]]
                ) -> list[tuple[np.ndarray, bool]]:
    """Per analysed text (lemmas, form, rule row or None): the model's decision scores but the
    embeddings' part, and whether it has content (features built here, on one core)."""
    if not rows:
        return []
    lemmas, forms, rules = zip(*rows)
    matrix = None if rules[0] is None else sp.csr_matrix(np.vstack(rules))
    features, content = model._matrix(list(lemmas), list(forms), matrix, fit=False, jobs=1)
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


def model_predictor(model, codeframe_name: str | None = None, semantic: str = "auto"):
    """A predictor for :func:`insight.themes.evaluate.evaluate` backed by a trained model.

    Polarity comes from the model's polarity classifier when it has one (``--polarity-col`` at
    training), else from the codeframe rules when the model was trained with a codeframe (a theme's
    polarity where the rules found it, else the comment's); otherwise it is not available. A model
    trained with the semantic tier uses it as ``semantic`` says (else its text-only twin).
    """
    trained = model

    def predict(texts):
        model = trained
        if getattr(model, "semantic", 0.0):
            from insight.text.embed import tier_on

            model = model if tier_on(semantic, texts) else model.without_semantic()
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
