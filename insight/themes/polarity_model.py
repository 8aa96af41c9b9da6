"""``PolarityClassifier``: the polarity of a named theme in a comment, trained from labelled pairs (its
cross-validation is in ``evaluate``)."""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.utils.validation import check_is_fitted

from insight.errors import TrainingError
from insight.text.analysis import analyse_texts
from insight.themes.features import CompactVocabularies, drop_stop_words


class PolarityClassifier(CompactVocabularies, ClassifierMixin, BaseEstimator):
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
    semantic : float
        Scale of the comment's sentence embedding (the semantic tier), alone and crossed with the
        theme - one copy of it per theme, so that the same meaning can weigh differently for each
        (0: none).
    """

    def __init__(self, C=1.0, word_ngrams=(1, 2), char_ngrams=(2, 5), codeframe=None, context_weight=2.0,
                 semantic=0.0):
        self.C = C
        self.word_ngrams = word_ngrams
        self.char_ngrams = char_ngrams
        self.codeframe = codeframe
        self.context_weight = context_weight
        self.semantic = semantic

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
            drop_stop_words(self.word_vectorizer_)
            drop_stop_words(self.char_vectorizer_)
        else:
            blocks = [self.word_vectorizer_.transform(lem), self.char_vectorizer_.transform(frm)]
        index = {t: j for j, t in enumerate(self.themes_)}
        onehot = np.zeros((len(pairs), len(self.themes_)))
        for r, (_, theme) in enumerate(pairs):
            if theme in index:
                onehot[r, index[theme]] = 1
        blocks.append(sp.csr_matrix(onehot))
        if getattr(self, "semantic", 0.0):  # (models saved before the semantic tier have none)
            blocks.append(_crossed(texts, rows, onehot, self.semantic))
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
                    drop_stop_words(self.context_vectorizer_)
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


def _crossed(texts: list[str], rows: list[int], onehot: np.ndarray, scale: float) -> sp.csr_matrix:
    """Each pair's comment embedding, scaled, then again in its theme's block (embedding x theme)."""
    from insight.text.embed import embed

    vectors = embed(texts).vectors[rows] * scale
    crossed = (onehot[:, :, None] * vectors[:, None, :]).reshape(len(rows), -1)
    return sp.hstack([sp.csr_matrix(vectors), sp.csr_matrix(crossed)]).tocsr()
